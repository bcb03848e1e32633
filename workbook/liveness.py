"""Session leases: an OS lock a live editing session holds on a small file for its whole life.

Whether a session that left a recovery copy is still running cannot be judged by its
process id alone: after a reboot, or once another program got the same id, the pid
looks alive although the session is long gone. A lease can: the live session keeps an
exclusive, non-blocking OS lock (``flock`` on macOS and Linux, ``msvcrt.locking`` on
Windows) on its lease file, and the operating system drops that lock the moment the
process ends, however it ends (``kill -9``, power loss, reboot). So whoever can take
the lock knows the session is over. Both kinds of lock belong to an open file, not to
a process, so two windows of one process tell each other apart too.

The lease file also records the process id, host and process start (where the system
tells it). That record is only read where the file system refuses locks altogether
(some network shares), as a second-best test.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

_WINDOWS_LOCK_OFFSET = 1 << 30
"""Windows locks byte ranges and refuses to read a locked range: the lock goes on one byte
far beyond the record, so the record stays readable."""

_BINARY = getattr(os, "O_BINARY", 0)  # Windows opens in text mode otherwise

_HELD_HERE: set[Path] = set()
"""Lease files this process holds. Asked before any lock is tried: where ``flock`` is
emulated with per-process record locks (Linux on NFS), a second lock from this process
would succeed, and closing it would drop the live session's own lock."""

_CONTENTION = {errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES, getattr(errno, "EDEADLK", -1)}
"""What a non-blocking lock attempt fails with when someone else holds the lock."""


def process_start(pid: int) -> str | None:
    """Something that names one run of process ``pid``, or ``None`` where the system does
    not say: on Linux the boot id and the start time in clock ticks since boot (field 22
    of ``/proc/<pid>/stat``), so a later process with the same id, or the same id after a
    reboot, does not match."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
        boot = Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip()
    except OSError:
        return None
    # The command name (field 2) is in parentheses and may hold spaces or ")".
    fields = stat[stat.rfind(")") + 2 :].split()
    if len(fields) < 20:
        return None
    return f"{boot}:{fields[19]}"  # field 22 of the whole line is the 20th after the name


def _lock(fd: int) -> None:
    """Take the lock on an open lease file without waiting; raises ``OSError``."""
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _unlock(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


def _is_contention(error: OSError) -> bool:
    return isinstance(error, BlockingIOError) or error.errno in _CONTENTION


def _same_file(fd: int, path: Path) -> bool:
    """Whether ``path`` still names the file open as ``fd`` (not removed or replaced)."""
    try:
        on_disk = os.stat(path)
    except OSError:
        return False
    mine = os.fstat(fd)
    return (mine.st_dev, mine.st_ino) == (on_disk.st_dev, on_disk.st_ino)


@dataclass(frozen=True, slots=True)
class LeaseRecord:
    """What a lease file says about the session that made it."""

    pid: int
    host: str
    started: datetime
    process: str | None = None
    """:func:`process_start` of ``pid`` when the lease was taken."""

    def to_bytes(self) -> bytes:
        record: dict[str, Any] = {
            "pid": self.pid,
            "host": self.host,
            "started": self.started.isoformat(timespec="seconds"),
            "process": self.process,
        }
        return json.dumps(record).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> LeaseRecord | None:
        try:
            raw = json.loads(data.decode("utf-8"))
            started = datetime.fromisoformat(raw["started"])
            pid = raw["pid"]
            if isinstance(pid, bool) or not isinstance(pid, int):
                return None
            process = raw.get("process")
            return cls(
                pid=pid,
                host=str(raw["host"]),
                started=started if started.tzinfo else started.replace(tzinfo=UTC),
                process=process if isinstance(process, str) else None,
            )
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            return None


class LeaseHeldError(OSError):
    """Another live session holds this lease (the same session id is in use twice)."""


class SessionLease:
    """The lease of one live session: keep the object for the session's life, then
    :meth:`release` it. Made by :meth:`acquire`."""

    def __init__(self, path: Path, fd: int, record: LeaseRecord, locked: bool) -> None:
        self.path = path
        self.record = record
        self.locked = locked
        """False where the file system refused locks: then only the record speaks for us."""
        self._fd: int | None = fd

    @classmethod
    def acquire(cls, path: os.PathLike[str] | str, host: str) -> SessionLease:
        """Create (or reuse) the lease file at ``path`` and lock it. Raises
        :class:`LeaseHeldError` if a live session holds it, ``OSError`` if it cannot be
        made (a read-only folder)."""
        path = Path(path)
        if path.absolute() in _HELD_HERE:
            raise LeaseHeldError(errno.EBUSY, "this process holds the lease already", str(path))
        path.parent.mkdir(parents=True, exist_ok=True)
        pid = os.getpid()
        record = LeaseRecord(pid, host, datetime.now(UTC), process_start(pid))
        for _attempt in range(5):
            fd = os.open(path, os.O_RDWR | os.O_CREAT | _BINARY, 0o600)
            locked = True
            try:
                _lock(fd)
            except OSError as error:
                if _is_contention(error):
                    os.close(fd)
                    raise LeaseHeldError(
                        errno.EBUSY, "the session's lease is held elsewhere", str(path)
                    ) from None
                locked = False  # locks unsupported here: the record alone must tell
            # A checker that found the file unlocked may have removed it between our open
            # and our lock; a lock on a removed file would prove nothing to anyone.
            if not _same_file(fd, path):
                os.close(fd)
                continue
            try:
                os.ftruncate(fd, 0)
                os.lseek(fd, 0, os.SEEK_SET)
                os.write(fd, record.to_bytes())
            except OSError:
                os.close(fd)
                raise
            _HELD_HERE.add(path.absolute())
            return cls(path, fd, record, locked)
        raise OSError(errno.EAGAIN, "the lease file kept disappearing", str(path))

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        """End the lease: the session closed normally. Removes the lease file."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        _HELD_HERE.discard(self.path.absolute())
        if sys.platform == "win32":  # pragma: no cover - Windows only
            # Windows cannot remove a file that is open; the tiny gap is harmless, since
            # acquire() checks the file it locked is still the one on disk.
            os.close(fd)
            with contextlib.suppress(OSError):
                self.path.unlink()
            return
        # Removed while still locked, so no checker sees the file unlocked meanwhile.
        with contextlib.suppress(OSError):
            self.path.unlink()
        os.close(fd)

    def __enter__(self) -> SessionLease:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()


