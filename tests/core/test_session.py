"""PlanSession, without Qt: locks, fingerprints, read-only, Save As, restore, reload, copies."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from workbook.locking import PlanLock, PlanLockedError, lock_path_for
from workbook.model import Plan
from workbook.session import UNKNOWN_BASE, LockMode, PlanSession
from workbook.storage import (
    PlanChangedOnDiskError,
    PlanLoadError,
    PlanSaveError,
    fingerprint_file,
    load_plan,
    save_plan,
)


def write_plan(path: Path, **details: str) -> Path:
    """A plan file made through the real save function."""
    plan = Plan()
    for key, value in details.items():
        setattr(plan.details, key, value)
    save_plan(plan, path)
    return path


def foreign_lock(path: Path, host: str = "other-laptop", pid: int = 4242) -> None:
    """A lock file as another computer's app would leave it."""
    lock_path_for(path).write_text(
        json.dumps(
            {
                "format": "social-media-value-workbook-lock",
                "user": "anna",
                "host": host,
                "pid": pid,
                "app_version": "0.1.0",
                "since": "2026-11-22T14:05:00+00:00",
                "token": "abc",
            }
        ),
        encoding="utf-8",
    )


def dead_pid() -> int:
    """A process id that is not running on this computer."""
    pid = os.getpid() + 100000
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return pid
        except PermissionError:
            pass
        pid += 1


def test_open_locks_and_close_releases(tmp_path):
    path = write_plan(tmp_path / "plan.json", title="Bakery plan")
    session = PlanSession.open(path)
    assert session.plan.details.title == "Bakery plan"
    assert session.path == path.absolute() and not session.read_only
    assert lock_path_for(path).exists()
    with pytest.raises(PlanLockedError):
        PlanLock(path).acquire()  # someone else trying now is refused
    session.close()
    assert not lock_path_for(path).exists()


def test_open_a_plan_held_by_another_computer(tmp_path):
    path = write_plan(tmp_path / "plan.json")
    foreign_lock(path)
    with pytest.raises(PlanLockedError) as caught:
        PlanSession.open(path)
    assert "anna" in caught.value.holder.describe()
    assert not caught.value.holder.is_stale

    session = PlanSession.open(path, LockMode.READ_ONLY)
    assert session.read_only and session.lock is None
    with pytest.raises(PlanSaveError, match="read-only"):
        session.save()
    session.close()
    assert json.loads(lock_path_for(path).read_text())["user"] == "anna"  # theirs, untouched

    taken = PlanSession.open(path, LockMode.TAKE_OVER)
    assert taken.lock is not None and taken.lock.is_held
    taken.close()


def test_a_stale_lock_is_reported_before_it_is_replaced(tmp_path):
    path = write_plan(tmp_path / "plan.json")
    from workbook.locking import current_host

    foreign_lock(path, host=current_host(), pid=dead_pid())
    with pytest.raises(PlanLockedError) as caught:
        PlanSession.open(path)
    assert caught.value.holder.is_stale
    session = PlanSession.open(path, LockMode.TAKE_OVER)
    assert session.lock.is_held
    session.close()


def test_save_notices_a_change_made_elsewhere_and_can_overwrite(tmp_path):
    path = write_plan(tmp_path / "plan.json", title="Mine")
    session = PlanSession.open(path)
    write_plan(path, title="Changed by someone else")
    session.plan.details.title = "My edit"
    session.touch()
    with pytest.raises(PlanChangedOnDiskError):
        session.save()
    assert load_plan(path).plan.details.title == "Changed by someone else"
    assert session.has_unsaved_changes
    session.save(overwrite=True)
    assert load_plan(path).plan.details.title == "My edit"
    assert not session.has_unsaved_changes
    session.plan.details.title = "Second edit"
    session.save()  # the fingerprint moved on with the save
    assert load_plan(path).plan.details.title == "Second edit"
    session.close()


def test_save_as_moves_the_lock_and_becomes_writable(tmp_path):
    first = write_plan(tmp_path / "first.json")
    foreign_lock(first)
    session = PlanSession.open(first, LockMode.READ_ONLY)
    second = tmp_path / "second.json"
    session.save_as(second)
    assert session.path == second.absolute() and not session.read_only
    assert lock_path_for(second).exists()
    assert json.loads(lock_path_for(first).read_text())["user"] == "anna"
    session.save()
    session.close()
    assert not lock_path_for(second).exists()


def test_save_as_refuses_a_file_open_elsewhere(tmp_path):
    target = write_plan(tmp_path / "theirs.json", title="Theirs")
    foreign_lock(target)
    session = PlanSession()
    with pytest.raises(PlanSaveError, match="open elsewhere"):
        session.save_as(target)
    assert load_plan(target).plan.details.title == "Theirs"
    assert session.path is None


