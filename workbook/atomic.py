"""Atomic file writes: a temp file beside the target, written, flushed, checked and renamed."""

from __future__ import annotations

import errno
import os
import secrets
import stat
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from workbook.jsonfile import read_regular_file

STRAY_TEMP_AGE = 600.0
"""Seconds after which a temp file beside a plan is surely left by a killed save. Without
the save lock (a file system with no locks) only temp files this old are removed, so a
save never removes the temp file of another save still running."""

TEMP_MARKER = ".tmp-"
"""Part of every temp file's name: ``.<plan name>.tmp-<random>``."""
_IS_WINDOWS = sys.platform == "win32"


def temp_prefix(path: Path) -> str:
    return f".{path.name}{TEMP_MARKER}"


def stray_temp_files(path: Path, older_than: float | None) -> Iterator[Path]:
    prefix = temp_prefix(path)
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return
    now = time.time()
    for entry in entries:
        if not entry.name.startswith(prefix):
            continue
        if older_than is not None:
            try:
                if now - entry.stat(follow_symlinks=False).st_mtime < older_than:
                    continue
            except OSError:
                continue
        yield Path(entry.path)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:
            raise OSError(errno.EIO, "the system accepted no more bytes")
        view = view[written:]


def read_all(path: Path) -> bytes:
    return read_regular_file(path, limit=None)


def replace_file(source: Path, target: Path) -> None:
    """``os.replace``, retried briefly on Windows, where scanners hold new files open."""
    if not _IS_WINDOWS:
        os.replace(source, target)
        return
    # Virus scanners and indexers briefly hold files open on Windows; a retry usually wins.
    for attempt in range(10):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if attempt == 9:
                raise
            time.sleep(0.05 * (attempt + 1))


def _fsync_directory(folder: Path) -> None:
    if _IS_WINDOWS:
        return  # Windows cannot open a directory for fsync; NTFS journals the rename.
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    except OSError as error:
        # Some file systems (network shares, FUSE) do not support it: nothing to do there.
        if error.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(fd)


class DirectorySyncError(OSError):
    """The new file is in place, but the folder could not be flushed to disk."""


def write_atomic(path: os.PathLike[str] | str, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that it holds either the old or the new bytes,
    whatever happens: a hidden temp file in the same folder is written, checked,
    flushed to disk and renamed over the target. On failure the temp file is removed
    and the target is untouched, and the ``OSError`` is raised. A failure to flush
    the folder after the rename raises :class:`DirectorySyncError`; the new bytes are
    then already in place."""
    path = Path(path)
    if path.is_symlink():
        # Replace the file the link points to; renaming over the link would turn it into
        # a plain file and leave the real one (in a synced folder, say) behind.
        path = path.resolve()
    folder = path.parent
    temp = folder / f"{temp_prefix(path)}{secrets.token_hex(6)}"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        mode = 0o666  # a new file: the umask decides
    fd = os.open(temp, flags, mode)
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        if read_all(temp) != data:
            raise OSError(errno.EIO, "the file read back differs from what was written")
        replace_file(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise
    try:
        _fsync_directory(folder)
    except OSError as error:
        raise DirectorySyncError(error.errno, error.strerror or str(error)) from error
