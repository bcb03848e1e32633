"""How often something comes round: a structured cadence, read from everyday words when the
structured fields are empty ("every Tuesday", "monthly", "twice a year"), and written as a
calendar's recurrence rule (RFC 5545 ``RRULE``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbook.model import Repeat, Weekday

if TYPE_CHECKING:
    from workbook.model import Activity

_RRULE_FREQ = {
    Repeat.DAILY: "DAILY",
    Repeat.WEEKLY: "WEEKLY",
    Repeat.MONTHLY: "MONTHLY",
    Repeat.YEARLY: "YEARLY",
}
_RRULE_DAY = {
    Weekday.MONDAY: "MO",
    Weekday.TUESDAY: "TU",
    Weekday.WEDNESDAY: "WE",
    Weekday.THURSDAY: "TH",
    Weekday.FRIDAY: "FR",
    Weekday.SATURDAY: "SA",
    Weekday.SUNDAY: "SU",
}
_UNIT_WORDS = {
    Repeat.DAILY: "day",
    Repeat.WEEKLY: "week",
    Repeat.MONTHLY: "month",
    Repeat.YEARLY: "year",
}
_WORKING_DAYS = (
    Weekday.MONDAY,
    Weekday.TUESDAY,
    Weekday.WEDNESDAY,
    Weekday.THURSDAY,
    Weekday.FRIDAY,
)
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
             "4th": 4, "last": -1}  # fmt: skip
_COUNTS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "eight": 8,
           "nine": 9, "ten": 10, "twelve": 12, "other": 2, "second": 2, "third": 3}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Cadence:
    """A repeat: every ``every`` days, weeks, months or years; on some weekdays (weekly);
    or on the ``ordinal``-th of one weekday (monthly: 1 is the first, -1 the last)."""

    repeat: Repeat
    every: int = 1
    days: tuple[Weekday, ...] = ()
    ordinal: int | None = None

    def rrule(self) -> dict[str, Any]:
        """The recurrence rule, as ``icalendar.vRecur`` takes it."""
        rule: dict[str, Any] = {"FREQ": _RRULE_FREQ[self.repeat]}
        if self.every > 1:
            rule["INTERVAL"] = self.every
        if self.ordinal is not None and self.days:
            rule["BYDAY"] = [f"{self.ordinal}{_RRULE_DAY[self.days[0]]}"]
        elif self.days and self.repeat is Repeat.WEEKLY:
            rule["BYDAY"] = [_RRULE_DAY[day] for day in self.days]
        return rule

    def describe(self) -> str:
        """In words: "Every 2 weeks on Tuesday and Friday", "The last Friday of every month"."""
        if self.ordinal is not None and self.days:
            which = {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last"}.get(
                self.ordinal, f"{self.ordinal}th"
            )
            months = "month" if self.every == 1 else f"{self.every} months"
            return f"The {which} {self.days[0].label} of every {months}"
        unit = _UNIT_WORDS[self.repeat]
        text = f"Every {unit}" if self.every == 1 else f"Every {self.every} {unit}s"
        if self.repeat is Repeat.WEEKLY and self.days:
            if self.days == _WORKING_DAYS and self.every == 1:
                return "Every weekday, Monday to Friday"
            names = [day.label for day in self.days]
            joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
            text += f" on {joined}"
        return text

    def fields(self) -> dict[str, Any]:
        """The activity's structured fields for this cadence (an ordinal day of the month
        has no field of its own: it becomes "every month")."""
        days = list(self.days) if self.repeat is Repeat.WEEKLY else []
        return {
            "repeat": self.repeat,
            "repeat_every": self.every if self.every > 1 else None,
            "repeat_on": days,
        }


# ---------------------------------------------------------------- reading words

_DAY_NAMES = {day.value: day for day in Weekday}
_DAY_WORDS = "|".join(_DAY_NAMES)
_COUNT_WORDS = "|".join(_COUNTS)
_RE_EVERY_N = re.compile(rf"\bevery\s+(\d+|{_COUNT_WORDS})\s+(day|week|month|year)s?\b")
_RE_ORDINAL = re.compile(
    rf"\b({'|'.join(_ORDINALS)})\s+({_DAY_WORDS})\b"
    r"(?:\s+(?:of|in)\s+(?:the|each|every)\s+(month|quarter))?"
)
_RE_WEEKDAYS = re.compile(
    r"\b(?:every\s+weekday|weekdays|monday\s+to\s+friday|mon\s*-\s*fri"
    r"|every\s+working\s+day|on\s+working\s+days)\b"
)
_RE_OTHER_DAY = re.compile(rf"\bevery\s+(?:other|second|alternate)\s+({_DAY_WORDS})\b")
_RE_UNSUPPORTED = re.compile(r"\bother\s+working\s+days?\b|^within\b")
"""Words that name no repeat a calendar can hold: "every other working day", "within two
days of each review" (a deadline after something, not a date)."""
_MONTH_NAMES = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
)
_RE_DAY = re.compile(rf"\b({_DAY_WORDS})(s)?\b")
_RE_SEVERAL_A_WEEK = re.compile(r"\b(?:twice|two times|three times|\d+ times)\s+a\s+week\b")
_FREQUENCIES: tuple[tuple[re.Pattern[str], Cadence], ...] = tuple(
    (re.compile(pattern), cadence)
    for pattern, cadence in (
        (r"\b(?:every\s+other|every\s+second|alternate)\s+days?\b", Cadence(Repeat.DAILY, 2)),
        (r"\b(?:fortnightly|biweekly|every\s+fortnight)\b", Cadence(Repeat.WEEKLY, 2)),
        (
            r"\b(?:twice\s+a\s+year|half[- ]yearly|biannual(?:ly)?|semi-?annual(?:ly)?"
            r"|every\s+half[- ]year)\b",
            Cadence(Repeat.MONTHLY, 6),
        ),
        (
            r"\b(?:quarterly|(?:every|each|once\s+a)\s+(?:quarter|season))\b",
            Cadence(Repeat.MONTHLY, 3),
        ),
        (r"\btwice\s+a\s+month\b", Cadence(Repeat.WEEKLY, 2)),
        (
            r"\b(?:daily|every\s*day|each\s+day|every\s+(?:morning|evening|night)"
            r"|each\s+(?:morning|evening))\b",
            Cadence(Repeat.DAILY),
        ),
        (r"\b(?:weekly|every\s+week|each\s+week|once\s+a\s+week)\b", Cadence(Repeat.WEEKLY)),
        (
            r"\b(?:monthly|every\s+month|each\s+month|once\s+a\s+month|one\s+\w+\s+a\s+month)\b",
            Cadence(Repeat.MONTHLY),
        ),
        (
            r"\b(?:yearly|annual(?:ly)?|every\s+year|each\s+year|once\s+a\s+year"
            rf"|(?:every|each)\s+(?:{_MONTH_NAMES}))\b",
            Cadence(Repeat.YEARLY),
        ),
    )
)


