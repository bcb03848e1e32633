"""The workbook command: file commands via main(argv), the hand-off to the window, real runs."""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import json
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

from tests.core.test_jsonfile import BAD_FILES
from workbook import __version__, cli
from workbook.examples import list_examples, load_example
from workbook.model import Plan
from workbook.storage import backup_path, load_plan, plan_to_bytes, save_plan

REPO = Path(__file__).resolve().parents[2]


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_module(*argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO), PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "workbook", *argv],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


# ---------------------------------------------------------------- version, usage, schema


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run_cli(capsys, "--version")
    assert code == 0 and out.strip() == f"workbook {__version__}"


@pytest.mark.parametrize(
    "argv",
    [
        ["validate"],
        ["new"],
        ["new", "--example"],
        ["validate", "a.json", "b.json"],
        ["plan.json", "--no-such-option"],
        ["schema", "--what"],
    ],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run_cli(capsys, *argv)
    assert code == 2
    assert "usage:" in err and "Traceback" not in err


def test_help_lists_commands(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run_cli(capsys, "--help")
    assert code == 0
    for command in cli.COMMANDS:
        assert command in out


def test_schema_is_the_models_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run_cli(capsys, "schema")
    assert code == 0
    assert json.loads(out) == Plan.model_json_schema()
    assert out.startswith('{\n  "')


# ---------------------------------------------------------------- examples and new


def test_examples_lists_names(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run_cli(capsys, "examples")
    assert code == 0
    assert out.splitlines() == [example.name for example in list_examples()]
    assert {"bakery", "physio"} <= set(out.splitlines())


def test_new_blank_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "client.json"
    code, out, _err = run_cli(capsys, "new", "-o", str(target))
    assert code == 0 and str(target) in out
    plan = load_plan(target).plan
    assert plan.details == Plan().details and plan.listening.notes == []


@pytest.mark.parametrize("name", [example.name for example in list_examples()])
def test_new_from_example(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / f"{name}-copy.json"
    code, out, _err = run_cli(capsys, "new", "--example", name, "-o", str(target))
    assert code == 0 and name in out
    assert load_plan(target).plan == load_example(name)


def test_new_unknown_example_lists_the_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "x.json"
    code, _out, err = run_cli(capsys, "new", "--example", "brewery", "-o", str(target))
    assert code == 1
    assert "brewery" in err
    for example in list_examples():
        assert example.name in err
    assert not target.exists()


def test_new_refuses_to_overwrite_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "client.json"
    mine = Plan()
    mine.details.title = "Weeks of work"
    save_plan(mine, target)
    before = target.read_bytes()
    code, _out, err = run_cli(capsys, "new", "-o", str(target))
    assert code == 1
    assert "already exists" in err and "--force" in err
    assert target.read_bytes() == before

    code, _out, _err = run_cli(capsys, "new", "-o", str(target), "--force")
    assert code == 0
    assert load_plan(target).plan.details.title == ""
    assert backup_path(target, 1).read_bytes() == before  # --force still keeps a backup


def test_new_into_a_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run_cli(capsys, "new", "-o", str(tmp_path / "no" / "such" / "p.json"))
    assert code == 1
    assert "does not exist" in err and "Traceback" not in err


# ---------------------------------------------------------------- validate


def test_validate_good_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "client.json"
    save_plan(load_example("bakery"), target)
    code, out, err = run_cli(capsys, "validate", str(target))
    assert code == 0 and err == ""
    line = out.strip()
    assert "\n" not in line
    assert line.startswith("client.json: ") and "% complete — Plan details " in line


def test_validate_reports_unknown_fields_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = json.loads(plan_to_bytes(Plan()))
    raw["details"]["mascot"] = "a loaf"
    target = tmp_path / "p.json"
    target.write_text(json.dumps(raw), encoding="utf-8")
    code, out, err = run_cli(capsys, "validate", str(target))
    assert code == 0 and out.startswith("p.json: ")
    assert "“mascot”" in err


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_validate_bad_file(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make, expected = BAD_FILES[name]
    data = make()
    target = tmp_path / f"{name}.json"
    target.write_bytes(data)
    code, out, err = run_cli(capsys, "validate", str(target))
    assert code == 1
    assert out == ""
    assert expected in err and f"{name}.json" in err
    assert "Traceback" not in err
    assert target.read_bytes() == data
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_validate_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run_cli(capsys, "validate", str(tmp_path / "gone.json"))
    assert code == 1 and "no such file" in err


# ---------------------------------------------------------------- export hand-off


def test_export_is_registered(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run_cli(capsys, "export", "--help")
    assert code == 0 and "usage: workbook export" in out


def test_export_of_a_bad_file_fails_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "bad.json"
    target.write_bytes(b"{")
    code, _out, err = run_cli(capsys, "export", str(target), "-o", str(tmp_path / "o.pdf"))
    assert code == 1 and "Traceback" not in err
    assert not (tmp_path / "o.pdf").exists()


def test_missing_export_module_gives_a_message(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "workbook.export.command", None)
    code, _out, err = run_cli(capsys, "export", "x.json")
    assert code == 1 and "not available" in err


# ---------------------------------------------------------------- the desktop window


@pytest.fixture
def fake_gui(monkeypatch: pytest.MonkeyPatch) -> list[tuple[list[str], bool]]:
    calls: list[tuple[list[str], bool]] = []
    module = types.ModuleType("workbook.gui.app")

    def run(paths: list[str], self_test: bool = False) -> int:
        calls.append((list(paths), self_test))
        return 0

    module.run = run  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "workbook.gui.app", module)
    return calls


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], ([], False)),
        (["a.json"], (["a.json"], False)),
        (["a.json", "b c.json"], (["a.json", "b c.json"], False)),
        (["--self-test"], ([], True)),
    ],
)
def test_window_gets_the_paths(
    argv: list[str],
    expected: tuple[list[str], bool],
    fake_gui: list,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _out, _err = run_cli(capsys, *argv)
    assert code == 0
    assert fake_gui == [expected]


def test_gui_main_runs_the_window(fake_gui: list, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", ["workbook-gui", "plan.json"])
    assert cli.gui_main() == 0
    assert fake_gui == [(["plan.json"], False)]


class _NoPySide(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Makes ``workbook.gui.app`` fail the way it does when PySide6 is not installed."""

    def find_spec(
        self, name: str, path: object = None, target: object = None
    ) -> importlib.machinery.ModuleSpec | None:
        if name == "workbook.gui.app":
            return importlib.machinery.ModuleSpec(name, self)
        return None

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> None:
        return None

    def exec_module(self, module: types.ModuleType) -> None:
        raise ModuleNotFoundError("No module named 'PySide6'", name="PySide6")


def test_window_without_pyside(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delitem(sys.modules, "workbook.gui.app", raising=False)
    monkeypatch.setattr(sys, "meta_path", [_NoPySide(), *sys.meta_path])
    code, out, err = run_cli(capsys, "plan.json")
    assert code == 1 and out == ""
    assert err.strip() == f"workbook: {cli.PYSIDE_MISSING}"


# ---------------------------------------------------------------- failures at the top


def test_keyboard_interrupt_exits_130_quietly(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(path: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr("workbook.storage.load_plan", interrupted)
    code, out, err = run_cli(capsys, "validate", str(tmp_path / "p.json"))
    assert (code, out, err) == (130, "", "")


def test_os_error_is_a_message(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken() -> object:
        raise PermissionError(13, "Permission denied", "/resources/examples")

    monkeypatch.setattr("workbook.examples.list_examples", broken)
    code, _out, err = run_cli(capsys, "examples")
    assert code == 1
    assert err.strip() == "workbook: Permission denied (/resources/examples)."


def test_unexpected_error_has_no_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("WORKBOOK_DEBUG", raising=False)

    def buggy() -> object:
        raise ZeroDivisionError("oops")

    monkeypatch.setattr("workbook.examples.list_examples", buggy)
    code, _out, err = run_cli(capsys, "examples")
    assert code == 1
    assert "Something went wrong inside the app" in err and "Traceback" not in err


# ---------------------------------------------------------------- real runs of python -m workbook


def test_module_version_and_usage_error(tmp_path: Path) -> None:
    done = run_module("--version", cwd=tmp_path)
    assert (done.returncode, done.stdout.strip()) == (0, f"workbook {__version__}")
    done = run_module("new", cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_module_new_validate_force(tmp_path: Path) -> None:
    done = run_module("new", "--example", "physio", "-o", "plan.json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    done = run_module("validate", "plan.json", cwd=tmp_path)
    assert done.returncode == 0 and done.stdout.startswith("plan.json: ")
    done = run_module("new", "-o", "plan.json", cwd=tmp_path)
    assert done.returncode == 1 and "already exists" in done.stderr
    done = run_module("new", "-o", "plan.json", "--force", cwd=tmp_path)
    assert done.returncode == 0


def test_module_validate_bad_file(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_bytes('{ "format": 1, '.encode("utf-16"))
    done = run_module("validate", "bad.json", cwd=tmp_path)
    assert done.returncode == 1
    assert "UTF-16" in done.stderr and "Traceback" not in done.stderr + done.stdout
