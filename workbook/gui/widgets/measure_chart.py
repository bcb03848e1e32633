"""A small line chart of one measure's readings, drawn with QPainter: the baseline and the
target marked, a dated x-axis, and the same facts in words for screen readers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from workbook.gui.widgets.row_model import display_date, display_number
from workbook.measures import MeasureProgress, MeasureStatus, Point

STATUS_COLOURS = {
    MeasureStatus.ACHIEVED: "#2e7d32",
    MeasureStatus.ON_TRACK: "#1565c0",
    MeasureStatus.BEHIND: "#c62828",
    MeasureStatus.NOT_STARTED: "#6d6d6d",
    MeasureStatus.NO_TARGET: "#6d6d6d",
}
"""A colour per status on a light palette; the status is always written out too, never
shown by colour alone."""


def status_colour(status: MeasureStatus, palette: QPalette) -> QColor:
    """The status's colour, lightened on a dark palette so that it stays readable."""
    colour = QColor(STATUS_COLOURS[status])
    return colour.lighter(170) if palette.window().color().lightness() < 128 else colour


STATUS_ICONS = {
    MeasureStatus.ACHIEVED: "done",
    MeasureStatus.ON_TRACK: "next",
    MeasureStatus.BEHIND: "warning",
    MeasureStatus.NOT_STARTED: "hint",
    MeasureStatus.NO_TARGET: "hint",
}
"""The icon (of :mod:`workbook.gui.icons`) shown beside each status's words."""


def figure_text(value: float, unit: str) -> str:
    """A figure with its unit as people write it: "62 reactions a day", "60%", "£40 a month"."""
    number = display_number(value)
    unit = unit.strip()
    if not unit:
        return number
    if unit.startswith("%"):
        return f"{number}%{unit[1:]}"
    if unit[0] in "£$€":
        rest = unit[1:].strip()
        return f"{unit[0]}{number}" + (f" {rest}" if rest else "")
    return f"{number} {unit}"


def _dated(point: Point, unit: str, word: str) -> str:
    when = f" {word} {display_date(point.on)}" if point.on is not None else ""
    return f"{figure_text(point.value, unit)}{when}"


def status_text(progress: MeasureProgress) -> str:
    """One short line: the status, the latest figure and the target ("On track: 74
    reactions a day, target 90 by 30 Sep 2026."); the chart and its description have the
    dates of the readings."""
    unit = progress.figures.unit
    latest, target = progress.latest, progress.figures.target
    parts = [figure_text(latest.value, unit) if latest is not None else "no readings yet"]
    if target is not None:
        by = f" by {display_date(target.on)}" if target.on is not None else ""
        shown = figure_text(target.value, "" if latest is not None else unit)
        parts.append(f"target {shown}{by}")
    return f"{progress.status.label}: {', '.join(parts)}."


def chart_description(progress: MeasureProgress) -> str:
    """The chart's facts in words, for screen readers and the tooltip."""
    unit = progress.figures.unit
    lines = []
    direction = "higher" if progress.figures.direction.value == "up" else "lower"
    lines.append(f"Better when {direction}.")
    baseline, target = progress.figures.baseline, progress.figures.target
    if baseline is not None:
        lines.append(f"Baseline {_dated(baseline, unit, 'on')}.")
    if target is not None:
        lines.append(f"Target {_dated(target, unit, 'by')}.")
    if progress.readings:
        shown = "; ".join(_dated(p, unit, "on") for p in progress.readings)
        count = len(progress.readings)
        lines.append(f"{count} reading{'s' if count != 1 else ''}: {shown}.")
    else:
        lines.append("No readings yet.")
    if progress.expected is not None and progress.status in (
        MeasureStatus.ON_TRACK,
        MeasureStatus.BEHIND,
    ):
        lines.append(f"A steady path to the target expects {figure_text(progress.expected, unit)}.")
    lines.append(f"Status: {progress.status.label}.")
    return " ".join(lines)


