"""The four A's over time: figures read from a measure, its readings, and how it is doing.

Each measure has a unit, a direction (higher or lower is better), a dated baseline and a
dated target. When the structured figures are empty, the numbers and dates are read from
the measure's text ("About 40 a day", "90 a day by September"), as the version 1 files
wrote them; :mod:`workbook.migrations` uses the same readers to fill the new fields.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from workbook.model import Direction

if TYPE_CHECKING:
    from workbook.model import Plan, Reading, RelationshipMeasure

# ---------------------------------------------------------------- reading numbers and dates

_WORD_NUMBERS = {
    "none": 0,
    "nothing": 0,
    "zero": 0,
    "no": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
}
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH_WORDS = "|".join(sorted(_MONTHS, key=len, reverse=True))
_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
_RATIO = re.compile(rf"({_NUMBER})\s+(?:in|out of)\s+({_NUMBER})\b", re.IGNORECASE)
_FIGURE = re.compile(
    rf"(?P<currency>[£$€])?\s*(?P<number>{_NUMBER})(?P<percent>\s*%)?", re.IGNORECASE
)
_NOT_YET = re.compile(r"^\W*(?:none|nothing|not started|zero|no one|nobody)\b", re.IGNORECASE)
_WORD_FIGURE = re.compile(r"\b(" + "|".join(_WORD_NUMBERS) + r")\b", re.IGNORECASE)
_UNIT_STOP = re.compile(
    r"^(?:by|in|within|before|after|and|or|from|to|per|than|until|at|on|of|since|so)$",
    re.IGNORECASE,
)
_DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DATE_DAY_MONTH = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_WORDS})\.?(?:\s+(\d{{4}}))?\b", re.IGNORECASE
)
_DATE_MONTH_DAY = re.compile(
    rf"\b({_MONTH_WORDS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b", re.IGNORECASE
)
_DATE_MONTH = re.compile(rf"\b({_MONTH_WORDS})\b\.?(?:\s+(\d{{4}}))?", re.IGNORECASE)
_DATE_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b")
_DATE_QUARTER = re.compile(r"\bq([1-4])(?:\s+(\d{4}))?\b", re.IGNORECASE)
_DATE_END_OF_YEAR = re.compile(r"\bend of (?:the )?year\b", re.IGNORECASE)
_DATE_WITHIN = re.compile(
    r"\b(?:within|in)\s+(\d+|one|two|three|four|six|nine|twelve)\s+(day|week|month|year)s?\b",
    re.IGNORECASE,
)
_DATE_NEXT_YEAR = re.compile(r"\bnext year\b", re.IGNORECASE)


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _figure_match(text: str) -> tuple[float, int, str] | None:
    """(value, end of the figure in ``text``, unit prefix such as "%" or "£")."""
    ratio = _RATIO.search(text)
    figure = _FIGURE.search(text)
    if ratio and (figure is None or ratio.start() <= figure.start("number")):
        whole = _number(ratio.group(2))
        if whole:
            return round(100 * _number(ratio.group(1)) / whole, 1), ratio.end(), "%"
    if figure is not None:
        # A year or a day of a date is not the figure ("by 31 January 2027").
        rest = text[figure.end() :]
        if not re.match(rf"\s*(?:st|nd|rd|th)?\s*(?:{_MONTH_WORDS})\b", rest, re.IGNORECASE):
            unit = "%" if figure.group("percent") else (figure.group("currency") or "")
            return _number(figure.group("number")), figure.end(), unit
    return None


def parse_number(text: str) -> float | None:
    """The first figure in a measure's text: "About 40 a day" -> 40, "60%" -> 60,
    "1 in 5" -> 20 (per cent), "None yet" -> 0; None when there is none."""
    if _NOT_YET.search(text):
        return 0.0
    found = _figure_match(text)
    if found is not None:
        return found[0]
    word = _WORD_FIGURE.search(text)
    if word is not None and word.group(1).lower() not in ("no",):
        return float(_WORD_NUMBERS[word.group(1).lower()])
    return None


def parse_unit(text: str) -> str:
    """What the first figure counts: "90 a day by September" -> "a day", "60%" -> "%",
    "£40 a month" -> "£ a month"."""
    found = _figure_match(text)
    if found is None:
        return ""
    _value, end, prefix = found
    if prefix == "%":
        return prefix
    words = []
    for word in re.split(r"\s+", text[end:].strip()):
        clean = word.strip(".,;:()")
        if not clean or _UNIT_STOP.match(clean) or clean.lower() in _MONTHS:
            break
        words.append(clean)
        if word != clean or len(words) == 4:  # punctuation ends the unit
            break
    return " ".join([prefix, *words] if prefix else words)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _year_for(month: int, reference: date | None, explicit: str | None, ahead: bool) -> int | None:
    if explicit:
        return int(explicit)
    if reference is None:
        return None
    if ahead:
        return reference.year if month >= reference.month else reference.year + 1
    return reference.year if month <= reference.month else reference.year - 1


def parse_date(text: str, reference: date | None = None, *, ahead: bool = True) -> date | None:
    """The date a measure's text names: "by 31 January 2027", "by July 2026" (the end of
    the month), "by September" (the next September after ``reference``, or the last one
    before it when not ``ahead``, as for a baseline), "Q3 2026", "end of the year",
    "within six months"; None when it names none it can place."""
    try:
        if match := _DATE_ISO.search(text):
            return date(int(match[1]), int(match[2]), int(match[3]))
        if match := _DATE_DAY_MONTH.search(text):
            month = _MONTHS[match[2].lower()]
            year = _year_for(month, reference, match[3], ahead)
            return None if year is None else date(year, month, int(match[1]))
        if match := _DATE_MONTH_DAY.search(text):
            month = _MONTHS[match[1].lower()]
            year = _year_for(month, reference, match[3], ahead)
            return None if year is None else date(year, month, int(match[2]))
        if match := _DATE_NUMERIC.search(text):
            year = int(match[3]) + (2000 if len(match[3]) == 2 else 0)
            return date(year, int(match[2]), int(match[1]))  # day first, as in Britain
        if match := _DATE_QUARTER.search(text):
            month = int(match[1]) * 3
            year = _year_for(month, reference, match[2], ahead)
            return None if year is None else _month_end(year, month)
        if match := _DATE_MONTH.search(text):
            month = _MONTHS[match[1].lower()]
            if match[1].lower() == "may" and not match[2]:
                return None  # "may" is more often a verb than a month
            year = _year_for(month, reference, match[2], ahead)
            return None if year is None else _month_end(year, month)
    except ValueError:
        return None  # "31 February": no such day
    if reference is None:
        return None
    if _DATE_END_OF_YEAR.search(text):
        return date(reference.year, 12, 31)
    if _DATE_NEXT_YEAR.search(text):
        return date(reference.year + 1, 12, 31)
    if match := _DATE_WITHIN.search(text):
        count = _WORD_NUMBERS.get(match[1].lower()) or int(match[1])
        unit = match[2].lower()
        if unit == "day":
            return reference + timedelta(days=count)
        if unit == "week":
            return reference + timedelta(weeks=count)
        return _add_months(reference, count * (12 if unit == "year" else 1))
    return None


# ---------------------------------------------------------------- a measure's figures


@dataclass(frozen=True, slots=True)
class Point:
    """A dated figure."""

    on: date | None
    value: float


@dataclass(frozen=True, slots=True)
class MeasureFigures:
    """A measure's unit, direction, baseline and target, from its fields or its text."""

    unit: str
    direction: Direction
    baseline: Point | None
    target: Point | None


