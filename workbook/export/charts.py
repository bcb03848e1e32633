"""Charts people can read: bars with their labels and values beside them (never on a colour
they might not read on), the 7 P's as tiles, and the four A's from baseline to target."""

from __future__ import annotations

import re

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.platypus import Flowable, Table, TableStyle

from workbook.export import text as txt
from workbook.export.fonts import BOLD, REGULAR, FontChooser
from workbook.export.styles import HAIRLINE, INK, Palette
from workbook.report import blocks as rb
from workbook.report.colour import SENTIMENT_COLOURS

LABEL_CHARS = 34
BAR_HEIGHT = 16.0
"""Room for one bar and the gap below it (points)."""
TILE_MAX_CHARS = 900
"""A decision longer than this is printed in a table, which can run over pages; a tile
cannot."""
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _drawing(width: float, height: float) -> Drawing:
    drawing = Drawing(width, height)
    # The graphics default font is Helvetica, which would be named but not embedded.
    drawing.initialFontName = REGULAR
    return drawing


def chart_label(fonts: FontChooser, name: str, limit: int = LABEL_CHARS) -> tuple[str, str]:
    """A bar's label on one line, in visual order, and the one font to draw it with."""
    name = " ".join(txt.clean(name).split())
    if len(name) > limit:
        name = name[: limit - 1] + "…"
    name = txt.visual_order(txt.shape_arabic(name), txt.is_rtl_paragraph(name))
    return fonts.single_font(name)


def bar_chart(chart: rb.BarChart, width: float, palette: Palette, fonts: FontChooser) -> Drawing:
    """Horizontal bars, biggest value on top as given: the label to the left of each bar,
    its value just after its end, both in ink on white. A bar's colour follows its role
    (the colour-blind-safe sentiment palette), else the accent's readable shade."""
    bars = chart.bars
    label_width = min(170.0, width * 0.34)
    value_room = 34.0
    plot = width - label_width - value_room
    height = BAR_HEIGHT * len(bars) + 4
    drawing = _drawing(width, height)
    top = max((bar.value for bar in bars), default=0) or 1
    axis_x = label_width
    for index, bar in enumerate(bars):
        y = height - (index + 1) * BAR_HEIGHT + 3
        length = plot * bar.value / top
        colour = colors.HexColor(SENTIMENT_COLOURS.get(bar.role, "#000000"))
        if bar.role not in SENTIMENT_COLOURS:
            colour = palette.accent_graphic
        if length > 0:
            drawing.add(Rect(axis_x, y, max(length, 1.5), 10, fillColor=colour, strokeColor=None))
        label, font = chart_label(fonts, bar.label)
        drawing.add(
            String(
                axis_x - 6, y + 2, label, fontName=font, fontSize=8, fillColor=INK, textAnchor="end"
            )
        )
        drawing.add(
            String(
                axis_x + length + 4,
                y + 2,
                rb.format_number(bar.value),
                fontName=BOLD,
                fontSize=8,
                fillColor=INK,
            )
        )
    drawing.add(Line(axis_x, 2, axis_x, height, strokeColor=HAIRLINE, strokeWidth=0.8))
    return drawing


# ---------------------------------------------------------------- the four A's


def first_number(text: str) -> float | None:
    """The first number written in ``text`` ("About 40 a day" → 40), or None."""
    match = _NUMBER.search(text)
    if match is None:
        return None
    try:
        return float(match.group().replace(",", ""))
    except ValueError:
        return None


def progress_bar(baseline: str, target: str, width: float, palette: Palette) -> Drawing | None:
    """A track from nothing to the larger of baseline and target: the baseline filled in
    grey, the target marked in the accent. None unless both say a number."""
    now, goal = first_number(baseline), first_number(target)
    if now is None or goal is None or max(now, goal) <= 0:
        return None
    track = max(now, goal)
    drawing = _drawing(width, 14)
    drawing.add(Rect(0, 4, width, 6, fillColor=colors.HexColor("#ECEFF1"), strokeColor=None))
    drawing.add(
        Rect(0, 4, width * now / track, 6, fillColor=colors.HexColor("#8A949C"), strokeColor=None)
    )
    x = width * goal / track
    drawing.add(Rect(max(0, x - 2.5), 1, 5, 12, fillColor=palette.accent_graphic, strokeColor=None))
    return drawing


def four_as_bars(table: rb.Table, blocks, width: float) -> Flowable:
    """Each measure as a row: the A, its indicator, and a bar from where it is now to its
    target, with both written out ("About 40 a day → 90 a day by September")."""
    styles = blocks.styles
    palette = styles.palette
    label_w = 78.0
    inner = width - label_w - 12
    rows = []
    for cells in table.rows:
        a, indicator, now, target, status = (list(cells) + [""] * 5)[:5]
        right: list[Flowable] = blocks.paragraphs(indicator or "", "tile_text", inner)
        bar = progress_bar(now, target, inner, palette)
        if bar is not None:
            right.append(bar)
        words = f"Now: {now or 'not measured yet'}  \u2192  Target: {target or 'not set'}"
        if status:
            words += f"  \u00b7  {status}"
        right.append(blocks.paragraph(words, "tile_meta", inner))
        rows.append([blocks.paragraph(a, "tile_title", label_w - 6), right])
    grid = Table(rows, colWidths=[label_w, width - label_w], hAlign="LEFT")
    grid.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, HAIRLINE),
                ("LINEBEFORE", (0, 0), (0, -1), 2.5, palette.accent_graphic),
            ]
        )
    )
    grid.spaceBefore, grid.spaceAfter = 4, 10
    return grid


