"""X11 scenarios: the window's shortcuts from every kind of text widget, where the keyboard
lands after moving around, the Tab order, where a reopened plan opens, and typed dates."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from tests.x11.scenarios import (
    Keyboard,
    british_dates,
    focused,
    pump,
    shown_window,
)

__all__ = [
    "app_shortcuts_from_text_widgets",
    "date_typing",
    "focus_after_moving",
    "reopened_plan_returns_to_its_place",
    "tab_order_on_pages",
    "typing_after_tab_lands_in_the_answer",
]


def _record_actions(window: Any) -> list[QAction]:
    """Every window action (and every table's own keys) records its firing instead of
    doing its work, so each key can be pressed everywhere without side effects."""
    fired: list[QAction] = []
    actions = list(window.actions.all_actions())
    for table in window.findChildren(QWidget):
        for _keys, action in getattr(table, "key_actions", []):
            actions.append(action)
    for action in actions:
        action.triggered.disconnect()
        action.triggered.connect(lambda _checked=False, a=action: fired.append(a))
        action.setEnabled(True)
    return fired


def _open_cell(window: Any, page_id: Any, list_path: tuple, column: str) -> QWidget:
    from workbook.gui.pages.base import reveal

    window.go_to_page(page_id)
    table = window.pages[page_id].tables[list_path]
    reveal(table)
    if table.model.rowCount() == 0:
        table.add_row()
    index = table._view_index(0, table.model.column_of(column))
    table.view.setFocus()
    table.view.setCurrentIndex(index)
    table.view.edit(index)
    pump(80)
    return QApplication.focusWidget()


def app_shortcuts_from_text_widgets() -> dict[str, Any]:
    """Each of the window's shortcuts, pressed in each kind of text widget the app has:
    the keys that did not reach the window (nor, in a table, the table's own command)."""
    from workbook.gui.pages import PageId

    window = shown_window()
    for page_id in PageId:
        window.go_to_page(page_id)  # built now, before the actions are rewired
    pages = window.pages
    fired = _record_actions(window)
    shortcuts = [
        (action, sequence)
        for action in window.actions.all_actions()
        for sequence in action.shortcuts()
        if sequence.count() == 1 and sequence[0].key().value < Qt.Key.Key_Help.value
    ]
    editing = {window.actions.undo, window.actions.redo}
    notes, activities = ("listening", "notes"), ("engagement", "activities")

    def field(page_id: PageId, name: str) -> QWidget:
        from workbook.gui.pages.base import reveal

        window.go_to_page(page_id)
        widget = pages[page_id].findChild(QWidget, name)
        reveal(widget)
        target = getattr(widget, "date_edit", widget)
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        pump(50)
        return target

    contexts = {
        "one-line field": lambda: field(PageId.DETAILS, "details.title"),
        "multi-line field": lambda: field(PageId.DETAILS, "details.offering"),
        "date field": lambda: field(PageId.DETAILS, "details.plan_date"),
        "number field": lambda: field(PageId.MANAGEMENT, "management.resources.hours_per_week"),
        "notes search": lambda: field(PageId.LISTENING, "notes_search"),
        "text cell": lambda: _open_cell(window, PageId.LISTENING, notes, "who"),
        "long text cell": lambda: _open_cell(window, PageId.LISTENING, notes, "said"),
        "date cell": lambda: _open_cell(window, PageId.LISTENING, notes, "noted_on"),
        "themes cell": lambda: _open_cell(window, PageId.LISTENING, notes, "tags"),
        "choice cell": lambda: _open_cell(window, PageId.LISTENING, notes, "sentiment"),
        "number cell": lambda: _open_cell(window, PageId.ENGAGEMENT, activities, "hours_per_month"),
    }
    missed: dict[str, list[str]] = {}
    kinds: dict[str, str] = {}
    for name, open_context in contexts.items():
        widget = open_context()
        kinds[name] = type(widget).__name__
        in_table = "cell" in name
        for action, sequence in shortcuts:
            if action in editing and (in_table or name == "notes search"):
                continue  # their own undo, like any text box
            target = open_context() if QApplication.focusWidget() is not widget else widget
            fired.clear()
            combination = sequence[0]
            QTest.keyClick(target, combination.key(), combination.keyboardModifiers())
            pump(10)
            table_own = in_table and any(a.parent() is not window for a in fired)
            if action not in fired and not table_own:
                missed.setdefault(name, []).append(sequence.toString())
    return {"missed": missed, "widgets": kinds, "checked": len(shortcuts)}


def focus_after_moving(plan_file: str) -> dict[str, Any]:
    """Where the keyboard is after each way of moving to a page, and where typing lands."""
    from workbook.gui.pages import PageId

    window = shown_window()
    keys = Keyboard()
    result: dict[str, Any] = {}
    window.focus_current_page()
    for number in range(1, 7):
        keys.press(f"Ctrl+{number}")
        result[f"Ctrl+{number}"] = focused()
    keys.press("Ctrl+1", "Alt+Right")
    result["Alt+Right"] = focused()
    keys.press("Alt+Left")
    result["Alt+Left"] = focused()
    steps = window.step_list.list
    rect = steps.visualItemRect(steps.item(3))
    QTest.mouseClick(steps.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    pump(80)
    result["step list click"] = focused()
    keys.press("F6", "Down", "Return")
    result["step list Enter"] = focused()
    keys.press("F6", "Down")
    result["step list arrow"] = focused()  # the arrow only shows the step
    keys.press("Ctrl+N")
    result["New plan"] = focused()
    keys.type("Typed at once")
    result["typed after New plan"] = window.document.plan.details.title
    window.document.undo_stack.setClean()
    window.files.open_path(Path(plan_file))
    pump(80)
    result["Open"] = focused()
    result["page after Open"] = window.current_page().name
    result["Ctrl+1 then typing"] = ""
    keys.press("Ctrl+1")
    keys.type("Hello")
    result["Ctrl+1 then typing"] = window.document.plan.details.title
    assert window.current_page() == PageId.DETAILS
    return result


def typing_after_tab_lands_in_the_answer() -> dict[str, Any]:
    """On the 7 P's and the Engagement page, Tab from the tab bar then typing: the words
    land in the answer the user sees first."""
    from workbook.gui.pages import PageId
    from workbook.model import SevenP

    window = shown_window()
    keys = Keyboard()
    result: dict[str, Any] = {}

    keys.press("Ctrl+4")
    page = window.pages[PageId.PLANNING]
    page.tab_widget.setCurrentIndex(1)  # The 7 P's
    page.tab_widget.tabBar().setFocus(Qt.FocusReason.TabFocusReason)
    pump(50)
    keys.press("Tab")
    result["7 P's after Tab"] = focused()
    decision = window.document.plan.planning.seven_ps.get(SevenP.PURPOSE).decision
    keys.type("Zeal")
    now = window.document.plan.planning.seven_ps.get(SevenP.PURPOSE).decision
    result["7 P's typed"] = now[len(decision) :] if now.startswith(decision) else now
    result["7 P's shown"] = page.seven_ps.p_list.currentRow()

    keys.press("Ctrl+5")
    page = window.pages[PageId.ENGAGEMENT]
    page.tab_widget.setCurrentIndex(0)
    page.tab_widget.tabBar().setFocus(Qt.FocusReason.TabFocusReason)
    pump(50)
    keys.press("Tab")
    result["Engagement after Tab"] = focused()
    table = page.tables[("engagement", "playbook")]
    row_id = table.current_row_id()
    keys.type("Zeal")
    keys.press("Ctrl+Return")
    response = window.document.value(("engagement", "playbook", row_id, "response"))
    result["Engagement typed"] = response
    return result


def tab_order_on_pages() -> dict[str, Any]:
    """Tab through every tab of every page: where it stops, and whether it ever stops on
    something not on screen or on a scroll area."""
    from PySide6.QtWidgets import QTabWidget

    from workbook.gui.pages import PageId

    window = shown_window()
    keys = Keyboard()
    stops: dict[str, list[str]] = {}
    bad: list[str] = []
    for page_id in PageId:
        window.go_to_page(page_id, focus=True)
        page = window.pages[page_id]
        tab_widgets = page.findChildren(QTabWidget)
        for index in range(tab_widgets[0].count() if tab_widgets else 1):
            if tab_widgets:
                tab_widgets[0].setCurrentIndex(index)
            window.focus_current_page()
            label = f"{page_id.name}/{index}"
            seen = []
            for _ in range(12):
                widget = QApplication.focusWidget()
                if widget is None:
                    bad.append(f"{label}: nothing")
                    break
                seen.append(focused())
                if isinstance(widget, QScrollArea) or not widget.isVisible():
                    bad.append(f"{label}: {focused()} ({type(widget).__name__})")
                if not page.isAncestorOf(widget):
                    break  # Tab went on to the step list: the page is done
                keys.press("Tab")
            stops[label] = seen
    return {"stops": stops, "bad": bad}


def reopened_plan_returns_to_its_place(plan_file: str) -> dict[str, Any]:
    """Leave a plan on the notes of the Listening page, close it, quit; start again and
    open it: the same page and tab, with the keyboard in an answer."""
    from workbook.gui.main_window import MainWindow
    from workbook.gui.pages import PageId

    window = shown_window(example=None)
    window.files.open_path(Path(plan_file))
    keys = Keyboard()
    keys.press("Ctrl+3")
    page = window.pages[PageId.LISTENING]
    page.tab_widget.setCurrentIndex(1)
    window.focus_current_page()
    keys.press("Ctrl+W")
    window.close()
    pump(50)
    again = MainWindow()
    again.show()
    QTest.qWaitForWindowExposed(again)
    again.activateWindow()
    QTest.qWaitForWindowActive(again)
    again.files.open_path(Path(plan_file))
    pump(80)
    on_listening = again.current_page() == PageId.LISTENING
    return {
        "page": again.current_page().name,
        "tab": again.pages[PageId.LISTENING].tab_widget.currentIndex() if on_listening else -1,
        "focus": focused(),
    }


def date_typing() -> dict[str, Any]:
    """An empty date takes typing in every common form; a half-typed date is refused with
    words and kept; the calendar (Alt+Down) opens on today, inside the screen; Ctrl+; is
    today and Ctrl+Del clears."""
    from workbook.gui.pages import PageId
    from workbook.gui.widgets import clock

    british_dates()
    window = shown_window(example=None)
    keys = Keyboard()
    keys.press("Ctrl+N")
    keys.press("Ctrl+1")
    page = window.pages[PageId.DETAILS]
    field = page.findChild(QWidget, "details.plan_date")
    field.date_edit.setFocus(Qt.FocusReason.OtherFocusReason)
    pump(50)
    result: dict[str, Any] = {"typed": {}}
    keys.press("Ctrl+Del")
    result["cleared"] = window.document.plan.details.plan_date
    result["clear shown"] = field.text()

    def stored() -> str:
        value = window.document.plan.details.plan_date
        return value.isoformat() if value else ""

    for typed in ("12/03/2026", "2026-03-12", "12 Mar 2026", "12 March 2026", "3/4/26"):
        field.date_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        keys.press("Ctrl+Del")
        keys.type(typed)
        keys.press("Tab")
        result["typed"][typed] = {
            "stored": stored(),
            "shown": field.text(),
            "left the field": not field.isAncestorOf(QApplication.focusWidget()),
        }
    keys.press("Shift+Tab")
    keys.press("Ctrl+A")
    keys.type("12/0")
    keys.press("Tab")
    result["half typed"] = {
        "stored": stored(),
        "shown": field.text(),
        "problem": field.problem(),
        "label": page.findChild(QWidget, "details.plan_date").parentWidget().problem_label.text(),
        "left the field": not field.isAncestorOf(QApplication.focusWidget()),
    }
    field.date_edit.setFocus(Qt.FocusReason.OtherFocusReason)
    keys.press("Ctrl+;")
    result["Ctrl+;"] = stored()
    result["today"] = clock.today().isoformat()
    keys.press("Ctrl+Del")
    keys.press("Alt+Down")
    pump(100)
    popup = field.popup
    screen = QApplication.primaryScreen().availableGeometry()
    result["calendar"] = {
        "shown": popup is not None and popup.isVisible(),
        "month": [popup.calendar.yearShown(), popup.calendar.monthShown()] if popup else [],
        "inside screen": popup is not None and screen.contains(popup.frameGeometry()),
    }
    keys.press("Escape")
    # A date field at the bottom of the screen: the calendar opens above it.
    field_bottom = field.date_edit.mapToGlobal(QPoint(0, field.date_edit.height())).y()
    window.move(window.x(), window.y() + screen.bottom() - 10 - field_bottom)
    pump(100)
    field.date_edit.setFocus(Qt.FocusReason.OtherFocusReason)
    field.open_calendar()
    pump(100)
    bottom = field.date_edit.mapToGlobal(QPoint(0, field.date_edit.height())).y()
    result["calendar near the bottom"] = {
        "inside screen": screen.contains(popup.frameGeometry()),
        "above the field": popup.frameGeometry().bottom() <= bottom - field.date_edit.height(),
        "field bottom": bottom,
        "screen bottom": screen.bottom(),
    }
    keys.press("T")
    result["T in the calendar"] = stored()
    return result
