"""Saves that fail at every step of the atomic write: the old file stays, no temp file is left."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.unprivileged import ordinary_user
from workbook import atomic, backups
from workbook.backups import backup_folder, backup_path
from workbook.model import Plan
from workbook.storage import (
    PlanSaveError,
    load_plan,
    plan_to_bytes,
    save_plan,
    write_atomic,
)


def _plan(title: str) -> Plan:
    plan = Plan()
    plan.details.title = title
    return plan


@pytest.fixture
def saved(tmp_path: Path) -> tuple[Path, bytes]:
    """A folder with one saved plan (no backups yet); returns its path and bytes."""
    target = tmp_path / "plan.json"
    save_plan(_plan("original"), target)
    return target, target.read_bytes()


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _is_dir_fd(fd: int) -> bool:
    return stat.S_ISDIR(os.fstat(fd).st_mode)


def _fail(code: int) -> Callable[..., object]:
    def fail(*args: object, **kwargs: object) -> object:
        raise OSError(code, os.strerror(code))

    return fail


real_open = os.open


def _fail_creating(code: int) -> Callable[..., object]:
    """os.open that fails to create the temp file, but still opens the plan to read it."""

    def fail(path: object, flags: int, *args: object, **kwargs: object) -> object:
        if atomic.TEMP_MARKER in Path(str(path)).name:
            raise OSError(code, os.strerror(code))
        return real_open(path, flags, *args, **kwargs)

    return fail


@contextmanager
def _patched(
    monkeypatch: pytest.MonkeyPatch, target: object, name: str, replacement: Callable[..., object]
) -> Iterator[None]:
    # Patch only around the save, so pytest's own file handling is never affected.
    with monkeypatch.context() as patch:
        patch.setattr(target, name, replacement)
        yield


real_write = os.write
real_fsync = os.fsync
real_read_all = atomic.read_all


def _temp_only(func: Callable[..., object], fake: Callable[..., object]) -> Callable[..., object]:
    def wrapper(path: Path) -> object:
        return fake(path) if atomic.TEMP_MARKER in Path(path).name else func(path)

    return wrapper


FAILURES: dict[str, tuple[object, str, Callable[..., object], str]] = {
    "write-eio": (os, "write", _fail(errno.EIO), "Input/output error"),
    "write-enospc": (os, "write", _fail(errno.ENOSPC), "The disk is full"),
    "write-accepts-nothing": (os, "write", lambda fd, data: 0, "accepted no more bytes"),
    "fsync-eio": (
        os,
        "fsync",
        lambda fd: _fail(errno.EIO)() if not _is_dir_fd(fd) else real_fsync(fd),
        "Input/output error",
    ),
    "fsync-enospc": (
        os,
        "fsync",
        lambda fd: _fail(errno.ENOSPC)() if not _is_dir_fd(fd) else real_fsync(fd),
        "The disk is full",
    ),
    "read-back-short": (
        atomic,
        "read_all",
        _temp_only(real_read_all, lambda p: real_read_all(p)[:-1]),
        "differs from what was written",
    ),
    "read-back-changed": (
        atomic,
        "read_all",
        _temp_only(real_read_all, lambda p: real_read_all(p).replace(b"new", b"neW")),
        "differs from what was written",
    ),
    "read-back-eio": (
        atomic,
        "read_all",
        _temp_only(real_read_all, _fail(errno.EIO)),
        "Input/output error",
    ),
    "replace-eacces": (os, "replace", _fail(errno.EACCES), "permission denied"),
    "replace-exdev": (os, "replace", _fail(errno.EXDEV), "Invalid cross-device link"),
    "temp-create-erofs": (os, "open", _fail_creating(errno.EROFS), "read-only"),
    "temp-create-enospc": (os, "open", _fail_creating(errno.ENOSPC), "The disk is full"),
}


@pytest.mark.parametrize("name", sorted(FAILURES))
def test_failed_save_leaves_the_original_and_no_temp(
    name: str, saved: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    target, original = saved
    before = _listing(target.parent)
    where, attribute, replacement, expected = FAILURES[name]
    with (
        _patched(monkeypatch, where, attribute, replacement),
        pytest.raises(PlanSaveError) as caught,
    ):
        save_plan(_plan("new version"), target, backups=False)
    message = caught.value.message
    assert expected in message
    assert "“plan.json”" in message and "was not changed" in message
    assert caught.value.path == target
    assert target.read_bytes() == original
    assert _listing(target.parent) == before
    assert load_plan(target).plan.details.title == "original"


def test_disk_full_message_is_plain(
    saved: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    target, _original = saved
    with (
        _patched(monkeypatch, os, "write", _fail(errno.ENOSPC)),
        pytest.raises(PlanSaveError) as caught,
    ):
        save_plan(_plan("new"), target)
    assert caught.value.message.splitlines()[1].startswith(
        "The disk is full, so the file could not be written. Free some space"
    )


def test_short_writes_are_completed(
    saved: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    target, _original = saved
    calls = []

    def dribble(fd: int, data: bytes) -> int:
        calls.append(len(data))
        return real_write(fd, bytes(data[:97]))

    plan = _plan("written 97 bytes at a time " * 20)
    with _patched(monkeypatch, os, "write", dribble):
        save_plan(plan, target, backups=False)
    assert len(calls) > 10
    assert target.read_bytes() == plan_to_bytes(plan)


def test_interrupt_during_write_removes_temp(
    saved: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    target, original = saved
    before = _listing(target.parent)

    def interrupted(fd: int, data: bytes) -> int:
        real_write(fd, bytes(data[:10]))
        raise KeyboardInterrupt

    with _patched(monkeypatch, os, "write", interrupted), pytest.raises(KeyboardInterrupt):
        save_plan(_plan("new"), target, backups=False)
    assert target.read_bytes() == original
    assert _listing(target.parent) == before


def test_directory_fsync_failure_after_replace_is_a_warning(
    saved: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once the new file has replaced the old one there is nothing to undo: the plan is
    saved (its bytes were flushed), so the save succeeds and says what it could not do."""
    target, _original = saved
    before = _listing(target.parent)
    plan = _plan("new version")
    with _patched(
        monkeypatch,
        os,
        "fsync",
        lambda fd: _fail(errno.EIO)() if _is_dir_fd(fd) else real_fsync(fd),
    ):
        result = save_plan(plan, target, backups=False)
    assert target.read_bytes() == plan_to_bytes(plan)
    assert _listing(target.parent) == before
    (warning,) = result.warnings
    assert "could not confirm" in warning


