"""One builder of OS-error messages: which file, what happened, what to do, per action."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from workbook.jsonfile import FileTooLargeError, NotRegularFileError
from workbook.oserrors import FileAction, describe_os_error, os_error_problem


def _error(code: int) -> OSError:
    return OSError(code, os.strerror(code))


@pytest.mark.parametrize(
    ("code", "action", "expected"),
    [
        (
            errno.ENOSPC,
            FileAction.SAVE,
            "The disk is full, so the file could not be written. "
            "Free some space (or choose another place with Save As) and try again.",
        ),
        (errno.ENOSPC, FileAction.EXPORT, "choose another place for the PDF"),
        (errno.EDQUOT, FileAction.SAVE, "Your disk quota is used up"),
        (errno.EACCES, FileAction.READ, "permission denied. Check that you may read this file"),
        (errno.EACCES, FileAction.SAVE, "permission denied. Check that you may use this folder"),
        (errno.EACCES, FileAction.EXPORT, "If the PDF is open in a viewer, close it"),
        (errno.EROFS, FileAction.SAVE, "the disk or folder is read-only. Choose another place."),
        (errno.ENOENT, FileAction.READ, "There is no such file. It may have been moved"),
        (errno.ENOENT, FileAction.SAVE, "its folder does not exist (was a drive unplugged?)"),
        (errno.EISDIR, FileAction.SAVE, "that is a folder, not a file"),
        (errno.ENAMETOOLONG, FileAction.SAVE, "its name or path is too long. Choose a shorter"),
        (errno.EIO, FileAction.READ, "The drive reported an error while the file was being read"),
        (errno.EBUSY, FileAction.SAVE, "another program is using it"),
        (errno.ETIMEDOUT, FileAction.SAVE, "the network drive did not answer"),
        (errno.EXDEV, FileAction.SAVE, "The file could not be written: Invalid cross-device link."),
    ],
)
def test_problem_words(code: int, action: FileAction, expected: str) -> None:
    assert expected in os_error_problem(_error(code), action)


def test_subclasses_are_recognised_without_an_errno() -> None:
    assert "does not exist" in os_error_problem(FileNotFoundError("x"), "save")
    assert "permission denied" in os_error_problem(PermissionError("x"), "read")


def test_a_named_pipe_and_a_huge_file(tmp_path: Path) -> None:
    pipe = os_error_problem(NotRegularFileError(tmp_path / "p", "a named pipe (FIFO)"), "read")
    assert pipe.startswith("It is a named pipe (FIFO), not an ordinary file, so the app will not")
    assert "read it" in pipe
    assert "write over it" in os_error_problem(NotRegularFileError("d", "a device"), "export")
    big = os_error_problem(FileTooLargeError("f", 200 * 1024 * 1024), "read")
    assert "200 MB" in big


def test_whole_message_names_the_file_and_its_place(tmp_path: Path) -> None:
    target = tmp_path / "client.json"
    message = describe_os_error(_error(errno.ENOSPC), target, "save")
    headline, problem = message.split("\n")
    assert headline == f"Could not save “client.json” ({target})."
    assert problem.startswith("The disk is full")
    assert describe_os_error(_error(errno.EACCES), target, FileAction.LOCK).startswith(
        "Could not lock “client.json”"
    )


def test_unknown_action_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        os_error_problem(_error(errno.EIO), "juggling")
