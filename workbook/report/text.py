"""Text as every renderer needs it: only characters a file format may hold, and paragraphs."""

from __future__ import annotations

import re

# Characters no text format should carry: C0 controls but tab and newline, DEL, C1
# controls, lone surrogates, and the Unicode noncharacters (U+FDD0-FDEF and the last two
# code points of every plane), which XML forbids and HTML parsers report as errors. The
# plan model already drops most of these on the way in; renderers must not trust that.
_UNPRINTABLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(
        f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
    )
    + "]"
)
_BLANK_LINES = re.compile(r"\n[ \t\u00a0]*\n\s*")


def printable(text: str) -> str:
    """``text`` with Windows line ends unified and unusable characters replaced by U+FFFD
    (a visible mark, so that nothing vanishes without trace)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _UNPRINTABLE.sub("\ufffd", text)


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
