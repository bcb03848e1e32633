"""Tests for the bundled worked examples: complete, rich, well-formed, and the lookups over them."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import BaseModel

from tests.core.test_guidance import copied_runs
from workbook.completeness import assess
from workbook.examples import (
    example_text,
    example_value,
    list_examples,
    load_example,
    nearest_example,
    rank_examples,
)
from workbook.insights import normalise_tag, sentiment_counts, theme_counts
from workbook.model import (
    BOOKKEEPING_FIELDS,
    PROVENANCE_FIELDS,
    ChannelStatus,
    FourA,
    ListeningPlaceKind,
    Plan,
    Sentiment,
    SevenP,
    SituationType,
)
from workbook.resources import resource_path
from workbook.stages import Stage

NAMES = [info.name for info in list_examples()]


ONLY_WHERE_IT_APPLIES = frozenset({"repeat", "repeat_every", "repeat_on"})
"""An activity's calendar repeat: empty where its cadence is no calendar rule ("every
school half-term"), every one and weekdays only where they say something."""


def leaves(node: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    """Every leaf value of a plan with its path (rows named by position); the history of
    snapshots is bookkeeping, not an answer."""
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            # Links to listening are made by inserting a suggestion: not every entry has one.
            if name not in (*BOOKKEEPING_FIELDS, *PROVENANCE_FIELDS):
                yield from leaves(getattr(node, name), path + (name,))
    elif isinstance(node, list) and node and isinstance(node[0], BaseModel):
        for index, row in enumerate(node):
            yield from leaves(row, path + (str(index),))
    else:
        yield path, node


def texts_of(plan: Plan) -> list[str]:
    found: list[str] = []
    for _, value in leaves(plan):
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, list):
            found += [v for v in value if isinstance(v, str)]
    return found


@pytest.fixture(params=NAMES)
def example(request) -> Plan:
    return load_example(request.param)


# ---------------------------------------------------------------- the catalogue


def test_there_are_examples_from_nine_trades_sorted_by_name():
    assert NAMES == sorted(NAMES)
    assert set(NAMES) == {
        "accountant",
        "bakery",
        "bike_shop",
        "charity",
        "dental",
        "florist",
        "hair_salon",
        "physio",
        "plumber",
    }


def test_example_info_describes_each_example():
    for info in list_examples():
        plan = load_example(info.name)
        assert info.title == plan.details.title and info.title
        assert info.organisation == plan.details.organisation and info.organisation
        assert f"{len(plan.listening.notes)} listening notes" in info.description
        assert "\n" not in info.description


@pytest.mark.parametrize("name", NAMES)
def test_an_example_holds_no_plan_id_so_each_session_gives_its_plans_their_own(name):
    text = resource_path("examples", f"{name}.json").read_text(encoding="utf-8")
    assert "id" not in json.loads(text)
    # What two runs of the app read: two plans that do not share calendar entries.
    assert Plan.model_validate_json(text).id != Plan.model_validate_json(text).id


def test_load_example_returns_independent_copies():
    first = load_example("bakery")
    first.details.title = "Changed"
    first.listening.notes.clear()
    second = load_example("bakery")
    assert second.details.title != "Changed"
    assert len(second.listening.notes) >= 30
    assert second is not load_example("bakery")


def test_unknown_example_raises_key_error_naming_the_examples():
    with pytest.raises(KeyError) as raised:
        load_example("no-such-example")
    message = str(raised.value)
    assert "no-such-example" in message
    for name in NAMES:
        assert name in message


# ---------------------------------------------------------------- each example in full


def test_example_is_complete_in_every_stage(example):
    status = assess(example)
    assert status.percent == 100, [gap.label for gap in status.gaps]
    for stage in Stage:
        assert status[stage].percent == 100
    assert status.ready_to_engage


