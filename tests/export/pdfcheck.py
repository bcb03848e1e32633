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
    the cover, and "Page X of Y" last. Read with :func:`page_texts`.
    """
    return _joined(page_texts(data), body_only)


def extract_text_pypdf(data: bytes, body_only: bool = False) -> str:
    """The same as :func:`extract_text`, read by pypdf: an extractor of its own, much
    slower, to check ours against and our fonts' Unicode maps with."""
    reader = PdfReader(io.BytesIO(data))
    return _joined([page.extract_text() or "" for page in reader.pages], body_only)


_CMAP_CHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_CMAP_RANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_CMAP_SECTION = re.compile(rb"begin(bfchar|bfrange)(.*?)end\1", re.S)


def _unicode_table(font: pikepdf.Dictionary) -> dict[int, str]:
    """The font's ToUnicode map as a ``str.translate`` table for one-byte codes."""
    table: dict[int, str] = {}
    to_unicode = font.get("/ToUnicode")
    if to_unicode is None:
        return table
    for kind, body in _CMAP_SECTION.findall(to_unicode.read_bytes()):
        if kind == b"bfchar":
            for code, target in _CMAP_CHAR.findall(body):
                table[int(code, 16)] = bytes.fromhex(target.decode()).decode("utf-16-be")
        else:
            for low, high, target in _CMAP_RANGE.findall(body):
                first = int.from_bytes(bytes.fromhex(target.decode()), "big")
                for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                    table[code] = chr(first + offset)
    return table


_TEXT_OPERATORS = "Tf Tj TJ ' \" T* BT ET Tm Td TD Do"


class _PageReader:
    """Text shown on a page, line by line, in drawing order (forms included): each text
    line reportlab draws ends with T*, a new text object or a new text position.

    Only what the export's tests need from reportlab's output: one-byte font codes
    mapped through each font's ToUnicode, lines in the order they are drawn.
    """

    def __init__(self) -> None:
        self._tables: dict[tuple[int, int], dict[int, str]] = {}

    def _table(self, font: pikepdf.Dictionary) -> dict[int, str]:
        key = font.objgen
        if key not in self._tables or key == (0, 0):
            self._tables[key] = _unicode_table(font)
        return self._tables[key]

    def lines(self, page: pikepdf.Page | pikepdf.Stream, resources) -> list[str]:
        lines: list[str] = []
        current: list[str] = []
        table: dict[int, str] = {}
        fonts = resources.get("/Font", {}) if resources is not None else {}

        def end_line() -> None:
            text = "".join(current).strip()
            if text:
                lines.append(text)
            current.clear()

        def show(raw: pikepdf.String) -> None:
            current.append(bytes(raw).decode("latin-1").translate(table))

        for instruction in pikepdf.parse_content_stream(page, _TEXT_OPERATORS):
            # Attributes, not tuple unpacking: unpacking goes item by item through pybind.
            op, operands = str(instruction.operator), instruction.operands
            if op == "Tf":
                table = self._table(fonts[operands[0]])
            elif op == "Tj":
                show(operands[0])
            elif op == "TJ":
                for item in operands[0]:
                    if isinstance(item, pikepdf.String):
                        show(item)
            elif op in ("'", '"'):
                end_line()
                show(operands[-1])
            elif op in ("T*", "BT", "ET", "Tm"):
                end_line()
            elif op in ("Td", "TD"):
                if float(operands[1]) != 0:
                    end_line()
                elif current:
                    current.append(" ")
            elif op == "Do":
                xobject = resources["/XObject"][operands[0]]
                if xobject.get("/Subtype") == "/Form":
                    end_line()
                    lines += self.lines(xobject, xobject.get("/Resources", resources))
        end_line()
        return lines


def page_texts(data: bytes, numbers: range | None = None) -> list[str]:
    """The text of each page (or of the pages ``numbers``, counted from 1), its lines in
    the order they are drawn."""
    reader = _PageReader()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pages = pdf.pages if numbers is None else [pdf.pages[n - 1] for n in numbers]
        return ["\n".join(reader.lines(page, page.get("/Resources"))) for page in pages]


def _joined(texts: list[str], body_only: bool) -> str:
    pages = []
    for number, text in enumerate(texts):
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


def _page_of(destination, pages: dict) -> int | None:
    """The page number (from 1) an explicit destination array points at."""
    if isinstance(destination, pikepdf.Array) and len(destination):
        return pages.get(destination[0].objgen)
    return None


def outline_pages(data: bytes) -> list[tuple[str, int | None]]:
    """Every bookmark's title with the page it opens, in outline order."""
    with pikepdf.open(io.BytesIO(data)) as pdf, pdf.open_outline() as outline:
        pages = {page.objgen: number for number, page in enumerate(pdf.pages, start=1)}
        found: list[tuple[str, int | None]] = []

        def walk(items) -> None:
            for item in items:
                found.append((item.title, _page_of(item.destination, pages)))
                walk(item.children)

        walk(outline.root)
        return found


def link_pages(data: bytes, page_number: int) -> list[int | None]:
    """The pages the links on page ``page_number`` (from 1) go to, in drawing order."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pages = {page.objgen: number for number, page in enumerate(pdf.pages, start=1)}
        annotations = pdf.pages[page_number - 1].get("/Annots", [])
        out = []
        for annotation in annotations:
            destination = annotation.get("/Dest")
            if destination is None and "/A" in annotation:
                destination = annotation.A.get("/D")
            out.append(_page_of(destination, pages))
        return out


def metadata(data: bytes) -> dict[str, str]:
    reader = PdfReader(io.BytesIO(data))
    info = reader.metadata or {}
    return {k.lstrip("/"): str(v) for k, v in info.items()}
