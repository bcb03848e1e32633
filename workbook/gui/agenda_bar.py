"""The workshop's agenda bar: the stages with their minutes, the current one's countdown,
pause, five more minutes and End workshop, in one slim row across the top of the window.

The bar only shows; :class:`~workbook.gui.workshop_mode.WorkshopMode` owns the timer and
tells the bar what to display.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QFont, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from workbook.gui.pages.page_id import PageId
from workbook.gui.steps import STEPS
from workbook.stages import Stage
from workbook.workshop import EXTEND_MINUTES, StageReading

REVIEW_TITLE = "Review"
NO_TIMEBOX = "--:--"
"""The countdown on a page with no time-box: as wide as a time, so nothing moves."""
COUNTDOWN_SCALE = 1.25
"""The countdown a little larger than the rest: the room reads it from the back."""


def agenda_title(stage: Stage | None) -> str:
    """A stage's name in the bar: one word, so six of them fit a 1024-pixel projector."""
    return stage.value.capitalize() if stage is not None else REVIEW_TITLE


class AgendaBar(QFrame):
    """One button per step (the current one checked), the countdown and the timer's buttons."""

    page_chosen = Signal(object)
    """A stage's button was pressed; the argument is its PageId."""
    minutes_requested = Signal(object)
    """Set the minutes of a stage (its context menu); the argument is the Stage."""
    pause_requested = Signal()
    extend_requested = Signal()
    end_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agenda_bar")
        self.setAccessibleName("Workshop agenda")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAutoFillBackground(True)
        # The current stage in the selection colours, visible from the back of the room.
        self.setStyleSheet(
            "QToolButton:checked { background: palette(highlight);"
            " color: palette(highlighted-text); border-radius: 3px; }"
        )
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        # Two rows, the stages and the timer, side by side when the width allows, one
        # above the other when not: nothing is cut on a 1024-pixel projector at any size.
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.setContentsMargins(6, 4, 6, 4)
        self._layout.setSpacing(4)
        self._stages_row = QWidget()
        stages_layout = QHBoxLayout(self._stages_row)
        stages_layout.setContentsMargins(0, 0, 0, 0)
        stages_layout.setSpacing(4)
        self._controls_row = QWidget()
        controls_layout = QHBoxLayout(self._controls_row)
        controls_layout.setContentsMargins(0, 0, 0, 0)
        controls_layout.setSpacing(4)
        self._layout.addWidget(self._stages_row)
        self._layout.addWidget(self._controls_row)
        self._compact = False
        self._labels: dict[PageId, tuple[str, str]] = {}
        """Each button's text with the minutes, and without (a narrow screen, large text)."""

        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self.stage_buttons: dict[PageId, QToolButton] = {}
        self._stages: dict[PageId, Stage | None] = {}
        for page_id, title, stage in STEPS:
            button = QToolButton()
            button.setObjectName(f"agenda_{page_id.name.lower()}")
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.setToolTip(title)
            button.setAccessibleDescription(f"Go to {title}")
            button.clicked.connect(lambda _checked=False, p=page_id: self.page_chosen.emit(p))
            if stage is not None:
                button.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
                button.customContextMenuRequested.connect(
                    lambda point, s=stage, b=button: self._stage_menu(s, b, point)
                )
            self._group.addButton(button)
            self.stage_buttons[page_id] = button
            self._stages[page_id] = stage
            stages_layout.addWidget(button)
        stages_layout.addStretch(1)
        controls_layout.addStretch(1)

        self.countdown = QLabel()
        self.countdown.setObjectName("workshop_countdown")
        self.countdown.setAccessibleName("Time left for this stage")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._scale_countdown()
        controls_layout.addWidget(self.countdown)

        self.pause_button = QToolButton()
        self.pause_button.setObjectName("workshop_pause")
        self.pause_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.pause_button.clicked.connect(self.pause_requested)
        self.extend_button = QToolButton()
        self.extend_button.setObjectName("workshop_extend")
        self.extend_button.setText(f"+{EXTEND_MINUTES} min")
        self.extend_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.extend_button.clicked.connect(self.extend_requested)
        self.end_button = QPushButton("&End workshop")
        self.end_button.setObjectName("workshop_end")
        self.end_button.clicked.connect(self.end_requested)
        for widget in (self.pause_button, self.extend_button, self.end_button):
            controls_layout.addWidget(widget)
        self.set_paused(False)
        self.show_reading(None)

    # ------------------------------------------------------------ what the bar shows

    def set_minutes(self, minutes: dict[Stage, int]) -> None:
        for page_id, button in self.stage_buttons.items():
            stage = self._stages[page_id]
            name = agenda_title(stage)
            if stage is None:
                self._labels[page_id] = (name, name)
                button.setAccessibleName(name)
            else:
                self._labels[page_id] = (f"{name} {minutes.get(stage, 0)}′", name)
                button.setAccessibleName(f"{name}, {minutes.get(stage, 0)} minutes")
                button.setToolTip(
                    f"{button.toolTip().split(' (')[0]} ({minutes.get(stage, 0)} min)"
                )
        self._show_labels()
        self._arrange(self.width())

    def is_compact(self) -> bool:
        """Whether the stages' buttons have left out their minutes for want of room."""
        return self._compact

    def is_two_rows(self) -> bool:
        return self._layout.direction() == QBoxLayout.Direction.TopToBottom

    # ------------------------------------------------------------ fitting the width

    def _show_labels(self) -> None:
        for page_id, button in self.stage_buttons.items():
            full, short = self._labels.get(page_id, ("", ""))
            text = short if self._compact else full
            if button.text() != text:
                button.setText(text)

    def _stages_width(self, compact: bool) -> int:
        """The stages' row's width with or without the minutes, measured before showing it."""
        layout = self._stages_row.layout()
        width = layout.spacing() * (len(self.stage_buttons) - 1)
        for page_id, button in self.stage_buttons.items():
            metrics = button.fontMetrics()
            padding = button.sizeHint().width() - metrics.horizontalAdvance(button.text())
            text = self._labels.get(page_id, ("", ""))[1 if compact else 0]
            width += metrics.horizontalAdvance(text) + padding
        return width

    def _margins(self) -> int:
        margins = self._layout.contentsMargins()
        return margins.left() + margins.right()

    def _arrange(self, width: int) -> None:
        """One row if everything fits, else the timer under the stages; the minutes are
        left out of the stages' buttons only if even that row is too wide."""
        if not self._labels:
            return
        full = self._stages_width(compact=False)
        room = width - self._margins()
        if self._one_row_width() <= room:
            direction, compact = QBoxLayout.Direction.LeftToRight, False
        else:
            direction, compact = QBoxLayout.Direction.TopToBottom, full > room
        if compact != self._compact:
            self._compact = compact
            self._show_labels()
        if direction != self._layout.direction():
            self._layout.setDirection(direction)
            self.updateGeometry()

    def _one_row_width(self) -> int:
        controls = self._controls_row.sizeHint().width()
        return self._stages_width(compact=False) + self._layout.spacing() + controls

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        # What the bar would like: everything in one row (the height is the current one's).
        return QSize(self._one_row_width() + self._margins(), super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        # The narrowest arrangement: two rows, the stages without their minutes.
        width = max(self._stages_width(compact=True), self._controls_row.minimumSizeHint().width())
        return QSize(width + self._margins(), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        self._arrange(event.size().width())
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # Ctrl+= and Ctrl+-
            self._scale_countdown()
            self._arrange(self.width())

    def _scale_countdown(self) -> None:
        font = QFont(self.font())
        font.setBold(True)
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * COUNTDOWN_SCALE)
        self.countdown.setFont(font)

    def set_current(self, page_id: PageId) -> None:
        button = self.stage_buttons.get(PageId(page_id))
        if button is not None and not button.isChecked():
            button.setChecked(True)

    def current_button(self) -> QToolButton | None:
        checked = self._group.checkedButton()
        return checked if isinstance(checked, QToolButton) else None

    def set_paused(self, paused: bool) -> None:
        self.pause_button.setText("Resume" if paused else "Pause")
        self.pause_button.setToolTip(
            ("Resume" if paused else "Pause") + " the timer (Ctrl+Alt+Space)"
        )
        self.extend_button.setToolTip(
            f"Give this stage {EXTEND_MINUTES} more minutes (Ctrl+Alt+Up)"
        )

    def show_reading(self, reading: StageReading | None, paused: bool = False) -> None:
        """The current stage's countdown (an overrun counts up in the accent colour)."""
        if reading is None:
            self._set_countdown(NO_TIMEBOX)
            self.countdown.setToolTip("This page has no time-box")
            self._set_over(False)
            self.pause_button.setEnabled(False)
            self.extend_button.setEnabled(False)
            return
        self.pause_button.setEnabled(True)
        self.extend_button.setEnabled(True)
        text = reading.shown + (" ‖" if paused else "")
        self._set_countdown(text)
        self._set_over(reading.is_over)
        what = "over time by" if reading.is_over else "left"
        self.countdown.setToolTip(f"{agenda_title(reading.stage)}: {reading.shown} {what}")

    def _set_countdown(self, text: str) -> None:
        if self.countdown.text() != text:
            resized = len(text) != len(self.countdown.text())
            self.countdown.setText(text)
            if resized:  # "+1:00:00" may no longer fit beside the stages, or fit again
                self._arrange(self.width())

    def _set_over(self, over: bool) -> None:
        if bool(self.countdown.property("over")) == over:
            return
        self.countdown.setProperty("over", over)
        palette = self.countdown.palette()
        role = QPalette.ColorRole.WindowText
        # The link colour: calm, readable in both themes, and not the red of an error.
        colour = self.palette().color(QPalette.ColorRole.Link if over else role)
        palette.setColor(role, colour)
        self.countdown.setPalette(palette)

    def _stage_menu(self, stage: Stage, button: QToolButton, point: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(
            f"Minutes for {agenda_title(stage)}…", lambda: self.minutes_requested.emit(stage)
        )
        menu.exec(button.mapToGlobal(point))
