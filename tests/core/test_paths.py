"""Field paths: reading, writing and naming places in a plan."""

import pytest

from workbook.model import Channel, ListeningNote, Plan
from workbook.paths import describe_location, get_value, row_index, set_value


@pytest.fixture
def plan():
    return Plan(
        management={"presence": [Channel(handle="@bun"), Channel(handle="@loaf")]},
        listening={"notes": [ListeningNote(said=str(i)) for i in range(15)]},
    )


def test_get_and_set_by_row_id(plan):
    note = plan.listening.notes[11]
    path = ("listening", "notes", note.id, "said")
    assert get_value(plan, path) == "11"
    assert set_value(plan, path, "changed") == "11"
    assert plan.listening.notes[11].said == "changed"
    assert row_index(plan, ("listening", "notes"), note.id) == 11


def test_unknown_row_id_raises_key_error(plan):
    with pytest.raises(KeyError):
        get_value(plan, ("listening", "notes", "nope", "said"))


def test_describe_pydantic_location_counts_from_one():
    assert (
        describe_location(("listening", "notes", 11, "sentiment"))
        == "Listening & Learning › Listening notes › note 12 › Sentiment"
    )


def test_describe_field_path_with_row_id(plan):
    channel = plan.management.presence[1]
    assert (
        describe_location(("management", "presence", channel.id, "owner"), plan)
        == "Management & Administration › Presence inventory › channel 2 › Owner"
    )


def test_describe_nested_parts():
    assert (
        describe_location(("planning", "seven_ps", "purpose", "decision"))
        == "Thinking & Planning with the 7 P's › The 7 P's › Purpose › Our decision"
    )
    assert describe_location(()) == "the plan"
    assert describe_location(("mystery_key",)) == "Mystery key"


def test_walk_fields_reaches_every_field_by_a_path_get_value_follows() -> None:
    from workbook.paths import walk_fields

    plan = Plan.model_validate(
        {
            "format": "social-media-value-workbook",
            "schema_version": 1,
            "details": {"title": "T", "mascot": "a loaf"},
            "listening": {"notes": [{"id": "n1", "said": "hello", "tags": ["a"]}]},
        }
    )
    fields = dict(walk_fields(plan))
    assert fields[("details", "title")] == "T"
    assert fields[("listening", "notes", "n1", "said")] == "hello"
    assert fields[("listening", "notes", "n1", "tags")] == ["a"]
    assert fields[("details", "mascot")] == "a loaf"  # kept from the file, walked too
    assert ("details", "mascot") not in dict(walk_fields(plan, unknown=False))
    for path, value in fields.items():
        assert get_value(plan, path) == value
