"""Row tables: add, edit, delete and reorder rows by keyboard and buttons, all undoable."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLineEdit, QPlainTextEdit

from workbook.gui.document import PlanDocument
from workbook.gui.widgets.columns import ColumnKind, columns_for
from workbook.gui.widgets.date_edit import OptionalDateEdit
from workbook.gui.widgets.row_model import RowTableModel
from workbook.gui.widgets.row_table import RowTableWidget
from workbook.model import Channel, ChannelStatus, ListeningNote, Person, Platform

pytestmark = pytest.mark.gui

PRESENCE = ("management", "presence")
PEOPLE = ("management", "people")
NOTES = ("listening", "notes")


@pytest.fixture
def document():
    return PlanDocument()


def make_table(qtbot, document, list_path, **options):
    table = RowTableWidget(document, list_path, columns_for(list_path, **options))
    qtbot.addWidget(table)
    table.resize(900, 400)
    table.show()
    qtbot.waitExposed(table)
    return table


def add_channels(document, *handles):
    rows = [Channel(handle=h) for h in handles]
    document.insert_rows(PRESENCE, 0, rows)
    document.undo_stack.clear()
    return rows


def handles(document):
    return [c.handle for c in document.plan.management.presence]


def cell(table, row, name):
    return table.model.index(row, table.model.column_of(name))


def select_rows(table, *rows):
    selection = table.view.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(
            table.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    selection.setCurrentIndex(
        table.model.index(rows[0], 1), QItemSelectionModel.SelectionFlag.NoUpdate
    )


def test_columns_follow_the_row_model():
    kinds = {c.name: c.kind for c in columns_for(NOTES, long_text=("said",))}
    assert kinds == {
        "noted_on": ColumnKind.DATE,
        "source": ColumnKind.TEXT,
        "who": ColumnKind.TEXT,
        "said": ColumnKind.LONG_TEXT,
        "tags": ColumnKind.TAGS,
        "sentiment": ColumnKind.OPTIONAL_ENUM,
        "wants": ColumnKind.TEXT,
        "opportunity": ColumnKind.TEXT,
        "follow_up": ColumnKind.TEXT,
    }
    people = {c.name: c.kind for c in columns_for(PEOPLE)}
    assert people["can_publish"] is ColumnKind.BOOL
    assert {c.name: c.kind for c in columns_for(PRESENCE)}["platform"] is ColumnKind.ENUM


def test_add_button_adds_a_row_selects_it_and_starts_editing(qtbot, document):
    table = make_table(qtbot, document, PRESENCE)
    qtbot.mouseClick(table.buttons["Add"], Qt.MouseButton.LeftButton)
    assert len(document.plan.management.presence) == 1
    row_id = document.plan.management.presence[0].id
    assert table.current_row_id() == row_id
    assert table.view.state() == QAbstractItemView.State.EditingState
    assert table.view.currentIndex().column() == table.model.column_of("handle")
    editor = table.view.findChild(QLineEdit)
    editor.setText("@crumb")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Qt commits a line edit on the next event round
    qtbot.waitUntil(lambda: handles(document) == ["@crumb"])
    document.undo_stack.undo()
    assert handles(document) == [""]
    document.undo_stack.undo()
    assert handles(document) == []
    assert table.model.rowCount() == 0


@pytest.mark.parametrize(
    "key, modifiers",
    [
        (Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier),
        (Qt.Key.Key_Insert, Qt.KeyboardModifier.NoModifier),
    ],
)
def test_add_shortcuts_work_when_the_table_has_focus(qtbot, document, key, modifiers):
    table = make_table(qtbot, document, PRESENCE)
    qtbot.keyClick(table.view, key, modifiers)
    assert len(document.plan.management.presence) == 1


def test_delete_key_removes_every_selected_row_and_undo_puts_them_back(qtbot, document):
    add_channels(document, "a", "b", "c", "d")
    table = make_table(qtbot, document, PRESENCE)
    select_rows(table, 1, 3)
    qtbot.keyClick(table.view, Qt.Key.Key_Delete)
    assert handles(document) == ["a", "c"]
    assert table.model.rowCount() == 2
    document.undo_stack.undo()
    assert handles(document) == ["a", "b", "c", "d"]
    document.undo_stack.redo()
    assert handles(document) == ["a", "c"]


def test_delete_button_removes_the_current_row(qtbot, document):
    add_channels(document, "a", "b")
    table = make_table(qtbot, document, PRESENCE)
    assert not table.buttons["Delete"].isEnabled()
    table.select_row(document.plan.management.presence[0].id)
    assert table.buttons["Delete"].isEnabled()
    qtbot.mouseClick(table.buttons["Delete"], Qt.MouseButton.LeftButton)
    assert handles(document) == ["b"]
    assert table.current_row_id() == document.plan.management.presence[0].id


def test_alt_arrows_and_buttons_reorder_rows_and_undo(qtbot, document):
    rows = add_channels(document, "a", "b", "c")
    table = make_table(qtbot, document, PRESENCE)
    table.select_row(rows[0].id)
    assert not table.buttons["Move up"].isEnabled()
    qtbot.keyClick(table.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert handles(document) == ["b", "a", "c"]
    assert table.current_row_id() == rows[0].id  # the moved row stays selected
    qtbot.mouseClick(table.buttons["Move down"], Qt.MouseButton.LeftButton)
    assert handles(document) == ["b", "c", "a"]
    assert not table.buttons["Move down"].isEnabled()
    qtbot.keyClick(table.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    qtbot.mouseClick(table.buttons["Move up"], Qt.MouseButton.LeftButton)
    assert handles(document) == ["a", "b", "c"]
    for expected in (["b", "a", "c"], ["b", "c", "a"], ["b", "a", "c"]):
        document.undo_stack.undo()
        assert handles(document) == expected
        assert [table.model.index(r, 1).data() for r in range(3)] == expected


def test_set_data_edits_through_the_document(qtbot, document):
    add_channels(document, "a")
    table = make_table(qtbot, document, PRESENCE)
    model = table.model
    assert model.setData(cell(table, 0, "handle"), "@new")
    assert model.setData(cell(table, 0, "status"), ChannelStatus.ACTIVE)
    assert model.setData(cell(table, 0, "platform"), "instagram")
    channel = document.plan.management.presence[0]
    assert (channel.handle, channel.status, channel.platform) == (
        "@new",
        ChannelStatus.ACTIVE,
        Platform.INSTAGRAM,
    )
    assert cell(table, 0, "platform").data() == "Instagram"
    assert not model.setData(cell(table, 0, "platform"), "myspace")
    for _ in range(3):
        document.undo_stack.undo()
    assert document.plan.management.presence[0].handle == "a"


def test_choice_cells_edit_with_a_drop_down_of_labels(qtbot, document):
    add_channels(document, "a")
    table = make_table(qtbot, document, PRESENCE)
    index = cell(table, 0, "platform")
    table.view.setCurrentIndex(index)
    table.view.edit(index)
    combo = table.view.findChild(QComboBox)
    assert combo is not None
    assert combo.itemText(combo.findData(Platform.REVIEW_SITE)) == "Review site"
    combo.setCurrentIndex(combo.findData(Platform.LINKEDIN))
    combo.activated.emit(combo.currentIndex())
    assert document.plan.management.presence[0].platform is Platform.LINKEDIN
    document.undo_stack.undo()
    assert document.plan.management.presence[0].platform is Platform.OTHER


def test_date_cells_edit_with_a_calendar_and_can_be_cleared(qtbot, document):
    note = ListeningNote(noted_on=date(2026, 1, 5))
    document.insert_row(NOTES, row=note)
    table = make_table(qtbot, document, NOTES)
    index = cell(table, 0, "noted_on")
    assert index.data() == "5 Jan 2026"
    table.view.setCurrentIndex(index)
    table.view.edit(index)
    editor = table.view.findChild(OptionalDateEdit)
    assert editor.calendar_button.toolTip().startswith("Pick a date")
    editor.date_edit.selectAll()
    qtbot.keyClicks(editor.date_edit, "14 Feb 2026")
    assert note.noted_on == date(2026, 2, 14)
    editor.clear()
    assert note.noted_on is None
    document.undo_stack.undo()
    assert note.noted_on == date(2026, 2, 14)


def test_tags_cells_are_comma_separated_text(qtbot, document):
    note = ListeningNote(tags=["prices"])
    document.insert_row(NOTES, row=note)
    table = make_table(qtbot, document, NOTES)
    index = cell(table, 0, "tags")
    assert index.data(Qt.ItemDataRole.EditRole) == "prices"
    table.view.setCurrentIndex(index)
    table.view.edit(index)
    editor = table.view.findChild(QLineEdit)
    editor.setText("prices,  queues , ")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: note.tags == ["prices", "queues"])


def test_long_text_cells_show_one_line_and_edit_in_a_multi_line_editor(qtbot, document):
    note = ListeningNote(said="First line\nSecond line")
    document.insert_row(NOTES, row=note)
    table = make_table(qtbot, document, NOTES, long_text=("said",))
    index = cell(table, 0, "said")
    assert "\n" not in index.data()
    assert "Second line" in index.data(Qt.ItemDataRole.ToolTipRole)
    table.view.setCurrentIndex(index)
    table.view.edit(index)
    editor = table.view.findChild(QPlainTextEdit)
    assert editor.height() > table.view.rowHeight(0) * 2
    editor.setPlainText("One\nTwo\nThree")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert note.said == "One\nTwo\nThree"


def test_tooltips_show_user_text_literally(qtbot, document):
    add_channels(document, "<b>not bold</b>")
    table = make_table(qtbot, document, PRESENCE)
    assert "&lt;b&gt;" in cell(table, 0, "handle").data(Qt.ItemDataRole.ToolTipRole)


def test_yes_no_cells_are_check_boxes(qtbot, document):
    person = Person(name="Priya")
    document.insert_row(PEOPLE, row=person)
    table = make_table(qtbot, document, PEOPLE)
    index = cell(table, 0, "can_publish")
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert index.flags() & Qt.ItemFlag.ItemIsUserCheckable
    rect = table.view.visualRect(index)
    qtbot.mouseClick(table.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert person.can_publish is True
    table.view.setCurrentIndex(index)
    qtbot.keyClick(table.view, Qt.Key.Key_Space)
    assert person.can_publish is False
    document.undo_stack.undo()
    assert person.can_publish is True
    assert table.model.setData(index, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert person.can_publish is False


def test_the_model_follows_the_document_without_resetting(qtbot, document):
    rows = add_channels(document, "a", "b")
    model = RowTableModel(document, PRESENCE, columns_for(PRESENCE))
    resets, changes = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda first, last: changes.append((first.row(), first.column())))
    document.set_value((*PRESENCE, rows[1].id, "handle"), "bb")
    assert changes == [(1, model.column_of("handle"))]
    document.insert_row(PRESENCE, 0)
    document.move_row(PRESENCE, 0, 2)
    document.remove_rows(PRESENCE, [rows[0].id])
    assert resets == []
    assert model.rowCount() == 2
    assert [model.index(r, 1).data() for r in range(2)] == ["bb", ""]
    document.replace_plan(type(document.plan)())
    assert resets == [1] and model.rowCount() == 0


def test_an_empty_table_says_how_to_add_a_row(qtbot, document):
    table = make_table(qtbot, document, PRESENCE)
    assert table.view.empty_text.startswith("No channels yet. Press Insert")
    assert "(Ins or Ctrl+Shift+N)" in table.buttons["Add"].toolTip()
    assert "Del" in table.buttons["Delete"].toolTip()
    people = make_table(qtbot, document, ("management", "people"))
    activities = make_table(qtbot, document, ("engagement", "activities"))
    assert people.view.empty_text.startswith("No people yet.")
    assert activities.view.empty_text.startswith("No activities yet.")


def test_typing_in_a_cell_reaches_the_plan_before_the_editor_closes(qtbot, document):
    add_channels(document, "old")
    table = make_table(qtbot, document, PRESENCE)
    index = cell(table, 0, "handle")
    table.view.setCurrentIndex(index)
    table.view.edit(index)
    editor = table.view.findChild(QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "@new")
    assert table.view.state() == QAbstractItemView.State.EditingState
    assert handles(document) == ["@new"]  # already in the plan: a save now keeps it
    assert document.undo_stack.count() == 1
    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # Esc puts back what was there
    assert handles(document) == ["old"]
    assert table.view.state() != QAbstractItemView.State.EditingState


def test_typing_themes_in_a_cell_keeps_the_trailing_comma(qtbot, document):
    note = ListeningNote()
    document.insert_row(NOTES, row=note)
    table = make_table(qtbot, document, NOTES)
    index = cell(table, 0, "tags")
    table.view.setCurrentIndex(index)
    table.view.edit(index)
    editor = table.view.findChild(QLineEdit)
    qtbot.keyClicks(editor, "prices, que")
    assert note.tags == ["prices", "que"]
    assert editor.text() == "prices, que"


def test_a_squeezed_table_keeps_room_for_its_header_and_three_rows(qtbot, document):
    """A short window at large text squeezed tables to no row at all; the page scrolls now."""
    from PySide6.QtGui import QFont

    from workbook.gui.widgets.row_table import MIN_ROWS_SHOWN

    add_channels(document, "@a", "@b", "@c", "@d", "@e")
    table = make_table(qtbot, document, PRESENCE)
    view = table.view
    assert MIN_ROWS_SHOWN == 3
    header = view.horizontalHeader().sizeHint().height()
    assert view.minimumSizeHint().height() >= header + 3 * view.rowHeight(0)
    assert table.minimumSizeHint().height() > view.minimumSizeHint().height()
    small = view.minimumSizeHint().height()
    font = QFont(view.font())
    font.setPointSizeF(font.pointSizeF() * 1.5)
    view.setFont(font)  # larger text: taller rows, and a taller minimum with them
    assert view.minimumSizeHint().height() > small
    table.resize(900, 40)  # a layout never goes below the minimum
    qtbot.wait(10)
    assert table.layout().minimumSize().height() >= view.minimumSizeHint().height()
