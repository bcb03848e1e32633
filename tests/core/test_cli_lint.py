"""``workbook lint FILE [--format json]``: findings, exit status, and what the terminal shows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.core.series_plans import filled_plan, hollow_plan
from workbook import cli
from workbook.storage import save_plan


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def saved(plan, tmp_path: Path, name: str = "plan.json") -> Path:
    path = tmp_path / name
    save_plan(plan, path, backups=False)
    return path


def test_a_plan_with_errors_exits_1_and_lists_them(capsys, tmp_path: Path) -> None:
    path = saved(hollow_plan(), tmp_path)
    code, out, err = run(capsys, "lint", str(path))
    assert code == 1 and err == ""
    lines = out.splitlines()
    assert lines[0].startswith("plan.json: 17 errors, ")
    assert (
        "error: Listening & Learning › Listening notes › note 1 › What was said: Note 1 has "
        "nothing under What was said. Write what you heard, or delete the row. "
        "[empty-listening-note]"
    ) in lines
    assert any(line.startswith("warning: ") and "[no-publisher]" in line for line in lines)


def test_a_plan_without_errors_exits_0(capsys, tmp_path: Path) -> None:
    plan = filled_plan()
    plan.engagement.review.next_review = None  # the clock must not decide this test
    plan.engagement.activities[0].moves = None  # a hint is not an error
    code, out, _err = run(capsys, "lint", str(saved(plan, tmp_path)))
    assert code == 0
    assert out.splitlines()[0] == "plan.json: no errors, no warnings, 1 hint"


def test_json_output(capsys, tmp_path: Path) -> None:
    path = saved(hollow_plan(), tmp_path, "hollow.json")
    code, out, _err = run(capsys, "lint", str(path), "--format", "json")
    assert code == 1
    report = json.loads(out)
    assert report["file"] == "hollow.json"
    assert report["counts"]["error"] == 17
    finding = report["findings"][0]
    assert set(finding) == {"rule", "severity", "path", "message", "where"}
    assert finding["rule"] == "p-owner-not-on-people"
    assert finding["path"] == ["planning", "seven_ps", "purpose", "owner"]


def test_an_unreadable_file_exits_1_with_a_message(capsys, tmp_path: Path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text("{ not json", encoding="utf-8")
    code, out, err = run(capsys, "lint", str(bad))
    assert code == 1 and out == ""
    assert "broken.json" in err and "Traceback" not in err
    code, _out, err = run(capsys, "lint", str(tmp_path / "missing.json"))
    assert code == 1 and "missing.json" in err


@pytest.mark.parametrize("argv", [["lint"], ["lint", "a.json", "--format", "xml"]])
def test_usage_errors_exit_2(capsys, argv: list[str]) -> None:
    code, _out, err = run(capsys, *argv)
    assert code == 2 and "usage:" in err


def test_lint_is_listed_in_help(capsys) -> None:
    code, out, _err = run(capsys, "--help")
    assert code == 0 and "lint" in out
