"""X11 scenarios for snapshots and compare: Ctrl+Alt+S from a field asks a name and takes
the snapshot; in the Snapshots and compare window F8 and Shift+F8 move through the
changes, the restore button's mnemonic restores one, and Ctrl+Z there undoes it."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtWidgets import QApplication

from tests.x11.scenarios import Keyboard, focused, pump, shown_window, wait_until

__all__ = ["snapshot_and_compare_keys"]


def snapshot_and_compare_keys() -> dict[str, Any]:
    from workbook.gui.pages import PageId

    window = shown_window("bakery")
    document = window.document
    document.clock = lambda: datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
    keys = Keyboard()
    result: dict[str, Any] = {}

    window.go_to_page(PageId.PLANNING, focus=True)
    pump(100)
    result["focus before"] = focused()
    intent_before = document.plan.planning.intent
    keys.answer_dialog("Return", text="Before the workshop")
    keys.press("Ctrl+Alt+S")
    wait_until(lambda: QApplication.activeModalWidget() is None, 10)
    pump(100)
    result["snapshots"] = [(s.name, s.kind.value) for s in document.session.snapshots()]
    result["field untouched"] = document.plan.planning.intent == intent_before
    keys.target()  # on Xvfb (no window manager) the window gets the keyboard back here
    result["focus after"] = focused()

    document.set_value(("details", "title"), "Bakery plan, after the workshop")
    document.set_value(("planning", "intent"), "Good bread for the whole town.")
    keys.press("Ctrl+Shift+D")
    result["opened"] = wait_until(
        lambda: (
            QApplication.activeWindow() is not None
            and QApplication.activeWindow().objectName() == "snapshots_window"
        ),
        10,
    )
    view = QApplication.activeWindow()
    result["changes"] = len(view.view.changes)
    steps = []
    for key in ("F8", "F8", "F8", "Shift+F8"):
        keys.press(key)
        steps.append(view.view.current)
    result["steps"] = steps
    result["position"] = view.position.text()

    # From the To choice too, F8 is the window's.
    view.to_box.setFocus()
    pump(50)
    keys.press("F8")
    result["from a choice"] = view.view.current

    keys.press("Alt+R")  # Restore from the snapshot
    pump(100)
    result["restored title"] = document.plan.details.title
    result["after restore"] = len(view.view.changes)
    keys.press("Ctrl+Z")
    pump(100)
    result["after undo"] = document.plan.details.title
    document.undo_stack.setClean()
    document.session.plan.history.snapshots.clear()
    view.close()
    window.close()
    return result