def _record_says_running(fd: int) -> bool:
    """Second-best test where locks are refused: is the recorded process still the same run?"""
    from workbook.locking import pid_is_running

    try:
        os.lseek(fd, 0, os.SEEK_SET)
        record = LeaseRecord.from_bytes(os.read(fd, 4096))
    except OSError:
        return False
    if record is None or not pid_is_running(record.pid):
        return False
    return record.process is None or process_start(record.pid) == record.process


def lease_is_held(path: os.PathLike[str] | str, *, remove_if_free: bool = False) -> bool:
    """Whether a live session holds the lease at ``path``. No file means no session.

    With ``remove_if_free``, a lease found free (its session is over) is removed."""
    path = Path(path)
    if path.absolute() in _HELD_HERE:
        return True
    try:
        fd = os.open(path, os.O_RDWR | _BINARY)
    except FileNotFoundError:
        return False
    except OSError:
        # Not ours to open (another user's file in a shared folder?): assume it lives,
        # so nothing of theirs is offered or touched.
        return True
    try:
        try:
            _lock(fd)
        except OSError as error:
            if _is_contention(error):
                return True
            return _record_says_running(fd)
        if remove_if_free and sys.platform != "win32":
            with contextlib.suppress(OSError):
                path.unlink()  # under our lock: acquire() notices and makes a new file
        with contextlib.suppress(OSError):
            _unlock(fd)
    finally:
        os.close(fd)
    if remove_if_free and sys.platform == "win32":  # pragma: no cover - Windows only
        with contextlib.suppress(OSError):
            path.unlink()  # fails harmlessly if a new session opened it meanwhile
    return False
