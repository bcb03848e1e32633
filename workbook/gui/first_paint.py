"""Work that waits until a widget is on screen: what the first window does not need to show
itself (the plan model, the worked examples, the recovery check) runs after its first paint.

``QTimer.singleShot(0, ...)`` from a constructor or ``showEvent`` is not enough for that: a
zero timer fires before the window system's expose event, so before the first paint.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

FALLBACK_MS = 1000
"""If no paint comes (a window started minimised, a platform that never exposes it), the
work runs anyway after this long."""


POLL_MS = 10
"""How often to look whether the window is on screen yet."""


class _AfterFirstPaint(QObject):
    # Polls the window's exposure instead of filtering its paint events: a Python event
    # filter can crash PySide6 while it creates wrapper types lazily, and start-up is when
    # the fewest types exist. Qt paints a window while it handles the expose, so once the
    # window reports exposed its first paint is done.

    def __init__(self, widget: QWidget, work: Callable[[], None]) -> None:
        super().__init__(widget)
        self._work: Callable[[], None] | None = work
        self._widget = widget
        self._waited_ms = 0
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._timer.start()

    def _on_screen(self) -> bool:
        handle = self._widget.window().windowHandle()
        return self._widget.isVisible() and handle is not None and handle.isExposed()

    def _poll(self) -> None:
        self._waited_ms += POLL_MS
        if self._on_screen() or self._waited_ms >= FALLBACK_MS:
            self._timer.stop()
            self._run()

    def _run(self) -> None:
        work, self._work = self._work, None
        if work is None:
            return
        self.deleteLater()
        work()


def after_first_paint(widget: QWidget, work: Callable[[], None]) -> None:
    """Call ``work()`` once, just after ``widget`` is first painted."""
    _AfterFirstPaint(widget, work)


def waiting(widget: QWidget) -> bool:
    """True while some work for ``widget`` or a widget inside it waits for its first paint."""
    return bool(widget.findChildren(_AfterFirstPaint))
