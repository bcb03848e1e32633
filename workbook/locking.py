"""Lock files that tell other people (and other windows) that a plan is open for editing."""

from __future__ import annotations

import contextlib
import errno
import getpass
import json
import os
import secrets
import socket
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from pathlib import Path

from workbook import __version__
from workbook.jsonfile import NotRegularFileError, file_kind, read_regular_file

LOCK_FORMAT = "social-media-value-workbook-lock"

MAX_LOCK_BYTES = 64 * 1024
"""A lock file is a few hundred bytes; anything much larger is not one of ours."""

SAVE_LOCK_WAIT = 10.0
"""Seconds a save waits for another save of the same plan to finish before giving up."""


def lock_path_for(plan_path: os.PathLike[str] | str) -> Path:
    """The lock file beside ``plan_path``: ``.~<file name>.lock``, hidden on macOS and Linux."""
    plan_path = Path(plan_path)
    return plan_path.parent / f".~{plan_path.name}.lock"


def current_user() -> str:
    try:
        return getpass.getuser() or "someone"
    except Exception:  # no login name in a stripped-down environment
        return "someone"


def current_host() -> str:
    return socket.gethostname() or "this computer"


def _same_host(a: str, b: str) -> bool:
    # Host names differ in case and domain suffix between tools ("laptop-7.local").
    return a.split(".")[0].casefold() == b.split(".")[0].casefold()


def pid_is_running(pid: int) -> bool:
    """Whether a process with this id exists on this computer."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_pid_is_running(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, but belongs to someone else
    except OSError:
        return False
    return True


def _windows_pid_is_running(pid: int) -> bool:  # pragma: no cover - Windows only
    import ctypes

    kernel32 = ctypes.windll.kernel32
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return ctypes.GetLastError() == 5  # access denied: it exists
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


@dataclass(frozen=True)
class LockHolder:
    """Who holds a plan's lock, as its lock file says."""

    user: str
    host: str
    pid: int
    app_version: str
    since: datetime | None
    token: str = ""
    corrupt: bool = False
    """The lock file could not be read; it says nothing about anyone."""

    @property
    def is_stale(self) -> bool:
        """Left behind by a crash: unreadable, or from this computer by a process that
        is gone. A lock from another computer is never stale by itself: that person may
        still be editing (only they, or a deliberate take-over, remove it)."""
        if self.corrupt:
            return True
        return _same_host(self.host, current_host()) and not pid_is_running(self.pid)

    def describe(self, tz: tzinfo | None = None) -> str:
        """e.g. "Opened by anna on LAPTOP-7 since 22 Nov 2026 14:05" (local time by default)."""
        if self.corrupt:
            return "Opened by someone unknown (the lock file is damaged)"
        text = f"Opened by {self.user} on {self.host}"
        if self.since is not None:
            when = self.since.astimezone(tz) if tz is not None else self.since.astimezone()
            text += f" since {when.day} {when:%b %Y %H:%M}"
        return text


class PlanLockedError(Exception):
    """Someone else has the plan open; ``holder`` says who."""

    def __init__(self, plan_path: Path, holder: LockHolder) -> None:
        self.plan_path = plan_path
        self.holder = holder
        self.message = (
            f"“{plan_path.name}” is already open: {holder.describe()}. "
            "If you both save, one of you loses changes. Open it read-only, or take it "
            "over if you are sure it is no longer being edited."
        )
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


def _parse_holder(data: bytes) -> LockHolder:
    try:
        raw = json.loads(data.decode("utf-8"))
        if not isinstance(raw, dict) or raw.get("format") != LOCK_FORMAT:
            raise ValueError("not a lock file")
        since = raw.get("since")
        when = datetime.fromisoformat(since) if isinstance(since, str) else None
        if when is not None and when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        pid = raw["pid"]
        if isinstance(pid, bool) or not isinstance(pid, int):
            raise ValueError("pid is not a number")
        return LockHolder(
            user=str(raw["user"]),
            host=str(raw["host"]),
            pid=pid,
            app_version=str(raw.get("app_version", "")),
            since=when,
            token=str(raw.get("token", "")),
        )
    except (ValueError, KeyError, TypeError):
        return LockHolder(user="", host="", pid=0, app_version="", since=None, corrupt=True)


