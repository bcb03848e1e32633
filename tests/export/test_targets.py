"""Where a PDF may be written: new files and existing PDFs only, never a special file."""

from __future__ import annotations

import os
import stat

import pytest

from workbook.export import ExportError, export_pdf
from workbook.export.targets import TargetError, check_target
from workbook.model import Plan


def test_a_new_file_and_an_existing_pdf_are_accepted(tmp_path):
    assert check_target(tmp_path / "new.pdf") is False
    existing = tmp_path / "old.PDF"
    existing.write_bytes(b"%PDF-1.4")
    assert check_target(existing) is True


def test_an_existing_file_that_is_not_a_pdf_is_refused(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("mine")
    with pytest.raises(TargetError) as caught:
        check_target(notes)
    assert str(notes) in str(caught.value) and "not a PDF" in str(caught.value)


def test_the_plan_itself_is_refused_whatever_its_name(tmp_path):
    plan = tmp_path / "plan.pdf"  # an odd name for a plan, but it is the plan
    plan.write_text("{}")
    with pytest.raises(TargetError, match="replace the plan itself"):
        check_target(plan, plan=plan)


def test_a_path_through_a_file_is_refused(tmp_path):
    afile = tmp_path / "file"
    afile.write_text("x")
    with pytest.raises(TargetError, match="part of that path is a file"):
        check_target(afile / "x.pdf")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes (POSIX)")
def test_export_pdf_itself_never_replaces_a_named_pipe(tmp_path):
    fifo = tmp_path / "plan.pdf"
    os.mkfifo(fifo)
    with pytest.raises(ExportError, match="named pipe"):
        export_pdf(Plan(), fifo)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
