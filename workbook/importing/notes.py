"""Rows of a table turned into new listening notes, each row's problems said, duplicates skipped.

:func:`convert` is pure: it reads a :class:`~workbook.importing.table.Table` and returns
an :class:`ImportResult` (the new notes as one list, and what became of every row); the
caller adds the notes to the plan in one step, or not at all.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from pydantic import ValidationError

from workbook.importing.columns import Mapping, field_title
from workbook.importing.table import Table
from workbook.importing.values import (
    DateOrder,
    DateReader,
    SentimentReader,
    ValueProblem,
    cell_text,
    decide_order,
    decide_scale,
    read_tags,
)
from workbook.model import ListeningNote

PREVIEW_ROWS = 50
"""Rows the wizard shows before the import."""
PROGRESS_EVERY = 500


class RowStatus(StrEnum):
    NEW = "new"
    """Imported as a new note."""
    DUPLICATE = "duplicate"
    """Skipped: the same note (date and words) is in the plan or earlier in the file."""
    EMPTY = "empty"
    """Skipped: nothing in the columns being imported."""
    FAILED = "failed"
    """Not imported: a value the note cannot hold (a date in an unknown format)."""

    @property
    def label(self) -> str:
        return {
            "new": "New",
            "duplicate": "Already there",
            "empty": "Empty",
            "failed": "Not imported",
        }[self.value]


@dataclass(slots=True)  # one per row: not frozen, which is slower to make
class RowOutcome:
    """What became of one row of the file."""

    row: int
    """The row's number as a spreadsheet program shows it."""
    status: RowStatus
    problems: tuple[str, ...] = ()
    """Said for the user: why it failed or was skipped, or what was left out of it."""
    note: ListeningNote | None = None


@dataclass
class ImportResult:
    notes: list[ListeningNote] = field(default_factory=list)
    """The new notes, in file order, ready to be added in one step."""
    outcomes: list[RowOutcome] = field(default_factory=list)
    date_order: DateOrder | None = None
    """How dates such as 03/04/2024 were read (None when the file had none)."""
    ambiguous_dates: int = 0
    """Dates that could be read either way and were read day first, by default."""

    def count(self, *statuses: RowStatus) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status in statuses)

    @property
    def imported(self) -> int:
        return self.count(RowStatus.NEW)

    @property
    def skipped(self) -> int:
        return self.count(RowStatus.DUPLICATE, RowStatus.EMPTY)

    @property
    def failed(self) -> int:
        return self.count(RowStatus.FAILED)

    @property
    def with_problems(self) -> list[RowOutcome]:
        return [outcome for outcome in self.outcomes if outcome.problems]

    def reasons(self, *statuses: RowStatus) -> Counter[str]:
        """How often each problem occurred, among rows of ``statuses``."""
        return Counter(
            problem
            for outcome in self.outcomes
            if outcome.status in statuses
            for problem in outcome.problems
        )

    def summary(self) -> str:
        """ "115 new notes; 3 skipped; 2 not imported"."""
        parts = [f"{self.imported:,} new note{'s' if self.imported != 1 else ''}"]
        if self.skipped:
            parts.append(f"{self.skipped:,} skipped")
        if self.failed:
            parts.append(f"{self.failed:,} not imported")
        return "; ".join(parts)


