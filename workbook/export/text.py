"""User text made ready for print: cleaned, cut into paragraph-sized chunks, and right-to-left
scripts shaped and put in visual order (reportlab itself neither joins Arabic letters nor
reorders right-to-left text without optional extensions we do not ship)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

# C0 controls except newline, DEL, C1 controls and lone surrogates; tabs become spaces.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
# Invisible characters that only steer layout; after our own bidi pass they would only
# confuse reportlab's line breaking, and they have no glyph in the font.
_INVISIBLE = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")

CHUNK_CHARS = 2000
"""Longest paragraph handed to reportlab in one piece: one huge paragraph lays out very
slowly, many small ones quickly."""


def clean(text: str | None) -> str:
    """``text`` without control characters, with unified newlines, trailing spaces trimmed."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    text = _CONTROL.sub("", text)
    text = _INVISIBLE.sub("", text)
    return text.strip()


def is_blank(text: str | None) -> bool:
    return not clean(text)


def has_rtl(text: str) -> bool:
    return _RTL.search(text) is not None


def is_rtl_paragraph(text: str) -> bool:
    """True when the first letter with a direction is Hebrew or Arabic (the bidi base rule)."""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


def chunks(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """``text`` cut into pieces of at most about ``limit`` characters.

    Cuts fall between paragraphs where possible, else between lines, else between
    words; a single word longer than ``limit`` is cut where it must be.
    """
    text = clean(text)
    if len(text) <= limit:
        return [text] if text else []
    pieces: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text):
        paragraph = paragraph.strip("\n")
        if not paragraph.strip():
            continue
        if len(paragraph) <= limit:
            pieces.append(paragraph)
            continue
        current = ""
        for word in re.split(r"(?<=[\s])", paragraph):
            while len(word) > limit:
                if current:
                    pieces.append(current.rstrip())
                    current = ""
                pieces.append(word[:limit])
                word = word[limit:]
            if len(current) + len(word) > limit and current:
                pieces.append(current.rstrip())
                current = ""
            current += word
        if current.strip():
            pieces.append(current.rstrip())
    return pieces


def shape_arabic(text: str) -> str:
    """Arabic letters replaced by their joined (presentation) forms, still in logical order."""
    if _ARABIC.search(text) is None:
        return text
    import arabic_reshaper

    return arabic_reshaper.reshape(text)


def visual_order(line: str, rtl_base: bool) -> str:
    """One printed line in the order its glyphs are drawn left to right (Unicode bidi)."""
    if not has_rtl(line):
        return line
    from bidi import get_display

    return get_display(line, base_dir="R" if rtl_base else "L")


def break_lines(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """``text`` (one paragraph without newlines) broken greedily into lines no wider than
    ``width``; words wider than a line are cut between characters."""
    space = measure(" ")
    lines: list[str] = []
    current: list[str] = []
    used = 0.0
    for word in text.split(" "):
        size = measure(word)
        if current and used + space + size <= width:
            current.append(word)
            used += space + size
            continue
        if not current and size <= width:
            current, used = [word], size
            continue
        if current:
            lines.append(" ".join(current))
            current, used = [], 0.0
        while word and size > width:
            cut = 1
            while cut < len(word) and measure(word[: cut + 1]) <= width:
                cut += 1
            lines.append(word[:cut])
            word = word[cut:]
            size = measure(word)
        if word:
            current, used = [word], size
    if current or not lines:
        lines.append(" ".join(current))
    return lines


def bidi_lines(text: str, width: float, measure: Callable[[str], float]) -> tuple[list[str], bool]:
    """A paragraph that holds right-to-left text, laid out by us: the lines (in reading
    order, top to bottom) each in visual order, and whether the paragraph reads
    right to left (so it should be right-aligned).

    Lines are broken in logical order first and reordered one by one afterwards;
    reordering the whole paragraph before reportlab wraps it would put the end of
    a right-to-left sentence on the first line.
    """
    rtl = is_rtl_paragraph(text)
    out: list[str] = []
    for source_line in shape_arabic(text).split("\n"):
        for line in break_lines(source_line, width, measure):
            out.append(visual_order(line, rtl))
    return out, rtl
