"""Named pipes and devices where a plan or a lock file should be: refused at once, no hang."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from workbook import cli
from workbook.backups import backup_folder
from workbook.jsonfile import (
    FileTooLargeError,
    NotRegularFileError,
    read_regular_file,
)
from workbook.locking import PlanLock, lock_path_for, save_lock_path_for
from workbook.model import Plan
from workbook.storage import (
    PlanLoadError,
    PlanSaveError,
    fingerprint_file,
    load_plan,
    save_plan,
)

# Every test here would hang (or fill the memory) if the file were read like an ordinary
# one: the timeout turns such a regression into a failure.
pytestmark = [
    pytest.mark.timeout(20),
    pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX"),
]


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "fifo.json"
    os.mkfifo(path)
    return path


@pytest.fixture
def device(tmp_path: Path) -> Path:
    """A character device like /dev/null, made in the test's own folder, so a regression
    replaces this copy, never the system's."""
    path = tmp_path / "null.json"
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, AttributeError):
        pytest.skip("making a device node needs root")
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_reader_refuses_a_fifo_and_a_folder_at_once(fifo: Path, tmp_path: Path) -> None:
    with pytest.raises(NotRegularFileError) as caught:
        read_regular_file(fifo)
    assert caught.value.kind == "a named pipe (FIFO)"
    with pytest.raises(NotRegularFileError) as caught:
        read_regular_file(tmp_path)
    assert caught.value.kind == "a folder"


def test_reader_reads_at_most_one_byte_past_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(b"x" * 100)
    assert read_regular_file(path, limit=100) == b"x" * 100
    with pytest.raises(FileTooLargeError) as caught:
        read_regular_file(path, limit=99)
    assert caught.value.size == 100


def test_load_plan_refuses_a_fifo(fifo: Path) -> None:
    with pytest.raises(PlanLoadError) as caught:
        load_plan(fifo)
    message = caught.value.message
    assert "“fifo.json”" in message and "named pipe (FIFO)" in message
    assert "not a plan file" in message
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_validate_refuses_a_fifo(fifo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "validate", str(fifo))
    assert code == 1 and out == ""
    assert "named pipe (FIFO)" in err and "Traceback" not in err


def test_new_with_force_refuses_a_fifo(fifo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = _run(capsys, "new", "--force", "-o", str(fifo))
    assert code == 1
    assert f"{fifo} is a named pipe (FIFO), not an ordinary file" in err
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert not backup_folder(fifo).exists()


def test_new_with_force_refuses_a_device_and_makes_no_backup_folder(
    device: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = _run(capsys, "new", "--force", "-o", str(device))
    assert code == 1 and "is a device, not an ordinary file" in err
    assert stat.S_ISCHR(os.stat(device).st_mode)
    assert not backup_folder(device).exists()


def test_save_plan_never_replaces_a_fifo_or_a_device(fifo: Path, device: Path) -> None:
    for target, kind in ((fifo, "named pipe (FIFO)"), (device, "device")):
        with pytest.raises(PlanSaveError) as caught:
            save_plan(Plan(), target)
        assert kind in caught.value.message
        assert not stat.S_ISREG(os.stat(target).st_mode)
        assert not backup_folder(target).exists()


def test_fingerprint_of_a_fifo_is_none(fifo: Path) -> None:
    assert fingerprint_file(fifo) is None


def test_a_fifo_as_lock_file_reads_as_damaged_and_is_replaced(tmp_path: Path) -> None:
    plan = tmp_path / "plan.json"
    save_plan(Plan(), plan)
    os.mkfifo(lock_path_for(plan))
    lock = PlanLock(plan)
    holder = lock.holder()
    assert holder is not None and holder.corrupt
    lock.acquire()
    assert lock.is_held and stat.S_ISREG(os.stat(lock.path).st_mode)
    lock.release()


def test_a_lock_file_linked_to_dev_zero_reads_as_damaged(tmp_path: Path) -> None:
    plan = tmp_path / "plan.json"
    save_plan(Plan(), plan)
    lock_path_for(plan).symlink_to("/dev/zero")
    lock = PlanLock(plan)
    holder = lock.holder()
    assert holder is not None and holder.corrupt
    lock.acquire()  # replaces the link, never writes to the device
    assert lock.is_held and not lock.path.is_symlink()
    lock.release()


def test_a_fifo_at_the_save_lock_name_fails_the_save_with_a_message(tmp_path: Path) -> None:
    plan = tmp_path / "plan.json"
    save_plan(Plan(), plan)
    before = plan.read_bytes()
    os.mkfifo(save_lock_path_for(plan))
    changed = Plan()
    changed.details.title = "new"
    with pytest.raises(PlanSaveError) as caught:
        save_plan(changed, plan)
    assert "save lock" in caught.value.message and "named pipe (FIFO)" in caught.value.message
    assert "Delete it" in caught.value.message
    assert plan.read_bytes() == before