def measure_figures(measure: RelationshipMeasure, plan_date: date | None = None) -> MeasureFigures:
    """The structured figures where filled, else what the baseline and target text say."""
    baseline_value = measure.baseline_value
    if baseline_value is None:
        baseline_value = parse_number(measure.baseline)
    baseline_on = (
        measure.baseline_on or parse_date(measure.baseline, plan_date, ahead=False) or plan_date
    )
    target_value = measure.target_value
    if target_value is None:
        target_value = parse_number(measure.target)
    target_on = measure.target_on or parse_date(measure.target, plan_date)
    unit = measure.unit.strip() or parse_unit(measure.target) or parse_unit(measure.baseline)
    return MeasureFigures(
        unit=unit,
        direction=measure.direction,
        baseline=None if baseline_value is None else Point(baseline_on, baseline_value),
        target=None if target_value is None else Point(target_on, target_value),
    )


# ---------------------------------------------------------------- status


class MeasureStatus(StrEnum):
    NOT_STARTED = "not_started"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    ACHIEVED = "achieved"
    NO_TARGET = "no_target"

    @property
    def label(self) -> str:
        return {
            "not_started": "Not started",
            "on_track": "On track",
            "behind": "Behind",
            "achieved": "Achieved",
            "no_target": "No target figure",
        }[self.value]


@dataclass(frozen=True, slots=True)
class MeasureProgress:
    """Where one measure stands: its readings, the latest against the target, a status."""

    measure_id: str
    figures: MeasureFigures
    readings: tuple[Point, ...]
    """Dated readings with a figure, oldest first."""
    status: MeasureStatus
    expected: float | None
    """Where a straight line from the baseline to the target stands at the latest reading."""

    @property
    def latest(self) -> Point | None:
        return self.readings[-1] if self.readings else None

    @property
    def share_done(self) -> float | None:
        """How far from the baseline to the target the latest reading has come (0 to 1,
        beyond 1 when the target is passed); None without a baseline, target or reading."""
        baseline, target, latest = self.figures.baseline, self.figures.target, self.latest
        if baseline is None or target is None or latest is None:
            return None
        span = target.value - baseline.value
        if span == 0:
            return 1.0 if self._better_or_equal(latest.value, target.value) else 0.0
        return (latest.value - baseline.value) / span

    def _better_or_equal(self, value: float, than: float) -> bool:
        return value >= than if self.figures.direction is Direction.UP else value <= than


