"""Spell-check in the app's own editors: the plan's fields and the tables' cell editors, the
context menu's suggestions as one undo step, the user's dictionary, the Preferences' switch
and language in every open editor, Ctrl+F7, the keyboard help, and a start that does not
load the dictionary."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QPlainTextEdit

from tests.gui.conftest import run_app_script
from tests.gui.test_spell_highlighter import _squiggles
from workbook import spelling
from workbook.appdirs import data_dir
from workbook.gui.document import PlanDocument
from workbook.gui.first_paint import waiting
from workbook.gui.preferences import PreferencesDialog
from workbook.gui.spell_highlighter import (
    loader,
    set_spelling_options,
    spellcheck_of,
    spelling_options,
)
from workbook.gui.widgets.columns import columns_for
from workbook.gui.widgets.guide import make_editor
from workbook.gui.widgets.row_table import RowTableWidget
from workbook.model import ListeningNote

pytestmark = pytest.mark.gui

TITLE = ("details", "title")
OFFERING = ("details", "offering")
NOTES = ("listening", "notes")


@pytest.fixture(autouse=True)
def _app_spelling_options() -> Iterator[None]:
    """The switch and language are the app's: every test starts and ends with the defaults."""
    set_spelling_options(True, "en_GB")
    yield
    set_spelling_options(True, "en_GB")


@pytest.fixture
def document() -> PlanDocument:
    return PlanDocument()


def _ready(qtbot, language: str = "en_GB") -> None:
    qtbot.waitUntil(lambda: loader().speller(language) is not None, timeout=20_000)


def _field(qtbot, document, path, text: str, multiline: bool = False):
    document.set_value(path, text)
    document.undo_stack.clear()
    editor = make_editor(document, path, multiline)
    qtbot.addWidget(editor)
    editor.resize(520, 120)
    editor.show()
    qtbot.waitExposed(editor)
    _ready(qtbot)
    return editor


def _underlined(editor) -> list[tuple[int, int]]:
    """(start, end) of the squiggles the editor shows now."""
    if isinstance(editor, QLineEdit):
        return spellcheck_of(editor).underlined
    return [(start, start + length) for start, length in _squiggles(editor)]


def _point_at(editor, position: int) -> QPoint:
    """Where a right-click on the character at ``position`` lands (in the coordinates the
    editor's ``contextMenuEvent`` gets: the viewport's for a multi-line editor)."""
    if isinstance(editor, QLineEdit):
        editor.setCursorPosition(position)
        return QPoint(editor.cursorRect().right() + 2, editor.height() // 2)
    cursor = QTextCursor(editor.document())
    cursor.setPosition(position)
    return editor.cursorRect(cursor).center() + QPoint(2, 0)


def _right_click(qtbot, editor, position: int, choose: str | None = None) -> list[str]:
    """Right-click the word at ``position`` as the user does; returns the menu's entries,
    after choosing ``choose`` from it (else the menu is closed)."""
    seen: list[str] = []

    def in_the_menu() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):  # not open yet
            QTimer.singleShot(10, in_the_menu)
            return
        seen.extend(a.text().replace("&", "") for a in menu.actions())
        if choose is not None:
            next(a for a in menu.actions() if a.text().replace("&", "") == choose).trigger()
        menu.close()

    point = _point_at(editor, position)
    target = editor if isinstance(editor, QLineEdit) else editor.viewport()
    QTimer.singleShot(0, in_the_menu)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, target.mapToGlobal(point))
    QApplication.sendEvent(target, event)  # returns once the menu is closed
    assert seen, "no context menu was shown"
    return seen


# ---------------------------------------------------------------- fields


def test_a_misspelt_word_in_a_field_is_underlined_and_addresses_are_not(qtbot, document):
    text = "Teh cake, www.crumb.co.uk, https://crumb.example/menu, @crumb_bakes, anna@crumbx.com"
    long_field = _field(qtbot, document, OFFERING, text, multiline=True)
    line_field = _field(qtbot, document, TITLE, text)
    qtbot.waitUntil(lambda: _underlined(long_field) == [(0, 3)])
    qtbot.waitUntil(lambda: _underlined(line_field) == [(0, 3)])
    # The squiggles are drawn, not only computed: the text and the plan are untouched.
    assert line_field.text() == text and document.plan.details.title == text
    assert document.undo_stack.count() == 0


