"""What each method costs and builds: activity costs totalled by activity and by A."""

from __future__ import annotations

import pytest

from workbook.costs import cost_report
from workbook.examples import list_examples, load_example
from workbook.model import Activity, FourA, Plan


def test_totals_by_activity_and_by_a() -> None:
    plan = Plan()
    plan.engagement.activities = [
        Activity(
            activity="Answer questions", hours_per_month=5, money_per_month=0, moves=FourA.AFFINITY
        ),
        Activity(
            activity="Thank reviewers", hours_per_month=2, money_per_month=0, moves=FourA.AFFINITY
        ),
        Activity(activity="Clips", hours_per_month=4, money_per_month=12.5, moves=FourA.ATTRACTION),
        Activity(activity="Open day", hours_per_month=1),
        Activity(),  # an Add click: left out
    ]
    report = cost_report(plan)
    assert [a.name for a in report.activities] == [
        "Answer questions",
        "Thank reviewers",
        "Clips",
        "Open day",
    ]
    assert report.total.hours == 12 and report.total.money == 12.5 and report.total.activities == 4
    assert report.by_a[FourA.AFFINITY].hours == 7
    assert report.by_a[FourA.ATTRACTION].money == 12.5
    assert report.by_a[FourA.ATTENTION].activities == 0
    assert report.by_a[None].hours == 1
    assert list(report.by_a) == [*FourA, None]
    assert [a.name for a in report.unpriced] == ["Open day"]
    assert report.share_of_hours(FourA.AFFINITY) == pytest.approx(7 / 12)


def test_a_plan_without_activities_totals_nothing() -> None:
    report = cost_report(Plan())
    assert report.total.hours == 0 and report.activities == ()
    assert None not in report.by_a
    assert report.share_of_hours(FourA.AUDIENCE) == 0


@pytest.mark.parametrize("name", [info.name for info in list_examples()])
def test_every_example_prices_every_activity_and_moves_every_a(name: str) -> None:
    report = cost_report(load_example(name))
    assert report.unpriced == ()
    assert None not in report.by_a
    moved = {a for a, totals in report.by_a.items() if totals.activities}
    assert len(moved) >= 3
