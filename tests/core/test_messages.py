"""Messages that say what is true and what to do: one test per message, on the words shown."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from workbook import cli
from workbook.locking import PlanLock
from workbook.model import SCHEMA_VERSION, Plan
from workbook.storage import PlanLoadError, load_plan, plan_to_bytes, save_plan

REPO = Path(__file__).resolve().parents[2]


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _titled(title: str) -> Plan:
    plan = Plan()
    plan.details.title = title
    return plan


@pytest.mark.timeout(20)
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_dev_zero_is_called_a_device_not_a_64_mb_file() -> None:
    with pytest.raises(PlanLoadError) as caught:
        load_plan("/dev/zero")
    message = caught.value.message
    assert "“zero”" in message and "it is a device, not a plan file" in message
    assert "MB" not in message


def test_utf32_file_is_called_utf32(tmp_path: Path) -> None:
    for encoding in ("utf-32", "utf-32-le", "utf-32-be"):
        target = tmp_path / f"{encoding}.json"
        target.write_bytes(plan_to_bytes(Plan()).decode("utf-8").encode(encoding))
        with pytest.raises(PlanLoadError) as caught:
            load_plan(target)
        assert "saved as UTF-32 text, not UTF-8" in caught.value.message, encoding
        assert "UTF-16" not in caught.value.message


def test_plan_from_a_newer_app_is_only_told_to_update(tmp_path: Path) -> None:
    raw = json.loads(plan_to_bytes(Plan()))
    raw["schema_version"] = SCHEMA_VERSION + 1
    target = tmp_path / "future.json"
    target.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(PlanLoadError) as caught:
        load_plan(target)
    message = caught.value.message
    assert "made by a newer version of the app" in message and "Update the app" in message
    assert "text editor" not in message and "What to do" not in message


def test_a_damaged_plan_still_gets_the_text_editor_advice(tmp_path: Path) -> None:
    target = tmp_path / "cut.json"
    target.write_bytes(plan_to_bytes(Plan())[:50])
    with pytest.raises(PlanLoadError) as caught:
        load_plan(target)
    assert "open the file in a text editor" in caught.value.message


def test_new_to_dev_stdout_is_refused_not_told_to_free_space(tmp_path: Path) -> None:
    # The child's standard output is a pipe, as when its output goes to another program.
    env = dict(os.environ, PYTHONPATH=str(REPO), PYTHONIOENCODING="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "workbook", "new", "-o", "/dev/stdout"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert done.returncode == 1 and done.stdout == ""
    assert "/dev/stdout is a named pipe (FIFO), not an ordinary file" in done.stderr
    assert "Choose an ordinary file name" in done.stderr
    assert "space" not in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_new_with_an_empty_name_says_the_name_is_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for empty in ("", "  "):
        code, _out, err = _run(capsys, "new", "-o", empty)
        assert code == 1
        assert "The file name is empty" in err and "workbook new -o plan.json" in err
        assert "already exists" not in err
    assert list(tmp_path.iterdir()) == []


def test_new_into_a_folder_names_a_file_inside_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = _run(capsys, "new", "--force", "-o", str(tmp_path))
    assert code == 1 and f"{tmp_path} is a folder" in err
    assert str(tmp_path / "plan.json") in err


def test_new_with_force_refuses_a_read_only_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "kept.json"
    save_plan(_titled("protected"), target)
    target.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    before = target.read_bytes()
    code, _out, err = _run(capsys, "new", "--force", "-o", str(target))
    assert code == 1
    assert f"{target} is read-only, so it was not replaced" in err
    assert "make it writable first" in err
    assert target.read_bytes() == before


def test_new_with_force_refuses_a_plan_open_in_the_app(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "open.json"
    save_plan(_titled("being edited"), target)
    lock = PlanLock(target, user="anna")  # this process is alive: a live lock
    lock.acquire()
    try:
        code, _out, err = _run(capsys, "new", "--force", "-o", str(target))
    finally:
        lock.release()
    assert code == 1
    assert f"{target} is open in the app (Opened by anna on " in err
    assert "Close it there first" in err
    assert load_plan(target).plan.details.title == "being edited"


def test_new_with_force_replaces_a_plan_whose_lock_was_left_by_a_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "left.json"
    save_plan(_titled("old"), target)
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    PlanLock(target, pid=int(child.stdout)).acquire()  # its process has ended
    code, _out, _err = _run(capsys, "new", "--force", "-o", str(target))
    assert code == 0
    assert load_plan(target).plan.details.title == ""
