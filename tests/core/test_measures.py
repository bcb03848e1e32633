"""The four A's over time: numbers and dates read from a measure's words, readings, the
status for each direction, and spending set against the plan."""

from __future__ import annotations

from datetime import date

import pytest

from workbook.measures import (
    MeasureStatus,
    Point,
    all_progress,
    measure_figures,
    measure_progress,
    months_between,
    orphan_readings,
    parse_date,
    parse_number,
    parse_unit,
    readings_of,
    spending_report,
    status_of,
)
from workbook.model import Activity, Direction, Plan, Reading, RelationshipMeasure, SpendingPeriod

PLAN_DAY = date(2026, 3, 12)


@pytest.mark.parametrize(
    ("text", "number", "unit"),
    [
        ("About 40 a day", 40, "a day"),
        ("90 a day by September", 90, "a day"),
        ("60% filed before 24 January 2026", 60, "%"),
        ("About 1 in 5", 20, "%"),
        ("£1,200 a month", 1200, "£ a month"),
        ("4.5 stars on Google by June", 4.5, "stars"),
        ("22 volunteers; about 90 households", 22, "volunteers"),
        ("None yet: the clips start in February", 0, ""),
        ("Twelve regulars", 12, ""),
        ("More than now", None, ""),
    ],
)
def test_numbers_and_units_are_read_from_the_words(text, number, unit):
    assert parse_number(text) == number
    assert parse_unit(text) == unit


@pytest.mark.parametrize(
    ("text", "ahead", "expected"),
    [
        ("90 a day by September", True, date(2026, 9, 30)),
        ("8 a week by February", True, date(2027, 2, 28)),
        ("About 6 a month in February", False, date(2026, 2, 28)),
        ("85% by 31 January 2027", True, date(2027, 1, 31)),
        ("by 2026-10-01", True, date(2026, 10, 1)),
        ("by 30/06/2026", True, date(2026, 6, 30)),
        ("by Q3", True, date(2026, 9, 30)),
        ("10 a month by the end of the year", True, date(2026, 12, 31)),
        ("double it within six months", True, date(2026, 9, 12)),
        ("as many as we may", True, None),
        ("by 31 February 2027", True, None),
    ],
)
def test_dates_are_read_relative_to_the_plan_date(text, ahead, expected):
    assert parse_date(text, PLAN_DAY, ahead=ahead) == expected


def test_without_a_plan_date_only_full_dates_are_read():
    assert parse_date("by September", None) is None
    assert parse_date("by September 2026", None) == date(2026, 9, 30)


def test_figures_come_from_the_fields_and_else_from_the_text():
    measure = RelationshipMeasure(baseline="About 40 a day", target="90 a day by September")
    figures = measure_figures(measure, PLAN_DAY)
    assert figures.baseline == Point(PLAN_DAY, 40)
    assert figures.target == Point(date(2026, 9, 30), 90)
    assert figures.unit == "a day"
    measure.target_value, measure.target_on, measure.unit = 120.0, date(2026, 12, 31), "replies"
    figures = measure_figures(measure, PLAN_DAY)
    assert figures.target == Point(date(2026, 12, 31), 120) and figures.unit == "replies"


LINE = {"baseline": Point(date(2026, 1, 1), 10), "target": Point(date(2026, 11, 1), 110)}
"""A straight line from 10 on 1 January to 110 on 1 November: about 10 a month."""


def _status(direction: Direction, *points: tuple[date, float], line=LINE):
    from workbook.measures import MeasureFigures

    baseline, target = line["baseline"], line["target"]
    if direction is Direction.DOWN:
        baseline, target = Point(baseline.on, 110), Point(target.on, 10)
    figures = MeasureFigures("replies", direction, baseline, target)
    return status_of(figures, tuple(Point(on, value) for on, value in points))[0]


@pytest.mark.parametrize(
    ("readings", "up", "down"),
    [
        ((), MeasureStatus.NOT_STARTED, MeasureStatus.NOT_STARTED),
        # 1 June: the line expects 60 going up, 60 going down.
        (((date(2026, 6, 1), 70),), MeasureStatus.ON_TRACK, MeasureStatus.BEHIND),
        (((date(2026, 6, 1), 50),), MeasureStatus.BEHIND, MeasureStatus.ON_TRACK),
        (((date(2026, 6, 1), 110),), MeasureStatus.ACHIEVED, MeasureStatus.BEHIND),
        (((date(2026, 6, 1), 10),), MeasureStatus.BEHIND, MeasureStatus.ACHIEVED),
        # The latest reading decides, whatever the order they were typed in.
        (
            ((date(2026, 6, 1), 50), (date(2026, 3, 1), 90)),
            MeasureStatus.BEHIND,
            MeasureStatus.ON_TRACK,
        ),
    ],
)
def test_status_for_each_direction(readings, up, down):
    ordered = tuple(sorted(readings))
    assert _status(Direction.UP, *ordered) is up
    assert _status(Direction.DOWN, *ordered) is down


