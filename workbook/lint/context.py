"""What the lint rules share about one plan, worked out once: the texts, names and dates."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any, NamedTuple

from pydantic import BaseModel

from workbook.borrowed import BorrowedText, borrowed_text
from workbook.completeness import PeopleNames, people_names, shared_on
from workbook.model import Plan, Row

_SKIPPED = frozenset({"id", "format", "schema_version", "from_listening"})
_SEVEN_PS = ("planning", "seven_ps")


TextField = tuple[str, tuple[str, ...], str, str]
"""One text the user typed: (guide key for example lookups, parent path, field name, value).
Plain tuples, not named ones: a 2,000-note plan has some 12,000 of them."""


def text_path(text: TextField) -> tuple[str, ...]:
    """The field path of a :data:`TextField`."""
    return (*text[1], text[2])


class _Layout(NamedTuple):
    texts: tuple[str, ...]
    text_lists: tuple[str, ...]
    parts: tuple[str, ...]
    rows: tuple[str, ...]


_LAYOUT: dict[type, _Layout] = {}


def _layout(model: type[BaseModel]) -> _Layout:
    """A model's fields by kind: texts, lists of texts, sub-parts and row lists."""
    known = _LAYOUT.get(model)
    if known is not None:
        return known
    import typing

    kinds: dict[str, list[str]] = {"text": [], "texts": [], "part": [], "rows": []}
    for name, info in model.model_fields.items():
        if name in _SKIPPED:
            continue
        annotation = info.annotation
        origin = typing.get_origin(annotation)
        args = typing.get_args(annotation)
        if annotation is str:
            kinds["text"].append(name)
        elif origin is list and args and args[0] is str:
            kinds["texts"].append(name)
        elif origin is list and args and isinstance(args[0], type) and issubclass(args[0], Row):
            kinds["rows"].append(name)
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            kinds["part"].append(name)
    layout = _Layout(*(tuple(kinds[k]) for k in ("text", "texts", "part", "rows")))
    _LAYOUT[model] = layout
    return layout


def _walk(node: BaseModel, path: tuple[str, ...], key: str, out: list[TextField]) -> None:
    # Written for speed: a 2,000-note plan has some 20,000 fields to look at.
    layout = _layout(type(node))
    prefix = f"{key}." if key else ""
    for name in layout.texts:
        value = getattr(node, name)
        if value:
            out.append((prefix + name, path, name, value))
    for name in layout.text_lists:
        for index, value in enumerate(getattr(node, name)):
            if value:
                out.append((prefix + name, path + (name,), str(index), value))
    for name in layout.parts:
        # The 7 P's share one key per column: "planning.seven_ps.decision".
        child_key = key if path == _SEVEN_PS else prefix + name
        _walk(getattr(node, name), path + (name,), child_key, out)
    for name in layout.rows:
        rows = getattr(node, name)
        if not rows:
            continue
        row_key = prefix + name
        base = path + (name,)
        row_layout = _layout(type(rows[0]))
        if row_layout.parts or row_layout.rows:
            for row in rows:
                _walk(row, base + (row.id,), row_key, out)
            continue
        keys = [(column, f"{row_key}.{column}") for column in row_layout.texts]
        append = out.append
        for row in rows:
            parent = None
            for column, column_key in keys:
                value = getattr(row, column)
                if value:
                    if parent is None:
                        parent = base + (row.id,)
                    append((column_key, parent, column, value))
            for column in row_layout.text_lists:
                values = getattr(row, column)
                if values:
                    parent = base + (row.id, column)
                    for index, value in enumerate(values):
                        if value:
                            append((f"{row_key}.{column}", parent, str(index), value))


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
    def texts(self) -> list[TextField]:
        """Every non-empty text in the plan (theme tags named by position)."""
        out: list[TextField] = []
        _walk(self.plan, (), "", out)
        return out

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
