"""Field paths: reading, writing and naming places in a plan."""

import pytest

from workbook.model import Channel, ListeningNote, Plan
from workbook.paths import (
    describe_location,
    field_info,
    get_value,
    is_row_step,
    iter_parts,
    row_index,
    schema_path,
    set_value,
)


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
            "schema_version": 2,
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


# ---------------------------------------------------------------- the one walker


def test_schema_path_leaves_out_row_ids_and_indexes(plan):
    note = plan.listening.notes[3]
    assert schema_path(("listening", "notes", note.id, "said")) == ("listening", "notes", "said")
    assert schema_path(("listening", "notes", 3, "tags", 1)) == ("listening", "notes", "tags")
    # A column named directly (as guidance and the tables do) is kept.
    assert schema_path(("listening", "notes", "said")) == ("listening", "notes", "said")
    assert schema_path(("planning", "seven_ps", "people", "decision")) == (
        "planning",
        "seven_ps",
        "people",
        "decision",
    )


def test_field_info_follows_rows_and_parts(plan):
    note = plan.listening.notes[0]
    assert field_info(("listening", "notes", note.id, "said")).title == "What was said"
    assert field_info(("listening", "notes", "said")) is field_info(
        ("listening", "notes", note.id, "said")
    )
    assert field_info(("listening", "notes", note.id)).title == "Listening notes"
    assert field_info(("listening", "nothing_here")) is None
    assert field_info(("details", "title", "deeper")) is None


def test_is_row_step_tells_row_ids_from_columns():
    assert is_row_step(ListeningNote, "3f2a9c0d1e2b")
    assert is_row_step(ListeningNote, "id")
    assert is_row_step(ListeningNote, 4)
    assert not is_row_step(ListeningNote, "said")
    assert is_row_step(None, 2) and not is_row_step(None, "x")


def test_iter_parts_reaches_every_row_with_its_pydantic_location(plan):
    found = dict(iter_parts(plan))
    assert found[()] is plan
    assert found[("listening", "notes", 14)] is plan.listening.notes[14]
    assert found[("management", "presence", 1)] is plan.management.presence[1]
    assert found[("planning", "seven_ps", "people")] is plan.planning.seven_ps.people


def test_a_part_named_like_a_list_is_not_read_as_a_row():
    # The 7 P's "people" and "places" share their names with lists of rows elsewhere.
    assert describe_location(("planning", "seven_ps", "people", "decision")).endswith(
        "People › Our decision"
    )


def test_every_walker_of_field_paths_agrees_with_schema_path(plan):
    """Guidance keys, editor names and example look-ups all drop row ids the same way."""
    from workbook import guidance
    from workbook.examples import example_text

    note = plan.listening.notes[2]
    path = ("listening", "notes", note.id, "said")
    assert guidance.guide_key(path) == ".".join(schema_path(path)) == "listening.notes.said"
    assert guidance.guide_key(("planning", "seven_ps", "people", "decision")) == (
        "planning.seven_ps.decision"
    )
    assert example_text(path, plan) == example_text(("listening", "notes", "said"))
