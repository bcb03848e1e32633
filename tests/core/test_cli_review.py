"""The review commands: workbook snapshot, snapshots, diff (text and JSON), export to ICS and
CSV, and the hand-off bundle, run through the real entry point."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from icalendar import Calendar

from workbook.cli import main
from workbook.examples import load_example
from workbook.model import AgreedAction, ListeningNote, Plan, Sentiment
from workbook.snapshots import take_snapshot
from workbook.storage import load_plan, save_plan


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def known_pair() -> Plan:
    """A small plan with two snapshots and known changes between them and now."""
    plan = Plan(id="known")
    plan.details.title = "Plan for the Corner Café"
    plan.listening.notes = [
        ListeningNote(id="n1", said="Open earlier please", sentiment=Sentiment.NEUTRAL),
        ListeningNote(id="n2", said="Best scones in town"),
        ListeningNote(id="n3", said="Too noisy at lunch"),
    ]
    take_snapshot(plan, "Spring", "Before the workshop", now=datetime(2026, 4, 1, 9, tzinfo=UTC))
    plan.details.title = "Plan for the Corner Café, 2026"
    plan.listening.notes[0].said = "Open earlier on Saturdays please"
    plan.listening.notes.pop(2)
    plan.listening.notes.insert(0, plan.listening.notes.pop(1))
    take_snapshot(plan, "Summer", now=datetime(2026, 7, 1, 9, tzinfo=UTC))
    plan.engagement.actions.append(
        AgreedAction(id="x1", what="Open at 7:30 on Saturdays", who="Sam", due=date(2026, 7, 4))
    )
    return plan


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "corner.json"
    save_plan(known_pair(), path, backups=False)
    return path


def test_diff_json_on_a_known_pair(plan_file: Path, capsys) -> None:
    code, out, err = run(
        capsys, "diff", str(plan_file), "--from", "Spring", "--to", "summer", "--format", "json"
    )
    assert code == 0, err
    data = json.loads(out)
    assert data["from"] == {
        "id": data["from"]["id"],
        "name": "Spring",
        "kind": "named",
        "taken_at": "2026-04-01T09:00:00+00:00",
    }
    assert data["to"]["name"] == "Summer"
    assert data["counts"] == {"added": 0, "removed": 1, "changed": 2, "moved": 1}
    assert [s["stage"] for s in data["stages"]] == ["details", "listening"]
    title = data["stages"][0]["changes"][0]
    assert title == {
        "kind": "changed",
        "path": ["details", "title"],
        "label": "Plan title",
        "old": "Plan for the Corner Café",
        "new": "Plan for the Corner Café, 2026",
        "segments": [
            {"kind": "equal", "text": "Plan for the Corner Café"},
            {"kind": "insert", "text": ", 2026"},
        ],
    }
    notes = {c["row_id"]: c for c in data["stages"][1]["changes"]}
    assert notes["n2"]["kind"] == "moved" and notes["n2"]["old_index"] == 1
    assert notes["n3"]["kind"] == "removed" and notes["n3"]["row"]["said"] == "Too noisy at lunch"
    changed = notes["n1"]
    assert changed["kind"] == "changed" and changed["label"] == "Listening notes › note 2"
    assert [f["path"] for f in changed["fields"]] == [["listening", "notes", "n1", "said"]]
    assert changed["fields"][0]["segments"] == [
        {"kind": "equal", "text": "Open earlier "},
        {"kind": "insert", "text": "on Saturdays "},
        {"kind": "equal", "text": "please"},
    ]


def test_diff_defaults_to_the_newest_snapshot_against_now(plan_file: Path, capsys) -> None:
    code, out, _ = run(capsys, "diff", str(plan_file), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["from"]["name"] == "Summer" and data["to"] == "now"
    assert data["counts"] == {"added": 1, "removed": 0, "changed": 0, "moved": 0}
    code, out, _ = run(capsys, "diff", str(plan_file))
    assert "Agreed actions › action 1 added: “Open at 7:30 on Saturdays”" in out
    assert out.startswith("From “Summer”")


def test_diff_names_the_snapshots_there_are_when_one_is_unknown(plan_file: Path, capsys) -> None:
    code, _, err = run(capsys, "diff", str(plan_file), "--from", "Winter")
    assert code == 1
    assert "Winter" in err and "“Spring”" in err and "Traceback" not in err


def test_snapshot_adds_to_the_file_and_snapshots_lists_newest_first(
    plan_file: Path, capsys
) -> None:
    code, out, err = run(
        capsys,
        "snapshot",
        str(plan_file),
        "--name",
        "  After  the review ",
        "--note",
        "Agreed with Sam",
    )
    assert code == 0, err
    assert "After the review" in out
    plan = load_plan(plan_file).plan
    assert [s.name for s in plan.history.snapshots] == ["Spring", "Summer", "After the review"]
    assert plan.history.snapshots[-1].note == "Agreed with Sam"
    code, out, _ = run(capsys, "snapshots", str(plan_file))
    lines = out.splitlines()
    assert [line.split("  ")[1] for line in lines] == ["After the review", "Summer", "Spring"]
    assert lines[0].endswith("— Agreed with Sam")
    assert not plan_file.with_name(".~corner.json.lock").exists()  # the lock is let go


def test_snapshot_needs_a_name(plan_file: Path, capsys) -> None:
    code, _, err = run(capsys, "snapshot", str(plan_file), "--name", "   ")
    assert code == 1 and "needs a name" in err


def test_a_plan_without_snapshots_says_how_to_take_one(tmp_path: Path, capsys) -> None:
    path = tmp_path / "plain.json"
    save_plan(Plan(), path, backups=False)
    code, out, _ = run(capsys, "snapshots", str(path))
    assert code == 0 and "no snapshots yet" in out and "workbook snapshot" in out
    code, _, err = run(capsys, "diff", str(path))
    assert code == 1 and "no snapshots" in err


def test_export_ics_and_csv_beside_the_plan(tmp_path: Path, capsys) -> None:
    path = tmp_path / "crumb.json"
    save_plan(load_example("bakery"), path, backups=False)
    code, out, err = run(capsys, "export", str(path), "--format", "ics")
    assert code == 0, err
    assert out.strip() == str(tmp_path / "crumb.ics")
    calendar = Calendar.from_ical((tmp_path / "crumb.ics").read_bytes())
    assert len(calendar.walk("VEVENT")) == 12
    code, out, _ = run(capsys, "export", str(path), "--format", "csv", "--table", "notes")
    assert code == 0 and out.strip() == str(tmp_path / "crumb-notes.csv")
    rows = list(csv.reader(io.StringIO((tmp_path / "crumb-notes.csv").read_text("utf-8-sig"))))
    assert len(rows) == 1 + len(load_example("bakery").listening.notes)
    # The format follows -o's extension; the action plan is the CSV's default table.
    code, _, _ = run(capsys, "export", str(path), "-o", str(tmp_path / "todo.csv"))
    assert code == 0
    assert (tmp_path / "todo.csv").read_text("utf-8-sig").startswith("Date,Kind,What,Owner")


def test_export_targets_follow_the_rules_for_each_format(tmp_path: Path, capsys) -> None:
    path = tmp_path / "crumb.json"
    save_plan(load_example("bakery"), path, backups=False)
    assert run(capsys, "export", str(path), "--format", "ics")[0] == 0
    code, _, err = run(capsys, "export", str(path), "--format", "ics")
    assert code == 1 and "already exists" in err and "--force" in err
    assert run(capsys, "export", str(path), "--format", "ics", "--force")[0] == 0
    other = tmp_path / "notes.txt"
    other.write_text("mine", encoding="utf-8")
    code, _, err = run(capsys, "export", str(path), "-o", str(other), "--format", "csv", "--force")
    assert code == 1 and "not a CSV file" in err and other.read_text(encoding="utf-8") == "mine"
    code, _, err = run(capsys, "export", str(path), "--format", "ics", "-o", str(path))
    assert code == 1 and "the plan itself" in err
    code, _, err = run(capsys, "export", str(path), "--table", "notes")
    assert code == 2 and "--format csv" in err


def test_handoff_writes_the_bundle(tmp_path: Path, capsys) -> None:
    path = tmp_path / "crumb.json"
    save_plan(known_pair(), path, backups=False)
    folder = tmp_path / "For the client"
    code, out, err = run(capsys, "handoff", str(path), "-o", str(folder))
    assert code == 0, err
    names = sorted(p.name for p in folder.iterdir())
    assert names == [
        "README.txt",
        "crumb action plan.csv",
        "crumb action plan.ics",
        "crumb.docx",
        "crumb.json",
        "crumb.pdf",
    ]
    readme = " ".join((folder / "README.txt").read_text(encoding="utf-8").split())
    assert "crumb.docx" in readme and "Word file" in readme and "2 snapshots" in readme
    code, _, err = run(capsys, "handoff", str(path), "-o", str(folder))
    assert code == 1 and "--force" in err
    code, _, _ = run(capsys, "handoff", str(path), "-o", str(folder), "--force", "--no-history")
    assert code == 0
    assert load_plan(folder / "crumb.json").plan.history.snapshots == []


def test_handoff_for_the_window_names_its_files_and_speaks_json_lines(
    tmp_path: Path, capsys
) -> None:
    from workbook.export.protocol import Done, Failed, Progress, parse_line

    path = tmp_path / "plan.json"  # the window hands over a temporary plan.json
    save_plan(known_pair(), path, backups=False)
    folder = tmp_path / "Corner Café"
    argv = ["handoff", str(path), "-o", str(folder), "--name", "Corner Café", "--progress", "json"]
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    events = [parse_line(line.encode()) for line in out.splitlines()]
    assert all(event is not None for event in events), out
    fractions = [e.fraction for e in events if isinstance(e, Progress)]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0 and len(fractions) > 3
    assert events[-1] == Done(folder, 0, ())
    assert (folder / "Corner Café.pdf").is_file() and (folder / "Corner Café.docx").is_file()
    assert not (folder / "plan.pdf").exists()

    code, out, _ = run(capsys, *argv)  # the folder is taken now: a message, not a traceback
    event = parse_line(out.strip().splitlines()[-1].encode())
    assert code == 1 and isinstance(event, Failed) and "already holds a bundle" in event.message

    code, _, err = run(capsys, "handoff", str(path), "-o", str(tmp_path / "x"), "--name", "a/b")
    assert code == 1 and "not a plain file name" in err
