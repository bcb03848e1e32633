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


class TextField(NamedTuple):
    """One text the user typed: its guide key (for example lookups), path and value."""

    key: str
    path: tuple[str, ...]
    value: str


_LAYOUT: dict[type, tuple[tuple[str, str], ...]] = {}


def _layout(model: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    """(field name, kind) for a model: "text", "texts", "part", "rows" or "other"."""
    known = _LAYOUT.get(model)
    if known is not None:
        return known
    import typing

    kinds = []
    for name, info in model.model_fields.items():
        if name in _SKIPPED:
            continue
        annotation = info.annotation
        origin = typing.get_origin(annotation)
        args = typing.get_args(annotation)
        if annotation is str:
            kind = "text"
        elif origin is list and args and args[0] is str:
            kind = "texts"
        elif origin is list and args and isinstance(args[0], type) and issubclass(args[0], Row):
            kind = "rows"
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            kind = "part"
        else:
            kind = "other"
        kinds.append((name, kind))
    _LAYOUT[model] = result = tuple(kinds)
    return result


def _walk(node: BaseModel, path: tuple[str, ...], key: str, out: list[TextField]) -> None:
    for name, kind in _layout(type(node)):
        value = getattr(node, name)
        if kind == "text":
            if value:
                out.append(TextField(f"{key}.{name}" if key else name, path + (name,), value))
        elif kind == "part":
            # The 7 P's share one key per column: "planning.seven_ps.decision".
            child_key = key if path == _SEVEN_PS else (f"{key}.{name}" if key else name)
            _walk(value, path + (name,), child_key, out)
        elif kind == "rows":
            row_key = f"{key}.{name}"
            base = path + (name,)
            for row in value:
                _walk(row, base + (row.id,), row_key, out)
        elif kind == "texts":
            for index, text in enumerate(value):
                if text:
                    out.append(TextField(f"{key}.{name}", path + (name, str(index)), text))


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
