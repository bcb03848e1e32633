"""Session leases: a live session is told from a dead one by a lock it holds, not by its pid."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest

from workbook import liveness
from workbook.liveness import (
    LeaseHeldError,
    LeaseRecord,
    SessionLease,
    lease_is_held,
    process_start,
)
from workbook.recovery import RecoveryStore

REPO = Path(__file__).resolve().parents[2]

CHILD = r"""
import os, sys
from workbook.model import Plan
from workbook.recovery import RecoveryStore

store = RecoveryStore(sys.argv[1])
session = sys.argv[2]
store.start_session(session)
plan = Plan()
plan.details.title = "typed in the child"
store.write(plan, None, session)
print("ready", flush=True)
sys.stdin.read()  # the session lives until the parent kills it
"""

RELAUNCH = r"""
import sys
from workbook.recovery import RecoveryStore

scan = RecoveryStore(sys.argv[1]).scan()
print(" ".join(c.session_id + "=" + c.title.replace(" ", "_") for c in scan.offers))
"""


def _python(script: str, *args: str, **kwargs: object) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(  # type: ignore[call-overload]
        [sys.executable, "-c", script, *args], env=env, cwd=REPO, text=True, **kwargs
    )


@pytest.fixture
def live_child(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """A child process whose session wrote a copy and is still at work. Its session id
    carries this process's pid, which is alive: only the lease can tell."""
    session = f"{os.getpid()}-c0ffee00-child"
    child = _python(
        CHILD,
        str(tmp_path),
        session,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()  # "ready", or "" if the child failed and exited
        assert line.strip() == "ready", child.stderr.read() if child.stderr else ""
        yield child, session
    finally:
        child.kill()
        child.communicate(timeout=30)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX only")
def test_a_live_child_session_is_not_offered_and_is_offered_after_kill_9(
    tmp_path: Path, live_child: tuple[subprocess.Popen[str], str]
) -> None:
    child, session = live_child
    store = RecoveryStore(tmp_path)
    assert store.session_is_alive(session)
    assert store.scan().offers == []  # its work is its own while it runs
    assert [c.session_id for c in store.list()] == [session]

    child.kill()  # SIGKILL: no clean-up of any kind
    child.communicate(timeout=30)
    assert store.lease_path_for(session).exists()  # the lease file stays, its lock is gone
    assert not store.session_is_alive(session)

    # Relaunching right away (a new process, as the app starts) offers the copy.
    relaunch = _python(RELAUNCH, str(tmp_path), stdout=subprocess.PIPE)
    out, _err = relaunch.communicate(timeout=60)
    assert relaunch.returncode == 0
    assert out.split() == [f"{session}=typed_in_the_child"]


def test_a_session_that_closed_normally_is_not_alive(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    lease = store.start_session("s")
    assert store.start_session("s") is lease  # asking again is harmless
    assert store.holds_session("s") and store.session_is_alive("s")
    assert lease.path.exists()
    store.end_session("s")
    assert not lease.path.exists()
    assert not store.holds_session("s") and not store.session_is_alive("s")
    store.end_session("s")  # twice: fine


# ---------------------------------------------------------------- the lease itself


@contextmanager
def _as_if_another_process(lease: SessionLease) -> Iterator[None]:
    """Hide the lease from this process's own list, so only the file and its lock speak."""
    liveness._HELD_HERE.discard(lease.path.absolute())
    try:
        yield
    finally:
        liveness._HELD_HERE.add(lease.path.absolute())


def test_the_os_lock_itself_tells_a_live_lease(tmp_path: Path) -> None:
    with SessionLease.acquire(tmp_path / "a.lease", "host") as lease:
        assert lease.locked and lease.held
        with pytest.raises(LeaseHeldError):
            SessionLease.acquire(lease.path, "host")
        with _as_if_another_process(lease):
            assert lease_is_held(lease.path)
            assert lease_is_held(lease.path)  # the check did not take the lock away
            with pytest.raises(LeaseHeldError):
                SessionLease.acquire(lease.path, "host")
    assert not lease_is_held(tmp_path / "a.lease")


def test_a_lease_file_left_behind_is_free_and_can_be_removed(tmp_path: Path) -> None:
    path = tmp_path / "left.lease"
    path.write_bytes(LeaseRecord(os.getpid(), "host", datetime.now(UTC)).to_bytes())
    assert not lease_is_held(path)  # the record names a live pid: it does not matter
    assert path.exists()
    assert not lease_is_held(path, remove_if_free=True)
    assert not path.exists()
    assert not lease_is_held(path)  # no file: no session


def test_a_new_lease_reuses_a_free_file(tmp_path: Path) -> None:
    path = tmp_path / "again.lease"
    path.write_text("left by a crash", encoding="utf-8")
    with SessionLease.acquire(path, "laptop"):
        record = LeaseRecord.from_bytes(path.read_bytes())
        assert record is not None and record.pid == os.getpid() and record.host == "laptop"
        assert lease_is_held(path)


def test_where_locks_are_refused_the_record_decides(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_locks(_fd: int) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(liveness, "_lock", no_locks)
    with SessionLease.acquire(tmp_path / "nfs.lease", "host") as lease:
        assert not lease.locked
        with _as_if_another_process(lease):
            assert lease_is_held(lease.path)  # our pid, our process start

    other = tmp_path / "other.lease"
    parent = os.getppid()
    other.write_bytes(LeaseRecord(parent, "host", datetime.now(UTC), "boot:0").to_bytes())
    # A live pid but another run of it (the start differs) is not the session.
    assert lease_is_held(other) is (process_start(parent) is None)
    other.write_bytes(LeaseRecord(2**22 + 7, "host", datetime.now(UTC)).to_bytes())
    assert not lease_is_held(other)  # no such process
    other.write_text("not a record", encoding="utf-8")
    assert not lease_is_held(other)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc is Linux only")
def test_process_start_names_one_run_of_a_process() -> None:
    mine = process_start(os.getpid())
    assert mine is not None and mine == process_start(os.getpid())
    assert process_start(1) != mine  # init started at boot, long before this test
    assert process_start(2**22 + 7) is None


def test_lease_records_read_back() -> None:
    record = LeaseRecord(42, "laptop", datetime(2026, 11, 22, 14, 5, tzinfo=UTC), "b:1")
    assert LeaseRecord.from_bytes(record.to_bytes()) == record
    assert LeaseRecord.from_bytes(b"\xff") is None
    assert LeaseRecord.from_bytes(json.dumps({"pid": True}).encode()) is None
