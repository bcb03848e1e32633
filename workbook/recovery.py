"""Recovery copies: unsaved work autosaved to the app's data folder, offered back after a crash."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbook.appdirs import recovery_dir
from workbook.atomic import write_atomic
from workbook.jsonfile import (
    FileTooLargeError,
    JsonFileError,
    NotRegularFileError,
    loads_strict,
    read_regular_file,
)
from workbook.liveness import SessionLease, lease_is_held
from workbook.locking import current_host
from workbook.migrations import SCHEMA_VERSION, FormatError, schema_version_of

if TYPE_CHECKING:
    from workbook.locking import LockHolder
    from workbook.model import Plan

# The plan model and storage are imported where a copy is restored: the check for copies
# at start-up reads only their envelopes, before any plan (and the model) is needed.

RECOVERY_FORMAT = "social-media-value-workbook-recovery"
"""Value of ``format`` in a recovery copy (a plan file has its own marker inside ``plan``)."""

SUFFIX = ".recovery.json"
LEASE_SUFFIX = ".lease"
DAMAGED_FOLDER = "damaged"
"""Subfolder where damaged copies are kept for the user: never deleted, never offered."""

_SAFE_SESSION = re.compile(r"[A-Za-z0-9_-]{1,64}")


def _host_tag(host: str) -> str:
    return re.sub(r"[^A-Za-z0-9_]", "_", host.split(".")[0])[:24] or "host"


def new_session_id() -> str:
    """An id for one window's editing session: process id, a random part, and the host.

    The id names the session's files; whether the session still runs is told by its
    lease (:meth:`RecoveryStore.session_is_alive`), not by the process id in it."""
    import uuid

    return f"{os.getpid()}-{uuid.uuid4().hex[:8]}-{_host_tag(current_host())}"


def _same_host(a: str, b: str) -> bool:
    return a.split(".")[0].casefold() == b.split(".")[0].casefold()


def describe_moment(moment: datetime) -> str:
    """e.g. "22 Nov 2026 at 14:05", in local time."""
    local = moment.astimezone() if moment.tzinfo else moment
    return f"{local.day} {local:%b %Y at %H:%M}"


@dataclass(frozen=True)
class RecoveryCopy:
    """One autosaved copy, as :meth:`RecoveryStore.list` or :meth:`RecoveryStore.scan`
    finds it."""

    path: Path
    original_path: Path | None
    """The plan file it was a copy of; ``None`` for a plan that was never saved."""
    saved_at: datetime
    title: str
    session_id: str
    base_fingerprint: str | None = None
    """Fingerprint of the plan file's version the edits were made on (``None`` when
    unknown or never saved). After a restore, Save compares the file against it."""
    pid: int | None = None
    host: str = ""
    lock_token: str = ""
    """Token of the plan lock the session held when it wrote the copy ("" if unknown)."""

    def left_lock(self, holder: LockHolder) -> bool:
        """Whether the plan lock ``holder`` describes was left by the session that wrote
        this copy (which is over: only copies of ended sessions are offered), so that
        restoring the copy may take the lock over without asking.

        The lock's token decides when the copy recorded one. Otherwise the lock must be
        from this computer, from the same process id, and taken no later than the copy was
        written: a live process with that id took its lock later (after a reboot, or once
        the id was reused), since two processes never hold one id at the same time."""
        if holder.corrupt:
            return False
        if self.lock_token:
            return holder.token == self.lock_token
        if self.pid is None or holder.pid != self.pid or holder.since is None:
            return False
        return _same_host(holder.host, self.host) and holder.since <= self.saved_at


@dataclass(frozen=True)
class DamagedCopy:
    """A recovery copy that cannot be offered. It is kept, never deleted."""

    kept_at: Path
    """Where the file is now: in the ``damaged`` subfolder (or where it was, for a copy
    from a newer version of the app, which that version can still restore)."""
    problem: str
    """What is wrong, in words for the user."""
    title: str = ""
    saved_at: datetime | None = None

    def describe(self) -> str:
        """One line for the user, e.g. "“Acme plan”, copy made 22 Nov 2026 at 14:05: …"."""
        name = f"“{self.title}”" if self.title else "A recovery copy"
        when = f", copy made {describe_moment(self.saved_at)}" if self.saved_at else ""
        return f"{name}{when} ({self.kept_at.name}): {self.problem}"


@dataclass(frozen=True)
class RecoveryScan:
    """What :meth:`RecoveryStore.scan` found at start-up."""

    offers: list[RecoveryCopy] = field(default_factory=list)
    """Copies of sessions that ended without closing (crashed, killed), newest first."""
    damaged: list[DamagedCopy] = field(default_factory=list)
    """Copies that cannot be offered, newly set aside in the ``damaged`` folder."""

    def damaged_message(self) -> str:
        """A message naming every damaged copy and where it is kept; "" when none."""
        if not self.damaged:
            return ""
        lines = "\n".join(f"• {d.describe()}" for d in self.damaged)
        one = len(self.damaged) == 1
        folders = sorted({str(d.kept_at.parent) for d in self.damaged})
        where = " and ".join(f"“{f}”" for f in folders)
        return (
            f"{'A recovery copy' if one else f'{len(self.damaged)} recovery copies'} of "
            f"unsaved work could not be read, so {'it' if one else 'they'} cannot be "
            f"restored:\n\n{lines}\n\nNothing was deleted: {'it is' if one else 'they are'} "
            f"kept in {where}. If you need the work, open the file in a text editor and "
            "copy your words from it."
        )


@dataclass(frozen=True)
class RestoredCopy:
    """What :meth:`RecoveryStore.load` gives back."""

    copy: RecoveryCopy
    plan: Plan
    left_out: tuple[str, ...] = ()
    """Values of the copy that were damaged and left out, in human words."""

    @property
    def base_fingerprint(self) -> str | None:
        return self.copy.base_fingerprint

    def message(self) -> str:
        """What the user should hear about values left out; "" when everything came back."""
        if not self.left_out:
            return ""
        shown = "\n".join(f"• {where}" for where in self.left_out[:20])
        more = len(self.left_out) - 20
        if more > 0:
            shown += f"\n• … and {more} more"
        return (
            f"The recovery copy of “{self.copy.title}” was restored, but "
            f"{'one value was' if len(self.left_out) == 1 else 'some values were'} damaged "
            f"and left out:\n\n{shown}\n\nEverything else is back. Check "
            f"{'this field' if len(self.left_out) == 1 else 'these fields'} before you save."
        )


class _Damaged(Exception):
    def __init__(self, problem: str, raw: Any = None, *, keep_in_place: bool = False) -> None:
        super().__init__(problem)
        self.problem = problem
        self.raw = raw if isinstance(raw, dict) else {}
        self.keep_in_place = keep_in_place


def _is_newer(plan_raw: Any) -> bool:
    """Whether a copy's plan is from a newer app: not damaged, and kept for that app."""
    version = plan_raw.get("schema_version") if isinstance(plan_raw, dict) else None
    return isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION


