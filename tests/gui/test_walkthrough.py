"""A whole session as a user has it: start page, new plan, typing on every stage through the
real page widgets, table rows added, edited, reordered and deleted, undo and redo, save,
close, reopen from the recent list, and every answer is back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

from workbook.gui.pages import PageId
from workbook.model import PolicyStatus

pytestmark = pytest.mark.gui


class User:
    """Types into the real widgets of the window, finding them as the tests of the pages do:
    by the dotted field path they carry as objectName."""

    def __init__(self, window, qtbot) -> None:
        self.window, self.qtbot = window, qtbot

    def widget(self, name: str) -> QWidget:
        page = self.window.pages[self.window.current_page()]
        found = page.findChild(QWidget, name)
        assert found is not None, f"no widget {name} on {page.title}"
        return found

    def go(self, page_id: PageId) -> None:
        steps = self.window.step_list.list
        rect = steps.visualItemRect(steps.item(list(PageId).index(page_id)))
        self.qtbot.mouseClick(steps.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert self.window.current_page() == page_id

    def type(self, name: str, *lines: str) -> None:
        path = tuple(name.split("."))
        page = self.window.pages[self.window.current_page()]
        page.focus_path(path)  # brings the field into view (switches tabs) as a link would
        widget = self.widget(name)
        for number, line in enumerate(lines):
            if number:
                self.qtbot.keyClick(widget, Qt.Key.Key_Return)
            self.qtbot.keyClicks(widget, line)

    def choose(self, name: str, text: str) -> None:
        combo = self.widget(name)
        assert isinstance(combo, QComboBox)
        combo.setFocus()
        combo.setCurrentIndex(combo.findText(text))

    def click(self, widget: QWidget) -> None:
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)

    def table(self, list_path: str):
        page = self.window.pages[self.window.current_page()]
        table = page.tables[tuple(list_path.split("."))]
        page.focus_path(table.list_path)
        return table

    def add_row(self, list_path: str, text: str) -> None:
        """Add a row with the Add button, type into the cell editor that opens, and leave it
        with Tab (Enter would start a new line in a long-text cell)."""
        table = self.table(list_path)
        self.click(table.buttons["Add"])
        editor = QApplication.focusWidget()
        assert editor is not None and table.view.isAncestorOf(editor)
        self.qtbot.keyClicks(editor, text)
        self.qtbot.keyClick(editor, Qt.Key.Key_Tab)


def test_a_whole_session(make_window, answers, qtbot, tmp_path):
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    user = User(window, qtbot)
    doc = window.document

    # Start page -> new plan.
    assert window.central.currentWidget() is window.start_page
    user.click(window.start_page.new_button)
    assert window.current_page() == PageId.DETAILS

    # Plan details.
    user.type("details.title", "Harbour Street plan")
    user.type("details.organisation", "Crumb & Co. <Bakery>")
    user.type("details.offering", "Sourdough and rye", "Celebration cakes")
    assert window.windowTitle().startswith("Harbour Street plan[*]")

    # Management & Administration: fields and two tables.
    user.go(PageId.MANAGEMENT)
    user.add_row("management.presence", "@crumbandco")
    for name in ("Maria", "Jess", "Priya"):
        user.add_row("management.people", name)
    people = user.table("management.people")
    assert [p.name for p in doc.plan.management.people] == ["Maria", "Jess", "Priya"]
    user.click(people.buttons["Move up"])  # Priya is current: up one
    assert [p.name for p in doc.plan.management.people] == ["Maria", "Priya", "Jess"]
    people.select_row(doc.plan.management.people[2].id)
    user.click(people.buttons["Delete"])
    assert [p.name for p in doc.plan.management.people] == ["Maria", "Priya"]
    user.choose("management.governance.policy_status", PolicyStatus.IN_PLACE.label)
    user.type("management.governance.brand_voice", "Warm, plain, a little playful")
    user.type("management.resources.hours_per_week", "6")

    # Listening & Learning.
    user.go(PageId.LISTENING)
    user.type("listening.intent", "Hear what makes breakfasts hard for families")
    user.add_row("listening.places", "Wrenford Parents group")
    user.table("listening.notes")
    user.click(window.pages[PageId.LISTENING].tables[("listening", "notes")].buttons["Add"])
    user.type("listening.notes.said", "Is the rye made without wheat?")
    user.type("listening.learnings.market_wants", "Clear allergy information")

    # Thinking & Planning: intent and one of the 7 P's.
    user.go(PageId.PLANNING)
    user.type("planning.intent", "Make celebrating easy and safe")
    user.type("planning.seven_ps.purpose.decision", "Be the neighbourhood's baker")
    user.type("planning.seven_ps.purpose.owner", "Maria")
    user.click(user.widget("planning.seven_ps.purpose.communicated"))
    assert doc.plan.planning.seven_ps.purpose.communicated

    # Engagement.
    user.go(PageId.ENGAGEMENT)
    user.add_row("engagement.activities", "Weekly oven times post")
    user.type("engagement.review.cadence", "Every quarter")

    # Undo and redo the last edit.
    window.actions.undo.trigger()
    assert doc.plan.engagement.review.cadence == ""
    window.actions.redo.trigger()
    assert doc.plan.engagement.review.cadence == "Every quarter"

    # Review, then save under a new name.
    user.go(PageId.REVIEW)
    expected = doc.plan.model_dump()
    target = tmp_path / "harbour.json"
    answers.set("ask_save_path", target)
    window.actions.save.trigger()
    assert not window.isWindowModified() and target.is_file()

    # Close, and reopen from the recent list on the start page.
    window.actions.close.trigger()
    assert window.central.currentWidget() is window.start_page
    recent = window.start_page.recent
    assert recent.topLevelItem(0).text(1) == "harbour.json"
    recent.setCurrentItem(recent.topLevelItem(0))
    qtbot.keyClick(recent, Qt.Key.Key_Return)

    assert doc.file_path == target
    assert doc.plan.model_dump() == expected
    plan = doc.plan
    assert plan.details.offering == "Sourdough and rye\nCelebration cakes"
    assert plan.details.organisation == "Crumb & Co. <Bakery>"
    assert plan.management.presence[0].handle == "@crumbandco"
    assert [p.name for p in plan.management.people] == ["Maria", "Priya"]
    assert plan.management.governance.policy_status is PolicyStatus.IN_PLACE
    assert plan.management.resources.hours_per_week == 6
    assert plan.listening.notes[0].said == "Is the rye made without wheat?"
    assert plan.planning.seven_ps.purpose.owner == "Maria"
    assert plan.engagement.activities[0].activity == "Weekly oven times post"
    # ...and the pages show it again, from the page where the user stopped.
    assert window.current_page() == PageId.REVIEW
    user.go(PageId.DETAILS)
    assert user.widget("details.title").text() == "Harbour Street plan"
    assert not window.isWindowModified() and answers.names() == ["ask_save_path"]
