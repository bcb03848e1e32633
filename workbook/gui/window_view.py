"""The window on small screens and projectors: text size, the step list shown or hidden,
and a window that never grows past its screen.

Larger text makes every label and field ask for more room; a top-level window grows to
its content's minimum, past the edge of a 1280×720 projector. So the pages scroll inside
the window (:func:`scrolling_pages`), long status texts are elided, and after every text
size change the window is put back inside its screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QWidget,
)

from workbook.gui.theme import apply_text_scale, next_text_scale

if TYPE_CHECKING:
    from workbook.gui.main_window import MainWindow

DEFAULT_SIZE = QSize(1200, 800)
"""The window's size on its first start, shrunk to fit smaller screens."""
STATUS_MS = 3000


class ElidedLabel(QLabel):
    """One line of plain text that is shortened with "…" in the middle rather than
    widening the window (a long file path in the status bar)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        # Preferred, not Ignored: a permanent widget of the status bar with an ignored
        # size is given no room at all.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        super().setText(text)
        self.setToolTip(text)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(self.fontMetrics().averageCharWidth() * 6, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(
            min(super().sizeHint().width(), self.fontMetrics().averageCharWidth() * 60),
            super().sizeHint().height(),
        )

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        rect = self.contentsRect()
        shown = QFontMetrics(self.font()).elidedText(
            self.text(), Qt.TextElideMode.ElideMiddle, rect.width()
        )
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(rect, int(self.alignment() | Qt.AlignmentFlag.AlignVCenter), shown)
        painter.end()


class _PageHolder(QWidget):
    """Holds the page stack inside the scroll area, at the viewport's size or the page on
    show's minimum, whichever is larger. No layout on purpose: a scroll area asks a layout
    for its height for the width, and a stack of pages answers with the tallest page's
    preferred height, which put a scroll bar on pages that fit. And the page on show, not
    the stack: a stack needs the room of its widest page, which gave every page a sideways
    scroll bar on a projector once one wide page had been visited."""

    def __init__(self, stack: QStackedWidget) -> None:
        super().__init__()
        self.stack = stack
        self._minimum = QSize()
        stack.setParent(self)
        stack.currentChanged.connect(self._remeasure)

    def _page_minimum(self) -> QSize:
        page = self.stack.currentWidget()
        return (page if page is not None else self.stack).minimumSizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self._page_minimum()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self._page_minimum()

    def resizeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.stack.setGeometry(self.rect())

    def _remeasure(self) -> None:
        minimum = self._page_minimum()
        if minimum != self._minimum:  # the page's minimum changed: re-measure
            self._minimum = minimum
            self.updateGeometry()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self._remeasure()
        return super().event(event)


def scrolling_pages(stack: QStackedWidget) -> QScrollArea:
    """``stack`` (the pages) in a scroll area: a page that needs more room than the screen
    has scrolls inside the window instead of stretching it."""
    area = QScrollArea()
    area.setObjectName("page_scroller")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setWidget(_PageHolder(stack))
    return area


def available_area(window: QWidget) -> QRect:
    """The part of the window's screen not taken by panels and docks."""
    screen = window.screen() or QApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 720)


def keep_on_screen(window: QWidget) -> None:
    """Shrink and move ``window`` so that it fits inside its screen, frame included."""
    if window.isMaximized() or window.isFullScreen():
        return
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    area = available_area(window)
    frame = window.frameGeometry()
    extra_w = frame.width() - window.width()
    extra_h = frame.height() - window.height()
    width = min(window.width(), area.width() - extra_w)
    height = min(window.height(), area.height() - extra_h)
    if (width, height) != (window.width(), window.height()):
        window.resize(max(width, 1), max(height, 1))
    frame = window.frameGeometry()
    left = min(max(frame.left(), area.left()), area.right() - frame.width() + 1)
    top = min(max(frame.top(), area.top()), area.bottom() - frame.height() + 1)
    if (left, top) != (frame.left(), frame.top()):
        window.move(left, top)


def first_size(window: QWidget) -> QSize:
    """The size of a window that has no remembered geometry: the default, within its screen."""
    area = available_area(window)
    return DEFAULT_SIZE.boundedTo(QSize(area.width() * 9 // 10, area.height() * 9 // 10))


def fit_step_list(window: MainWindow) -> None:
    """Give the step list the width its names need at the current text size, but never
    more than a third of the window: the page needs the room more."""
    if not window.has_workspace():
        return
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    splitter = window.workspace
    total = sum(splitter.sizes())
    wanted = min(window.step_list.sizeHint().width(), total // 3)
    wanted = max(wanted, window.step_list.minimumSizeHint().width())
    splitter.setSizes([wanted, max(total - wanted, 1)])


def change_text_size(window: MainWindow, step: int) -> None:
    """Ctrl++ / Ctrl+-: the next text size up or down; the window stays on its screen."""
    settings = window.settings
    if settings.text_scale == 100 and step > 0:
        window.setProperty("normal_text_size", window.size())
    settings.text_scale = next_text_scale(settings.text_scale, step)
    apply_text_scale(QApplication.instance(), settings.text_scale)
    keep_on_screen(window)
    fit_step_list(window)
    window.statusBar().showMessage(f"Text size {settings.text_scale}%", STATUS_MS)


def reset_text_size(window: MainWindow) -> None:
    """Ctrl+0: normal text, and the window back to its size before the text grew."""
    window.settings.text_scale = 100
    apply_text_scale(QApplication.instance(), 100)
    size = window.property("normal_text_size")
    if not isinstance(size, QSize) or not size.isValid():
        size = first_size(window)
    if not (window.isMaximized() or window.isFullScreen()):
        window.resize(size)
    keep_on_screen(window)
    fit_step_list(window)
    window.statusBar().showMessage("Normal text size", STATUS_MS)


def show_step_list(window: MainWindow, shown: bool) -> None:
    """Show or hide the step list (View ▸ Step list): a projector gets the full width."""
    window.settings.step_list_shown = shown
    if window.has_workspace():
        window.step_list.setVisible(shown)
        if not shown and window.step_list.isAncestorOf(QApplication.focusWidget()):
            window.focus_current_page()
    action = window.actions.toggle_step_list
    if action.isChecked() != shown:
        action.setChecked(shown)