class PlanLock:
    """The lock on one plan file, as held (or wanted) by this window.

    Creating the lock file is atomic: it is written complete under a temporary name
    and then hard-linked to its final name, which fails if it exists, so no one ever
    reads a half-written lock. (Where hard links are not supported, an exclusive
    create is used instead.) Identity is a random token, so :meth:`release` never
    removes a lock that someone else took over.
    """

    def __init__(
        self,
        plan_path: os.PathLike[str] | str,
        *,
        user: str | None = None,
        host: str | None = None,
        pid: int | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.plan_path = Path(plan_path)
        self.path = lock_path_for(self.plan_path)
        self._user = user or current_user()
        self._host = host or current_host()
        self._pid = os.getpid() if pid is None else pid
        self._clock = clock or (lambda: datetime.now(UTC))
        self._token = secrets.token_hex(8)

    @property
    def token(self) -> str:
        """This lock's identity, written into the lock file."""
        return self._token

    @property
    def is_held(self) -> bool:
        """Whether the lock file on disk is ours right now."""
        current = self.holder()
        return current is not None and not current.corrupt and current.token == self._token

    def _content(self) -> bytes:
        record = {
            "format": LOCK_FORMAT,
            "user": self._user,
            "host": self._host,
            "pid": self._pid,
            "app_version": __version__,
            "since": self._clock().astimezone(UTC).isoformat(timespec="seconds"),
            "token": self._token,
        }
        return (json.dumps(record, indent=2, ensure_ascii=False) + "\n").encode("utf-8")

    def _read(self) -> bytes | None:
        # A named pipe or a link to a device here must neither hang nor fill the memory:
        # anything but a small ordinary file reads as a damaged lock, which may be replaced.
        try:
            return read_regular_file(self.path, MAX_LOCK_BYTES)
        except FileNotFoundError:
            return None
        except OSError as error:
            if isinstance(error, PermissionError):
                raise
            return b""

    def holder(self) -> LockHolder | None:
        """Who holds the lock now, or ``None`` if the plan is not locked."""
        data = self._read()
        return None if data is None else _parse_holder(data)

    def _create(self) -> bool:
        """Create the lock file if there is none; False if one exists."""
        content = self._content()
        temp = self.path.with_name(f"{self.path.name}.{self._token}.tmp")
        with open(temp, "wb") as stream:
            stream.write(content)
        try:
            os.link(temp, self.path)
            return True
        except FileExistsError:
            return False
        except OSError:
            # File systems without hard links (FAT, some network shares).
            try:
                fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            except FileExistsError:
                return False
            with os.fdopen(fd, "wb") as stream:
                stream.write(content)
            return True
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temp)

    def acquire(self) -> None:
        """Take the lock. A stale lock (left by a crash on this computer, or damaged) is
        replaced; a live one raises :class:`PlanLockedError`. Raises ``OSError`` when no
        lock file can be written (a read-only folder): the caller decides whether to go
        on without one."""
        for _attempt in range(2):
            if self._create():
                return
            data = self._read()
            if data is None:
                continue  # released meanwhile: try again
            current = _parse_holder(data)
            if not current.corrupt and current.token == self._token:
                return
            if not current.is_stale:
                raise PlanLockedError(self.plan_path, current)
            # Remove it only if it is still the same stale lock, not a fresh one.
            if self._read() == data:
                with contextlib.suppress(FileNotFoundError):
                    self.path.unlink()
        current = self.holder()
        if current is None:
            raise OSError(f"could not create the lock file {self.path}")
        raise PlanLockedError(self.plan_path, current)

    def take_over(self) -> None:
        """Take the lock whoever holds it (after the user said the other person is gone)."""
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        if not self._create():
            # Someone created one in the instant between: theirs is the newer claim.
            current = self.holder()
            if current is not None:
                raise PlanLockedError(self.plan_path, current)

    def release(self) -> None:
        """Remove the lock file if it is ours; someone else's lock is left alone."""
        if self.is_held:
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()

    def __enter__(self) -> PlanLock:
        self.acquire()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()


# ---------------------------------------------------------------- the save lock


