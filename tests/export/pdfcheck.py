"""Reading a PDF back in the tests, through pypdf: text, pages, fonts, images, outline, links.

The one PDF reader of the test suite. qpdf (through pikepdf) only checks the structure,
which pypdf cannot.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from pypdf import PdfReader
from pypdf.generic import ArrayObject, IndirectObject

from workbook.export import text as txt

logging.getLogger("pypdf").setLevel(logging.ERROR)

_SPACE = re.compile(r"\s+")
_PAGE_NUMBER = re.compile(r"^Page \d+ of \d+$")


def _reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


# ---------------------------------------------------------------- text


@lru_cache(maxsize=8)
def _all_page_texts(data: bytes) -> tuple[str, ...]:
    """Each page's text, one drawn line a line, blank lines and edge spaces left out.

    Cached: a module's tests read the same rendered PDF many times, and pypdf takes
    about 15 ms a page.
    """
    pages = []
    for page in _reader(data).pages:
        lines = (line.strip() for line in (page.extract_text() or "").splitlines())
        pages.append("\n".join(line for line in lines if line))
    return tuple(pages)


def page_texts(data: bytes, numbers: Iterable[int] | None = None) -> list[str]:
    """The text of each page (or of the pages ``numbers``, counted from 1), its lines in
    the order they are drawn."""
    pages = _all_page_texts(data)
    if numbers is None:
        return list(pages)
    return [pages[n - 1] for n in numbers]


def extract_text(data: bytes, body_only: bool = False) -> str:
    """All the text; with ``body_only``, without the running header and footer, so
    text that flows over a page break reads as one piece.

    The renderer draws the header line and the footer line first on every page after
    the cover, and "Page X of Y" last.
    """
    pages = []
    for number, text in enumerate(page_texts(data)):
        if body_only and number > 0:
            lines = text.splitlines()[2:]
            if lines and _PAGE_NUMBER.match(lines[-1]):
                lines = lines[:-1]
            text = "\n".join(lines)
        pages.append(text)
    return "\n".join(pages)


def printable(value: str) -> str:
    """``value`` as the PDF prints it: characters no font has are left out (tested on their
    own in test_text.py)."""
    from workbook.export.fonts import REGULAR, FontChooser

    return "".join(run for _font, run in FontChooser().runs(value, REGULAR))


def flat(text: str) -> str:
    """Text without whitespace or the soft hyphens that mark a word cut at a line's end,
    NFKC-normalised: line wraps (and the Arabic joined forms the renderer prints) compare
    equal to what the user typed."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text.replace(SOFT_HYPHEN, "")))


SOFT_HYPHEN = "\u00ad"
_WORD = re.compile(r"[^\W\d_]{4,}")


def _is_cjk_or_rtl(word: str) -> bool:
    return any(
        0x2E80 <= ord(c) <= 0x9FFF or 0xAC00 <= ord(c) <= 0xD7AF or txt.has_rtl(c) for c in word
    )


def words_of(text: str) -> list[str]:
    """The words of four letters or more in ``text``: runs of letters, so a web address's
    parts ("crumbandco", "journal") are words and its punctuation is not."""
    return _WORD.findall(unicodedata.normalize("NFKC", text))


def broken_words(expected: list[str], extracted: str) -> list[str]:
    """The words of four letters or more in ``expected`` that are not printed whole on one
    line of ``extracted``: cut between lines, with or without a hyphen. Chinese, Japanese
    and Korean (which break between any two characters) and right-to-left words (which
    text extractors reorder) are left out."""
    printed = set(words_of(extracted))
    missing = []
    for value in expected:
        for word in words_of(printable(txt.clean(value))):
            if word not in printed and not _is_cjk_or_rtl(word) and word not in missing:
                missing.append(word)
    return missing


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
    # Most words are found whole among the words on the page (either way round); the
    # rest, broken over lines, by a search of all the letters.
    words = {_letters(word) for word in extracted.split()}
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
            if not word_letters or word_letters in words or word_letters[::-1] in words:
                continue
            if word_letters not in letters and word_letters[::-1] not in letters:
                missing.append(value)
                break
    return missing


