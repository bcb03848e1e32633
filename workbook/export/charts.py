"""Charts of what the listening notes say: the top themes as bars and the sentiment mix."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors

from workbook.export import text as txt
from workbook.export.fonts import BOLD, REGULAR, FontChooser
from workbook.export.styles import INK, MUTED, Palette, mix
from workbook.insights import Theme
from workbook.model import Sentiment

TOP_THEMES = 10
LABEL_CHARS = 30

SENTIMENT_COLOURS = {
    Sentiment.POSITIVE: colors.HexColor("#3C9A5F"),
    Sentiment.NEUTRAL: colors.HexColor("#9AA5B1"),
    Sentiment.NEGATIVE: colors.HexColor("#C8553D"),
    Sentiment.MIXED: colors.HexColor("#E0A93B"),
    None: colors.HexColor("#D9DEE3"),
}


def _drawing(width: float, height: float) -> Drawing:
    drawing = Drawing(width, height)
    # The graphics default font is Helvetica, which would be named but not embedded.
    drawing.initialFontName = REGULAR
    return drawing


def _label(fonts: FontChooser, name: str) -> tuple[str, str]:
    name = " ".join(txt.clean(name).split())
    if len(name) > LABEL_CHARS:
        name = name[: LABEL_CHARS - 1] + "…"
    name = txt.visual_order(txt.shape_arabic(name), txt.is_rtl_paragraph(name))
    return fonts.single_font(name)


def themes_chart(
    themes: list[Theme], width: float, palette: Palette, fonts: FontChooser
) -> Drawing | None:
    """Horizontal bars of the most frequent themes, most frequent on top; None without themes.

    Drawn from plain shapes: reportlab's chart widgets look the same but take longer to
    draw than the rest of a whole page.
    """
    top = themes[:TOP_THEMES]
    if not top:
        return None
    bar_height = 15
    height = bar_height * len(top) + 30
    label_width = min(170.0, width * 0.36)
    drawing = _drawing(width, height)
    left, bottom = label_width, 18
    plot_width, plot_height = width - label_width - 30, bar_height * len(top)
    biggest = max(t.count for t in top)
    most = biggest + max(1, biggest // 8)
    step = max(1, (biggest + 4) // 5)
    scale = plot_width / most
    axis = colors.HexColor("#C9D1D8")
    grid = mix(palette.accent, colors.white, 0.85)
    ticks = range(0, most + 1, step)
    for value in ticks:
        x = left + value * scale
        drawing.add(Line(x, bottom, x, bottom + plot_height, strokeColor=grid, strokeWidth=0.25))
    band = plot_height / len(top)
    thickness = band * 10 / 15  # a bar of 10 with 5 between, as the band allows
    # Bottom up, so the biggest theme is on top.
    for index, theme in enumerate(reversed(top)):
        y = bottom + index * band + (band - thickness) / 2
        length = theme.count * scale
        drawing.add(Rect(left, y, length, thickness, fillColor=palette.accent, strokeColor=None))
        drawing.add(
            String(
                left + length + 3,
                y + thickness / 2 - 2.8,
                str(theme.count),
                fontName=REGULAR,
                fontSize=7,
                fillColor=INK,
            )
        )
    drawing.add(
        Line(
            left,
            bottom,
            left,
            bottom + plot_height,
            strokeColor=axis,
            strokeWidth=1,
            strokeLineCap=0,
        )
    )
    drawing.add(
        Line(
            left,
            bottom,
            left + plot_width,
            bottom,
            strokeColor=axis,
            strokeWidth=1,
            strokeLineCap=0,
        )
    )
    for value in ticks:
        x = left + value * scale
        drawing.add(
            Line(x, bottom, x, bottom - 5, strokeColor=axis, strokeWidth=1, strokeLineCap=0)
        )
        drawing.add(
            String(
                x,
                bottom - 12,
                str(value),
                fontName=REGULAR,
                fontSize=7,
                fillColor=MUTED,
                textAnchor="middle",
            )
        )
    for index, theme in enumerate(top):
        label, font = _label(fonts, theme.name)
        y = bottom + plot_height - band * (index + 0.5) - 3
        drawing.add(
            String(
                label_width - 8,
                y,
                label,
                fontName=font,
                fontSize=8,
                fillColor=INK,
                textAnchor="end",
            )
        )
    return drawing


def sentiment_chart(counts: dict[Sentiment | None, int], width: float) -> Drawing | None:
    """One stacked bar: the share of notes per sentiment, with a legend; None without notes."""
    total = sum(counts.values())
    if not total:
        return None
    drawing = _drawing(width, 52)
    x = 0.0
    bar_y, bar_h = 24, 16
    for sentiment, count in counts.items():
        if not count:
            continue
        part = width * count / total
        drawing.add(
            Rect(
                x,
                bar_y,
                part,
                bar_h,
                fillColor=SENTIMENT_COLOURS[sentiment],
                strokeColor=colors.white,
                strokeWidth=0.8,
            )
        )
        if part > 26:
            drawing.add(
                String(
                    x + part / 2,
                    bar_y + 5,
                    f"{round(100 * count / total)}%",
                    fontName=BOLD,
                    fontSize=7,
                    fillColor=colors.white,
                    textAnchor="middle",
                )
            )
        x += part
    legend_x = 0.0
    for sentiment, count in counts.items():
        name = sentiment.label if sentiment is not None else "Not judged"
        if sentiment is None and not count:
            continue
        drawing.add(
            Rect(legend_x, 6, 8, 8, fillColor=SENTIMENT_COLOURS[sentiment], strokeColor=None)
        )
        caption = f"{name} ({count})"
        drawing.add(
            String(legend_x + 11, 7, caption, fontName=REGULAR, fontSize=7.5, fillColor=INK)
        )
        legend_x += 22 + len(caption) * 4.3
    return drawing
