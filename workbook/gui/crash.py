"""The last line of defence: unexpected exceptions save a recovery copy, then tell the user.

``sys.excepthook`` catches exceptions raised in Qt slots and event handlers (PySide6
hands them to it and carries on); ``threading.excepthook`` catches those of worker
threads, which are passed to the UI thread through a queued signal before any dialog
is shown.
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QObject, Signal


def describe_exception(exc_type: type[BaseException], exc: BaseException) -> str:
    """One plain sentence about what went wrong (the traceback goes to the details)."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    what = f"{exc_type.__name__}: {text}" if text else exc_type.__name__
    return f"The app ran into a problem it did not expect ({what})."


RECOVERY_FAILED = (
    "A recovery copy could not be written. Save your plan under a new name now, then "
    "restart the app."
)


def recovery_note(copies_written: int, plans_open: int) -> str:
    """What the crash dialog tells the user about their work; true in every case."""
    if copies_written:
        return (
            "A recovery copy of your plan was written first, so nothing you typed is lost. "
            "You can keep working; if the app misbehaves, save under a new name and restart it."
        )
    if plans_open:
        return "Your plan had no unsaved changes, so nothing you typed is lost."
    return "No plan was open, so no work is at risk."


class CrashHandler(QObject):
    """Installs the exception hooks and routes every caught exception to the UI thread.

    ``save_recovery`` writes the recovery copies and returns a sentence for the user about
    their work (see :func:`recovery_note`); ``report(summary, details, note)`` shows the
    dialog. Both run on the UI thread.
    """

    _caught = Signal(str, str)

    def __init__(
        self,
        save_recovery: Callable[[], str],
        report: Callable[[str, str, str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.save_recovery = save_recovery
        self.report = report
        self._previous_sys_hook: Callable | None = None
        self._previous_thread_hook: Callable | None = None
        self._handling = False
        # Emitted from worker threads only, so the automatic connection queues it to the UI
        # thread (naming the type would touch Qt's namespace before the first paint).
        self._caught.connect(self._handle)

    def install(self) -> None:
        self._previous_sys_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self._sys_hook
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        if sys.excepthook == self._sys_hook and self._previous_sys_hook is not None:
            sys.excepthook = self._previous_sys_hook
        if threading.excepthook == self._thread_hook and self._previous_thread_hook is not None:
            threading.excepthook = self._previous_thread_hook

    # ------------------------------------------------------------ hooks

    def _sys_hook(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt) and self._previous_sys_hook:
            self._previous_sys_hook(exc_type, exc, tb)
            return
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        sys.stderr.write(details)
        if threading.current_thread() is threading.main_thread():
            self._handle(describe_exception(exc_type, exc), details)
        else:
            self._caught.emit(describe_exception(exc_type, exc), details)

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        exc = args.exc_value if args.exc_value is not None else args.exc_type()
        details = "".join(traceback.format_exception(args.exc_type, exc, args.exc_traceback))
        sys.stderr.write(details)
        self._caught.emit(describe_exception(args.exc_type, exc), details)

    # ------------------------------------------------------------ on the UI thread

    def _handle(self, summary: str, details: str) -> None:
        if self._handling:
            # An exception while reporting one: do not stack dialogs, the first one tells.
            return
        self._handling = True
        try:
            try:
                note = self.save_recovery()
            except Exception:  # noqa: BLE001 - the report must still reach the user
                details += "\n\nThe recovery copy could not be written:\n" + traceback.format_exc()
                note = RECOVERY_FAILED
            self.report(summary, details, note)
        finally:
            self._handling = False
