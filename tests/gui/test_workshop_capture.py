"""Workshop captures in the window: parking an idea and noting an agreed action from inside a
field (focus and caret come back), reviewing the parking lot, and the Review page's Workshop
tab."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from workbook.gui import parking_lot
from workbook.gui.capture_popup import ActionBar, ParkingBar
from workbook.gui.pages import PageId
from workbook.gui.widgets import clock
from workbook.model import ParkedIdea, ParkingOutcome, Plan, SevenP
from workbook.stages import Stage

pytestmark = pytest.mark.gui

TODAY = date(2026, 3, 12)
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def open_window(window, qtbot, monkeypatch):
    from workbook.session import PlanSession

    monkeypatch.setattr(clock, "today", lambda: TODAY)
    plan = Plan()
    plan.listening.intent = "Hear what regulars say about the queue"
    window.files.install(PlanSession(plan))
    window.show()
    qtbot.waitExposed(window)
    return window


def _editor(window, page: PageId, name: str) -> QWidget:
    window.go_to_page(page)
    editor = window.pages[page].findChild(QWidget, name)
    assert editor is not None, name
    editor.setFocus(Qt.FocusReason.OtherFocusReason)
    QApplication.processEvents()
    assert QApplication.focusWidget() is editor
    return editor


def test_parking_an_idea_from_inside_a_text_field_comes_back_to_the_caret(open_window, qtbot):
    window = open_window
    editor = _editor(window, PageId.LISTENING, "listening.intent")
    cursor = editor.textCursor()
    cursor.setPosition(4)
    editor.setTextCursor(cursor)
    steps = window.document.undo_stack.count()

    qtbot.keyClick(editor, Qt.Key.Key_P, CTRL_SHIFT)
    bar = window.findChild(ParkingBar)
    assert bar is not None and bar.isVisible()
    assert QApplication.focusWidget() is bar.idea
    assert bar.geometry().top() < window.centralWidget().geometry().top() + 40  # at the top
    qtbot.keyClicks(bar.idea, "Ask the market about a shared stall")
    qtbot.keyClick(bar.idea, Qt.Key.Key_Return)

    assert not bar.isVisible()
    assert QApplication.focusWidget() is editor
    assert editor.textCursor().position() == 4
    assert editor.toPlainText() == "Hear what regulars say about the queue"
    [idea] = window.document.plan.workshop.parking_lot
    assert idea.idea == "Ask the market about a shared stall"
    assert idea.raised_on == TODAY and idea.raised_during is Stage.LISTENING
    assert idea.outcome is ParkingOutcome.OPEN
    assert window.document.undo_stack.count() == steps + 1
    assert "Parked" in window.statusBar().currentMessage()
    window.document.undo_stack.undo()
    assert window.document.plan.workshop.parking_lot == []


def test_esc_parks_nothing_and_gives_back_the_selection(open_window, qtbot):
    window = open_window
    editor = _editor(window, PageId.DETAILS, "details.organisation")
    qtbot.keyClicks(editor, "Harbour Bikes")
    editor.setSelection(0, 7)
    qtbot.keyClick(editor, Qt.Key.Key_P, CTRL_SHIFT)
    bar = window.findChild(ParkingBar)
    qtbot.keyClicks(bar.idea, "never mind")
    qtbot.keyClick(bar.idea, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert QApplication.focusWidget() is editor and editor.selectedText() == "Harbour"
    assert window.document.plan.workshop.parking_lot == []
    # Enter on an empty line says what to do and keeps the bar open.
    qtbot.keyClick(editor, Qt.Key.Key_P, CTRL_SHIFT)
    assert bar.idea.text() == ""
    qtbot.keyClick(bar.idea, Qt.Key.Key_Return)
    assert bar.isVisible() and "Type the idea" in bar.problem.text()


def test_an_agreed_action_with_a_typed_date_is_one_undo_step(open_window, qtbot):
    window = open_window
    editor = _editor(window, PageId.DETAILS, "details.organisation")
    qtbot.keyClicks(editor, "Harbour")
    steps = window.document.undo_stack.count()
    qtbot.keyClick(editor, Qt.Key.Key_A, CTRL_SHIFT)
    bar = window.findChild(ActionBar)
    assert bar.isVisible() and QApplication.focusWidget() is bar.what
    qtbot.keyClicks(bar.what, "Send the new menu to the printer")
    qtbot.keyClicks(bar.who, "Sam")
    qtbot.keyClicks(bar.due.date_edit, "31 Feb 2026")  # not a day of the calendar
    qtbot.keyClick(bar.due.date_edit, Qt.Key.Key_Return)
    assert bar.isVisible() and "February has no day 31" in bar.problem.text()
    assert window.document.plan.engagement.actions == []
    bar.due.date_edit.clear()
    qtbot.keyClicks(bar.due.date_edit, "3 Apr 2026")
    qtbot.keyClick(bar.due.date_edit, Qt.Key.Key_Return)

    assert not bar.isVisible()
    assert QApplication.focusWidget() is editor and editor.cursorPosition() == len("Harbour")
    [action] = window.document.plan.engagement.actions
    assert (action.what, action.who, action.due) == (
        "Send the new menu to the printer",
        "Sam",
        date(2026, 4, 3),
    )
    assert window.document.undo_stack.count() == steps + 1
    window.document.undo_stack.undo()
    assert window.document.plan.engagement.actions == []


def test_a_read_only_plan_takes_no_captures(open_window, qtbot):
    window = open_window
    window.document.session.read_only = True
    window.update_state()
    assert not window.actions.park_idea.isEnabled()


def _with_ideas(window, *texts: str) -> list[ParkedIdea]:
    ideas = [ParkedIdea(idea=t, raised_on=TODAY, raised_during=Stage.PLANNING) for t in texts]
    window.document.insert_rows(("workshop", "parking_lot"), 0, ideas)
    return ideas


def _workshop_tab(window):
    window.go_to_page(PageId.REVIEW)
    page = window.pages[PageId.REVIEW]
    page.review_tabs.setCurrentWidget(page.workshop)
    return page.workshop


def test_review_turns_a_parked_idea_into_a_note_an_action_or_a_decision(
    open_window, qtbot, monkeypatch
):
    window = open_window
    doc = window.document
    note_idea, action_idea, decision_idea = _with_ideas(
        window, "Regulars want an earlier opening", "Call the printer", "Only post what we make"
    )
    panel = _workshop_tab(window)
    assert panel.table.view.objectName() == "workshop.parking_lot"
    assert "3 of 3 still to review" in panel.count.text()
    buttons = {b.objectName(): b for b in panel.findChildren(QPushButton)}

    steps = doc.undo_stack.count()
    panel.table.select_row(note_idea.id)
    buttons["review_note"].click()
    [note] = doc.plan.listening.notes
    assert note.said == "Regulars want an earlier opening" and note.noted_on == TODAY
    assert doc.plan.workshop.parking_lot[0].outcome is ParkingOutcome.NOTE
    assert doc.undo_stack.count() == steps + 1
    doc.undo_stack.undo()
    assert doc.plan.listening.notes == []
    assert doc.plan.workshop.parking_lot[0].outcome is ParkingOutcome.OPEN

    panel.table.select_row(action_idea.id)
    buttons["review_action"].click()
    assert [a.what for a in doc.plan.engagement.actions] == ["Call the printer"]
    assert doc.plan.workshop.parking_lot[1].outcome is ParkingOutcome.ACTION
    assert "2 of 3 still to review" in panel.count.text()

    doc.set_value(("planning", "seven_ps", "practices", "decision"), "Answer within a day.")
    monkeypatch.setattr(parking_lot, "ask_seven_p", lambda parent: SevenP.PRACTICES)
    panel.table.select_row(decision_idea.id)
    panel.review.decision.trigger()
    assert doc.plan.planning.seven_ps.practices.decision == (
        "Answer within a day.\n\nOnly post what we make"
    )
    assert doc.plan.workshop.parking_lot[2].outcome is ParkingOutcome.DECISION
    doc.undo_stack.undo()
    assert doc.plan.planning.seven_ps.practices.decision == "Answer within a day."

    # The same choices are in the table's context menu.
    menu_texts = [action.text() for _keys, action in panel.table.view.key_actions]
    assert "A &note" in menu_texts and "&Keep for later" in menu_texts


def test_the_agenda_minutes_are_field_editors_and_paths_lead_there(open_window, qtbot):
    window = open_window
    window.navigate_to_path(("workshop", "timeboxes", "planning"))
    editor = QApplication.focusWidget()
    assert editor.objectName() == "workshop.timeboxes.planning"
    assert editor.accessibleName() and editor.accessibleDescription()
    editor.selectAll()
    qtbot.keyClicks(editor, "55")
    assert window.document.plan.workshop.timeboxes.planning == 55
    window.navigate_to_path(("workshop", "parking_lot"))
    assert QApplication.focusWidget().objectName() == "workshop.parking_lot"


def test_the_capture_keys_are_in_the_menus_and_the_shortcut_list(window):
    from workbook.gui.help_menu import shortcut_lines

    lines = shortcut_lines(window.actions)
    assert "Workshop:" in lines
    assert "  Park an idea: Ctrl+Shift+P" in lines
    assert "  Note an agreed action: Ctrl+Shift+A" in lines
    assert "  Write hand-off bundle: Ctrl+Shift+B" in lines
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    assert window.actions.write_handoff in menus["&File"].actions()
    assert window.actions.park_idea in menus["&Edit"].actions()
