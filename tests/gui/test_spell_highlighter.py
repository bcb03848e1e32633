"""Spell-check in text widgets: squiggles where words are misspelt (checked after typing
pauses), and suggestions, Add to dictionary and Ignore in the context menu."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLineEdit, QMenu, QPlainTextEdit

from workbook import spelling
from workbook.appdirs import data_dir
from workbook.gui.spell_highlighter import (
    add_spelling_entries,
    attach_spellcheck,
    loader,
    spellcheck_of,
)

pytestmark = pytest.mark.gui

SQUIGGLE = QTextCharFormat.UnderlineStyle.SpellCheckUnderline


def _ready(qtbot, handle) -> None:
    """Wait for the handle's dictionary (loaded on a worker thread), even when it is off."""
    qtbot.waitUntil(lambda: loader().speller(handle.language) is not None, timeout=20_000)


def _squiggles(edit: QPlainTextEdit) -> list[tuple[int, int]]:
    """(start, length) of the underlined ranges, as the highlighter laid them out."""
    found = []
    block = edit.document().firstBlock()
    while block.isValid():
        for item in block.layout().formats():
            if item.format.underlineStyle() == SQUIGGLE:
                found.append((block.position() + item.start, item.length))
        block = block.next()
    return sorted(found)


def _plain(qtbot, text: str, **options) -> tuple[QPlainTextEdit, object]:
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    edit.setPlainText(text)
    edit.resize(500, 200)
    edit.show()
    handle = attach_spellcheck(edit, **options)
    _ready(qtbot, handle)
    return edit, handle


def _line(qtbot, text: str, **options) -> tuple[QLineEdit, object]:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.setText(text)
    edit.resize(400, 30)
    edit.show()
    qtbot.waitExposed(edit)
    handle = attach_spellcheck(edit, **options)
    _ready(qtbot, handle)
    return edit, handle


def _red_pixels(widget) -> int:
    image = widget.grab().toImage()
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            colour = image.pixelColor(x, y)
            # The squiggle is thin and blended with the background: reddish, not pure red.
            count += colour.red() - colour.green() > 60 and colour.red() - colour.blue() > 60
    return count


def _viewport_point(edit: QPlainTextEdit, position: int) -> QPoint:
    cursor = QTextCursor(edit.document())
    cursor.setPosition(position)
    return edit.cursorRect(cursor).center()


# ---------------------------------------------------------------- text edits


def test_misspelt_words_get_a_squiggle(qtbot) -> None:
    edit, _handle = _plain(qtbot, "Teh cake is lovley.\nVisit www.crumb.co.uk, ask @anna_k")
    qtbot.waitUntil(lambda: _squiggles(edit) == [(0, 3), (12, 6)])


def test_typing_is_checked_only_after_a_pause(qtbot) -> None:
    edit, handle = _plain(qtbot, "The lovley cake")
    highlighter = handle.highlighter
    qtbot.waitUntil(lambda: _squiggles(edit) == [(4, 6)])
    edit.moveCursor(QTextCursor.MoveOperation.End)
    checks = highlighter.full_checks
    qtbot.keyClicks(edit, " was recieved")
    # While typing: no full check of the paragraph, and the new word is not judged yet;
    # the word judged before keeps its squiggle.
    assert highlighter.full_checks == checks
    assert _squiggles(edit) == [(4, 6)]
    qtbot.waitUntil(lambda: _squiggles(edit) == [(4, 6), (20, 8)])
    assert highlighter.full_checks == checks + 1


def test_switch_and_language(qtbot) -> None:
    edit, handle = _plain(qtbot, "The colour of the center", settings_enabled=False)
    qtbot.wait(50)
    assert _squiggles(edit) == []
    handle.set_enabled(True)
    qtbot.waitUntil(lambda: _squiggles(edit) == [(18, 6)])  # British: "center" is US
    handle.set_language("en_US")
    _ready(qtbot, handle)
    qtbot.waitUntil(lambda: _squiggles(edit) == [(4, 6)])  # US: "colour" is British


