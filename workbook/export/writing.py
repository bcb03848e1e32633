"""Writing a finished PDF to disk atomically, with messages people understand when it fails."""

from __future__ import annotations

import errno
from pathlib import Path

from workbook.atomic import DirectorySyncError, write_atomic
from workbook.export.options import ExportError
from workbook.export.targets import refuse_special_file


def write_pdf(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` so that it is either the new PDF or left as it was.

    Goes through the storage module's one atomic writer (temp file beside the target,
    fsync, rename), so a failed export never leaves a broken PDF where a good one was.
    """
    folder = target.parent
    if not folder.is_dir():
        raise ExportError(
            f"The PDF cannot be saved to {target}: the folder {folder} does not exist. "
            "Choose another place to save it."
        )
    # Checked again just before writing (the command checks first): a folder, a pipe or
    # a device is never replaced, whoever calls.
    refuse_special_file(target)
    try:
        write_atomic(target, data)
    except DirectorySyncError:
        # The new PDF is complete and in place; only the folder flush failed.
        return
    except PermissionError as exc:
        raise ExportError(
            f"The PDF cannot be saved to {target}: permission denied. "
            "If the PDF is open in a viewer, close it and export again; otherwise "
            "check that the folder is not read-only, or choose another place."
        ) from exc
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            reason = "the disk is full"
        elif exc.errno == errno.EROFS:
            reason = "the disk is read-only"
        else:
            reason = exc.strerror or str(exc)
        raise ExportError(
            f"The PDF cannot be saved to {target}: {reason}. "
            "Free some space or choose another place, then export again."
        ) from exc
