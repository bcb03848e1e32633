"""Completeness is honest: parts weigh the work they stand for, empty rows and unchanged example
text count nothing, the rules the help states are checked, and every gap is named with a path."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.core.series_plans import filled_plan, hollow_plan, partly_filled_plans
from workbook.completeness import MIN_LISTENING_NOTES, assess
from workbook.examples import example_value, list_examples, load_example
from workbook.model import (
    Activity,
    Channel,
    ListeningNote,
    ListeningPlace,
    Person,
    Plan,
    PolicyStatus,
)
from workbook.paths import get_value
from workbook.stages import Stage

# ---------------------------------------------------------------- the pinned percentages

PINNED: dict[str, tuple[int, list[int]]] = {
    "blank": (0, [0, 0, 0, 0, 0]),
    "hollow": (1, [33, 0, 0, 0, 0]),
    "filled": (100, [100, 100, 100, 100, 100]),
    "details only": (1, [33, 0, 0, 0, 0]),
    "filled, but only five notes": (95, [100, 100, 80, 100, 100]),
    "filled, notes all on one day": (97, [100, 100, 90, 100, 100]),
    "filled up to engagement": (75, [100, 100, 100, 100, 0]),
    "filled, two accountable": (99, [100, 96, 100, 100, 100]),
    "filled, one owner not on People": (99, [100, 100, 100, 98, 100]),
}
"""Overall and per-stage percent (details, management, listening, planning, engagement)."""


def pinned_cases() -> dict[str, Plan]:
    return {
        "blank": Plan(),
        "hollow": hollow_plan(),
        "filled": filled_plan(),
        **partly_filled_plans(),
    }


@pytest.mark.parametrize("name", list(PINNED))
def test_percentages_are_pinned(name: str) -> None:
    status = assess(pinned_cases()[name])
    assert (status.percent, [s.percent for s in status.stages]) == PINNED[name]


@pytest.mark.parametrize("name", [info.name for info in list_examples()])
def test_every_example_is_complete_and_ready(name: str) -> None:
    status = assess(load_example(name))
    assert status.percent == 100, [gap.label for gap in status.gaps]
    assert status.ready_to_engage, [gap.label for gap in status.readiness_gaps]


def test_blank_plan_is_zero_percent_everywhere() -> None:
    status = assess(Plan())
    assert status.percent == 0
    assert all(s.percent == 0 and s.done == 0 for s in status.stages)
    assert not status.ready_to_engage


def test_filled_plan_is_complete() -> None:
    status = assess(filled_plan())
    assert [s.percent for s in status.stages] == [100] * len(Stage)
    assert status.gaps == ()
    assert status.ready_to_engage
    assert status.summary().startswith("100% complete")


def test_every_gap_has_a_label_and_a_path_into_the_plan() -> None:
    for plan in [Plan(management={"presence": [Channel(handle="@x")]}), hollow_plan()]:
        status = assess(plan)
        assert status.gaps and status.readiness_gaps
        for gap in status.gaps + status.readiness_gaps:
            assert gap.label.strip()
            get_value(plan, gap.path)  # raises if the path does not lead anywhere


# ---------------------------------------------------------------- weights and empty rows


def test_the_notes_log_is_a_real_share_of_listening() -> None:
    plan = filled_plan()
    plan.listening.notes = []
    without = assess(plan)[Stage.LISTENING].percent
    assert without <= 60  # the old checks said 62 % with no notes at all
    plan.listening.notes = [
        ListeningNote(noted_on=n.noted_on, said=n.said) for n in filled_plan().listening.notes
    ]
    assert assess(plan)[Stage.LISTENING].percent == 100


def test_notes_count_by_what_was_said_not_by_rows() -> None:
    plan = filled_plan()
    for note in plan.listening.notes:
        note.said = "   "
    status = assess(plan)
    assert status[Stage.LISTENING].percent == 60
    assert any("(0 so far)" in gap.label for gap in status[Stage.LISTENING].gaps)


@pytest.mark.parametrize(
    ("list_path", "row"),
    [
        (("management", "presence"), Channel()),
        (("management", "people"), Person()),
        (("listening", "places"), ListeningPlace()),
        (("listening", "notes"), ListeningNote()),
        (("engagement", "activities"), Activity()),
    ],
)
@pytest.mark.parametrize("start", ["blank", "filled"])
def test_a_click_on_add_changes_nothing(list_path, row, start: str) -> None:
    plan = Plan() if start == "blank" else filled_plan()
    before = assess(plan)
    get_value(plan, list_path).append(row)
    after = assess(plan)
    assert [s.percent for s in after.stages] == [s.percent for s in before.stages]
    assert after.percent == before.percent


def test_engagement_with_two_parts_empty_is_not_nearly_done() -> None:
    plan = filled_plan()
    plan.engagement.activities = []
    for measure in plan.engagement.measures:
        measure.indicator = measure.baseline = measure.target = ""
        measure.method = measure.review_cadence = ""
    assert assess(plan)[Stage.ENGAGEMENT].percent <= 55  # the old checks said 89 %


def test_the_plan_total_weighs_the_stages() -> None:
    plan = filled_plan()
    plan.details = type(plan.details)()
    assert assess(plan).percent == 95  # the details are a twentieth of the work


# ---------------------------------------------------------------- rules the help states


def test_exactly_one_accountable_is_checked() -> None:
    plan = filled_plan()
    plan.management.people[1].accountable = True
    gaps = [gap.label for gap in assess(plan)[Stage.MANAGEMENT].gaps]
    assert gaps == ["People and permissions: exactly one person is accountable (2 are ticked)"]


def test_someone_answers_complaints_is_checked() -> None:
    plan = filled_plan()
    plan.management.people[0].can_answer_complaints = False
    gaps = [gap.label for gap in assess(plan)[Stage.MANAGEMENT].gaps]
    assert gaps == ["People and permissions: someone answers complaints"]


def test_a_p_owner_counts_fully_only_from_the_people_list() -> None:
    plan = filled_plan()
    plan.planning.seven_ps.places.owner = "Ann"  # her first name: on the list
    assert assess(plan)[Stage.PLANNING].complete
    plan.planning.seven_ps.places.owner = "Sam Outsider"
    gaps = assess(plan)[Stage.PLANNING].gaps
    assert [g.label for g in gaps] == [
        "The 7 P's › Places › Owner, from the People list (Sam Outsider is not on it)"
    ]
    assert gaps[0].credit == 0.5


# ---------------------------------------------------------------- example text is not yet yours


def test_unchanged_example_text_counts_nothing_until_edited() -> None:
    plan = Plan()
    path = ("listening", "learnings", "unlearn")
    plan.listening.learnings.unlearn = example_value("bakery", path)
    status = assess(plan)
    assert status[Stage.LISTENING].percent == 0
    gap = next(g for g in status.gaps if g.path == path)
    assert gap.label.endswith("still an example's words")
    plan.listening.learnings.unlearn += " And answering only when it suits us."
    assert assess(plan)[Stage.LISTENING].percent > 0


def test_an_example_opened_as_itself_is_its_own_words() -> None:
    plan = load_example("bakery")
    assert assess(plan).percent == 100
    plan.details.organisation = "Dripfree Plumbing"  # now the bakery's words are borrowed
    status = assess(plan)
    # What is left: dates, numbers, ticks and answers too short to tell apart ("Daily").
    assert status[Stage.LISTENING].percent <= 5
    assert status.percent < 20
    assert not status.ready_to_engage


def test_a_row_of_example_words_alone_is_not_a_row_of_yours() -> None:
    plan = Plan()
    place = ListeningPlace()
    for column in ("where", "listen_for", "frequency", "listener"):
        setattr(place, column, example_value("bakery", ("listening", "places", column)))
    plan.listening.places = [place]
    assert assess(plan)[Stage.LISTENING].percent == 0


def test_policy_summary_not_asked_when_there_is_no_policy() -> None:
    plan = filled_plan()
    plan.management.governance.policy_status = PolicyStatus.NONE
    plan.management.governance.policy_summary = ""
    assert assess(plan)[Stage.MANAGEMENT].complete
    plan.management.governance.policy_status = PolicyStatus.DRAFTING
    assert not assess(plan)[Stage.MANAGEMENT].complete


@pytest.mark.parametrize(
    ("change", "stage", "label_part"),
    [
        (lambda p: setattr(p.details, "organisation", "  "), Stage.DETAILS, "Organisation"),
        (lambda p: setattr(p.management.presence[0], "owner", ""), Stage.MANAGEMENT, "Owner"),
        (lambda p: p.listening.notes.pop(), Stage.LISTENING, "Listening notes"),
        (
            lambda p: setattr(p.planning.seven_ps.practices, "communicated", False),
            Stage.PLANNING,
            "Practices",
        ),
        (lambda p: p.engagement.playbook.pop(3), Stage.ENGAGEMENT, "crisis"),
        (lambda p: setattr(p.engagement.measures[2], "target", ""), Stage.ENGAGEMENT, "Affinity"),
        (
            lambda p: setattr(p.engagement.activities[0], "moves", None),
            Stage.ENGAGEMENT,
            "The A it should move",
        ),
        (
            lambda p: setattr(p.engagement.review, "next_review", None),
            Stage.ENGAGEMENT,
            "Next review",
        ),
    ],
)
def test_one_missing_thing_is_one_named_gap(change, stage, label_part) -> None:
    plan = filled_plan()
    change(plan)
    status = assess(plan)
    assert status[stage].percent < 100
    assert any(label_part in gap.label for gap in status[stage].gaps), status[stage].gaps
    others = [s for s in status.stages if s.stage != stage]
    assert all(s.complete for s in others)


def test_fewer_notes_give_partial_credit() -> None:
    plan = filled_plan()
    plan.listening.notes = plan.listening.notes[: MIN_LISTENING_NOTES // 2]
    gap = next(g for g in assess(plan)[Stage.LISTENING].gaps if "that say" in g.label)
    assert gap.credit == 0.5
    # and a log spanning a few days earns part of the two weeks
    plan = filled_plan()
    for index, note in enumerate(plan.listening.notes):
        note.noted_on = plan.listening.notes[0].noted_on + timedelta(days=index % 8)
    gap = next(g for g in assess(plan)[Stage.LISTENING].gaps if "two weeks" in g.label)
    assert gap.credit == pytest.approx(7 / 14)