def test_context_menu_suggests_and_replaces(qtbot) -> None:
    edit, handle = _plain(qtbot, "A lovley cake")
    menu = QMenu()
    standard = menu.addAction("Copy")
    assert add_spelling_entries(edit, menu, _viewport_point(edit, 4))
    texts = [action.text() for action in menu.actions()]
    assert texts[0] == "lovely"
    assert "Add “lovley” to dictionary" in texts and "Ignore" in texts
    assert menu.actions()[-1] is standard  # the widget's own entries stay, below ours
    menu.actions()[0].trigger()
    assert edit.toPlainText() == "A lovely cake"
    # A correct word gets no spelling entries.
    menu = QMenu()
    assert not add_spelling_entries(edit, menu, _viewport_point(edit, 11))
    assert menu.actions() == []


def test_add_to_dictionary_and_ignore(qtbot) -> None:
    edit, handle = _plain(qtbot, "Crumbworth and Zorbly")
    qtbot.waitUntil(lambda: _squiggles(edit) == [(0, 10), (15, 6)])
    menu = QMenu()
    add_spelling_entries(edit, menu, _viewport_point(edit, 3))
    next(a for a in menu.actions() if a.text().startswith("Add ")).trigger()
    qtbot.waitUntil(lambda: _squiggles(edit) == [(15, 6)])
    assert "crumbworth" in (data_dir() / spelling.USER_DICTIONARY).read_text(encoding="utf-8")
    menu = QMenu()
    add_spelling_entries(edit, menu, _viewport_point(edit, 17))
    next(a for a in menu.actions() if a.text() == "Ignore").trigger()
    qtbot.waitUntil(lambda: _squiggles(edit) == [])
    assert "zorbly" not in (data_dir() / spelling.USER_DICTIONARY).read_text(encoding="utf-8")


def test_plain_widgets_get_the_menu_and_own_menus_are_kept(qtbot) -> None:
    edit, handle = _plain(qtbot, "text")
    assert edit.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu

    class OwnMenu(QPlainTextEdit):
        def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
            menu = self.createStandardContextMenu(event.pos())
            add_spelling_entries(self, menu, event.pos())

    own = OwnMenu()
    qtbot.addWidget(own)
    attach_spellcheck(own)
    assert own.contextMenuPolicy() == Qt.ContextMenuPolicy.DefaultContextMenu
    assert attach_spellcheck(own) is spellcheck_of(own)  # attached once


# ---------------------------------------------------------------- line edits


def test_line_edit_squiggles_without_touching_text_or_undo(qtbot) -> None:
    edit, handle = _line(qtbot, "Teh cake")
    qtbot.waitUntil(lambda: handle.underlined == [(0, 3)])
    assert edit.text() == "Teh cake" and not edit.isUndoAvailable() and not edit.isModified()
    assert _red_pixels(edit) > 0
    edit.setText("The cake")
    qtbot.waitUntil(lambda: handle.underlined == [])
    qtbot.waitUntil(lambda: _red_pixels(edit) == 0)


def test_line_edit_typing_waits_for_the_pause(qtbot) -> None:
    edit, handle = _line(qtbot, "")
    edit.setFocus()
    qtbot.keyClicks(edit, "Lovley")
    assert handle.underlined == []  # not judged while typing
    qtbot.waitUntil(lambda: handle.underlined == [(0, 6)])
    qtbot.keyClicks(edit, " lovley")
    assert handle.underlined == [(0, 6), (7, 13)]  # judged before: shown at once


def test_line_edit_context_menu(qtbot) -> None:
    edit, handle = _line(qtbot, "Teh cake")
    qtbot.waitUntil(lambda: handle.underlined == [(0, 3)])
    edit.setCursorPosition(0)
    point = QPoint(edit.cursorRect().right() + 3, edit.height() // 2)
    menu = QMenu()
    assert handle.add_menu_entries(menu, point)
    assert menu.actions()[0].text() == "The"
    menu.actions()[0].trigger()
    assert edit.text() == "The cake"


def test_dictionary_loads_once_off_the_ui_thread(qtbot) -> None:
    edit, handle = _plain(qtbot, "word")
    assert loader().pool.maxThreadCount() == 1
    assert handle.speller is spelling.get_speller("en_GB")
