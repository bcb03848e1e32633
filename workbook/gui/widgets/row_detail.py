"""A form showing every field of the selected table row in full, with room for long answers."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QScrollArea,
    QSplitter,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from workbook.gui.document import PlanDocument
from workbook.gui.widgets.guide import FieldBlock
from workbook.gui.widgets.layout import heading_label, muted_label, set_heading
from workbook.gui.widgets.row_table import RowTableWidget
from workbook.model import PROVENANCE_FIELDS, ROW_TYPES
from workbook.paths import ROW_NOUNS, FieldPath
from workbook.suggestions import link_label


class RowDetailForm(QWidget):
    """Editors for one row of a list, side by side: short answers on the left, long ones on
    the right. Follows the row the table's cursor is on (``set_row``)."""

    def __init__(
        self,
        document: PlanDocument,
        list_path: FieldPath,
        short_fields: Sequence[str],
        long_fields: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.list_path = tuple(list_path)
        self.row_id: str | None = None
        self.noun = ROW_NOUNS.get(self.list_path[-1], "row")
        self.blocks: dict[str, FieldBlock] = {}

        self.title = heading_label(f"Selected {self.noun}", 3, self)
        # "from 7 notes about allergies": what was heard behind an entry drawn from a theme.
        row_type = ROW_TYPES.get(self.list_path)  # type: ignore[call-overload]
        self.has_link = row_type is not None and bool(
            PROVENANCE_FIELDS & set(row_type.model_fields)
        )
        self.link_label = muted_label("", self)
        self.link_label.setObjectName("row_link")
        self.link_label.hide()
        form = QWidget(self)
        grid = QGridLayout(form)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(10)
        left = QVBoxLayout()
        right = QVBoxLayout()
        left.setSpacing(12)
        right.setSpacing(12)
        for names, column, multiline in ((short_fields, left, False), (long_fields, right, True)):
            for name in names:
                block = FieldBlock(document, (*self.list_path, name), multiline, form)
                block.editor.binding.set_path(None)  # type: ignore[attr-defined]
                self.blocks[name] = block
                column.addWidget(block)
            column.addStretch(1)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)

        self.empty_label = muted_label(
            f"Select a {self.noun} in the table to see and edit it here in full.", self
        )
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._stack = QStackedLayout()
        self._stack.addWidget(self.empty_label)
        self._stack.addWidget(form)
        self._form = form

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.link_label)
        layout.addLayout(self._stack, 1)
        document.value_changed.connect(self._on_value_changed)
        document.rows_inserted.connect(self._on_rows_changed)
        document.rows_removed.connect(self._on_rows_changed)
        document.row_moved.connect(self._on_rows_changed)
        document.plan_replaced.connect(self._on_plan_replaced)
        self.set_row(None)

    def set_row(self, row_id: str | None) -> None:
        """Show the row with ``row_id`` (None: nothing selected)."""
        self.row_id = row_id
        for name, block in self.blocks.items():
            path = None if row_id is None else (*self.list_path, row_id, name)
            block.editor.binding.set_path(path)  # type: ignore[attr-defined]
        self._stack.setCurrentWidget(self._form if row_id is not None else self.empty_label)
        self._update_title()
        self._update_link()

    def _update_link(self) -> None:
        text = ""
        if self.has_link and self.row_id is not None:
            try:
                row = self.document.value((*self.list_path, self.row_id))
            except KeyError:
                row = None
            link = getattr(row, "from_listening", None)
            text = link_label(link)
            text = text[:1].upper() + text[1:]  # "From 7 notes about allergies"
        self.link_label.setText(text)
        self.link_label.setVisible(bool(text))

    def _on_value_changed(self, path: tuple) -> None:
        if (
            self.row_id is not None
            and len(path) == len(self.list_path) + 2
            and path[-1] in PROVENANCE_FIELDS
            and path[: len(self.list_path) + 1] == (*self.list_path, self.row_id)
        ):
            self._update_link()

    def _update_title(self) -> None:
        text = f"Selected {self.noun}"
        if self.row_id is not None:
            try:
                position = self.document.row_index(self.list_path, self.row_id)
            except KeyError:
                position = -1
            if position >= 0:
                text = f"{self.noun.capitalize()} {position + 1}"
        set_heading(self.title, text, 3)

    def _on_rows_changed(self, list_path: tuple, *_args: int) -> None:
        if list_path == self.list_path:
            self._update_title()

    def _on_plan_replaced(self) -> None:
        # The table may already have picked a row of the new plan; forget only a lost row.
        if self.row_id is not None:
            try:
                self.document.row_index(self.list_path, self.row_id)
            except KeyError:
                self.set_row(None)


class TableWithDetail(QSplitter):
    """A table above and the selected row in full below; the first row is selected when the
    pair is first shown, so the form is never an empty box."""

    TABLE_SHARE = 0.5

    def __init__(
        self, table: RowTableWidget, detail: RowDetailForm, parent: QWidget | None = None
    ) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.table = table
        self.detail = detail
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(detail)
        self.addWidget(table)
        self.addWidget(scroll)
        self.setChildrenCollapsible(False)
        self._sized = False
        table.view.model().modelReset.connect(self._select_first_if_shown)

    def _select_first_if_shown(self) -> None:
        if self.isVisible() and not self.table.view.currentIndex().isValid():
            self.table.select_first()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._sized and self.height() > 0:
            self._sized = True
            top = int(self.height() * self.TABLE_SHARE)
            self.setSizes([top, self.height() - top])
        if not self.table.view.currentIndex().isValid():
            self.table.select_first()
