"""The engagement page's readiness notice: a warning and what to finish first, not a lock."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from workbook.completeness import Check, PlanStatus
from workbook.gui.document import PlanDocument
from workbook.gui.icons import icon
from workbook.gui.widgets.layout import (
    ElidedLinkButton,
    heading_label,
    muted_label,
    plain_tooltip,
    set_heading,
    text_label,
)
from workbook.stages import Stage

REFRESH_DELAY_MS = 150
SHOWN_PER_STAGE = 2
"""Gaps listed per stage; the review page lists them all."""

WARNING_TITLE = "Management, listening and the 7 P's come first"
WARNING_TEXT = (
    "You can sketch your engagement now, but hold off on joining conversations until your "
    "house is in order, you have really listened, and your 7 P's are decided, owned and "
    "shared with everyone. Still to do:"
)
READY_TITLE = "Ready to engage"
READY_TEXT = (
    "Your house is in order, you have listened, and your 7 P's are decided, owned and "
    "shared before anything starts. Keep listening as you engage: new notes will sharpen "
    "the plan."
)


def progress_text(status: PlanStatus, stage: Stage) -> str:
    """ "Engagement is 40% done; the whole plan 62%." from the core's weighted progress."""
    return f"{stage.title} is {status[stage].percent}% done; the whole plan {status.percent}%."


class ReadinessPanel(QFrame):
    """Shows whether the plan is ready for engagement, with links to what is missing."""

    navigate_requested = Signal(tuple)

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setObjectName("engagement_readiness")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.setAutoFillBackground(True)
        self.gap_buttons: list[ElidedLinkButton] = []
        self._stage_labels: list[QLabel] = []
        self._shown_gaps: tuple[Check, ...] | None = None

        self.icon = QLabel(self)
        self.title = heading_label(WARNING_TITLE, 3, self)
        self.text = text_label(WARNING_TEXT, self)
        self.gap_box = QGridLayout()
        self.gap_box.setSpacing(0)
        self.gap_box.setHorizontalSpacing(18)
        self.more = text_label("", self)
        self.progress = muted_label("", self)
        self.progress.setObjectName("engagement_progress")
        body = QVBoxLayout()
        body.setSpacing(4)
        body.addWidget(self.title)
        body.addWidget(self.progress)
        body.addWidget(self.text)
        body.addLayout(self.gap_box)
        body.addWidget(self.more)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 8, 10, 8)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(body, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        document.edited.connect(self._timer.start)
        document.plan_replaced.connect(self._timer.start)
        self.refresh()

    @property
    def is_warning(self) -> bool:
        return bool(self._shown_gaps)

    def refresh(self) -> None:
        self._timer.stop()
        status = self.document.status
        self.progress.setText(progress_text(status, Stage.ENGAGEMENT))
        gaps = status.readiness_gaps
        if gaps == self._shown_gaps:
            return
        self._shown_gaps = gaps
        for widget in [*self.gap_buttons, *self._stage_labels]:
            widget.deleteLater()
        self.gap_buttons = []
        self._stage_labels = []
        warning = bool(gaps)
        size = self.fontMetrics().height() * 2
        self.icon.setPixmap(icon("warning" if warning else "done").pixmap(QSize(size, size)))
        set_heading(self.title, WARNING_TITLE if warning else READY_TITLE, 3)
        self.text.setText(WARNING_TEXT if warning else READY_TEXT)
        self.setAccessibleName(WARNING_TITLE if warning else READY_TITLE)
        shown = 0
        # One row per stage, a couple of gaps side by side: the panel stays short, and long
        # labels are shortened to fit rather than widening the window.
        for row, stage in enumerate(dict.fromkeys(g.stage for g in gaps)):
            label = QLabel(f"{stage.title}:", self)  # no buddy, so "&" is shown as written
            self.gap_box.addWidget(label, row, 0, Qt.AlignmentFlag.AlignLeft)
            self._stage_labels.append(label)
            stage_gaps = [g for g in gaps if g.stage == stage][:SHOWN_PER_STAGE]
            # A lone gap takes the whole row: room for its words.
            span = SHOWN_PER_STAGE if len(stage_gaps) == 1 else 1
            for column, gap in enumerate(stage_gaps, start=1):
                button = ElidedLinkButton(gap.label, self)
                button.setAccessibleName(f"{gap.stage.title}: {gap.label}")
                button.setToolTip(plain_tooltip(f"Go to this question: {gap.label}"))
                button.clicked.connect(lambda _c=False, path=gap.path: self._go(path))
                self.gap_box.addWidget(button, row, column, 1, span, Qt.AlignmentFlag.AlignLeft)
                self.gap_buttons.append(button)
                shown += 1
        for column in range(1, SHOWN_PER_STAGE + 1):
            self.gap_box.setColumnStretch(column, 1)
        hidden = len(gaps) - shown
        self.more.setVisible(hidden > 0)
        self.more.setText(
            f"…and {hidden} more: the Review & export page lists them all." if hidden > 0 else ""
        )

    def _go(self, path: tuple) -> None:
        self.navigate_requested.emit(tuple(path))
