"""Field paths into a plan: read and write by path, walk a path through the model, name it."""

from __future__ import annotations

import types
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Union, get_args, get_origin

if TYPE_CHECKING:
    from pydantic import BaseModel
    from pydantic.fields import FieldInfo

    from workbook.model import Plan, Row

# Reading and writing by path need no pydantic; walking the model does (field titles and
# types come from it), and imports it when asked: the GUI's first window needs this module
# but not the model, which is loaded after the first paint.

FieldPath = tuple[str, ...]
"""Attribute names from the plan down to a field; a list item is named by its row id,
e.g. ``("listening", "notes", "3f2a9c0d1e2b", "sentiment")``."""

ROW_NOUNS: dict[str, str] = {
    "presence": "channel",
    "people": "person",
    "places": "place",
    "notes": "note",
    "playbook": "situation",
    "activities": "activity",
    "measures": "measure",
    "readings": "reading",
    "spending": "period",
    "actions": "action",
    "parking_lot": "idea",
    "snapshots": "snapshot",
    "tags": "theme",
}
"""What one row of each list is called in messages ("note 12")."""

SEPARATOR = " › "


def _find_row(rows: Sequence[Row], row_id: str) -> Row:
    for row in rows:
        if row.id == row_id:
            return row
    raise KeyError(f"no row with id {row_id!r}")


def get_value(plan: Plan, path: FieldPath) -> Any:
    """The value at ``path`` (a part, a list, a row or a field)."""
    node: Any = plan
    for step in path:
        node = _find_row(node, step) if isinstance(node, list) else getattr(node, step)
    return node


def set_value(plan: Plan, path: FieldPath, value: Any) -> Any:
    """Set the field at ``path`` (validated and cleaned by the model); returns the old value."""
    if not path:
        raise ValueError("empty path")
    parent = get_value(plan, path[:-1])
    old = getattr(parent, path[-1])
    setattr(parent, path[-1], value)
    return old


def row_index(plan: Plan, list_path: FieldPath, row_id: str) -> int:
    """Position of the row with ``row_id`` in the list at ``list_path``."""
    rows = get_value(plan, list_path)
    for index, row in enumerate(rows):
        if row.id == row_id:
            return index
    raise KeyError(f"no row with id {row_id!r}")


# ---------------------------------------------------------------- walking the model

# The one place that knows how a path runs through the plan model: a part's field leads to
# another part, a list of rows or a value; the step after a list is a row (by id or index)
# unless it names a column of the list's rows directly.


@dataclass(frozen=True, slots=True)
class SchemaStep:
    """One step of a path, as the plan model sees it."""

    step: str | int
    info: FieldInfo | None
    """The model's field for a field step (None for a row step or an unknown field)."""
    list_name: str | None = None
    """For a row step: the name of the list the row is in."""

    @property
    def is_row(self) -> bool:
        return self.list_name is not None


def _unwrap_optional(annotation: Any) -> Any:
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def _model_class(annotation: Any) -> type[BaseModel] | None:
    from pydantic import BaseModel

    return (
        annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None
    )


def is_row_step(row_model: type[BaseModel] | None, step: str | int) -> bool:
    """Whether ``step``, just after a list whose rows are ``row_model`` (None: not rows of a
    model, e.g. themes), picks an item (a row id or an index) rather than naming a column."""
    if isinstance(step, int):
        return True
    return row_model is not None and (step == "id" or step not in row_model.model_fields)


def schema_steps(path: Sequence[str | int]) -> Iterator[SchemaStep]:
    """Each step of ``path`` (a :data:`FieldPath` or a pydantic error location), with the
    model's field for it. Row ids and list indexes are optional: a list's column may be
    named directly, as guidance and the tables do."""
    from workbook.model import Plan

    model: type[BaseModel] | None = Plan
    list_name: str | None = None
    row_model: type[BaseModel] | None = None
    for step in path:
        if list_name is not None:
            in_list, list_name = list_name, None
            model = row_model
            if is_row_step(row_model, step):
                yield SchemaStep(step, None, in_list)
                continue
        info = model.model_fields.get(step) if model is not None and isinstance(step, str) else None
        yield SchemaStep(step, info)
        annotation = _unwrap_optional(info.annotation) if info is not None else None
        model = _model_class(annotation)
        if get_origin(annotation) is list:
            list_name = str(step)
            row_model = _model_class(_unwrap_optional(get_args(annotation)[0]))


