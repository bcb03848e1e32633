"""A Qt table model over one list of the plan document, kept in step with the document's signals."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QGuiApplication, QPalette

from workbook.borrowed import borrowed_text
from workbook.gui.document import PlanDocument
from workbook.gui.lint_runner import LintRunner
from workbook.gui.widgets.columns import Column, ColumnKind
from workbook.gui.widgets.date_edit import DISPLAY_FORMAT
from workbook.gui.widgets.fields import split_tags
from workbook.gui.widgets.layout import plain_tooltip
from workbook.gui.widgets.marks import BORROWED_TEXT, borrowed_tip, findings_text, severity_icon
from workbook.gui.widgets.marks import worst as worst_severity
from workbook.guidance import guide_key
from workbook.lint import Finding
from workbook.model import Row
from workbook.paths import ROW_NOUNS, FieldPath
from workbook.suggestions import link_label

ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""The row's id (a str), on every cell."""
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
"""A key that sorts sensibly: folded text, ISO dates, labels."""

_DISPLAY_LIMIT = 240
"""Characters a cell shows; the tooltip (and the editor) have the rest."""

Index = QModelIndex | QPersistentModelIndex

_TEXT_KINDS = (ColumnKind.TEXT, ColumnKind.LONG_TEXT)
_WHOLE_TABLE_AFTER = 50
"""More changed rows than this repaint the table in one go rather than row by row."""


