"""Starting the desktop app: the QApplication, the main window, crash recovery, the event loop."""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from workbook import APP_ID, APP_NAME, ORG_NAME, __version__
from workbook.gui.first_paint import after_first_paint

if TYPE_CHECKING:
    from workbook.gui.crash import CrashHandler

DESKTOP_FILE_NAME = "social-media-value-workbook"
"""Matches resources/linux/social-media-value-workbook.desktop (window icon on Wayland)."""

GIL_SWITCH_INTERVAL_S = 0.001
"""How long a Python thread may keep the GIL while another waits for it. The default 5 ms
suits throughput; here the waiting thread is usually the UI thread, while the PDF export or
autosave works in the background: with 1 ms the window answered a 2,000-note export's
60 Hz timer at worst 45 ms late instead of 100 ms (tests/benchmarks)."""


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
    from workbook.gui.theme import app_icon

    app.setWindowIcon(app_icon())
    sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
    return app


def freeze_start_up_objects() -> None:
    """Take what starting made (modules, the plan model's validators, Qt's wrappers), which
    lives as long as the app, out of the garbage collector's sight. A full collection runs
    on whichever thread is allocating, often the UI thread: with a 2,000-note plan open it
    took 33 ms, and 5 ms once the start-up objects were frozen."""
    gc.collect()  # nothing already unreachable is frozen (it could never be freed)
    gc.freeze()
    gc.enable()  # the command line pauses collection while the app starts


def open_windows(paths: Sequence[str], *, freeze_after_start: bool = False) -> list:
    """The first window (which also offers crash recovery) plus one per extra plan file.
    ``freeze_after_start``: see :func:`freeze_start_up_objects` (the app's own start only)."""
    from workbook.gui.main_window import MainWindow

    windows = [MainWindow()]
    windows[0].show()

    def after_show() -> None:
        # After the first paint, so the window is on screen before any question is asked
        # (and before the plan model, which the recovery check needs, is loaded).
        try:
            windows[0].files.offer_recovery()
        finally:
            if freeze_after_start:
                # Before any plan (plans come and go), and whatever the recovery offer did:
                # this also turns the collector back on.
                freeze_start_up_objects()
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
    from workbook.gui import dialogs
    from workbook.gui.crash import CrashHandler, recovery_note

    def save_recovery() -> str:
        written = [w for w in windows if w.files.autosaver.write_now() is not None]
        return recovery_note(len(written), sum(w.has_plan for w in windows))

    def report(summary: str, details: str, note: str) -> None:
        parent_window = QApplication.activeWindow() or windows[0]
        dialogs.show_exception(parent_window, summary, details, note)

    handler = CrashHandler(save_recovery, report, parent)
    handler.install()
    return handler


def run(paths: Sequence[str] | None = None, self_test: bool = False) -> int:
    """Run the app; ``paths`` are plan files to open. Returns the exit code."""
    if self_test:
        from workbook.gui.selftest import run_self_test

        return run_self_test()
    app = create_application()
    windows = open_windows(list(paths or []), freeze_after_start=True)

    crash = install_crash_handler(windows, app)
    try:
        return app.exec()
    finally:
        crash.uninstall()
