"""Help ▸ About the method: the series, the 7 P's and the four A's credited in the app."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QTextBrowser

from workbook import about
from workbook.about import ABOUT_THE_METHOD, SOURCES
from workbook.gui.help_menu import about_method_html

pytestmark = pytest.mark.gui


def test_the_help_menu_opens_about_the_method(window, qtbot):
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    assert window.actions.about_method in help_menu.actions()
    window.actions.about_method.trigger()
    dialog = window.findChild(QDialog, "about_method")
    assert dialog is not None and dialog.isVisible()
    text = dialog.findChild(QTextBrowser, "about_method_text").toPlainText()
    assert "Jay Deragon" in text and "Telligent" in text and "four A's" in text
    assert ABOUT_THE_METHOD[0][:60] in " ".join(text.split())
    dialog.close()
    qtbot.waitUntil(lambda: window.findChild(QDialog, "about_method") is None)
    QApplication.processEvents()


def test_every_source_is_listed_with_its_words_escaped(monkeypatch):
    page = about_method_html()
    for source in SOURCES:
        assert source.author in page and source.title in page
    assert "“Creating Social Media Value”" in page
    monkeypatch.setattr(about, "SOURCES", (about.Source("A & B", "<i>T</i>", "x < y"),))
    page = about_method_html()
    assert "A &amp; B" in page and "&lt;i&gt;T&lt;/i&gt;" in page and "x &lt; y" in page