def display_date(value: date | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(QDate(value.year, value.month, value.day), DISPLAY_FORMAT)


def display_number(value: float | None) -> str:
    """A number as the user's locale writes it, with no needless decimals ("12.5", "40")."""
    return "" if value is None else QLocale().toString(float(value), "g", 12)


def parse_number(text: str) -> float | None:
    """What the user typed in a number cell ("" is no answer); ValueError if not a number."""
    text = text.strip()
    if not text:
        return None
    value, ok = QLocale().toDouble(text)
    if ok:
        return value
    return float(text.replace(",", ""))  # "1,200" typed in a locale that writes 1.200


def display_text(value: Any, kind: ColumnKind) -> str:
    """The one-line text a cell shows for ``value``."""
    if kind is ColumnKind.LINK:
        return link_label(value)
    if value is None:
        return ""
    if kind is ColumnKind.NUMBER:
        return display_number(value)
    if kind is ColumnKind.DATE:
        return display_date(value)
    if kind is ColumnKind.NUMBER:
        return QLocale().toString(float(value), "g", 12)
    if kind in (ColumnKind.ENUM, ColumnKind.OPTIONAL_ENUM):
        return getattr(value, "label", str(value))
    if kind is ColumnKind.TAGS:
        return ", ".join(value)
    if kind is ColumnKind.BOOL:
        return ""
    text = str(value)
    if "\n" in text:
        text = " ⏎ ".join(line for line in text.splitlines() if line.strip())
    return text if len(text) <= _DISPLAY_LIMIT else text[: _DISPLAY_LIMIT - 1] + "…"


class RowTableModel(QAbstractTableModel):
    """Rows of ``document.rows(list_path)`` as a table: one row per list item, one column per
    field. Edits go through the document; the model follows the document's change signals
    with fine-grained inserts, removals, moves and cell updates (never a reset per keystroke).

    Qt's contract: a change is announced (``begin…``) while the rows are still as they were,
    and confirmed (``end…``) once they have changed. The document's "about to" signals open
    each change and its "done" signals close it. The model keeps the list it shows, so even a
    whole new plan or list is shown only between ``beginResetModel`` and ``endResetModel``."""

    def __init__(
        self,
        document: PlanDocument,
        list_path: FieldPath,
        columns: Sequence[Column],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.list_path = tuple(list_path)
        self.columns = list(columns)
        self._column_of = {c.name: i for i, c in enumerate(self.columns)}
        self._shown: list[Row] = document.rows(self.list_path)
        """The list on show: the document's own list, changed in place between the "about
        to" and "done" signals; replaced only inside a model reset."""
        self._move_was_reset = False
        self._positions: dict[str, int] | None = None
        self._sort_keys: dict[int, list[Any]] = {}
        """Sort keys by column, one per row, worked out once: sorting thousands of notes
        asks for each key many times."""
        self._guide_keys = {
            i: guide_key((*self.list_path, c.name))
            for i, c in enumerate(self.columns)
            if c.kind in _TEXT_KINDS
        }
        self._cell_findings: dict[tuple[str, str], list[Finding]] = {}
        self._row_findings: dict[str, list[Finding]] = {}
        self.runner = LintRunner.of(document)
        self._borrowed_shown = False
        self.runner.findings_changed.connect(self._on_findings_changed)
        document.value_changed.connect(self._on_value_changed)
        document.rows_about_to_be_inserted.connect(self._on_rows_about_to_be_inserted)
        document.rows_inserted.connect(self._on_rows_inserted)
        document.rows_about_to_be_removed.connect(self._on_rows_about_to_be_removed)
        document.rows_removed.connect(self._on_rows_removed)
        document.row_about_to_be_moved.connect(self._on_row_about_to_be_moved)
        document.row_moved.connect(self._on_row_moved)
        document.plan_replaced.connect(self.reload)

    # ------------------------------------------------------------ reading

    def _rows(self) -> list[Row]:
        return self._shown

    def row(self, position: int) -> Row:
        return self._rows()[position]

    def row_id(self, position: int) -> str | None:
        rows = self._rows()
        return rows[position].id if 0 <= position < len(rows) else None

    def position_of(self, row_id: str) -> int:
        """Position of the row with ``row_id``, or -1."""
        if self._positions is None:
            self._positions = {row.id: i for i, row in enumerate(self._rows())}
        return self._positions.get(row_id, -1)

    def column_of(self, name: str) -> int:
        return self._column_of.get(name, -1)

    def cell_path(self, index: Index) -> FieldPath:
        row_id = self.row_id(index.row())
        if row_id is None:
            raise KeyError(f"no row {index.row()}")
        return (*self.list_path, row_id, self.columns[index.column()].name)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == SORT_ROLE:
            return self.sort_key(index.row(), index.column())
        rows = self._shown
        if not index.isValid() or not 0 <= index.row() < len(rows):
            return None
        column = self.columns[index.column()]
        row = rows[index.row()]
        if role == ROW_ID_ROLE:
            return row.id
        value = getattr(row, column.name)
        if role == Qt.ItemDataRole.DisplayRole:
            return display_text(value, column.kind)
        if role == Qt.ItemDataRole.EditRole:
            if column.kind is ColumnKind.TAGS:
                return ", ".join(value)
            if column.kind in (ColumnKind.NUMBER, ColumnKind.LINK):
                return display_text(value, column.kind)
            return value
        if role == Qt.ItemDataRole.CheckStateRole and column.kind is ColumnKind.BOOL:
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._cell_tooltip(row, index.column(), value, column)
        if role == Qt.ItemDataRole.DecorationRole:
            found = self._cell_findings.get((row.id, column.name))
            return severity_icon(worst_severity(found)) if found else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if self.is_borrowed(index.column(), value):
                return QGuiApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind is ColumnKind.NUMBER:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            parts = []
            if self.is_borrowed(index.column(), value):
                parts.append(BORROWED_TEXT)
            found = self._cell_findings.get((row.id, column.name))
            if found:
                parts.append(findings_text(found))
            return "\n".join(parts) or None
        return None

    def is_borrowed(self, column_index: int, value: Any) -> bool:
        """Whether the cell holds an example's words, unchanged (shown greyed). Known once
        the plan has been checked: the examples' words are indexed then, not at first paint."""
        key = self._guide_keys.get(column_index)
        if key is None or not self._borrowed_shown or type(value) is not str or not value:
            return False
        return borrowed_text(self.document.plan).is_borrowed(key, value)

    def findings_at(self, row_id: str, column: str | None = None) -> list[Finding]:
        """The plan check's findings about one cell, or (``column`` None) the row itself."""
        if column is None:
            return self._row_findings.get(row_id, [])
        return self._cell_findings.get((row_id, column), [])

    def sort_keys(self, column_index: int) -> list[Any]:
        """The sort key of every row for one column (kept until the rows change)."""
        keys = self._sort_keys.get(column_index)
        if keys is None:
            column = self.columns[column_index]
            keys = [self._sort_key(getattr(row, column.name), column) for row in self._rows()]
            self._sort_keys[column_index] = keys
        return keys

    def sort_key(self, position: int, column_index: int) -> Any:
        keys = self.sort_keys(column_index)
        return keys[position] if 0 <= position < len(keys) else None

    def _cell_tooltip(self, row: Row, column_index: int, value: Any, column: Column) -> str | None:
        parts = []
        if column.kind in (ColumnKind.TEXT, ColumnKind.LONG_TEXT, ColumnKind.TAGS):
            full = ", ".join(value) if column.kind is ColumnKind.TAGS else str(value or "")
            if full.strip():
                parts.append(full)
        elif column.kind is ColumnKind.LINK and value is not None:
            themes = ", ".join(value.themes)
            parts.append(
                f"Drawn from {link_label(value)[5:]}"
                + (f" (themes: {themes})" if themes else "")
                + ". Filled in by the app when you used a theme's suggestion."
            )
        if self.is_borrowed(column_index, value):
            parts.append(
                borrowed_tip(
                    borrowed_text(self.document.plan).source(self._guide_keys[column_index], value)
                )
            )
        found = self._cell_findings.get((row.id, column.name))
        if found:
            parts.append(findings_text(found))
        return plain_tooltip("\n\n".join(parts)) if parts else None

    @staticmethod
    def _sort_key(value: Any, column: Column) -> Any:
        if column.kind is ColumnKind.NUMBER:
            return -1.0 if value is None else float(value)  # no answer before 0
        if column.kind is ColumnKind.DATE:
            return value.isoformat() if value else ""
        if column.kind is ColumnKind.BOOL:
            return int(bool(value))
        if column.kind is ColumnKind.NUMBER:
            return (value is None, value or 0.0)
        return display_text(value, column.kind).casefold()

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802 - Qt override
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            column = self.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return column.title
            if role == Qt.ItemDataRole.ToolTipRole:
                return plain_tooltip("\n".join(t for t in (column.prompt, column.help) if t))
        elif orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(section + 1)
            row_id = self.row_id(section)
            found = self._row_findings.get(row_id, []) if row_id is not None else []
            if found and role == Qt.ItemDataRole.DecorationRole:
                return severity_icon(worst_severity(found))
            if found and role == Qt.ItemDataRole.ToolTipRole:
                return plain_tooltip(findings_text(found))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        kind = self.columns[index.column()].kind
        if kind is ColumnKind.BOOL:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if kind is ColumnKind.LINK:
            return base  # the app fills it in from the listening notes
        return base | Qt.ItemFlag.ItemIsEditable

    # ------------------------------------------------------------ editing

    def setData(
        self,
        index: Index,
        value: Any,  # noqa: N802 - Qt override
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if not index.isValid():
            return False
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and column.kind is ColumnKind.BOOL:
            state = value.value if isinstance(value, Qt.CheckState) else value
            new: Any = state == Qt.CheckState.Checked.value
        elif role != Qt.ItemDataRole.EditRole:
            return False
        try:
            if role == Qt.ItemDataRole.EditRole:
                new = self._from_edit(value, column)
            self.document.set_value(self.cell_path(index), new)
        except (ValidationError, ValueError, KeyError):
            return False
        return True

    @staticmethod
    def _from_edit(value: Any, column: Column) -> Any:
        if column.kind is ColumnKind.TAGS:
            return split_tags(value) if isinstance(value, str) else list(value or [])
        if column.kind is ColumnKind.NUMBER:
            if isinstance(value, int | float) and not isinstance(value, bool):
                return float(value)
            return parse_number("" if value is None else str(value))
        if column.kind is ColumnKind.LINK:
            raise ValueError("filled in by the app")
        if column.kind is ColumnKind.DATE:
            if isinstance(value, QDate):
                return date(value.year(), value.month(), value.day()) if value.isValid() else None
            return value or None
        if column.kind in (ColumnKind.ENUM, ColumnKind.OPTIONAL_ENUM):
            if value in (None, ""):
                return None
            return value if isinstance(value, StrEnum) else column.enum(value)  # type: ignore[misc]
        if column.kind is ColumnKind.BOOL:
            return bool(value)
        if column.kind is ColumnKind.NUMBER:
            return value  # the cell editor has read the number (or refused the text)
        return "" if value is None else str(value)

    # ------------------------------------------------------------ following the document

    def _forget_positions(self) -> None:
        self._positions = None
        self._sort_keys.clear()

    def reload(self) -> None:
        """Show the document's list afresh (a new plan, or the whole list replaced)."""
        self.beginResetModel()
        self._shown = self.document.rows(self.list_path)
        self._forget_positions()
        self.endResetModel()

    def _on_value_changed(self, path: tuple) -> None:
        depth = len(self.list_path)
        if self.list_path[: len(path)] == path:
            self.reload()  # the list itself, or a part holding it, was replaced
            return
        if path[:depth] != self.list_path:
            return
        position = self.position_of(path[depth])
        if position < 0:
            return
        column = self.column_of(path[depth + 1]) if len(path) > depth + 1 else -1
        if column >= 0 and column in self._sort_keys:
            keys = self._sort_keys[column]
            target = self.columns[column]
            keys[position] = self._sort_key(getattr(self.row(position), target.name), target)
        elif column < 0:
            self._sort_keys.clear()
        first = self.index(position, max(column, 0))
        last = self.index(position, column if column >= 0 else len(self.columns) - 1)
        self.dataChanged.emit(first, last)

    def _on_rows_about_to_be_inserted(self, list_path: tuple, first: int, count: int) -> None:
        if list_path == self.list_path:
            self.beginInsertRows(QModelIndex(), first, first + count - 1)

    def _on_rows_inserted(self, list_path: tuple, _first: int, _count: int) -> None:
        if list_path == self.list_path:
            self._forget_positions()
            self.endInsertRows()

    def _on_rows_about_to_be_removed(self, list_path: tuple, first: int, count: int) -> None:
        if list_path == self.list_path:
            self.beginRemoveRows(QModelIndex(), first, first + count - 1)

    def _on_rows_removed(self, list_path: tuple, _first: int, _count: int) -> None:
        if list_path == self.list_path:
            self._forget_positions()
            self.endRemoveRows()

    def _on_row_about_to_be_moved(self, list_path: tuple, source: int, target: int) -> None:
        if list_path != self.list_path:
            return
        # Qt counts the destination before the move: one past the target when moving down.
        destination = target + 1 if target > source else target
        self._move_was_reset = not self.beginMoveRows(
            QModelIndex(), source, source, QModelIndex(), destination
        )
        if self._move_was_reset:  # pragma: no cover - a move Qt cannot express
            self.beginResetModel()

    def _on_row_moved(self, list_path: tuple, _source: int, _target: int) -> None:
        if list_path != self.list_path:
            return
        self._forget_positions()
        if self._move_was_reset:  # pragma: no cover - see above
            self.endResetModel()
        else:
            self.endMoveRows()

    def _on_findings_changed(self) -> None:
        depth = len(self.list_path)
        cells: dict[tuple[str, str], list[Finding]] = {}
        rows: dict[str, list[Finding]] = {}
        for finding in self.runner.findings:
            path = finding.path
            if len(path) <= depth or path[:depth] != self.list_path:
                continue
            if len(path) == depth + 1:
                rows.setdefault(path[depth], []).append(finding)
            else:
                cells.setdefault((path[depth], path[depth + 1]), []).append(finding)
        changed_cells = {
            key
            for key in cells.keys() | self._cell_findings.keys()
            if cells.get(key) != self._cell_findings.get(key)
        }
        changed_rows = {
            key
            for key in rows.keys() | self._row_findings.keys()
            if rows.get(key) != self._row_findings.get(key)
        }
        self._cell_findings, self._row_findings = cells, rows
        count = len(self._shown)
        if not count:
            self._borrowed_shown = self.runner.has_run
            return
        if not self._borrowed_shown or len(changed_cells) + len(changed_rows) > _WHOLE_TABLE_AFTER:
            self._borrowed_shown = self.runner.has_run
            self.dataChanged.emit(self.index(0, 0), self.index(count - 1, len(self.columns) - 1))
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, count - 1)
            return
        for row_id, name in changed_cells:
            position, column = self.position_of(row_id), self.column_of(name)
            if position >= 0 and column >= 0:
                cell = self.index(position, column)
                self.dataChanged.emit(cell, cell)
        for row_id in changed_rows:
            position = self.position_of(row_id)
            if position >= 0:
                self.headerDataChanged.emit(Qt.Orientation.Vertical, position, position)

    @property
    def row_noun(self) -> str:
        return ROW_NOUNS.get(self.list_path[-1], "row")
