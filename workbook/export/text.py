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


BREAK_AFTER = frozenset("/._-")
"""A long token (a web address, a handle) may break after these characters, and before an
``@``, without a hyphen: the reader sees where it goes on."""
HYPHEN = "\u00ad"
"""Printed at the end of a line where a word with no such place had to be cut: a soft
hyphen, which shows as a hyphen there and which readers leave out when the text is
copied or searched."""


def split_token(word: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """``word`` cut into pieces no wider than ``width``: after ``/ . _ -`` or before ``@``
    where it can be (the last such place that fits), else with a hyphen at the end of the
    piece. A single character wider than ``width`` is a piece of its own."""
    advances = [measure(char) for char in word]
    hyphen = measure(HYPHEN)
    pieces: list[str] = []
    start = 0
    while start < len(word):
        used, end = 0.0, start
        while end < len(word) and used + advances[end] <= width:
            used += advances[end]
            end += 1
        if end == len(word):
            pieces.append(word[start:])
            break
        cut = max(
            (i for i in range(start + 1, end + 1) if word[i - 1] in BREAK_AFTER or word[i] == "@"),
            default=None,
        )
        if cut is not None and cut > start:
            pieces.append(word[start:cut])
            start = cut
            continue
        # No place to break: cut as late as leaves room for the hyphen.
        while end > start + 1 and sum(advances[start:end]) + hyphen > width:
            end -= 1
        end = max(end, start + 1)
        pieces.append(word[start:end] + (HYPHEN if end - start > 1 else ""))
        start = end
    return pieces


def break_lines(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """``text`` (one paragraph without newlines) broken greedily into lines no wider than
    ``width``; a word wider than a line is cut with :func:`split_token`."""
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
        if size > width:
            *whole, word = split_token(word, width, measure)
            lines += whole
            size = measure(word)
        if word:
            current, used = [word], size
    if current or not lines:
        lines.append(" ".join(current))
    return lines


def too_wide(text: str, width: float, size: float, measure: Callable[[str], float]) -> bool:
    """Whether some word of ``text`` is wider than ``width``: it would be cut anywhere, so
    the paragraph is broken into lines here instead (:func:`break_lines`). Words in
    Chinese, Japanese or Korean are left to the line breaking for those scripts."""
    limit = width / (size * 1.3)  # no character is wider than 1.3 em
    words = text.split()
    if not words or max(map(len, words)) <= limit:
        return False  # nearly every paragraph: one pass in C, nothing measured
    return any(len(word) > limit and measure(word) > width and not _has_cjk(word) for word in words)


def _has_cjk(text: str) -> bool:
    from workbook.export.fonts import has_cjk

    return has_cjk(text)


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