def normalised(text: str) -> str:
    """Text as compared for duplicates: case, accents' composition and spacing ignored."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return " ".join(text.casefold().split())


def note_key(noted_on: date | None, said: str) -> tuple[date | None, str] | None:
    """What makes two notes the same: the date and the words. None for a note without words
    (two such notes are never taken for one)."""
    words = normalised(said)
    return (noted_on, words) if words else None


def existing_keys(notes: Iterable[ListeningNote]) -> set[tuple[date | None, str]]:
    keys = (note_key(note.noted_on, note.said) for note in notes)
    return {key for key in keys if key is not None}


_TEXT_FIELDS = ("source", "who", "said", "wants", "opportunity", "follow_up")


def convert(
    table: Table,
    mapping: Mapping,
    *,
    existing: set[tuple[date | None, str]] | None = None,
    order: DateOrder | None = None,
    limit: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """The new notes from ``table``'s rows, read through ``mapping``.

    ``existing`` holds the :func:`note_key` of every note in the plan (rows matching one
    are skipped); ``order`` overrides how dates such as 03/04/2024 are read (by default
    decided from the whole date column); ``limit`` converts only the first rows (the
    preview); ``progress(done, total)`` is called now and then.
    """
    rows = table.rows if limit is None else table.rows[:limit]
    result = ImportResult()
    date_column = mapping.get("noted_on")
    if date_column is not None:
        column = [row[date_column] for row in table.rows]
        result.date_order = order or decide_order(column)
        dates = DateReader(result.date_order, from_sheet=table.from_sheet)
    sentiment_column = mapping.get("sentiment")
    if sentiment_column is not None:
        feelings = SentimentReader(decide_scale(row[sentiment_column] for row in table.rows))
    text_columns = [(name, mapping[name]) for name in _TEXT_FIELDS if name in mapping]
    tags_column = mapping.get("tags")
    used = sorted(set(mapping.values()))
    formula_columns = {column for (_row, column) in table.formulas}
    seen: dict[tuple[date | None, str], int] = {}
    known = existing or set()
    total = len(rows)
    notes, outcomes = result.notes, result.outcomes

    tags_seen: dict[str, list[str]] = {}
    for index, row in enumerate(rows):
        number = table.row_numbers[index]
        if progress is not None and index % PROGRESS_EVERY == 0:
            progress(index, total)
        values: dict[str, object] = {}
        filled = False
        for name, column in text_columns:
            value = row[column]
            text = value.strip() if type(value) is str else cell_text(value)
            values[name] = text
            filled = filled or bool(text)
        if tags_column is not None:
            raw = row[tags_column]
            if type(raw) is str and raw in tags_seen:
                values["tags"] = tags_seen[raw]
            else:
                values["tags"] = tags = read_tags(raw)
                if type(raw) is str:
                    tags_seen[raw] = tags
            filled = filled or bool(values["tags"])
        problems: list[str] = []
        failed = False
        if date_column is not None:
            try:
                values["noted_on"] = noted_on = dates.read(row[date_column])
            except ValueProblem as problem:
                problems.append(f"{field_title('noted_on')}: {problem}")
                failed = filled = True
            else:
                filled = filled or noted_on is not None
        if sentiment_column is not None:
            try:
                values["sentiment"] = feeling = feelings.read(row[sentiment_column])
            except ValueProblem as problem:
                problems.append(f"{field_title('sentiment')}: {problem}; left empty")
                filled = True
            else:
                filled = filled or feeling is not None
        if not filled:
            outcomes.append(RowOutcome(number, RowStatus.EMPTY, ("nothing to import",)))
            continue
        if formula_columns:
            for column in used:
                formula = table.formulas.get((index, column))
                if formula is not None:
                    problems.append(
                        f"{table.headers[column]}: a spreadsheet formula ({_short(formula)}); "
                        "kept as text, never worked out"
                    )
        if failed:
            outcomes.append(RowOutcome(number, RowStatus.FAILED, tuple(problems)))
            continue
        key = note_key(values.get("noted_on"), values.get("said", ""))  # type: ignore[arg-type]
        if key is not None:
            if key in known:
                outcomes.append(RowOutcome(number, RowStatus.DUPLICATE, ("already in the plan",)))
                continue
            if key in seen:
                reason = f"the same note as row {seen[key]}"
                outcomes.append(RowOutcome(number, RowStatus.DUPLICATE, (reason,)))
                continue
            seen[key] = number
        try:
            note = ListeningNote.model_validate(values)
        except ValidationError as error:
            messages = tuple(
                f"{e['loc'][0] if e['loc'] else ''}: {e['msg']}" for e in error.errors()
            )
            outcomes.append(RowOutcome(number, RowStatus.FAILED, messages))
            continue
        notes.append(note)
        outcomes.append(RowOutcome(number, RowStatus.NEW, tuple(problems), note))

    if date_column is not None:
        result.ambiguous_dates = dates.ambiguous if result.date_order is None else 0
    if progress is not None:
        progress(total, total)
    return result


def _short(formula: str, limit: int = 40) -> str:
    return formula if len(formula) <= limit else formula[: limit - 1] + "…"