@pytest.mark.parametrize("multiline", [False, True])
def test_a_suggestion_replaces_the_word_as_one_undo_step(qtbot, document, multiline):
    path = OFFERING if multiline else TITLE
    editor = _field(qtbot, document, path, "", multiline)
    editor.setFocus()
    qtbot.keyClicks(editor, "A lovley cake")
    qtbot.waitUntil(lambda: _underlined(editor) == [(2, 8)])
    texts = _right_click(qtbot, editor, 4, choose="lovely")
    assert texts[0] == "lovely" and "Add “lovley” to dictionary" in texts and "Ignore" in texts
    assert any(t.startswith("Copy") for t in texts)  # the editor's own entries stay
    assert not any("Undo" in t for t in texts)  # the window's Undo covers the editor
    assert document.value(path) == "A lovely cake"
    qtbot.waitUntil(lambda: _underlined(editor) == [])
    # One step of its own: Undo puts the misspelt word back, not the typing before it.
    assert document.undo_stack.undoText() == "Correct “lovley” to “lovely”"
    document.undo_stack.undo()
    assert document.value(path) == "A lovley cake"
    document.undo_stack.undo()
    assert document.value(path) == ""


def test_add_to_dictionary_clears_the_word_everywhere_and_is_kept(qtbot, document):
    first = _field(qtbot, document, OFFERING, "Crumbworth bakes, Zorbly", multiline=True)
    second = _field(qtbot, document, TITLE, "Crumbworth")
    qtbot.waitUntil(lambda: _underlined(first) == [(0, 10), (18, 24)])
    qtbot.waitUntil(lambda: _underlined(second) == [(0, 10)])
    _right_click(qtbot, second, 3, choose="Add “Crumbworth” to dictionary")
    qtbot.waitUntil(lambda: _underlined(first) == [(18, 24)] and _underlined(second) == [])
    words = (data_dir() / spelling.USER_DICTIONARY).read_text(encoding="utf-8")
    assert "crumbworth" in words.splitlines()
    assert spelling.Speller("en_GB").is_correct("Crumbworth")  # a later session knows it
    assert spelling.Speller("en_US").is_correct("Crumbworth")  # whatever the language
    # Ignore: gone from every editor now, but not written down.
    _right_click(qtbot, first, 20, choose="Ignore")
    qtbot.waitUntil(lambda: _underlined(first) == [])
    assert "zorbly" not in (data_dir() / spelling.USER_DICTIONARY).read_text(encoding="utf-8")
    assert document.undo_stack.count() == 0  # neither is an edit of the plan


def test_a_read_only_field_offers_no_suggestions(qtbot, document):
    editor = _field(qtbot, document, TITLE, "Teh cake")
    qtbot.waitUntil(lambda: _underlined(editor) == [(0, 3)])
    editor.setReadOnly(True)
    texts = _right_click(qtbot, editor, 1)
    assert "The" not in texts and "(no suggestions)" not in texts
    assert "Add “Teh” to dictionary" in texts


# ---------------------------------------------------------------- the switch and the language


def _accept_preferences(settings, qtbot, *, check: bool, language: str) -> None:
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.spell_check.setChecked(check)
    dialog.spelling_language.setCurrentIndex(dialog.spelling_language.findData(language))
    dialog.accept()


def test_preferences_switch_clears_and_restores_every_open_editor(qtbot, document, settings):
    other = PlanDocument()  # another window's plan
    field = _field(qtbot, document, OFFERING, "Teh cake", multiline=True)
    elsewhere = _field(qtbot, other, TITLE, "A lovley day")
    qtbot.waitUntil(lambda: _underlined(field) == [(0, 3)] and _underlined(elsewhere) == [(2, 8)])
    _accept_preferences(settings, qtbot, check=False, language="en_GB")
    assert settings.spell_check is False
    assert _underlined(field) == [] and _underlined(elsewhere) == []
    later = _field(qtbot, document, ("details", "organisation"), "Teh bakery")
    qtbot.wait(CHECKED_AFTER_MS)
    assert _underlined(later) == []  # an editor made while it is off stays clear
    _accept_preferences(settings, qtbot, check=True, language="en_GB")
    qtbot.waitUntil(lambda: _underlined(field) == [(0, 3)] and _underlined(later) == [(0, 3)])


CHECKED_AFTER_MS = 600
"""Longer than the pause after which typing is checked."""


def test_language_switch_colour_and_color(qtbot, document, settings):
    field = _field(qtbot, document, OFFERING, "The colour and the color", multiline=True)
    qtbot.waitUntil(lambda: _underlined(field) == [(19, 24)])  # British: "color" is US
    _accept_preferences(settings, qtbot, check=True, language="en_US")
    assert settings.spelling_language == "en_US" and spelling_options().language == "en_US"
    _ready(qtbot, "en_US")
    qtbot.waitUntil(lambda: _underlined(field) == [(4, 10)])  # US: "colour" is British


def test_settings_keep_the_switch_and_language_and_refuse_nonsense(settings):
    assert settings.spell_check is True
    assert settings.spelling_language in spelling.LANGUAGES
    settings.spell_check = False
    settings.spelling_language = "en_US"
    settings.sync()
    from workbook.gui.settings import Settings

    again = Settings(settings.path)
    assert again.spell_check is False and again.spelling_language == "en_US"
    with pytest.raises(ValueError):
        settings.spelling_language = "fr_FR"
    again._set("spelling/language", "klingon")  # a hand-edited file
    assert again.spelling_language in spelling.LANGUAGES


