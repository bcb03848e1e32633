"""What the screen may show while a workshop is on: file names, never folders or full paths.

A projector shows the room everything on screen. While any window is in workshop mode, the
places that print a path ask :func:`display_path`, and message texts pass through
:func:`scrub`, so the consultant's folders (and the other clients named in them) stay private.
Message boxes and dialogs made anywhere in the app are scrubbed as they are shown
(:func:`watch_dialogs`), so no dialog needs to know about workshops. The state is read from
the windows themselves: nothing to reset, nothing left behind.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path, PurePath

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox

THIS_PLAN = "this plan"

# An absolute path written in a message: "/a/b", "~/a" or "C:\a\b", up to a space or quote.
_PATH = re.compile(r"""(?<![\w.])(?:~|[A-Za-z]:)?[/\\](?:[^\s/\\"“”‘’'<>|]+[/\\]?)+""")


def is_private() -> bool:
    """Whether a window of the app is in workshop mode (on a projector)."""
    if QApplication.instance() is None:
        return False
    from workbook.gui.windows import main_windows

    return any(_in_workshop(window) for window in main_windows())


def _in_workshop(window: object) -> bool:
    mode = getattr(window, "workshop", None)
    return bool(mode is not None and mode.active)


def display_path(path: Path | str | None, fallback: str = THIS_PLAN) -> str:
    """``path`` as it may be shown now: in full normally, only its file name (or ``fallback``
    when there is none) during a workshop."""
    if path is None or not str(path):
        return fallback
    if not is_private():
        return str(path)
    return PurePath(str(path)).name or fallback


def scrub(text: str, known: Iterable[Path | str | None] = ()) -> str:
    """``text`` with every path in it cut down to its last part, during a workshop only.

    ``known`` paths are replaced first, whole, so a folder with spaces in its name goes
    too; the pattern then catches the rest (paths inside an operating-system message).
    """
    if not text or not is_private():
        return text
    for path in sorted((str(p) for p in known if p), key=len, reverse=True):
        text = text.replace(path, PurePath(path).name or THIS_PLAN)
    return _PATH.sub(lambda match: _last_part(match.group(0)), text)


def _last_part(path: str) -> str:
    parts = [part for part in re.split(r"[/\\]", path) if part]
    return parts[-1] if parts else path


def known_paths() -> list[Path]:
    """Paths to cut out of messages whole: each open plan, its folder, the home folder."""
    from workbook.gui.windows import main_windows

    paths: list[Path] = [Path.home()]
    for window in main_windows():
        session = getattr(window.document, "_session", None)
        path = session.path if session is not None else None
        if path is not None:
            paths += [path, path.parent]
    return paths


class _DialogScrubber(QObject):
    """Cuts the paths out of every dialog's texts as it is shown, during a workshop."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Show and isinstance(watched, QDialog) and is_private():
            scrub_dialog(watched)
        return False


def scrub_dialog(dialog: QDialog) -> None:
    known = known_paths()
    if isinstance(dialog, QMessageBox):
        dialog.setText(scrub(dialog.text(), known))
        dialog.setInformativeText(scrub(dialog.informativeText(), known))
        if dialog.detailedText():
            dialog.setDetailedText(scrub(dialog.detailedText(), known))
    for label in dialog.findChildren(QLabel):
        if label.text():
            label.setText(scrub(label.text(), known))
        if label.toolTip():
            label.setToolTip(scrub(label.toolTip(), known))


_scrubber: _DialogScrubber | None = None


def watch_dialogs(on: bool) -> None:
    """Scrub every dialog shown from now on (``on``), or stop: workshop mode's entry and exit."""
    global _scrubber
    app = QApplication.instance()
    if app is None:
        return
    if on and _scrubber is None:
        _scrubber = _DialogScrubber(app)
        app.installEventFilter(_scrubber)
    elif not on and _scrubber is not None and not is_private():
        app.removeEventFilter(_scrubber)
        _scrubber.deleteLater()
        _scrubber = None
