"""The ``workbook export`` command, run through the real command line entry point."""

from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path

import pytest

from tests.export import pdfcheck
from tests.unprivileged import ordinary_user
from workbook.cli import main
from workbook.examples import load_example
from workbook.storage import save_plan


@pytest.fixture
def plan_file(tmp_path):
    path = tmp_path / "client plan.json"
    save_plan(load_example("bakery"), path, backups=False)
    return path


def test_export_writes_beside_the_plan_by_default(plan_file, capsys):
    assert main(["export", str(plan_file)]) == 0
    target = plan_file.with_suffix(".pdf")
    out = capsys.readouterr().out
    assert out.strip() == str(target)
    data = target.read_bytes()
    assert "Crumb" in pdfcheck.page_texts(data, [1])[0]
    assert pdfcheck.page_size(data)[0] == 595  # A4


def test_export_options(plan_file, tmp_path, capsys):
    target = tmp_path / "out" / "letter.pdf"
    target.parent.mkdir()
    code = main(
        [
            "export",
            str(plan_file),
            "-o",
            str(target),
            "--page-size",
            "Letter",
            "--no-prompts",
            "--accent",
            "#aa3300",
            "--consultant",
            "Ana Ruiz",
            "--company",
            "Ruiz & Partners",
        ]
    )
    assert code == 0, capsys.readouterr().err
    data = target.read_bytes()
    assert pdfcheck.page_size(data)[0] == 612
    text = pdfcheck.extract_text(data)
    # The plan names its own preparer; the consultant's profile stands in only when not.
    assert "Prepared by Sam Ellis, Ellis Digital Advice" in text
    assert "Ruiz & Partners" not in text
    assert "What shall we call this plan?" not in text
    assert pdfcheck.metadata(data)["Author"] == "Sam Ellis, Ellis Digital Advice"


@pytest.mark.parametrize("accent", ["red", "#12", "#12345G"])
def test_bad_accent_is_refused_with_a_message(plan_file, capsys, accent):
    assert main(["export", str(plan_file), "--accent", accent]) == 1
    err = capsys.readouterr().err
    assert "accent colour" in err and "#1F6F8B" in err
    assert "Traceback" not in err
    assert not plan_file.with_suffix(".pdf").exists()


def test_bad_page_size_is_refused(plan_file, capsys):
    assert main(["export", str(plan_file), "--page-size", "A3"]) == 1
    assert "A4 or Letter" in capsys.readouterr().err


def test_bad_plan_is_a_human_message(tmp_path, capsys):
    bad = tmp_path / "broken.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["export", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "broken.json" in err and "Traceback" not in err
    assert not (tmp_path / "broken.pdf").exists()


def test_missing_plan_is_a_human_message(tmp_path, capsys):
    assert main(["export", str(tmp_path / "nope.json")]) == 1
    err = capsys.readouterr().err
    assert "nope.json" in err and "Traceback" not in err


def test_missing_folder_is_a_human_message(plan_file, tmp_path, capsys):
    assert main(["export", str(plan_file), "-o", str(tmp_path / "gone" / "x.pdf")]) == 1
    assert "does not exist" in capsys.readouterr().err


def export_into_read_only_folder(folder: str) -> dict[str, object]:
    """Runs as an ordinary user (tests/unprivileged.py), where the folder's mode applies."""
    plan_file = Path(folder) / "client plan.json"
    save_plan(load_example("bakery"), plan_file, backups=False)
    locked = Path(folder) / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err):
            code = main(["export", str(plan_file), "-o", str(locked / "x.pdf")])
    finally:
        locked.chmod(0o700)
    return {"code": code, "err": err.getvalue(), "left": sorted(p.name for p in locked.iterdir())}


def test_read_only_folder_is_a_human_message():
    with ordinary_user() as user:
        result = user.call(export_into_read_only_folder, user.folder)
    assert result["code"] == 1
    assert "permission denied" in result["err"] and "Traceback" not in result["err"]
    assert result["left"] == []


