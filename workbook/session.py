"""The open plan and the file behind it: one Qt-free owner of plan, path, fingerprint and lock.

A :class:`PlanSession` is what "a plan open in the app" means, whether a window, the
command line or a test holds it. It owns the plan object, the file path, the fingerprint
of the on-disk version the plan is based on, the lock, the read-only state and an edit
generation, and it is the only thing that opens, saves, reloads and closes plan files.
The window's document is a thin Qt layer over it (undo stack and signals); nothing else
keeps a copy of these facts.

The rules it keeps:

- a plan is locked before it is written, and only our own lock is ever released;
- a save compares the file on disk with the version this plan was based on, and refuses
  (``PlanChangedOnDiskError``) when someone else changed it meanwhile, unless told to
  overwrite;
- a plan restored from a recovery copy is based on the version the copy was made from,
  not on what is on disk at restore time, so a later Save notices a newer file.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from workbook.locking import PlanLock, PlanLockedError
from workbook.model import Plan, Snapshot, SnapshotKind, plan_state
from workbook.oserrors import describe_os_error
from workbook.state_steps import Steps, plan_state_in_steps
from workbook.storage import (
    LoadedPlan,
    PlanSaveError,
    SaveResult,
    load_plan,
    save_plan,
)

UNKNOWN_BASE = "unknown"
"""Fingerprint of a plan whose on-disk base is not known (a recovery copy that did not
record it): it matches no file, so the first save asks before overwriting anything."""


class LockMode(StrEnum):
    ACQUIRE = "acquire"
    """Take the lock; refuse (PlanLockedError) if someone else has the plan open."""
    TAKE_OVER = "take_over"
    """Take the lock even from another holder (the user chose to)."""
    READ_ONLY = "read_only"
    """No lock: the plan is only looked at, Save is off (Save As still works)."""


class PlanSession:
    """One open plan. An untitled session (``path is None``) has never been saved."""

    def __init__(self, plan: Plan | None = None) -> None:
        self.plan: Plan = plan if plan is not None else Plan()
        self.path: Path | None = None
        self.fingerprint: str | None = None
        """Of the on-disk version this plan is based on (what the next save expects)."""
        self.read_only = False
        self.lock: PlanLock | None = None
        self.note = ""
        """Something the user should know about this file (e.g. the lock could not be made)."""
        self.load_warnings: tuple[str, ...] = ()
        """What loading the file said (unknown fields kept, format upgraded, ...)."""
        self.generation = 0
        """Counts every change, so a saver can tell whether the plan moved on meanwhile."""
        self.saved_generation = 0
        """The generation last written to (or read from) the file."""
        self._state: dict[str, Any] | None = None
        self._state_of: tuple[int, Plan] | None = None
        """The generation and plan :attr:`_state` was worked out for."""

    # ------------------------------------------------------------ opening

    @classmethod
    def open(cls, path: Path | str, mode: LockMode = LockMode.ACQUIRE) -> PlanSession:
        """Load and lock ``path``. Raises PlanLoadError (file untouched) or PlanLockedError."""
        path = Path(path).absolute()
        loaded = load_plan(path)
        session = cls(loaded.plan)
        session._attach(path, loaded.fingerprint, mode)
        session.load_warnings = loaded.warnings
        return session

    @classmethod
    def restore(
        cls,
        plan: Plan,
        original_path: Path | None,
        base_fingerprint: str | None,
        mode: LockMode = LockMode.ACQUIRE,
    ) -> PlanSession:
        """A session for a plan restored from a recovery copy of ``original_path``.

        The plan is unsaved work, based on the file version ``base_fingerprint`` (what the
        file held when the copy was written): a save over a file that changed since then
        raises PlanChangedOnDiskError, so the user is asked. Raises PlanLockedError."""
        session = cls(plan)
        session.generation = 1  # unsaved work
        if original_path is not None:
            session._attach(Path(original_path).absolute(), base_fingerprint or UNKNOWN_BASE, mode)
        return session

    def _attach(self, path: Path, fingerprint: str | None, mode: LockMode) -> None:
        self.path, self.fingerprint = path, fingerprint
        self.read_only = mode == LockMode.READ_ONLY
        if not self.read_only:
            self._lock(mode)

    def _lock(self, mode: LockMode) -> None:
        assert self.path is not None
        lock = PlanLock(self.path)
        try:
            if mode == LockMode.TAKE_OVER:
                lock.take_over()
            else:
                holder = lock.holder()
                if holder is not None and holder.is_stale:
                    # acquire() would replace it silently; the user should hear that a
                    # session (maybe their own, crashed) had it open, and choose.
                    raise PlanLockedError(self.path, holder)
                lock.acquire()
        except PlanLockedError:
            raise
        except OSError as error:
            # A folder we may not write in (a CD, a shared read-only folder): open anyway;
            # a save there fails with its own clear message.
            self.note = (
                f"The plan could not be marked as open ({error.strerror or error}); "
                "others may open it at the same time."
            )
            return
        self.lock = lock

    # ------------------------------------------------------------ state

    @property
    def name(self) -> str:
        return self.path.name if self.path else "Untitled plan"

    @property
    def lock_token(self) -> str | None:
        """Identifies our lock on the plan (a recovery copy records it, so a restore can
        tell the dead session's lock from someone else's)."""
        return self.lock.token if self.lock is not None else None

    @property
    def is_untitled(self) -> bool:
        return self.path is None

    @property
    def has_unsaved_changes(self) -> bool:
        return self.generation != self.saved_generation

    def touch(self) -> None:
        """The plan changed (every edit, undo and redo calls this)."""
        self.generation += 1

    def state(self) -> dict[str, Any]:
        """The plan as JSON without its history (:func:`workbook.model.plan_state`), worked
        out once per generation: the recovery copy and an export's hand-over of the same
        plan share it (4 ms or more each for a big plan). It is only as fresh as
        :meth:`touch` keeps it, as the window's document does for every change. Read it,
        never change it: snapshots keep it as it is."""
        if not self._knows_state():
            self._keep_state(plan_state(self.plan))
        assert self._state is not None
        return self._state

    def state_in_steps(self) -> Steps:
        """:meth:`state`, worked out a piece at a time when it is not known yet
        (:func:`workbook.state_steps.plan_state_in_steps`): a generator to step until it
        returns the state. A change made between two pieces starts it again."""
        while not self._knows_state():
            generation, plan = self.generation, self.plan
            state = yield from plan_state_in_steps(plan)
            if self.generation == generation and self.plan is plan:
                self._keep_state(state)
        assert self._state is not None
        return self._state

    def _knows_state(self) -> bool:
        known = self._state_of
        return known is not None and known[0] == self.generation and known[1] is self.plan

    def _keep_state(self, state: dict[str, Any]) -> None:
        """``state`` is the plan's state at this generation."""
        self._state, self._state_of = state, (self.generation, self.plan)

    def replace_plan(self, plan: Plan) -> None:
        """Put ``plan`` in place of the current one, as an unsaved change of this file."""
        self.plan = plan
        self.touch()

    # ------------------------------------------------------------ saving

    def save(self, *, overwrite: bool = False) -> SaveResult:
        """Save to this session's file. Raises PlanSaveError (PlanChangedOnDiskError when the
        file changed since the version this plan is based on, unless ``overwrite``)."""
        if self.path is None:
            raise ValueError("an untitled plan needs Save As")
        if self.read_only:
            raise PlanSaveError(
                self.path,
                f"“{self.path.name}” is open read-only. "
                "Use Save As to keep your changes in another file.",
            )
        generation = self.generation
        expected = None if overwrite else self.fingerprint
        result = _save(self.plan, self.path, expected_fingerprint=expected)
        self.saved(result, generation)
        return result

    def saved(self, result: SaveResult, generation: int | None = None) -> None:
        """Someone (this session, or the autosaver on its behalf) wrote the file: the plan
        as it was at ``generation`` is now what is on disk."""
        if result.path != self.path:
            return
        self.fingerprint = result.fingerprint
        self.saved_generation = self.generation if generation is None else generation

    def save_as(self, target: Path | str) -> SaveResult:
        """Save to ``target`` (the user confirmed any overwrite) and make it this session's
        file. Raises PlanSaveError, including when another live session has ``target`` open."""
        target = Path(target).absolute()
        if target == self.path and not self.read_only:
            return self.save(overwrite=True)
        new_lock: PlanLock | None = PlanLock(target)
        try:
            new_lock.acquire()
        except PlanLockedError as error:
            if not error.holder.is_stale:
                raise PlanSaveError(
                    target,
                    f"“{target.name}” is open elsewhere "
                    f"({error.holder.describe()}). Choose another name.",
                ) from None
            new_lock.take_over()
        except OSError:
            new_lock = None  # saving will say what is wrong with the folder
        generation = self.generation
        try:
            result = _save(self.plan, target)
        except PlanSaveError:
            if new_lock is not None:
                new_lock.release()
            raise
        self._release_lock()
        self.path, self.read_only, self.lock, self.note = target, False, new_lock, ""
        self.saved(result, generation)
        return result

    # ------------------------------------------------------------ reloading and closing

    def reload(self) -> LoadedPlan:
        """Read the file again, dropping unsaved changes. Raises PlanLoadError, and then
        leaves the session as it was."""
        assert self.path is not None
        loaded = load_plan(self.path)
        self.plan, self.fingerprint = loaded.plan, loaded.fingerprint
        self.load_warnings = loaded.warnings
        self.touch()
        self.saved_generation = self.generation
        return loaded

    def close(self) -> None:
        """Let the file go: release the lock (only ours is ever removed)."""
        self._release_lock()

    # ------------------------------------------------------------ snapshots
    # The history is part of the plan file: taking, deleting or restoring a snapshot is a
    # change of the plan, saved with it. workbook.snapshots holds the rules.

    def take_snapshot(
        self,
        name: str,
        note: str = "",
        kind: SnapshotKind = SnapshotKind.NAMED,
        *,
        now: datetime | None = None,
    ) -> Snapshot:
        """Keep the plan as it is now in its history, under ``name``."""
        from workbook.snapshots import take_snapshot

        snapshot = take_snapshot(self.plan, name, note, kind, now=now)  # the plan afresh
        self.touch()
        self._keep_state(snapshot.state)  # a snapshot changes the history, not the state
        return snapshot

    def take_automatic_snapshot(
        self,
        kind: SnapshotKind,
        *,
        now: datetime | None = None,
        state: dict[str, Any] | None = None,
    ) -> Snapshot | None:
        """The app's own snapshot (before an export, the day's first edit, ...), unless
        nothing changed since the last one; old automatic ones are thinned. ``state``: the
        plan's state, when the caller knows it (the window's document: :meth:`state`); by
        default it is worked out afresh."""
        from workbook.snapshots import take_automatic_snapshot

        snapshot = take_automatic_snapshot(self.plan, kind, now=now, state=state)
        if snapshot is not None:
            self.touch()
            self._keep_state(snapshot.state)
        return snapshot

    def snapshots(self) -> list[Snapshot]:
        """The plan's snapshots, oldest first."""
        return list(self.plan.history.snapshots)

    def snapshot_plan(self, snapshot_id: str) -> Plan:
        """The plan as it was in a snapshot (by id or name). Raises SnapshotNotFoundError."""
        from workbook.snapshots import snapshot_plan

        return snapshot_plan(self.plan, snapshot_id)

    def delete_snapshot(self, snapshot_id: str) -> Snapshot:
        from workbook.snapshots import delete_snapshot

        snapshot = delete_snapshot(self.plan, snapshot_id)
        self.touch()
        return snapshot

    def restore_snapshot(self, snapshot_id: str, *, now: datetime | None = None) -> Plan:
        """Put a snapshot's plan in place of the current one, as an unsaved change; the
        current plan is kept first as a "before a restore" snapshot. Returns the new plan."""
        from workbook.snapshots import restored_plan

        plan = restored_plan(self.plan, snapshot_id, now=now)
        self.replace_plan(plan)
        return plan

    def reload_keeping_changes(self, *, now: datetime | None = None) -> LoadedPlan:
        """:meth:`reload`, but the plan as it was (unsaved changes included) is kept as a
        "before a reload" snapshot in the reloaded plan, so nothing typed is lost."""
        from workbook.snapshots import carry_history, take_snapshot

        before = self.plan
        state = plan_state(before)
        loaded = self.reload()
        keep = before.model_copy()
        keep.history = before.history.model_copy()
        keep.history.snapshots = list(before.history.snapshots)
        if state != plan_state(self.plan):
            take_snapshot(keep, kind=SnapshotKind.BEFORE_RELOAD, now=now)
        # Snapshots not yet saved (this one, or one from an earlier reload) come along.
        if carry_history(keep, self.plan):
            self.touch()  # they are not in the file yet
        return loaded

    def _release_lock(self) -> None:
        if self.lock is not None:
            try:
                self.lock.release()
            except OSError:
                pass  # the lock file is advisory; a leftover one is recognised as stale
            self.lock = None


def _save(plan: Plan, path: Path, **options: str | None) -> SaveResult:
    """:func:`workbook.storage.save_plan`, which turns every OS error into a PlanSaveError;
    one that slips through (a bug there) still reaches the user as words, not a crash."""
    try:
        return save_plan(plan, path, **options)  # type: ignore[arg-type]
    except OSError as error:
        raise PlanSaveError(path, describe_os_error(error, path, "save")) from None
