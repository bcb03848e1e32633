"""Named and automatic snapshots through the session, without Qt: take, list, read, delete,
restore, reload; saved inside the plan file, thinned, and carried by copies of the plan."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from workbook.examples import load_example
from workbook.model import ListeningNote, Plan, SnapshotKind, plan_state
from workbook.recovery import RecoveryStore
from workbook.session import LockMode, PlanSession
from workbook.snapshots import (
    SnapshotNotFoundError,
    snapshots_to_keep,
    take_automatic_snapshot,
    take_snapshot,
)
from workbook.storage import load_plan, save_plan
from workbook.templates import copy_for_new_client

T0 = datetime(2026, 4, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def session(tmp_path: Path):
    path = tmp_path / "crumb.json"
    save_plan(load_example("bakery"), path, backups=False)
    opened = PlanSession.open(path)
    yield opened
    opened.close()


def test_a_named_snapshot_is_saved_in_the_plan_file_and_read_back(session: PlanSession) -> None:
    title = session.plan.details.title
    snapshot = session.take_snapshot("Before the workshop", "As sent on Monday", now=T0)
    assert session.has_unsaved_changes  # the history is part of the plan
    session.plan.details.title = "After the workshop"
    session.touch()
    session.save()
    raw = json.loads(session.path.read_text(encoding="utf-8"))
    stored = raw["history"]["snapshots"]
    assert [s["name"] for s in stored] == ["Before the workshop"]
    assert stored[0]["changes"] == {"set": {"/details/title": title}}
    assert stored[0]["taken_at"] == "2026-04-01T09:00:00Z"

    again = PlanSession.open(session.path, mode=LockMode.READ_ONLY)
    listed = again.snapshots()
    assert [(s.id, s.name, s.note, s.kind) for s in listed] == [
        (snapshot.id, "Before the workshop", "As sent on Monday", SnapshotKind.NAMED)
    ]
    assert again.snapshot_plan("Before the workshop").details.title == title
    assert again.snapshot_plan(snapshot.id).details.title == title
    assert again.plan.details.title == "After the workshop"


def test_snapshot_plan_is_a_separate_plan_without_history(session: PlanSession) -> None:
    session.take_snapshot("One", now=T0)
    session.take_snapshot("Two", now=T0 + timedelta(hours=1))
    old = session.snapshot_plan("One")
    assert old.history.snapshots == [] and old.id == session.plan.id
    old.listening.notes.clear()
    assert session.snapshot_plan("One").listening.notes  # the snapshot itself is untouched


def test_unknown_snapshot_names_the_ones_there_are(session: PlanSession) -> None:
    session.take_snapshot("Before the workshop", now=T0)
    with pytest.raises(SnapshotNotFoundError) as caught:
        session.snapshot_plan("Last quarter")
    assert "Last quarter" in str(caught.value) and "Before the workshop" in str(caught.value)


def test_delete_snapshot_keeps_the_others_whole(session: PlanSession) -> None:
    notes = session.plan.listening.notes
    session.take_snapshot("A", now=T0)
    removed = notes.pop(0)
    session.take_snapshot("B", now=T0 + timedelta(days=1))
    notes.pop(0)
    session.take_snapshot("C", now=T0 + timedelta(days=2))
    session.delete_snapshot("B")
    session.save()
    again = load_plan(session.path).plan
    assert [s.name for s in again.history.snapshots] == ["A", "C"]
    from workbook.snapshots import snapshot_plan

    assert snapshot_plan(again, "A").listening.notes[0].id == removed.id
    assert len(snapshot_plan(again, "C").listening.notes) == len(notes)


def test_restore_puts_the_snapshot_back_and_keeps_the_present_as_a_snapshot(
    session: PlanSession,
) -> None:
    first_title = session.plan.details.title
    session.take_snapshot("Before", now=T0)
    session.plan.details.title = "Rewritten"
    plan_id = session.plan.id
    restored = session.restore_snapshot("Before", now=T0 + timedelta(hours=2))
    assert session.plan is restored and restored.details.title == first_title
    assert restored.id == plan_id
    kinds = [s.kind for s in restored.history.snapshots]
    assert kinds == [SnapshotKind.NAMED, SnapshotKind.BEFORE_RESTORE]
    assert session.snapshot_plan(restored.history.snapshots[-1].id).details.title == "Rewritten"
    assert session.has_unsaved_changes


def test_reload_keeps_unsaved_work_as_a_snapshot(session: PlanSession) -> None:
    on_disk = session.plan.details.title
    session.plan.details.title = "Typed but not saved"
    session.touch()
    session.reload_keeping_changes(now=T0)
    assert session.plan.details.title == on_disk
    (kept,) = session.snapshots()
    assert kept.kind is SnapshotKind.BEFORE_RELOAD
    assert session.snapshot_plan(kept.id).details.title == "Typed but not saved"
    # Reloading again: the plan equals the file, so no new snapshot, but the unsaved one
    # from the first reload is not lost.
    session.reload_keeping_changes(now=T0 + timedelta(minutes=5))
    assert [s.id for s in session.snapshots()] == [kept.id]
    session.save()
    assert [s.kind for s in load_plan(session.path).plan.history.snapshots] == [kept.kind]


def test_automatic_snapshots_are_skipped_when_nothing_changed_and_first_edit_once_a_day() -> None:
    plan = load_example("bakery")
    here = timezone(timedelta(hours=2))
    morning = datetime(2026, 4, 1, 8, 0, tzinfo=here)
    assert take_automatic_snapshot(plan, SnapshotKind.FIRST_EDIT, now=morning) is not None
    plan.details.title = "Edited"
    assert (
        take_automatic_snapshot(plan, SnapshotKind.FIRST_EDIT, now=morning.replace(hour=15)) is None
    )
    # 01:00 the next day where the user is, though still the 1st in UTC.
    next_day = datetime(2026, 4, 2, 1, 0, tzinfo=here)
    assert take_automatic_snapshot(plan, SnapshotKind.FIRST_EDIT, now=next_day) is not None
    assert take_automatic_snapshot(plan, SnapshotKind.BEFORE_EXPORT, now=next_day) is None
    with pytest.raises(ValueError):
        take_automatic_snapshot(plan, SnapshotKind.NAMED, now=next_day)


def test_thinning_keeps_named_ones_and_a_fading_sample_of_automatic_ones() -> None:
    plan = Plan()
    now = datetime(2026, 6, 30, 12, 0, tzinfo=UTC)
    for hours in range(0, 24 * 90, 6):  # every six hours for ninety days
        plan.details.title = f"edit {hours}"
        take_snapshot(plan, kind=SnapshotKind.BEFORE_EXPORT, now=now - timedelta(hours=hours))
    take_snapshot(plan, "Kept for ever", now=now - timedelta(days=80))
    plan.history.snapshots.sort(key=lambda s: s.taken_at)
    kept = snapshots_to_keep(plan.history.snapshots, now)
    ages = [now - s.taken_at for s in kept if s.kind.automatic]
    assert any(s.name == "Kept for ever" for s in kept)
    assert sum(age < timedelta(days=1) for age in ages) == 4  # all from the last day
    assert sum(timedelta(days=1) <= age < timedelta(days=7) for age in ages) <= 7
    assert sum(timedelta(days=7) <= age < timedelta(days=30) for age in ages) <= 5
    assert sum(age >= timedelta(days=30) for age in ages) <= 3
    assert len(kept) < 25


def test_take_automatic_snapshot_thins_as_it_goes() -> None:
    plan = Plan()
    for day in range(60):
        plan.details.title = f"day {day}"
        take_automatic_snapshot(
            plan, SnapshotKind.FIRST_EDIT, now=T0 + timedelta(days=day, hours=9)
        )
    assert len(plan.history.snapshots) < 20
    assert plan.history.snapshots[-1].taken_at == T0 + timedelta(days=59, hours=9)


def test_a_copy_for_a_new_plan_has_a_new_id_and_no_history() -> None:
    plan = load_example("bakery")
    take_snapshot(plan, "Private", now=T0)
    copy = copy_for_new_client(plan)
    assert copy.id != plan.id and copy.history.snapshots == []
    assert len(plan.history.snapshots) == 1


def test_the_autosave_hand_over_and_recovery_copies_keep_every_snapshot(tmp_path: Path) -> None:
    plan = load_example("bakery")
    take_snapshot(plan, "One", now=T0)
    plan.listening.notes.append(ListeningNote(said="A new note"))
    take_snapshot(plan, "Two", now=T0 + timedelta(days=1))
    plan.details.title = "Now"
    # The window's autosaver: a Python-mode dump on the UI thread, validated on a worker.
    handed_over = Plan.model_validate(plan.model_dump(round_trip=True))
    assert [s.state for s in handed_over.history.snapshots] == [
        s.state for s in plan.history.snapshots
    ]
    assert handed_over == plan
    store = RecoveryStore(tmp_path / "recovery")
    store.write(plan, None, "s1", saved_at=T0)
    (copy,) = store.list()
    recovered = store.load(copy).plan
    assert [s.state for s in recovered.history.snapshots] == [
        s.state for s in plan.history.snapshots
    ]
    assert plan_state(recovered) == plan_state(plan)


def test_the_plan_as_json_from_its_parts_is_model_dump_json_exactly():
    """The autosaver takes the plan as JSON in two steps (the quick part on the UI thread,
    the snapshots' changes on its worker): together they must give what pydantic gives."""
    from workbook.model import plan_json_from_parts, plan_json_parts

    plan = Plan()
    plan.details.title = "Before"
    take_snapshot(plan, "one", now=T0)
    plan.details.title = "After"
    plan.listening.notes.append(ListeningNote(said="Heard at the market"))
    take_snapshot(plan, "two", now=T0)
    plan.details.organisation = "Now"
    plan.dismissed_checks.append("rule|path|digest")
    expected = plan.model_dump(mode="json")
    joined = plan_json_from_parts(*plan_json_parts(plan))
    assert joined == expected
    assert list(joined) == list(expected)  # the same order of keys, as the file writes them
    blank = Plan()
    assert plan_json_from_parts(*plan_json_parts(blank)) == blank.model_dump(mode="json")
