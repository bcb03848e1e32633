"""Writing a finished document to disk atomically, with messages people understand when it fails."""

from __future__ import annotations

import errno
from pathlib import Path

from workbook.export.options import ExportError
from workbook.export.targets import PDF, Output, refuse_special_file
from workbook.storage import DirectorySyncError, write_atomic


def write_output(target: Path, data: bytes, output: Output = PDF) -> None:
    """Write ``data`` to ``target`` so that it is either the new document or left as it was.

    Goes through the storage module's one atomic writer (temp file beside the target,
    fsync, rename), so a failed export never leaves a broken file where a good one was.
    """
    noun = output.noun
    folder = target.parent
    if not folder.is_dir():
        raise ExportError(
            f"The {noun} cannot be saved to {target}: the folder {folder} does not exist. "
            "Choose another place to save it."
        )
    # Checked again just before writing (the command checks first): a folder, a pipe or
    # a device is never replaced, whoever calls.
    refuse_special_file(target, output)
    try:
        write_atomic(target, data)
    except DirectorySyncError:
        # The new file is complete and in place; only the folder flush failed.
        return
    except PermissionError as exc:
        raise ExportError(
            f"The {noun} cannot be saved to {target}: permission denied. "
            f"If the {noun} is open in another program (a viewer or a word processor), close "
            "it and export again; otherwise check that the folder is not read-only, or "
            "choose another place."
        ) from exc
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            reason = "the disk is full"
        elif exc.errno == errno.EROFS:
            reason = "the disk is read-only"
        else:
            reason = exc.strerror or str(exc)
        raise ExportError(
            f"The {noun} cannot be saved to {target}: {reason}. "
            "Free some space or choose another place, then export again."
        ) from exc


def write_pdf(target: Path, data: bytes) -> None:
    """Write a PDF (:func:`write_output` for the PDF format)."""
    write_output(target, data, PDF)
