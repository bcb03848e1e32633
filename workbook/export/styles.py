"""The PDF's typography and colours, derived from the consultant's accent colour."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from workbook.export.fonts import BOLD, REGULAR

INK = colors.HexColor("#1E2329")
MUTED = colors.HexColor("#5F6B76")
HAIRLINE = colors.HexColor("#C9D1D8")
GOOD = colors.HexColor("#2E7D4F")
WARN = colors.HexColor("#B5542B")


def mix(colour: colors.Color, other: colors.Color, amount: float) -> colors.Color:
    """``colour`` moved ``amount`` (0..1) of the way towards ``other``."""
    return colors.Color(
        colour.red + (other.red - colour.red) * amount,
        colour.green + (other.green - colour.green) * amount,
        colour.blue + (other.blue - colour.blue) * amount,
    )


@dataclass
class Palette:
    accent: colors.Color
    accent_dark: colors.Color
    accent_pale: colors.Color
    zebra: colors.Color

    @classmethod
    def from_hex(cls, accent: str) -> Palette:
        base = colors.HexColor(accent)
        return cls(
            accent=base,
            accent_dark=mix(base, colors.black, 0.35),
            accent_pale=mix(base, colors.white, 0.85),
            zebra=mix(base, colors.white, 0.94),
        )


class StyleSheet:
    """Named paragraph styles; a subclass may override :meth:`build` to restyle the document."""

    body_size = 9.5

    def __init__(self, palette: Palette) -> None:
        self.palette = palette
        self.styles: dict[str, ParagraphStyle] = {}
        self.build()

    def __getitem__(self, name: str) -> ParagraphStyle:
        return self.styles[name]

    def add(self, name: str, **kw) -> ParagraphStyle:
        parent = kw.pop("parent", None)
        style = ParagraphStyle(name, parent=self.styles.get(parent) if parent else None, **kw)
        self.styles[name] = style
        return style

    def build(self) -> None:
        p = self.palette
        size = self.body_size
        self.add(
            "body",
            fontName=REGULAR,
            fontSize=size,
            leading=size * 1.42,
            textColor=INK,
            spaceAfter=4,
            splitLongWords=1,
            allowWidows=0,
            allowOrphans=0,
        )
        self.add("body_right", parent="body", alignment=TA_RIGHT)
        self.add("answer", parent="body", spaceAfter=6)
        self.add(
            "prompt",
            parent="body",
            fontSize=size - 1,
            leading=(size - 1) * 1.35,
            textColor=MUTED,
            spaceAfter=2,
        )
        self.add("intro", parent="body", textColor=MUTED, spaceAfter=8)
        self.add(
            "label",
            parent="body",
            fontName=BOLD,
            fontSize=7.5,
            leading=10,
            textColor=p.accent_dark,
            spaceBefore=8,
            spaceAfter=2,
            keepWithNext=1,
        )
        self.add(
            "h1",
            parent="body",
            fontName=BOLD,
            fontSize=20,
            leading=25,
            textColor=p.accent_dark,
            spaceBefore=0,
            spaceAfter=4,
            keepWithNext=1,
        )
        self.add(
            "stage_kicker",
            parent="body",
            fontName=BOLD,
            fontSize=8,
            leading=11,
            textColor=p.accent,
            spaceAfter=2,
            keepWithNext=1,
        )
        self.add(
            "h2",
            parent="body",
            fontName=BOLD,
            fontSize=12.5,
            leading=16,
            textColor=p.accent_dark,
            spaceBefore=14,
            spaceAfter=5,
            keepWithNext=1,
        )
        self.add(
            "h3",
            parent="body",
            fontName=BOLD,
            fontSize=10.5,
            leading=14,
            textColor=INK,
            spaceBefore=8,
            spaceAfter=3,
            keepWithNext=1,
        )
        self.add("cell", parent="body", fontSize=8.3, leading=10.8, spaceAfter=0)
        self.add("cell_right", parent="cell", alignment=TA_RIGHT)
        self.add("cell_center", parent="cell", alignment=TA_CENTER)
        # A label takes a line of the cell's leading, as the text under it does.
        self.add("cell_label", parent="cell", fontName=BOLD, fontSize=6.8, textColor=p.accent_dark)
        self.add(
            "cell_head",
            parent="cell",
            fontName=BOLD,
            fontSize=7.5,
            leading=9.5,
            textColor=colors.white,
        )
        self.add("cell_head_center", parent="cell_head", alignment=TA_CENTER)
        self.add("cell_head_right", parent="cell_head", alignment=TA_RIGHT)
        self.add("check", parent="body", leftIndent=14, firstLineIndent=-14, spaceAfter=2)
        self.add("note", parent="body", fontSize=size - 1, textColor=MUTED)
        # Cover
        self.add(
            "cover_kicker",
            parent="body",
            fontName=BOLD,
            fontSize=9,
            leading=12,
            textColor=p.accent,
            spaceAfter=10,
        )
        self.add(
            "cover_title",
            parent="body",
            fontName=BOLD,
            fontSize=30,
            leading=36,
            textColor=p.accent_dark,
            spaceAfter=10,
            splitLongWords=1,
        )
        self.add("cover_org", parent="body", fontSize=16, leading=21, textColor=INK, spaceAfter=4)
        self.add("cover_meta", parent="body", fontSize=10, leading=14, textColor=INK)
        self.add(
            "cover_consultant",
            parent="body",
            fontSize=9,
            leading=12,
            textColor=MUTED,
            alignment=TA_LEFT,
        )
        # Contents
        self.add(
            "toc0",
            parent="body",
            fontName=BOLD,
            fontSize=10.5,
            leading=14,
            spaceBefore=6,
            spaceAfter=1,
            textColor=INK,
        )
        self.add(
            "toc1",
            parent="body",
            fontSize=9,
            leading=12.5,
            leftIndent=14,
            spaceAfter=0,
            textColor=INK,
        )
        # Summary
        self.add(
            "summary_lead", parent="body", fontSize=11, leading=16, textColor=INK, spaceAfter=8
        )
        self.add(
            "figure",
            parent="body",
            fontSize=7.5,
            leading=10,
            textColor=MUTED,
            spaceBefore=2,
            spaceAfter=10,
        )
