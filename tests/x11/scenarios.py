"""What the X11 tests do inside the app, one function per scenario (run by tests.x11.child).

Each scenario builds the real main window on the xcb platform, drives it with real key
events (QTest goes through Qt's shortcut override and the platform's key bindings, and
``xdotool`` types through the X server itself), and returns plain data to assert on.
"""

from __future__ import annotations

import subprocess
import time
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget


def pump(ms: int = 50) -> None:
    """Let Qt handle what the X server sent for ``ms`` milliseconds."""
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.005)


def shown_window(example: str | None = "bakery") -> Any:
    from workbook.gui.main_window import MainWindow

    window = MainWindow()
    window.show()
    QTest.qWaitForWindowExposed(window)
    if example:
        window.files.open_example(example)
    window.activateWindow()
    pump(100)
    return window


def xdotool(window: QWidget, *keys: str) -> None:
    """Type ``keys`` (xdotool names: "ctrl+e", "Tab") through the X server, as a keyboard
    would, into ``window``."""
    wid = str(int(window.winId()))
    subprocess.run(["xdotool", "windowfocus", "--sync", wid], check=True, timeout=20)
    pump(50)
    process = subprocess.Popen(["xdotool", "key", "--delay", "30", *keys])
    while process.poll() is None:
        pump(20)
    pump(150)


def focus_name(widget: QWidget | None) -> str:
    if widget is None:
        return ""
    return widget.objectName() or type(widget).__name__


# ---------------------------------------------------------------- scenarios


def ctrl_e_from_a_line_edit() -> dict[str, Any]:
    """Ctrl+E while the cursor is in a one-line field: the app's Export, not "end of line"."""
    from workbook.gui.main_window import MainWindow

    calls: list[str] = []
    MainWindow.export_pdf = lambda self: calls.append("export")  # type: ignore[method-assign]
    window = shown_window()
    field = window.findChild(QLineEdit)
    field.setFocus(Qt.FocusReason.OtherFocusReason)
    field.setCursorPosition(0)
    pump(50)
    xdotool(window, "ctrl+e")
    return {"focused": QApplication.focusWidget() is field, "calls": calls}
