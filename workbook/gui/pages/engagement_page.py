"""Stage 4: Engagement — readiness, the response playbook, activities (with what each costs
and the A it should move), the four A's, relationship quality and cost, and the review loop.
The top listening themes offer drafts on the playbook, activities and measures tabs."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from workbook.gui.pages.base import PageId, StagePage
from workbook.gui.pages.cost_panel import CostSummary
from workbook.gui.pages.notes_summary import NotesSummary
from workbook.gui.pages.readiness_panel import ReadinessPanel
from workbook.gui.pages.theme_suggestions import ThemeStrip
from workbook.gui.widgets.columns import columns_for
from workbook.gui.widgets.guide_text import four_a_guide, situation_guide
from workbook.gui.widgets.layout import heading_label, muted_label
from workbook.gui.widgets.row_detail import RowDetailForm, TableWithDetail
from workbook.model import FourA, PlaybookEntry
from workbook.paths import FieldPath
from workbook.stages import Stage
from workbook.suggestions import SuggestionKind

PLAYBOOK: FieldPath = ("engagement", "playbook")
ACTIVITIES: FieldPath = ("engagement", "activities")
MEASURES: FieldPath = ("engagement", "measures")


class EngagementPage(StagePage):
    page_id = PageId.ENGAGEMENT
    title = Stage.ENGAGEMENT.long_title
    stage = Stage.ENGAGEMENT

    def build(self) -> None:
        self.summary = NotesSummary(self.document, self)
        self.strips: dict[SuggestionKind, ThemeStrip] = {}
        self.readiness = ReadinessPanel(self.document, self)
        self.readiness.navigate_requested.connect(self.navigate_requested)
        self.page_layout.addWidget(self.readiness)
        self.tab_widget = self.tabs(
            [
                ("Response playbook", self._playbook()),
                ("Activities", self._activities()),
                ("The four A's", self._measures()),
                ("Quality & cost", self._quality()),
                ("Review loop", self._review()),
            ]
        )
        self.page_layout.addWidget(self.tab_widget, 1)

    def _playbook(self) -> QWidget:
        columns = columns_for(
            PLAYBOOK,
            long_text=("response", "example_reply"),
            widths={
                "situation": 16,
                "response": 36,
                "responder": 16,
                "response_time": 16,
                "tone": 16,
            },
        )
        table = self.table(PLAYBOOK, columns, edit_column="response")
        self.playbook_detail = RowDetailForm(
            self.document,
            PLAYBOOK,
            ("situation", "responder", "response_time", "tone"),
            ("response", "example_reply"),
        )
        self.situation_advice = muted_label("", self.playbook_detail)
        self.situation_advice.setObjectName("situation_advice")
        self.playbook_detail.layout().insertWidget(1, self.situation_advice)
        table.current_row_changed.connect(self._show_playbook_row)
        self.document.value_changed.connect(self._on_value_changed)
        splitter = TableWithDetail(table, self.playbook_detail)
        return self.table_section(
            "Response playbook",
            splitter,
            "engagement.playbook",
            self._strip(SuggestionKind.PLAYBOOK),
        )

    def _strip(self, kind: SuggestionKind) -> ThemeStrip:
        strip = ThemeStrip(self.document, self.summary, kind)
        strip.inserted.connect(self.focus_path)
        self.strips[kind] = strip
        return strip

    def _show_playbook_row(self, row_id: str | None) -> None:
        self.playbook_detail.set_row(row_id)
        self._update_advice()

    def _update_advice(self) -> None:
        row_id = self.playbook_detail.row_id
        entry = None
        if row_id is not None:
            try:
                entry = self.document.value((*PLAYBOOK, row_id))
            except KeyError:
                entry = None
        advice = situation_guide(entry.situation) if isinstance(entry, PlaybookEntry) else ""
        self.situation_advice.setVisible(bool(advice))
        if advice and isinstance(entry, PlaybookEntry):
            self.situation_advice.setText(f"{entry.situation.label}: {advice}")

    def _on_value_changed(self, path: tuple) -> None:
        if path[:2] == PLAYBOOK and path[-1] == "situation":
            self._update_advice()

    def _activities(self) -> QWidget:
        columns = columns_for(
            ACTIVITIES,
            long_text=("activity", "value_offered"),
            widths={
                "activity": 30,
                "value_offered": 28,
                "cadence": 16,
                "owner": 12,
                "hours_per_month": 9,
                "money_per_month": 9,
                "moves": 11,
                "answers": 18,
            },
        )
        table = self.table(ACTIVITIES, columns, edit_column="activity")
        self.activity_detail = RowDetailForm(
            self.document,
            ACTIVITIES,
            (
                "channel",
                "audience",
                "cadence",
                "owner",
                "start_date",
                "hours_per_month",
                "money_per_month",
                "moves",
                "answers",
            ),
            ("activity", "value_offered"),
        )
        table.current_row_changed.connect(self.activity_detail.set_row)
        splitter = TableWithDetail(table, self.activity_detail)
        return self.table_section(
            "Engagement activities",
            splitter,
            "engagement.activities",
            self._strip(SuggestionKind.ACTIVITY),
        )

    def _measures(self) -> QWidget:
        columns = columns_for(
            MEASURES,
            widths={"dimension": 13, "indicator": 30, "baseline": 16, "target": 18, "method": 26},
        )
        table = self.table(MEASURES, columns, edit_column="indicator")
        self.measure_detail = RowDetailForm(
            self.document,
            MEASURES,
            ("dimension", "baseline", "target", "review_cadence"),
            ("indicator", "method"),
        )
        table.current_row_changed.connect(self.measure_detail.set_row)
        splitter = TableWithDetail(table, self.measure_detail)
        guides = QWidget()
        grid = QGridLayout(guides)
        grid.setContentsMargins(0, 6, 0, 0)
        grid.setHorizontalSpacing(18)
        for position, a in enumerate(FourA):
            cell = QWidget(guides)
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(heading_label(a.label, 3, cell))
            column.addWidget(muted_label(four_a_guide(a), cell))
            column.addStretch(1)
            grid.addWidget(cell, position // 2, position % 2)
        below = QWidget()
        column = QVBoxLayout(below)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self._strip(SuggestionKind.MEASURE))
        column.addWidget(guides)
        return self.table_section(
            "Relationship measures: the four A's", splitter, "engagement.measures", below
        )

    def _quality(self) -> QWidget:
        self.cost_summary = CostSummary(self.document)
        self.cost_summary.navigate_requested.connect(self.focus_path)
        return self.form(
            [
                self.section_header("Relationship quality", "engagement.quality"),
                (("engagement", "quality", "trust"), True),
                (("engagement", "quality", "sincerity"), True),
                (("engagement", "quality", "common_values"), True),
                self.section_header("Cost of building relationships", "engagement.cost"),
                self.cost_summary,
                (("engagement", "cost", "best_value"), True),
                (("engagement", "cost", "time"), True),
                (("engagement", "cost", "money"), True),
            ]
        )

    def _review(self) -> QWidget:
        return self.form(
            [
                self.section_header("Review loop", "engagement.review"),
                (("engagement", "review", "cadence"), False),
                (("engagement", "review", "next_review"), False),
                (("engagement", "review", "feedback"), True),
            ]
        )