# ---------------------------------------------------------------- the 7 P's


def p_tiles(table: rb.Table, blocks, width: float) -> Flowable | None:
    """The 7 P's as a grid of tiles, two across: the P, the decision, who owns it and
    when it was shared. None when a decision is too long for a tile."""
    if any(len(row[1]) > TILE_MAX_CHARS for row in table.rows):
        return None
    styles = blocks.styles
    palette = styles.palette
    gap = 8.0
    tile_w = (width - gap) / 2
    inner = tile_w - 16
    tiles = []
    for p, decision, owner, shared in ((list(r) + [""] * 4)[:4] for r in table.rows):
        content: list[Flowable] = [blocks.paragraph(p, "tile_title", inner)]
        content += blocks.paragraphs(decision, "tile_text", inner)
        meta = " \u00b7 ".join(
            part
            for part in (
                f"Owner: {owner}" if owner else "No owner yet",
                f"Shared: {shared}" if shared and shared != "Not yet" else "Not shared yet",
            )
        )
        content.append(blocks.paragraph(meta, "tile_meta", inner))
        tiles.append(content)
    rows = []
    for index in range(0, len(tiles), 2):
        pair = tiles[index : index + 2]
        rows.append([pair[0], "", pair[1] if len(pair) > 1 else ""])
    grid = Table(rows, colWidths=[tile_w, gap, tile_w], hAlign="LEFT")
    commands: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 7),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
    ]
    for row_index, row in enumerate(rows):
        for col in (0, 2):
            if row[col] == "":
                continue
            cell = (col, row_index)
            commands += [
                ("BACKGROUND", cell, cell, palette.zebra),
                ("LINEABOVE", cell, cell, 2.5, palette.accent_graphic),
            ]
    # White space between the rows of tiles: a thick white rule below each row.
    commands.append(("LINEBELOW", (0, 0), (-1, -2), 6, colors.white))
    grid.setStyle(TableStyle(commands))
    grid.spaceBefore, grid.spaceAfter = 4, 10
    return grid


# ---------------------------------------------------------------- a measure over time

LINE_CHART_HEIGHT = 120.0
BASELINE_GREY = colors.HexColor("#6B747B")
"""The baseline and the straight line to the target: 4.7:1 on white, quieter than the accent."""


def line_chart(chart: rb.LineChart, width: float, palette: Palette, fonts: FontChooser) -> Drawing:
    """A measure's readings as a line in the accent's readable shade, the baseline an open
    circle and the target a diamond, joined by a dashed line: where the readings should
    run. The figures and dates are written in ink on white."""
    from workbook.report.linechart import layout

    shape = layout(chart, width, LINE_CHART_HEIGHT)
    drawing = _drawing(width, shape.height)
    left, bottom, right, _top = shape.plot
    for tick in shape.value_ticks:
        drawing.add(Line(left, tick.at, right, tick.at, strokeColor=HAIRLINE, strokeWidth=0.5))
        drawing.add(
            String(
                left - 5,
                tick.at - 3,
                tick.label,
                fontName=REGULAR,
                fontSize=7,
                fillColor=INK,
                textAnchor="end",
            )
        )
    for index, tick in enumerate(shape.date_ticks):
        anchor = "start" if index == 0 else ("end" if tick.at > right - 30 else "middle")
        drawing.add(
            String(
                tick.at,
                bottom - 12,
                tick.label,
                fontName=REGULAR,
                fontSize=7,
                fillColor=INK,
                textAnchor=anchor,
            )
        )
    drawing.add(Line(left, bottom, right, bottom, strokeColor=INK, strokeWidth=0.6))
    accent = palette.accent_graphic
    if shape.baseline and shape.target:
        drawing.add(
            Line(
                *shape.baseline,
                *shape.target,
                strokeColor=BASELINE_GREY,
                strokeWidth=0.8,
                strokeDashArray=[3, 2],
            )
        )
    if len(shape.readings) > 1:
        flat = [v for point in shape.readings for v in point]
        drawing.add(PolyLine(flat, strokeColor=accent, strokeWidth=1.8))
    for x, y in shape.readings:
        drawing.add(Circle(x, y, 2.4, fillColor=accent, strokeColor=colors.white, strokeWidth=0.6))
    if shape.baseline:
        drawing.add(
            Circle(
                *shape.baseline,
                3.2,
                fillColor=colors.white,
                strokeColor=BASELINE_GREY,
                strokeWidth=1.2,
            )
        )
    if shape.target:
        x, y = shape.target
        drawing.add(
            Polygon(
                [x, y + 4.5, x + 4.5, y, x, y - 4.5, x - 4.5, y], fillColor=accent, strokeColor=None
            )
        )
    if shape.readings and shape.latest_label:
        x, y = shape.readings[-1]
        near_right = x > right - 60
        # The unit is the user's words: drawn in a font that has its characters.
        label, font = chart_label(fonts, shape.latest_label)
        drawing.add(
            String(
                x + (-6 if near_right else 6),
                y + 5,
                label,
                fontName=font,
                fontSize=7.5,
                fillColor=INK,
                textAnchor="end" if near_right else "start",
            )
        )
    return drawing


__all__ = ["bar_chart", "four_as_bars", "line_chart", "p_tiles"]
