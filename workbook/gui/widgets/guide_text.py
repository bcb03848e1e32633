"""The words beside a field: prompt, help, placeholder and example, with the model as fallback."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from workbook import examples, guidance
from workbook.model import FourA, Plan, SevenP, SituationType
from workbook.paths import FieldPath, field_info, field_title, schema_path
from workbook.stages import Stage


@dataclass(frozen=True, slots=True)
class FieldText:
    """The words shown with one editor."""

    prompt: str
    help: str
    placeholder: str


def object_name(path: FieldPath) -> str:
    """The objectName of the editor of ``path``: the dotted path without row ids."""
    return ".".join(schema_path(path))


@cache
def field_text(path: FieldPath) -> FieldText:
    """Prompt, help and placeholder for ``path``; the model's title and description fill gaps."""
    guide = guidance.guide_for(tuple(path))
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
        text = examples.example_text(tuple(path), plan)
    except (KeyError, ValueError, TypeError, OSError):
        return None
    return text if isinstance(text, str) and text.strip() else None


def stage_intro(stage: Stage | None) -> str:
    return "" if stage is None else guidance.STAGE_INTROS.get(stage, "")


def section_intro(key: str) -> str:
    return guidance.SECTION_INTROS.get(key, "")


def seven_p_guide(p: SevenP) -> tuple[str, tuple[str, ...]]:
    """(summary, guiding questions) for one of the 7 P's."""
    guide = guidance.SEVEN_P_GUIDES.get(p)
    if guide is None:
        return "", ()
    return guide.summary, tuple(guide.questions)


def seven_p_attribution() -> str:
    return guidance.SEVEN_P_ATTRIBUTION


def four_a_guide(a: FourA) -> str:
    return guidance.FOUR_A_GUIDES.get(a, "")


def situation_guide(situation: SituationType) -> str:
    return guidance.SITUATION_GUIDES.get(situation, "")