def readings_of(plan: Plan, measure_id: str) -> list[Reading]:
    """The measure's readings that have a date and a figure, oldest first."""
    found = [
        r
        for r in plan.engagement.readings
        if r.measure == measure_id and r.taken_on is not None and r.value is not None
    ]
    return sorted(found, key=lambda r: r.taken_on)  # type: ignore[arg-type, return-value]


def _expected(figures: MeasureFigures, start: Point, on: date | None) -> float:
    """The straight line from ``start`` to the target, at ``on``."""
    target = figures.target
    assert target is not None
    if on is None or start.on is None or target.on is None or target.on <= start.on:
        return start.value
    if on <= start.on:
        return start.value
    if on >= target.on:
        return target.value
    share = (on - start.on).days / (target.on - start.on).days
    return start.value + share * (target.value - start.value)


def status_of(
    figures: MeasureFigures, readings: tuple[Point, ...]
) -> tuple[MeasureStatus, float | None]:
    """The status of a measure with these readings (oldest first), and the figure a straight
    line from the baseline to the target expects at the latest reading."""
    if figures.target is None:
        return MeasureStatus.NO_TARGET, None
    if not readings:
        return MeasureStatus.NOT_STARTED, None
    up = figures.direction is Direction.UP
    latest = readings[-1]
    target = figures.target.value
    if (latest.value >= target) if up else (latest.value <= target):
        return MeasureStatus.ACHIEVED, target
    start = figures.baseline or readings[0]
    expected = _expected(figures, start, latest.on)
    has_line = start.on is not None and figures.target.on is not None
    if has_line and latest.on is not None:
        ahead = latest.value >= expected if up else latest.value <= expected
    else:
        # No dates to draw the line: moving the right way from the start is on track.
        ahead = latest.value > start.value if up else latest.value < start.value
    return (MeasureStatus.ON_TRACK if ahead else MeasureStatus.BEHIND), expected


def measure_progress(plan: Plan, measure: RelationshipMeasure) -> MeasureProgress:
    figures = measure_figures(measure, plan.details.plan_date)
    points = tuple(Point(r.taken_on, r.value) for r in readings_of(plan, measure.id))  # type: ignore[arg-type]
    status, expected = status_of(figures, points)
    return MeasureProgress(measure.id, figures, points, status, expected)


def all_progress(plan: Plan) -> list[MeasureProgress]:
    """Every measure's progress, in the order of the measures."""
    return [measure_progress(plan, m) for m in plan.engagement.measures]


def orphan_readings(plan: Plan) -> list[Reading]:
    """Readings whose measure is no longer in the plan (it was deleted)."""
    known = {m.id for m in plan.engagement.measures}
    return [r for r in plan.engagement.readings if r.measure and r.measure not in known]


# ---------------------------------------------------------------- spending against the plan


@dataclass(frozen=True, slots=True)
class PeriodSpending:
    """One period's hours and money spent, against what the activities plan for it."""

    period_id: str
    start: date
    end: date
    months: float
    hours: float | None
    money: float | None
    planned_hours: float
    planned_money: float

    @property
    def hours_over(self) -> float | None:
        """Hours spent beyond the plan (negative: under it)."""
        return None if self.hours is None else self.hours - self.planned_hours

    @property
    def money_over(self) -> float | None:
        return None if self.money is None else self.money - self.planned_money


def months_between(start: date, end: date) -> float:
    """The length of ``start`` to ``end`` (both days included) in months: whole calendar
    months count as whole, other spans by their days."""
    if start.day == 1 and end == _month_end(end.year, end.month) and end >= start:
        return float((end.year - start.year) * 12 + end.month - start.month + 1)
    return max(0.0, ((end - start).days + 1) / (365.2425 / 12))


def spending_report(plan: Plan) -> list[PeriodSpending]:
    """Each recorded period with both dates, oldest first, against the activities' monthly
    hours and money (:func:`workbook.costs.cost_report`) over the same months. The costs
    outside the activities are text in the plan, so they are not in the planned figures."""
    from workbook.costs import cost_report

    totals = cost_report(plan).total
    out = []
    periods = [
        p
        for p in plan.engagement.spending
        if p.period_start is not None and p.period_end is not None
    ]
    for period in sorted(periods, key=lambda p: p.period_start):  # type: ignore[arg-type, return-value]
        assert period.period_start is not None and period.period_end is not None
        months = months_between(period.period_start, period.period_end)
        out.append(
            PeriodSpending(
                period.id,
                period.period_start,
                period.period_end,
                months,
                period.hours,
                period.money,
                round(totals.hours * months, 2),
                round(totals.money * months, 2),
            )
        )
    return out
