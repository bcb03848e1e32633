"""The file behind an open plan: locks, fingerprints, read-only mode, Save As, and copies."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from tests.gui.conftest import write_plan
from workbook.gui.file_session import FileSession, LockMode, os_error_message, plan_copy_for_new
from workbook.locking import PlanLock, PlanLockedError, lock_path_for
from workbook.model import ListeningNote, Plan
from workbook.storage import PlanChangedOnDiskError, PlanLoadError, PlanSaveError, load_plan


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
    session, loaded = FileSession.open(path)
    assert loaded.plan.details.title == "Bakery plan"
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
        FileSession.open(path)
    assert "anna" in caught.value.holder.describe()
    assert not caught.value.holder.is_stale

    session, _ = FileSession.open(path, LockMode.READ_ONLY)
    assert session.read_only and session.lock is None
    with pytest.raises(PlanSaveError, match="read-only"):
        session.save(Plan())
    session.close()
    assert json.loads(lock_path_for(path).read_text())["user"] == "anna"  # theirs, untouched

    taken, _ = FileSession.open(path, LockMode.TAKE_OVER)
    assert taken.lock is not None and taken.lock.is_held
    taken.close()


def test_a_stale_lock_is_reported_before_it_is_replaced(tmp_path):
    path = write_plan(tmp_path / "plan.json")
    from workbook.locking import current_host

    foreign_lock(path, host=current_host(), pid=dead_pid())
    with pytest.raises(PlanLockedError) as caught:
        FileSession.open(path)
    assert caught.value.holder.is_stale
    session, _ = FileSession.open(path, LockMode.TAKE_OVER)
    assert session.lock.is_held
    session.close()


def test_save_notices_a_change_made_elsewhere_and_can_overwrite(tmp_path):
    path = write_plan(tmp_path / "plan.json", title="Mine")
    session, loaded = FileSession.open(path)
    write_plan(path, title="Changed by someone else")
    loaded.plan.details.title = "My edit"
    with pytest.raises(PlanChangedOnDiskError):
        session.save(loaded.plan)
    assert load_plan(path).plan.details.title == "Changed by someone else"
    session.save(loaded.plan, overwrite=True)
    assert load_plan(path).plan.details.title == "My edit"
    loaded.plan.details.title = "Second edit"
    session.save(loaded.plan)  # the fingerprint moved on with the save
    assert load_plan(path).plan.details.title == "Second edit"
    session.close()


def test_save_as_moves_the_lock_and_becomes_writable(tmp_path):
    first = write_plan(tmp_path / "first.json")
    foreign_lock(first)
    session, loaded = FileSession.open(first, LockMode.READ_ONLY)
    second = tmp_path / "second.json"
    session.save_as(loaded.plan, second)
    assert session.path == second.absolute() and not session.read_only
    assert lock_path_for(second).exists()
    assert json.loads(lock_path_for(first).read_text())["user"] == "anna"
    session.save(loaded.plan)
    session.close()
    assert not lock_path_for(second).exists()


def test_save_as_refuses_a_file_open_elsewhere(tmp_path):
    target = write_plan(tmp_path / "theirs.json", title="Theirs")
    foreign_lock(target)
    session = FileSession()
    with pytest.raises(PlanSaveError, match="open elsewhere"):
        session.save_as(Plan(), target)
    assert load_plan(target).plan.details.title == "Theirs"
    assert session.path is None


def test_load_failure_leaves_the_file_and_folder_alone(tmp_path):
    path = tmp_path / "broken.json"
    path.write_bytes(b'{"format": "social-media-value-workbook", "details": ')
    before = path.read_bytes()
    with pytest.raises(PlanLoadError):
        FileSession.open(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.json"]


def test_os_error_messages_are_human(tmp_path):
    import errno

    full = os_error_message(OSError(errno.ENOSPC, "No space left on device"), tmp_path / "a.json")
    denied = os_error_message(
        PermissionError(errno.EACCES, "Permission denied"), tmp_path / "a.json"
    )
    assert "disk is full" in full and "a.json" in full
    assert "not allowed" in denied and str(tmp_path) in denied


def test_copy_for_a_new_plan_keeps_content_and_clears_the_edition():
    plan = Plan()
    plan.details.title = "Spring plan"
    plan.details.organisation = "Wrenford Bakery"
    plan.details.prepared_for = "Mia"
    plan.details.prepared_by = "Sam"
    plan.details.plan_date = date(2026, 3, 1)
    plan.details.revision_note = "Second draft"
    plan.listening.notes.append(ListeningNote(said="Love the rye"))
    plan.planning.seven_ps.purpose.decision = "Serve the neighbourhood"

    copy = plan_copy_for_new(plan)

    assert copy.details.title == "Spring plan"
    assert copy.details.organisation == "Wrenford Bakery"
    assert copy.details.prepared_by == "Sam"
    assert (copy.details.prepared_for, copy.details.plan_date, copy.details.revision_note) == (
        "",
        None,
        "",
    )
    assert copy.listening.notes[0].said == "Love the rye"
    assert copy.planning.seven_ps.purpose.decision == "Serve the neighbourhood"
    copy.listening.notes[0].said = "changed"
    assert plan.listening.notes[0].said == "Love the rye"  # the source is untouched
    assert plan.details.prepared_for == "Mia"
