"""Stage 3: Thinking & Planning — the intent, the assessment, and the 7 P's."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from workbook.gui.pages.base import PageId, StagePage
from workbook.gui.pages.seven_ps_panel import SevenPsPanel
from workbook.paths import FieldPath
from workbook.stages import Stage

ASSESSMENT: FieldPath = ("planning", "assessment")


class PlanningPage(StagePage):
    page_id = PageId.PLANNING
    title = Stage.PLANNING.long_title
    stage = Stage.PLANNING

    def build(self) -> None:
        self.seven_ps = SevenPsPanel(self.document)
        self.seven_ps.strip.inserted.connect(self.focus_path)
        self.tab_widget = self.tabs(
            [
                ("Intent & assessment", self._intent()),
                ("The 7 P's", self.seven_ps),
            ]
        )
        self.page_layout.addWidget(self.tab_widget, 1)

    def _intent(self) -> QWidget:
        return self.form(
            [
                self.section_header(
                    "Intent",
                    intro=(
                        "Start from the value you mean to give. Everything you decide "
                        "with the 7 P's should serve it."
                    ),
                ),
                (("planning", "intent"), True),
                self.section_header("Assessment", "planning.assessment"),
                ((*ASSESSMENT, "attributes"), True),
                ((*ASSESSMENT, "offering_value"), True),
                ((*ASSESSMENT, "market_relations"), True),
            ]
        )
