"""Sorting and filtering the listening notes: by words, by theme and by sentiment."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from workbook.gui.widgets.row_model import SORT_ROLE, RowTableModel
from workbook.insights import normalise_tag
from workbook.model import ListeningNote, Sentiment

ANY: Final = "any"
"""Sentiment filter value that lets every note through (``None`` means "not judged yet")."""

_SEARCHED_FIELDS = ("source", "who", "said", "wants", "opportunity", "follow_up")


def note_haystack(note: ListeningNote) -> str:
    """Everything a text search looks through, case-folded."""
    parts = [getattr(note, name) for name in _SEARCHED_FIELDS]
    parts.extend(note.tags)
    return "\n".join(parts).casefold()


class NotesFilterProxy(QSortFilterProxyModel):
    """Shows the notes that contain every searched word, carry the chosen theme and have the
    chosen sentiment. Rows added or edited while a filter is on stay in view ("pinned") until
    the filter changes, so a new note never vanishes as soon as it is created."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._tag: str | None = None
        self._sentiment: Sentiment | None | str = ANY
        self._pinned: set[str] = set()
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    # ------------------------------------------------------------ filter state

    @property
    def text(self) -> str:
        return " ".join(self._words)

    @property
    def tag(self) -> str | None:
        return self._tag

    @property
    def sentiment(self) -> Sentiment | None | str:
        return self._sentiment

    def is_filtered(self) -> bool:
        return bool(self._words) or self._tag is not None or self._sentiment != ANY

    def set_text(self, text: str) -> None:
        words = text.casefold().split()
        if words != self._words:
            self._change_filter(words=words)

    def set_tag(self, tag: str | None) -> None:
        key = (normalise_tag(tag) if tag else None) or None
        if key != self._tag:
            self._change_filter(tag=key)

    def set_sentiment(self, sentiment: Sentiment | None | str) -> None:
        if sentiment != self._sentiment:
            self._change_filter(sentiment=sentiment)

    def clear_filters(self) -> None:
        self._change_filter(words=[], tag=None, sentiment=ANY)

    def _change_filter(self, **state: object) -> None:
        """Apply new filter settings; rows pinned under the old filter are let go."""
        self.beginFilterChange()
        for name, value in state.items():
            setattr(self, f"_{name}", value)
        self._pinned.clear()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def pin(self, row_id: str) -> None:
        """Keep this row in view until the filter next changes."""
        if not self.is_filtered() or row_id in self._pinned:
            return
        model = self.sourceModel()
        if isinstance(model, RowTableModel):
            position = model.position_of(row_id)
            if position >= 0 and self.mapFromSource(model.index(position, 0)).isValid():
                self._pinned.add(row_id)  # already shown: no need to filter every row again
                return
        self.beginFilterChange()
        self._pinned.add(row_id)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    # ------------------------------------------------------------ Qt

    def filterAcceptsRow(
        self,
        source_row: int,  # noqa: N802 - Qt override
        source_parent: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if not self.is_filtered():
            return True
        model = self.sourceModel()
        if not isinstance(model, RowTableModel):
            return True
        note = model.row(source_row)
        if note.id in self._pinned:
            return True
        if self._sentiment != ANY and note.sentiment != self._sentiment:
            return False
        if self._tag is not None and not any(normalise_tag(t) == self._tag for t in note.tags):
            return False
        if self._words:
            haystack = note_haystack(note)  # type: ignore[arg-type]
            return all(word in haystack for word in self._words)
        return True

    def lessThan(
        self,
        left: QModelIndex | QPersistentModelIndex,  # noqa: N802 - Qt override
        right: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        # One Python call per comparison on keys worked out once, rather than two calls
        # into the model's data(): sorting thousands of notes stays quick.
        model = self.sourceModel()
        if isinstance(model, RowTableModel):
            keys = model.sort_keys(left.column())
            return keys[left.row()] < keys[right.row()]
        return super().lessThan(left, right)

    def sort_by(self, column_name: str, order: Qt.SortOrder) -> None:
        model = self.sourceModel()
        if isinstance(model, RowTableModel):
            self.sort(model.column_of(column_name), order)