def test_load_failure_leaves_the_file_and_folder_alone(tmp_path):
    path = tmp_path / "broken.json"
    path.write_bytes(b'{"format": "social-media-value-workbook", "details": ')
    before = path.read_bytes()
    with pytest.raises(PlanLoadError):
        PlanSession.open(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.json"]


def test_restore_then_an_outside_change_then_save_asks(tmp_path):
    """The recovery copy was based on the version on disk when it was written; a file
    changed after that (but before the restore) must not be overwritten silently."""
    path = write_plan(tmp_path / "plan.json", title="Version the copy was made from")
    base = fingerprint_file(path)
    write_plan(path, title="Changed by someone else after the crash")
    restored = Plan()
    restored.details.title = "Restored work"

    session = PlanSession.restore(restored, path, base)
    assert session.path == path.absolute() and session.has_unsaved_changes
    assert session.lock is not None and session.lock.is_held
    with pytest.raises(PlanChangedOnDiskError):
        session.save()
    assert load_plan(path).plan.details.title == "Changed by someone else after the crash"
    session.save(overwrite=True)  # the user chose to overwrite
    assert load_plan(path).plan.details.title == "Restored work"
    session.close()


def test_restore_onto_an_unchanged_file_saves_without_asking(tmp_path):
    path = write_plan(tmp_path / "plan.json", title="Before")
    restored = Plan()
    restored.details.title = "After"
    session = PlanSession.restore(restored, path, fingerprint_file(path))
    session.save()
    assert load_plan(path).plan.details.title == "After"
    session.close()


def test_restore_without_a_recorded_base_asks_before_overwriting(tmp_path):
    path = write_plan(tmp_path / "plan.json", title="On disk")
    session = PlanSession.restore(Plan(), path, None)
    assert session.fingerprint == UNKNOWN_BASE
    with pytest.raises(PlanChangedOnDiskError):
        session.save()
    session.close()


def test_restore_of_a_never_saved_plan_is_untitled():
    session = PlanSession.restore(Plan(), None, None)
    assert session.is_untitled and session.has_unsaved_changes and session.lock is None
    with pytest.raises(ValueError):
        session.save()


def test_reload_drops_unsaved_changes_and_takes_the_new_fingerprint(tmp_path):
    path = write_plan(tmp_path / "plan.json", title="First")
    session = PlanSession.open(path)
    session.plan.details.title = "Unsaved"
    session.touch()
    write_plan(path, title="Changed elsewhere")
    session.reload()
    assert session.plan.details.title == "Changed elsewhere"
    assert not session.has_unsaved_changes
    session.plan.details.title = "Now mine"
    session.save()  # no conflict: the session is based on the reloaded version
    assert load_plan(path).plan.details.title == "Now mine"
    session.close()


def test_a_failed_reload_leaves_the_session_as_it_was(tmp_path):
    path = write_plan(tmp_path / "plan.json", title="First")
    session = PlanSession.open(path)
    fingerprint = session.fingerprint
    path.write_bytes(b"{ damaged")
    with pytest.raises(PlanLoadError):
        session.reload()
    assert session.plan.details.title == "First" and session.fingerprint == fingerprint
    session.close()


def test_autosaved_result_for_another_path_is_ignored(tmp_path):
    path = write_plan(tmp_path / "plan.json")
    session = PlanSession.open(path)
    other = save_plan(Plan(), tmp_path / "other.json")
    before = session.fingerprint
    session.saved(other)
    assert session.fingerprint == before
    session.close()


def test_the_state_is_worked_out_once_a_change_and_a_snapshot_keeps_it(monkeypatch):
    """The recovery copy and an export's hand-over share the plan's state while nothing
    changes; a snapshot changes the history only, so the state it took stays known; but a
    snapshot itself always takes the plan afresh (a script may change it in place)."""
    import workbook.session as session_module
    import workbook.snapshots as snapshots_module
    from workbook.examples import load_example
    from workbook.model import SnapshotKind

    calls = []
    real = session_module.plan_state
    for module in (session_module, snapshots_module):  # the session's own, a snapshot's
        monkeypatch.setattr(module, "plan_state", lambda plan: calls.append(1) or real(plan))
    session = PlanSession(load_example("bakery"))
    first = session.state()
    assert session.state() is first and len(calls) == 1
    session.plan.details.title = "Changed"
    session.touch()
    second = session.state()
    assert second is not first and second["details"]["title"] == "Changed"
    assert len(calls) == 2

    session.take_automatic_snapshot(SnapshotKind.BEFORE_EXPORT)
    assert len(calls) == 3
    assert session.state() is session.plan.history.snapshots[-1].state
    assert len(calls) == 3

    session.plan.details.title = "In place"  # a script's change, without touch()
    session.take_snapshot("By hand")
    assert session.plan.history.snapshots[-1].state["details"]["title"] == "In place"
    assert session.state()["details"]["title"] == "In place"


def test_a_first_edit_snapshot_already_taken_today_costs_no_dump(monkeypatch):
    """The day's first edit asks for a snapshot on the keystroke itself: when one was taken
    that day already, the plan is not worked out as JSON for nothing."""
    from datetime import UTC, datetime

    import workbook.session as session_module
    import workbook.snapshots as snapshots_module
    from workbook.examples import load_example
    from workbook.model import SnapshotKind

    now = datetime(2026, 11, 27, 9, tzinfo=UTC)
    session = PlanSession(load_example("bakery"))
    assert session.take_automatic_snapshot(SnapshotKind.FIRST_EDIT, now=now) is not None
    calls = []
    real = snapshots_module.plan_state
    for module in (session_module, snapshots_module):
        monkeypatch.setattr(module, "plan_state", lambda p: calls.append(1) or real(p))
    later = now.replace(hour=15)
    assert session.take_automatic_snapshot(SnapshotKind.FIRST_EDIT, now=later) is None
    assert calls == []
