"""Windows (Open in New Window, a plan open in another window, read-only plans), the colour
choice, and cells that refuse what is not a number or a date, saying why."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from tests.core.test_session import foreign_lock
from tests.gui.conftest import write_plan
from workbook.gui.pages import PageId
from workbook.gui.theme import dark_palette, is_dark
from workbook.model import Activity, ListeningNote

pytestmark = pytest.mark.gui

ACTIVITIES = ("engagement", "activities")
NOTES = ("listening", "notes")


# ---------------------------------------------------------------- read-only


def test_a_plan_opened_read_only_cannot_be_edited(window, answers, qtbot, tmp_path):
    path = write_plan(tmp_path / "plan.json", title="Shared plan")
    foreign_lock(path)
    answers.set("ask_locked", "read_only")
    window.show()
    assert window.files.open_path(path)
    page = window.pages[PageId.DETAILS]
    title = page.findChild(QLineEdit, "details.title")
    offering = page.findChild(QPlainTextEdit, "details.offering")
    date_field = page.findChild(QWidget, "details.plan_date")
    assert title.isReadOnly() and offering.isReadOnly() and date_field.date_edit.isReadOnly()
    title.setFocus()
    qtbot.keyClicks(title, "more")
    assert window.document.plan.details.title == "Shared plan" and title.text() == "Shared plan"
    assert not window.isWindowModified()
    # A page built later is read-only as well; its tables take no edits.
    window.go_to_page(PageId.MANAGEMENT)
    management = window.pages[PageId.MANAGEMENT]
    table = management.tables[("management", "presence")]
    assert table.view.editTriggers() == table.view.EditTrigger.NoEditTriggers
    assert not table.add_action.isEnabled() and not window.actions.add_row.isEnabled()
    table.add_row()
    assert window.document.plan.management.presence == []
    policy = management.findChild(QWidget, "management.governance.policy_status")
    assert not policy.isEnabled()
    # A copy of one's own (Save As) can be edited again.
    answers.set("ask_save_path", tmp_path / "mine.json")
    assert window.files.save_as()
    assert not title.isReadOnly() and policy.isEnabled() and table.add_action.isEnabled()
    qtbot.keyClicks(title, " (mine)")
    assert window.document.plan.details.title == "Shared plan (mine)"


# ---------------------------------------------------------------- windows


def test_open_in_new_window_and_a_plan_open_elsewhere_is_shown_there(
    make_window, answers, tmp_path
):
    from workbook.gui.windows import opened_windows

    first = make_window()
    first.show()
    first.files.new_plan()
    path = write_plan(tmp_path / "client.json", title="Client plan")
    answers.set("ask_open_path", path)
    first.actions.open_new_window.trigger()
    (second,) = opened_windows()
    try:
        assert second is not first and second.isVisible()
        assert second.document.file_path == path.absolute()
        assert first.document.file_path is None  # the first window keeps its own plan
        # Opening the same plan again, from the first window: no lock question, no copy,
        # the window that has it comes forward.
        assert first.files.open_path(path)
        assert first.document.file_path is None
        assert "ask_locked" not in answers.names()
        # Open in New Window for a plan already open: that window, not a third one.
        answers.set("ask_open_path", path)
        first.actions.open_new_window.trigger()
        assert opened_windows() == [second]
    finally:
        second.document.undo_stack.setClean()
        second.close()


# ---------------------------------------------------------------- colours


def test_the_colour_choice_is_applied_at_once_and_kept(qtbot, qapp, settings):
    from workbook.gui.preferences import PreferencesDialog
    from workbook.gui.settings import Settings
    from workbook.gui.theme import apply_theme

    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    combo = dialog.theme_combo
    assert combo.currentData() == "system"
    combo.setCurrentIndex(combo.findData("dark"))
    assert is_dark(qapp.palette())  # shown while the dialog is open
    dialog.reject()  # Cancel puts the colours back
    assert not is_dark(qapp.palette())
    assert settings.theme == "system"

    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
    dialog.accept()
    assert is_dark(qapp.palette()) and settings.theme == "dark"
    assert Settings(settings.path).theme == "dark"  # kept for the next start
    window_colour = qapp.palette().color(QPalette.ColorRole.Window)
    assert window_colour == dark_palette().color(QPalette.ColorRole.Window)
    apply_theme(qapp, "light")
    assert not is_dark(qapp.palette())
    apply_theme(qapp, "system")


def test_a_window_starts_in_the_kept_colours(make_window, settings, qapp):
    from workbook.gui.theme import apply_theme

    settings.theme = "dark"
    make_window()
    try:
        assert is_dark(qapp.palette())
    finally:
        apply_theme(qapp, "system")


# ---------------------------------------------------------------- cells that refuse


def test_a_number_cell_refuses_a_range_and_says_why(window, qtbot):
    from workbook.gui.widgets.delegates import _CellLineEdit

    window.files.new_plan()
    window.document.insert_row(ACTIVITIES, row=Activity(activity="Oven times", hours_per_month=4))
    window.go_to_page(PageId.ENGAGEMENT)
    table = window.pages[PageId.ENGAGEMENT].tables[ACTIVITIES]
    index = table._view_index(0, table.model.column_of("hours_per_month"))
    assert index.data() == "4"
    table.view.setCurrentIndex(index)
    table.view.edit(index)
    editor = table.view.findChild(_CellLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "2-3")
    assert window.document.plan.engagement.activities[0].hours_per_month == 4  # not 2, not 23
    table.delegate.commitData.emit(editor)
    assert window.document.plan.engagement.activities[0].hours_per_month == 4
    assert "is a range" in table.notice_label.text() and not table.notice.isHidden()
    assert not table.undo_button.isVisibleTo(table)
    editor.selectAll()
    qtbot.keyClicks(editor, "2.5")
    assert window.document.plan.engagement.activities[0].hours_per_month == 2.5


def test_a_date_cell_that_is_not_a_date_says_why(window, qtbot):
    from workbook.gui.widgets.date_edit import OptionalDateEdit

    window.files.new_plan()
    note = ListeningNote(said="Rye?")
    window.document.insert_row(NOTES, row=note)
    window.go_to_page(PageId.LISTENING)
    table = window.pages[PageId.LISTENING].tables[NOTES]
    index = table._view_index(0, table.model.column_of("noted_on"))
    table.view.setCurrentIndex(index)
    table.view.edit(index)
    editor = table.view.findChild(OptionalDateEdit)
    qtbot.keyClicks(editor.date_edit, "31/02/2026")
    table.delegate.commitData.emit(editor)
    assert window.document.plan.listening.notes[0].noted_on is None
    assert "February has no day 31" in table.notice_label.text()


def test_replacing_a_pdf_is_one_question_with_replace_as_the_default(qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from workbook.gui.export_controller import ExportController

    parent = QWidget()
    qtbot.addWidget(parent)
    controller = ExportController(parent)
    seen = []

    def answer(box):
        seen.append((box.defaultButton().text(), box.escapeButton().text()))
        box.defaultButton().click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    assert controller.ask_replace(Path("/plans/client.pdf")) is True
    assert seen == [("&Replace", "Cancel")]
