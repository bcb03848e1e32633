"""X11 scenarios for the workshop captures: Ctrl+Shift+P and Ctrl+Shift+A typed through the X
server from inside a field; what was typed lands in the bar, and the field keeps its text,
its caret and the keyboard."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication, QWidget

from tests.x11.scenarios import british_dates, focused, pump, shown_window, xdotool, xdotool_type

__all__ = ["captures_typed_from_a_field"]


def _shot(window: QWidget, folder: str, name: str) -> None:
    if folder:
        window.grab().save(f"{folder}/{name}.png")


def captures_typed_from_a_field(shots: str = "") -> dict[str, Any]:
    """Park an idea from the listening page's text field and note an agreed action from the
    details page's one-line field, every key through xdotool. ``shots``: a folder for
    pictures of the bars (to look at them)."""
    from workbook.gui.capture_popup import ActionBar, ParkingBar
    from workbook.gui.pages import PageId

    british_dates()
    window = shown_window("bakery")
    result: dict[str, Any] = {}
    doc = window.document

    window.go_to_page(PageId.LISTENING)
    intent = window.pages[PageId.LISTENING].findChild(QWidget, "listening.intent")
    intent.setFocus()
    cursor = intent.textCursor()
    cursor.setPosition(5)
    intent.setTextCursor(cursor)
    pump(50)
    text_before = intent.toPlainText()
    ideas_before = len(doc.plan.workshop.parking_lot)
    xdotool(window, "ctrl+shift+p")
    bar = window.findChild(ParkingBar)
    result["park bar shown"] = bar is not None and bar.isVisible()
    result["park focus"] = focused()
    xdotool_type(window, "Ask the market about a stall")
    result["park bar text"] = bar.idea.text()
    _shot(window, shots, "park-bar")
    xdotool(window, "Return")
    result["park bar after"] = bar.isVisible()
    result["park focus after"] = focused()
    result["park caret after"] = intent.textCursor().position()
    result["park field kept"] = intent.toPlainText() == text_before
    lot = doc.plan.workshop.parking_lot
    result["parked"] = [len(lot) - ideas_before, lot[-1].idea, str(lot[-1].raised_during)]

    window.go_to_page(PageId.DETAILS)
    organisation = window.pages[PageId.DETAILS].findChild(QWidget, "details.organisation")
    organisation.setFocus()
    organisation.setCursorPosition(3)
    pump(50)
    name_before = organisation.text()
    actions_before = len(doc.plan.engagement.actions)
    xdotool(window, "ctrl+shift+a")
    action_bar = window.findChild(ActionBar)
    result["action focus"] = focused()
    xdotool_type(window, "Print the new menu")
    xdotool(window, "Tab")
    xdotool_type(window, "Sam")
    xdotool(window, "Tab")
    xdotool_type(window, "3/4/2026")
    result["action texts"] = [
        action_bar.what.text(),
        action_bar.who.text(),
        action_bar.due.date_edit.text(),
    ]
    _shot(window, shots, "action-bar")
    xdotool(window, "Return")
    result["action bar after"] = action_bar.isVisible()
    result["action focus after"] = focused()
    result["action caret after"] = organisation.cursorPosition()
    result["action field kept"] = organisation.text() == name_before
    actions = doc.plan.engagement.actions
    added = actions[-1]
    result["action"] = [len(actions) - actions_before, added.what, added.who, str(added.due)]
    result["active"] = QApplication.activeWindow() is window
    return result
