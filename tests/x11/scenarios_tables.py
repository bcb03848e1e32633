"""X11 scenarios for tables: Tab from cell to cell, no stray deletes, typing into a
selected cell, the notes count, and keys that reach a table from the page's fields."""

from __future__ import annotations

import subprocess
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication

from tests.x11.scenarios import (
    Keyboard,
    british_dates,
    focused,
    pump,
    shown_window,
    xdotool_type,
)

__all__ = [
    "click_a_selected_cell_and_type",
    "keys_reach_the_table",
    "notes_count_after_delete_and_undo",
    "no_stray_key_deletes_rows",
    "tab_from_cell_to_cell",
]

NOTES = ("listening", "notes")
PEOPLE = ("management", "people")


def _where(table: Any) -> str:
    """The column of the cell being edited (or the current one), or what has the keyboard
    when it is outside the table."""
    widget = QApplication.focusWidget()
    if widget is not None and table.view.isAncestorOf(widget):
        return table.model.columns[table.view.currentIndex().column()].name
    if isinstance(widget, QAbstractButton) and widget in table.buttons.values():
        return f"table button {widget.text()}"
    return focused()


def tab_from_cell_to_cell() -> dict[str, Any]:
    """A new note, typed from cell to cell with Tab, as in a spreadsheet."""
    from workbook.gui.pages import PageId

    british_dates()
    window = shown_window(example=None)
    keys = Keyboard()
    keys.press("Ctrl+N", "Ctrl+3")
    page = window.pages[PageId.LISTENING]
    page.tab_widget.setCurrentIndex(1)
    table = page.tables[NOTES]
    table.view.setFocus()
    keys.press("Insert")  # a new note, its "said" cell open
    visited = [_where(table)]
    for text in ("Asked about rye", "allergies, bread"):
        keys.type(text)
        keys.press("Tab")
        visited.append(_where(table))
    keys.press("Tab")  # past the sentiment
    visited.append(_where(table))
    keys.type("Wants a list")
    keys.press("Shift+Tab")
    visited.append(_where(table))
    # Back to the first cell: a date, typed, then Tab on to the next cell.
    table.select_row(window.document.plan.listening.notes[0].id, "noted_on")
    table.view.edit(table.view.currentIndex())
    pump(50)
    keys.press("Ctrl+A")
    keys.type("12/03/2026")
    keys.press("Tab")
    visited.append(_where(table))
    keys.type("Market stall")
    keys.press("Tab")
    visited.append(_where(table))
    note = window.document.plan.listening.notes[0]
    return {
        "visited": visited,
        "said": note.said,
        "tags": note.tags,
        "wants": note.wants,
        "date": note.noted_on.isoformat() if note.noted_on else "",
        "source": note.source,
        "focus in table": table.view.isAncestorOf(QApplication.focusWidget())
        or QApplication.focusWidget() is table.view,
    }


def no_stray_key_deletes_rows() -> dict[str, Any]:
    """From the people table: Tab, Tab, then Space three times (what once pressed Delete
    three times). Then Del on a row: it says what it removed, with Undo at hand."""
    from workbook.gui.pages import PageId

    window = shown_window()
    keys = Keyboard()
    keys.press("Ctrl+2")
    page = window.pages[PageId.MANAGEMENT]
    page.tab_widget.setCurrentIndex(1)
    table = page.tables[PEOPLE]
    table.view.setFocus()
    table.select_first()
    before = len(window.document.plan.management.people)
    stops = []
    for key in ("Tab", "Tab"):
        keys.press(key)
        stops.append(_where(table))
    for _ in range(3):
        keys.press("Space")
    after_spaces = len(window.document.plan.management.people)
    keys.press("Ctrl+2")  # the spaces may have pressed the step list's Back
    page.tab_widget.setCurrentIndex(1)
    table.view.setFocus()
    table.select_first()
    first_name = window.document.plan.management.people[0].name
    keys.press("Delete")
    notice = table.notice_label.text() if table.notice.isVisible() else ""
    undo_shown = table.undo_button.isVisible()
    table.undo_button.click()
    pump(30)
    return {
        "before": before,
        "after spaces": after_spaces,
        "stops": stops,
        "buttons in the Tab chain": [
            b.text() for b in table.buttons.values() if b.focusPolicy() & Qt.FocusPolicy.TabFocus
        ],
        "notice": notice,
        "first name": first_name,
        "undo shown": undo_shown,
        "after undo": len(window.document.plan.management.people),
        "notice after undo": table.notice.isVisible(),
    }


