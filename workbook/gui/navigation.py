"""The step list on the left of the main window: every stage with its completion, Back and Next."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from workbook.gui.document import PlanDocument
from workbook.gui.pages import PageId
from workbook.gui.steps import STEPS, step_title
from workbook.gui.theme import mix

__all__ = ["REFRESH_DELAY_MS", "STEPS", "StepList", "step_title"]

REFRESH_DELAY_MS = 150
"""Completion is recomputed this long after the last edit, not on every keystroke."""

_PERCENT_ROLE = Qt.ItemDataRole.UserRole + 1
_NUMBER_ROLE = Qt.ItemDataRole.UserRole + 2


class _StepDelegate(QStyledItemDelegate):
    """Draws a step: number, name, and a thin completion bar with its percent.

    Colours come from the palette only, so light and dark themes both work."""

    def _metrics(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, int]:
        title_font = QFont(option.font)
        small_font = QFont(option.font)
        small_font.setPointSizeF(max(1.0, option.font.pointSizeF() * 0.85))
        padding = max(6, QFontMetrics(option.font).height() // 2)
        return title_font, small_font, padding

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        title_font, small_font, padding = self._metrics(option)
        height = QFontMetrics(title_font).height() + QFontMetrics(small_font).height() + 3 * padding
        width = QFontMetrics(title_font).horizontalAdvance(index.data()) + 6 * padding
        return QSize(width, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        fg = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        bg = palette.color(QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base)
        muted = mix(fg, bg, 0.35)
        title_font, small_font, pad = self._metrics(opt)
        if selected:
            title_font.setBold(True)
        rect = opt.rect.adjusted(pad, pad, -pad, -pad)
        title_h = QFontMetrics(title_font).height()
        small_h = QFontMetrics(small_font).height()
        number = index.data(_NUMBER_ROLE)
        percent = int(index.data(_PERCENT_ROLE) or 0)

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        badge = title_h
        badge_rect = QRect(rect.left(), rect.top(), badge, badge)
        done = percent >= 100
        accent = palette.color(QPalette.ColorRole.Highlight)
        painter.setPen(fg if selected else (accent if done else muted))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(badge_rect.adjusted(1, 1, -1, -1))
        painter.setFont(small_font)
        painter.drawText(badge_rect, Qt.AlignmentFlag.AlignCenter, "✓" if done else str(number))

        left = rect.left() + badge + pad
        painter.setPen(fg)
        painter.setFont(title_font)
        title_rect = QRect(left, rect.top(), rect.right() - left, title_h)
        elided = QFontMetrics(title_font).elidedText(
            text, Qt.TextElideMode.ElideRight, title_rect.width()
        )
        painter.drawText(
            title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided
        )

        painter.setFont(small_font)
        painter.setPen(muted)
        label = f"{percent}%"
        label_w = QFontMetrics(small_font).horizontalAdvance("100%") + pad // 2
        line_top = rect.top() + title_h + pad // 2
        painter.drawText(
            QRect(rect.right() - label_w, line_top, label_w, small_h),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            label,
        )
        bar_h = max(3, small_h // 4)
        bar_w = rect.right() - label_w - pad // 2 - left
        bar = QRect(left, line_top + (small_h - bar_h) // 2, max(0, bar_w), bar_h)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(mix(fg, bg, 0.8))
        painter.drawRoundedRect(bar, bar_h / 2, bar_h / 2)
        if percent > 0:
            filled = QRect(bar.left(), bar.top(), max(bar_h, bar.width() * percent // 100), bar_h)
            painter.setBrush(fg if selected else accent)
            painter.drawRoundedRect(filled, bar_h / 2, bar_h / 2)
        painter.restore()


class StepList(QWidget):
    """All steps of the workbook; any step can be opened at any time (not a locked wizard)."""

    step_selected = Signal(object)
    """The current step changed (a click, or the arrow keys in the list); the argument is
    its :class:`PageId`."""
    step_chosen = Signal(object)
    """The user clicked a step or pressed Enter on it: go there and start typing."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setObjectName("step_list")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 8, 0, 6)
        heading = QLabel("&Steps")
        heading.setObjectName("step_list_heading")
        layout.addWidget(heading)

        self.list = QListWidget()
        self.list.setObjectName("step_list_view")
        self.list.setAccessibleName("Steps of the workbook")
        self.list.setAccessibleDescription(
            "Each stage with how complete it is. Choose one to go there."
        )
        self.list.setItemDelegate(_StepDelegate(self.list))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setFrameShape(QListWidget.Shape.NoFrame)
        self.list.setBackgroundRole(QPalette.ColorRole.Window)
        heading.setBuddy(self.list)
        for number, (page_id, title, _stage) in enumerate(STEPS, start=1):
            item = QListWidgetItem(title, self.list)
            item.setData(Qt.ItemDataRole.UserRole, page_id)
            item.setData(_NUMBER_ROLE, number)
            item.setData(_PERCENT_ROLE, 0)
        self.list.setCurrentRow(0)
        self.list.currentRowChanged.connect(self._row_changed)
        # A click or Enter opens the step with the keyboard in its first answer; the arrow
        # keys only show the step, so one can walk the list.
        self.list.clicked.connect(lambda index: self._chosen(index.row()))
        self.list.activated.connect(lambda index: self._chosen(index.row()))
        layout.addWidget(self.list, 1)

        buttons = QHBoxLayout()
        self.back_button = QPushButton("‹ &Back")
        self.back_button.setObjectName("step_back")
        self.back_button.setAccessibleName("Previous step")
        self.next_button = QPushButton("&Next ›")
        self.next_button.setObjectName("step_next")
        self.next_button.setAccessibleName("Next step")
        self.back_button.clicked.connect(lambda: self.go_relative(-1))
        self.next_button.clicked.connect(lambda: self.go_relative(+1))
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        layout.addLayout(buttons)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        document.edited.connect(self._refresh_timer.start)
        document.plan_replaced.connect(self.refresh)
        self._update_buttons()
        self._fit_width()
        # Completion needs the plan model; it is read when the steps are first shown (or a
        # plan arrives), so a window that opens on the start page does not wait for it.
        self._stale = True

    def _fit_width(self) -> None:
        """Room for a short step name at the current text size; longer names are shortened
        with "…" (a projector at 200% needs the width for the page)."""
        metrics = QFontMetrics(self.list.font())
        self.list.setMinimumWidth(metrics.averageCharWidth() * 14 + 4 * metrics.height())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """Wide enough for the longest step name at the current text size."""
        bold = QFont(self.list.font())
        bold.setBold(True)
        longest = max(QFontMetrics(bold).horizontalAdvance(title) for _p, title, _s in STEPS)
        height = QFontMetrics(self.list.font()).height()
        return QSize(longest + 4 * height + 8, super().sizeHint().height())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "list"):
            self._fit_width()

    def showEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self.refresh()

    # ------------------------------------------------------------ state

    def current(self) -> PageId:
        return STEPS[max(0, self.list.currentRow())][0]

    def set_current(self, page_id: PageId) -> None:
        """Highlight ``page_id`` without announcing it (the window already switched)."""
        row = [step[0] for step in STEPS].index(page_id)
        blocked = self.list.blockSignals(True)
        self.list.setCurrentRow(row)
        self.list.blockSignals(blocked)
        self._update_buttons()

    def go_relative(self, step: int) -> None:
        row = self.list.currentRow() + step
        if 0 <= row < len(STEPS):
            self.list.setCurrentRow(row)

    def percent(self, page_id: PageId) -> int:
        if self._stale:
            self.refresh()
        row = [step[0] for step in STEPS].index(page_id)
        return int(self.list.item(row).data(_PERCENT_ROLE))

    def set_shortcut_hints(self, back: str, forward: str) -> None:
        self.back_button.setToolTip(f"Previous step ({back})")
        self.next_button.setToolTip(f"Next step ({forward})")

    # ------------------------------------------------------------ updates

    def refresh(self) -> None:
        """Read the completion of every stage (the document caches it per change)."""
        self._refresh_timer.stop()
        self._stale = False
        status = self.document.status
        for row, (_page_id, title, stage) in enumerate(STEPS):
            percent = status[stage].percent if stage is not None else status.percent
            item = self.list.item(row)
            item.setData(_PERCENT_ROLE, percent)
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole, f"Step {row + 1}: {title}, {percent}% complete"
            )
            item.setToolTip(f"{title}: {percent}% complete")

    def _chosen(self, row: int) -> None:
        if 0 <= row < len(STEPS):
            self.step_chosen.emit(STEPS[row][0])

    def _row_changed(self, row: int) -> None:
        self._update_buttons()
        if row >= 0:
            self.step_selected.emit(STEPS[row][0])

    def _update_buttons(self) -> None:
        row = self.list.currentRow()
        self.back_button.setEnabled(row > 0)
        self.next_button.setEnabled(row < len(STEPS) - 1)