def test_ctrl_f7_item_switches_every_window(qtbot, make_window):
    first, second = make_window(), make_window()
    first.files.new_plan()
    for window in (first, second):  # each follows the switch from its first paint on
        window.show()
        qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not (waiting(first) or waiting(second)))
    action = first.actions.spell_check
    assert action.isCheckable() and action.isChecked()
    assert action.shortcut().toString() == "Ctrl+F7"
    edit_menu = next(m.menu() for m in first.menuBar().actions() if m.text() == "&Edit")
    assert action in edit_menu.actions()
    action.trigger()
    assert not spelling_options().enabled and not first.settings.spell_check
    assert not second.actions.spell_check.isChecked()  # the other window's item follows
    assert "Ctrl+F7" in first.statusBar().currentMessage()
    second.actions.spell_check.trigger()
    assert spelling_options().enabled and first.actions.spell_check.isChecked()


def test_keyboard_help_lists_search_import_and_the_spelling_switch(make_window):
    from workbook.gui.help_menu import shortcut_lines

    lines = [line.strip() for line in shortcut_lines(make_window().actions)]
    assert "Check spelling as you type: Ctrl+F7" in lines
    assert "Find in plan: Ctrl+Shift+F" in lines
    assert any(line.startswith("Find next: F3") for line in lines)
    assert any(line.startswith("Find previous: Shift+F3") for line in lines)
    assert "Import listening notes: Ctrl+Shift+I" in lines


# ---------------------------------------------------------------- table cells


def _cell_editor(qtbot, document, column: str, kind):
    table = RowTableWidget(document, NOTES, columns_for(NOTES, long_text=("said",)))
    qtbot.addWidget(table)
    table.resize(900, 400)
    table.show()
    qtbot.waitExposed(table)
    index = table.model.index(0, table.model.column_of(column))
    table.view.setCurrentIndex(index)
    table.view.edit(index)
    editor = table.view.findChild(kind)
    assert editor is not None and spellcheck_of(editor) is not None
    _ready(qtbot)
    return table, editor


def test_a_long_text_cell_editor_underlines_and_corrects(qtbot, document):
    note = ListeningNote(said="They said teh bread was lovley")
    document.insert_row(NOTES, row=note)
    document.undo_stack.clear()
    _table, editor = _cell_editor(qtbot, document, "said", QPlainTextEdit)
    qtbot.waitUntil(lambda: _underlined(editor) == [(10, 13), (24, 30)])
    assert _right_click(qtbot, editor, 26, choose="lovely")[0] == "lovely"
    assert note.said == "They said teh bread was lovely"
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert note.said == "They said teh bread was lovley"


def test_a_one_line_text_cell_editor_underlines(qtbot, document):
    document.insert_row(NOTES, row=ListeningNote(who="Regualr customer"))
    _table, editor = _cell_editor(qtbot, document, "who", QLineEdit)
    qtbot.waitUntil(lambda: _underlined(editor) == [(0, 7)])


# ---------------------------------------------------------------- start-up


def test_the_dictionary_waits_for_a_plan_and_loads_off_the_ui_thread(tmp_path):
    """The first window is shown without the dictionary; it loads once fields ask for it
    (a plan is open), on the loader's worker thread."""
    script = textwrap.dedent("""
        import sys, threading, time
        from workbook.gui.app import create_application
        from workbook.gui.main_window import MainWindow
        from workbook.gui import spell_highlighter
        app = create_application()
        window = MainWindow()
        window.show()
        for _ in range(20):
            app.processEvents()
            time.sleep(0.01)
        print("spellchecker" in sys.modules)
        import workbook.spelling as spelling
        threads = []
        original = spelling._base_words.__wrapped__
        spelling._base_words.cache_clear()
        def recorded():
            threads.append(threading.current_thread() is threading.main_thread())
            return original()
        spelling._base_words = spelling.cache(recorded)
        window.files.new_plan()
        loader = spell_highlighter.loader()
        deadline = time.monotonic() + 30
        while loader.speller("en_GB") is None and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)
        print(loader.speller("en_GB") is not None, threads)
        window.document.undo_stack.setClean()
        window.close()
    """)
    assert run_app_script(script, tmp_path) == ["False", "True", "[False]"]


def test_a_context_menu_on_a_field_without_a_misspelling_has_no_spelling_entries(qtbot, document):
    editor = _field(qtbot, document, OFFERING, "A lovely cake", multiline=True)
    qtbot.wait(CHECKED_AFTER_MS)
    texts = _right_click(qtbot, editor, 4)
    assert "Ignore" not in texts and not any(t.startswith("Add “") for t in texts)
    assert Qt.ContextMenuPolicy.DefaultContextMenu == editor.contextMenuPolicy()
