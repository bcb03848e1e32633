"""The plan as JSON (:func:`workbook.model.plan_state`) worked out a piece at a time.

One ``plan_state`` of a plan with 2,000 listening notes keeps the interpreter busy for some
10 ms in one go, most of a 60 Hz frame. :func:`plan_state_in_steps` gives the same dict
(the same keys in the same order) from a generator that yields between pieces: each part
of the plan, and long lists of rows a few hundred rows at a time. The window runs one piece
per turn of its event loop (:mod:`workbook.gui.child_command`, before an export), so a key
or a repaint waiting meanwhile is never held up for more than a piece.

Nothing here notices a change made between two pieces: the caller does
(:meth:`workbook.session.PlanSession.state_in_steps` starts again when the plan changed).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from pydantic import BaseModel, TypeAdapter

from workbook.model import Plan
from workbook.stepping import Pieces

ROWS_PER_STEP = 250
"""Rows of a list dumped in one piece (some 1.2 ms for listening notes)."""

Steps = Pieces[dict[str, Any]]
"""Yields between pieces; returns the plan's state."""


def plan_state_in_steps(plan: Plan, rows_per_step: int | None = None) -> Steps:
    """``plan_state(plan)``, a piece at a time: ``yield from`` it, or step it with ``next``
    until ``StopIteration``, whose value is the state. It yields once some
    ``rows_per_step`` rows (of any lists; :data:`ROWS_PER_STEP` by default) have been
    dumped since the last time."""
    return _Walk(rows_per_step or ROWS_PER_STEP).model(plan, frozenset({"history"}))


def _is_rows(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and isinstance(value[0], BaseModel)


class _Walk:
    def __init__(self, rows_per_step: int) -> None:
        self.rows_per_step = rows_per_step
        self.rows_since_yield = 0

    def model(self, model: BaseModel, exclude: frozenset[str]) -> Steps:
        fields = type(model).model_fields
        if _serialised_whole(type(model)):
            return model.model_dump(mode="json", exclude=set(exclude))
        own = _own_serialisers(type(model))
        parts = {
            name: value
            for name in fields
            if name not in exclude
            and name not in own
            and (isinstance(value := getattr(model, name), BaseModel) or _is_rows(value))
        }
        # All else in one dump, in pydantic's order: declared fields, then kept extras.
        rest = model.model_dump(mode="json", exclude=set(exclude | parts.keys()))
        out: dict[str, Any] = {}
        for name in fields:
            if name in parts:
                value = parts[name]
                if isinstance(value, BaseModel):
                    out[name] = yield from self.model(value, frozenset())
                else:
                    out[name] = yield from self.rows(fields[name].annotation, value)
            elif name in rest:
                out[name] = rest[name]
        for key, value in rest.items():  # the extras, after the declared fields
            out.setdefault(key, value)
        return out

    def rows(self, annotation: Any, rows: list[BaseModel]) -> Steps:
        adapter = _adapter(annotation)
        out: list[Any] = []
        for start in range(0, len(rows), self.rows_per_step):
            if self.rows_since_yield >= self.rows_per_step:
                self.rows_since_yield = 0
                yield
            piece = rows[start : start + self.rows_per_step]
            out += adapter.dump_python(piece, mode="json")
            self.rows_since_yield += len(piece)
        return out


@cache
def _own_serialisers(model_class: type[BaseModel]) -> frozenset[str]:
    """Fields ``model_class`` writes with a serialiser of its own: dumped with the rest,
    so that their own way of writing is kept."""
    decorators = model_class.__pydantic_decorators__.field_serializers.values()
    return frozenset(name for decorator in decorators for name in decorator.info.fields)


@cache
def _serialised_whole(model_class: type[BaseModel]) -> bool:
    """Whether ``model_class`` writes itself with a serialiser of its own (dumped whole)."""
    return bool(model_class.__pydantic_decorators__.model_serializers)


@cache
def _adapter(annotation: Any) -> TypeAdapter:
    """The serialiser of a list field (``list[ListeningNote]``), made once."""
    return TypeAdapter(annotation)