def test_every_field_of_the_model_is_filled(example):
    empty = [
        ".".join(path)
        for path, value in leaves(example)
        if path[-1] not in ONLY_WHERE_IT_APPLIES
        and (
            value is None
            or (isinstance(value, str | list) and not value)
            or (isinstance(value, str) and not value.strip())
        )
    ]
    assert empty == []


def test_no_unknown_keys_slipped_in(example):
    def extras(node: Any) -> Iterator[str]:
        if isinstance(node, BaseModel):
            yield from (node.model_extra or {})
            for name in type(node).model_fields:
                yield from extras(getattr(node, name))
        elif isinstance(node, list):
            for item in node:
                yield from extras(item)

    assert list(extras(example)) == []


def test_listening_notes_are_many_varied_and_well_tagged(example):
    notes = example.listening.notes
    assert len(notes) >= 30
    months = {(n.noted_on.year, n.noted_on.month) for n in notes}
    assert len(months) >= 3
    assert len({n.source for n in notes}) >= 5
    assert all(1 <= len(n.tags) <= 3 for n in notes)
    themes = theme_counts(notes)
    assert 6 <= len(themes) <= 10, [t.name for t in themes]
    # One spelling per theme, so the chart's bars are not split.
    spellings = {tag for n in notes for tag in n.tags}
    assert len(spellings) == len({normalise_tag(t) for t in spellings})
    moods = sentiment_counts(notes)
    assert all(moods[s] >= 3 for s in Sentiment)
    assert moods[None] == 0


def test_presence_people_and_places_are_realistic(example):
    management = example.management
    assert 4 <= len(management.presence) <= 8
    statuses = {c.status for c in management.presence}
    assert ChannelStatus.TO_RETIRE in statuses and ChannelStatus.ACTIVE in statuses
    assert len(statuses) >= 3
    assert 3 <= len(management.people) <= 5
    assert sum(p.accountable for p in management.people) == 1
    assert any(p.can_publish for p in management.people)
    assert not all(p.can_publish for p in management.people)
    assert {p.kind for p in example.listening.places} == set(ListeningPlaceKind)


def test_seven_ps_are_all_decided_and_communicated(example):
    for p in SevenP:
        decision = example.planning.seven_ps.get(p)
        assert decision.decision.strip() and decision.owner.strip()
        assert decision.communicated
        assert decision.communicated_on is not None
        assert decision.communicated_on >= example.details.plan_date


def test_engagement_covers_every_situation_and_every_a(example):
    engagement = example.engagement
    assert {e.situation for e in engagement.playbook} == set(SituationType)
    assert {m.dimension for m in engagement.measures} == set(FourA)
    assert len(engagement.activities) >= 5
    assert example.details.plan_date.year == 2026
    assert engagement.review.next_review > example.details.plan_date


def test_no_example_holds_a_password(example):
    for text in texts_of(example):
        assert not re.search(r"password\s*(:|=|is\b)", text, re.IGNORECASE), text


def test_rows_have_stable_twelve_hex_ids(example):
    ids = [
        row.id
        for part in (
            example.management.presence,
            example.management.people,
            example.listening.places,
            example.listening.notes,
            example.engagement.playbook,
            example.engagement.activities,
            example.engagement.measures,
        )
        for row in part
    ]
    assert all(re.fullmatch(r"[0-9a-f]{12}", row_id) for row_id in ids)
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize("name", NAMES)
def test_example_file_is_in_canonical_form(name):
    path = resource_path("examples", f"{name}.json")
    text = path.read_text(encoding="utf-8")
    plan = Plan.model_validate_json(text)
    dumped = plan.model_dump(mode="json", exclude={"id"})  # the plan id is each plan's own
    canonical = json.dumps(dumped, indent=2, ensure_ascii=False) + "\n"
    assert text == canonical


def test_no_example_copies_a_seed_sentence(example):
    assert copied_runs(texts_of(example)) == []


# ---------------------------------------------------------------- example_text


