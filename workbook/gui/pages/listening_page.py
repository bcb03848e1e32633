"""Stage 2: Listening & Learning — the listening plan, the notes log, and what was learnt."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from workbook.gui.pages.base import PageId, StagePage
from workbook.gui.pages.listening_learnings import LearningsSummary
from workbook.gui.pages.listening_notes import NotesPanel
from workbook.gui.pages.notes_summary import NotesSummary
from workbook.gui.pages.theme_suggestions import ThemeSuggestionsPanel
from workbook.gui.widgets.columns import columns_for
from workbook.gui.widgets.layout import ReadableColumn
from workbook.paths import FieldPath
from workbook.stages import Stage

PLACES: FieldPath = ("listening", "places")
LEARNINGS: FieldPath = ("listening", "learnings")
LEARNING_FIELDS = ("market_wants", "want_us_to_say", "unlearn", "reputation", "give_results")


class ListeningPage(StagePage):
    page_id = PageId.LISTENING
    title = Stage.LISTENING.long_title
    stage = Stage.LISTENING

    def build(self) -> None:
        self.summary = NotesSummary(self.document, self)
        self.notes_panel = NotesPanel(self.document, self.table, self.summary)
        self.tab_widget = self.tabs(
            [
                ("Listening plan", self._plan()),
                ("Notes", self._notes()),
                ("Learnings", self._learnings()),
            ]
        )
        self.page_layout.addWidget(self.tab_widget, 1)

    def _plan(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(6, 6, 6, 6)
        intent = ReadableColumn(box)
        intent.column.addWidget(self.field(("listening", "intent"), True, intent))
        layout.addWidget(intent)
        columns = columns_for(PLACES, widths={"where": 26, "listen_for": 34, "frequency": 18})
        table = self.table(PLACES, columns, edit_column="where")
        layout.addWidget(self.section_header("Where we listen", "listening.places"))
        layout.addWidget(table, 1)
        return box

    def _notes(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.section_header("Listening notes", "listening.notes"))
        layout.addWidget(self.notes_panel, 1)
        return box

    def _learnings(self) -> QWidget:
        self.learnings_summary = LearningsSummary(self.summary)
        self.learnings_summary.theme_activated.connect(self.show_theme)
        self.theme_suggestions = ThemeSuggestionsPanel(self.document, self.summary)
        self.theme_suggestions.navigate_requested.connect(self.navigate_requested)
        items: list = [
            self.section_header(
                "What the notes add up to",
                intro=(
                    "Counted from your notes as you add them. Themes come from the notes' "
                    "themes column; a theme heard often is worth a decision."
                ),
            ),
            self.learnings_summary,
            self.section_header(
                "Carry what you heard into the plan",
                intro=(
                    "Each top theme offers drafts made from its notes: what people want, and "
                    "how you could serve it. Add one, then make it your own; it remembers the "
                    "notes it came from."
                ),
            ),
            self.theme_suggestions,
            self.section_header("Learnings", "listening.learnings"),
        ]
        items.extend(((*LEARNINGS, name), True) for name in LEARNING_FIELDS)
        return self.form(items)

    def show_theme(self, theme: str) -> None:
        """Switch to the notes about ``theme``."""
        self.notes_panel.show_theme(theme)
        self.tab_widget.setCurrentIndex(1)
        self.notes_panel.table.view.setFocus()
