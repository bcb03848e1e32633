"""Reading a PDF back for the export tests: text, fonts, outline, structural check."""

from __future__ import annotations

import io
import logging
import re
import unicodedata

import pikepdf
from pypdf import PdfReader

from workbook.export import text as txt

logging.getLogger("pypdf").setLevel(logging.ERROR)

_SPACE = re.compile(r"\s+")


_PAGE_NUMBER = re.compile(r"^Page \d+ of \d+$")


def extract_text(data: bytes, body_only: bool = False) -> str:
    """All the text; with ``body_only``, without the running header and footer, so
    text that flows over a page break reads as one piece.

    The renderer draws the header line and the footer line first on every page after
    the cover, and "Page X of Y" last.
    """
    reader = PdfReader(io.BytesIO(data))
    pages = []
    for number, page in enumerate(reader.pages):
        text = page.extract_text() or ""
        if body_only and number > 0:
            lines = text.splitlines()[2:]
            if lines and _PAGE_NUMBER.match(lines[-1].strip()):
                lines = lines[:-1]
            text = "\n".join(lines)
        pages.append(text)
    return "\n".join(pages)


def printable(value: str) -> str:
    """``value`` as the PDF prints it: characters no font has become "[emoji]" or "[U+…]"
    placeholders (tested on their own in test_text.py)."""
    from workbook.export.fonts import REGULAR, FontChooser

    return "".join(run for _font, run in FontChooser().runs(value, REGULAR))


def flat(text: str) -> str:
    """Text without whitespace, NFKC-normalised: line wraps (and the Arabic joined forms
    the renderer prints) compare equal to what the user typed."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def _letters(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", text) if c.isalnum())


def missing_strings(expected: list[str], extracted: str) -> list[str]:
    """The expected user strings not found in the extracted text.

    Left-to-right strings must appear exactly (whitespace aside): markup characters
    included, so "<b>" must be there as typed. Strings with Hebrew or Arabic are
    checked word by word, letters and digits only, in either direction: text
    extractors (pypdf, pdftotext) re-apply their own bidi guesses to the glyphs we
    drew in visual order, which reshuffles neutral punctuation around right-to-left
    runs; the visual order itself is tested on the text functions directly.
    """
    haystack = flat(extracted)
    letters = _letters(extracted)
    missing = []
    for value in expected:
        value = printable(txt.clean(value))
        if not value:
            continue
        if not txt.has_rtl(value):
            if flat(value) not in haystack:
                missing.append(value)
            continue
        for word in value.split():
            word_letters = _letters(word)
            if word_letters and word_letters not in letters and \
                    word_letters[::-1] not in letters:
                missing.append(value)
                break
    return missing


def font_report(data: bytes) -> dict[str, bool]:
    """Every font the pages use, with whether its TrueType program is embedded."""
    fonts: dict[str, bool] = {}
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            for font in page.Resources.get("/Font", {}).values():
                if font.Subtype == "/Type0":
                    descriptor = font.DescendantFonts[0].get("/FontDescriptor")
                else:
                    descriptor = font.get("/FontDescriptor")
                embedded = descriptor is not None and "/FontFile2" in descriptor
                fonts[str(font.BaseFont)] = embedded
    return fonts


def structure_problems(data: bytes) -> list[str]:
    """qpdf's structural check, through pikepdf."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return [str(p) for p in pdf.check_pdf_syntax()]


def outline_titles(data: bytes) -> list[str]:
    with pikepdf.open(io.BytesIO(data)) as pdf, pdf.open_outline() as outline:
        titles: list[str] = []

        def walk(items) -> None:
            for item in items:
                titles.append(item.title)
                walk(item.children)

        walk(outline.root)
        return titles


def metadata(data: bytes) -> dict[str, str]:
    reader = PdfReader(io.BytesIO(data))
    info = reader.metadata or {}
    return {k.lstrip("/"): str(v) for k, v in info.items()}
