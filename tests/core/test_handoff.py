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
    assert written == [tmp_path / "bundle" / "crumb.docx"]
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


def test_the_real_bundle_holds_a_word_file_with_the_plan_in_it(tmp_path: Path) -> None:
    import docx

    plan = load_example("plumber")
    write_handoff(plan, tmp_path / "b", stem="plan", now=NOW)
    document = docx.Document(str(tmp_path / "b" / "plan.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    assert plan.details.organisation in text


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
