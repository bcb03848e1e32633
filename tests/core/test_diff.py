"""Compare two versions of a plan stage by stage, and restore a field or a row from a
snapshot through the session, without Qt."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbook.diff import (
    ChangeKind,
    FieldChange,
    InsertRow,
    MoveRow,
    RemoveRows,
    RestoreError,
    RowChange,
    SetValue,
    apply_edits,
    compare,
    comparison_text,
    marked_text,
    restore_change,
    restore_field,
    restore_row,
    word_diff,
)
from workbook.examples import load_example
from workbook.model import ListeningNote, Plan, Sentiment, plan_state
from workbook.session import PlanSession
from workbook.stages import Stage

T0 = datetime(2026, 4, 1, 9, 0, tzinfo=UTC)


def edited(plan: Plan) -> dict[str, str]:
    """Make one change of every kind; returns the ids involved."""
    notes = plan.listening.notes
    changed, removed, moved = notes[2], notes[5], plan.engagement.activities[3]
    assert changed.sentiment is Sentiment.MIXED
    assert "a coffee and a roll" in changed.said
    changed.said = changed.said.replace("a coffee", "a tea", 1) + " Asked twice."
    changed.sentiment = Sentiment.NEGATIVE
    notes.remove(removed)
    added = ListeningNote(noted_on=date(2026, 4, 2), said="Do you open on bank holidays?")
    notes.append(added)
    activities = plan.engagement.activities
    activities.insert(0, activities.pop(3))
    plan.details.title = "Crumb & Co. plan, second edition"
    plan.planning.seven_ps.purpose.communicated = False
    return {"changed": changed.id, "removed": removed.id, "added": added.id, "moved": moved.id}


@pytest.fixture
def session() -> PlanSession:
    return PlanSession(load_example("bakery"))


def test_compare_finds_every_kind_of_change_stage_by_stage(session: PlanSession) -> None:
    session.take_snapshot("Before", now=T0)
    ids = edited(session.plan)
    comparison = compare(session.snapshot_plan("Before"), session.plan)
    assert [s.stage for s in comparison.stages] == [
        Stage.DETAILS,
        Stage.LISTENING,
        Stage.PLANNING,
        Stage.ENGAGEMENT,
    ]
    rows = {(c.kind, c.row_id) for c in comparison if isinstance(c, RowChange)}
    assert rows == {
        (ChangeKind.CHANGED, ids["changed"]),
        (ChangeKind.REMOVED, ids["removed"]),
        (ChangeKind.ADDED, ids["added"]),
        (ChangeKind.MOVED, ids["moved"]),
    }
    assert comparison.counts == {
        ChangeKind.ADDED: 1,
        ChangeKind.REMOVED: 1,
        ChangeKind.CHANGED: 3,
        ChangeKind.MOVED: 1,
    }
    title = comparison.stages[0].changes[0]
    assert isinstance(title, FieldChange) and title.path == ("details", "title")
    assert title.label == "Plan title"
    purpose = comparison.stages[2].changes[0]
    assert (purpose.old_text, purpose.new_text) == ("Yes", "No")
    note = next(c for c in comparison if isinstance(c, RowChange) and c.row_id == ids["changed"])
    by_field = {f.path[-1]: f for f in note.fields}
    assert set(by_field) == {"said", "sentiment"}
    assert (by_field["sentiment"].old_text, by_field["sentiment"].new_text) == (
        "Mixed",
        "Negative",
    )
    said = marked_text(by_field["said"].segments)
    assert "buy a [-coffee-]{+tea+} and a roll" in said and said.endswith("{+ Asked twice.+}")
    assert comparison.change_paths()[0] == ("details", "title")


def test_two_snapshots_compare_without_building_plans(session: PlanSession) -> None:
    session.take_snapshot("One", now=T0)
    edited(session.plan)
    session.take_snapshot("Two", now=T0 + timedelta(days=7))
    session.plan.details.title = "Later still"
    one, two = session.snapshots()
    comparison = compare(one.state, two.state, old_label="One", new_label="Two")
    assert comparison.counts[ChangeKind.ADDED] == 1
    assert all(c.path != ("details", "title") or c.new != "Later still" for c in comparison)
    assert compare(two.state, two.state).is_empty
    assert "No changes." in comparison_text(compare(two.state, two.state))


def test_restoring_each_change_brings_the_snapshot_back_as_one_list_of_edits(
    session: PlanSession,
) -> None:
    session.take_snapshot("Before", now=T0)
    edited(session.plan)
    snapshot = session.snapshot_plan("Before")
    edits = []
    for change in compare(snapshot, session.plan):
        edits += restore_change(session.plan, snapshot, change)
    assert {type(e) for e in edits} == {SetValue, InsertRow, RemoveRows, MoveRow}
    apply_edits(session.plan, edits)
    assert compare(snapshot, session.plan).is_empty
    assert plan_state(session.plan) == plan_state(snapshot) | {"id": session.plan.id}


def test_restore_a_removed_row_puts_it_back_in_its_place(session: PlanSession) -> None:
    notes = session.plan.listening.notes
    session.take_snapshot("Before", now=T0)
    gone = notes.pop(5)
    notes.pop(4)  # its neighbour went too: it goes after the nearest one still there
    edits = restore_row(
        session.plan, session.snapshot_plan("Before"), ("listening", "notes"), gone.id
    )
    assert edits == [InsertRow(("listening", "notes"), 4, gone)]
    apply_edits(session.plan, edits)
    assert notes[4] == gone and notes[3].id != gone.id


def test_restore_a_single_field_of_a_row(session: PlanSession) -> None:
    note = session.plan.listening.notes[0]
    session.take_snapshot("Before", now=T0)
    old_said = note.said
    note.said, note.wants = "changed", "changed too"
    path = ("listening", "notes", note.id, "said")
    edits = restore_field(session.plan, session.snapshot_plan("Before"), path)
    assert edits == [SetValue(path, old_said)]
    apply_edits(session.plan, edits)
    assert (note.said, note.wants) == (old_said, "changed too")
    assert restore_field(session.plan, session.snapshot_plan("Before"), path) == []


def test_restore_a_whole_p_decision(session: PlanSession) -> None:
    session.take_snapshot("Before", now=T0)
    purpose = session.plan.planning.seven_ps.purpose
    before = purpose.model_copy()
    purpose.decision, purpose.communicated = "New words", False
    edits = restore_field(
        session.plan, session.snapshot_plan("Before"), ("planning", "seven_ps", "purpose")
    )
    assert len(edits) == 2
    apply_edits(session.plan, edits)
    assert purpose == before


def test_a_field_of_a_row_added_since_cannot_be_restored_alone(session: PlanSession) -> None:
    session.take_snapshot("Before", now=T0)
    new = ListeningNote(said="new")
    session.plan.listening.notes.append(new)
    with pytest.raises(RestoreError, match="restore the whole row"):
        restore_field(
            session.plan, session.snapshot_plan("Before"), ("listening", "notes", new.id, "said")
        )
    edits = restore_row(
        session.plan, session.snapshot_plan("Before"), ("listening", "notes"), new.id
    )
    assert edits == [RemoveRows(("listening", "notes"), (new.id,))]


def test_json_output_names_kinds_labels_and_segments(session: PlanSession) -> None:
    session.take_snapshot("Before", now=T0)
    edited(session.plan)
    out = compare(session.snapshot_plan("Before"), session.plan, old_label="a", new_label="b")
    data = out.to_json()
    assert data["from"] == "a" and data["counts"]["moved"] == 1
    details = data["stages"][0]
    assert details["stage"] == "details"
    assert details["changes"][0]["segments"] == [
        {"kind": "equal", "text": "Crumb & Co. "},
        {"kind": "delete", "text": "social media "},
        {"kind": "equal", "text": "plan"},
        {"kind": "delete", "text": " 2026"},
        {"kind": "insert", "text": ", second edition"},
    ]


WORDS = st.lists(
    st.sampled_from(["bread", "cake", " ", "  ", "\n", ",", "café", "日本", "x"]), max_size=25
).map("".join)


@given(WORDS, WORDS)
def test_word_segments_give_back_both_texts(old: str, new: str) -> None:
    segments = word_diff(old, new)
    assert "".join(s.text for s in segments if s.kind != "insert") == old
    assert "".join(s.text for s in segments if s.kind != "delete") == new
    assert all(a.kind != b.kind for a, b in zip(segments, segments[1:], strict=False))
    # A change reads as one deletion then one insertion, never the other way round.
    assert all(
        (a.kind, b.kind) != ("insert", "delete")
        for a, b in zip(segments, segments[1:], strict=False)
    )


def test_long_texts_are_compared_line_by_line_first() -> None:
    old = "\n".join(f"line {i} of the answer" for i in range(1000))
    new = old.replace("line 500 of", "line 500, changed, of")
    segments = word_diff(old, new)
    assert [s.text for s in segments if s.kind == "insert"] == [","] or any(
        "changed" in s.text for s in segments if s.kind == "insert"
    )
    assert "".join(s.text for s in segments if s.kind != "delete") == new
