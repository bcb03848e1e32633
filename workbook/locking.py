"""Lock files that tell other people (and other windows) that a plan is open for editing."""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import secrets
import socket
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from pathlib import Path

from workbook import __version__

LOCK_FORMAT = "social-media-value-workbook-lock"


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
        try:
            return self.path.read_bytes()
        except FileNotFoundError:
            return None

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
