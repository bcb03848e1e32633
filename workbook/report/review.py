"""The review cycle in the client document: the four A's measured over time, spending
against the plan, and the action plan (everything dated and owned)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from workbook.action_plan import ItemKind, action_plan
from workbook.measures import MeasureProgress, MeasureStatus, all_progress, spending_report
from workbook.model import Direction, Plan, Reading, RelationshipMeasure
from workbook.report.blocks import (
    Block,
    ChartPoint,
    Column,
    LineChart,
    Paragraph,
    Table,
    figure_with_unit,
)
from workbook.report.common import (
    Anchors,
    brief,
    format_hours,
    format_money,
    format_short_date,
    is_blank,
    one_line,
    plural,
)

HEADING_CHARS = 70
"""Most of an indicator a measure's heading quotes (the whole indicator follows it)."""


# ---------------------------------------------------------------- the four A's over time


def _figure(value: float | None, unit: str) -> str:
    return "" if value is None else figure_with_unit(value, unit)


def _expected(value: float) -> float:
    """The straight line's figure, rounded as people say it (66, not 66.2; 4.5 stays)."""
    return round(value) if abs(value) >= 10 else round(value, 1)


def _point(value: float, on: date | None, unit: str) -> str:
    when = format_short_date(on)
    return f"{figure_with_unit(value, unit)} on {when}" if when else figure_with_unit(value, unit)


def status_sentence(progress: MeasureProgress) -> str:
    """Where a measure stands, in words a client reads: the status first, then why."""
    figures = progress.figures
    unit, target, latest = figures.unit, figures.target, progress.latest
    status = progress.status
    goal = ""
    if target is not None:
        by = f" by {format_short_date(target.on)}" if target.on else ""
        goal = f"the target of {figure_with_unit(target.value, unit)}{by}"
    if status is MeasureStatus.NO_TARGET:
        return "No target figure: the target names no number, so progress is not judged yet."
    if status is MeasureStatus.NOT_STARTED or latest is None:
        return f"Not started: no reading has been taken yet towards {goal}."
    now = _point(latest.value, latest.on, unit)
    if status is MeasureStatus.ACHIEVED:
        return f"Achieved: the latest reading, {now}, meets {goal}."
    expected = progress.expected
    if status is MeasureStatus.ON_TRACK:
        if expected is not None and latest.on is not None:
            return (
                f"On track: the latest reading, {now}, is at or ahead of the "
                f"{figure_with_unit(_expected(expected), unit)} expected by then on the way to "
                f"{goal}."
            )
        return f"On track: the latest reading, {now}, has moved the right way towards {goal}."
    if expected is not None and latest.on is not None:
        return (
            f"Behind: the latest reading, {now}, falls short of the "
            f"{figure_with_unit(_expected(expected), unit)} expected by then on the way to {goal}."
        )
    return f"Behind: the latest reading, {now}, has not yet moved towards {goal}."


def _measured_in(measure: RelationshipMeasure) -> str:
    """The unit as the plan words it, and which way is better."""
    better = "higher is better" if measure.direction is Direction.UP else "lower is better"
    unit = one_line(measure.unit)
    return f"Measured in {unit}; {better}." if unit else f"{better.capitalize()}."


def readings_table(readings: list[Reading], unit: str) -> Table:
    """Every reading of one measure: dated ones oldest first, then any without a date."""
    ordered = sorted(readings, key=lambda r: (r.taken_on is None, r.taken_on or date.min))
    rows = tuple(
        (
            format_short_date(r.taken_on) or "No date",
            _figure(r.value, unit),
            r.note.strip(),
        )
        for r in ordered
    )
    return Table(
        (Column("Date", "date"), Column("Figure", "short"), Column("Note", "text")),
        rows,
        key="readings",
    )


def _chart(progress: MeasureProgress, title: str) -> LineChart | None:
    """The readings as a line, or None when there is nothing to draw a line through."""
    figures = progress.figures
    points = tuple(ChartPoint(p.on, p.value) for p in progress.readings if p.on is not None)
    baseline = figures.baseline
    target = figures.target
    base = ChartPoint(baseline.on, baseline.value) if baseline and baseline.on else None
    goal = ChartPoint(target.on, target.value) if target and target.on else None
    if len(points) + (base is not None) + (goal is not None) < 2 or not points:
        return None
    marks = [
        "the open circle is the baseline" if base else "",
        "the diamond the target" if goal else "",
    ]
    caption = "Readings over time"
    if base and goal:
        caption += f": {marks[0]}, {marks[1]}; the dashed line runs straight from one to the other."
    elif base or goal:
        caption += f"; {marks[0] or marks[1]}."
    else:
        caption += "."
    return LineChart(title, figures.unit, points, base, goal, caption, key="measure_chart")


