"""One open plan file as the window sees it: its path, lock, fingerprint and read-only state.

Kept out of the window class so the rules (lock before writing, refuse to overwrite a
file changed by someone else, release the lock on close) are tested without widgets.
All file access goes through :mod:`workbook.storage` and :mod:`workbook.locking`.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbook.locking import PlanLock
    from workbook.model import Plan
    from workbook.storage import LoadedPlan, SaveResult

# workbook.storage (and with it the plan model) and workbook.locking are imported by the
# methods that read, write or lock: an empty session, which every new window starts with,
# needs none of them.


def save_plan(plan: Plan, path: Path, **options: object) -> SaveResult:
    """:func:`workbook.storage.save_plan`, loaded on first use; every save of a session goes
    through this name (tests replace it to make saving fail)."""
    from workbook.storage import save_plan as save

    return save(plan, path, **options)  # type: ignore[arg-type]


class LockMode(StrEnum):
    ACQUIRE = "acquire"
    """Take the lock; refuse (PlanLockedError) if someone else has the plan open."""
    TAKE_OVER = "take_over"
    """Take the lock even from another holder (the user chose to)."""
    READ_ONLY = "read_only"
    """No lock: the plan is only looked at, Save is off (Save As still works)."""


def os_error_message(error: OSError, path: Path) -> str:
    """Human words for an operating-system error while saving ``path``."""
    reasons = {
        errno.EACCES: "you are not allowed to write in that folder",
        errno.EPERM: "you are not allowed to write in that folder",
        errno.EROFS: "the folder is on a read-only drive",
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "your disk quota is used up",
        errno.ENOENT: "the folder no longer exists (was a drive unplugged?)",
    }
    reason = reasons.get(error.errno or 0, error.strerror or str(error))
    return f"“{path.name}” could not be saved in {path.parent}: {reason}."


@dataclass
class FileSession:
    """The file behind the open plan (all ``None`` for a plan never saved)."""

    path: Path | None = None
    fingerprint: str | None = None
    """Of the bytes last read or written, so a change made by someone else is noticed."""
    read_only: bool = False
    lock: PlanLock | None = None
    note: str = ""
    """Something the user should know about this file (e.g. the lock could not be made)."""

    @classmethod
    def open(cls, path: Path, mode: LockMode = LockMode.ACQUIRE) -> tuple[FileSession, LoadedPlan]:
        """Load and lock ``path``. Raises PlanLoadError (file untouched) or PlanLockedError."""
        from workbook.storage import load_plan

        path = Path(path).absolute()
        loaded = load_plan(path)
        session = cls(
            path=path, fingerprint=loaded.fingerprint, read_only=mode == LockMode.READ_ONLY
        )
        if mode != LockMode.READ_ONLY:
            session._lock(mode)
        return session, loaded

    @classmethod
    def adopt(cls, path: Path, mode: LockMode = LockMode.ACQUIRE) -> FileSession:
        """A session for ``path`` whose content comes from elsewhere (a recovery copy):
        the next save overwrites what is on disk now. Raises PlanLockedError."""
        from workbook.storage import fingerprint_file

        path = Path(path).absolute()
        session = cls(
            path=path, fingerprint=fingerprint_file(path), read_only=mode == LockMode.READ_ONLY
        )
        if mode != LockMode.READ_ONLY:
            session._lock(mode)
        return session

    def _lock(self, mode: LockMode) -> None:
        from workbook.locking import PlanLock, PlanLockedError

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

    @property
    def name(self) -> str:
        return self.path.name if self.path else "Untitled plan"

    def save(self, plan: Plan, *, overwrite: bool = False) -> SaveResult:
        """Save to this session's file. Raises PlanSaveError (PlanChangedOnDiskError when the
        file changed since it was read here, unless ``overwrite``)."""
        from workbook.storage import PlanSaveError

        if self.path is None:
            raise ValueError("an untitled plan needs Save As")
        if self.read_only:
            raise PlanSaveError(
                self.path,
                f"“{self.path.name}” is open read-only. "
                "Use Save As to keep your changes in another file.",
            )
        try:
            result = save_plan(
                plan, self.path, expected_fingerprint=None if overwrite else self.fingerprint
            )
        except OSError as error:  # the storage layer converts these; belt and braces
            raise PlanSaveError(self.path, os_error_message(error, self.path)) from None
        self.fingerprint = result.fingerprint
        return result

    def save_as(self, plan: Plan, target: Path) -> SaveResult:
        """Save to ``target`` (the user confirmed any overwrite) and make it this session's file.

        Raises PlanSaveError, including when another live session has ``target`` open."""
        from workbook.locking import PlanLock, PlanLockedError
        from workbook.storage import PlanSaveError

        target = Path(target).absolute()
        if target == self.path and not self.read_only:
            return self.save(plan, overwrite=True)
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
        try:
            result = save_plan(plan, target)
        except OSError as error:
            if new_lock is not None:
                new_lock.release()
            raise PlanSaveError(target, os_error_message(error, target)) from None
        except PlanSaveError:
            if new_lock is not None:
                new_lock.release()
            raise
        self.close()
        self.path, self.fingerprint, self.read_only, self.lock = (
            target,
            result.fingerprint,
            False,
            new_lock,
        )
        self.note = ""
        return result

    def reload(self) -> LoadedPlan:
        """Read the file again (after it changed on disk). Raises PlanLoadError."""
        from workbook.storage import load_plan

        assert self.path is not None
        loaded = load_plan(self.path)
        self.fingerprint = loaded.fingerprint
        return loaded

    def close(self) -> None:
        """Release the lock (only ours is ever removed)."""
        if self.lock is not None:
            try:
                self.lock.release()
            except OSError:
                pass  # the lock file is advisory; a leftover one is recognised as stale
            self.lock = None


def plan_copy_for_new(plan: Plan) -> Plan:
    """A plan to start a new one from ("New plan from a copy").

    Everything the user wrote is kept — that is the point of starting from a copy — but
    what belongs to one edition of a plan starts empty: who it is prepared for, its date
    and its revision note. The copy is a separate object, so editing it never touches
    the source.
    """
    copy = plan.model_copy(deep=True)
    copy.details.prepared_for = ""
    copy.details.plan_date = None
    copy.details.revision_note = ""
    return copy
