"""One default accent colour and one check of an accent colour, shared by the window's
settings, the Preferences dialog, the command line and the PDF export."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from workbook.branding import DEFAULT_ACCENT, is_accent, parse_accent
from workbook.export.options import ExportError, ExportOptions, normalise_accent

PACKAGE = Path(__file__).resolve().parents[2] / "workbook"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("#1f6f8b", "#1F6F8B"),
        (" 00AA11 ", "#00AA11"),
        ("#FFF", None),
        ("#12345G", None),
        ("", None),
        ("#1234567", None),
    ],
)
def test_parse_accent(given: str, expected: str | None) -> None:
    assert parse_accent(given) == expected
    assert is_accent(given) is (expected is not None)


def test_the_export_uses_the_same_default_and_check() -> None:
    assert ExportOptions().accent == DEFAULT_ACCENT
    assert normalise_accent("1f6f8b") == "#1F6F8B"
    with pytest.raises(ExportError, match="not a colour code"):
        normalise_accent("teal")


def test_the_command_line_offers_the_same_default() -> None:
    import argparse

    from workbook.export.command import add_arguments, options_from

    parser = argparse.ArgumentParser()
    add_arguments(parser)
    # No accent given and none saved in Preferences (each test has its own settings).
    assert options_from(parser.parse_args(["plan.json"])).accent == DEFAULT_ACCENT


def test_the_default_accent_is_written_once() -> None:
    """Its hex code appears in workbook/branding.py alone (other modules import it)."""
    code = re.compile(re.escape(DEFAULT_ACCENT), re.IGNORECASE)
    found = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if code.search(path.read_text(encoding="utf-8"))
    ]
    assert found == ["branding.py"]