class SaveLockTimeout(OSError):
    """Another save of the same plan held the save lock for longer than we wait."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EBUSY, "another save of this plan is still running", str(path))


def save_lock_path_for(plan_path: os.PathLike[str] | str) -> Path:
    """The short-lived file that saves of ``plan_path`` lock in turn: ``.<name>.save-lock``."""
    plan_path = Path(plan_path)
    return plan_path.parent / f".{plan_path.name}.save-lock"


_LOCK_FLAGS = (
    os.O_RDWR
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_CLOEXEC", 0)
)


def _open_lock_file(path: Path) -> tuple[int, bool]:
    """Open the save lock file, making it if need be: (descriptor, whether we made it)."""
    while True:
        try:
            return os.open(path, _LOCK_FLAGS | os.O_CREAT | os.O_EXCL, 0o644), True
        except FileExistsError:
            pass
        try:
            return os.open(path, _LOCK_FLAGS), False
        except FileNotFoundError:
            continue  # removed by its holder in between: make it


def _try_lock(fd: int) -> bool:
    """Take the exclusive lock on ``fd`` if it is free. Raises OSError if the file system
    has no locks at all."""
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError as error:
            if error.errno in (errno.EACCES, errno.EDEADLK):
                return False
            raise
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _same_file(fd: int, path: Path) -> bool:
    try:
        on_disk = os.stat(path, follow_symlinks=False)
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (on_disk.st_dev, on_disk.st_ino) == (held.st_dev, held.st_ino)


def _acquire_save_lock(path: Path, wait: float) -> int | None:
    """The locked descriptor of the save lock at ``path``, or None if there can be none."""
    deadline = time.monotonic() + wait
    delay = 0.002
    while True:
        try:
            fd, made = _open_lock_file(path)
        except OSError as error:
            if error.errno == errno.ELOOP:  # a link planted where the lock goes
                raise NotRegularFileError(path, "a link") from None
            return None  # a read-only folder, say: the save itself will say so
        try:
            kind = file_kind(os.fstat(fd).st_mode)
            if kind is not None:
                raise NotRegularFileError(path, kind)
            locked = _try_lock(fd)
            if locked and _same_file(fd, path):
                return fd
        except NotRegularFileError:
            os.close(fd)
            raise
        except OSError:
            # No locks on this file system (some network shares): leave no file behind.
            os.close(fd)
            if made:
                with contextlib.suppress(OSError):
                    os.unlink(path)
            return None
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)
        if locked:
            continue  # the holder removed the file as we locked it: lock the new one
        if time.monotonic() > deadline:
            raise SaveLockTimeout(path)
        time.sleep(delay)
        delay = min(delay * 2, 0.05)


@contextlib.contextmanager
def save_lock(plan_path: os.PathLike[str] | str, *, wait: float = SAVE_LOCK_WAIT) -> Iterator[bool]:
    """Hold the exclusive save lock of ``plan_path`` for the ``with`` block.

    Saves of one plan, from any process on any computer whose file system supports
    locks, take turns through it, so a check of the file's fingerprint and the replace
    that follows cannot interleave with another save. The lock belongs to the open
    file, so the system drops it when a process dies: a killed save never blocks the
    next one. The lock file is removed while still locked, and a waiter that then
    finds it has locked a removed file tries again.

    Yields True when the lock is held, False when it could not be had because the
    folder cannot be written or the file system has no locks: the save then goes on
    without it, and fails, if it must, with the usual message about the folder.
    Raises :class:`SaveLockTimeout` after ``wait`` seconds of another save holding it,
    and :class:`~workbook.jsonfile.NotRegularFileError` if something other than an
    ordinary file sits at the lock's name.
    """
    path = save_lock_path_for(plan_path)
    fd = _acquire_save_lock(path, wait)
    if fd is None:
        yield False
        return
    try:
        yield True
    finally:
        # Removed before it is unlocked (closed), so no one can lock the removed file
        # and believe they hold the lock of the name. Windows cannot remove an open file.
        if sys.platform != "win32":
            with contextlib.suppress(OSError):
                os.unlink(path)
        os.close(fd)
        if sys.platform == "win32":  # pragma: no cover - Windows only
            with contextlib.suppress(OSError):
                os.unlink(path)
