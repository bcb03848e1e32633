"""X11 scenarios for the four A's tab and the action plan: the tables keep their rows at
1280x720 and at larger text, and Ctrl+Shift+L brings the keyboard to the action plan."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QAbstractItemView, QApplication, QScrollArea

from tests.x11.scenarios import Keyboard, focused, pump, shown_window

__all__ = ["action_plan_by_keyboard", "four_as_rows"]


def _rows_shown(view: QAbstractItemView) -> float:
    """How many rows the table's viewport has room for."""
    row = view.verticalHeader().defaultSectionSize()  # type: ignore[attr-defined]
    return round(view.viewport().height() / row, 1)


def four_as_rows() -> dict[str, Any]:
    """The four A's tab, at normal text and two sizes larger: rows shown in the measures and
    readings tables, and whether the page scrolls sideways."""
    from workbook.gui.pages import PageId

    window = shown_window()
    keys = Keyboard()
    keys.press("Ctrl+5")
    page = window.pages[PageId.ENGAGEMENT]
    page.tab_widget.setCurrentWidget(page.four_as)
    pump(200)
    scroller = window.findChild(QScrollArea, "page_scroller")
    result: dict[str, Any] = {"screen": [window.screen().size().width(), window.height()]}
    for label in ("normal", "larger", "largest of two"):
        if label != "normal":
            keys.press("Ctrl+=")
            pump(200)
        result[label] = {
            "measures": _rows_shown(page.tables[("engagement", "measures")].view),
            "readings": _rows_shown(page.tables[("engagement", "readings")].view),
            "sideways": bool(scroller and scroller.horizontalScrollBar().isVisible()),
            "chart height": page.four_as.progress.chart.height(),
        }
    return result


def action_plan_by_keyboard() -> dict[str, Any]:
    """Ctrl+Shift+L from a text field opens the action plan with its list focused; Enter on
    an agreed action goes to its row on the Engagement page."""
    from workbook.gui.pages import PageId

    window = shown_window()
    keys = Keyboard()
    keys.press("Ctrl+1")
    keys.press("Ctrl+Shift+L")
    result: dict[str, Any] = {"focus": focused(), "page": window.current_page().name}
    view = window.pages[PageId.REVIEW].action_plan
    action = next(i for i in view.shown if i.kind.value == "action")
    for number in range(view.tree.topLevelItemCount()):
        if view.tree.topLevelItem(number).text(1) == action.title:
            view.tree.setCurrentItem(view.tree.topLevelItem(number))
    keys.press("Return")
    engagement = window.pages[PageId.ENGAGEMENT]
    result["after Enter"] = window.current_page().name
    result["row"] = engagement.tables[("engagement", "actions")].current_row_id() == action.key
    result["focus after Enter"] = focused()
    QApplication.processEvents()
    return result
