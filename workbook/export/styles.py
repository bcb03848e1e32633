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
WARN_INK = colors.HexColor("#7A3300")
WARN_BACK = colors.HexColor("#FDF1E6")


def mix(colour: colors.Color, other: colors.Color, amount: float) -> colors.Color:
    """``colour`` moved ``amount`` (0..1) of the way towards ``other``."""
    return colors.Color(
        colour.red + (other.red - colour.red) * amount,
        colour.green + (other.green - colour.green) * amount,
        colour.blue + (other.blue - colour.blue) * amount,
    )


@dataclass
class Palette:
    """The document's colours, from the consultant's accent, each checked for contrast
    (:func:`workbook.report.colour.accent_colours`)."""

    accent: colors.Color
    """The accent as chosen: fills (table header rows, the cover band, tiles)."""
    on_accent: colors.Color
    """Text on an accent fill: white where it reads (4.5:1), else near-black."""
    accent_text: colors.Color
    """Headings and labels on white: the accent, darkened to 4.5:1 if it needs to be."""
    accent_graphic: colors.Color
    """Rules, bars and outlines on white: the accent, darkened to 3:1 if it needs to be."""
    accent_dark: colors.Color
    accent_pale: colors.Color
    zebra: colors.Color
    adjusted: bool = False
    """True when the accent as chosen does not read on white and shades stand in for it."""

    @classmethod
    def from_hex(cls, accent: str) -> Palette:
        from workbook.report.colour import accent_colours

        shades = accent_colours(accent)
        base = colors.HexColor(shades.base)
        graphic = colors.HexColor(shades.graphic)
        text = colors.HexColor(shades.text)
        return cls(
            accent=base,
            on_accent=colors.HexColor(shades.on_base),
            accent_text=text,
            accent_graphic=graphic,
            accent_dark=mix(text, colors.black, 0.2),
            accent_pale=mix(graphic, colors.white, 0.88),
            zebra=mix(graphic, colors.white, 0.94),
            adjusted=shades.adjusted,
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
            # Otherwise a bullet names Helvetica, a font that is never embedded.
            bulletFontName=REGULAR,
        )
        self.add("body_right", parent="body", alignment=TA_RIGHT)
        self.add("lead", parent="body", fontSize=size + 1.5, leading=(size + 1.5) * 1.4)
        self.add("answer", parent="body", spaceAfter=6)
        self.add("note", parent="body", fontSize=size - 1, textColor=MUTED)
        self.add("intro", parent="body", textColor=MUTED, spaceAfter=8)
        self.add(
            "warning",
            parent="body",
            textColor=WARN_INK,
            backColor=WARN_BACK,
            borderPadding=(4, 6, 4, 6),
            spaceBefore=6,
            spaceAfter=10,
        )
        self.add(
            "question",
            parent="body",
            fontName=BOLD,
            spaceBefore=8,
            spaceAfter=3,
            keepWithNext=1,
        )
        self.add(
            "label",
            parent="body",
            fontName=BOLD,
            fontSize=7.5,
            leading=10,
            textColor=p.accent_text,
            spaceBefore=8,
            spaceAfter=2,
            keepWithNext=1,
        )
        self.add(
            "label_para",
            parent="body",
            fontName=BOLD,
            spaceBefore=8,
            spaceAfter=2,
            keepWithNext=1,
        )
        self.add("bullet", parent="body", leftIndent=14, bulletIndent=3, spaceAfter=3)
        self.add("quote", parent="body", fontSize=size + 0.5, leading=(size + 0.5) * 1.4)
        self.add("quote_by", parent="note", alignment=TA_LEFT, spaceAfter=8)
        self.add(
            "h1",
            parent="body",
            fontName=BOLD,
            fontSize=20,
            leading=25,
            textColor=p.accent_text,
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
            textColor=p.accent_text,
            spaceAfter=2,
            keepWithNext=1,
        )
        self.add(
            "h2",
            parent="body",
            fontName=BOLD,
            fontSize=12.5,
            leading=16,
            textColor=p.accent_text,
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
        self.add("cell_note", parent="cell", fontSize=7, leading=9, textColor=MUTED)
        # A label takes a line of the cell's leading, as the text under it does.
        self.add("cell_label", parent="cell", fontName=BOLD, fontSize=6.8, textColor=p.accent_text)
        self.add(
            "cell_head",
            parent="cell",
            fontName=BOLD,
            fontSize=7.5,
            leading=9.5,
            textColor=p.on_accent,
        )
        self.add("cell_head_center", parent="cell_head", alignment=TA_CENTER)
        self.add("cell_head_right", parent="cell_head", alignment=TA_RIGHT)
        self.add("check", parent="body", leftIndent=16, firstLineIndent=-16, spaceAfter=2)
        # Cover
        self.add(
            "cover_kicker",
            parent="body",
            fontName=BOLD,
            fontSize=9,
            leading=12,
            textColor=p.accent_text,
            spaceAfter=10,
        )
        self.add(
            "cover_title",
            parent="body",
            fontName=BOLD,
            fontSize=30,
            leading=36,
            textColor=p.accent_text,
            spaceAfter=10,
        )
        self.add("cover_org", parent="body", fontSize=16, leading=21, textColor=INK, spaceAfter=4)
        self.add("cover_meta", parent="body", fontSize=10, leading=14, textColor=INK)
        self.add(
            "cover_label",
            parent="body",
            fontName=BOLD,
            fontSize=7.5,
            leading=14,
            textColor=MUTED,
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
        self.add(
            "figure",
            parent="body",
            fontSize=7.5,
            leading=10,
            textColor=MUTED,
            spaceBefore=2,
            spaceAfter=10,
        )
        self.add("caption", parent="h3", fontSize=9, leading=12, spaceBefore=6)
        # Tiles (the 7 P's)
        self.add(
            "tile_title",
            parent="body",
            fontName=BOLD,
            fontSize=10,
            leading=13,
            textColor=p.accent_text,
            spaceAfter=3,
        )
        self.add("tile_text", parent="cell", fontSize=8.6, leading=11.6, spaceAfter=4)
        self.add("tile_meta", parent="cell_note", fontSize=7.4, leading=9.6)
