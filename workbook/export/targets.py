"""Where an export may be written: a new file, or an existing regular file of the same
format (a PDF for a PDF, a ``.ics`` calendar for a calendar, ...).

Anything else (a folder, a named pipe, a device such as /dev/null, another plan) is
refused before any work is done, with a message that says which file, why, and what to
do. A non-regular file is never replaced.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from workbook.export.options import ExportError

PDF_SUFFIX = ".pdf"
_WHAT = {PDF_SUFFIX: ("The PDF", "a PDF"), ".ics": ("The calendar", "a calendar file"),
         ".csv": ("The spreadsheet", "a CSV file")}  # fmt: skip
"""How messages name what is being written, by the file's extension."""


def _names(suffix: str) -> tuple[str, str]:
    return _WHAT.get(suffix, ("The file", f"a {suffix} file"))


class TargetError(ExportError):
    """The PDF cannot go where it was asked to; ``str(error)`` says why and what to do."""


def _kind(mode: int) -> str | None:
    """What a file that is not a regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def check_target(target: Path, plan: Path | None = None, suffix: str = PDF_SUFFIX) -> bool:
    """Whether ``target`` already holds a file of the export's format (its ``suffix``,
    ``.pdf`` unless told) that the export would replace (True), or is a new file (False).
    Raises :class:`TargetError` for anything the export must not go to.

    ``plan`` is the plan being exported: the export never replaces it.
    """
    the, kind = _names(suffix)
    if not str(target).strip():
        raise TargetError(
            f"No file name was given for {the[0].lower()}{the[1:]}. Give one ending in {suffix}."
        )
    target = Path(target)
    try:
        info = os.stat(target)  # follows links: what would be written is what they name
    except FileNotFoundError:
        return False  # a new file (a missing folder is reported when writing)
    except NotADirectoryError:
        raise TargetError(
            f"{the} cannot be saved as {target}: part of that path is a file, not a "
            "folder. Choose a place inside an existing folder."
        ) from None
    except OSError as error:
        reason = "permission denied" if error.errno == errno.EACCES else error.strerror
        raise TargetError(
            f"{the} cannot be saved as {target}: it cannot be checked ({reason}). "
            "Choose another place to save it."
        ) from None
    if _kind(info.st_mode) is not None:
        refuse_special_file(target, suffix)
    if plan is not None and _same_file(target, Path(plan)):
        raise TargetError(
            f"{the} would replace the plan itself ({plan}); choose another name ending in {suffix}."
        )
    if target.suffix.lower() != suffix:
        what = "a plan or another file" if target.suffix.lower() == ".json" else "another file"
        raise TargetError(
            f"{target} already exists and is not {kind} (its name does not end in "
            f"{suffix}); it may be {what}, so the export will not replace it. "
            f"Choose a new name ending in {suffix}."
        )
    return True


def refuse_special_file(target: Path, suffix: str = PDF_SUFFIX) -> None:
    """TargetError if ``target`` exists and is not a regular file (a folder, a pipe, a
    device): writing the export would replace it."""
    the = _names(suffix)[0]
    try:
        kind = _kind(os.stat(target).st_mode)
    except OSError:
        return  # new, or unreadable: the write itself reports what is wrong
    if kind == "a folder":
        raise TargetError(
            f"{the} cannot be saved as {target}: that is a folder. Give a file name "
            f"inside it, such as {target / ('plan' + suffix)}."
        )
    if kind is not None:
        raise TargetError(
            f"{the} cannot be saved as {target}: that is {kind}, not a file, and it is "
            f"never replaced. Give a file name ending in {suffix}."
        )


def _same_file(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False
