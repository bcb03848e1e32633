"""Readiness to engage means it: Management essentials, real listening, the 7 P's decided, owned
and shared, and no activity before they were shared. Each unmet condition says what and where."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.core.series_plans import BAKERY_OWNER, filled_plan, hollow_plan
from workbook.completeness import assess
from workbook.examples import example_value
from workbook.paths import get_value
from workbook.readiness import readiness_checks
from workbook.stages import Stage


def gaps(plan) -> list[tuple[Stage, str, tuple[str, ...]]]:
    return [(g.stage, g.label, g.path) for g in assess(plan).readiness_gaps]


def test_filled_plan_is_ready() -> None:
    assert gaps(filled_plan()) == []
    assert assess(filled_plan()).ready_to_engage


def test_the_hollow_plan_is_not_ready_and_says_why() -> None:
    plan = hollow_plan()
    status = assess(plan)
    assert not status.ready_to_engage
    labels = [g.label for g in status.readiness_gaps]
    stages = {g.stage for g in status.readiness_gaps}
    assert stages == {Stage.MANAGEMENT, Stage.LISTENING, Stage.PLANNING}
    assert "Someone may publish" in labels
    assert "At least 10 listening notes that say what was said (0 so far)" in labels
    assert any("What we must unlearn: still an example's words" in label for label in labels)
    assert f"The 7 P's › Purpose › owner {BAKERY_OWNER} is not on the People list" in labels
    assert "The 7 P's › Purpose › decision is still an example's words" in labels
    for gap in status.readiness_gaps:
        get_value(plan, gap.path)  # each one leads somewhere to fix it


def test_details_and_engagement_gaps_do_not_block_engaging() -> None:
    plan = filled_plan()
    plan.details.title = ""
    plan.engagement.activities = []
    assert assess(plan).ready_to_engage


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda p: setattr(p.management.people[1], "accountable", True),
            (
                Stage.MANAGEMENT,
                "Exactly one person is accountable: 2 are (Ann Lee, Bo Kim); choose one",
                ("management", "people"),
            ),
        ),
        (
            lambda p: setattr(p.management.people[0], "accountable", False),
            (
                Stage.MANAGEMENT,
                "Exactly one person is accountable when something wrong is posted",
                ("management", "people"),
            ),
        ),
        (
            lambda p: setattr(p.management.people[0], "can_publish", False),
            (Stage.MANAGEMENT, "Someone may publish", ("management", "people")),
        ),
        (
            lambda p: setattr(p.management.people[0], "can_answer_complaints", False),
            (Stage.MANAGEMENT, "Someone answers complaints", ("management", "people")),
        ),
        (
            lambda p: setattr(p.management.governance, "escalation_path", ""),
            (
                Stage.MANAGEMENT,
                "An escalation path for complaints and crises",
                ("management", "governance", "escalation_path"),
            ),
        ),
        (
            lambda p: p.listening.notes.pop(),
            (
                Stage.LISTENING,
                "At least 10 listening notes that say what was said (9 so far)",
                ("listening", "notes"),
            ),
        ),
        (
            lambda p: [setattr(n, "noted_on", date(2026, 5, 4)) for n in p.listening.notes],
            (
                Stage.LISTENING,
                "Listening notes dated over at least two weeks (0 days so far)",
                ("listening", "notes"),
            ),
        ),
        (
            lambda p: setattr(
                p.listening.learnings,
                "reputation",
                example_value("physio", ("listening", "learnings", "reputation")),
            ),
            (
                Stage.LISTENING,
                "Learnings › What people say about our reputation: still an example's words, "
                "not yours",
                ("listening", "learnings", "reputation"),
            ),
        ),
        (
            lambda p: setattr(p.planning.seven_ps.process, "decision", ""),
            (
                Stage.PLANNING,
                "The 7 P's › Process › not decided yet",
                ("planning", "seven_ps", "process", "decision"),
            ),
        ),
        (
            lambda p: setattr(p.planning.seven_ps.places, "owner", "Sam Outsider"),
            (
                Stage.PLANNING,
                "The 7 P's › Places › owner Sam Outsider is not on the People list",
                ("planning", "seven_ps", "places", "owner"),
            ),
        ),
        (
            lambda p: setattr(p.planning.seven_ps.platform, "communicated", False),
            (
                Stage.PLANNING,
                "The 7 P's › Platform › not yet shared with the whole organisation",
                ("planning", "seven_ps", "platform", "communicated"),
            ),
        ),
    ],
)
def test_each_unmet_condition_names_what_is_missing_and_where(change, expected) -> None:
    plan = filled_plan()
    change(plan)
    assert gaps(plan) == [expected]


def test_an_activity_before_the_ps_were_shared_is_not_ready() -> None:
    plan = filled_plan()
    activity = plan.engagement.activities[0]
    activity.start_date = date(2026, 5, 20)
    assert gaps(plan) == [
        (
            Stage.ENGAGEMENT,
            "“a bread tip” starts 20 May 2026, before the 7 P's were all shared (1 June 2026)",
            ("engagement", "activities", activity.id, "start_date"),
        )
    ]
    activity.start_date = date(2026, 6, 1)  # the same day is fine
    assert gaps(plan) == []


def test_the_latest_sharing_date_counts() -> None:
    plan = filled_plan()
    plan.planning.seven_ps.participate.communicated_on = date(2026, 6, 10)
    assert [g[1][:13] for g in gaps(plan)] == ["“a bread tip”"]


def test_shared_without_a_date_asks_for_the_date_when_activities_have_dates() -> None:
    plan = filled_plan()
    plan.planning.seven_ps.people.communicated_on = None
    assert gaps(plan) == [
        (
            Stage.PLANNING,
            "The 7 P's › People: say when it was shared, so start dates can be checked",
            ("planning", "seven_ps", "people", "communicated_on"),
        )
    ]
    plan.engagement.activities[0].start_date = None
    assert gaps(plan) == []


def test_notes_with_only_example_words_do_not_count_as_listening() -> None:
    plan = filled_plan()
    said = example_value("bakery", ("listening", "notes", "said"))
    for index, note in enumerate(plan.listening.notes):
        note.said = said if index else note.said
    assert ("At least 10 listening notes that say what was said (1 so far)") in [
        g[1] for g in gaps(plan)
    ]


def test_readiness_checks_list_met_conditions_too() -> None:
    checks = readiness_checks(filled_plan())
    assert all(check.done for check in checks)
    assert {check.stage for check in checks} == {
        Stage.MANAGEMENT,
        Stage.LISTENING,
        Stage.PLANNING,
        Stage.ENGAGEMENT,
    }
    assert len(checks) == 4 + 2 + 5 + 7 * 3 + 1


def test_notes_over_two_weeks_exactly_are_enough() -> None:
    plan = filled_plan()
    first = plan.listening.notes[0].noted_on
    for note in plan.listening.notes:
        note.noted_on = first
    plan.listening.notes[-1].noted_on = first + timedelta(days=14)
    assert gaps(plan) == []