def _frequency(text: str) -> Cadence | None:
    if _RE_OTHER_DAY.search(text):
        return Cadence(Repeat.WEEKLY, 2)  # "every other Wednesday"
    if match := _RE_EVERY_N.search(text):
        count = _COUNTS.get(match[1]) or int(match[1])
        unit = {"day": Repeat.DAILY, "week": Repeat.WEEKLY, "month": Repeat.MONTHLY}.get(
            match[2], Repeat.YEARLY
        )
        return Cadence(unit, max(1, min(count, 366)))
    for pattern, cadence in _FREQUENCIES:
        if pattern.search(text):
            return cadence
    return None


def _days(text: str) -> tuple[Weekday, ...]:
    if _RE_WEEKDAYS.search(text):
        return _WORKING_DAYS
    found = {_DAY_NAMES[m[1]] for m in _RE_DAY.finditer(text) if _names_a_repeat(text, m)}
    return tuple(day for day in Weekday if day in found)


def _names_a_repeat(text: str, match: re.Match[str]) -> bool:
    """Whether the day named repeats: "Tuesdays", "every Tuesday", "on Tuesday", "Tuesday
    and Friday"; not "the Monday huddle"."""
    if match[2]:
        return True
    before = text[: match.start()].rstrip()
    return bool(re.search(r"\b(?:every|each|on|and|or|other|second|alternate)$", before)) or (
        before.endswith(",")
    )


def parse_cadence(text: str) -> Cadence | None:
    """The repeat that everyday words describe, or None when they describe none a calendar
    can hold ("every school half-term", "when needed")."""
    text = " ".join(text.casefold().replace("’", "'").split())
    if not text or _RE_UNSUPPORTED.search(text):
        return None
    frequency = _frequency(text)
    if match := _RE_ORDINAL.search(text):
        # "First Saturday of each month", "monthly, on the second Friday"; but "every
        # Saturday; beginners on the second Saturday" repeats weekly.
        monthly = frequency is not None and frequency.repeat is Repeat.MONTHLY
        if match[3] or monthly:
            every = (
                3 if match[3] == "quarter" else (frequency.every if monthly and frequency else 1)
            )
            return Cadence(Repeat.MONTHLY, every, (_DAY_NAMES[match[2]],), _ORDINALS[match[1]])
    days = _days(text)
    if frequency is not None and frequency.repeat is Repeat.DAILY and days == _WORKING_DAYS:
        return Cadence(Repeat.WEEKLY, 1, days)  # "daily on weekdays"
    if frequency is not None and frequency.repeat is not Repeat.WEEKLY:
        return frequency  # "every day, Saturdays included", "monthly, at the Monday huddle"
    if days:
        return Cadence(Repeat.WEEKLY, frequency.every if frequency else 1, days)
    if _RE_SEVERAL_A_WEEK.search(text):
        return None  # twice a week, but on which days? Only the structured fields can say.
    return frequency


def activity_cadence(activity: Activity) -> Cadence | None:
    """The activity's repeat: its structured fields when set, else its cadence text read."""
    if activity.repeat is not None:
        days = tuple(day for day in Weekday if day in activity.repeat_on)
        return Cadence(activity.repeat, activity.repeat_every or 1, days)
    return parse_cadence(activity.cadence)
