"""Stage 4: Engagement — readiness, the response playbook, activities (with what each costs
and the A it should move), the four A's, relationship quality and cost, and the review loop.
The top listening themes offer drafts on the playbook, activities and measures tabs."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from workbook.gui.pages.base import PageId, StagePage
from workbook.gui.pages.cost_panel import CostSummary, SpendingAgainstPlan
from workbook.gui.pages.measures_tab import MeasuresTab, MeasureStatusProxy
from workbook.gui.pages.notes_summary import NotesSummary
from workbook.gui.pages.readiness_panel import ReadinessPanel
from workbook.gui.pages.theme_suggestions import ThemeStrip
from workbook.gui.widgets.columns import columns_for
from workbook.gui.widgets.guide_text import four_a_guide, situation_guide
from workbook.gui.widgets.layout import heading_label, muted_label
from workbook.gui.widgets.row_detail import RowDetailForm, TableWithDetail
from workbook.gui.widgets.row_table import RowTableWidget
from workbook.model import AgreedAction, FourA, PlaybookEntry
from workbook.paths import FieldPath
from workbook.stages import Stage
from workbook.suggestions import SuggestionKind

PLAYBOOK: FieldPath = ("engagement", "playbook")
ACTIVITIES: FieldPath = ("engagement", "activities")
MEASURES: FieldPath = ("engagement", "measures")
SPENDING: FieldPath = ("engagement", "spending")
ACTIONS: FieldPath = ("engagement", "actions")
TABLE_SHARE = 0.62
"""The share of a tab's height its table gets over the selected row's form."""


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
                ("Agreed actions", self._actions()),
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
        splitter = self._table_with_detail(table, self.playbook_detail)
        return self.table_section(
            "Response playbook",
            splitter,
            "engagement.playbook",
            self._strip(SuggestionKind.PLAYBOOK),
        )

    def _table_with_detail(self, table: RowTableWidget, detail: RowDetailForm) -> QWidget:
        """The table over its row's form, the table with more of the height: at 1280x720
        the page's header and the readiness banner leave the tabs little, and the form
        scrolls where the table would not. The keys are in the buttons' tips instead of a
        line of their own, for the same reason."""
        table.hint_label.hide()
        splitter = TableWithDetail(table, detail)
        splitter.TABLE_SHARE = TABLE_SHARE
        return splitter

    def _strip(self, kind: SuggestionKind) -> ThemeStrip:
        strip = ThemeStrip(self.document, self.summary, kind)
        # A lead that wraps: in one line the strip alone made the page wider than a
        # 1280-pixel screen leaves it, and the whole page scrolled sideways.
        strip.lead.setWordWrap(True)
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
        splitter = self._table_with_detail(table, self.activity_detail)
        return self.table_section(
            "Engagement activities",
            splitter,
            "engagement.activities",
            self._strip(SuggestionKind.ACTIVITY),
        )

    def _measures(self) -> QWidget:
        columns = columns_for(
            MEASURES,
            widths={
                "dimension": 14,
                "indicator": 30,
                "unit": 14,
                "direction": 15,
                "baseline": 16,
                "baseline_value": 9,
                "baseline_on": 12,
                "target": 18,
                "target_value": 9,
                "target_on": 12,
                "method": 26,
            },
        )
        self.measure_status = MeasureStatusProxy(self.document)
        table = self.table(MEASURES, columns, edit_column="indicator", proxy=self.measure_status)
        self.measure_detail = RowDetailForm(
            self.document,
            MEASURES,
            (
                "dimension",
                "unit",
                "direction",
                "baseline_value",
                "baseline_on",
                "target_value",
                "target_on",
                "review_cadence",
            ),
            ("indicator", "baseline", "target", "method"),
        )
        table.current_row_changed.connect(self.measure_detail.set_row)
        # What each A means sits under the selected measure, in the form's scroll area,
        # rather than under the table where it took the table's height.
        self.measure_detail.layout().addWidget(self._four_a_guides())
        splitter = self._table_with_detail(table, self.measure_detail)
        measures = self.table_section(
            "Relationship measures: the four A's", splitter, "engagement.measures"
        )
        self.four_as = MeasuresTab(self, measures, self._strip(SuggestionKind.MEASURE))
        return self.four_as

    def _four_a_guides(self) -> QWidget:
        guides = QWidget()
        guides.setObjectName("four_a_guides")
        grid = QGridLayout(guides)
        grid.setContentsMargins(0, 12, 0, 0)
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
        return guides

    def _quality(self) -> QWidget:
        self.cost_summary = CostSummary(self.document)
        self.cost_summary.navigate_requested.connect(self.focus_path)
        self.spending_report = SpendingAgainstPlan(self.document)
        self.spending_report.navigate_requested.connect(self.focus_path)
        spending = self.table(
            SPENDING,
            columns_for(
                SPENDING,
                long_text=("note",),
                widths={"period_start": 13, "period_end": 13, "hours": 11, "money": 11},
            ),
            edit_column="hours",
        )
        spending.hint_label.hide()  # the same keys as every table; its buttons' tips say them
        # Inside the scrolling form the table is as tall as five rows, never squeezed.
        view = spending.view
        rows = 5
        spending.view.setMinimumHeight(
            view.horizontalHeader().sizeHint().height()
            + rows * view.verticalHeader().defaultSectionSize()
            + 2 * view.frameWidth()
        )
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
                self.section_header("Spent so far", "engagement.spending"),
                spending,
                self.spending_report,
            ]
        )

    def _actions(self) -> QWidget:
        columns = columns_for(ACTIONS, long_text=("what",), widths={"what": 60, "who": 18})
        table = self.table(ACTIONS, columns, edit_column="what", row_factory=lambda: AgreedAction())
        return self.table_section(
            "Agreed actions",
            table,
            "engagement.actions",
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
