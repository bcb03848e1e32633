"""X11 scenarios for workshop mode: F11 fills the screen, the agenda bar and every page fit
with nothing cut, the timer keys work from inside a text field, F11 puts the window back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QScrollArea

from tests.x11.scenarios import Keyboard, pump, shown_window, wait_until
from tests.x11.scenarios_view import _cut, _each_tab

__all__ = ["workshop_mode_on_a_projector"]


def _bar_problems(window: Any) -> list[str]:
    """The agenda bar outside the window, or one of its buttons or labels narrower or
    lower than its text needs."""
    bar = window.workshop.bar
    found = []
    top_left = bar.mapTo(window, bar.rect().topLeft())
    if top_left.x() < 0 or top_left.x() + bar.width() > window.width():
        found.append(f"bar from {top_left.x()} over {bar.width()} in {window.width()}")
    if bar.width() < bar.minimumSizeHint().width():
        found.append(f"bar {bar.width()} < its minimum {bar.minimumSizeHint().width()}")
    for widget in bar.findChildren(QAbstractButton) + bar.findChildren(QLabel):
        if not widget.isVisible():
            continue
        hint = widget.sizeHint()
        if widget.width() + 1 < hint.width() or widget.height() + 1 < hint.height():
            found.append(f"{widget.objectName()} “{widget.text()}” {widget.size()} < {hint}")
    return found


def workshop_mode_on_a_projector(folder: str = "") -> dict[str, Any]:
    """F11 on the bakery example: full screen, large text, every page and tab checked for
    cut text and sideways scrolling; Ctrl+Alt+Space and Ctrl+Alt+Up from a text field; F11
    again restores the window. Saves a screenshot of the listening page into ``folder``."""
    from workbook.gui.pages import PageId

    window = shown_window()
    keys = Keyboard()
    screen = window.screen().geometry()
    before = window.geometry()
    window.focus_current_page()
    pump(50)
    keys.press("F11")
    filled = wait_until(lambda: window.geometry().size() == screen.size(), seconds=5)
    pump(200)
    result: dict[str, Any] = {
        "screen": [screen.width(), screen.height()],
        "active": window.workshop.active,
        "fills the screen": filled,
        "text scale": window.settings.text_scale,
        "step list hidden": not window.step_list.isVisible(),
        "bar two rows": window.workshop.bar.is_two_rows(),
        "bar compact": window.workshop.bar.is_compact(),
    }
    cut: dict[str, list[str]] = {}
    sideways: list[str] = []
    scroller = window.findChild(QScrollArea, "page_scroller")
    for label, _page in _each_tab(window):
        pump(100)  # the agenda bar settles (it may take a second row) before measuring
        problems = _cut(window) + _bar_problems(window)
        if problems:
            cut[label] = problems
        if scroller.horizontalScrollBar().isVisible():
            sideways.append(label)
    result["cut"] = cut
    result["scrolls sideways"] = sideways

    window.go_to_page(PageId.LISTENING, focus=True)
    pump(100)
    result["countdown"] = window.workshop.bar.countdown.text()
    result["focus in"] = type(QApplication.focusWidget()).__name__
    keys.press("Ctrl+Alt+Space")
    result["paused"] = window.workshop.timer.paused
    result["pause button"] = window.workshop.bar.pause_button.text()
    keys.press("Ctrl+Alt+Space")
    result["running again"] = not window.workshop.timer.paused
    allowed = window.workshop.timer.reading().allowed
    keys.press("Ctrl+Alt+Up")
    result["extended by"] = window.workshop.timer.reading().allowed - allowed
    result["extend notice"] = window.statusBar().currentMessage()
    if folder:
        pump(300)
        Path(folder).mkdir(parents=True, exist_ok=True)
        window.grab().save(str(Path(folder) / f"workshop-{screen.width()}x{screen.height()}.png"))

    keys.press("F11")
    restored = wait_until(lambda: window.size() == before.size(), seconds=5)
    pump(100)
    result["left"] = not window.workshop.active
    result["size restored"] = restored
    result["sizes"] = [[before.width(), before.height()], [window.width(), window.height()]]
    result["step list back"] = window.step_list.isVisible()
    result["text scale after"] = window.settings.text_scale
    window.document.undo_stack.setClean()  # the workshop's snapshot: no question on quitting
    return result