class MeasureChart(QWidget):
    """Readings as a line over time; the baseline as a square, the target as a dashed line
    and a diamond at its date, and a dotted steady path from one to the other."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("measure_chart")
        self.progress: MeasureProgress | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.set_progress(None)

    def set_progress(self, progress: MeasureProgress | None, name: str = "") -> None:
        """Show ``progress`` (None: no measure chosen); ``name`` is the measure's indicator."""
        self.progress = progress
        title = f"Chart of {name}" if name else "Chart of the measure's readings"
        self.setAccessibleName(title)
        description = (
            chart_description(progress)
            if progress is not None
            else "Choose a measure to see its readings."
        )
        self.setAccessibleDescription(description)
        self.setToolTip(description)
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        line = self.fontMetrics().height()
        return QSize(line * 22, line * 9)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        line = self.fontMetrics().height()
        return QSize(line * 12, line * 6)

    # ------------------------------------------------------------ drawing

    def _points(self) -> list[Point]:
        progress = self.progress
        if progress is None:
            return []
        found = [p for p in (progress.figures.baseline, progress.figures.target) if p]
        return found + list(progress.readings)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour = palette.windowText().color()
        muted = palette.placeholderText().color()
        metrics = QFontMetrics(self.font())
        points = self._points()
        dated = [p for p in points if p.on is not None]
        if self.progress is None or not dated:
            painter.setPen(muted)
            message = (
                "No readings yet: add one below."
                if self.progress is not None
                else "Choose a measure to see its readings."
            )
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, message)
            painter.end()
            return
        progress = self.progress
        unit_values = [p.value for p in points]
        low, high = min(unit_values), max(unit_values)
        if high == low:
            low, high = low - 1, high + 1
        pad = (high - low) * 0.08
        low, high = low - pad, high + pad
        first = min(p.on for p in dated)  # type: ignore[type-var]
        last = max(p.on for p in dated)  # type: ignore[type-var]
        span = max((last - first).days, 1)

        label_width = max(
            metrics.horizontalAdvance(display_number(round(v, 1))) for v in (low, high)
        )
        plot = QRectF(
            label_width + metrics.averageCharWidth() * 2,
            metrics.height() * 0.6,
            self.width() - label_width - metrics.averageCharWidth() * 4,
            self.height() - metrics.height() * 2.6,
        )
        if plot.width() < 20 or plot.height() < 20:
            painter.end()
            return

        def x_of(on: date | None) -> float:
            day = on or first
            return plot.left() + plot.width() * (day - first).days / span

        def y_of(value: float) -> float:
            return plot.bottom() - plot.height() * (value - low) / (high - low)

        # Axes, with the lowest and highest figures and three dates.
        painter.setPen(QPen(muted, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        painter.setPen(text_colour)
        for value in (low + pad, high - pad):
            text = display_number(round(value, 1))
            y = y_of(value)
            box = QRectF(0, y - metrics.height() / 2, label_width, metrics.height())
            painter.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
        days = sorted({first, last} | ({p.on for p in dated} if len(dated) <= 2 else set()))
        if span > 60 and len(days) == 2:
            days.insert(1, date.fromordinal(first.toordinal() + span // 2))
        baseline_y = plot.bottom() + metrics.height() * 1.2
        for left, text in self._date_labels(days, x_of, metrics):
            painter.drawText(QPointF(left, baseline_y), text)

        figures = progress.figures
        accent = QColor(palette.highlight().color())
        target_colour = status_colour(MeasureStatus.ACHIEVED, palette)
        if figures.target is not None:
            y = y_of(figures.target.value)
            painter.setPen(QPen(target_colour, 1.5, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            label = f"Target {figure_text(figures.target.value, '')}"
            painter.setPen(target_colour)
            above = y - metrics.descent() - 2 > plot.top() + metrics.ascent()
            painter.drawText(
                QPointF(
                    plot.right() - metrics.horizontalAdvance(label),
                    y - metrics.descent() - 2 if above else y + metrics.ascent() + 2,
                ),
                label,
            )
            if figures.target.on is not None:
                self._diamond(painter, QPointF(x_of(figures.target.on), y), target_colour)
        if figures.baseline is not None and figures.target is not None:
            # The steady path the status is measured against.
            if figures.baseline.on is not None and figures.target.on is not None:
                painter.setPen(QPen(muted, 1, Qt.PenStyle.DotLine))
                painter.drawLine(
                    QPointF(x_of(figures.baseline.on), y_of(figures.baseline.value)),
                    QPointF(x_of(figures.target.on), y_of(figures.target.value)),
                )
        if figures.baseline is not None:
            centre = QPointF(x_of(figures.baseline.on), y_of(figures.baseline.value))
            painter.setPen(QPen(text_colour, 1.5))
            painter.setBrush(palette.base())
            painter.drawRect(QRectF(centre.x() - 4, centre.y() - 4, 8, 8))
            painter.drawText(QPointF(centre.x() + 7, centre.y() + metrics.ascent() + 2), "Baseline")
        readings = [p for p in progress.readings if p.on is not None]
        if readings:
            line = QPainterPath()
            start = figures.baseline if figures.baseline and figures.baseline.on else None
            chain = ([start] if start is not None else []) + readings
            line.moveTo(x_of(chain[0].on), y_of(chain[0].value))
            for point in chain[1:]:
                line.lineTo(x_of(point.on), y_of(point.value))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(accent, 2.5))
            painter.drawPath(line)
            painter.setBrush(accent)
            painter.setPen(QPen(palette.base().color(), 1))
            for point in readings:
                painter.drawEllipse(QPointF(x_of(point.on), y_of(point.value)), 4.5, 4.5)
        painter.end()

    def _date_labels(
        self, days: list[date], x_of: Callable[[date], float], metrics: QFontMetrics
    ) -> list[tuple[float, str]]:
        """(left edge, text) of the dates that fit under the axis without overlapping: the
        first and the last always, those between where there is room."""
        gap = metrics.averageCharWidth() * 2
        placed: list[tuple[float, float, str]] = []

        def span_of(position: int) -> tuple[float, float, str]:
            text = display_date(days[position])
            width = metrics.horizontalAdvance(text)
            x = x_of(days[position])
            left = x - width / 2
            if position == 0:
                left = max(0.0, min(left, x))
            if position == len(days) - 1:
                left = min(self.width() - width - 1.0, max(left, x - width))
            return left, left + width, text

        order = [0, len(days) - 1, *range(1, len(days) - 1)] if len(days) > 1 else [0]
        for position in order:
            left, right, text = span_of(position)
            if all(
                right + gap <= other_left or left >= other_right + gap
                for other_left, other_right, _t in placed
            ):
                placed.append((left, right, text))
        return [(left, text) for left, _right, text in placed]

    @staticmethod
    def _diamond(painter: QPainter, centre: QPointF, colour: QColor) -> None:
        path = QPainterPath()
        size = 6.0
        path.moveTo(centre.x(), centre.y() - size)
        path.lineTo(centre.x() + size, centre.y())
        path.lineTo(centre.x(), centre.y() + size)
        path.lineTo(centre.x() - size, centre.y())
        path.closeSubpath()
        painter.setPen(QPen(colour, 1))
        painter.setBrush(colour)
        painter.drawPath(path)
