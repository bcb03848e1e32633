"""The action plan as an iCalendar file: read back with icalendar and with vobject (a second,
independent parser), stable UIDs across exports, and the recurrence rules right."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from icalendar import Calendar

from tests.core.test_action_plan import small_plan
from workbook.cadence import Cadence
from workbook.calendar_export import calendar_bytes, first_occurrence, write_calendar
from workbook.examples import list_examples, load_example
from workbook.model import Repeat, Weekday

STAMP = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


def events(data: bytes) -> dict[str, object]:
    calendar = Calendar.from_ical(data)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_one_event_per_dated_item_with_stable_names():
    plan = small_plan()
    found = events(calendar_bytes(plan, now=STAMP))
    assert set(found) == {
        f"plan1-{key}@social-media-value-workbook"
        for key in ("x1", "a1", "share-places", "a3", "a2", "review")
    }  # the undated action is not in the calendar
    noon = found["plan1-a1@social-media-value-workbook"]
    assert str(noon["SUMMARY"]) == "Noon update"
    assert noon.decoded("DTSTART") == date(2026, 3, 23)
    assert noon.decoded("DTEND") == date(2026, 3, 24)
    assert "Owner: Priya Shah" in str(noon["DESCRIPTION"])
    assert str(found["plan1-x1@social-media-value-workbook"]["SUMMARY"]).startswith("Done: ")
    assert "RRULE" not in found["plan1-a2@social-media-value-workbook"]  # half-terms


def test_uids_are_the_same_across_two_exports_and_follow_edits():
    plan = small_plan()
    first = events(calendar_bytes(plan, now=STAMP))
    plan.engagement.activities[0].activity = "Noon update, renamed"
    plan.engagement.activities[0].start_date = date(2026, 4, 1)
    second = events(calendar_bytes(plan, now=datetime(2026, 4, 1, tzinfo=UTC)))
    assert set(first) == set(second)
    renamed = second["plan1-a1@social-media-value-workbook"]
    assert str(renamed["SUMMARY"]) == "Noon update, renamed"
    other = small_plan()
    other.id = "plan2"
    assert not set(events(calendar_bytes(other, now=STAMP))) & set(first)


def test_the_same_plan_gives_the_same_file_but_for_the_time_stamp():
    plan = load_example("bakery")
    assert calendar_bytes(plan, now=STAMP) == calendar_bytes(plan, now=STAMP)


def rules(plan) -> dict[str, dict[str, list]]:
    return {
        uid: dict(event["RRULE"])
        for uid, event in events(calendar_bytes(plan, now=STAMP)).items()
        if "RRULE" in event
    }


def test_cadences_become_the_right_recurrence_rules():
    plan = small_plan()
    found = {uid.split("-", 1)[1].split("@")[0]: rule for uid, rule in rules(plan).items()}
    assert found == {
        "a1": {"FREQ": ["DAILY"]},
        "a3": {"FREQ": ["MONTHLY"], "INTERVAL": [3]},
        "review": {"FREQ": ["MONTHLY"], "INTERVAL": [3]},
    }
    activity = plan.engagement.activities[0]
    activity.repeat, activity.repeat_every = Repeat.WEEKLY, 2
    activity.repeat_on = [Weekday.TUESDAY, Weekday.FRIDAY]
    rule = rules(plan)["plan1-a1@social-media-value-workbook"]
    assert rule == {"FREQ": ["WEEKLY"], "INTERVAL": [2], "BYDAY": ["TU", "FR"]}
    start = events(calendar_bytes(plan, now=STAMP))["plan1-a1@social-media-value-workbook"]
    assert start.decoded("DTSTART") == date(2026, 3, 24)  # the first Tuesday from the 23rd
    vobject = pytest.importorskip("vobject")
    parsed = vobject.readOne(calendar_bytes(plan, now=STAMP).decode("utf-8"))
    (event,) = [e for e in parsed.vevent_list if e.uid.value.startswith("plan1-a1@")]
    days = [d.date() for d in list(event.getrruleset())[:5]]
    assert days == [
        date(2026, 3, 24),
        date(2026, 3, 27),
        date(2026, 4, 7),
        date(2026, 4, 10),
        date(2026, 4, 21),
    ]


def test_the_first_day_is_one_the_rule_falls_on():
    monday = date(2026, 3, 23)
    assert first_occurrence(monday, None) == monday
    assert first_occurrence(monday, Cadence(Repeat.DAILY)) == monday
    assert first_occurrence(monday, Cadence(Repeat.WEEKLY, 1, (Weekday.FRIDAY,))) == date(
        2026, 3, 27
    )
    last_friday = Cadence(Repeat.MONTHLY, 1, (Weekday.FRIDAY,), -1)
    assert first_occurrence(monday, last_friday) == date(2026, 3, 27)
    first_monday = Cadence(Repeat.MONTHLY, 1, (Weekday.MONDAY,), 1)
    assert first_occurrence(monday, first_monday) == date(2026, 4, 6)


@pytest.mark.parametrize("name", [info.name for info in list_examples()])
def test_every_example_reads_back_in_a_second_calendar_parser(name, tmp_path):
    """vobject (used by calendar programs such as khal's ancestors and Radicale) reads the
    file and expands each repeat from the rule icalendar wrote."""
    vobject = pytest.importorskip("vobject")
    plan = load_example(name)
    target = tmp_path / "plan.ics"
    count = write_calendar(plan, target, now=STAMP)
    parsed = vobject.readOne(target.read_text(encoding="utf-8"))
    found = {event.uid.value: event for event in parsed.vevent_list}
    assert len(found) == count == len(events(target.read_bytes()))
    for event in found.values():
        assert event.uid.value.startswith(f"{plan.id}-")
        if hasattr(event, "rrule"):
            start = datetime.combine(event.dtstart.value, datetime.min.time())
            rule = event.getrruleset()
            first_three = [when.date() for when in list(rule.xafter(start, count=3, inc=True))]
            assert first_three[0] == event.dtstart.value
            assert first_three == sorted(set(first_three))