def test_example_text_for_a_plain_field_comes_from_the_first_example():
    first = load_example(NAMES[0])
    assert example_text(("details", "title")) == first.details.title
    assert example_text(("listening", "learnings", "unlearn")) == first.listening.learnings.unlearn


def test_example_text_ignores_the_users_row_id():
    first = load_example(NAMES[0])
    text = example_text(("listening", "notes", "0123456789ab", "said"))
    assert text == first.listening.notes[0].said
    assert example_text(("listening", "notes", "said")) == text


def test_example_text_prefers_a_row_of_the_same_kind_when_given_the_plan():
    plan = Plan()
    complaint = next(r for r in plan.engagement.playbook if r.situation is SituationType.COMPLAINT)
    text = example_text(("engagement", "playbook", complaint.id, "example_reply"), plan)
    first = load_example(NAMES[0])
    expected = next(
        r.example_reply for r in first.engagement.playbook if r.situation is SituationType.COMPLAINT
    )
    assert text == expected
    # Without the plan the kind is unknown, so the first filled row answers.
    assert example_text(("engagement", "playbook", complaint.id, "example_reply")) == (
        first.engagement.playbook[0].example_reply
    )


@pytest.mark.parametrize("p", list(SevenP))
def test_example_text_for_a_p_uses_that_p(p):
    first = load_example(NAMES[0])
    text = example_text(("planning", "seven_ps", p.value, "decision"))
    assert text == first.planning.seven_ps.get(p).decision
    assert example_text(("planning", "seven_ps", p.value, "owner")) == (
        first.planning.seven_ps.get(p).owner
    )


@pytest.mark.parametrize(
    "path",
    [
        ("details", "plan_date"),
        ("management", "resources", "hours_per_week"),
        ("management", "people", "0123456789ab", "can_publish"),
        ("listening", "notes", "0123456789ab", "tags"),
        ("listening", "notes", "0123456789ab", "sentiment"),
        ("planning", "seven_ps", "purpose", "communicated"),
        ("details", "no_such_field"),
        ("planning", "seven_ps", "no_such_p", "decision"),
        ("listening", "notes"),
        (),
    ],
)
def test_example_text_is_none_for_non_text_or_unknown_fields(path):
    assert example_text(path) is None


# ---------------------------------------------------------------- listening carried into the plan


def test_some_entries_remember_the_notes_they_came_from(example):
    from workbook.suggestions import linked_entries

    note_ids = {note.id for note in example.listening.notes}
    links = linked_entries(example)
    assert links
    for _path, link in links:
        assert link.themes and set(link.notes) <= note_ids


def test_every_activity_says_what_it_costs_and_builds(example):
    for activity in example.engagement.activities:
        assert activity.hours_per_month is not None and activity.money_per_month is not None
        assert activity.moves is not None and activity.answers.strip()
    moved = {a.moves for a in example.engagement.activities}
    assert len(moved) >= 3


def test_listening_comes_before_speaking(example):
    last_note = max(n.noted_on for n in example.listening.notes)
    shared = max(example.planning.seven_ps.get(p).communicated_on for p in SevenP)
    assert last_note <= example.details.plan_date <= shared
    assert all(a.start_date >= shared for a in example.engagement.activities)


# ---------------------------------------------------------------- the example nearest a trade


@pytest.mark.parametrize(
    ("industry", "name"),
    [
        ("Plumbing and heating engineer", "plumber"),
        ("Gas boiler servicing", "plumber"),
        ("Hairdresser and barber", "hair_salon"),
        ("Beauty and nail salon", "hair_salon"),
        ("Artisan bakery", "bakery"),
        ("Café and deli", "bakery"),
        ("Gastropub", "bakery"),
        ("Sports physiotherapy clinic", "physio"),
        ("Bicycle repairs", "bike_shop"),
        ("Bookkeeping and payroll", "accountant"),
        ("Dentist", "dental"),
        ("Wedding florist", "florist"),
        ("Community food bank", "charity"),
        ("Village hall trust", "charity"),
    ],
)
def test_nearest_example_by_trade_words(industry, name):
    assert nearest_example(industry) == name


