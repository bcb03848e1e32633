"""What the X11 tests do inside the app, one function per scenario (run by tests.x11.child).

Each scenario builds the real main window on the xcb platform, drives it with real key
events (QTest goes through Qt's shortcut override and the platform's key bindings, and
``xdotool`` types through the X server itself), and returns plain data to assert on.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget


def pump(ms: int = 50) -> None:
    """Let Qt handle what the X server sent for ``ms`` milliseconds."""
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.005)


def wait_until(condition: Callable[[], bool], seconds: float = 20) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        pump(20)
    return condition()


def british_dates() -> None:
    """Day-first dates (12/03/2026 is 12 March) whatever the machine's locale."""
    QLocale.setDefault(QLocale("en_GB"))


def shown_window(example: str | None = "bakery") -> Any:
    from workbook.gui.main_window import MainWindow

    window = MainWindow()
    window.show()
    QTest.qWaitForWindowExposed(window)
    if example:
        window.files.open_example(example)
    window.activateWindow()
    QTest.qWaitForWindowActive(window)
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


def xdotool_type(window: QWidget, text: str) -> None:
    wid = str(int(window.winId()))
    subprocess.run(["xdotool", "windowfocus", "--sync", wid], check=True, timeout=20)
    process = subprocess.Popen(["xdotool", "type", "--delay", "30", text])
    while process.poll() is None:
        pump(20)
    pump(150)


def focus_name(widget: QWidget | None) -> str:
    if widget is None:
        return ""
    return widget.objectName() or type(widget).__name__


def focused() -> str:
    """The object name of the widget with the keyboard (a date's text box is named after
    its field)."""
    widget = QApplication.focusWidget()
    if widget is not None and not widget.objectName() and widget.parentWidget() is not None:
        parent = widget.parentWidget()
        if hasattr(parent, "binding"):
            return parent.objectName()
    return focus_name(widget)


class Keyboard:
    """Presses keys on whatever has the keyboard, through QTest (shortcut override, the
    platform's key bindings and the window's shortcuts all take part), and counts the
    keys that are not text."""

    def __init__(self) -> None:
        self.command_keys: list[str] = []

    @staticmethod
    def target() -> QWidget:
        if QApplication.activeWindow() is None and QApplication.activeModalWidget() is None:
            # Xvfb has no window manager to give the window the keyboard back after a
            # dialog closes, as a desktop does: do its part.
            windows = [w for w in QApplication.topLevelWidgets() if w.isWindow() and w.isVisible()]
            if windows:
                windows[0].activateWindow()
                QTest.qWaitForWindowActive(windows[0])
                pump(30)
        widget = QApplication.focusWidget() or QApplication.activePopupWidget()
        widget = widget or QApplication.activeModalWidget() or QApplication.activeWindow()
        assert widget is not None, "nothing has the keyboard"
        return widget

    def press(self, *sequences: str) -> None:
        """Press each key ("Ctrl+E", "Tab", "Alt+Down"); each counts as a command key."""
        for text in sequences:
            combination = QKeySequence(text)[0]
            self.command_keys.append(text)
            QTest.keyClick(self.target(), combination.key(), combination.keyboardModifiers())
            pump(30)

    def type(self, text: str) -> None:
        """Type ``text`` (letters, digits, spaces: not counted as command keys), each key
        to whatever has the keyboard at that moment (the first key may open an editor)."""
        for char in text:
            QTest.keyClick(self.target(), char)
            pump(5)
        pump(30)

    def answer_dialog(self, *sequences: str, text: str = "") -> None:
        """Once a modal dialog is up (after the next key), type ``text`` and press
        ``sequences`` in it."""

        def step() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None or not dialog.isVisible():
                QTimer.singleShot(20, step)
                return
            pump(50)
            if text:
                self.type(text)
            self.press(*sequences)

        QTimer.singleShot(0, step)


# ---------------------------------------------------------------- scenarios

from tests.x11.scenarios_capture import *  # noqa: E402, F403 - scenarios by name for child.py
from tests.x11.scenarios_compare import *  # noqa: E402, F403
from tests.x11.scenarios_keys import *  # noqa: E402, F403
from tests.x11.scenarios_measures import *  # noqa: E402, F403
from tests.x11.scenarios_spelling import *  # noqa: E402, F403
from tests.x11.scenarios_tables import *  # noqa: E402, F403
from tests.x11.scenarios_view import *  # noqa: E402, F403
from tests.x11.scenarios_workshop import *  # noqa: E402, F403
from tests.x11.walk import keyboard_walk  # noqa: E402, F401


def ctrl_e_from_a_line_edit() -> dict[str, Any]:
    """Ctrl+E while the cursor is in a one-line field: the app's Export, not "end of line"."""
    from workbook.gui.main_window import MainWindow

    calls: list[str] = []
    MainWindow.export_pdf = lambda self: calls.append("export")  # type: ignore[method-assign]
    window = shown_window()
    field = window.findChild(QLineEdit, "details.title")
    field.setFocus(Qt.FocusReason.OtherFocusReason)
    field.setCursorPosition(0)
    pump(50)
    xdotool(window, "ctrl+e")
    return {
        "focused": QApplication.focusWidget() is field,
        "calls": calls,
        "cursor": field.cursorPosition(),
    }
