"""Stage 0: the plan details (who the plan is for, what the organisation offers, the cover)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QWidget

from workbook.gui.pages.base import PageId, StagePage
from workbook.gui.widgets.guide import FieldBlock
from workbook.paths import FieldPath
from workbook.stages import Stage

_BASE: FieldPath = ("details",)


class DetailsPage(StagePage):
    page_id = PageId.DETAILS
    title = Stage.DETAILS.long_title
    stage = Stage.DETAILS

    def build(self) -> None:
        def path(name: str) -> FieldPath:
            return (*_BASE, name)

        items: list = [
            self.field(path("title")),
            self.section_header(
                "The organisation",
                intro=(
                    "Who the plan is for and what they do. These answers frame everything that "
                    "follows."
                ),
            ),
            self.field(path("organisation")),
            self._pair(path("industry"), path("location")),
            self.field(path("website")),
            self.field(path("offering"), multiline=True),
            self.field(path("audience"), multiline=True),
            self.section_header(
                "This document",
                intro=("What the cover of the strategy document says about this version."),
            ),
            self._pair(path("prepared_for"), path("prepared_by")),
            self.field(path("plan_date")),
            self.field(path("revision_note"), multiline=True),
        ]
        self.page_layout.addWidget(self.form(items), 1)

    def _pair(self, left: FieldPath, right: FieldPath) -> QWidget:
        """Two short questions side by side."""
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(18)
        for path in (left, right):
            block = FieldBlock(self.document, path, parent=box)
            row.addWidget(block, 1)
        return box
