"""The action plan as a calendar (iCalendar, RFC 5545), built with ``icalendar``.

One all-day event per dated item of :func:`workbook.action_plan.action_plan`. A cadence
becomes a recurrence rule. Each event's UID is the plan's id and the item's key, so the
same plan exported again names its events the same: importing the new file updates the
events instead of adding them twice.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from workbook.action_plan import ItemKind, PlanItem, action_plan
from workbook.cadence import Cadence
from workbook.model import Plan

PRODUCT_ID = "-//Social Media Value Workbook//Action plan//EN"
UID_DOMAIN = "social-media-value-workbook"


def event_uid(plan: Plan, item: PlanItem) -> str:
    """The event's UID: the same for the same item of the same plan, export after export."""
    return f"{plan.id}-{item.key}@{UID_DOMAIN}"


def first_occurrence(start: date, cadence: Cadence | None) -> date:
    """The first day on or after ``start`` that the repeat falls on (a weekly repeat on
    Tuesdays that starts on a Monday first happens the next day)."""
    rule = cadence.rrule() if cadence is not None else {}
    if "BYDAY" not in rule:
        return start
    from dateutil.rrule import rrulestr

    text = ";".join(
        f"{key}={','.join(map(str, value)) if isinstance(value, list) else value}"
        for key, value in rule.items()
    )
    dtstart = datetime(start.year, start.month, start.day)
    found = rrulestr(text, dtstart=dtstart).after(dtstart, inc=True)
    return found.date() if found is not None else start


def _description(plan: Plan, item: PlanItem) -> str:
    lines = []
    if item.owner:
        lines.append(f"Owner: {item.owner}")
    if item.repeats:
        lines.append(f"Repeats: {item.repeats}")
    if item.detail:
        lines.append(item.detail)
    source = plan.details.title.strip() or plan.details.organisation.strip()
    if source:
        lines.append(f"From the plan “{source}”.")
    return "\n".join(lines)


def _summary(item: PlanItem) -> str:
    if item.kind is ItemKind.ACTION and item.done:
        return f"Done: {item.title}"
    return item.title


def plan_calendar(plan: Plan, *, now: datetime | None = None):  # -> icalendar.Calendar
    """The calendar of ``plan``'s dated items. ``now`` is the events' time stamp (DTSTAMP),
    the only thing that changes from one export of the same plan to the next."""
    from icalendar import Calendar, Event, vRecur

    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    name = plan.details.organisation.strip() or plan.details.title.strip() or "Social media"
    calendar.add("x-wr-calname", f"{name}: action plan")
    for item in action_plan(plan):
        if item.on is None:
            continue
        start = first_occurrence(item.on, item.cadence)
        event = Event()
        event.add("uid", event_uid(plan, item))
        event.add("dtstamp", stamp)
        event.add("summary", _summary(item))
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(days=1))
        if item.cadence is not None:
            event.add("rrule", vRecur(item.cadence.rrule()))
        description = _description(plan, item)
        if description:
            event.add("description", description)
        event.add("categories", [item.kind.label])
        event.add("transp", "TRANSPARENT")  # a reminder for the day, not a busy slot
        calendar.add_component(event)
    return calendar


def calendar_bytes(plan: Plan, *, now: datetime | None = None) -> bytes:
    """The ``.ics`` file's bytes (UTF-8, CRLF line ends, long lines folded)."""
    return plan_calendar(plan, now=now).to_ical()


def write_calendar(plan: Plan, target: Path, *, now: datetime | None = None) -> int:
    """Write the calendar to ``target`` atomically; returns how many events it holds."""
    from workbook.storage import write_atomic

    calendar = plan_calendar(plan, now=now)
    write_atomic(target, calendar.to_ical())
    return len(calendar.walk("VEVENT"))
