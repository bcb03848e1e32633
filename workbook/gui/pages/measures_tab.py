"""The four A's tab of the Engagement page: the measures, how each is doing (latest figure
against the target, a status and a chart of its readings) and the readings themselves."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from workbook.gui.document import PlanDocument
from workbook.gui.icons import icon
from workbook.gui.widgets import clock
from workbook.gui.widgets.columns import Column, columns_for
from workbook.gui.widgets.delegates import RowDelegate, _CellCombo
from workbook.gui.widgets.flow_layout import flow_row
from workbook.gui.widgets.guide_text import section_intro
from workbook.gui.widgets.layout import heading_label, text_label
from workbook.gui.widgets.measure_chart import (
    STATUS_ICONS,
    MeasureChart,
    status_colour,
    status_text,
)
from workbook.gui.widgets.recount import Recount
from workbook.gui.widgets.row_model import ROW_ID_ROLE
from workbook.gui.widgets.row_table import RowTableWidget
from workbook.measures import MeasureProgress, all_progress, measure_progress
from workbook.model import Reading, RelationshipMeasure
from workbook.paths import FieldPath

MEASURES: FieldPath = ("engagement", "measures")
READINGS: FieldPath = ("engagement", "readings")
REFRESH_DELAY_MS = 150
FIGURES_FROM: tuple[FieldPath, ...] = (MEASURES, READINGS, ("details", "plan_date"))
"""What a measure's figures are read from (the plan's date places "by September")."""
MIN_LINES = 27
"""The tab's least height, in lines of text."""
NO_MEASURE = "— no measure —"


def measure_label(measure: RelationshipMeasure) -> str:
    """How a measure is named in a list: "Attention: Questions we answer in local groups"."""
    indicator = " ".join(measure.indicator.split())
    return f"{measure.dimension.label}: {indicator}" if indicator else measure.dimension.label


def reading_columns() -> list[Column]:
    return columns_for(
        READINGS,
        long_text=("note",),
        widths={"measure": 14, "taken_on": 12, "value": 7, "note": 30},
    )