# ---------------------------------------------------------------- pages, fonts, images


def page_count(data: bytes) -> int:
    return len(_reader(data).pages)


def page_size(data: bytes, number: int = 1) -> tuple[int, int]:
    """Width and height of page ``number`` (from 1), in points, rounded."""
    box = _reader(data).pages[number - 1].mediabox
    return round(float(box.width)), round(float(box.height))


def page_content(data: bytes, numbers: Iterable[int]) -> bytes:
    """The drawing instructions of the pages ``numbers`` (from 1), decoded."""
    pages = _reader(data).pages
    return b"".join(pages[n - 1].get_contents().get_data() for n in numbers)


def _resources(page: Any, kind: str) -> dict:
    resources = page.get("/Resources")
    if resources is None:
        return {}
    return dict(resources.get_object().get(kind, {}))


def font_report(data: bytes) -> dict[str, bool]:
    """Every font the pages use, with whether its TrueType program is embedded."""
    fonts: dict[str, bool] = {}
    for page in _reader(data).pages:
        for ref in _resources(page, "/Font").values():
            font = ref.get_object()
            if font["/Subtype"] == "/Type0":
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            else:
                descriptor = font.get("/FontDescriptor")
            embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
            fonts[str(font["/BaseFont"])] = embedded
    return fonts


def image_count(data: bytes) -> int:
    """How many images the pages draw (one image drawn on two pages counts twice)."""
    return sum(
        1
        for page in _reader(data).pages
        for ref in _resources(page, "/XObject").values()
        if ref.get_object().get("/Subtype") == "/Image"
    )


def drawn_object_count(data: bytes) -> int:
    """How many pictures or drawings the pages use (an image drawn on two pages through
    one form counts twice)."""
    return sum(len(_resources(page, "/XObject")) for page in _reader(data).pages)


def structure_problems(data: bytes) -> list[str]:
    """qpdf's structural check, through pikepdf."""
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        return [str(p) for p in pdf.check_pdf_syntax()]


# ---------------------------------------------------------------- outline, links, metadata


def _walk_outline(
    reader: PdfReader, items: list, levels: int | None, depth: int = 1
) -> list[tuple[str, int | None]]:
    found: list[tuple[str, int | None]] = []
    for item in items:
        if isinstance(item, list):  # the children of the item before it
            if levels is None or depth < levels:
                found += _walk_outline(reader, item, levels, depth + 1)
        else:
            found.append((str(item.title), reader.get_destination_page_number(item) + 1))
    return found


def outline_pages(data: bytes, levels: int | None = None) -> list[tuple[str, int | None]]:
    """Every bookmark's title with the page it opens (from 1), in outline order; only the
    top ``levels`` levels when given (the contents list two)."""
    reader = _reader(data)
    return _walk_outline(reader, reader.outline, levels)


def outline_titles(data: bytes) -> list[str]:
    return [title for title, _page in outline_pages(data)]


def link_pages(data: bytes, page_number: int) -> list[int | None]:
    """The pages the links on page ``page_number`` (from 1) go to, in drawing order."""
    reader = _reader(data)
    pages = {page.indirect_reference.idnum: number for number, page in enumerate(reader.pages, 1)}
    out: list[int | None] = []
    for ref in reader.pages[page_number - 1].get("/Annots", []):
        annotation = ref.get_object()
        destination = annotation.get("/Dest")
        if destination is None and "/A" in annotation:
            destination = annotation["/A"].get_object().get("/D")
        target = None
        if isinstance(destination, ArrayObject) and len(destination):
            first = destination[0]
            if isinstance(first, IndirectObject):
                target = pages.get(first.idnum)
        out.append(target)
    return out


def metadata(data: bytes) -> dict[str, str]:
    info = _reader(data).metadata or {}
    return {k.lstrip("/"): str(v) for k, v in info.items()}
