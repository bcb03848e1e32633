"""Two processes saving one plan at the same instant: exactly one wins, the other is told."""

from __future__ import annotations

import errno
import multiprocessing
import os
import time
from pathlib import Path
from typing import Any

import pytest

from workbook.backups import list_backups
from workbook.locking import SaveLockTimeout, save_lock, save_lock_path_for
from workbook.model import Plan
from workbook.storage import (
    PlanSaveError,
    clean_stray_temp_files,
    load_plan,
    save_plan,
)

ROUNDS = 30
SAVERS = ("anna", "ben")


def _save_in_turn(path: str, who: str, barrier: Any, expected: Any, results: Any) -> None:
    """One saving process: each round, save its own version expecting the same fingerprint
    as the other process, both let go by one barrier."""
    from workbook.storage import PlanChangedOnDiskError, PlanSaveError, save_plan

    for round_ in range(ROUNDS):
        fingerprint = expected.get(timeout=120)
        plan = Plan()
        plan.details.title = f"{who} {round_}"
        barrier.wait(timeout=120)
        try:
            save_plan(plan, path, expected_fingerprint=fingerprint)
            outcome = "saved"
        except PlanChangedOnDiskError:
            outcome = "changed"
        except PlanSaveError as error:
            outcome = f"failed: {error}"
        results.put((round_, who, outcome))


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_racing_saves_with_the_same_base_one_wins(tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    context = multiprocessing.get_context("spawn")  # no fork of a process that may hold Qt
    barrier = context.Barrier(len(SAVERS))
    queues = {who: context.Queue() for who in SAVERS}
    results = context.Queue()
    workers = [
        context.Process(
            target=_save_in_turn, args=(str(target), who, barrier, queues[who], results)
        )
        for who in SAVERS
    ]
    for worker in workers:
        worker.start()
    try:
        for round_ in range(ROUNDS):
            base = Plan()
            base.details.title = f"base {round_}"
            fingerprint = save_plan(base, target).fingerprint
            for who in SAVERS:
                queues[who].put(fingerprint)
            outcomes = dict(results.get(timeout=120)[1:] for _ in SAVERS)
            winners = [who for who, outcome in outcomes.items() if outcome == "saved"]
            assert sorted(outcomes.values()) == ["changed", "saved"], (round_, outcomes)
            # The file holds the winner's version, whole; the loser's is nowhere.
            assert load_plan(target).plan.details.title == f"{winners[0]} {round_}"
            assert not [p for p in tmp_path.iterdir() if ".tmp-" in p.name]
            assert not save_lock_path_for(target).exists()
        for worker in workers:
            worker.join(timeout=60)
    finally:
        for worker in workers:  # after a failure they wait for rounds that never come
            if worker.is_alive():
                worker.kill()
    # The backups are whole versions too (each base was overwritten by one winner).
    for backup in list_backups(target):
        assert load_plan(backup).plan.details.title.split()[0] in ("base", *SAVERS)


def test_a_waiting_save_gives_up_with_a_message(tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    save_plan(Plan(), target)
    with save_lock(target) as held:
        assert held
        with pytest.raises(SaveLockTimeout), save_lock(target, wait=0.05):
            pass
    assert not save_lock_path_for(target).exists()


def test_save_lock_is_taken_again_after_release(tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    for _ in range(3):
        with save_lock(target) as held:
            assert held and save_lock_path_for(target).exists()
    assert not save_lock_path_for(target).exists()


def test_stray_temp_cleanup_spares_a_fresh_temp_file_outside_the_lock(tmp_path: Path) -> None:
    """Without the lock a running save's temp file may be anyone's: only old ones go."""
    target = tmp_path / "plan.json"
    fresh = tmp_path / ".plan.json.tmp-0123456789ab"
    fresh.write_bytes(b"another save is writing this")
    old = tmp_path / ".plan.json.tmp-ba9876543210"
    old.write_bytes(b"left by a killed save")
    long_ago = time.time() - 3600
    os.utime(old, (long_ago, long_ago))
    assert clean_stray_temp_files(target) == [old]
    assert fresh.exists()


def test_a_save_without_locks_still_saves(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file system with no locks (some network shares): the save goes on without one."""
    from workbook import locking

    def no_locks(fd: int) -> bool:
        raise OSError(errno.ENOLCK, os.strerror(errno.ENOLCK))

    monkeypatch.setattr(locking, "_try_lock", no_locks)
    target = tmp_path / "plan.json"
    plan = Plan()
    plan.details.title = "saved"
    save_plan(plan, target)
    assert load_plan(target).plan.details.title == "saved"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.json"]


def test_lock_held_too_long_is_a_plain_save_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workbook import storage

    target = tmp_path / "plan.json"
    save_plan(Plan(), target)
    monkeypatch.setattr(storage, "save_lock", lambda path: save_lock(path, wait=0.05))
    with save_lock(target), pytest.raises(PlanSaveError) as caught:
        save_plan(Plan(), target)
    assert "Another save of this plan is still running" in caught.value.message
    assert "“plan.json”" in caught.value.message