def _read_regular(path: Path) -> bytes:
    """The file's bytes; refuses anything but a regular file of sensible size at once
    (a FIFO or device here would hang or flood the start-up)."""
    try:
        return read_regular_file(path)
    except NotRegularFileError:
        raise _Damaged("It is not an ordinary file.") from None
    except FileTooLargeError as error:
        raise _Damaged(f"It is too large to be a recovery copy ({error.size:,} bytes).") from None


def _title_of(details: dict[str, Any], original_path: Path | None) -> str:
    """The name a copy is offered under: the plan's title, organisation or file name."""
    return (
        str(details.get("title") or "").strip()
        or str(details.get("organisation") or "").strip()
        or (original_path.stem if original_path else "")
        or "Untitled plan"
    )


def _envelope_to_copy(path: Path, raw: dict[str, Any]) -> RecoveryCopy:
    """Raises KeyError, TypeError or ValueError for a malformed envelope."""
    saved_at = datetime.fromisoformat(raw["saved_at"])
    original = raw.get("recovery_of")
    base = raw.get("base_fingerprint")
    pid = raw.get("pid")
    return RecoveryCopy(
        path=path,
        original_path=Path(original) if isinstance(original, str) else None,
        saved_at=saved_at if saved_at.tzinfo else saved_at.replace(tzinfo=UTC),
        title=str(raw.get("title") or "Untitled plan"),
        session_id=str(raw.get("session_id", "")),
        base_fingerprint=base if isinstance(base, str) and base else None,
        pid=pid if isinstance(pid, int) and not isinstance(pid, bool) else None,
        host=str(raw.get("host") or ""),
        lock_token=str(raw.get("plan_lock_token") or ""),
    )


