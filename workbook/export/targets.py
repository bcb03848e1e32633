"""Where a document may be written: a new file, or an existing regular file of the same format.

Anything else (a folder, a named pipe, a device such as /dev/null, another plan, a file of
another kind) is refused before any work is done, with a message that says which file,
why, and what to do. A non-regular file is never replaced. The rules are the same for
every format; a format only brings its name and its file name endings (:class:`Output`).
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from workbook.export.options import ExportError

PDF_SUFFIX = ".pdf"


@dataclass(frozen=True)
class Output:
    """What a format's file is called in messages, and the endings its names take."""

    noun: str
    """ "PDF", "Word document"…: what the messages call the file."""
    suffixes: tuple[str, ...]
    """Lower-case endings, the usual one first (".md", ".markdown")."""

    @property
    def suffix(self) -> str:
        return self.suffixes[0]

    def ends(self) -> str:
        """ "in .md or .markdown": the endings, in words."""
        return " or ".join(self.suffixes)


PDF = Output("PDF", (PDF_SUFFIX,))


class TargetError(ExportError):
    """The document cannot go where it was asked to; ``str(error)`` says why and what to do."""


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


def check_target(target: Path, plan: Path | None = None, output: Output = PDF) -> bool:
    """Whether ``target`` already holds a file of ``output``'s format that the export would
    replace (True) or is a new file (False). Raises :class:`TargetError` for anything the
    document must not go to.

    ``plan`` is the plan being exported: the document never replaces it.
    """
    if not str(target).strip():
        raise TargetError(
            f"No file name was given for the {output.noun}. Give one ending in {output.suffix}."
        )
    target = Path(target)
    try:
        info = os.stat(target)  # follows links: what would be written is what they name
    except FileNotFoundError:
        return False  # a new file (a missing folder is reported when writing)
    except NotADirectoryError:
        raise TargetError(
            f"The {output.noun} cannot be saved as {target}: part of that path is a file, "
            "not a folder. Choose a place inside an existing folder."
        ) from None
    except OSError as error:
        reason = "permission denied" if error.errno == errno.EACCES else error.strerror
        raise TargetError(
            f"The {output.noun} cannot be saved as {target}: it cannot be checked ({reason}). "
            "Choose another place to save it."
        ) from None
    if _kind(info.st_mode) is not None:
        refuse_special_file(target, output)
    if plan is not None and _same_file(target, Path(plan)):
        raise TargetError(
            f"The {output.noun} would replace the plan itself ({plan}); choose another name "
            f"ending in {output.suffix}."
        )
    if target.suffix.lower() not in output.suffixes:
        what = "a plan or another file" if target.suffix.lower() == ".json" else "another file"
        raise TargetError(
            f"{target} already exists and is not a {output.noun} (its name does not end in "
            f"{output.ends()}); it may be {what}, so the export will not replace it. "
            f"Choose a new name ending in {output.suffix}."
        )
    return True


def refuse_special_file(target: Path, output: Output = PDF) -> None:
    """TargetError if ``target`` exists and is not a regular file (a folder, a pipe, a
    device): writing the document would replace it."""
    try:
        kind = _kind(os.stat(target).st_mode)
    except OSError:
        return  # new, or unreadable: the write itself reports what is wrong
    if kind == "a folder":
        raise TargetError(
            f"The {output.noun} cannot be saved as {target}: that is a folder. Give a file "
            f"name inside it, such as {target / ('plan' + output.suffix)}."
        )
    if kind is not None:
        raise TargetError(
            f"The {output.noun} cannot be saved as {target}: that is {kind}, not a file, and "
            f"it is never replaced. Give a file name ending in {output.suffix}."
        )


def _same_file(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False
