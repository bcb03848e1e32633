"""Work that waits until a widget is on screen: what the first window does not need to show
itself (the plan model, the worked examples, the recovery check) runs after its first paint.

``QTimer.singleShot(0, ...)`` from a constructor or ``showEvent`` is not enough for that: a
zero timer fires before the window system's expose event, so before the first paint.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

FALLBACK_MS = 1000
"""If no paint comes (a window started minimised, a platform that never exposes it), the
work runs anyway after this long."""


class _AfterFirstPaint(QObject):
    def __init__(self, widget: QWidget, work: Callable[[], None]) -> None:
        super().__init__(widget)
        self._work: Callable[[], None] | None = work
        self._widget = widget
        widget.installEventFilter(self)
        QTimer.singleShot(FALLBACK_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # Posted from inside the paint, so it runs once the paint is on screen.
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        work, self._work = self._work, None
        if work is None:
            return
        self._widget.removeEventFilter(self)
        self.deleteLater()
        work()


def after_first_paint(widget: QWidget, work: Callable[[], None]) -> None:
    """Call ``work()`` once, just after ``widget`` is first painted."""
    _AfterFirstPaint(widget, work)
