"""The Word file opens in LibreOffice and converts to PDF without complaint (skipped where
LibreOffice is not installed)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date

import pytest

from tests.report.plans import hostile_plan
from workbook.examples import load_example
from workbook.report import ReportKind, ReportOptions, build_report, render_report

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

pytestmark = [
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed"),
    pytest.mark.slow,
]


def convert(tmp_path, name: str, data: bytes) -> bytes:
    source = tmp_path / f"{name}.docx"
    source.write_bytes(data)
    profile = tmp_path / "profile"  # its own profile: never clashes with another soffice
    result = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    target = tmp_path / f"{name}.pdf"
    assert result.returncode == 0, result.stderr
    assert target.exists(), f"no PDF: {result.stdout} {result.stderr}"
    return target.read_bytes()


@pytest.mark.parametrize(
    ("name", "plan", "kind"),
    [
        ("bakery-client", load_example("bakery"), ReportKind.CLIENT),
        ("bakery-worksheet", load_example("bakery"), ReportKind.WORKSHEET),
        ("hostile-client", hostile_plan(), ReportKind.CLIENT),
    ],
)
def test_libreoffice_converts_the_word_file(tmp_path, name, plan, kind):
    import io

    from pypdf import PdfReader

    doc = build_report(plan, ReportOptions(kind=kind), today=date(2026, 11, 27))
    pdf = PdfReader(io.BytesIO(convert(tmp_path, name, render_report(doc, "docx"))))
    assert len(pdf.pages) > 3
    text = " ".join(page.extract_text() for page in pdf.pages[:6])
    assert ("Executive summary" if kind is ReportKind.CLIENT else "How to use") in text