def test_read_only_target_is_a_human_message(plan_file, tmp_path, capsys, monkeypatch):
    # Running as root ignores file modes, so stand in for the OS refusing the write
    # (a read-only file, or a PDF held open by a viewer on Windows).
    import workbook.export.writing as writing

    def refuse(path, data):
        raise PermissionError(13, "Permission denied", str(path))

    target = tmp_path / "held.pdf"
    target.write_bytes(b"%PDF-1.4 old")
    monkeypatch.setattr(writing, "write_atomic", refuse)
    assert main(["export", str(plan_file), "-o", str(target), "--force"]) == 1
    err = capsys.readouterr().err
    assert "permission denied" in err and "close it" in err
    assert target.read_bytes() == b"%PDF-1.4 old"


def test_refuses_to_overwrite_the_plan_itself(plan_file, capsys):
    before = plan_file.read_bytes()
    assert main(["export", str(plan_file), "-o", str(plan_file)]) == 1
    assert "replace the plan itself" in capsys.readouterr().err
    assert plan_file.read_bytes() == before


def test_unprintable_characters_are_reported(tmp_path, capsys):
    plan = load_example("bakery")
    plan.details.industry = "Bakery 🥖 क"
    path = tmp_path / "emoji.json"
    save_plan(plan, path, backups=False)
    assert main(["export", str(path)]) == 0
    err = capsys.readouterr().err
    (line,) = [line for line in err.splitlines() if line.startswith("warning:")]
    assert "U+0915" in line and "Noto Sans Devanagari" in line
    assert "U+1F956" not in line  # the baguette prints, from the bundled emoji font


def test_bad_logo_is_a_human_message(plan_file, tmp_path, capsys):
    logo = tmp_path / "logo.png"
    logo.write_text("not a picture")
    assert main(["export", str(plan_file), "--logo", str(logo)]) == 1
    err = capsys.readouterr().err
    assert "logo" in err and "PNG or JPEG" in err


# ---------------------------------------------------------------- where the PDF may go


def test_an_existing_pdf_is_replaced_only_with_force(plan_file, tmp_path, capsys):
    target = tmp_path / "old.pdf"
    target.write_bytes(b"%PDF-1.4 the old one")
    assert main(["export", str(plan_file), "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert str(target) in err and "--force" in err
    assert target.read_bytes() == b"%PDF-1.4 the old one"
    assert main(["export", str(plan_file), "-o", str(target), "--force"]) == 0
    assert "Crumb" in pdfcheck.page_texts(target.read_bytes(), [1])[0]


def test_the_default_pdf_beside_the_plan_needs_force_the_second_time(plan_file, capsys):
    assert main(["export", str(plan_file)]) == 0
    assert main(["export", str(plan_file)]) == 1
    assert "--force" in capsys.readouterr().err
    assert main(["export", str(plan_file), "--force"]) == 0


def test_another_plan_is_never_replaced(plan_file, tmp_path, capsys):
    other = tmp_path / "other.json"
    save_plan(load_example("bakery"), other, backups=False)
    before = other.read_bytes()
    for extra in ([], ["--force"]):
        assert main(["export", str(plan_file), "-o", str(other), *extra]) == 1
        err = capsys.readouterr().err
        assert str(other) in err and "not a PDF" in err and ".pdf" in err
        assert other.read_bytes() == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes (POSIX)")
def test_a_named_pipe_is_refused_at_once_and_left_alone(plan_file, tmp_path, capsys):
    import stat

    fifo = tmp_path / "out.pdf"
    os.mkfifo(fifo)
    # Opening a FIFO to write would wait for a reader forever: the check must not open it.
    assert main(["export", str(plan_file), "-o", str(fifo), "--force"]) == 1
    err = capsys.readouterr().err
    assert str(fifo) in err and "named pipe" in err and "never replaced" in err
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_folder_is_refused(plan_file, tmp_path, capsys):
    assert main(["export", str(plan_file), "-o", str(tmp_path), "--force"]) == 1
    err = capsys.readouterr().err
    assert "is a folder" in err and str(tmp_path / "plan.pdf") in err


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="needs /dev/null (POSIX)")
@pytest.mark.parametrize("device", ["/dev/null", "/dev/stdout"])
def test_devices_are_refused_and_never_replaced(plan_file, capsys, device):
    import stat

    before = os.stat("/dev/null").st_mode
    assert main(["export", str(plan_file), "-o", device, "--force"]) == 1
    err = capsys.readouterr().err
    assert device in err and "Traceback" not in err
    assert ("device" in err or "named pipe" in err or "not a PDF" in err) and "free" not in err
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode) and os.stat("/dev/null").st_mode == before


