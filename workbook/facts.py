"""Facts about a plan that progress, readiness and the lint all need: whether a field or a
row holds anything, who is on the People list, when the 7 P's were shared, and how much real
listening the notes hold."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbook.borrowed import BorrowedText
    from workbook.model import Plan, Row


def filled(value: object) -> bool:
    """Whether a field holds an answer at all (text with letters, a date, a number, a choice)."""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    return True


NOT_TYPED = frozenset({"id", "from_listening"})
"""Fields of a row the user does not type into."""


def row_is_empty(row: Row) -> bool:
    """A row nothing has been typed into: what one click on Add makes. Choices and ticks
    alone (a platform, a situation, a box) do not make a row."""
    for name in type(row).model_fields:
        if name in NOT_TYPED:
            continue
        value = getattr(row, name)
        if type(value) is str:  # choices are str enums: not typed text
            if value.strip():
                return False
        elif isinstance(value, list):
            if any(isinstance(v, str) and v.strip() for v in value):
                return False
        if isinstance(value, int | float) and not isinstance(value, bool):
            return False
        if hasattr(value, "isoformat"):  # a date
            return False
    return True


def _name_key(text: str) -> str:
    return " ".join(text.split()).casefold()


class PeopleNames:
    """The names on the People list, to tell whether an owner is one of them."""

    def __init__(self, names: Sequence[str]) -> None:
        self.full = {_name_key(n) for n in names if n.strip()}
        firsts: dict[str, int] = {}
        for key in self.full:
            first = key.split()[0]
            firsts[first] = firsts.get(first, 0) + 1
        # "Maria" names Maria Okafor only if no one else on the list is a Maria.
        self.first = {first for first, count in firsts.items() if count == 1}

    def __contains__(self, text: object) -> bool:
        if not isinstance(text, str):
            return False
        key = _name_key(text)
        return bool(key) and (key in self.full or key in self.first)


def people_names(plan: Plan) -> PeopleNames:
    return PeopleNames([p.name for p in plan.management.people])


def shared_on(plan: Plan) -> date | None:
    """The day the last of the 7 P's was shared, or None while any is unshared or undated."""
    from workbook.model import SevenP

    days = []
    for p in SevenP:
        decision = plan.planning.seven_ps.get(p)
        if not decision.communicated or decision.communicated_on is None:
            return None
        days.append(decision.communicated_on)
    return max(days)


@dataclass(frozen=True, slots=True)
class NotesHeard:
    """What the listening log holds that counts: notes with what was said, in the user's
    own words, and the days they cover."""

    count: int
    first: date | None
    last: date | None

    @property
    def days(self) -> int:
        return 0 if self.first is None else (self.last - self.first).days


def notes_heard(plan: Plan, borrowed: BorrowedText | None = None) -> NotesHeard:
    """Count the notes that say what was said (not left as an example's words)."""
    if borrowed is None:
        from workbook.borrowed import borrowed_text

        borrowed = borrowed_text(plan)
    count = 0
    first = last = None
    source = borrowed.source
    for note in plan.listening.notes:
        said = note.said
        if not said or said.isspace() or source("listening.notes.said", said) is not None:
            continue
        count += 1
        day = note.noted_on
        if day is not None:
            if first is None or day < first:
                first = day
            if last is None or day > last:
                last = day
    return NotesHeard(count, first, last)
