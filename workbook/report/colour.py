"""The accent colour made readable: WCAG contrast, the text colour to set on the accent,
and darker shades of it for text (4.5:1) and graphics (3:1) on white."""

from __future__ import annotations

import functools
from dataclasses import dataclass

WHITE = "#FFFFFF"
INK = "#1A1A1A"
TEXT_CONTRAST = 4.5
GRAPHIC_CONTRAST = 3.0

# Okabe and Ito's palette, chosen to stay distinct under the common colour-vision
# deficiencies; every bar also carries its label and value as text.
SENTIMENT_COLOURS = {
    "positive": "#0072B2",
    "neutral": "#7A7A7A",
    "negative": "#D55E00",
    "mixed": "#CC79A7",
    "unknown": "#BBBBBB",
}
INSERTED_COLOUR = "#1B5E20"
"""Words added since a snapshot (also underlined: colour is never the only sign)."""
REMOVED_COLOUR = "#8E2A2A"
"""Words taken out since a snapshot (also struck through)."""


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    value = hex_colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02X}" for c in rgb)


def luminance(hex_colour: str) -> float:
    """Relative luminance as WCAG 2 defines it."""

    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(hex_colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def darken_to(hex_colour: str, ratio: float, against: str = WHITE) -> str:
    """``hex_colour`` darkened (hue kept) just enough to reach ``ratio`` against ``against``."""
    if contrast(hex_colour, against) >= ratio:
        return hex_colour.upper()
    r, g, b = _rgb(hex_colour)
    for step in range(1, 101):
        factor = 1 - step / 100
        shade = _hex((r * factor, g * factor, b * factor))
        if contrast(shade, against) >= ratio:
            return shade
    return INK


@dataclass(frozen=True)
class Accent:
    """The colours a document uses, all derived from the consultant's accent."""

    base: str
    """The accent as chosen: fills (table headers, bars, rules)."""
    on_base: str
    """Text colour on a fill of ``base``: white where it reads, else near-black."""
    text: str
    """The accent, darkened if needed, for text on white (headings): 4.5:1 at least."""
    graphic: str
    """The accent, darkened if needed, for lines and bars on white: 3:1 at least."""

    @property
    def adjusted(self) -> bool:
        """True when the accent as chosen does not read on white and a shade was used."""
        return self.text != self.base.upper()


@functools.lru_cache(maxsize=32)
def accent_colours(accent: str) -> Accent:
    """The shades to use for ``accent`` (kept: every chart and table of an export asks)."""
    on_base = WHITE if contrast(WHITE, accent) >= TEXT_CONTRAST else INK
    if on_base == INK and contrast(INK, accent) < contrast(WHITE, accent):
        on_base = WHITE
    return Accent(
        base=accent.upper(),
        on_base=on_base,
        text=darken_to(accent, TEXT_CONTRAST),
        graphic=darken_to(accent, GRAPHIC_CONTRAST),
    )


def accent_warning(accent: str) -> str:
    """A sentence for the user when the accent needed help to read, else ""."""
    colours = accent_colours(accent)
    if not colours.adjusted:
        return ""
    return (
        f"The accent colour {colours.base} is too light to read on white, so headings use "
        f"the darker shade {colours.text}, lines and bars {colours.graphic}, and text on "
        "the accent is dark. Choose a darker accent to use it as it is."
    )
