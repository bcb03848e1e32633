"""What the lint rules share about one plan, worked out once: the texts, names and dates."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any, NamedTuple

from pydantic import BaseModel

from workbook.borrowed import BorrowedText, borrowed_text
from workbook.facts import PeopleNames, people_names, shared_on
from workbook.model import Plan, Row

_SKIPPED = frozenset({"id", "format", "schema_version", "from_listening"})
_SEVEN_PS = ("planning", "seven_ps")


class TextGroup(NamedTuple):
    """The texts of one part, or of one list's rows, column by column.

    Kept by column, not text by text, so that a rule can test a whole column at once (a
    2,000-note plan has some 20,000 fields to look at). Theme tags are left out: they are
    short labels to count, not free text.
    """

    key: str
    """The guide key of the part or list ("listening.notes", "planning.seven_ps")."""
    parents: list[tuple[str, ...]]
    """The path of each row (one path for a part)."""
    columns: list[tuple[str, list[str]]]
    """(field name, the value in each row, "" where empty)."""
    rows: bool


class _Layout(NamedTuple):
    texts: tuple[str, ...]
    parts: tuple[str, ...]
    rows: tuple[str, ...]


_LAYOUT: dict[type, _Layout] = {}


def _layout(model: type[BaseModel]) -> _Layout:
    """A model's fields by kind: texts, sub-parts and row lists."""
    known = _LAYOUT.get(model)
    if known is not None:
        return known
    import typing

    kinds: dict[str, list[str]] = {"text": [], "part": [], "rows": []}
    for name, info in model.model_fields.items():
        if name in _SKIPPED:
            continue
        annotation = info.annotation
        origin = typing.get_origin(annotation)
        args = typing.get_args(annotation)
        if annotation is str:
            kinds["text"].append(name)
        elif origin is list and args and isinstance(args[0], type) and issubclass(args[0], Row):
            kinds["rows"].append(name)
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            kinds["part"].append(name)
    layout = _Layout(*(tuple(kinds[k]) for k in ("text", "part", "rows")))
    _LAYOUT[model] = layout
    return layout


def _walk(node: BaseModel, path: tuple[str, ...], key: str, out: list[TextGroup]) -> None:
    layout = _layout(type(node))
    if layout.texts:
        columns = [(name, [getattr(node, name)]) for name in layout.texts]
        out.append(TextGroup(key, [path], columns, False))
    for name in layout.parts:
        # The 7 P's share one key per column: "planning.seven_ps.decision".
        child_key = key if path == _SEVEN_PS else (f"{key}.{name}" if key else name)
        _walk(getattr(node, name), path + (name,), child_key, out)
    for name in layout.rows:
        rows = getattr(node, name)
        if not rows:
            continue
        base = path + (name,)
        row_layout = _layout(type(rows[0]))
        parents = [base + (row.id,) for row in rows]
        columns = [(column, [getattr(row, column) for row in rows]) for column in row_layout.texts]
        out.append(TextGroup(f"{key}.{name}", parents, columns, True))


@dataclass
class LintContext:
    """The plan under lint and the facts several rules need."""

    plan: Plan
    today: date = field(default_factory=date.today)

    @cached_property
    def borrowed(self) -> BorrowedText:
        return borrowed_text(self.plan)

    @cached_property
    def names(self) -> PeopleNames:
        return people_names(self.plan)

    @cached_property
    def shared_on(self) -> date | None:
        return shared_on(self.plan)

    @cached_property
    def groups(self) -> list[TextGroup]:
        """Every text of the plan, part by part and list by list."""
        out: list[TextGroup] = []
        _walk(self.plan, (), "", out)
        return out

    @cached_property
    def texts(self) -> tuple[list[str], list[tuple[int, TextGroup, str, list[str]]]]:
        """Every text in one list, and where each column starts in it: (offset, group,
        field name, values)."""
        flat: list[str] = []
        starts = []
        for group in self.groups:
            for name, values in group.columns:
                starts.append((len(flat), group, name, values))
                flat += values
        return flat, starts

    def text_path(self, index: int) -> tuple[str, ...]:
        """The field path of the text at ``index`` of :attr:`texts`."""
        import bisect

        _flat, starts = self.texts
        at = bisect.bisect_right([s[0] for s in starts], index) - 1
        offset, group, name, _values = starts[at]
        return (*group.parents[index - offset], name)

    def row_number(self, list_path: tuple[str, ...], row_id: str) -> int:
        """1-based position of a row, for messages ("note 12")."""
        numbers = self._numbers.get(list_path)
        if numbers is None:
            node: Any = self.plan
            for step in list_path:
                node = getattr(node, step)
            numbers = self._numbers[list_path] = {row.id: i + 1 for i, row in enumerate(node)}
        return numbers.get(row_id, 0)

    @cached_property
    def _numbers(self) -> dict[tuple[str, ...], dict[str, int]]:
        return {}
