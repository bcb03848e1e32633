"""Text as every renderer needs it: only characters a file format may hold, and paragraphs."""

from __future__ import annotations

import re

# Characters no text format should carry: C0 controls but tab and newline, DEL, C1
# controls, lone surrogates, and the Unicode noncharacters (U+FDD0-FDEF and the last two
# code points of every plane), which XML forbids and HTML parsers report as errors. The
# plan model already drops most of these on the way in; renderers must not trust that.
# Split in three because a character class with astral characters is slow to scan, and
# every string of every export passes through here.
_CONTROLS = "\x01-\x08\x0b-\x1f\x7f"
_BMP_EXTRA = "\x80-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
_ASCII_BAD = re.compile(f"[\x00{_CONTROLS}]")
_BMP_BAD = re.compile(f"[\x00{_CONTROLS}{_BMP_EXTRA}]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
# The same, less NUL: the separator of :func:`printable_all`.
_ASCII_BAD_BUT_NUL = re.compile(f"[{_CONTROLS}]")
_BMP_BAD_BUT_NUL = re.compile(f"[{_CONTROLS}{_BMP_EXTRA}]")
_NUL = "\x00"
_BLANK_LINES = re.compile(r"\n[ \t\u00a0]*\n\s*")


def _astral(match: re.Match[str]) -> str:
    char = match.group()
    return "\ufffd" if (ord(char) & 0xFFFE) == 0xFFFE else char


def printable(text: str) -> str:
    """``text`` with Windows line ends unified and unusable characters replaced by U+FFFD
    (a visible mark, so that nothing vanishes without trace)."""
    if text.isprintable() or _fine(text):  # the first: one line, the quickest to tell
        return text
    return _mark(text, _ASCII_BAD, _BMP_BAD)


def _fine(text: str) -> bool:
    """True when ``text`` has nothing to mark (a C-speed check: a regex over the same text
    costs ten times as much)."""
    return text.replace("\n", " ").replace("\t", " ").isprintable()


def printable_all(texts: list[str]) -> list[str]:
    """:func:`printable` of each of ``texts``, made in one pass over them all: joined by NUL,
    marked, split again (a table's cells; a call per cell costs more than the work)."""
    joined = _NUL.join(texts)
    if joined.count(_NUL) != len(texts) - 1:  # some text holds a NUL of its own
        return [printable(text) for text in texts]
    if _fine(joined.replace(_NUL, " ")):
        return texts
    return _mark(joined, _ASCII_BAD_BUT_NUL, _BMP_BAD_BUT_NUL).split(_NUL)


def _mark(text: str, ascii_bad: re.Pattern[str], bmp_bad: re.Pattern[str]) -> str:
    """``text`` with Windows line ends unified and what the patterns match marked."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isascii():
        return ascii_bad.sub("\ufffd", text) if ascii_bad.search(text) else text
    if bmp_bad.search(text):
        text = bmp_bad.sub("\ufffd", text)
    if _ASTRAL.search(text):
        text = _ASTRAL.sub(_astral, text)
    return text


def paragraphs(text: str) -> list[str]:
    """``text`` split at blank lines, each paragraph trimmed; no empty paragraphs."""
    text = printable(text).strip()
    if not text:
        return []
    return [p.strip() for p in _BLANK_LINES.split(text) if p.strip()]


def is_rtl(text: str) -> bool:
    """True when the first letter with a direction is right-to-left (Hebrew, Arabic…)."""
    import unicodedata

    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False
