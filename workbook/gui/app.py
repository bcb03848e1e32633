"""Starting the desktop app: the QApplication, the main window, crash recovery, the event loop."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from workbook import APP_ID, APP_NAME, ORG_NAME, __version__
from workbook.gui.collector import freeze_start_up_objects
from workbook.gui.crash import CrashHandler, recovery_note
from workbook.gui.first_paint import after_first_paint
from workbook.gui.main_window import MainWindow
from workbook.gui.theme import app_icon

DESKTOP_FILE_NAME = "social-media-value-workbook"
"""Matches resources/linux/social-media-value-workbook.desktop (window icon on Wayland)."""


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication, named so that settings and standard paths are the app's own."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_FILE_NAME)
    app.setWindowIcon(app_icon())
    return app


def open_windows(paths: Sequence[str]) -> list[MainWindow]:
    """The first window (which also offers crash recovery) plus one per extra plan file."""
    windows = [MainWindow()]
    windows[0].show()

    def after_show() -> None:
        # After the first paint, so the window is on screen before any question is asked.
        # The plan model waits for the first plan (workbook.gui.collector).
        freeze_start_up_objects()
        windows[0].files.offer_recovery()
        for index, path in enumerate(paths):
            if index == 0:
                windows[0].files.open_path(path)
                continue
            window = MainWindow()
            windows.append(window)
            window.show()
            window.files.open_path(path)

    after_first_paint(windows[0], after_show)
    return windows


def install_crash_handler(windows: list, parent: QObject | None = None) -> CrashHandler:
    """The last line of defence for ``windows``: an unexpected error writes their recovery
    copies, then tells the user what happened and what became of their work."""

    def save_recovery() -> str:
        from workbook.gui.windows import opened_windows

        every = [*windows, *(w for w in opened_windows() if w not in windows)]
        written = [w for w in every if w.files.autosaver.write_now() is not None]
        return recovery_note(len(written), sum(w.has_plan for w in every))

    def report(summary: str, details: str, note: str) -> None:
        from workbook.gui import dialogs  # 34 ms of widgets' dialog classes: only on a crash

        parent_window = QApplication.activeWindow() or windows[0]
        dialogs.show_exception(parent_window, summary, details, note)

    handler = CrashHandler(save_recovery, report, parent)
    handler.install()
    return handler


def run(paths: Sequence[str] | None = None, self_test: bool = False) -> int:
    """Run the app; ``paths`` are plan files to open. Returns the exit code."""
    if self_test:
        from workbook.gui.selftest import run_self_test  # its own mode: not in every start

        return run_self_test()
    app = create_application()
    windows = open_windows(list(paths or []))
    crash = install_crash_handler(windows, app)
    try:
        return app.exec()
    finally:
        crash.uninstall()
