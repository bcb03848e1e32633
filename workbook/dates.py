"""Dates as people type them: "12/03/2026", "2026-03-12", "12 Mar 2026", "12 March 2026",
"March 12, 2026", "today".

Numbers alone are read in the order of the user's locale (day first in most of the
world, month first in the United States); a year written first always means
year-month-day. A part that cannot be a month (25/03/2026) settles the order. Anything
that is not a whole, real date raises :class:`DateParseError` with a message that says
what to type, so a half-typed date is never dropped without a word.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, timedelta
from enum import StrEnum


class DateOrder(StrEnum):
    DAY_MONTH_YEAR = "dmy"
    MONTH_DAY_YEAR = "mdy"
    YEAR_MONTH_DAY = "ymd"


class DateParseError(ValueError):
    """Text that is not a date; ``str(error)`` says what to type instead."""


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
ENGLISH_MONTHS: dict[str, int] = {}
for _number, _name in enumerate(MONTHS, start=1):
    ENGLISH_MONTHS[_name.lower()] = _number
    ENGLISH_MONTHS[_name[:3].lower()] = _number
ENGLISH_MONTHS["sept"] = 9

_RELATIVE = {"today": 0, "tod": 0, "yesterday": -1, "tomorrow": 1}
_TOKEN = re.compile(r"\d+|[^\W\d_]+\.?", re.UNICODE)


def order_from_format(pattern: str) -> DateOrder:
    """The order of day, month and year in a locale's date pattern ("dd/MM/yyyy",
    "M/d/yy", "yyyy-MM-dd"); day first when the pattern says nothing clear."""
    positions = {part: pattern.find(part) for part in ("d", "M", "y")}
    if min(positions.values()) < 0:
        return DateOrder.DAY_MONTH_YEAR
    ordered = "".join(sorted(positions, key=positions.__getitem__))
    return {
        "Mdy": DateOrder.MONTH_DAY_YEAR,
        "yMd": DateOrder.YEAR_MONTH_DAY,
    }.get(ordered, DateOrder.DAY_MONTH_YEAR)


def example_text(order: DateOrder) -> str:
    """How to type 12 March 2026 in this order, for messages and placeholders."""
    return {
        DateOrder.MONTH_DAY_YEAR: "03/12/2026",
        DateOrder.YEAR_MONTH_DAY: "2026-03-12",
    }.get(order, "12/03/2026")


def _year(text: str, today: date) -> int:
    value = int(text)
    if len(text) <= 2:
        # Two digits: the nearest such year, up to 30 years ahead (26 -> 2026, 95 -> 1995).
        century = today.year - today.year % 100
        value += century
        if value > today.year + 30:
            value -= 100
    elif len(text) != 4:
        raise DateParseError(f"“{text}” is not a year: write the year with four digits.")
    return value


def _make(year: int, month: int, day: int, typed: str, order: DateOrder) -> date:
    example = f"Type it like {example_text(order)} or 12 Mar 2026."
    if not 1 <= month <= 12:
        raise DateParseError(f"“{typed}” is not a whole date: there is no month {month}. {example}")
    try:
        return date(year, month, day)
    except ValueError:
        month_name = MONTHS[month - 1]
        raise DateParseError(
            f"“{typed}” is not a day of the calendar: {month_name} has no day {day}. {example}"
        ) from None


def parse_date(
    text: str,
    order: DateOrder = DateOrder.DAY_MONTH_YEAR,
    today: date | None = None,
    month_names: Mapping[str, int] | None = None,
) -> date | None:
    """The date ``text`` stands for; None for empty text.

    ``order`` is the locale's order for dates written as numbers only; ``month_names``
    (lower case, full or short) adds the locale's own month names to the English ones.
    A date without a year is in ``today``'s year. Raises :class:`DateParseError`.
    """
    typed = " ".join(text.split())
    if not typed:
        return None
    today = today or date.today()
    lowered = typed.casefold()
    if lowered in _RELATIVE:
        return today + timedelta(days=_RELATIVE[lowered])
    months = dict(ENGLISH_MONTHS)
    if month_names:
        months.update({k.casefold().rstrip("."): v for k, v in month_names.items()})
    tokens = _TOKEN.findall(lowered)
    leftover = _TOKEN.sub("", lowered)
    if re.search(r"[^\s/.,\-]", leftover) or not tokens or len(tokens) > 3:
        raise _not_a_date(typed, order)
    words = [t for t in tokens if not t.isdigit()]
    if words:
        return _with_month_name(tokens, months, typed, today, order)
    if len(tokens) == 1:
        return _compact(tokens[0], typed, order)
    return _numbers(tokens, typed, today, order)


def _not_a_date(typed: str, order: DateOrder) -> DateParseError:
    return DateParseError(
        f"“{typed}” is not a date the app can read. Type it like {example_text(order)} "
        "or 12 Mar 2026."
    )


def _with_month_name(
    tokens: list[str], months: Mapping[str, int], typed: str, today: date, order: DateOrder
) -> date:
    words = [t for t in tokens if not t.isdigit()]
    numbers = [t for t in tokens if t.isdigit()]
    if len(words) != 1 or words[0].rstrip(".") not in months or not numbers:
        raise _not_a_date(typed, order)
    month = months[words[0].rstrip(".")]
    if len(numbers) == 1:  # "12 Mar", "March 2026"
        if len(numbers[0]) == 4:
            raise DateParseError(f"“{typed}” has no day: type it like 12 Mar 2026.")
        return _make(today.year, month, int(numbers[0]), typed, order)
    first, second = numbers
    if len(first) == 4:  # "2026 Mar 12"
        return _make(int(first), month, int(second), typed, order)
    return _make(_year(second, today), month, int(first), typed, order)


def _compact(digits: str, typed: str, order: DateOrder) -> date:
    """ "20260312": year, month and day written together (the ISO basic form)."""
    if len(digits) == 8 and digits[:2] in ("19", "20"):
        return _make(int(digits[:4]), int(digits[4:6]), int(digits[6:]), typed, order)
    raise _not_a_date(typed, order)


def _numbers(tokens: list[str], typed: str, today: date, order: DateOrder) -> date:
    if len(tokens[0]) == 4:  # a year first is always year-month-day
        if len(tokens) != 3:
            raise DateParseError(f"“{typed}” has no day: type it like 2026-03-12.")
        return _make(int(tokens[0]), int(tokens[1]), int(tokens[2]), typed, order)
    if len(tokens) == 3 and len(tokens[2]) == 3:
        raise DateParseError(
            f"“{typed}” is not finished: write the year with four digits, like "
            f"{example_text(order)}."
        )
    year = _year(tokens[2], today) if len(tokens) == 3 else today.year
    a, b = int(tokens[0]), int(tokens[1])
    day_first = order is not DateOrder.MONTH_DAY_YEAR
    if day_first and b > 12 >= a:
        day_first = False  # 03/25/2026 can only be month first
    elif not day_first and a > 12 >= b:
        day_first = True  # 25/03/2026 can only be day first
    day, month = (a, b) if day_first else (b, a)
    return _make(year, month, day, typed, order)
