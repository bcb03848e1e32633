"""Text as every renderer needs it: only characters a file format may hold, and paragraphs."""

from __future__ import annotations

import re

# Characters no text format should carry: C0 controls but tab and newline, DEL, C1
# controls, lone surrogates, and the Unicode noncharacters (U+FDD0-FDEF and the last two
# code points of every plane), which XML forbids and HTML parsers report as errors. The
# plan model already drops most of these on the way in; renderers must not trust that.
# Split in three because a character class with astral characters is slow to scan, and
# every string of every export passes through here.
_ASCII_BAD = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
_BMP_BAD = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_BLANK_LINES = re.compile(r"\n[ \t\u00a0]*\n\s*")


def _astral(match: re.Match[str]) -> str:
    char = match.group()
    return "\ufffd" if (ord(char) & 0xFFFE) == 0xFFFE else char


def printable(text: str) -> str:
    """``text`` with Windows line ends unified and unusable characters replaced by U+FFFD
    (a visible mark, so that nothing vanishes without trace)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isascii():
        return _ASCII_BAD.sub("\ufffd", text) if _ASCII_BAD.search(text) else text
    if _BMP_BAD.search(text):
        text = _BMP_BAD.sub("\ufffd", text)
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
