"""Writing a finished document to disk atomically, with messages people understand."""

from __future__ import annotations

import errno
from pathlib import Path

from workbook.atomic import DirectorySyncError, write_atomic
from workbook.export.options import ExportError


def write_file(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` so that it is either the new file or left as it was."""
    folder = target.parent
    if not folder.is_dir():
        raise ExportError(
            f"The document cannot be saved to {target}: the folder {folder} does not exist. "
            "Choose another place to save it."
        )
    if target.is_dir():
        raise ExportError(
            f"The document cannot be saved as {target}: that is a folder. Choose a file name."
        )
    try:
        write_atomic(target, data)
    except DirectorySyncError:
        return  # the new file is complete and in place; only the folder flush failed
    except PermissionError as exc:
        raise ExportError(
            f"The document cannot be saved to {target}: permission denied. If the file is "
            "open in another program (a word processor, say), close it and export again; "
            "otherwise check that the folder is not read-only, or choose another place."
        ) from exc
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            reason = "the disk is full"
        elif exc.errno == errno.EROFS:
            reason = "the disk is read-only"
        else:
            reason = exc.strerror or str(exc)
        raise ExportError(
            f"The document cannot be saved to {target}: {reason}. "
            "Free some space or choose another place, then export again."
        ) from exc
