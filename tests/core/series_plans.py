"""Plans the series checks are tried on: a fully filled plan, the hollow plumber's plan from
issue 15, and a few partly filled ones."""

from __future__ import annotations

from datetime import date, timedelta

from workbook.examples import example_value
from workbook.model import (
    Activity,
    Channel,
    FourA,
    ListeningNote,
    ListeningPlace,
    Person,
    Plan,
    Platform,
    PolicyStatus,
    RelationshipMeasure,
    SevenP,
)

START = date(2026, 5, 4)


def filled_plan() -> Plan:
    """Every field of every part filled in the user's own words, built without the examples;
    ready to engage."""
    plan = Plan()
    d = plan.details
    for name in type(d).model_fields:
        if name != "plan_date":
            setattr(d, name, f"{name} text")
    d.plan_date = date(2026, 5, 1)
    m = plan.management
    m.presence = [
        Channel(
            platform=Platform.INSTAGRAM,
            handle="@shop",
            purpose="news",
            owner="Ann",
            backup_owner="Bo",
        )
    ]
    m.people = [
        Person(
            name="Ann Lee",
            role="Owner",
            can_publish=True,
            can_answer_complaints=True,
            accountable=True,
        ),
        Person(name="Bo Kim", role="Assistant", can_listen=True),
    ]
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
        setattr(g, name, f"our {name}")
    m.resources.monitoring_tools = "alerts"
    m.resources.scheduling_tools = "calendar"
    m.resources.hours_per_week = 3
    m.resources.budget = "£40 a month"
    li = plan.listening
    li.intent = "learn what neighbours want"
    li.places = [
        ListeningPlace(where="town group", listen_for="bread", frequency="daily", listener="Bo")
    ]
    li.notes = [
        ListeningNote(noted_on=START + timedelta(days=2 * i), said=f"note {i}", tags=["bread"])
        for i in range(10)
    ]
    for name in type(li.learnings).model_fields:
        setattr(li.learnings, name, f"our {name}")
    pl = plan.planning
    pl.intent = "serve"
    for p in SevenP:
        decision = pl.seven_ps.get(p)
        decision.decision, decision.owner, decision.communicated = "yes, bread", "Ann Lee", True
        decision.communicated_on = date(2026, 6, 1)
    for name in type(pl.assessment).model_fields:
        setattr(pl.assessment, name, f"our {name}")
    e = plan.engagement
    for entry in e.playbook:
        entry.response, entry.responder, entry.response_time, entry.tone = "r", "Ann", "1h", "warm"
    e.activities = [
        Activity(
            activity="a bread tip",
            channel="Instagram",
            value_offered="v",
            cadence="weekly",
            owner="Bo",
            start_date=date(2026, 6, 2),
            hours_per_month=4,
            money_per_month=0,
            moves=FourA.ATTRACTION,
            answers="bread",
        )
    ]
    e.measures = [
        RelationshipMeasure(
            dimension=a,
            indicator="i",
            baseline="b",
            target="10 by June 2027",
            method="m",
            review_cadence="monthly",
        )
        for a in FourA
    ]
    for part in (e.quality, e.cost):
        for name in type(part).model_fields:
            setattr(part, name, f"our {name}")
    e.review.cadence, e.review.feedback = "quarterly", "notes feed the plan"
    e.review.next_review = date(2026, 8, 1)
    return plan


LISTENING_TEXTS = (
    ("listening", "intent"),
    ("listening", "learnings", "market_wants"),
    ("listening", "learnings", "want_us_to_say"),
    ("listening", "learnings", "unlearn"),
    ("listening", "learnings", "reputation"),
    ("listening", "learnings", "give_results"),
)
PLANNING_TEXTS = (
    ("planning", "intent"),
    ("planning", "assessment", "attributes"),
    ("planning", "assessment", "offering_value"),
    ("planning", "assessment", "market_relations"),
)
BAKERY_OWNER = "Maria Okafor"


def hollow_plan() -> Plan:
    """The plumber's plan of issue 15 that the old checks called ready: 10 completely empty
    listening notes, every listening and planning field filled by "Insert example" (the
    bakery's words), the bakery's owner named as the owner of all 7 P's, each marked
    shared, and Management untouched."""
    plan = Plan()
    plan.details.title = "Social media plan for Dripfree Plumbing"
    plan.details.organisation = "Dripfree Plumbing"
    plan.details.industry = "Plumbing and heating"
    plan.listening.notes = [ListeningNote() for _ in range(10)]
    for path in LISTENING_TEXTS + PLANNING_TEXTS:
        node = plan
        for step in path[:-1]:
            node = getattr(node, step)
        setattr(node, path[-1], example_value("bakery", path))
    place = ListeningPlace()
    for column in ("where", "listen_for", "frequency", "listener"):
        text = example_value("bakery", ("listening", "places", column))
        setattr(place, column, text)
    plan.listening.places = [place]
    for p in SevenP:
        decision = plan.planning.seven_ps.get(p)
        decision.decision = example_value("bakery", ("planning", "seven_ps", p.value, "decision"))
        decision.owner = BAKERY_OWNER
        decision.communicated = True
        decision.communicated_on = date(2026, 4, 1)
    return plan


def partly_filled_plans() -> dict[str, Plan]:
    """Plans part of the way there, whose percentages the tests pin."""
    plans: dict[str, Plan] = {}

    details_only = Plan()
    details_only.details.title = "Spring plan"
    details_only.details.organisation = "Lee's Shoe Repairs"
    details_only.details.industry = "Shoe repairs and keys"
    plans["details only"] = details_only

    five_notes = filled_plan()
    five_notes.listening.notes = five_notes.listening.notes[:5]
    plans["filled, but only five notes"] = five_notes

    one_day = filled_plan()
    for note in one_day.listening.notes:
        note.noted_on = START
    plans["filled, notes all on one day"] = one_day

    no_engagement = filled_plan()
    no_engagement.engagement = type(no_engagement.engagement)()
    plans["filled up to engagement"] = no_engagement

    two_accountable = filled_plan()
    two_accountable.management.people[1].accountable = True
    plans["filled, two accountable"] = two_accountable

    outsider = filled_plan()
    outsider.planning.seven_ps.purpose.owner = "Sam Outsider"
    plans["filled, one owner not on People"] = outsider
    return plans
