"""The words beside a field: prompt, help, placeholder and example, with the model as fallback."""

from __future__ import annotations

import types
from dataclasses import dataclass
from functools import cache
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from workbook.model import ROW_TYPES, Plan
from workbook.paths import FieldPath

try:  # The guidance module is written by another engineer; the model's titles stand in.
    from workbook import guidance as _guidance
except ImportError:  # pragma: no cover - only before guidance.py exists
    _guidance = None  # type: ignore[assignment]


@dataclass(frozen=True, slots=True)
class FieldText:
    """The words shown with one editor."""

    prompt: str
    help: str
    placeholder: str


def strip_row_ids(path: FieldPath) -> FieldPath:
    """``path`` without row ids: (..., "notes", "ab12", "said") -> (..., "notes", "said")."""
    steps: list[str] = []
    index = 0
    while index < len(path):
        steps.append(path[index])
        index += 1
        row_type = ROW_TYPES.get(tuple(steps[-2:])) if len(steps) >= 2 else None
        if (
            row_type is not None
            and index < len(path)
            and (path[index] not in row_type.model_fields or path[index] == "id")
        ):
            index += 1
    return tuple(steps)


def object_name(path: FieldPath) -> str:
    """The objectName of the editor of ``path``: the dotted path without row ids."""
    return ".".join(strip_row_ids(path))


def _unwrap_optional(annotation: Any) -> Any:
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def _row_model(annotation: Any) -> type[BaseModel] | None:
    if get_origin(annotation) is list:
        (item,) = get_args(annotation)
        if isinstance(item, type) and issubclass(item, BaseModel):
            return item
    return None


@cache
def field_info(path: FieldPath) -> FieldInfo | None:
    """The model's description of the field at ``path`` (row ids allowed), or None."""
    model: type[BaseModel] | None = Plan
    info: FieldInfo | None = None
    expect_row_id = False
    for step in path:
        if model is None:
            return None
        if expect_row_id and step not in model.model_fields:
            expect_row_id = False
            continue
        expect_row_id = False
        info = model.model_fields.get(step)
        if info is None:
            return None
        annotation = _unwrap_optional(info.annotation)
        row_model = _row_model(annotation)
        if row_model is not None:
            model, expect_row_id = row_model, True
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            model = annotation
        else:
            model = None
    return info


def field_annotation(path: FieldPath) -> Any:
    """The field's type with ``| None`` removed (e.g. ``date``, ``Sentiment``, ``list[str]``)."""
    info = field_info(path)
    return None if info is None else _unwrap_optional(info.annotation)


def field_is_optional(path: FieldPath) -> bool:
    info = field_info(path)
    return info is not None and type(None) in get_args(info.annotation)


def field_title(path: FieldPath) -> str:
    info = field_info(path)
    if info is not None and info.title:
        return info.title
    return path[-1].replace("_", " ").capitalize() if path else ""


@cache
def field_text(path: FieldPath) -> FieldText:
    """Prompt, help and placeholder for ``path``; the model's title and description fill gaps."""
    guide = _guidance.guide_for(tuple(path)) if _guidance is not None else None
    info = field_info(path)
    fallback_help = (info.description or "") if info is not None else ""
    if guide is None:
        return FieldText(field_title(path), fallback_help, "")
    return FieldText(
        guide.prompt or field_title(path), guide.help or fallback_help, guide.placeholder or ""
    )


def example_for(path: FieldPath, plan: Plan | None = None) -> str | None:
    """A worked example's answer for the field at ``path`` (row ids allowed; given the
    user's ``plan``, an example row of the same kind is preferred), or None."""
    try:
        from workbook import examples
    except ImportError:  # pragma: no cover - only before examples.py exists
        return None
    try:
        text = examples.example_text(tuple(path), plan)
    except (KeyError, ValueError, TypeError, OSError):
        return None
    return text if isinstance(text, str) and text.strip() else None


def stage_intro(stage: Any) -> str:
    if _guidance is None or stage is None:
        return ""
    return _guidance.STAGE_INTROS.get(stage, "")


def section_intro(key: str) -> str:
    if _guidance is None:
        return ""
    return _guidance.SECTION_INTROS.get(key, "")


def seven_p_guide(p: Any) -> tuple[str, tuple[str, ...]]:
    """(summary, guiding questions) for one of the 7 P's."""
    guide = None if _guidance is None else _guidance.SEVEN_P_GUIDES.get(p)
    if guide is None:
        return "", ()
    return guide.summary, tuple(guide.questions)


def seven_p_attribution() -> str:
    if _guidance is not None and getattr(_guidance, "SEVEN_P_ATTRIBUTION", ""):
        return _guidance.SEVEN_P_ATTRIBUTION
    return "The series credits the 7 P's framework to Telligent."


def four_a_guide(a: Any) -> str:
    return "" if _guidance is None else _guidance.FOUR_A_GUIDES.get(a, "")


def situation_guide(situation: Any) -> str:
    return "" if _guidance is None else _guidance.SITUATION_GUIDES.get(situation, "")
