"""Field paths into a plan: read or write a value by path, and name a path in human words."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import BaseModel

    from workbook.model import Plan, Row

# Reading and writing by path need no pydantic; only naming a path does (field titles come
# from the model), and it imports the model when asked. The GUI's first window needs this
# module but not the model.

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


def _field_title(model: type[BaseModel] | None, name: str) -> str:
    if model is not None:
        field = model.model_fields.get(name)
        if field is not None and field.title:
            return field.title
    return name.replace("_", " ").capitalize()


def _list_item_model(model: type[BaseModel] | None, name: str) -> type[BaseModel] | None:
    from pydantic import BaseModel

    if model is None or name not in model.model_fields:
        return None
    annotation = model.model_fields[name].annotation
    args = getattr(annotation, "__args__", ())
    if args and isinstance(args[0], type) and issubclass(args[0], BaseModel):
        return args[0]
    return None


def _sub_model(model: type[BaseModel] | None, name: str) -> type[BaseModel] | None:
    from pydantic import BaseModel

    if model is None or name not in model.model_fields:
        return None
    annotation = model.model_fields[name].annotation
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def describe_location(loc: Sequence[str | int], plan: Plan | None = None) -> str:
    """Human words for a location inside a plan.

    ``loc`` may be a pydantic error location (list items by index, counted from 0)
    or a :data:`FieldPath` (list items by row id, looked up in ``plan``). Items are
    counted from 1 for people: ``("listening", "notes", 11, "sentiment")`` reads
    "Listening notes › note 12 › Sentiment".
    """
    from workbook.model import Plan

    words: list[str] = []
    model: type[BaseModel] | None = Plan
    node: Any = plan
    list_name: str | None = None
    for step in loc:
        if list_name is not None:
            noun = ROW_NOUNS.get(list_name, "item")
            if isinstance(step, int):
                words.append(f"{noun} {step + 1}")
                if isinstance(node, list) and 0 <= step < len(node):
                    node = node[step]
                else:
                    node = None
            else:
                index = None
                if isinstance(node, list):
                    for i, row in enumerate(node):
                        if getattr(row, "id", None) == step:
                            index, node = i, row
                            break
                words.append(f"{noun} {index + 1}" if index is not None else noun)
                if index is None:
                    node = None
            list_name = None
            continue
        name = str(step)
        words.append(_field_title(model, name))
        item_model = _list_item_model(model, name)
        if node is not None and not isinstance(node, list):
            node = getattr(node, name, None)
        else:
            node = None
        if item_model is not None or isinstance(node, list) or name in ROW_NOUNS:
            list_name = name
            model = item_model
        else:
            model = _sub_model(model, name)
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
