"""Branding shared by the window, the command line and the PDF: the accent's default and check."""

from __future__ import annotations

import re

DEFAULT_ACCENT = "#1F6F8B"
"""A deep teal: readable as headings on white and as table headers under white text."""

HEX_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
"""An accent colour as stored and printed: "#" and six hexadecimal digits."""


def parse_accent(value: str) -> str | None:
    """``value`` as "#RRGGBB" in capitals (spaces around it and a missing "#" forgiven), or
    None if it is not a colour like that."""
    text = value.strip()
    if not text.startswith("#"):
        text = "#" + text
    return text.upper() if HEX_COLOUR.fullmatch(text) else None


def is_accent(value: str) -> bool:
    """Whether ``value`` is a colour the app takes as an accent."""
    return parse_accent(value) is not None
