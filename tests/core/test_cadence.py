"""Cadence: everyday words read as a calendar repeat, the structured fields first, and the
recurrence rule and words each gives."""

from __future__ import annotations

import pytest

from workbook.cadence import Cadence, activity_cadence, parse_cadence
from workbook.model import Activity, Repeat, Weekday

MO, TU, WE, TH, FR, SA = (
    Weekday.MONDAY,
    Weekday.TUESDAY,
    Weekday.WEDNESDAY,
    Weekday.THURSDAY,
    Weekday.FRIDAY,
    Weekday.SATURDAY,
)
WORKING_WEEK = (MO, TU, WE, TH, FR)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("every Tuesday", Cadence(Repeat.WEEKLY, 1, (TU,))),
        ("Tuesdays and Thursdays", Cadence(Repeat.WEEKLY, 1, (TU, TH))),
        ("Weekly, on Wednesdays", Cadence(Repeat.WEEKLY, 1, (WE,))),
        ("weekly", Cadence(Repeat.WEEKLY)),
        ("Every other Wednesday", Cadence(Repeat.WEEKLY, 2, (WE,))),
        ("Fortnightly on Fridays", Cadence(Repeat.WEEKLY, 2, (FR,))),
        ("every 3 weeks", Cadence(Repeat.WEEKLY, 3)),
        ("Every weekday morning", Cadence(Repeat.WEEKLY, 1, WORKING_WEEK)),
        ("Every working day", Cadence(Repeat.WEEKLY, 1, WORKING_WEEK)),
        ("Daily on weekdays", Cadence(Repeat.WEEKLY, 1, WORKING_WEEK)),
        ("daily", Cadence(Repeat.DAILY)),
        ("Every day at 12:00, Saturdays included", Cadence(Repeat.DAILY)),
        ("Every other day", Cadence(Repeat.DAILY, 2)),
        ("monthly", Cadence(Repeat.MONTHLY)),
        ("One talk a month", Cadence(Repeat.MONTHLY)),
        ("Monthly, at the Monday huddle", Cadence(Repeat.MONTHLY)),
        ("First Saturday of each month", Cadence(Repeat.MONTHLY, 1, (SA,), 1)),
        ("Monthly, on the second Friday", Cadence(Repeat.MONTHLY, 1, (FR,), 2)),
        ("last Friday of the month", Cadence(Repeat.MONTHLY, 1, (FR,), -1)),
        ("Every Saturday; beginners on the second Saturday", Cadence(Repeat.WEEKLY, 1, (SA,))),
        ("Quarterly", Cadence(Repeat.MONTHLY, 3)),
        ("Refreshed every season", Cadence(Repeat.MONTHLY, 3)),
        ("twice a year", Cadence(Repeat.MONTHLY, 6)),
        ("Every six months", Cadence(Repeat.MONTHLY, 6)),
        ("Checked every April", Cadence(Repeat.YEARLY)),
        ("annually", Cadence(Repeat.YEARLY)),
        ("Every school half-term", None),
        ("Twice a week", None),
        ("Whenever a new scam appears", None),
        ("Within two working days of each review", None),
        ("A month before each due date", None),
        ("", None),
    ],
)
def test_everyday_words_are_read_as_a_repeat(text, expected):
    assert parse_cadence(text) == expected


@pytest.mark.parametrize(
    ("cadence", "rule", "words"),
    [
        (
            Cadence(Repeat.WEEKLY, 1, (TU,)),
            {"FREQ": "WEEKLY", "BYDAY": ["TU"]},
            "Every week on Tuesday",
        ),
        (
            Cadence(Repeat.WEEKLY, 2, (TU, FR)),
            {"FREQ": "WEEKLY", "INTERVAL": 2, "BYDAY": ["TU", "FR"]},
            "Every 2 weeks on Tuesday and Friday",
        ),
        (
            Cadence(Repeat.WEEKLY, 1, WORKING_WEEK),
            {"FREQ": "WEEKLY", "BYDAY": ["MO", "TU", "WE", "TH", "FR"]},
            "Every weekday, Monday to Friday",
        ),
        (Cadence(Repeat.MONTHLY, 6), {"FREQ": "MONTHLY", "INTERVAL": 6}, "Every 6 months"),
        (
            Cadence(Repeat.MONTHLY, 1, (FR,), -1),
            {"FREQ": "MONTHLY", "BYDAY": ["-1FR"]},
            "The last Friday of every month",
        ),
        (Cadence(Repeat.DAILY), {"FREQ": "DAILY"}, "Every day"),
        (Cadence(Repeat.YEARLY, 2), {"FREQ": "YEARLY", "INTERVAL": 2}, "Every 2 years"),
    ],
)
def test_each_cadence_gives_its_rule_and_its_words(cadence, rule, words):
    assert cadence.rrule() == rule
    assert cadence.describe() == words


def test_the_structured_fields_win_over_the_words():
    activity = Activity(cadence="Twice a week")
    assert activity_cadence(activity) is None
    activity.repeat, activity.repeat_on = Repeat.WEEKLY, [TH, MO]
    assert activity_cadence(activity) == Cadence(Repeat.WEEKLY, 1, (MO, TH))
    activity.repeat_every = 2
    assert activity_cadence(activity).rrule()["INTERVAL"] == 2
    activity.repeat = None
    activity.cadence = "monthly"
    assert activity_cadence(activity) == Cadence(Repeat.MONTHLY)


def test_fields_fill_the_structured_cadence_and_read_back_the_same():
    for text in ("Every other Wednesday", "quarterly", "Every weekday morning", "daily"):
        cadence = parse_cadence(text)
        activity = Activity(cadence="", **cadence.fields())
        assert activity_cadence(activity) == cadence