class MeasureNamesProxy(QSortFilterProxyModel):
    """Shows a reading's measure by its name, not its id (the plan stores the id), and
    can show only one measure's readings."""

    filters_cleared = Signal()

    def __init__(self, document: PlanDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.measure_column = -1
        self.only: str | None = None
        """The measure whose readings are shown; None: every reading."""
        self._pinned: set[str] = set()

    def show_only(self, measure_id: str | None) -> None:
        """Show only the readings of ``measure_id`` (None: all); pinned rows are let go."""
        if measure_id == self.only and not self._pinned:
            return
        self.beginFilterChange()
        self.only = measure_id
        self._pinned.clear()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def clear_filters(self) -> None:
        """Show every reading (going to a reading of another measure asks for this)."""
        self.show_only(None)
        self.filters_cleared.emit()

    def pin(self, row_id: str) -> None:
        """Keep a new reading in view even when its measure is changed to another."""
        self._pinned.add(row_id)

    def filterAcceptsRow(  # noqa: N802 - Qt override
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if self.only is None:
            return True
        model = self.sourceModel()
        reading = model.row(source_row)  # type: ignore[attr-defined]
        return reading.measure == self.only or reading.id in self._pinned

    def setSourceModel(self, model: Any) -> None:  # noqa: N802 - Qt override
        super().setSourceModel(model)
        self.measure_column = model.column_of("measure")

    def name_of(self, measure_id: str) -> str:
        if not measure_id:
            return NO_MEASURE
        for measure in self.document.plan.engagement.measures:
            if measure.id == measure_id:
                return " ".join(measure.indicator.split()) or measure.dimension.label
        return "A measure no longer in the plan"

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if index.isValid() and index.column() == self.measure_column:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return self.name_of(str(super().data(index, Qt.ItemDataRole.EditRole) or ""))
        return super().data(index, role)

    def names_changed(self) -> None:
        """A measure was renamed, added or removed: repaint the names."""
        rows = self.rowCount()
        if rows and self.measure_column >= 0:
            self.dataChanged.emit(
                self.index(0, self.measure_column), self.index(rows - 1, self.measure_column)
            )


class MeasureStatusProxy(QSortFilterProxyModel):
    """The measures as they are, with each one's status beside its A: an icon, and the
    status in words in the tooltip and for screen readers (never a colour alone)."""

    def __init__(self, document: PlanDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._status: dict[str, MeasureProgress] = {}
        self._timer = Recount(document, FIGURES_FROM, self.recount, self, REFRESH_DELAY_MS)
        self.recount()

    def recount(self) -> None:
        self._timer.stop()
        self._status = {p.measure_id: p for p in all_progress(self.document.plan)}
        rows = self.rowCount()
        if rows:
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, 0))

    def progress_of(self, measure_id: str) -> MeasureProgress | None:
        return self._status.get(measure_id)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        value = super().data(index, role)
        if not index.isValid() or index.column() != 0:
            return value
        wanted = (
            Qt.ItemDataRole.DecorationRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleDescriptionRole,
        )
        if role not in wanted:
            return value
        progress = self._status.get(str(super().data(index, ROW_ID_ROLE)))
        if progress is None:
            return value
        if role == Qt.ItemDataRole.DecorationRole:
            return value if value is not None else icon(STATUS_ICONS[progress.status])
        words = status_text(progress)
        return f"{words}\n\n{value}" if value else words


class MeasureDelegate(RowDelegate):
    """The readings' cells: the measure is chosen from the plan's measures by name."""

    def __init__(
        self, document: PlanDocument, columns: list[Column], parent: QObject | None = None
    ) -> None:
        super().__init__(columns, parent)
        self.document = document

    def _is_measure(self, index: QModelIndex | QPersistentModelIndex) -> bool:
        return self.columns[index.column()].name == "measure"

    def createEditor(  # noqa: N802 - Qt override
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget | None:
        if not self._is_measure(index):
            return super().createEditor(parent, option, index)
        combo = _CellCombo(parent)  # lets the window's Ctrl shortcuts through, as every cell
        for measure in self.document.plan.engagement.measures:
            combo.addItem(measure_label(measure), measure.id)
        combo.setAccessibleName("Measure")
        combo.activated.connect(lambda _i, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(  # noqa: N802 - Qt override
        self, editor: QWidget, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        if self._is_measure(index) and isinstance(editor, _CellCombo):
            position = editor.findData(index.data(Qt.ItemDataRole.EditRole))
            editor.setCurrentIndex(max(position, 0))
            return
        super().setEditorData(editor, index)

    def setModelData(  # noqa: N802 - Qt override
        self, editor: QWidget, model: Any, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        if self._is_measure(index) and isinstance(editor, _CellCombo):
            model.setData(index, editor.currentData() or "", Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


class StatusLine(QWidget):
    """A status in words, with its icon and colour beside them (never colour alone)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.icon_label = QLabel(self)
        self.text = text_label("", self)
        self.text.setObjectName("measure_status")
        layout.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)

    def show_progress(self, progress: MeasureProgress | None) -> None:
        if progress is None:
            self.icon_label.clear()
            self.text.setText("Select a measure to see how it is doing.")
            self.text.setStyleSheet("")
            self.text.setAccessibleName(self.text.text())
            return
        size = self.text.fontMetrics().height()
        self.icon_label.setPixmap(icon(STATUS_ICONS[progress.status]).pixmap(size, size))
        self.text.setText(status_text(progress))
        colour = status_colour(progress.status, self.palette()).name()
        self.text.setStyleSheet(f"QLabel {{ color: {colour}; font-weight: 600; }}")
        self.text.setAccessibleName(self.text.text())


class ProgressPanel(QWidget):
    """How the selected measure is doing: the status line and the chart of its readings.
    Recounted shortly after a measure or a reading changes."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setObjectName("measure_progress")
        self.measure_id: str | None = None
        self.progress: MeasureProgress | None = None
        self.status = StatusLine(self)
        self.chart = MeasureChart(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.status)
        layout.addWidget(self.chart, 1)
        self._timer = Recount(document, FIGURES_FROM, self.refresh, self, REFRESH_DELAY_MS)
        self.refresh()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        # The splitter asks this, not the layout's height for the width: without it the
        # wrapped status took the chart's room at larger text sizes.
        width = max(self.width(), self.status.minimumSizeHint().width())
        height = (
            self.status.heightForWidth(width)
            + self.layout().spacing()
            + self.chart.minimumSizeHint().height()
        )
        return QSize(super().minimumSizeHint().width(), height)

    def set_measure(self, measure_id: str | None) -> None:
        self.measure_id = measure_id
        self.refresh()

    def refresh(self) -> None:
        self._timer.stop()
        plan = self.document.plan
        measure = next((m for m in plan.engagement.measures if m.id == self.measure_id), None)
        self.progress = None if measure is None else measure_progress(plan, measure)
        self.status.show_progress(self.progress)
        self.chart.set_progress(self.progress, measure.indicator if measure is not None else "")


class MeasuresTab(QWidget):
    """The measures (with the selected one in full) on the left; its progress and the
    readings on the right; the drafts from listening under both. Adding a reading fills in
    the selected measure and today's date."""

    def __init__(
        self, page: Any, measures: QWidget, below: QWidget, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.page = page
        document: PlanDocument = page.document
        self.document = document
        self.setObjectName("four_as")
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.measures_table: RowTableWidget = page.tables[MEASURES]
        self.progress = ProgressPanel(document)

        columns = reading_columns()
        self.names = MeasureNamesProxy(document)
        self.readings = page.table(
            READINGS,
            columns,
            proxy=self.names,
            row_factory=self.new_reading,
            edit_column="value",
        )
        delegate = MeasureDelegate(document, columns, self.readings.view)
        delegate.input_refused.connect(self.readings.show_notice)
        self.readings.delegate = delegate
        self.readings.view.setItemDelegate(delegate)
        self.readings.hint_label.hide()  # the keys are in the buttons' tips
        # Readings are charted by date, so their order in the list means nothing; the
        # buttons' room goes to the table (Alt+Up and Alt+Down still move a row).
        for name in ("Move up", "Move down"):
            self.readings.buttons[name].hide()
        document.value_changed.connect(self._on_measure_renamed)
        for signal in (document.rows_inserted, document.rows_removed):
            signal.connect(self._on_measures_changed)

        right = QSplitter(Qt.Orientation.Vertical, self.splitter)
        right.setChildrenCollapsible(False)
        right.addWidget(self.progress)
        readings_box = QWidget(right)
        column = QVBoxLayout(readings_box)
        column.setContentsMargins(0, 4, 0, 0)
        column.setSpacing(2)
        heading = heading_label("Readings", 3, readings_box)
        heading.setToolTip(section_intro("engagement.readings"))
        self.only_selected = QCheckBox("&Only this measure's", readings_box)
        self.only_selected.setObjectName("readings_only_selected")
        self.only_selected.setToolTip(
            "Show only the readings of the measure selected on the left; untick to see "
            "every reading."
        )
        self.only_selected.setChecked(True)
        self.only_selected.toggled.connect(self._filter_readings)
        self.names.filters_cleared.connect(lambda: self.only_selected.setChecked(False))
        top = QWidget(readings_box)  # the box goes under the heading in a narrow column
        top_row = flow_row(top, spacing=18)
        heading.setParent(top)
        self.only_selected.setParent(top)
        top_row.addWidget(heading)
        top_row.addWidget(self.only_selected)
        column.addWidget(top)
        column.addWidget(self.readings, 1)
        right.addWidget(readings_box)
        right.setStretchFactor(0, 1)
        right.setStretchFactor(1, 1)
        self.right = right

        self.splitter.addWidget(measures)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 6)
        layout.setSpacing(2)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(below)
        self.measures_table.current_row_changed.connect(self.progress.set_measure)
        self.measures_table.current_row_changed.connect(self._filter_readings)
        self._filter_readings()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        # Tall enough for a few rows of each table and the chart: at larger text sizes the
        # page scrolls rather than squeezing the tables to a row.
        hint = super().minimumSizeHint()
        return QSize(hint.width(), max(hint.height(), self.fontMetrics().height() * MIN_LINES))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.updateGeometry()

    def new_reading(self) -> Reading:
        """A reading of the selected measure (the first when none is), dated today."""
        measure_id = self.measures_table.current_row_id()
        if measure_id is None and self.document.plan.engagement.measures:
            measure_id = self.document.plan.engagement.measures[0].id
        return Reading(measure=measure_id or "", taken_on=clock.today())

    def _filter_readings(self, *_args: object) -> None:
        only = self.only_selected.isChecked()
        self.names.show_only(self.measures_table.current_row_id() if only else None)

    def _on_measure_renamed(self, path: tuple) -> None:
        if path[:2] == MEASURES:
            self.names.names_changed()

    def _on_measures_changed(self, list_path: tuple, *_args: int) -> None:
        if tuple(list_path) == MEASURES:
            self.names.names_changed()