def click_a_selected_cell_and_type() -> dict[str, Any]:
    """Click a cell, click it again (it is selected now), type at once: through the X
    server, as a mouse and a keyboard would."""
    from workbook.gui.pages import PageId

    window = shown_window()
    keys = Keyboard()
    keys.press("Ctrl+2")
    page = window.pages[PageId.MANAGEMENT]
    page.tab_widget.setCurrentIndex(1)
    table = page.tables[PEOPLE]
    pump(100)
    index = table._view_index(0, table.model.column_of("role"))
    rect = table.view.visualRect(index)
    point = table.view.viewport().mapTo(window, rect.center())
    wid = str(int(window.winId()))

    def click() -> None:
        subprocess.run(
            ["xdotool", "mousemove", "--window", wid, str(point.x()), str(point.y()), "click", "1"],
            check=True,
            timeout=20,
        )
        pump(60)

    click()
    pump(600)  # longer than a double click: two single clicks
    click()
    xdotool_type(window, "Baker ")
    pump(300)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    pump(50)
    return {"role": window.document.plan.management.people[0].role}


def notes_count_after_delete_and_undo() -> dict[str, Any]:
    """The count above the notes after deleting three notes, undoing, and with a search."""
    from workbook.gui.pages import PageId

    window = shown_window()
    keys = Keyboard()
    keys.press("Ctrl+3")
    page = window.pages[PageId.LISTENING]
    page.tab_widget.setCurrentIndex(1)
    panel = page.notes_panel
    table = panel.table
    total = len(window.document.plan.listening.notes)
    result: dict[str, Any] = {"total": total, "counts": []}
    table.view.setFocus()
    table.select_first()
    keys.press("Shift+Down", "Shift+Down", "Delete")
    result["counts"].append(panel.count_label.text())
    keys.press("Ctrl+Z")
    result["counts"].append(panel.count_label.text())
    keys.press("Ctrl+F")
    keys.type("bread")
    pump(300)
    result["counts"].append(panel.count_label.text())
    shown = panel.proxy.rowCount()
    table.view.setFocus()
    table.select_first()
    keys.press("Delete")
    pump(50)
    result["counts"].append(panel.count_label.text())
    keys.press("Ctrl+Z")
    pump(50)
    result["counts"].append(panel.count_label.text())
    result["shown"] = shown
    return result


def keys_reach_the_table() -> dict[str, Any]:
    """From a field: Ctrl+T goes to the page's table and Insert adds a row to it; Ctrl+F
    goes to the notes' search from any tab of the Listening page, and from elsewhere."""
    from workbook.gui.pages import PageId

    window = shown_window()
    keys = Keyboard()
    result: dict[str, Any] = {}
    keys.press("Ctrl+3")  # the listening plan: intent, then where we listen
    result["start"] = focused()
    keys.press("Ctrl+T")
    result["Ctrl+T"] = focused()
    keys.press("Ctrl+3")
    places = len(window.document.plan.listening.places)
    keys.press("Insert")
    result["Insert added a place"] = len(window.document.plan.listening.places) == places + 1
    result["Insert then"] = focused()
    keys.type("Harbour Street market")
    keys.press("Return")
    result["new place"] = window.document.plan.listening.places[-1].where
    page = window.pages[PageId.LISTENING]
    page.tab_widget.setCurrentIndex(2)  # learnings
    window.focus_current_page()
    keys.press("Ctrl+F")
    result["Ctrl+F from the learnings"] = focused()
    result["tab after Ctrl+F"] = page.tab_widget.currentIndex()
    keys.press("Ctrl+1", "Ctrl+F")
    result["Ctrl+F from the details"] = focused()
    keys.press("Ctrl+1", "Ctrl+T")
    result["Ctrl+T on the details"] = focused()
    result["status"] = window.statusBar().currentMessage()
    keys.press("Ctrl+5")
    page = window.pages[PageId.ENGAGEMENT]
    tabs = page.tab_widget
    # The review loop: a form with no table (Quality & cost now holds the spending table).
    tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.tabText(i) == "Review loop"))
    window.focus_current_page()
    activities = len(window.document.plan.engagement.activities)
    keys.press("Ctrl+T")
    result["Ctrl+T from a form tab"] = focused()
    page.tab_widget.setCurrentIndex(1)
    window.focus_current_page()
    keys.press("Insert")
    result["Insert on the activities"] = (
        len(window.document.plan.engagement.activities) - activities
    )
    return result