def test_a_target_date_passed_without_reaching_it_is_behind():
    assert _status(Direction.UP, (date(2026, 12, 1), 100)) is MeasureStatus.BEHIND
    assert _status(Direction.DOWN, (date(2026, 12, 1), 20)) is MeasureStatus.BEHIND


def test_without_dates_moving_the_right_way_is_on_track():
    undated = {"baseline": Point(None, 10), "target": Point(None, 110)}
    assert _status(Direction.UP, (date(2026, 6, 1), 11), line=undated) is MeasureStatus.ON_TRACK
    assert _status(Direction.UP, (date(2026, 6, 1), 10), line=undated) is MeasureStatus.BEHIND


def _plan_with_readings(direction: Direction, values: list[float]) -> tuple[Plan, str]:
    plan = Plan()
    plan.details.plan_date = PLAN_DAY
    measure = plan.engagement.measures[0]
    measure.direction = direction
    measure.baseline, measure.target = "12 complaints a month", "3 a month by September"
    if direction is Direction.UP:
        measure.baseline, measure.target = "12 replies a month", "30 a month by September"
    plan.engagement.readings = [
        Reading(measure=measure.id, taken_on=date(2026, 4 + i, 28), value=value, note="")
        for i, value in enumerate(values)
    ]
    plan.engagement.readings.append(Reading(measure=measure.id, note="no figure yet"))
    return plan, measure.id


@pytest.mark.parametrize(
    ("direction", "values", "status"),
    [
        (Direction.DOWN, [11, 9, 7], MeasureStatus.ON_TRACK),
        (Direction.DOWN, [12, 12, 11], MeasureStatus.BEHIND),
        (Direction.DOWN, [8, 5, 3], MeasureStatus.ACHIEVED),
        (Direction.UP, [15, 19, 22], MeasureStatus.ON_TRACK),
        (Direction.UP, [12, 13, 13], MeasureStatus.BEHIND),
        (Direction.UP, [20, 25, 31], MeasureStatus.ACHIEVED),
    ],
)
def test_progress_of_a_measure_in_a_plan(direction, values, status):
    plan, measure_id = _plan_with_readings(direction, values)
    progress = measure_progress(plan, plan.engagement.measures[0])
    assert progress.status is status
    assert [p.value for p in progress.readings] == values  # the undated one left out
    assert progress.latest == Point(date(2026, 6, 28), values[-1])
    share = progress.share_done
    assert share is not None and (share >= 1) == (status is MeasureStatus.ACHIEVED)
    assert len(readings_of(plan, measure_id)) == 3
    others = all_progress(plan)[1:]
    assert {p.status for p in others} == {MeasureStatus.NO_TARGET}


def test_readings_of_a_deleted_measure_are_found():
    plan, _ = _plan_with_readings(Direction.UP, [1])
    plan.engagement.readings.append(Reading(measure="gone", value=3, taken_on=PLAN_DAY))
    assert [r.measure for r in orphan_readings(plan)] == ["gone"]


def test_spending_is_set_against_the_activities_plan():
    plan = Plan()
    plan.engagement.activities = [
        Activity(activity="Answer questions", hours_per_month=10, money_per_month=0),
        Activity(activity="Video", hours_per_month=4, money_per_month=20),
    ]
    plan.engagement.spending = [
        SpendingPeriod(
            period_start=date(2026, 5, 1), period_end=date(2026, 6, 30), hours=30, money=35
        ),
        SpendingPeriod(
            period_start=date(2026, 4, 1), period_end=date(2026, 4, 30), hours=12, money=None
        ),
        SpendingPeriod(period_start=date(2026, 7, 1), hours=1),  # no end yet: left out
    ]
    april, may_june = spending_report(plan)
    assert (april.months, april.planned_hours, april.planned_money) == (1.0, 14, 20)
    assert (april.hours_over, april.money_over) == (-2, None)
    assert (may_june.months, may_june.planned_hours, may_june.planned_money) == (2.0, 28, 40)
    assert (may_june.hours_over, may_june.money_over) == (2, -5)


def test_a_period_that_is_not_whole_months_counts_its_days():
    assert months_between(date(2026, 4, 1), date(2026, 4, 30)) == 1.0
    assert months_between(date(2026, 1, 1), date(2026, 12, 31)) == 12.0
    assert months_between(date(2026, 4, 15), date(2026, 5, 14)) == pytest.approx(0.986, 0.01)