def test_an_empty_output_name_is_a_usage_error(plan_file, capsys):
    assert main(["export", str(plan_file), "-o", ""]) == 2
    assert "empty name" in capsys.readouterr().err


def test_an_unknown_progress_format_is_a_usage_error(plan_file, capsys):
    assert main(["export", str(plan_file), "--progress", "xml"]) == 2


# ---------------------------------------------------------------- --progress json


def _json_lines(out: str) -> list[dict]:
    import json

    return [json.loads(line) for line in out.splitlines()]


def test_progress_json_prints_progress_then_the_outcome(plan_file, tmp_path, capsys):
    target = tmp_path / "out.pdf"
    assert main(["export", str(plan_file), "-o", str(target), "--progress", "json"]) == 0
    captured = capsys.readouterr()
    lines = _json_lines(captured.out)  # every line is JSON: nothing else on stdout
    progress = [line["progress"] for line in lines[:-1]]
    assert len(progress) >= 5 and progress == sorted(progress) and progress[-1] == 1.0
    assert all(isinstance(line["message"], str) for line in lines[:-1])
    assert lines[-1] == {
        "done": str(target),
        "pages": pdfcheck.page_count(target.read_bytes()),
        "warnings": [],
    }


def test_progress_json_reports_a_failure_as_one_line(plan_file, tmp_path, capsys):
    target = tmp_path / "out.pdf"
    target.write_bytes(b"%PDF-1.4 old")
    assert main(["export", str(plan_file), "-o", str(target), "--progress", "json"]) == 1
    captured = capsys.readouterr()
    (line,) = _json_lines(captured.out)
    assert "--force" in line["error"] and str(target) in line["error"]
    assert target.read_bytes() == b"%PDF-1.4 old"


# ---------------------------------------------------------------- other formats


def test_the_format_follows_the_name_given(plan_file, tmp_path, capsys):
    from docx import Document

    target = tmp_path / "strategy.docx"
    assert main(["export", str(plan_file), "-o", str(target)]) == 0
    assert capsys.readouterr().out.strip() == str(target)
    document = Document(str(target))
    assert document.core_properties.title == "Crumb & Co. social media plan 2026"
    assert "Executive summary" in [p.text for p in document.paragraphs]


@pytest.mark.parametrize(("fmt", "suffix"), [("md", ".md"), ("html", ".html"), ("docx", ".docx")])
def test_format_without_a_name_writes_beside_the_plan(plan_file, capsys, fmt, suffix):
    assert main(["export", str(plan_file), "--format", fmt]) == 0
    target = plan_file.with_suffix(suffix)
    assert capsys.readouterr().out.strip() == str(target)
    assert target.stat().st_size > 1000
    assert not plan_file.with_suffix(".pdf").exists()


def test_a_name_and_a_format_that_disagree_are_a_usage_error(plan_file, tmp_path, capsys):
    target = tmp_path / "strategy.docx"
    assert main(["export", str(plan_file), "-o", str(target), "--format", "pdf"]) == 2
    err = capsys.readouterr().err
    assert str(target) in err and "Word document" in err and "PDF" in err
    assert not target.exists()


def test_a_name_without_a_known_ending_takes_the_format_asked_for(plan_file, tmp_path):
    target = tmp_path / "strategy.txt"
    assert main(["export", str(plan_file), "-o", str(target), "--format", "md"]) == 0
    assert "\n# Crumb \\& Co. social media plan 2026\n" in target.read_text(encoding="utf-8")


