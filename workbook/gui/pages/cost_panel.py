"""What each method costs and builds: the activities' monthly hours and money, by activity and
by the A each should move; and what was spent by period against that plan. Both are recounted
shortly after the activities or the spending change."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbook.costs import CostReport, cost_report
from workbook.gui.document import PlanDocument
from workbook.gui.widgets.layout import LinkButton, heading_label, muted_label
from workbook.gui.widgets.recount import Recount
from workbook.gui.widgets.row_model import display_date, display_number
from workbook.measures import spending_report

ACTIVITIES = ("engagement", "activities")
RECOUNT_DELAY_MS = 200
ACTIVITY_HEADERS = ["Activity", "The A it moves", "Hours a month", "Money a month"]
A_HEADERS = ["The A", "Activities", "Hours a month", "Money a month", "Share of the hours"]
NO_A = "Not tied to an A"
PATH_ROLE = Qt.ItemDataRole.UserRole


def _cell(text: str, number: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _table(headers: list[str], name: str, parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return table


class CostSummary(QWidget):
    """Two small tables (by activity, by A) and a line on what is not priced yet. Double-click
    an activity (or press Enter) to go to it."""

    navigate_requested = Signal(tuple)

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setObjectName("cost_summary")
        self.report: CostReport | None = None
        self.total_label = muted_label("", self)
        self.total_label.setObjectName("cost_total")
        self.by_activity = _table(ACTIVITY_HEADERS, "cost_by_activity", self)
        self.by_activity.setAccessibleName("What each activity costs a month")
        self.by_activity.itemActivated.connect(self._on_activated)
        self.by_a = _table(A_HEADERS, "cost_by_a", self)
        self.by_a.setAccessibleName("What each of the four A's costs a month")
        self.unpriced = LinkButton("", self)
        self.unpriced.setObjectName("cost_unpriced")
        self.unpriced.clicked.connect(self._go_to_unpriced)
        self.empty = muted_label(
            "No activities yet. Add them on the Activities tab, with their hours and money "
            "a month, and the cost of each method shows here.",
            self,
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(heading_label("What each method costs and builds", 3, self))
        layout.addWidget(self.empty)
        layout.addWidget(self.total_label)
        layout.addWidget(self.by_activity)
        layout.addWidget(self.by_a)
        layout.addWidget(self.unpriced, 0, Qt.AlignmentFlag.AlignLeft)

        self._timer = Recount(document, [ACTIVITIES], self.refresh, self, RECOUNT_DELAY_MS)
        self.refresh()

    def refresh(self) -> None:
        self._timer.stop()
        report = self.report = cost_report(self.document.plan)
        has_rows = bool(report.activities)
        for widget in (self.total_label, self.by_activity, self.by_a):
            widget.setVisible(has_rows)
        self.empty.setVisible(not has_rows)

        self.by_activity.setRowCount(len(report.activities))
        for row, cost in enumerate(report.activities):
            name = _cell(cost.name or f"Activity {row + 1}")
            name.setData(PATH_ROLE, (*ACTIVITIES, cost.activity_id, "hours_per_month"))
            cells = [
                name,
                _cell(cost.moves.label if cost.moves is not None else "—"),
                _cell(display_number(cost.hours), True),
                _cell(display_number(cost.money), True),
            ]
            if not cost.priced:
                name.setToolTip("Hours or money not filled in yet: counted as 0.")
            for column, item in enumerate(cells):
                self.by_activity.setItem(row, column, item)

        self.by_a.setRowCount(len(report.by_a))
        for row, (a, totals) in enumerate(report.by_a.items()):
            share = report.share_of_hours(a)
            cells = [
                _cell(a.label if a is not None else NO_A),
                _cell(str(totals.activities), True),
                _cell(display_number(totals.hours), True),
                _cell(display_number(totals.money), True),
                _cell(f"{round(100 * share)}%" if report.total.hours > 0 else "—", True),
            ]
            for column, item in enumerate(cells):
                self.by_a.setItem(row, column, item)
        for table in (self.by_activity, self.by_a):
            self._fit_height(table)

        total = report.total
        self.total_label.setText(
            f"{total.activities} activit{'y' if total.activities == 1 else 'ies'}: "
            f"{display_number(total.hours)} hours and {display_number(total.money)} in money "
            "a month."
        )
        missing = len(report.unpriced)
        self.unpriced.setVisible(missing > 0)
        if missing:
            self.unpriced.setText(
                f"→ {missing} activit{'y has' if missing == 1 else 'ies have'} no hours or "
                "money yet (counted as 0): fill them in"
            )
            self.unpriced.setAccessibleName(self.unpriced.text().lstrip("→ "))

    @staticmethod
    def _fit_height(table: QTableWidget) -> None:
        rows = max(1, table.rowCount())
        height = (
            table.horizontalHeader().sizeHint().height()
            + rows * table.verticalHeader().defaultSectionSize()
            + 2 * table.frameWidth()
        )
        table.setFixedHeight(height)

    def _on_activated(self, item: QTableWidgetItem) -> None:
        path = self.by_activity.item(item.row(), 0).data(PATH_ROLE)
        if path:
            self.navigate_requested.emit(tuple(path))

    def _go_to_unpriced(self) -> None:
        if self.report is None or not self.report.unpriced:
            return
        cost = self.report.unpriced[0]
        activities = self.document.plan.engagement.activities
        row = next((a for a in activities if a.id == cost.activity_id), None)
        hours_given = row is not None and row.hours_per_month is not None
        field = "money_per_month" if hours_given else "hours_per_month"
        self.navigate_requested.emit((*ACTIVITIES, cost.activity_id, field))


SPENDING = ("engagement", "spending")
SPENDING_HEADERS = [
    "Period",
    "Hours spent",
    "Planned",
    "Money spent",
    "Planned",
    "Against the plan",
]


def _against(over: float | None) -> str:
    """ "2 over", "0.5 under", "as planned"; "" when nothing was recorded."""
    if over is None:
        return ""
    if abs(over) < 0.005:
        return "as planned"
    return f"{display_number(round(abs(over), 2))} {'over' if over > 0 else 'under'}"


class SpendingAgainstPlan(QWidget):
    """Each recorded period's hours and money against what the activities plan for the same
    months (:func:`workbook.measures.spending_report`), recounted shortly after a change."""

    navigate_requested = Signal(tuple)

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setObjectName("spending_against_plan")
        self.table = _table(SPENDING_HEADERS, "spending_report", self)
        self.table.setAccessibleName("Spending against the plan, by period")
        self.table.itemActivated.connect(self._on_activated)
        self.table.setWordWrap(False)
        # The table is as tall as its rows (the form scrolls); a scroll bar would hide one.
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(SPENDING_HEADERS) - 1, QHeaderView.ResizeMode.Stretch)
        self.empty = muted_label(
            "No period with both dates yet. Record what was spent above, and each period "
            "shows here against the activities' planned hours and money for the same months.",
            self,
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(heading_label("Spent against the plan", 3, self))
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        self._timer = Recount(
            document, [ACTIVITIES, SPENDING], self.refresh, self, RECOUNT_DELAY_MS
        )
        self.refresh()

    def refresh(self) -> None:
        self._timer.stop()
        periods = spending_report(self.document.plan)
        self.table.setVisible(bool(periods))
        self.empty.setVisible(not periods)
        self.table.setRowCount(len(periods))
        for row, period in enumerate(periods):
            name = _cell(f"{display_date(period.start)} – {display_date(period.end)}")
            name.setData(PATH_ROLE, (*SPENDING, period.period_id, "hours"))
            against = " · ".join(
                f"{what}: {words}"
                for what, words in (
                    ("Hours", _against(period.hours_over)),
                    ("Money", _against(period.money_over)),
                )
                if words
            )
            cells = [
                name,
                _cell(display_number(period.hours), True),
                _cell(display_number(period.planned_hours), True),
                _cell(display_number(period.money), True),
                _cell(display_number(period.planned_money), True),
                _cell(against or "—"),
            ]
            cells[-1].setToolTip(against)
            for column, item in enumerate(cells):
                self.table.setItem(row, column, item)
        CostSummary._fit_height(self.table)

    def _on_activated(self, item: QTableWidgetItem) -> None:
        path = self.table.item(item.row(), 0).data(PATH_ROLE)
        if path:
            self.navigate_requested.emit(tuple(path))
