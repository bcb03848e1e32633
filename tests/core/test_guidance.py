"""Tests for field guidance, stage and section intros, and the 7 P, four A and situation words."""

from __future__ import annotations

import re
import subprocess
import sys
import typing
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from pydantic import BaseModel

from workbook import guidance
from workbook.guidance import (
    FIELD_GUIDES,
    FOUR_A_GUIDES,
    SECTION_INTROS,
    SEVEN_P_ATTRIBUTION,
    SEVEN_P_GUIDES,
    SITUATION_GUIDES,
    STAGE_INTROS,
    Guide,
    guide_for,
)
from workbook.model import (
    BOOKKEEPING_FIELDS,
    PROVENANCE_FIELDS,
    ROW_TYPES,
    FourA,
    Plan,
    SevenP,
    SituationType,
)
from workbook.paths import get_value
from workbook.stages import Stage

NOT_EDITABLE = {*BOOKKEEPING_FIELDS, *PROVENANCE_FIELDS}
"""Bookkeeping (the history holds snapshots the app takes), and the links to listening the
app fills in (shown, not typed)."""
FAKE_ROW_ID = "0123456789ab"

# The repo lives at <root>/main and the shared brief (with the seed articles) at <root>/shared.
SEEDS_DIR = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"
RUN_LENGTH = 8


def _row_model(annotation: object) -> type[BaseModel] | None:
    if typing.get_origin(annotation) is list:
        (item,) = typing.get_args(annotation)
        if isinstance(item, type) and issubclass(item, BaseModel):
            return item
    return None


def editable_leaf_paths(
    model: type[BaseModel] = Plan, prefix: tuple[str, ...] = ()
) -> Iterator[tuple[str, ...]]:
    """Every user-editable leaf field as a path a widget would use: rows named by an id."""
    for name, field in model.model_fields.items():
        if name in NOT_EDITABLE:
            continue
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            yield from editable_leaf_paths(annotation, prefix + (name,))
        elif (row := _row_model(annotation)) is not None:
            yield from editable_leaf_paths(row, prefix + (name, FAKE_ROW_ID))
        else:
            yield prefix + (name,)


def all_guidance_texts() -> list[str]:
    texts = [SEVEN_P_ATTRIBUTION]
    for guide in FIELD_GUIDES.values():
        texts += [guide.prompt, guide.help, guide.placeholder]
    texts += STAGE_INTROS.values()
    texts += SECTION_INTROS.values()
    texts += FOUR_A_GUIDES.values()
    texts += SITUATION_GUIDES.values()
    for p_guide in SEVEN_P_GUIDES.values():
        texts += [p_guide.summary, *p_guide.questions]
    return texts


def normalise_words(text: str) -> list[str]:
    """Lower-case words, punctuation and apostrophes dropped, so quoting style hides no copy."""
    text = text.casefold().replace("'", "").replace("\u2019", "")
    return re.sub(r"[\W_]+", " ", text).split()


@cache
def seed_runs() -> frozenset[str]:
    """Every run of RUN_LENGTH words from every long-enough sentence of the seed articles."""
    runs: set[str] = set()
    for seed in sorted(SEEDS_DIR.glob("*.txt")):
        for sentence in re.split(r"(?<=[.!?\u2026])\s+|\n+", seed.read_text(encoding="utf-8")):
            words = normalise_words(sentence)
            for start in range(len(words) - RUN_LENGTH + 1):
                runs.add(" ".join(words[start : start + RUN_LENGTH]))
    return frozenset(runs)


def copied_runs(texts: list[str]) -> list[tuple[str, str]]:
    """(seed run, text) for each text that contains a run of words from a seed sentence."""
    if not SEEDS_DIR.is_dir() or not seed_runs():
        pytest.skip(f"seed articles not found at {SEEDS_DIR}")
    runs = seed_runs()
    hits = []
    for text in texts:
        words = normalise_words(text)
        for start in range(len(words) - RUN_LENGTH + 1):
            run = " ".join(words[start : start + RUN_LENGTH])
            if run in runs:
                hits.append((run, text))
    return hits


# ---------------------------------------------------------------- field guides


def test_the_walk_sees_every_kind_of_field():
    paths = {".".join(p) for p in editable_leaf_paths()}
    # Plain, row, enum, bool, date, number and 7 P fields: if the walk missed a kind,
    # the coverage test below would pass for the wrong reason.
    for expected in (
        "details.title",
        f"management.presence.{FAKE_ROW_ID}.platform",
        f"management.people.{FAKE_ROW_ID}.accountable",
        "details.plan_date",
        "management.resources.hours_per_week",
        f"listening.notes.{FAKE_ROW_ID}.tags",
        "planning.seven_ps.participate.communicated_on",
    ):
        assert expected in paths
    assert len(paths) > 100


@pytest.mark.parametrize("path", list(editable_leaf_paths()), ids=".".join)
def test_every_editable_field_has_a_full_guide(path):
    guide = guide_for(path)
    assert isinstance(guide, Guide), f"no guide for {'.'.join(path)}"
    assert guide.prompt.strip() and guide.help.strip() and guide.placeholder.strip()
    assert len(guide.prompt) <= 80, "prompts are labels: keep them short"


def test_no_guide_is_left_over_for_a_field_that_does_not_exist():
    used = {guidance.guide_key(path) for path in editable_leaf_paths()}
    assert set(FIELD_GUIDES) == used