def test_an_existing_document_is_replaced_only_with_force_and_only_by_its_format(
    plan_file, tmp_path, capsys
):
    page = tmp_path / "old.html"
    page.write_text("<p>old</p>")
    assert main(["export", str(plan_file), "-o", str(page)]) == 1
    assert "--force" in capsys.readouterr().err
    assert page.read_text() == "<p>old</p>"
    assert main(["export", str(plan_file), "-o", str(page), "--force"]) == 0
    assert "Crumb" in page.read_text(encoding="utf-8")
    # A Markdown file is not replaced by a web page, even with --force and a format given.
    notes = tmp_path / "notes.txt"
    notes.write_text("mine")
    assert main(["export", str(plan_file), "-o", str(notes), "--format", "html", "--force"]) == 1
    err = capsys.readouterr().err
    assert "not a web page" in err and ".html or .htm" in err
    assert notes.read_text() == "mine"


def test_progress_json_works_for_every_format(plan_file, tmp_path, capsys):
    import json

    for fmt in ("md", "html", "docx"):
        target = tmp_path / f"out.{fmt}"
        code = main(["export", str(plan_file), "-o", str(target), "--progress", "json"])
        assert code == 0
        lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        progress = [line["progress"] for line in lines[:-1]]
        assert len(progress) >= 3 and progress == sorted(progress) and progress[-1] == 1.0
        assert lines[-1] == {"done": str(target), "pages": 0, "warnings": []}


def test_the_document_options(plan_file, tmp_path, capsys):
    target = tmp_path / "sheet.md"
    args = ["export", str(plan_file), "-o", str(target), "--kind", "worksheet"]
    assert main([*args, "--leave-out", "listening,engagement"]) == 0
    sheet = target.read_text(encoding="utf-8")
    assert "Workshop worksheet" in sheet or "WORKSHOP WORKSHEET" in sheet
    assert "Listening & Learning" not in sheet and "Management \\& Administration" in sheet
    summary = tmp_path / "summary.md"
    assert main(["export", str(plan_file), "-o", str(summary), "--notes", "summary"]) == 0
    text = summary.read_text(encoding="utf-8")
    assert "10 notes chosen to show the range" in text
    assert main(["export", str(plan_file), "-o", str(summary), "--leave-out", "poems"]) == 2
    assert "poems" in capsys.readouterr().err


def _plan_with_a_snapshot(path: Path) -> Path:
    from datetime import UTC, datetime

    from workbook.snapshots import take_snapshot

    plan = load_example("bakery")
    take_snapshot(plan, "Spring review", now=datetime(2026, 3, 1, tzinfo=UTC))
    plan.planning.intent += " We also open the bakehouse once a month."
    save_plan(plan, path, backups=False)
    return path


def test_changes_since_adds_the_section(tmp_path, capsys):
    plan_file = _plan_with_a_snapshot(tmp_path / "plan.json")
    target = tmp_path / "review.md"
    args = ["export", str(plan_file), "-o", str(target), "--changes-since", "spring REVIEW"]
    assert main(args) == 0
    text = target.read_text(encoding="utf-8")
    assert "## What changed since “Spring review”" in text
    assert "\\[added: We also open the bakehouse once a month.\\]" in text


def test_changes_since_an_unknown_snapshot_names_the_plans_snapshots(tmp_path, capsys):
    plan_file = _plan_with_a_snapshot(tmp_path / "plan.json")
    target = tmp_path / "review.pdf"
    args = ["export", str(plan_file), "-o", str(target), "--changes-since", "Autumn"]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "no snapshot called “Autumn”" in err and "“Spring review”" in err
    assert "--changes-since" in err
    assert not target.exists()


@pytest.mark.parametrize("name", ["light.html", "light.pdf"])
def test_a_light_accent_is_a_warning_line(plan_file, tmp_path, capsys, name):
    target = tmp_path / name
    assert main(["export", str(plan_file), "-o", str(target), "--accent", "#FFE600"]) == 0
    err = capsys.readouterr().err
    assert "warning: The accent colour #FFE600 is too light" in err
