"""Dates as people type them (workbook.dates): every common form, the locale's order, and a
message that says what to type for anything else."""

from __future__ import annotations

from datetime import date

import pytest

from workbook.dates import DateOrder, DateParseError, order_from_format, parse_date

TODAY = date(2026, 5, 1)
DMY, MDY, YMD = DateOrder.DAY_MONTH_YEAR, DateOrder.MONTH_DAY_YEAR, DateOrder.YEAR_MONTH_DAY
MARCH_12 = date(2026, 3, 12)


@pytest.mark.parametrize(
    "typed",
    [
        "12/03/2026",
        "12.03.2026",
        "12-03-2026",
        "12/3/26",
        "2026-03-12",
        "2026/3/12",
        "20260312",
        "12 Mar 2026",
        "12 March 2026",
        "12 mar. 2026",
        "12-Mar-2026",
        "March 12, 2026",
        "Mar 12 2026",
        "  12   March   2026 ",
        "12 Mar",
        "12/03",
    ],
)
def test_day_first_locales_read_every_common_form(typed):
    assert parse_date(typed, DMY, TODAY) == MARCH_12


@pytest.mark.parametrize("typed", ["03/12/2026", "3/12/26", "2026-03-12", "12 March 2026"])
def test_month_first_locales_read_numbers_month_first(typed):
    assert parse_date(typed, MDY, TODAY) == MARCH_12


def test_a_part_that_cannot_be_a_month_settles_the_order():
    assert parse_date("25/03/2026", MDY, TODAY) == date(2026, 3, 25)
    assert parse_date("03/25/2026", DMY, TODAY) == date(2026, 3, 25)


def test_the_locale_month_names_work_beside_the_english_ones():
    french = {"mars": 3, "avril": 4, "avr": 4}
    assert parse_date("12 mars 2026", DMY, TODAY, french) == MARCH_12
    assert parse_date("1 avr. 2026", DMY, TODAY, french) == date(2026, 4, 1)
    assert parse_date("12 March 2026", DMY, TODAY, french) == MARCH_12


def test_words_for_today_and_empty_text():
    assert parse_date("today", DMY, TODAY) == TODAY
    assert parse_date("Tomorrow", DMY, TODAY) == date(2026, 5, 2)
    assert parse_date("yesterday", DMY, TODAY) == date(2026, 4, 30)
    assert parse_date("", DMY, TODAY) is None
    assert parse_date("   ", DMY, TODAY) is None


def test_two_digit_years_are_the_nearest_such_year():
    assert parse_date("1/1/95", DMY, TODAY) == date(1995, 1, 1)
    assert parse_date("1/1/40", DMY, TODAY) == date(2040, 1, 1)


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("12/0", "not a whole date"),
        ("31/02/2026", "February has no day 31"),
        ("12/03/202", "not finished"),
        ("No date2/03/2026", "not a date the app can read"),
        ("12 Foo 2026", "not a date the app can read"),
        ("March 2026", "has no day"),
        ("2026-03", "has no day"),
        ("soon", "not a date the app can read"),
    ],
)
def test_what_is_not_a_date_is_refused_with_words_that_say_what_to_type(typed, says):
    with pytest.raises(DateParseError) as caught:
        parse_date(typed, DMY, TODAY)
    message = str(caught.value)
    assert says in message and f"“{typed}”" in message
    assert "12" in message  # an example of a date to type


@pytest.mark.parametrize(
    ("pattern", "order"),
    [
        ("dd/MM/yyyy", DMY),
        ("d.M.yy", DMY),
        ("M/d/yy", MDY),
        ("yyyy-MM-dd", YMD),
        ("y/M/d", YMD),
        ("", DMY),
    ],
)
def test_order_from_a_locale_pattern(pattern, order):
    assert order_from_format(pattern) is order