class RecoveryStore:
    """The folder of recovery copies, one per editing session (a window's document).

    Each copy is a small JSON envelope::

        {"format": "social-media-value-workbook-recovery", "recovery_of": "/path/plan.json",
         "saved_at": "2026-11-22T14:05:00+00:00", "session_id": "...", "title": "...",
         "base_fingerprint": "...", "pid": 4242, "host": "laptop", "plan_lock_token": "...",
         "plan": { ...the plan, exactly as a plan file holds it... }}

    Beside it, a live session holds a lease (``<id>.lease``, see :mod:`workbook.liveness`)
    from :meth:`start_session` to :meth:`end_session`; a copy whose lease is free belongs
    to a session that is over. Copies are written with
    :func:`workbook.atomic.write_atomic`, so a crash during an autosave leaves the
    previous copy intact. Nothing here ever writes to the user's own plan file. Safe to
    call from a worker thread, given a plan no one else is changing meanwhile.
    """

    def __init__(
        self,
        folder: os.PathLike[str] | str | None = None,
        *,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.folder = Path(folder) if folder is not None else recovery_dir()
        self._clock = clock or (lambda: datetime.now(UTC))
        self._leases: dict[str, SessionLease] = {}

    @property
    def damaged_folder(self) -> Path:
        return self.folder / DAMAGED_FOLDER

    def _stem(self, session_id: str) -> str:
        if _SAFE_SESSION.fullmatch(session_id):
            return session_id
        return hashlib.sha256(session_id.encode("utf-8", "surrogatepass")).hexdigest()[:32]

    def path_for(self, session_id: str) -> Path:
        """Where the copy of ``session_id`` is kept (any id is turned into a safe file name)."""
        return self.folder / f"{self._stem(session_id)}{SUFFIX}"

    def lease_path_for(self, session_id: str) -> Path:
        return self.folder / f"{self._stem(session_id)}{LEASE_SUFFIX}"

    # ------------------------------------------------------------ sessions

    def start_session(self, session_id: str) -> SessionLease:
        """Take the lease that marks ``session_id`` as alive until :meth:`end_session` or
        the end of the process. Calling it again for a held session is harmless. Raises
        ``OSError`` when the folder cannot be written (then no copy can be written either)."""
        lease = self._leases.get(session_id)
        if lease is not None and lease.held:
            return lease
        lease = SessionLease.acquire(self.lease_path_for(session_id), current_host())
        self._leases[session_id] = lease
        return lease

    def holds_session(self, session_id: str) -> bool:
        lease = self._leases.get(session_id)
        return lease is not None and lease.held

    def end_session(self, session_id: str) -> None:
        """The session closed normally: release its lease (its copy is the caller's)."""
        lease = self._leases.pop(session_id, None)
        if lease is not None:
            lease.release()

    def session_is_alive(self, session_id: str) -> bool:
        """Whether the session that wrote a copy is still at work, in this process or
        another (it holds its lease). A copy without a lease is from an ended session."""
        return lease_is_held(self.lease_path_for(session_id))

    # ------------------------------------------------------------ copies

    def write(
        self,
        plan: Plan,
        original_path: Path | None,
        session_id: str,
        *,
        saved_at: datetime | None = None,
        base_fingerprint: str | None = None,
        lock_token: str | None = None,
    ) -> Path:
        """Save a recovery copy of ``plan`` for ``session_id``, replacing that session's
        previous copy. ``base_fingerprint`` is the fingerprint the plan file had when the
        edits began (what the document was loaded or last saved as); ``lock_token`` the
        token of the plan lock the session holds. Raises ``OSError`` if the folder cannot
        be written."""
        return self.write_dumped(
            plan.model_dump(mode="json"),
            original_path,
            session_id,
            saved_at=saved_at,
            base_fingerprint=base_fingerprint,
            lock_token=lock_token,
        )

    def write_dumped(
        self,
        plan_data: dict[str, Any],
        original_path: Path | None,
        session_id: str,
        *,
        saved_at: datetime | None = None,
        base_fingerprint: str | None = None,
        lock_token: str | None = None,
    ) -> Path:
        """:meth:`write`, given the plan as ``Plan.model_dump(mode="json")`` made it. The
        autosaver's worker thread writes from that snapshot without building the plan
        again: pydantic holds the interpreter lock while it validates or dumps (some
        35 ms for 2,000 notes), and the window could not answer a key meanwhile."""
        when = (saved_at or self._clock()).astimezone(UTC)
        envelope = {
            "format": RECOVERY_FORMAT,
            "recovery_of": str(Path(original_path).absolute()) if original_path else None,
            "saved_at": when.isoformat(timespec="seconds"),
            "session_id": session_id,
            "title": _title_of(plan_data.get("details") or {}, original_path),
            "base_fingerprint": base_fingerprint,
            "pid": os.getpid(),
            "host": current_host(),
            "plan_lock_token": lock_token or "",
            "plan": plan_data,
        }
        data = (json.dumps(envelope, indent=2, ensure_ascii=False) + "\n").encode(
            "utf-8", errors="backslashreplace"
        )
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.path_for(session_id)
        write_atomic(target, data)
        return target

    def _read_envelope(self, path: Path) -> dict[str, Any]:
        """The envelope; raises ``OSError`` (unreadable) or :class:`_Damaged`."""
        try:
            raw = loads_strict(_read_regular(path))
        except JsonFileError as error:
            raise _Damaged(error.message) from None
        if not isinstance(raw, dict) or raw.get("format") != RECOVERY_FORMAT:
            raise _Damaged("It is not a recovery copy of this app.", raw)
        return raw

    def _read_copy(self, path: Path) -> RecoveryCopy:
        """The copy at ``path``, its plan checked to be one this app reads (without the
        cost of validating it). Raises ``OSError`` or :class:`_Damaged`."""
        raw = self._read_envelope(path)
        try:
            copy = _envelope_to_copy(path, raw)
        except (KeyError, TypeError, ValueError):
            raise _Damaged("Its date and details are missing or unreadable.", raw) from None
        try:
            schema_version_of(raw.get("plan"))
        except FormatError as error:
            newer = _is_newer(raw.get("plan"))
            raise _Damaged(
                error.message if newer else "The plan in it is missing or not a plan.",
                raw,
                keep_in_place=newer,
            ) from None
        return copy

    def list(self) -> list[RecoveryCopy]:
        """Every readable recovery copy, live sessions' included, newest first. Damaged
        ones are left out (and left alone: :meth:`scan` sets them aside)."""
        copies = []
        for path in self._copy_paths():
            try:
                copies.append(self._read_copy(path))
            except (OSError, _Damaged):
                continue
        copies.sort(key=lambda c: c.saved_at, reverse=True)
        return copies

    def _copy_paths(self) -> list[Path]:
        try:
            return sorted(self.folder.glob(f"*{SUFFIX}"))
        except OSError:
            return []

    def scan(self) -> RecoveryScan:
        """At start-up: the copies to offer (of sessions that ended without closing,
        newest first) and the damaged ones, which are moved to the ``damaged`` folder so
        they are named once and kept. Copies of live sessions are not looked at."""
        offers: list[RecoveryCopy] = []
        damaged: list[DamagedCopy] = []
        for path in self._copy_paths():
            stem = path.name[: -len(SUFFIX)]
            if lease_is_held(self.folder / f"{stem}{LEASE_SUFFIX}"):
                continue
            try:
                offers.append(self._read_copy(path))
            except OSError:
                continue  # gone meanwhile, or not ours to read: nothing to say
            except _Damaged as problem:
                damaged.append(self._set_aside(path, problem))
        self._remove_free_leases()
        offers.sort(key=lambda c: c.saved_at, reverse=True)
        return RecoveryScan(offers, damaged)

    def _set_aside(self, path: Path, problem: _Damaged) -> DamagedCopy:
        """Move a damaged copy into the ``damaged`` folder (never over another file)."""
        title = problem.raw.get("title")
        try:
            saved_at: datetime | None = datetime.fromtimestamp(path.stat().st_mtime, UTC)
        except OSError:
            saved_at = None
        kept_at = path
        if not problem.keep_in_place:
            stamp = (saved_at or self._clock()).strftime("%Y%m%d-%H%M%S")
            base = f"{path.name[: -len(SUFFIX)]}-{stamp}"
            with contextlib.suppress(OSError):
                self.damaged_folder.mkdir(parents=True, exist_ok=True)
                for number in range(1, 1000):
                    suffix = "" if number == 1 else f"-{number}"
                    target = self.damaged_folder / f"{base}{suffix}.json"
                    if not target.exists():
                        os.replace(path, target)
                        kept_at = target
                        break
        return DamagedCopy(
            kept_at=kept_at,
            problem=problem.problem,
            title=title if isinstance(title, str) else "",
            saved_at=saved_at,
        )

    def _remove_free_leases(self) -> None:
        """Leases of ended sessions with no copy left are of no more use."""
        try:
            leases = list(self.folder.glob(f"*{LEASE_SUFFIX}"))
        except OSError:
            return
        for lease in leases:
            if not lease.with_name(lease.name[: -len(LEASE_SUFFIX)] + SUFFIX).exists():
                lease_is_held(lease, remove_if_free=True)

    def load(self, copy: RecoveryCopy) -> RestoredCopy:
        """The plan in a recovery copy, leniently: damaged values are left out and named
        in :attr:`RestoredCopy.left_out`. Raises :class:`~workbook.storage.PlanLoadError`
        when nothing can be restored; a damaged copy is then first moved to the
        ``damaged`` folder (the message says where), so it is not offered again."""
        from workbook.lenient import plan_from_raw_leniently
        from workbook.storage import PlanLoadError, plan_from_json_value

        try:
            raw = self._read_envelope(copy.path)
            plan_raw = raw.get("plan")
            try:
                return RestoredCopy(copy, plan_from_json_value(plan_raw, str(copy.path)))
            except PlanLoadError:
                pass  # some values are wrong: restore all the others
            try:
                plan, left_out = plan_from_raw_leniently(plan_raw)
            except FormatError as error:
                raise _Damaged(error.message, raw, keep_in_place=_is_newer(plan_raw)) from None
            except ValueError as error:
                raise _Damaged(str(error), raw) from None
            return RestoredCopy(copy, plan, left_out)
        except OSError as error:
            raise PlanLoadError(
                copy.path,
                f"The recovery copy of “{copy.title}” could not be "
                f"read ({copy.path}): {error.strerror or error}.",
            ) from None
        except _Damaged as problem:
            kept = self._set_aside(copy.path, problem)
            raise PlanLoadError(
                kept.kept_at,
                f"The recovery copy of “{copy.title}” cannot be restored: {problem.problem}"
                f"\n\nNothing was deleted: it is kept as “{kept.kept_at}”. If you need "
                "the work, open that file in a text editor and copy your words from it.",
            ) from None

    def discard(self, copy: RecoveryCopy) -> None:
        """Delete a recovery copy (after it was restored and saved, or declined)."""
        with contextlib.suppress(FileNotFoundError):
            copy.path.unlink()
        stem = copy.path.name[: -len(SUFFIX)]
        lease_is_held(self.folder / f"{stem}{LEASE_SUFFIX}", remove_if_free=True)

    def discard_session(self, session_id: str) -> None:
        """Delete the copy of ``session_id``, if any (after a successful save or a clean exit)."""
        with contextlib.suppress(FileNotFoundError):
            self.path_for(session_id).unlink()
