"""Plan lock files: who has a plan open, stale locks after a crash, taking over, releasing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from workbook.locking import (
    LockHolder,
    PlanLock,
    PlanLockedError,
    current_host,
    lock_path_for,
    pid_is_running,
)

SINCE = datetime(2026, 11, 22, 14, 5, 30, tzinfo=UTC)


def _clock() -> datetime:
    return SINCE


def _dead_pid() -> int:
    """The id of a process that has finished (and been reaped)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    path = tmp_path / "client.json"
    path.write_text("{}", encoding="utf-8")
    return path


def test_lock_file_sits_beside_the_plan(plan_path: Path) -> None:
    assert lock_path_for(plan_path) == plan_path.parent / ".~client.json.lock"


def test_acquire_writes_who_and_since(plan_path: Path) -> None:
    lock = PlanLock(plan_path, user="anna", host="LAPTOP-7", clock=_clock)
    assert lock.holder() is None
    lock.acquire()
    record = json.loads(lock.path.read_text(encoding="utf-8"))
    assert record["user"] == "anna" and record["host"] == "LAPTOP-7"
    assert record["pid"] == os.getpid()
    assert record["since"] == "2026-11-22T14:05:30+00:00"
    assert record["app_version"]
    holder = lock.holder()
    assert holder is not None and holder.since == SINCE and not holder.corrupt
    assert lock.is_held
    # No temp file is left beside the lock.
    assert sorted(p.name for p in plan_path.parent.iterdir()) == [
        ".~client.json.lock",
        "client.json",
    ]


def test_second_acquire_is_refused_with_holder(plan_path: Path) -> None:
    mine = PlanLock(plan_path, user="anna", host=current_host(), clock=_clock)
    mine.acquire()
    other = PlanLock(plan_path, user="ben", host=current_host())
    with pytest.raises(PlanLockedError) as caught:
        other.acquire()
    assert caught.value.holder.user == "anna"
    assert caught.value.holder.pid == os.getpid()
    assert "client.json" in caught.value.message and "Opened by anna" in caught.value.message
    assert mine.is_held and not other.is_held


def test_acquire_twice_by_the_same_lock_is_fine(plan_path: Path) -> None:
    lock = PlanLock(plan_path)
    lock.acquire()
    lock.acquire()
    assert lock.is_held


def test_lock_from_another_computer_is_not_stale(plan_path: Path) -> None:
    theirs = PlanLock(plan_path, user="cara", host="FRONT-DESK-PC", pid=_dead_pid())
    theirs.acquire()
    holder = PlanLock(plan_path).holder()
    assert holder is not None and not holder.is_stale  # their pid means nothing here
    with pytest.raises(PlanLockedError):
        PlanLock(plan_path).acquire()


def test_stale_lock_from_a_dead_process_is_replaced(plan_path: Path) -> None:
    crashed = PlanLock(plan_path, user="anna", host=current_host(), pid=_dead_pid())
    crashed.acquire()
    holder = crashed.holder()
    assert holder is not None and holder.is_stale
    fresh = PlanLock(plan_path, user="anna")
    fresh.acquire()
    assert fresh.is_held and not crashed.is_held
    assert fresh.holder().pid == os.getpid()


def test_same_host_is_recognised_with_domain_and_case(plan_path: Path) -> None:
    host = current_host().split(".")[0].upper() + ".local"
    PlanLock(plan_path, host=host, pid=_dead_pid()).acquire()
    assert PlanLock(plan_path).holder().is_stale


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"garbage \x00\xff",
        b"[1, 2]",
        b'{"format": "something-else"}',
        b'{"format": "social-media-value-workbook-lock", "user": "x"}',
        b'{"format": "social-media-value-workbook-lock", "user": "x", "host": "h", "pid": "7"}',
    ],
    ids=["empty", "binary", "list", "other-format", "missing-fields", "pid-not-a-number"],
)
def test_corrupt_lock_is_stale_and_replaced(plan_path: Path, content: bytes) -> None:
    lock_path_for(plan_path).write_bytes(content)
    holder = PlanLock(plan_path).holder()
    assert holder is not None and holder.corrupt and holder.is_stale
    assert "damaged" in holder.describe()
    lock = PlanLock(plan_path, user="anna")
    lock.acquire()
    assert lock.is_held


def test_take_over_a_live_lock(plan_path: Path) -> None:
    theirs = PlanLock(plan_path, user="cara", host="FRONT-DESK-PC")
    theirs.acquire()
    mine = PlanLock(plan_path, user="anna")
    with pytest.raises(PlanLockedError):
        mine.acquire()
    mine.take_over()
    assert mine.is_held and not theirs.is_held
    # The old holder's release must not remove the new holder's lock.
    theirs.release()
    assert mine.is_held
    mine.release()
    assert not lock_path_for(plan_path).exists()


def test_release_only_removes_own_lock(plan_path: Path) -> None:
    theirs = PlanLock(plan_path, user="cara")
    theirs.acquire()
    stranger = PlanLock(plan_path, user="dan")
    stranger.release()
    assert theirs.is_held
    theirs.release()
    assert theirs.holder() is None
    theirs.release()  # releasing twice is harmless


def test_context_manager(plan_path: Path) -> None:
    with PlanLock(plan_path) as lock:
        assert lock.is_held
    assert not lock_path_for(plan_path).exists()


def test_describe_is_human() -> None:
    holder = LockHolder(user="anna", host="LAPTOP-7", pid=1, app_version="0.1.0", since=SINCE)
    assert holder.describe(tz=UTC) == "Opened by anna on LAPTOP-7 since 22 Nov 2026 14:05"


def test_pid_is_running() -> None:
    assert pid_is_running(os.getpid())
    assert not pid_is_running(_dead_pid())
    assert not pid_is_running(0)
    assert not pid_is_running(-5)


def test_holder_in_another_process_is_live(plan_path: Path) -> None:
    """A lock taken by a running process on this computer is not stale."""
    script = (
        "import sys; from workbook.locking import PlanLock; "
        "PlanLock(sys.argv[1]).acquire(); print('locked', flush=True); sys.stdin.read()"
    )
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    child = subprocess.Popen(
        [sys.executable, "-c", script, str(plan_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
    )
    try:
        assert child.stdout.readline() == b"locked\n"
        holder = PlanLock(plan_path).holder()
        assert holder.pid == child.pid and not holder.is_stale
        with pytest.raises(PlanLockedError):
            PlanLock(plan_path).acquire()
    finally:
        child.stdin.close()
        child.wait()
        child.stdout.close()
    # Once that process is gone (it never released), its lock is stale.
    assert PlanLock(plan_path).holder().is_stale
    PlanLock(plan_path).acquire()
