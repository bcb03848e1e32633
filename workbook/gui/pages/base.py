"""The base of every wizard page: page ids, the page header, form and table builders, and
``focus_path`` (find the editor of a field path, bring it into view and focus it)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbook.gui.document import PlanDocument
from workbook.gui.lint_runner import LintRunner
from workbook.gui.pages.page_id import PageId
from workbook.gui.widgets.columns import Column
from workbook.gui.widgets.fields import FieldBinding
from workbook.gui.widgets.guide import FieldBlock
from workbook.gui.widgets.guide_text import object_name, section_intro, stage_intro
from workbook.gui.widgets.layout import (
    ReadableColumn,
    heading_label,
    muted_label,
    scroll_page,
    text_label,
)
from workbook.gui.widgets.marks import LintMark
from workbook.gui.widgets.row_model import RowTableModel
from workbook.gui.widgets.row_table import RowTableWidget
from workbook.model import ROW_TYPES
from workbook.paths import FieldPath
from workbook.stages import Stage


def reveal(widget: QWidget) -> None:
    """Switch every tab and stacked panel on the way to ``widget`` so that it is shown,
    then scroll it into view."""
    child: QWidget = widget
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QStackedWidget):
            owner = parent.parentWidget()
            if isinstance(owner, QTabWidget):
                owner.setCurrentWidget(child)
            else:
                parent.setCurrentWidget(child)
        child, parent = parent, parent.parentWidget()
    # Freshly shown tabs lay themselves out on the next event round; do it now.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    target: QWidget = widget
    ancestor = widget.parentWidget()
    while ancestor is not None:
        if isinstance(ancestor, FieldBlock):
            target = ancestor  # show the prompt and help, not just the editor
        if isinstance(ancestor, QScrollArea):
            ancestor.ensureWidgetVisible(target, 20, 40)
        ancestor = ancestor.parentWidget()


class StagePage(QWidget):
    """One page of the wizard. Subclasses set the class attributes and build their content
    in :meth:`build`; everything they show reads from and writes to the document."""

    page_id: PageId
    title: str
    stage: Stage | None = None

    navigate_requested = Signal(tuple)
    """A field path the user wants to go to (checklist item, readiness link)."""
    export_requested = Signal()
    """The user asked to export the plan as a PDF."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.tables: dict[FieldPath, RowTableWidget] = {}
        self.list_marks: dict[FieldPath, LintMark] = {}
        """Marks beside a list's heading: the plan check's findings about the whole list."""
        self.setObjectName(f"page.{self.page_id.name.lower()}")
        self.setAccessibleName(self.title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 10)
        layout.setSpacing(8)
        self.page_layout = layout
        header = ReadableColumn(self)
        header.column.setSpacing(4)
        header.column.addWidget(heading_label(self.title, 1, header))
        intro = stage_intro(self.stage) if self.stage is not None else ""
        if intro:
            intro_label = text_label(intro, header)
            intro_label.setObjectName("stage_intro")
            header.column.addWidget(intro_label)
        layout.addWidget(header)
        self.header = header
        self.build()
        if self.list_marks:
            self.runner = LintRunner.of(document)
            self.runner.findings_changed.connect(self._show_list_findings)
            self._show_list_findings()

    def _show_list_findings(self) -> None:
        for list_path, mark in self.list_marks.items():
            mark.show_findings(self.runner.at(list_path))

    # ------------------------------------------------------------ for subclasses

    def build(self) -> None:
        raise NotImplementedError

    def field(
        self, path: FieldPath, multiline: bool = False, parent: QWidget | None = None
    ) -> FieldBlock:
        return FieldBlock(self.document, path, multiline, parent)

    def form(self, items: Iterable[QWidget | tuple[FieldPath, bool]]) -> QScrollArea:
        """A scrolling column of fields: each item is a widget or (path, multiline)."""
        column = ReadableColumn()
        column.column.setSpacing(14)
        column.column.setContentsMargins(6, 6, 6, 12)
        for item in items:
            if isinstance(item, QWidget):
                item.setParent(column)
                column.column.addWidget(item)
            else:
                path, multiline = item
                column.column.addWidget(self.field(path, multiline, column))
        column.column.addStretch(1)
        return scroll_page(column)

    def section_header(
        self, title: str, intro_key: str | None = None, intro: str | None = None
    ) -> QWidget:
        """A heading with the section's introduction under it."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(heading_label(title, 2, box))
        text = intro if intro is not None else (section_intro(intro_key) if intro_key else "")
        if text:
            layout.addWidget(muted_label(text, box))
        return box

    def table(
        self, list_path: FieldPath, columns: list[Column], **options: object
    ) -> RowTableWidget:
        widget = RowTableWidget(self.document, list_path, columns, **options)  # type: ignore[arg-type]
        self.tables[tuple(list_path)] = widget
        return widget

    def table_section(
        self, title: str, table: QWidget, intro_key: str, below: QWidget | None = None
    ) -> QWidget:
        """A tab holding a section heading and a table (filling the height). What the plan
        check finds about the list as a whole is marked beside the heading."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(6, 6, 6, 6)
        header = QHBoxLayout()
        header.addWidget(self.section_header(title, intro_key), 1)
        list_path = getattr(table, "list_path", None) or getattr(
            getattr(table, "table", None), "list_path", None
        )
        if list_path is not None:
            mark = LintMark(box)
            mark.setObjectName(f"lint_mark.{'.'.join(list_path)}")
            self.list_marks[tuple(list_path)] = mark
            header.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(header)
        layout.addWidget(table, 1)
        if below is not None:
            layout.addWidget(below)
        return box

    def tabs(self, pages: Iterable[tuple[str, QWidget]]) -> QTabWidget:
        tabs = QTabWidget(self)
        tabs.setDocumentMode(True)
        for title, page in pages:
            tabs.addTab(page, title.replace("&", "&&"))  # a lone & would mark a mnemonic
        return tabs

    # ------------------------------------------------------------ the interface

    def reload(self) -> None:
        """Re-read everything from ``document.plan``."""
        for binding in self.findChildren(FieldBinding):
            binding.refresh()
        for model in self.findChildren(RowTableModel):
            model.reload()

    def focus_path(self, path: tuple) -> bool:
        """Bring the editor of ``path`` (a field, a list, a row or a cell) into view and
        give it the keyboard focus; False when this page has no editor for it."""
        path = tuple(path)
        table = self.tables.get(path[:2]) if path[:2] in ROW_TYPES else None
        if table is not None:
            return self._focus_table(table, path[2:])
        widget = self.findChild(QWidget, object_name(path))
        if widget is None:
            return False
        reveal(widget)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _focus_table(self, table: RowTableWidget, rest: tuple) -> bool:
        reveal(table)
        if rest:
            row_id, column = rest[0], (rest[1] if len(rest) > 1 else None)
            if not table.select_row(row_id, column):
                clear: Callable[[], None] | None = getattr(table.proxy, "clear_filters", None)
                if clear is None:
                    return False
                clear()
                if not table.select_row(row_id, column):
                    return False
        elif not table.view.currentIndex().isValid():
            table.select_first()
        table.view.setFocus(Qt.FocusReason.OtherFocusReason)
        return True
