"""More than one plan at a time: File ▸ Open in New Window, and a plan that is already open
in a window of this app is shown there rather than opened twice."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from workbook.gui.main_window import MainWindow

CASCADE = 32
"""How far a new window sits below and right of the one it was opened from."""

_opened: list[MainWindow] = []
"""Windows opened from another window: kept here so Python does not let them go."""


def main_windows() -> list[MainWindow]:
    """Every window of the app that is on screen."""
    from workbook.gui.main_window import MainWindow

    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]


def opened_windows() -> list[MainWindow]:
    """The windows opened with Open in New Window that are still there."""
    return list(_opened)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a.absolute() == b.absolute()


def window_with_plan(path: Path, other_than: MainWindow | None = None) -> MainWindow | None:
    """The window (other than ``other_than``) that has the plan file ``path`` open."""
    for window in main_windows():
        session_path = window.document.session.path if window.has_plan else None
        if window is not other_than and session_path and _same_file(session_path, path):
            return window
    return None


def bring_forward(window: MainWindow) -> None:
    if window.isMinimized():
        window.showNormal()
    window.raise_()
    window.activateWindow()
    window.statusBar().showMessage("This plan is open in this window", 4000)


def open_in_new_window(source: MainWindow, path: Path | None = None) -> MainWindow | None:
    """File ▸ Open in New Window: ask for a plan (unless ``path`` is given) and open it in
    a window of its own; a plan already open in a window is shown there instead."""
    from workbook.gui.main_window import MainWindow
    from workbook.gui.plan_files import dialogs_module
    from workbook.gui.window_view import keep_on_screen

    if path is None:
        path = dialogs_module().ask_open_path(source, source.files.folder())
        if path is None:
            return None
    already = window_with_plan(Path(path))
    if already is not None:
        bring_forward(already)
        return already
    window = MainWindow(source.settings, recovery_store=source.files.recovery_store)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _opened.append(window)
    window.destroyed.connect(lambda _obj=None, w=window: _forget(w))
    window.resize(source.size())
    window.move(source.pos() + QPoint(CASCADE, CASCADE))
    window.show()
    keep_on_screen(window)
    if not window.files.open_path(path):
        window.close()
        return None
    return window


def _forget(window: MainWindow) -> None:
    if window in _opened:
        _opened.remove(window)


def plan_file_urls(event: QDropEvent | QDragEnterEvent) -> list[Path]:
    """Local ``.json`` files among the dragged URLs."""
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    return [
        Path(url.toLocalFile())
        for url in mime.urls()
        if url.isLocalFile() and url.toLocalFile().lower().endswith(".json")
    ]


def accept_plan_drag(event: QDragEnterEvent) -> None:
    """A plan file dragged over a window may be dropped there; nothing else may."""
    if plan_file_urls(event):
        event.acceptProposedAction()
    else:
        event.ignore()


def open_dropped_plan(window: MainWindow, event: QDropEvent) -> None:
    """Open the first plan file dropped on ``window``."""
    paths = plan_file_urls(event)
    if not paths:
        event.ignore()
        return
    event.acceptProposedAction()
    # Open after the drop returns: some platforms dislike modal dialogs inside a drop.
    QTimer.singleShot(0, lambda: window.files.open_path(paths[0]))
