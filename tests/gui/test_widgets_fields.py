"""Field editors bound to the document: typing edits the plan, undo and redo show in the editor."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QVBoxLayout, QWidget

from workbook.examples import load_example
from workbook.gui import questions
from workbook.gui.document import PlanDocument
from workbook.gui.widgets.fields import (
    BoolField,
    DateField,
    EnumField,
    LineField,
    NumberField,
    TagsField,
    TextField,
    split_tags,
)
from workbook.gui.widgets.guide import FieldBlock, make_editor
from workbook.model import ListeningNote, PolicyStatus

pytestmark = pytest.mark.gui

TITLE = ("details", "title")
OFFERING = ("details", "offering")


@pytest.fixture
def document():
    return PlanDocument()


def make(qtbot, document, path, multiline=False):
    editor = make_editor(document, path, multiline)
    qtbot.addWidget(editor)
    return editor


def test_make_editor_picks_the_editor_for_each_kind_of_field(qtbot, document):
    kinds = {
        TITLE: LineField,
        ("details", "plan_date"): DateField,
        ("management", "governance", "policy_status"): EnumField,
        ("management", "resources", "hours_per_week"): NumberField,
        ("planning", "seven_ps", "purpose", "communicated"): BoolField,
    }
    for path, kind in kinds.items():
        assert type(make(qtbot, document, path)) is kind
    assert type(make(qtbot, document, OFFERING, multiline=True)) is TextField
    editor = make(qtbot, document, TITLE)
    assert editor.objectName() == "details.title"
    assert editor.accessibleName() and editor.accessibleDescription()
    assert editor.placeholderText().startswith("e.g. ")


def test_typing_in_a_line_edit_edits_the_plan_and_undo_follows(qtbot, document):
    editor = make(qtbot, document, TITLE)
    qtbot.keyClicks(editor, "Crumb plan")
    assert document.plan.details.title == "Crumb plan"
    assert document.undo_stack.count() == 1  # one undo step per field, not per key
    document.undo_stack.undo()
    assert document.plan.details.title == ""
    assert editor.text() == ""
    document.undo_stack.redo()
    assert editor.text() == "Crumb plan"


def test_typing_in_a_multi_line_edit_edits_the_plan_and_undo_follows(qtbot, document):
    editor = make(qtbot, document, OFFERING, multiline=True)
    qtbot.keyClicks(editor, "Bread")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "Cakes")
    assert document.plan.details.offering == "Bread\nCakes"
    document.undo_stack.undo()
    assert editor.toPlainText() == ""
    document.undo_stack.redo()
    assert editor.toPlainText() == "Bread\nCakes"


def test_an_unchanged_value_does_not_move_the_cursor(qtbot, document):
    editor = make(qtbot, document, OFFERING, multiline=True)
    qtbot.keyClicks(editor, "Sourdough")
    cursor = editor.textCursor()
    cursor.setPosition(3)
    editor.setTextCursor(cursor)
    document.value_changed.emit(OFFERING)
    assert editor.textCursor().position() == 3
    line = make(qtbot, document, TITLE)
    qtbot.keyClicks(line, "Plan")
    line.setCursorPosition(1)
    document.value_changed.emit(TITLE)
    assert line.cursorPosition() == 1


def test_edits_from_elsewhere_show_in_the_editor(qtbot, document):
    editor = make(qtbot, document, TITLE)
    document.set_value(TITLE, "From the table")
    assert editor.text() == "From the table"
    document.replace_plan(document.plan.model_copy(update={}))
    assert editor.text() == "From the table"


def test_date_field_sets_and_clears_a_date(qtbot, document):
    editor = make(qtbot, document, ("details", "plan_date"))
    assert editor.value() is None and not editor.clear_button.isEnabled()
    qtbot.keyClicks(editor.date_edit, "2026-03-12")
    assert document.plan.details.plan_date == date(2026, 3, 12)
    editor.finish_typing()
    assert editor.text() == "12 Mar 2026"
    qtbot.mouseClick(editor.clear_button, Qt.MouseButton.LeftButton)
    assert document.plan.details.plan_date is None
    document.undo_stack.undo()
    assert editor.value() == date(2026, 3, 12)


def test_choice_field_shows_labels_and_can_be_unanswered(qtbot, document):
    path = ("management", "governance", "policy_status")
    editor = make(qtbot, document, path)
    assert editor.currentText() == "Not answered yet"
    editor.setCurrentIndex(editor.findText(PolicyStatus.DRAFTING.label))
    assert document.plan.management.governance.policy_status is PolicyStatus.DRAFTING
    document.undo_stack.undo()
    assert editor.currentIndex() == 0
    assert document.plan.management.governance.policy_status is None


def test_number_field_accepts_numbers_and_empties(qtbot, document):
    path = ("management", "resources", "hours_per_week")
    editor = make(qtbot, document, path)
    qtbot.keyClicks(editor, "4.5")
    assert document.plan.management.resources.hours_per_week == 4.5
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert document.plan.management.resources.hours_per_week is None
    qtbot.keyClicks(editor, "50")
    assert document.plan.management.resources.hours_per_week == 50
    # Typing in one number field is one undo step, as in a text field.
    document.undo_stack.undo()
    assert editor.text() == ""
    assert document.plan.management.resources.hours_per_week is None


@pytest.mark.parametrize(
    ("typed", "says"),
    [("2-3", "is a range"), ("500", "more than 168"), ("about 4", "is not a number")],
)
def test_a_number_field_never_rewrites_what_was_typed(qtbot, document, typed, says):
    path = ("management", "resources", "hours_per_week")
    document.set_value(path, 6)
    block = FieldBlock(document, path)
    qtbot.addWidget(block)
    editor = block.editor
    editor.selectAll()
    qtbot.keyClicks(editor, typed)
    assert editor.text() == typed  # not 23, not 50, not cut short
    # Never half of it either: "2" of "2-3" was not kept.
    assert document.plan.management.resources.hours_per_week == 6
    editor.editingFinished.emit()
    assert editor.text() == typed
    assert says in editor.problem() and "keeps 6" in editor.problem()
    assert not block.problem_label.isHidden() and says in block.problem_label.text()
    editor.selectAll()
    qtbot.keyClicks(editor, "2.5")
    editor.editingFinished.emit()
    assert document.plan.management.resources.hours_per_week == 2.5
    assert editor.problem() == "" and block.problem_label.isHidden()


def test_bool_field_is_a_check_box_with_the_prompt(qtbot, document):
    path = ("planning", "seven_ps", "people", "communicated")
    editor = make(qtbot, document, path)
    assert editor.text()
    editor.adjustSize()
    editor.show()
    qtbot.waitExposed(editor)
    qtbot.mouseClick(editor, Qt.MouseButton.LeftButton, pos=editor.rect().center())
    assert document.plan.planning.seven_ps.people.communicated is True
    document.undo_stack.undo()
    assert not editor.isChecked()


def test_tags_field_keeps_what_is_being_typed(qtbot, document):
    note = ListeningNote()
    document.insert_row(("listening", "notes"), row=note)
    path = ("listening", "notes", note.id, "tags")
    editor = TagsField(document, path)
    qtbot.addWidget(editor)
    qtbot.keyClicks(editor, "prices, ")
    assert note.tags == ["prices"]
    assert editor.text() == "prices, "
    qtbot.keyClicks(editor, "queues")
    assert note.tags == ["prices", "queues"]
    assert split_tags(" a ,, b  c ,") == ["a", "b c"]


def test_a_missing_row_disables_its_editor(qtbot, document):
    editor = LineField(document, ("listening", "notes", "gone", "said"))
    qtbot.addWidget(editor)
    assert not editor.isEnabled()
    editor.binding.set_path(TITLE)
    assert editor.isEnabled()


@pytest.mark.parametrize(
    ("path", "multiline", "typed", "read"),
    [
        (OFFERING, True, "Bread", lambda e: e.toPlainText()),
        (TITLE, False, "Bread", lambda e: e.text()),
        (("management", "resources", "hours_per_week"), False, "12", lambda e: e.text()),
    ],
    ids=["multi-line", "one line", "number"],
)
def test_ctrl_z_in_an_editor_is_the_window_undo(qtbot, document, path, multiline, typed, read):
    window = QWidget()
    qtbot.addWidget(window)
    undo = QAction("Undo", window)
    undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
    undo.triggered.connect(document.undo_stack.undo)
    window.addAction(undo)
    editor = make_editor(document, path, multiline, window)
    QVBoxLayout(window).addWidget(editor)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClicks(editor, typed)
    assert document.value(path) not in ("", None)
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert document.value(path) in ("", None)
    assert read(editor) == ""
    assert document.undo_stack.canRedo()  # the document's undo ran, not the widget's own


# ---------------------------------------------------------------- insert example


def test_insert_example_button_is_one_undo_step_of_its_own(qtbot, document, monkeypatch):
    block = FieldBlock(document, OFFERING, multiline=True)
    qtbot.addWidget(block)
    assert block.example_button is not None
    qtbot.mouseClick(block.example_button, Qt.MouseButton.LeftButton)
    example = document.plan.details.offering
    assert example and block.editor.toPlainText() == example
    document.undo_stack.undo()
    assert document.plan.details.offering == ""

    asked = []
    monkeypatch.setattr(
        questions, "ask_replace_with_example", lambda *args: asked.append(args) or True
    )
    qtbot.keyClicks(block.editor, "Our own words")
    qtbot.mouseClick(block.example_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and asked[0][2] == "Our own words"
    assert document.plan.details.offering == example  # replaced, never appended
    document.undo_stack.undo()  # the example goes, the typing stays
    assert document.plan.details.offering == "Our own words"


def test_insert_example_keeps_the_users_words_when_they_say_no(qtbot, document, monkeypatch):
    block = FieldBlock(document, OFFERING, multiline=True)
    qtbot.addWidget(block)
    monkeypatch.setattr(questions, "ask_replace_with_example", lambda *args: False)
    document.set_value(OFFERING, "Our own words")
    steps = document.undo_stack.count()
    block.insert_example()
    assert document.plan.details.offering == "Our own words"
    assert document.undo_stack.count() == steps


def test_an_unchanged_example_is_swapped_without_asking(qtbot, document, monkeypatch):
    monkeypatch.setattr(
        questions, "ask_replace_with_example", lambda *a: pytest.fail("asked about an example")
    )
    block = FieldBlock(document, OFFERING, multiline=True)
    qtbot.addWidget(block)
    choices = block.choices()
    assert len(choices) > 1 and choices[0].nearest
    block.insert_choice(choices[0])
    block.insert_choice(choices[1])
    assert document.plan.details.offering == choices[1].text


def test_insert_example_takes_the_example_of_the_plans_trade(qtbot, document):
    block = FieldBlock(document, OFFERING, multiline=True)
    qtbot.addWidget(block)
    document.set_value(("details", "industry"), "Plumbing and heating")
    block.insert_example()
    assert document.plan.details.offering == load_example("plumber").details.offering
    document.set_value(("details", "industry"), "Hair salon")
    block.insert_example()  # the plumber's words, unchanged: swapped without a question
    assert document.plan.details.offering == load_example("hair_salon").details.offering
    assert block.current_choice().name == "hair_salon"
    block.example_button.choices_menu.aboutToShow.emit()
    texts = [a.text() for a in block.example_button.choices_menu.actions()]
    assert "nearest your trade" in texts[0] and len(texts) >= 9


def test_insert_example_is_offered_in_the_context_menu(qtbot, document):
    block = FieldBlock(document, TITLE)
    qtbot.addWidget(block)
    actions = block.editor.context_actions
    assert [a.text() for a in actions] == ["Insert example"]
    actions[0].trigger()
    assert document.plan.details.title


def test_insert_example_has_a_key_in_the_field(qtbot, document):
    block = FieldBlock(document, OFFERING, multiline=True)
    qtbot.addWidget(block)
    block.show()
    qtbot.waitExposed(block)
    block.activateWindow()
    block.editor.setFocus()
    qtbot.waitUntil(block.editor.hasFocus)
    assert "F4" in block.example_button.toolTip()
    assert block.example_button.focusPolicy() == Qt.FocusPolicy.NoFocus
    qtbot.keyClick(block.editor, Qt.Key.Key_F4)
    assert document.plan.details.offering
