"""Themes and sentiment counted from the listening notes, recounted shortly after they change."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from workbook.gui.document import PlanDocument
from workbook.insights import Theme, sentiment_counts, theme_counts
from workbook.model import Sentiment

NOTES = ("listening", "notes")
RECOUNT_DELAY_MS = 200
"""Wait this long after the last change: typing in a note must not recount on every key."""


class NotesSummary(QObject):
    """The notes' themes and sentiment mix, shared by the notes filter and the learnings."""

    changed = Signal()

    def __init__(self, document: PlanDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.themes: list[Theme] = []
        self.sentiments: dict[Sentiment | None, int] = {}
        self.note_count = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RECOUNT_DELAY_MS)
        self._timer.timeout.connect(self.recount)
        document.value_changed.connect(self._on_value_changed)
        document.rows_inserted.connect(self._on_rows_changed)
        document.rows_removed.connect(self._on_rows_changed)
        document.plan_replaced.connect(self.schedule)
        self.recount()

    def schedule(self) -> None:
        self._timer.start()

    def recount(self) -> None:
        self._timer.stop()
        notes = self.document.rows(NOTES)
        self.themes = theme_counts(notes)  # type: ignore[arg-type]
        self.sentiments = sentiment_counts(notes)  # type: ignore[arg-type]
        self.note_count = len(notes)
        self.changed.emit()

    def _on_value_changed(self, path: tuple) -> None:
        if path[:2] == NOTES and (len(path) < 4 or path[3] in ("tags", "sentiment")):
            self.schedule()

    def _on_rows_changed(self, list_path: tuple, *_args: int) -> None:
        if list_path == NOTES:
            self.schedule()