def measures_over_time(plan: Plan, anchors: Anchors) -> list[Block]:
    """For each of the four A's with figures or readings: its status in words, a chart
    of its readings against the baseline and target, and the readings themselves."""
    by_measure: dict[str, list[Reading]] = {}
    for reading in plan.engagement.readings:
        by_measure.setdefault(reading.measure, []).append(reading)
    out: list[Block] = []
    for measure, progress in zip(plan.engagement.measures, all_progress(plan), strict=True):
        readings = by_measure.get(measure.id, [])
        if not readings and is_blank(measure.unit) and progress.figures.target is None:
            continue
        indicator = brief(measure.indicator, HEADING_CHARS)
        title = f"{measure.dimension.label}: {indicator}" if indicator else measure.dimension.label
        out.append(anchors.heading(3, title, f"measure-{measure.dimension.value}"))
        out.append(Paragraph(f"{status_sentence(progress)} {_measured_in(measure)}", "body"))
        chart = _chart(progress, title)
        if chart is not None:
            out.append(chart)
        if readings:
            out.append(readings_table(readings, progress.figures.unit))
    return out


# ---------------------------------------------------------------- spending


def _period(start: date | None, end: date | None) -> str:
    if start is None and end is None:
        return "No dates"
    return f"{format_short_date(start) or '?'} to {format_short_date(end) or '?'}"


def _against(spent: float, planned: float, fmt: Callable[[float], str], what: str) -> str:
    """ "47.5 h of time against 46 h planned (1.5 h over)", or "12 in money, where the
    activities plan no money"."""
    shown = f"{fmt(spent)} {what}"
    if planned <= 0:
        return f"{shown}, where the activities plan no money"
    gap = spent - planned
    verdict = f"{fmt(abs(gap))} {'over' if gap > 0 else 'under'}" if round(gap, 2) else "as planned"
    return f"{shown} against {fmt(planned)} planned ({verdict})"


def spending_blocks(plan: Plan) -> list[Block]:
    """Hours and money spent by period against what the activities plan for the same
    months; a sentence with the totals first."""
    periods = plan.engagement.spending
    if not periods:
        return []
    report = {p.period_id: p for p in spending_report(plan)}
    ordered = sorted(
        periods,
        key=lambda p: (p.period_start is None, p.period_start or date.min),
    )
    rows = []
    for period in ordered:
        planned = report.get(period.id)
        rows.append(
            (
                _period(period.period_start, period.period_end),
                format_hours(period.hours) if period.hours is not None else "",
                format_hours(planned.planned_hours) if planned else "",
                format_money(period.money) if period.money is not None else "",
                format_money(planned.planned_money) if planned else "",
                period.note.strip(),
            )
        )
    out: list[Block] = []
    dated = [p for p in report.values() if p.hours is not None or p.money is not None]
    if dated:
        hours = sum(p.hours or 0 for p in dated)
        planned_hours = sum(p.planned_hours for p in dated if p.hours is not None)
        money = sum(p.money or 0 for p in dated)
        planned_money = sum(p.planned_money for p in dated if p.money is not None)
        time_part = _against(hours, planned_hours, format_hours, "of time")
        money_part = _against(money, planned_money, format_money, "in money")
        lead = (
            f"Over the {plural(len(dated), 'period')} recorded, the activities took "
            f"{time_part}, and {money_part}."
        )
        out.append(Paragraph(lead, "body"))
    out.append(
        Table(
            (
                Column("Period", "date"),
                Column("Hours spent", "number"),
                Column("Hours planned", "number"),
                Column("Money spent", "number"),
                Column("Money planned", "number"),
                Column("Note", "text"),
            ),
            tuple(rows),
            key="spending",
        )
    )
    out.append(
        Paragraph(
            "Planned figures are the activities' monthly hours and money over the same "
            "months; costs outside the activities are described in words above.",
            "note",
        )
    )
    return out


# ---------------------------------------------------------------- the action plan


def action_plan_blocks(plan: Plan) -> list[Block]:
    """Every dated or owned item, by date: activities, agreed actions, the next review and
    the 7 P's still to share."""
    items = action_plan(plan)
    if all(item.kind is ItemKind.SHARE for item in items):
        return []  # only the 7 P's still to decide: the plan has nothing dated yet
    rows = tuple(
        (
            format_short_date(item.on) or "Not dated",
            item.title,
            item.kind.label,
            item.owner or "No owner yet",
            item.repeats,
            "Done" if item.done else "",
        )
        for item in items
    )
    actions = [a for a in plan.engagement.actions if a.what.strip()]
    open_actions = [a for a in actions if not a.done]
    lead = "Everything in the plan with a date or an owner, by date."
    if actions:
        lead += f" {plural(len(actions), 'agreed action')}, {len(open_actions)} still open."
    return [
        Paragraph(lead, "body"),
        Table(
            (
                Column("When", "date"),
                Column("What", "text"),
                Column("Kind", "short"),
                Column("Who", "short"),
                Column("Repeats", "text"),
                Column("Done", "short"),
            ),
            rows,
            key="action_plan",
        ),
    ]


__all__ = [
    "action_plan_blocks",
    "measures_over_time",
    "readings_table",
    "spending_blocks",
    "status_sentence",
]