def test_nearest_example_for_an_unknown_trade_is_the_default():
    assert nearest_example("") == "bakery"
    assert nearest_example("Quantum widgets") == "bakery"
    ranked = rank_examples("Quantum widgets")
    assert sorted(name for name, _ in ranked) == NAMES
    assert all(score == 0 for _, score in ranked)


def test_example_value_reads_one_chosen_example():
    plan = load_example("physio")
    assert example_value("physio", ("planning", "intent")) == plan.planning.intent
    assert example_value("physio", ("listening", "notes", "0123456789ab", "said")) == (
        plan.listening.notes[0].said
    )
    assert example_value("physio", ("details", "plan_date")) is None
    with pytest.raises(KeyError):
        example_value("no-such-example", ("planning", "intent"))


@pytest.mark.parametrize("a", list(FourA))
def test_example_value_gives_the_baseline_and_target_of_the_same_a(a):
    plan = Plan()
    row = next(m for m in plan.engagement.measures if m.dimension is a)
    source = next(m for m in load_example("plumber").engagement.measures if m.dimension is a)
    for column in ("baseline", "target"):
        path = ("engagement", "measures", row.id, column)
        assert example_value("plumber", path, plan) == getattr(source, column)


# ---------------------------------------------------------------- the review cycle


def test_every_measure_has_figures_and_three_dated_readings_that_follow_them(example):
    from workbook.measures import parse_number, readings_of

    plan_date = example.details.plan_date
    review = example.engagement.review.next_review
    for measure in example.engagement.measures:
        assert measure.unit.strip() and measure.baseline_value is not None
        assert measure.target_value is not None and measure.target_on is not None
        assert plan_date < measure.target_on
        # The text and the figures say the same: the target's number is in its words.
        assert parse_number(measure.target) == pytest.approx(measure.target_value)
        readings = readings_of(example, measure.id)
        assert len(readings) >= 3, measure.indicator
        days = [r.taken_on for r in readings]
        assert len(set(days)) == len(days)
        assert measure.baseline_on < days[0] and plan_date < days[0] and days[-1] <= review
        assert all(r.note.strip() and r.value >= 0 for r in readings)
    measured = {m.id for m in example.engagement.measures}
    assert {r.measure for r in example.engagement.readings} == measured


def test_the_examples_show_every_status_between_them():
    from workbook.measures import MeasureStatus, all_progress

    statuses = {p.status for name in NAMES for p in all_progress(load_example(name))}
    assert {MeasureStatus.ON_TRACK, MeasureStatus.BEHIND, MeasureStatus.ACHIEVED} <= statuses


def test_agreed_actions_and_spending_are_dated_owned_and_before_the_review(example):
    from workbook.facts import people_names

    names = people_names(example)
    actions = example.engagement.actions
    assert len(actions) >= 3
    assert any(a.done for a in actions) and not all(a.done for a in actions)
    for action in actions:
        assert action.who in names, action.who
        assert example.details.plan_date < action.due <= example.engagement.review.next_review
    periods = example.engagement.spending
    assert len(periods) >= 2
    for period in periods:
        assert period.period_start < period.period_end <= example.engagement.review.next_review


def test_each_structured_cadence_is_what_its_words_say(example):
    from workbook.cadence import activity_cadence, parse_cadence

    structured = 0
    for activity in example.engagement.activities:
        if activity.repeat is None:
            continue
        structured += 1
        # Where the words name a calendar rule, the fields hold the same; where they do not
        # ("twice a week"), the fields say what the words cannot (on which days).
        words = parse_cadence(activity.cadence)
        if words is not None:
            assert activity_cadence(activity) == words, activity.cadence
    assert structured >= 3
