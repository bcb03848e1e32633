"""The hand-off bundle: what goes in the folder, the README that explains it, the Word hook,
and folders it must not write into."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.export import pdfcheck
from workbook.examples import load_example
from workbook.handoff import HandoffError, bundle_names, write_handoff
from workbook.storage import load_plan

NOW = datetime(2026, 4, 1, 10, 0, tzinfo=UTC)


def test_the_bundle_has_every_part_and_a_readme_naming_each(tmp_path: Path) -> None:
    plan = load_example("bakery")
    written: list[Path] = []

    def fake_word(plan_arg, target: Path) -> None:
        written.append(target)
        target.write_bytes(b"PK fake docx")

    result = write_handoff(plan, tmp_path / "bundle", stem="crumb", now=NOW, word=fake_word)
    names = bundle_names("crumb")
    assert [p.name for p in result.files] == [
        names[k] for k in ("pdf", "docx", "ics", "csv", "json", "readme")
    ]
    assert written == [tmp_path / "bundle" / "crumb.docx"] and result.notes == []
    assert "Crumb" in pdfcheck.page_texts((tmp_path / "bundle" / "crumb.pdf").read_bytes(), [1])[0]
    assert load_plan(tmp_path / "bundle" / "crumb.json").plan == plan
    readme = (tmp_path / "bundle" / "README.txt").read_bytes().decode("utf-8")
    assert "\r\n" in readme
    for name in names.values():
        if name != "README.txt":
            assert name in readme
    words = " ".join(readme.split())
    assert "1 April 2026" in words and "12 entries" in words and "Sam Ellis" in words
    assert "Word file" in words and "no Word copy" not in words


def test_without_a_word_writer_the_readme_says_so(tmp_path: Path, monkeypatch) -> None:
    import workbook.handoff as handoff

    monkeypatch.setattr(handoff, "word_writer", lambda: None)
    result = write_handoff(load_example("plumber"), tmp_path / "b", stem="plan", now=NOW)
    assert not (tmp_path / "b" / "plan.docx").exists()
    assert result.notes and "Word" in result.notes[0]
    readme = (tmp_path / "b" / "README.txt").read_text(encoding="utf-8")
    assert "no Word copy" in " ".join(readme.split())


def test_the_word_hook_is_report_write_report_when_there_is_one(monkeypatch) -> None:
    import sys
    import types

    from workbook.handoff import word_writer

    fake = types.ModuleType("workbook.report")
    fake.write_report = lambda plan, target: None
    monkeypatch.setitem(sys.modules, "workbook.report", fake)
    assert word_writer() is fake.write_report
    monkeypatch.setitem(sys.modules, "workbook.report", types.ModuleType("workbook.report"))
    assert word_writer() is None


def test_folders_it_must_not_write_into(tmp_path: Path) -> None:
    plan = load_example("bakery")
    a_file = tmp_path / "taken"
    a_file.write_text("mine", encoding="utf-8")
    with pytest.raises(HandoffError, match="is a file, not a folder"):
        write_handoff(plan, a_file, stem="crumb", now=NOW)
    with pytest.raises(HandoffError, match="does not exist"):
        write_handoff(plan, tmp_path / "no" / "such", stem="crumb", now=NOW)
    folder = tmp_path / "shared"
    folder.mkdir()
    (folder / "notes.txt").write_text("kept", encoding="utf-8")
    write_handoff(plan, folder, stem="crumb", now=NOW)  # other files do not stop it
    with pytest.raises(HandoffError, match="--force"):
        write_handoff(plan, folder, stem="crumb", now=NOW)
    write_handoff(plan, folder, stem="crumb", now=NOW, force=True)
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "kept"