def schema_path(path: Sequence[str | int]) -> FieldPath:
    """``path`` without its row ids and indexes: where the field is in the model, the same
    for every row. ``("listening", "notes", "ab12", "said")`` -> ``("listening", "notes",
    "said")``."""
    return tuple(str(s.step) for s in schema_steps(path) if not s.is_row)


@lru_cache(maxsize=4096)
def field_info(path: FieldPath) -> FieldInfo | None:
    """The model's field at ``path`` (row ids allowed; a row's own path gives its list's
    field), or None if there is no such field."""
    info = None
    for step in schema_steps(path):
        if not step.is_row:
            if step.info is None:
                return None
            info = step.info
    return info


def field_annotation(path: FieldPath) -> Any:
    """The field's type with ``| None`` removed (e.g. ``date``, ``Sentiment``, ``list[str]``)."""
    info = field_info(path)
    return None if info is None else _unwrap_optional(info.annotation)


def field_is_optional(path: FieldPath) -> bool:
    info = field_info(path)
    return info is not None and type(None) in get_args(info.annotation)


def field_title(path: Sequence[str | int]) -> str:
    """The field's title in the model, or its name made readable."""
    info = field_info(tuple(path))
    if info is not None and info.title:
        return info.title
    return str(path[-1]).replace("_", " ").capitalize() if path else ""


def iter_parts(
    part: BaseModel, loc: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], BaseModel]]:
    """``part`` and every part and row inside it, each with its location (rows by index, as
    pydantic counts them)."""
    from pydantic import BaseModel

    yield loc, part
    for name in type(part).model_fields:
        value = getattr(part, name)
        if isinstance(value, BaseModel):
            yield from iter_parts(value, (*loc, name))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from iter_parts(item, (*loc, name, index))


def describe_location(loc: Sequence[str | int], plan: Plan | None = None) -> str:
    """Human words for a location inside a plan.

    ``loc`` may be a pydantic error location (list items by index, counted from 0)
    or a :data:`FieldPath` (list items by row id, looked up in ``plan``). Items are
    counted from 1 for people: ``("listening", "notes", 11, "sentiment")`` reads
    "Listening notes › note 12 › Sentiment".
    """
    words: list[str] = []
    node: Any = plan
    for step in schema_steps(loc):
        if step.is_row:
            noun = ROW_NOUNS.get(step.list_name or "", "item")
            index = step.step if isinstance(step.step, int) else None
            if isinstance(node, list) and index is None:
                index = next((i for i, r in enumerate(node) if r.id == step.step), None)
            node = (
                node[index]
                if isinstance(node, list) and index is not None and 0 <= index < len(node)
                else None
            )
            words.append(f"{noun} {index + 1}" if index is not None else noun)
            continue
        name = str(step.step)
        words.append(
            step.info.title
            if step.info is not None and step.info.title
            else name.replace("_", " ").capitalize()
        )
        node = (
            getattr(node, name, None) if node is not None and not isinstance(node, list) else None
        )
    return SEPARATOR.join(words) if words else "the plan"


def walk_fields(plan: Plan, *, unknown: bool = True) -> Iterator[tuple[FieldPath, Any]]:
    """Every field of ``plan`` with its path, in model order; rows are named by id.

    Parts and lists of rows are gone into, not yielded; every other value (text, a
    choice, a date, a list of themes, ...) is yielded as it is. With ``unknown``, fields
    the model does not know (kept from a newer or hand-edited file) come after each
    part's own, with their raw JSON values.
    """
    from pydantic import BaseModel

    def visit(path: FieldPath, node: BaseModel) -> Iterator[tuple[FieldPath, Any]]:
        for name in type(node).model_fields:
            value = getattr(node, name)
            here = (*path, name)
            if isinstance(value, BaseModel):
                yield from visit(here, value)
            elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
                for row in value:
                    yield from visit((*here, row.id), row)
            else:
                yield here, value
        if unknown:
            for name, value in (node.model_extra or {}).items():
                yield (*path, name), value

    return visit((), plan)