def test_guide_keys_are_dotted_paths_without_row_ids_or_p_names():
    assert "listening.notes.said" in FIELD_GUIDES
    assert "engagement.measures.target" in FIELD_GUIDES
    assert "planning.seven_ps.decision" in FIELD_GUIDES
    assert "planning.seven_ps.communicated_on" in FIELD_GUIDES
    assert not any(key.startswith("planning.seven_ps.purpose") for key in FIELD_GUIDES)


def test_guide_for_ignores_row_ids():
    note = guide_for(("listening", "notes", "3f2a9c0d1e2b", "said"))
    assert note is FIELD_GUIDES["listening.notes.said"]
    # A column named directly, without a row id, finds the same guide.
    assert guide_for(("listening", "notes", "said")) is note
    assert (
        guide_for(("engagement", "measures", "aaaaaaaaaaaa", "target"))
        is (FIELD_GUIDES["engagement.measures.target"])
    )


def test_guide_for_works_with_row_ids_from_a_real_plan():
    plan = Plan()
    row = plan.engagement.playbook[2]
    path = ("engagement", "playbook", row.id, "example_reply")
    assert get_value(plan, path) == ""
    assert guide_for(path) is FIELD_GUIDES["engagement.playbook.example_reply"]


@pytest.mark.parametrize("p", list(SevenP))
def test_guide_for_ignores_the_seven_p_name(p):
    for column in ("decision", "owner", "communicated", "communicated_on"):
        guide = guide_for(("planning", "seven_ps", p.value, column))
        assert guide is FIELD_GUIDES[f"planning.seven_ps.{column}"]


def test_guide_for_unknown_path_is_none():
    assert guide_for(("details", "no_such_field")) is None
    assert guide_for(()) is None
    assert guide_for(("planning", "seven_ps", "purpose")) is None


def test_listening_places_is_not_mistaken_for_the_places_p():
    assert (
        guide_for(("listening", "places", FAKE_ROW_ID, "where"))
        is (FIELD_GUIDES["listening.places.where"])
    )


# ---------------------------------------------------------------- intros and frameworks


@pytest.mark.parametrize("stage", list(Stage))
def test_every_stage_has_an_intro_of_two_to_four_sentences(stage):
    intro = STAGE_INTROS[stage]
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", intro.strip()) if s]
    assert 2 <= len(sentences) <= 4


def test_stage_intros_carry_the_series_lessons():
    assert "listen" in STAGE_INTROS[Stage.LISTENING].lower()
    assert "serve" in STAGE_INTROS[Stage.ENGAGEMENT].lower()
    assert "7 p" in STAGE_INTROS[Stage.PLANNING].lower()


def test_every_part_of_a_stage_has_an_intro():
    expected = {
        "management.presence",
        "management.people",
        "management.governance",
        "management.resources",
        "listening.places",
        "listening.notes",
        "listening.learnings",
        "planning.assessment",
        "engagement.playbook",
        "engagement.activities",
        "engagement.measures",
        "engagement.quality",
        "engagement.cost",
        "engagement.review",
        "workshop.timeboxes",
        "workshop.parking_lot",
        "engagement.readings",
        "engagement.spending",
        "engagement.actions",
    }
    assert set(SECTION_INTROS) == expected
    plan = Plan()
    for key, text in SECTION_INTROS.items():
        get_value(plan, tuple(key.split(".")))  # the key is a real part of the plan
        assert text.strip()


def test_list_section_keys_match_the_model_lists():
    for list_path in ROW_TYPES:
        assert ".".join(list_path) in SECTION_INTROS


@pytest.mark.parametrize("p", list(SevenP))
def test_every_p_has_a_summary_and_three_to_five_questions(p):
    p_guide = SEVEN_P_GUIDES[p]
    assert p_guide.summary.strip()
    assert 3 <= len(p_guide.questions) <= 5
    assert all(q.strip().endswith("?") for q in p_guide.questions)


def test_seven_p_attribution_credits_telligent_and_asks_to_share_with_everyone():
    text = SEVEN_P_ATTRIBUTION.lower()
    assert "telligent" in text
    assert "before" in text and "engag" in text
    assert "whole organisation" in text


@pytest.mark.parametrize("a", list(FourA))
def test_every_four_a_is_explained(a):
    assert FOUR_A_GUIDES[a].strip()


@pytest.mark.parametrize("situation", list(SituationType))
def test_every_situation_has_advice(situation):
    assert SITUATION_GUIDES[situation].strip()


# ---------------------------------------------------------------- no secrets, no copying


def test_no_prompt_or_placeholder_asks_for_a_password():
    for key, guide in FIELD_GUIDES.items():
        assert "password" not in guide.prompt.lower(), key
        assert "password" not in guide.placeholder.lower().replace("password manager", ""), key
        if "password" in guide.help.lower():
            assert "never" in guide.help.lower(), f"{key} mentions passwords without 'never'"


def test_credentials_guidance_says_where_the_login_is_kept_never_the_password():
    guide = FIELD_GUIDES["management.presence.credentials_location"]
    assert "where" in guide.prompt.lower()
    assert "never" in guide.help.lower() and "password" in guide.help.lower()


def test_seed_check_catches_a_copied_sentence():
    if not SEEDS_DIR.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS_DIR}")
    copied = "Oh, and TELLIGENT suggest there are 7 P's to think about and plan for!"
    assert copied_runs([copied])
    assert not copied_runs(["Think about the 7 P's and plan for each of them."])


def test_no_guidance_text_copies_a_seed_sentence():
    assert copied_runs(all_guidance_texts()) == []


def test_guidance_imports_no_qt():
    code = (
        "import sys, workbook.guidance, workbook.examples; "
        "sys.exit(any(m.startswith('PySide6') for m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).parents[2])
    assert result.returncode == 0, "importing guidance or examples loaded PySide6"
