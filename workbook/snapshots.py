"""Named and automatic snapshots of a plan, kept in its own history: taking, finding,
rebuilding, restoring and thinning them.

A snapshot is the whole plan as it was (:attr:`workbook.model.Snapshot.state`). In the
file each one holds only the changes from the next newer one (:mod:`workbook.jsondelta`),
so twenty snapshots of a plan with ordinary edits between them add little to its size.
Named snapshots stay until the user deletes them; automatic ones are thinned as Anki thins
its backups: all from the last day, one a day for a week, one a week for a month, then one
a month.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

from workbook.jsondelta import apply_delta, diff
from workbook.model import Plan, Snapshot, SnapshotKind, plan_state

DAY = timedelta(days=1)
WEEK = timedelta(days=7)
MONTH = timedelta(days=30)


class SnapshotNotFoundError(KeyError):
    """No snapshot has that id or name; ``message`` says which there are."""

    def __init__(self, key: str, snapshots: Iterable[Snapshot]) -> None:
        names = [f"“{s.title}”" for s in snapshots]
        known = ", ".join(names) if names else "none yet"
        self.message = f"The plan has no snapshot called “{key}”. Its snapshots: {known}."
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


def _now(now: datetime | None) -> datetime:
    return (now or datetime.now(UTC)).astimezone(UTC)


# ---------------------------------------------------------------- taking


def take_snapshot(
    plan: Plan,
    name: str = "",
    note: str = "",
    kind: SnapshotKind = SnapshotKind.NAMED,
    *,
    now: datetime | None = None,
    state: dict[str, Any] | None = None,
) -> Snapshot:
    """Add a snapshot of ``plan`` as it is now to its history and return it (``state``:
    :func:`plan_state` of it, when the caller has it already)."""
    state = plan_state(plan) if state is None else state
    snapshots = plan.history.snapshots
    if snapshots and snapshots[-1].state is not None:
        # The last snapshot now shares every unchanged part with the new one: memory grows
        # with the changes, not with the number of snapshots.
        newest = snapshots[-1]
        newest._state, _problems = apply_delta(state, diff(state, newest.state))
    snapshot = Snapshot(name=name, note=note, kind=kind, taken_at=_now(now))
    snapshot._state = state
    snapshots.append(snapshot)
    return snapshot


def take_automatic_snapshot(
    plan: Plan,
    kind: SnapshotKind,
    *,
    now: datetime | None = None,
    state: dict[str, Any] | None = None,
) -> Snapshot | None:
    """The snapshot the app takes by itself (before an export, a restore, a reload, the
    day's first edit, a workshop), unless the plan has not changed since the newest
    snapshot, or (for the day's first edit) one was already taken that day. Old automatic
    snapshots are thinned. ``now`` should carry the user's time zone: it decides the day;
    ``state``: :func:`plan_state` of the plan, when the caller has it already."""
    if not kind.automatic:
        raise ValueError("a named snapshot is taken with take_snapshot")
    moment = now or datetime.now(UTC).astimezone()
    snapshots = plan.history.snapshots
    if kind is SnapshotKind.FIRST_EDIT:
        today = moment.date()
        zone = moment.tzinfo
        if any(
            s.kind is SnapshotKind.FIRST_EDIT and s.taken_at.astimezone(zone).date() == today
            for s in snapshots
        ):
            return None
    state = plan_state(plan) if state is None else state
    if snapshots and snapshots[-1].state == state:
        return None
    snapshot = take_snapshot(plan, kind=kind, now=moment, state=state)
    thin_snapshots(plan, now=moment)
    return snapshot


# ---------------------------------------------------------------- finding and reading


def find_snapshot(plan: Plan, key: str) -> Snapshot:
    """The snapshot with id ``key``, else the newest whose name (or kind, for an unnamed
    automatic one) is ``key``, ignoring case. Raises :class:`SnapshotNotFoundError`."""
    snapshots = plan.history.snapshots
    for snapshot in snapshots:
        if snapshot.id == key:
            return snapshot
    wanted = " ".join(key.split()).casefold()
    for snapshot in reversed(snapshots):
        if " ".join(snapshot.title.split()).casefold() == wanted:
            return snapshot
    raise SnapshotNotFoundError(key, snapshots)


def snapshot_plan(plan: Plan, snapshot_id: str) -> Plan:
    """The plan as it was in a snapshot (id or name), as a plan of its own, without history.
    Raises :class:`SnapshotNotFoundError`, or ``pydantic.ValidationError`` for a snapshot
    spoilt by a hand edit of the file."""
    snapshot = find_snapshot(plan, snapshot_id)
    return Plan.model_validate(snapshot.state)


def delete_snapshot(plan: Plan, snapshot_id: str) -> Snapshot:
    """Remove a snapshot (the others keep their states; the file's changes are rewritten
    at the next save). Returns it. Raises :class:`SnapshotNotFoundError`."""
    snapshot = find_snapshot(plan, snapshot_id)
    plan.history.snapshots.remove(snapshot)
    return snapshot


def restored_plan(plan: Plan, snapshot_id: str, *, now: datetime | None = None) -> Plan:
    """A plan with a snapshot's content and ``plan``'s history, with a snapshot of ``plan``
    as it is taken first ("before a restore"), so the restore can itself be undone."""
    source = find_snapshot(plan, snapshot_id)
    restored = Plan.model_validate(source.state)
    restored.id = plan.id  # the same plan: its calendar entries keep their names
    take_automatic_snapshot(plan, SnapshotKind.BEFORE_RESTORE, now=now)
    restored.history = plan.history.model_copy()
    restored.history.snapshots = list(plan.history.snapshots)
    return restored


def carry_history(source: Plan, target: Plan) -> int:
    """Give ``target`` (the same plan read again from its file) the snapshots ``source``
    has and it lacks, in time order; used to keep a "before a reload" snapshot. Returns
    how many were added."""
    known = {s.id for s in target.history.snapshots}
    extra = [s for s in source.history.snapshots if s.id not in known]
    if extra:
        merged = [*target.history.snapshots, *extra]
        merged.sort(key=lambda s: s.taken_at)
        target.history.snapshots = merged
    return len(extra)


# ---------------------------------------------------------------- thinning


def snapshots_to_keep(snapshots: list[Snapshot], now: datetime) -> list[Snapshot]:
    """``snapshots`` (in their order) without the automatic ones thinning drops: all
    from the last day stay, then the newest of each day for a week, of each week for a
    month, and of each month after that. Named snapshots always stay."""
    now = _now(now)
    kept: set[str] = set()
    buckets: set[tuple[object, ...]] = set()
    for snapshot in sorted(snapshots, key=lambda s: s.taken_at, reverse=True):
        age = now - snapshot.taken_at
        if not snapshot.kind.automatic or age < DAY:
            kept.add(snapshot.id)
            continue
        day = snapshot.taken_at.date()
        if age < WEEK:
            bucket: tuple[object, ...] = ("day", day)
        elif age < MONTH:
            bucket = ("week", *day.isocalendar()[:2])
        else:
            bucket = ("month", day.year, day.month)
        if bucket not in buckets:
            buckets.add(bucket)
            kept.add(snapshot.id)
    return [s for s in snapshots if s.id in kept]


def thin_snapshots(plan: Plan, *, now: datetime | None = None) -> list[Snapshot]:
    """Drop the automatic snapshots that thinning does not keep; returns them."""
    snapshots = plan.history.snapshots
    keep = snapshots_to_keep(snapshots, _now(now))
    if len(keep) == len(snapshots):
        return []
    kept = {s.id for s in keep}
    dropped = [s for s in snapshots if s.id not in kept]
    plan.history.snapshots = keep
    return dropped
