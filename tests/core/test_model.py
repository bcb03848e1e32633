"""The plan model: defaults, text cleaning, strictness, unknown fields, no secrets."""

import json
import math
from datetime import date

import pytest
from pydantic import ValidationError

from workbook.model import (
    FORMAT_MARKER,
    ROW_TYPES,
    SCHEMA_VERSION,
    Channel,
    FourA,
    ListeningNote,
    Plan,
    Resources,
    SituationType,
    clean_text,
)


def test_blank_plan_has_marker_version_and_seeded_lists():
    plan = Plan()
    assert plan.format == FORMAT_MARKER
    assert plan.schema_version == SCHEMA_VERSION
    assert [e.situation for e in plan.engagement.playbook] == list(SituationType)
    assert [m.dimension for m in plan.engagement.measures] == list(FourA)
    assert plan.listening.notes == []


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("plain", "plain"),
        ("a\x00b", "ab"),
        ("tab\tand\nnewline", "tab\tand\nnewline"),
        ("win\r\nmac\rend", "win\nmac\nend"),
        ("bell\x07 esc\x1b del\x7f c1\x85", "bell esc del c1"),
        ("lone \ud800 surrogate", "lone \ufffd surrogate"),
        ("ελληνικά кириллица עברית العربية 中文 😀", "ελληνικά кириллица עברית العربية 中文 😀"),
    ],
)
def test_clean_text(raw, expected):
    assert clean_text(raw) == expected


def test_text_is_cleaned_on_construction_and_assignment():
    note = ListeningNote(said="x\x00y", tags=["a\x01b"])
    assert note.said == "xy"
    assert note.tags == ["ab"]
    note.said = "p\ud83dq"
    assert note.said == "p\ufffdq"
    # The cleaned plan always serialises: saving can never fail because of content.
    plan = Plan(listening={"notes": [note]})
    json.dumps(plan.model_dump(mode="json"), ensure_ascii=False).encode("utf-8")


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf, -1, 169])
def test_hours_per_week_is_strict(bad):
    with pytest.raises(ValidationError):
        Resources(hours_per_week=bad)


def test_enums_reject_unknown_values():
    with pytest.raises(ValidationError):
        ListeningNote(sentiment="furious")
    with pytest.raises(ValidationError):
        Channel(platform="myspace")


def test_dates_are_dates():
    note = ListeningNote.model_validate({"noted_on": "2026-03-04"})
    assert note.noted_on == date(2026, 3, 4)
    with pytest.raises(ValidationError):
        ListeningNote.model_validate({"noted_on": "last tuesday"})


def test_unknown_fields_are_kept_through_a_round_trip():
    data = Plan().model_dump(mode="json")
    data["added_by_a_newer_release"] = {"x": 1}
    data["details"]["nickname"] = "Bun Club"
    again = Plan.model_validate(data).model_dump(mode="json")
    assert again["added_by_a_newer_release"] == {"x": 1}
    assert again["details"]["nickname"] == "Bun Club"


def test_rows_get_distinct_stable_ids():
    a, b = Channel(), Channel()
    assert a.id != b.id
    data = a.model_dump(mode="json")
    assert Channel.model_validate(data).id == a.id


def test_every_list_is_registered_with_its_row_type():
    plan = Plan()
    for (part, name), row_type in ROW_TYPES.items():
        rows = getattr(getattr(plan, part), name)
        assert isinstance(rows, list)
        field = type(getattr(plan, part)).model_fields[name]
        assert field.annotation == list[row_type]


def _field_names(model, seen=None):
    from pydantic import BaseModel

    seen = set() if seen is None else seen
    for name, field in model.model_fields.items():
        seen.add(name)
        for candidate in (field.annotation, *getattr(field.annotation, "__args__", ())):
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                _field_names(candidate, seen)
    return seen


def test_no_field_invites_a_secret():
    names = _field_names(Plan)
    for forbidden in ("password", "secret", "token", "pin", "passcode"):
        assert not any(forbidden in name for name in names), forbidden
    assert "credentials_location" in names
