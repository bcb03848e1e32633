"""The listening notes log: a sortable, filterable table with the selected note in full below."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbook.gui.document import PlanDocument
from workbook.gui.pages.notes_summary import NOTES, NotesSummary
from workbook.gui.shortcuts import AppLineEdit
from workbook.gui.widgets import clock
from workbook.gui.widgets.columns import columns_for
from workbook.gui.widgets.fields import StillComboBox
from workbook.gui.widgets.notes_filter import ANY, NotesFilterProxy
from workbook.gui.widgets.row_detail import RowDetailForm, TableWithDetail
from workbook.gui.widgets.row_table import RowTableWidget
from workbook.model import ListeningNote, Sentiment

FILTER_DELAY_MS = 150
"""Typing in the search box filters once the typing pauses, not on every key."""

NOT_JUDGED = "not_judged"
SEARCH_KEY = "Ctrl+F"
"""Jumps to the search box from anywhere (the window's action)."""


def new_note() -> ListeningNote:
    """A blank note dated today."""
    return ListeningNote(noted_on=clock.today())


class NotesPanel(QWidget):
    """Filter bar, notes table and the selected note's detail form."""

    def __init__(
        self,
        document: PlanDocument,
        table_factory,
        summary: NotesSummary,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.summary = summary
        self.proxy = NotesFilterProxy(self)
        columns = columns_for(
            NOTES,
            long_text=("said", "wants", "opportunity", "follow_up"),
            widths={
                "noted_on": 12,
                "source": 16,
                "who": 14,
                "said": 38,
                "tags": 18,
                "sentiment": 10,
                "wants": 24,
                "opportunity": 24,
            },
        )
        self.table: RowTableWidget = table_factory(
            NOTES, columns, proxy=self.proxy, row_factory=new_note, edit_column="said"
        )
        view = self.table.view
        header = view.horizontalHeader()
        header.setSortIndicatorClearable(True)  # a third click puts the log back in order
        # No indicator before sorting is switched on, or Qt sorts by the first column now.
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        view.setSortingEnabled(True)

        self.search = AppLineEdit(self)  # Ctrl+E and the window's keys work from it
        self.search.setObjectName("notes_search")
        self.search.setPlaceholderText(f"Search the notes… ({SEARCH_KEY})")
        self.search.setAccessibleName("Search the notes")
        self.search.setClearButtonEnabled(True)
        self.theme_filter = StillComboBox(self)
        self.theme_filter.setObjectName("notes_theme_filter")
        self.theme_filter.setAccessibleName("Show notes with this theme")
        self.theme_filter.addItem("All themes", None)
        self.sentiment_filter = StillComboBox(self)
        self.sentiment_filter.setObjectName("notes_sentiment_filter")
        self.sentiment_filter.setAccessibleName("Show notes with this sentiment")
        self.sentiment_filter.addItem("Any sentiment", ANY)
        for sentiment in Sentiment:
            self.sentiment_filter.addItem(sentiment.label, sentiment)
        self.sentiment_filter.addItem("Not judged yet", NOT_JUDGED)
        for combo in (self.theme_filter, self.sentiment_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.clear_button = QPushButton("Show &all", self)
        self.clear_button.setToolTip("Clear the search and the filters (Alt+A)")
        # Ctrl+F is the window's "Search the notes", from anywhere (page_commands).
        self.count_label = QLabel(self)
        self.count_label.setObjectName("notes_count")

        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.theme_filter, 1)
        bar.addWidget(self.sentiment_filter, 0)
        bar.addWidget(self.clear_button)
        bar.addWidget(self.count_label)

        self.detail = RowDetailForm(
            document,
            NOTES,
            ("noted_on", "source", "who", "sentiment", "tags"),
            ("said", "wants", "opportunity", "follow_up"),
        )
        splitter = TableWithDetail(self.table, self.detail, self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_text_filter)
        self.search.textChanged.connect(self._filter_timer.start)
        self.theme_filter.currentIndexChanged.connect(self._apply_theme_filter)
        self.sentiment_filter.currentIndexChanged.connect(self._apply_sentiment_filter)
        self.clear_button.clicked.connect(self.clear_filters)
        self.table.current_row_changed.connect(self._on_current_row_changed)
        # The notes themselves too: a removal the filter hides from the proxy still
        # changes the total (the count was one off after deleting three notes).
        for signal in (
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.modelReset,
            self.proxy.layoutChanged,
            self.table.model.rowsInserted,
            self.table.model.rowsRemoved,
            self.table.model.modelReset,
        ):
            signal.connect(self._update_count)
        summary.changed.connect(self._update_themes)
        self._update_themes()
        self._update_count()

    # ------------------------------------------------------------ filters

    def apply_text_filter(self) -> None:
        self._filter_timer.stop()
        self.proxy.set_text(self.search.text())
        self._update_count()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _apply_theme_filter(self, _index: int) -> None:
        self.proxy.set_tag(self.theme_filter.currentData())
        self._update_count()

    def _apply_sentiment_filter(self, _index: int) -> None:
        value = self.sentiment_filter.currentData()
        self.proxy.set_sentiment(None if value == NOT_JUDGED else value)
        self._update_count()

    def show_theme(self, theme: str) -> None:
        """Show only the notes about ``theme`` (from the learnings' themes table)."""
        self._update_themes()
        index = self.theme_filter.findData(theme)
        if index < 0:
            self.theme_filter.addItem(theme, theme)
            index = self.theme_filter.count() - 1
        self.theme_filter.setCurrentIndex(index)

    def clear_filters(self) -> None:
        self.search.clear()
        self.apply_text_filter()
        self.theme_filter.setCurrentIndex(0)
        self.sentiment_filter.setCurrentIndex(0)
        self.proxy.clear_filters()
        self._update_count()

    def _update_themes(self) -> None:
        current = self.theme_filter.currentData()
        self.theme_filter.blockSignals(True)
        try:
            self.theme_filter.clear()
            self.theme_filter.addItem("All themes", None)
            for theme in self.summary.themes:
                self.theme_filter.addItem(f"{theme.name} ({theme.count})", theme.name)
            index = self.theme_filter.findData(current) if current is not None else 0
            if index < 0:  # the theme is gone from the notes; keep filtering by it
                self.theme_filter.addItem(f"{current} (0)", current)
                index = self.theme_filter.count() - 1
            self.theme_filter.setCurrentIndex(index)
        finally:
            self.theme_filter.blockSignals(False)

    def _update_count(self, *_args: object) -> None:
        shown, total = self.proxy.rowCount(), self.table.model.rowCount()
        noun = "note" if total == 1 else "notes"
        if self.proxy.is_filtered():
            self.count_label.setText(f"Showing {shown} of {total} {noun}")
        else:
            self.count_label.setText(f"{total} {noun}")

    def _on_current_row_changed(self, row_id: str | None) -> None:
        # The note being worked on stays in view even when an edit stops it matching.
        if row_id is not None:
            self.proxy.pin(row_id)
        self.detail.set_row(row_id)
