"""Completeness is honest: blank is 0 %, a filled plan is 100 %, every gap is named with a path."""

from datetime import date

import pytest

from workbook.completeness import MIN_LISTENING_NOTES, assess
from workbook.model import (
    Activity,
    Channel,
    FourA,
    ListeningNote,
    ListeningPlace,
    Person,
    Plan,
    PolicyStatus,
    RelationshipMeasure,
    SevenP,
)
from workbook.paths import get_value
from workbook.stages import Stage


def filled_plan() -> Plan:
    """Every field of every part filled, built without the worked examples."""
    plan = Plan()
    d = plan.details
    for name in type(d).model_fields:
        if name != "plan_date":
            setattr(d, name, f"{name} text")
    d.plan_date = date(2026, 5, 1)
    m = plan.management
    m.presence = [Channel(handle="@shop", purpose="news", owner="Ann", backup_owner="Bo")]
    m.people = [Person(name="Ann", role="Owner", can_publish=True, accountable=True)]
    g = m.governance
    g.policy_status = PolicyStatus.IN_PLACE
    for name in (
        "policy_summary",
        "approval_process",
        "escalation_path",
        "accountability",
        "brand_voice",
        "legal_notes",
    ):
        setattr(g, name, name)
    m.resources.monitoring_tools = "alerts"
    m.resources.scheduling_tools = "calendar"
    m.resources.hours_per_week = 3
    m.resources.budget = "£40 a month"
    li = plan.listening
    li.intent = "learn what neighbours want"
    li.places = [
        ListeningPlace(where="town group", listen_for="bread", frequency="daily", listener="Bo")
    ]
    li.notes = [ListeningNote(said=f"note {i}") for i in range(MIN_LISTENING_NOTES)]
    for name in type(li.learnings).model_fields:
        setattr(li.learnings, name, name)
    pl = plan.planning
    pl.intent = "serve"
    for p in SevenP:
        decision = pl.seven_ps.get(p)
        decision.decision, decision.owner, decision.communicated = "yes", "Ann", True
    for name in type(pl.assessment).model_fields:
        setattr(pl.assessment, name, name)
    e = plan.engagement
    for entry in e.playbook:
        entry.response, entry.responder, entry.response_time, entry.tone = "r", "Ann", "1h", "warm"
    e.activities = [
        Activity(activity="a", channel="c", value_offered="v", cadence="weekly", owner="Bo")
    ]
    e.measures = [
        RelationshipMeasure(
            dimension=a,
            indicator="i",
            baseline="b",
            target="t",
            method="m",
            review_cadence="monthly",
        )
        for a in FourA
    ]
    for part in (e.quality, e.cost):
        for name in type(part).model_fields:
            setattr(part, name, name)
    e.review.cadence, e.review.feedback = "quarterly", "notes feed the plan"
    e.review.next_review = date(2026, 8, 1)
    return plan


def test_blank_plan_is_zero_percent_everywhere():
    status = assess(Plan())
    assert status.percent == 0
    assert all(s.percent == 0 and s.done == 0 for s in status.stages)
    assert not status.ready_to_engage


def test_filled_plan_is_complete():
    status = assess(filled_plan())
    assert [s.percent for s in status.stages] == [100] * len(Stage)
    assert status.percent == 100
    assert status.gaps == ()
    assert status.ready_to_engage
    assert status.summary().startswith("100% complete")


def test_every_gap_has_a_label_and_a_path_into_the_plan():
    plan = Plan(management={"presence": [Channel()]})
    gaps = assess(plan).gaps
    assert gaps
    for gap in gaps:
        assert gap.label.strip()
        get_value(plan, gap.path)  # raises if the path does not lead anywhere


@pytest.mark.parametrize(
    ("change", "stage", "label_part"),
    [
        (lambda p: setattr(p.details, "organisation", "  "), Stage.DETAILS, "Organisation"),
        (lambda p: setattr(p.management.presence[0], "owner", ""), Stage.MANAGEMENT, "Owner"),
        (
            lambda p: setattr(p.management.people[0], "accountable", False),
            Stage.MANAGEMENT,
            "accountable",
        ),
        (lambda p: p.listening.notes.pop(), Stage.LISTENING, "Listening notes"),
        (
            lambda p: setattr(p.planning.seven_ps.practices, "communicated", False),
            Stage.PLANNING,
            "Practices",
        ),
        (lambda p: p.engagement.playbook.pop(3), Stage.ENGAGEMENT, "crisis"),
        (lambda p: setattr(p.engagement.measures[2], "target", ""), Stage.ENGAGEMENT, "Affinity"),
        (
            lambda p: setattr(p.engagement.review, "next_review", None),
            Stage.ENGAGEMENT,
            "Next review",
        ),
    ],
)
def test_one_missing_thing_is_one_named_gap(change, stage, label_part):
    plan = filled_plan()
    change(plan)
    status = assess(plan)
    assert status[stage].percent < 100
    assert any(label_part in gap.label for gap in status[stage].gaps), status[stage].gaps
    others = [s for s in status.stages if s.stage != stage]
    assert all(s.complete for s in others)


def test_policy_summary_not_asked_when_there_is_no_policy():
    plan = filled_plan()
    plan.management.governance.policy_status = PolicyStatus.NONE
    plan.management.governance.policy_summary = ""
    assert assess(plan)[Stage.MANAGEMENT].complete
    plan.management.governance.policy_status = PolicyStatus.DRAFTING
    assert not assess(plan)[Stage.MANAGEMENT].complete


def test_readiness_is_listening_and_the_seven_ps():
    plan = filled_plan()
    plan.details.title = ""
    plan.engagement.activities = []
    assert assess(plan).ready_to_engage  # details and engagement gaps do not block engaging
    plan.planning.seven_ps.purpose.owner = ""
    readiness = assess(plan).readiness_gaps
    assert [g.path for g in readiness] == [("planning", "seven_ps", "purpose", "owner")]
