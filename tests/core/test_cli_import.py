"""``workbook import-notes``: notes added through the session, counts and reasons printed,
nothing written on a dry run or a bad file, and a plan open in the app left alone."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from tests.core import import_files
from workbook import cli
from workbook.locking import PlanLock
from workbook.model import ListeningNote, Plan
from workbook.storage import backup_path, load_plan, save_plan


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    plan = Plan()
    plan.listening.notes.append(
        ListeningNote(noted_on=datetime.date(2024, 3, 2), said="Rude staff; won't return")
    )
    path = tmp_path / "plan.json"
    save_plan(plan, path)
    return path


def test_import_adds_the_notes_and_reports_counts(tmp_path, plan_path, capsys) -> None:
    source = import_files.write_excel_bom(tmp_path / "reviews.csv")
    before = plan_path.read_bytes()
    code, out, err = run_cli(capsys, "import-notes", str(plan_path), str(source))
    assert code == 0, err
    assert "UTF-8 with a byte order mark, separated by commas, header on row 1" in out
    assert "Review Text → What was said" in out
    assert "month first" in out
    assert "row 3: already in the plan" in out
    assert "2 imported, 1 skipped, 0 failed (3 rows in reviews.csv)." in out
    notes = load_plan(plan_path).plan.listening.notes
    assert [n.said for n in notes] == [
        "Rude staff; won't return",
        "Best croissant in town, hands down",
        "Good coffee, slow service",
    ]
    assert notes[1].follow_up == "Thank you Sam!" and notes[1].sentiment.value == "positive"
    # Saved the app's way: the previous version kept as a backup, the lock released.
    assert backup_path(plan_path, 1).read_bytes() == before
    assert PlanLock(plan_path).holder() is None


def test_importing_twice_adds_nothing_the_second_time(tmp_path, plan_path, capsys) -> None:
    source = import_files.write_tab_quoted(tmp_path / "mentions.tsv")
    assert run_cli(capsys, "import-notes", str(plan_path), str(source))[0] == 0
    saved = plan_path.read_bytes()
    code, out, _err = run_cli(capsys, "import-notes", str(plan_path), str(source))
    assert code == 0
    assert "0 imported, 3 skipped, 0 failed" in out
    assert "was not changed" in out
    assert plan_path.read_bytes() == saved


def test_dry_run_changes_nothing(tmp_path, plan_path, capsys) -> None:
    source = import_files.write_semicolon_cp1252(tmp_path / "export.csv")
    before = plan_path.read_bytes()
    code, out, _err = run_cli(capsys, "import-notes", str(plan_path), str(source), "--dry-run")
    assert code == 0
    assert "Windows-1252" in out and "semicolons" in out
    assert "3 would be imported, 0 skipped, 0 failed" in out
    assert "Dry run: plan.json was not changed." in out
    assert plan_path.read_bytes() == before
    assert not backup_path(plan_path, 1).exists()


def test_failed_rows_are_listed_with_reasons(tmp_path, plan_path, capsys) -> None:
    source = tmp_path / "notes.csv"
    source.write_text(
        "Date,Comment,Mood\n2024-05-01,Fine,happy\nnext Tuesday,Odd,meh\n2024-05-03,Ok,meh\n",
        encoding="utf-8",
    )
    code, out, _err = run_cli(capsys, "import-notes", str(plan_path), str(source))
    assert code == 0
    assert "Not imported (1):\n  row 3: Date: “next Tuesday” is not a date format" in out
    assert "row 4: Sentiment: the sentiment “meh” is not one the import knows" in out
    assert "2 imported, 0 skipped, 1 failed" in out


def test_map_chooses_and_drops_columns(tmp_path, plan_path, capsys) -> None:
    source = tmp_path / "sheet.csv"
    source.write_text("When,Words,Who\n2024-05-01,Lovely,Ann\n", encoding="utf-8")
    code, out, err = run_cli(
        capsys,
        "import-notes",
        str(plan_path),
        str(source),
        "--map",
        "noted_on=When",
        "--map",
        "said=words",
        "--map",
        "who=",
    )
    assert code == 0, err
    note = load_plan(plan_path).plan.listening.notes[-1]
    assert (note.noted_on, note.said, note.who) == (datetime.date(2024, 5, 1), "Lovely", "")


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--map", "mood=Words"], ["--map mood=Words", "noted_on, source, who"]),
        (["--map", "said"], ["FIELD=COLUMN"]),
        (["--map", "said=Nope"], ["has no column “Nope”", "“When”, “Words”"]),
        (["--sheet", "Other"], ["has no sheet “Other”"]),
    ],
)
def test_bad_options_are_explained(tmp_path, plan_path, capsys, argv, words) -> None:
    source = tmp_path / "sheet.csv"
    source.write_text("When,Words\n2024-05-01,Lovely\n", encoding="utf-8")
    before = plan_path.read_bytes()
    code, _out, err = run_cli(capsys, "import-notes", str(plan_path), str(source), *argv)
    assert code == 1
    for word in words:
        assert word in err
    assert plan_path.read_bytes() == before


def test_nothing_to_match_is_explained(tmp_path, plan_path, capsys) -> None:
    source = tmp_path / "sheet.csv"
    source.write_text("Alpha,Beta\nx,y\n", encoding="utf-8")
    code, _out, err = run_cli(capsys, "import-notes", str(plan_path), str(source))
    assert code == 1 and "--map said=Comment" in err


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "is empty"),
        (bytes(range(256)) * 4, "binary"),
        (b"Date,Review\n", "no rows of notes"),
        (b"%PDF-1.4 \x00\x01", "a PDF document"),
    ],
)
def test_bad_files_change_nothing(tmp_path, plan_path, capsys, content, words) -> None:
    source = tmp_path / "notes.csv"
    source.write_bytes(content)
    before = plan_path.read_bytes()
    code, out, err = run_cli(capsys, "import-notes", str(plan_path), str(source))
    assert code == 1
    assert "“notes.csv” cannot be imported: " in err and words in err
    assert "Traceback" not in err + out
    assert plan_path.read_bytes() == before


def test_a_plan_open_in_the_app_is_left_alone(tmp_path, plan_path, capsys) -> None:
    source = import_files.write_excel_bom(tmp_path / "reviews.csv")
    lock = PlanLock(plan_path)
    lock.acquire()
    try:
        before = plan_path.read_bytes()
        code, _out, err = run_cli(capsys, "import-notes", str(plan_path), str(source))
        assert code == 1 and "is open in the app" in err and "Close it there first" in err
        assert plan_path.read_bytes() == before
        # A dry run only reads, so it may look at a plan that is open.
        assert run_cli(capsys, "import-notes", str(plan_path), str(source), "--dry-run")[0] == 0
    finally:
        lock.release()


def test_xlsx_with_the_sheet_chosen(tmp_path, plan_path, capsys) -> None:
    source = import_files.write_xlsx(tmp_path / "notes.xlsx")
    code, out, err = run_cli(
        capsys, "import-notes", str(plan_path), str(source), "--sheet", "Notes"
    )
    assert code == 0, err
    assert "sheet “Notes”" in out
    assert "spreadsheet formula" in out
    assert "2 imported, 0 skipped, 1 failed" in out


def test_help_lists_the_command(capsys) -> None:
    code, out, _err = run_cli(capsys, "--help")
    assert code == 0 and "import-notes" in out
