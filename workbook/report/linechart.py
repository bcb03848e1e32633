"""Where a measure's line chart puts things: points, axes and labels in a box, worked out
once so the PDF (reportlab graphics) and the HTML page (inline SVG) draw the same chart.

Coordinates have their origin at the bottom left, y going up, as reportlab's do; the SVG
writer flips them."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from workbook.report.blocks import LineChart
from workbook.report.common import format_short_date

LEFT = 44.0
"""Room for the figures on the value axis."""
RIGHT = 14.0
BOTTOM = 18.0
"""Room for the dates under the time axis."""
TOP = 10.0
GRID_LINES = 4


@dataclass(frozen=True, slots=True)
class Tick:
    at: float
    label: str


@dataclass(frozen=True, slots=True)
class ChartLayout:
    width: float
    height: float
    plot: tuple[float, float, float, float]
    """Left, bottom, right, top of the plotting area."""
    readings: tuple[tuple[float, float], ...]
    baseline: tuple[float, float] | None
    target: tuple[float, float] | None
    value_ticks: tuple[Tick, ...]
    """Horizontal grid lines, each with its figure."""
    date_ticks: tuple[Tick, ...]
    """Dates written under the time axis: the first and the last, and the target's."""
    latest_label: str
    """The latest reading's figure (without its unit, which the table gives), written beside
    its point."""


def _nice_step(span: float) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) giving about GRID_LINES lines."""
    raw = span / GRID_LINES if span > 0 else 1.0
    power = 10 ** math.floor(math.log10(raw))
    return next(power * f for f in (1, 2, 2.5, 5, 10) if power * f >= raw * 0.999)


def _tick_text(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def layout(chart: LineChart, width: float, height: float) -> ChartLayout:
    """The chart's drawing in a ``width`` by ``height`` box."""
    points = [*chart.readings]
    extras = [p for p in (chart.baseline, chart.target) if p is not None]
    every = points + extras
    values = [p.value for p in every]
    low, high = min(values), max(values)
    if low >= 0 and low <= high * 0.4:
        low = 0.0  # counts read best from zero
    if high == low:  # one figure throughout: give the line some room above and below
        high, low = high + 1, (max(0.0, low - 1) if low >= 0 else low - 1)
    step = _nice_step(high - low)
    low = step * (low // step)
    high = step * -(-high // step)
    days = [p.on.toordinal() for p in every]
    first, last = min(days), max(days)
    if first == last:
        first, last = first - 15, last + 15
    left, bottom, right, top = LEFT, BOTTOM, width - RIGHT, height - TOP

    def at(on: date, value: float) -> tuple[float, float]:
        x = left + (right - left) * (on.toordinal() - first) / (last - first)
        y = bottom + (top - bottom) * (value - low) / (high - low)
        return round(x, 2), round(y, 2)

    ticks = []
    value = low
    while value <= high + step / 1000:
        ticks.append(Tick(at(date.fromordinal(first), value)[1], _tick_text(value)))
        value += step
    dated = sorted({p.on for p in every})
    shown = [dated[0], dated[-1]]
    if chart.target is not None and chart.target.on not in shown:
        shown.append(chart.target.on)
    date_ticks = []
    for day in sorted(shown):
        x = at(day, low)[0]
        # Two dates closer than a label's width: the later one only.
        if date_ticks and x - date_ticks[-1].at < 60:
            date_ticks.pop()
        date_ticks.append(Tick(x, format_short_date(day)))
    latest = chart.readings[-1] if chart.readings else None
    return ChartLayout(
        width,
        height,
        (left, bottom, right, top),
        tuple(at(p.on, p.value) for p in points),
        at(chart.baseline.on, chart.baseline.value) if chart.baseline else None,
        at(chart.target.on, chart.target.value) if chart.target else None,
        tuple(ticks),
        tuple(date_ticks),
        _tick_text(latest.value) if latest else "",
    )
