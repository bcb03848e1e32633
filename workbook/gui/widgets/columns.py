"""Columns of a row table, derived from the row model: what each holds and how it is edited."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import Enum, StrEnum
from typing import get_args, get_origin

from annotated_types import Ge, Le
from pydantic.fields import FieldInfo

from workbook.gui.widgets.guide_text import field_text
from workbook.model import PROVENANCE_FIELDS, ROW_TYPES
from workbook.paths import FieldPath, field_annotation, field_is_optional


class ColumnKind(Enum):
    TEXT = "text"
    LONG_TEXT = "long_text"
    ENUM = "enum"
    OPTIONAL_ENUM = "optional_enum"
    DATE = "date"
    BOOL = "bool"
    TAGS = "tags"
    NUMBER = "number"
    LINK = "link"
    """Filled in by the app (the listening an entry was drawn from): shown, not typed."""


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    """The row model's field name."""
    title: str
    """Short header text (the model's field title)."""
    kind: ColumnKind
    prompt: str = ""
    help: str = ""
    enum: type[StrEnum] | None = None
    width_chars: int = 16
    """Starting width, in average characters; the user may resize."""
    minimum: float | None = None
    maximum: float | None = None
    """For numbers: the smallest and largest the plan accepts."""


_DEFAULT_WIDTHS = {
    ColumnKind.TEXT: 18,
    ColumnKind.LONG_TEXT: 34,
    ColumnKind.ENUM: 16,
    ColumnKind.OPTIONAL_ENUM: 12,
    ColumnKind.DATE: 13,
    ColumnKind.TAGS: 20,
    ColumnKind.NUMBER: 10,
    ColumnKind.LINK: 24,
}


def _kind(path: FieldPath, long_text: set[str]) -> tuple[ColumnKind, type[StrEnum] | None]:
    if path[-1] in PROVENANCE_FIELDS:
        return ColumnKind.LINK, None
    annotation = field_annotation(path)
    if annotation in (int, float):
        return ColumnKind.NUMBER, None
    if annotation is bool:
        return ColumnKind.BOOL, None
    if annotation is date:
        return ColumnKind.DATE, None
    if isinstance(annotation, type) and issubclass(annotation, StrEnum):
        kind = ColumnKind.OPTIONAL_ENUM if field_is_optional(path) else ColumnKind.ENUM
        return kind, annotation
    if get_origin(annotation) is list and get_args(annotation):
        return ColumnKind.TAGS, None
    if annotation in (int, float):
        return ColumnKind.NUMBER, None
    return (ColumnKind.LONG_TEXT if path[-1] in long_text else ColumnKind.TEXT), None


def columns_for(
    list_path: FieldPath, long_text: Iterable[str] = (), widths: dict[str, int] | None = None
) -> list[Column]:
    """One column per field of the list's rows (all but the id), in the model's order."""
    row_type = ROW_TYPES[tuple(list_path)]  # type: ignore[index]
    long_names = set(long_text)
    columns = []
    for name, info in row_type.model_fields.items():
        if name == "id":
            continue
        path = (*list_path, name)
        kind, enum = _kind(path, long_names)
        text = field_text(path)
        width = (widths or {}).get(name)
        if width is None:
            width = (
                max(len(info.title or name), 6) + 2
                if kind is ColumnKind.BOOL
                else _DEFAULT_WIDTHS[kind]
            )
        low, high = _bounds(info) if kind is ColumnKind.NUMBER else (None, None)
        columns.append(
            Column(name, info.title or name, kind, text.prompt, text.help, enum, width, low, high)
        )
    return columns


def _bounds(info: FieldInfo) -> tuple[float | None, float | None]:
    """The smallest and largest value a number field accepts (its ge and le)."""
    low = high = None
    for meta in info.metadata:
        if isinstance(meta, Ge):
            low = float(meta.ge)  # type: ignore[arg-type]
        elif isinstance(meta, Le):
            high = float(meta.le)  # type: ignore[arg-type]
    return low, high
