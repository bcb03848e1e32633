"""Human words for operating-system errors on a file: which file, what happened, what to do."""

from __future__ import annotations

import errno
import os
from enum import StrEnum
from pathlib import Path

from workbook.jsonfile import FileTooLargeError, NotRegularFileError


class FileAction(StrEnum):
    """What the app was doing with the file when the error came."""

    READ = "read"
    SAVE = "save"
    EXPORT = "export"
    LOCK = "lock"


_PAST = {
    FileAction.READ: "read",
    FileAction.SAVE: "written",
    FileAction.EXPORT: "written",
    FileAction.LOCK: "locked",
}
_HEADLINE = {
    FileAction.READ: "Could not open",
    FileAction.SAVE: "Could not save",
    FileAction.EXPORT: "Could not export to",
    FileAction.LOCK: "Could not lock",
}
_ELSEWHERE = {
    FileAction.READ: "",
    FileAction.SAVE: " (or choose another place with Save As)",
    FileAction.EXPORT: " (or choose another place for the PDF)",
    FileAction.LOCK: "",
}
_NETWORK = {
    getattr(errno, name)
    for name in ("ETIMEDOUT", "EHOSTDOWN", "EHOSTUNREACH", "ENETDOWN", "ESTALE", "ENOTCONN")
    if hasattr(errno, name)
}


def _permission_advice(action: FileAction) -> str:
    if action is FileAction.READ:
        return "Check that you may read this file, or ask whoever owns it for a copy."
    if action is FileAction.EXPORT:
        return (
            "If the PDF is open in a viewer, close it and export again; otherwise check "
            "that the folder is not read-only, or choose another place."
        )
    return (
        "Check that you may use this folder, or that the file is not open in another "
        f"program{_ELSEWHERE[action]}."
    )


def os_error_problem(error: OSError, action: FileAction | str) -> str:
    """What happened and what to do, for a message that already names the file.

    e.g. "The disk is full, so the file could not be written. Free some space (or
    choose another place with Save As) and try again."
    """
    action = FileAction(action)
    done = _PAST[action]
    code = error.errno
    if isinstance(error, NotRegularFileError):
        verb = "read it" if action is FileAction.READ else "write over it"
        return (
            f"It is {error.kind}, not an ordinary file, so the app will not {verb}. "
            "Choose an ordinary file."
        )
    if isinstance(error, FileTooLargeError):
        return (
            f"The file is {error.size / 1024 / 1024:.0f} MB, far larger than any file "
            "the app makes, so it was not read."
        )
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        full = "The disk is full" if code == errno.ENOSPC else "Your disk quota is used up"
        return (
            f"{full}, so the file could not be {done}. Free some space"
            f"{_ELSEWHERE[action]} and try again."
        )
    if isinstance(error, PermissionError) or code in (errno.EACCES, errno.EPERM):
        return f"The file could not be {done}: permission denied. {_permission_advice(action)}"
    if code == errno.EROFS:
        return f"The file could not be {done}: the disk or folder is read-only." + (
            " Choose another place." if action is not FileAction.READ else ""
        )
    if isinstance(error, FileNotFoundError) or code == errno.ENOENT:
        if action is FileAction.READ:
            return "There is no such file. It may have been moved, renamed or deleted."
        return (
            f"The file could not be {done}: its folder does not exist (was a drive "
            "unplugged?). Choose another place."
        )
    if isinstance(error, IsADirectoryError) or code == errno.EISDIR:
        return f"The file could not be {done}: that is a folder, not a file. Choose a file."
    if isinstance(error, NotADirectoryError) or code == errno.ENOTDIR:
        return (
            f"The file could not be {done}: part of its path is a file, not a folder. "
            "Check the path."
        )
    if code == errno.ENAMETOOLONG:
        return (
            f"The file could not be {done}: its name or path is too long. Choose a "
            "shorter name, or a folder nearer the top of the drive."
        )
    if code == errno.ELOOP:
        return f"The file could not be {done}: its path is a loop of links. Check the links."
    if code in (errno.EBUSY, getattr(errno, "ETXTBSY", -1)):
        return (
            f"The file could not be {done}: another program is using it. Close it there "
            "and try again."
        )
    if code in (errno.EMFILE, errno.ENFILE):
        return (
            f"The file could not be {done}: too many files are open. Close some "
            "programs and try again."
        )
    if code in _NETWORK:
        return (
            f"The file could not be {done}: the network drive did not answer "
            f"({error.strerror or error}). Check the connection and try again."
        )
    if code == errno.EIO:
        return (
            f"The drive reported an error while the file was being {done} "
            f"({error.strerror or error}). It may be failing or unplugged: check it, and "
            "keep a copy of your work somewhere else."
        )
    reason = error.strerror or str(error) or type(error).__name__
    return f"The file could not be {done}: {reason}."


def describe_os_error(
    error: OSError, path: os.PathLike[str] | str, action: FileAction | str
) -> str:
    """The whole message: which file, what happened, what to do.

    e.g. "Could not save “plan.json” (/home/anna/plan.json).\\nThe disk is full, so
    the file could not be written. Free some space (or choose another place with Save
    As) and try again."
    """
    action = FileAction(action)
    path = Path(path)
    name = path.name or str(path)
    return f"{_HEADLINE[action]} “{name}” ({path.absolute()}).\n{os_error_problem(error, action)}"
