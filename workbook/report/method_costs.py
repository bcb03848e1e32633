"""The client document's "What each method costs and builds": each activity with the theme
or need it answers, the A it should move and its monthly cost, then the totals by A."""

from __future__ import annotations

from workbook.costs import cost_report
from workbook.model import Plan
from workbook.report.blocks import Block, Column, Paragraph, Table
from workbook.report.common import format_hours, format_money, plural

NOT_TIED = "Not tied to an A"


def method_costs(plan: Plan) -> list[Block]:
    """The table of activities and the totals by A; nothing when no activity is written."""
    report = cost_report(plan)
    if not report.activities:
        return []
    rows = tuple(
        (
            item.name,
            item.answers,
            item.moves.label if item.moves else "",
            format_hours(item.hours) if item.priced else "",
            format_money(item.money) if item.priced else "",
        )
        for item in report.activities
    )
    out: list[Block] = [
        Table(
            (
                Column("Activity", "text"),
                Column("What it answers", "text"),
                Column("The A it moves", "short"),
                Column("Hours a month", "number"),
                Column("Money a month", "number"),
            ),
            rows,
            key="method_costs",
        )
    ]
    totals = tuple(
        (
            a.label if a else NOT_TIED,
            plural(t.activities, "activity", "activities"),
            format_hours(t.hours),
            format_money(t.money),
        )
        for a, t in report.by_a.items()
    ) + (
        (
            "All activities",
            plural(report.total.activities, "activity", "activities"),
            format_hours(report.total.hours),
            format_money(report.total.money),
        ),
    )
    out.append(
        Table(
            (
                Column("The A", "short"),
                Column("Activities", "short"),
                Column("Hours a month", "number"),
                Column("Money a month", "number"),
            ),
            totals,
            key="cost_totals",
            caption="Totals by the A each activity should move",
        )
    )
    unpriced = report.unpriced
    if unpriced:
        out.append(
            Paragraph(
                f"{plural(len(unpriced), 'activity has', 'activities have')} no hours or money "
                "yet and count as nothing in the totals.",
                "note",
            )
        )
    return out
