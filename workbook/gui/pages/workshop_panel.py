"""The Review page's Workshop tab: the agenda's minutes per stage, and the parking lot as a
table whose ideas are reviewed from buttons or the context menu (note, action, decision,
keep)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workbook.gui.parking_lot import ReviewActions
from workbook.gui.widgets.columns import columns_for
from workbook.gui.widgets.guide import make_editor
from workbook.gui.widgets.guide_text import section_intro
from workbook.gui.widgets.layout import heading_label, muted_label, no_mnemonic
from workbook.model import ParkingOutcome
from workbook.stages import Stage
from workbook.workshop_review import PARKING_LOT

if TYPE_CHECKING:
    from workbook.gui.pages.base import StagePage
    from workbook.gui.widgets.row_table import RowTableWidget

TIMEBOXES = ("workshop", "timeboxes")


class WorkshopPanel(QWidget):
    """The agenda (its introduction beside the minutes), then the parking lot with its
    review buttons: one column, no wider than the page's other tabs at large text."""

    def __init__(self, page: StagePage) -> None:
        super().__init__(page)
        self.setObjectName("workshop_panel")
        self.document = page.document
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(12)
        layout.addWidget(self._agenda(page), 0)
        layout.addWidget(self._parking_lot(page), 1)

    def _agenda(self, page: StagePage) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(18)
        about = QVBoxLayout()
        about.addWidget(heading_label("Agenda", 2, box))
        intro = muted_label(section_intro("workshop.timeboxes"), box)
        # The minutes set the row's width; the introduction wraps beside them.
        intro.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        intro.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        about.addWidget(intro)
        about.addStretch(1)
        row.addLayout(about, 1)
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        self.minutes: dict[Stage, QWidget] = {}
        for number, stage in enumerate(Stage):
            editor = make_editor(self.document, (*TIMEBOXES, stage.value))
            editor.setMaximumWidth(editor.fontMetrics().horizontalAdvance("0000") + 24)
            label = QLabel(no_mnemonic(stage.title), box)
            label.setBuddy(editor)
            grid.addWidget(label, number, 0)
            grid.addWidget(editor, number, 1)
            grid.addWidget(muted_label("minutes", box), number, 2)
            self.minutes[stage] = editor
        row.addLayout(grid, 0)
        return box

    def _parking_lot(self, page: StagePage) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(heading_label("Parking lot", 2, box))
        self.count = muted_label("", box)
        self.count.setObjectName("parking_lot_count")
        top.addWidget(self.count, 1, Qt.AlignmentFlag.AlignBottom)
        column.addLayout(top)
        column.addWidget(muted_label(_intro(), box))
        columns = columns_for(
            PARKING_LOT,
            long_text=("idea",),
            widths={"idea": 30, "raised_on": 13, "raised_during": 16, "outcome": 24},
        )
        self.table: RowTableWidget = page.table(PARKING_LOT, columns, edit_column="idea")
        self.review = ReviewActions(self.document, self.table.current_row_id, box)
        self.table.current_row_changed.connect(self.review.update_enabled)
        for action in self.review.actions:  # in the table's context menu too
            self.table.view.key_actions.append(((), action))
        self.table.view.setMinimumHeight(self.table.view.fontMetrics().height() * 7)
        column.addWidget(self.table, 1)
        column.addLayout(self.review.buttons(box))
        for signal in (
            self.document.rows_inserted,
            self.document.rows_removed,
            self.document.value_changed,
        ):
            signal.connect(self._on_change)
        self.document.plan_replaced.connect(self._refresh_count)
        self._refresh_count()
        return box

    def _on_change(self, path: tuple, *_args: object) -> None:
        if tuple(path[:2]) == PARKING_LOT:
            self._refresh_count()

    def _refresh_count(self) -> None:
        ideas = self.document.rows(PARKING_LOT)
        waiting = sum(1 for idea in ideas if idea.outcome is ParkingOutcome.OPEN)
        self.count.setText(
            f"{waiting} of {len(ideas)} still to review" if ideas else "nothing parked yet"
        )


def _intro() -> str:
    return (
        f"{section_intro('workshop.parking_lot')} Ctrl+Shift+P parks an idea from anywhere; "
        "choose an idea, then what it becomes."
    )