def test_directory_fsync_unsupported_is_ignored(
    saved: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    target, _original = saved
    with _patched(
        monkeypatch,
        os,
        "fsync",
        lambda fd: _fail(errno.EINVAL)() if _is_dir_fd(fd) else real_fsync(fd),
    ):
        result = save_plan(_plan("new"), target, backups=False)
    assert result.warnings == ()


def test_failed_save_of_a_new_file_creates_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "fresh.json"
    with _patched(monkeypatch, os, "fsync", _fail(errno.EIO)), pytest.raises(PlanSaveError):
        save_plan(Plan(), target)
    assert _listing(tmp_path) == []


# ---------------------------------------------------------------- backups that fail


def test_backup_folder_blocked_by_a_file_still_saves(saved: tuple[Path, bytes]) -> None:
    target, original = saved
    backup_folder(target).write_text("not a folder")
    plan = _plan("new version")
    result = save_plan(plan, target)
    assert target.read_bytes() == plan_to_bytes(plan)
    (warning,) = result.warnings
    assert "backup" in warning and "Workbook backups" in warning
    assert backup_folder(target).read_text() == "not a folder"


def test_backup_disk_full_still_saves(
    saved: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    target, _original = saved
    real_write_atomic = backups.write_atomic

    def picky(path: Path, data: bytes) -> None:
        if Path(path).parent.name == backups.BACKUP_FOLDER_NAME:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_write_atomic(path, data)

    plan = _plan("new version")
    with _patched(monkeypatch, backups, "write_atomic", picky):
        result = save_plan(plan, target)
    assert target.read_bytes() == plan_to_bytes(plan)
    (warning,) = result.warnings
    assert "No space left on device" in warning
    assert not backup_path(target, 1).exists()


def test_backup_rotation_failure_keeps_older_backups(
    saved: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    target, _original = saved
    save_plan(_plan("second"), target)
    assert backup_path(target, 1).exists()
    older = backup_path(target, 1).read_bytes()
    with _patched(monkeypatch, os, "replace", _fail(errno.EACCES)):
        # the rotation's rename fails; so does the save's own rename
        with pytest.raises(PlanSaveError):
            save_plan(_plan("third"), target)
    assert backup_path(target, 1).read_bytes() == older
    assert load_plan(target).plan.details.title == "second"


# ---------------------------------------------------------------- write_atomic on its own


def test_write_atomic_creates_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    write_atomic(target, b"%PDF-1 first")
    write_atomic(target, b"%PDF-1 second")
    assert target.read_bytes() == b"%PDF-1 second"
    assert _listing(tmp_path) == ["out.pdf"]


def test_write_atomic_raises_oserror_and_cleans_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")
    with _patched(monkeypatch, os, "fsync", _fail(errno.EIO)), pytest.raises(OSError) as caught:
        write_atomic(target, b"new")
    assert caught.value.errno == errno.EIO
    assert target.read_bytes() == b"old"
    assert _listing(tmp_path) == ["out.pdf"]


def save_into_read_only_folder(folder: str) -> dict[str, str | None]:
    """Runs as an ordinary user (tests/unprivileged.py), where the folder's mode applies."""
    target = Path(folder) / "plans" / "plan.json"
    target.parent.mkdir()
    save_plan(_plan("original"), target)
    target.parent.chmod(0o555)
    try:
        save_plan(_plan("new"), target)
        message = None
    except PlanSaveError as caught:
        message = caught.message
    finally:
        target.parent.chmod(0o755)
    return {"message": message, "title": load_plan(target).plan.details.title}


def test_read_only_folder() -> None:
    with ordinary_user() as user:
        result = user.call(save_into_read_only_folder, user.folder)
    assert result["message"] is not None, "the save into a read-only folder did not fail"
    assert "permission denied" in result["message"]
    assert result["title"] == "original"
