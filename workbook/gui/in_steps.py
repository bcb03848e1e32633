"""Work a piece per turn of the event loop: one runner for the plan check, the recovery
copy and the plan handed to an export (see :mod:`workbook.stepping`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from workbook.stepping import Pieces, finish


class InSteps(QObject):
    """Steps a generator one piece per turn of the event loop, then calls ``then`` with
    what it made. A zero-interval timer, not a queued call: queued calls run before
    anything else waiting (a key, a repaint), a timer in its turn."""

    stepped = Signal()
    """A piece was done (tests watch it)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps: Pieces[Any] | None = None
        self._then: Callable[[Any], object] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)

    @property
    def running(self) -> bool:
        return self._steps is not None

    def start(self, steps: Pieces[Any], then: Callable[[Any], object]) -> None:
        """Run ``steps`` from the next turn on, in place of any still running."""
        self._steps, self._then = steps, then
        self._timer.start()

    def stop(self) -> None:
        """Drop what is running, half done; ``then`` is not called."""
        self._timer.stop()
        self._steps = self._then = None

    def finish_now(self) -> None:
        """Run what is left at once, and ``then`` (nothing when nothing runs)."""
        steps, then = self._steps, self._then
        if steps is not None and then is not None:
            self.stop()
            then(finish(steps))

    def _step(self) -> None:
        steps, then = self._steps, self._then
        if steps is None or then is None:
            self._timer.stop()
            return
        try:
            next(steps)
        except StopIteration as done:
            self.stop()
            then(done.value)
            return
        self.stepped.emit()
