"""Starting plans (workbook.templates): a blank plan signed by the consultant, and a new
client's plan from a copy that keeps structure and choices, not the other client's words."""

from __future__ import annotations

from datetime import date

import pytest

from workbook.examples import load_example
from workbook.model import (
    Activity,
    Channel,
    ChannelStatus,
    FourA,
    FromListening,
    ListeningNote,
    Person,
    Plan,
    Platform,
    PlaybookEntry,
    RelationshipMeasure,
    SituationType,
)
from workbook.templates import (
    DEFAULT_KEPT,
    Consultant,
    CopyPart,
    blank_plan,
    copy_for_new_client,
    policy_headings,
)

TODAY = date(2026, 5, 1)
SAM = Consultant("Sam Rivers", "Harbour Advisory")


def client_plan() -> Plan:
    plan = Plan()
    d = plan.details
    d.title, d.organisation, d.industry = "Spring plan", "Wrenford Bakery", "Bakery"
    d.prepared_for, d.prepared_by = "Maria Okafor", "Someone else"
    d.plan_date, d.revision_note = date(2025, 3, 1), "Second draft"
    plan.management.presence = [
        Channel(
            platform=Platform.INSTAGRAM,
            handle="@wrenford",
            purpose="Daily bakes",
            owner="Priya",
            status=ChannelStatus.ACTIVE,
            credentials_location="Maria's password manager",
        )
    ]
    plan.management.people = [
        Person(name="Maria Okafor", role="Owner", can_publish=True, accountable=True, notes="x")
    ]
    g = plan.management.governance
    g.policy_summary = "Who may post: Maria and Priya.\nTone: warm and plain.\nWe never delete."
    g.approval_process = "- Offers: Maria reads first\nAnything else goes straight out."
    plan.management.resources.monitoring_tools = "Google Alerts"
    note = ListeningNote(said="Is the rye made without wheat?", noted_on=date(2025, 2, 1))
    plan.listening.notes = [note]
    plan.listening.intent = "Hear what families need"
    plan.listening.learnings.market_wants = "Clear allergy information"
    sevens = plan.planning.seven_ps
    sevens.purpose.decision, sevens.purpose.owner = "Be the neighbourhood's baker", "Maria"
    sevens.purpose.communicated, sevens.purpose.communicated_on = True, date(2025, 3, 2)
    sevens.purpose.from_listening = FromListening(themes=["allergies"], notes=[note.id])
    plan.planning.intent = "Make celebrating easy"
    plan.engagement.playbook = [
        PlaybookEntry(
            situation=SituationType.COMPLAINT,
            response="Say sorry, move to a message",
            responder="Maria",
            tone="Warm",
        )
    ]
    plan.engagement.activities = [Activity(activity="Oven times post", owner="Priya")]
    plan.engagement.measures = [
        RelationshipMeasure(dimension=FourA.ATTENTION, indicator="Replies", target="30 a week")
    ]
    plan.engagement.quality.trust = "Honest about sell-outs"
    plan.engagement.review.next_review = date(2025, 9, 1)
    return plan


def test_a_blank_plan_is_signed_and_dated():
    plan = blank_plan(SAM, TODAY)
    assert plan.details.prepared_by == "Sam Rivers, Harbour Advisory"
    assert plan.details.plan_date == TODAY
    assert blank_plan(Consultant(), TODAY).details.prepared_by == ""
    assert blank_plan(Consultant(company="Harbour"), TODAY).details.prepared_by == "Harbour"


def test_the_default_copy_keeps_structure_and_choices_not_words():
    source = client_plan()
    copy = copy_for_new_client(source, DEFAULT_KEPT, SAM, TODAY)
    d = copy.details
    assert (d.title, d.organisation, d.industry, d.prepared_for, d.revision_note) == ("",) * 5
    assert (d.prepared_by, d.plan_date) == ("Sam Rivers, Harbour Advisory", TODAY)
    # Platforms, not handles, owners or where logins are.
    (channel,) = copy.management.presence
    assert channel.platform is Platform.INSTAGRAM
    assert (channel.handle, channel.purpose, channel.owner, channel.credentials_location) == (
        ("",) * 4
    )
    assert channel.status is ChannelStatus.PLANNED
    # Roles and what each may do, not names.
    (person,) = copy.management.people
    assert (person.role, person.name, person.notes) == ("Owner", "", "")
    assert person.can_publish and person.accountable
    # The policy's headings, without what follows them.
    assert copy.management.governance.policy_summary == "Who may post:\nTone:"
    assert copy.management.governance.approval_process == "Offers:"
    assert copy.management.resources.monitoring_tools == ""
    # Listening, learnings, decisions, dates, "shared" ticks: the other client's.
    assert copy.listening.notes == [] and copy.listening.intent == ""
    assert copy.listening.learnings.market_wants == ""
    purpose = copy.planning.seven_ps.purpose
    assert (purpose.decision, purpose.communicated, purpose.communicated_on) == ("", False, None)
    assert copy.engagement.activities == [] and copy.engagement.quality.trust == ""
    assert copy.engagement.review.next_review is None
    # Playbook situations and the four A's indicators.
    (entry,) = copy.engagement.playbook
    assert entry.situation is SituationType.COMPLAINT and entry.response == ""
    (measure,) = copy.engagement.measures
    assert (measure.dimension, measure.indicator, measure.target) == (
        FourA.ATTENTION,
        "Replies",
        "",
    )


def test_each_part_can_be_kept():
    source = client_plan()
    copy = copy_for_new_client(source, set(CopyPart), SAM, TODAY)
    assert copy.details.organisation == "Wrenford Bakery"
    assert copy.management.presence[0].handle == "@wrenford"
    assert copy.management.people[0].name == "Maria Okafor"
    assert copy.management.governance.policy_summary == source.management.governance.policy_summary
    assert copy.management.resources.monitoring_tools == "Google Alerts"
    assert copy.listening.notes[0].said == "Is the rye made without wheat?"
    assert copy.listening.learnings.market_wants == "Clear allergy information"
    purpose = copy.planning.seven_ps.purpose
    assert (purpose.decision, purpose.owner) == ("Be the neighbourhood's baker", "Maria")
    # Decided "from these notes": the notes came along, so the link still holds.
    assert purpose.from_listening.notes == [source.listening.notes[0].id]
    # The "shared" ticks and dates describe the other organisation: never copied.
    assert (purpose.communicated, purpose.communicated_on) == (False, None)
    assert copy.engagement.playbook[0].response == "Say sorry, move to a message"
    assert copy.engagement.activities[0].activity == "Oven times post"
    assert copy.engagement.measures[0].target == "30 a week"
    assert copy.engagement.quality.trust == "Honest about sell-outs"
    # Still the new edition: who it is for and its revision note start empty.
    assert (copy.details.prepared_for, copy.details.revision_note) == ("", "")
    assert (copy.details.prepared_by, copy.details.plan_date) == (
        "Sam Rivers, Harbour Advisory",
        TODAY,
    )


def test_decisions_without_their_notes_lose_the_link_to_them():
    copy = copy_for_new_client(client_plan(), {CopyPart.PLANNING}, SAM, TODAY)
    assert copy.planning.seven_ps.purpose.decision == "Be the neighbourhood's baker"
    assert copy.planning.seven_ps.purpose.from_listening is None


def test_the_source_is_untouched_and_rows_get_new_ids():
    source = client_plan()
    before = source.model_dump()
    copy = copy_for_new_client(source, set(CopyPart), SAM, TODAY)
    copy.management.people[0].role = "changed"
    assert source.model_dump() == before
    assert copy.management.people[0].id != source.management.people[0].id
    assert copy.engagement.playbook[0].id != source.engagement.playbook[0].id


def test_nothing_kept_is_a_blank_plan_signed_and_dated():
    copy = copy_for_new_client(client_plan(), (), SAM, TODAY)
    blank = blank_plan(SAM, TODAY)
    mine = {"engagement", "id"}  # a plan id is each plan's own
    assert copy.model_dump(exclude=mine) == blank.model_dump(exclude=mine)
    assert [e.situation for e in copy.engagement.playbook] == list(SituationType)


@pytest.mark.parametrize("name", ["bakery", "physio"])
def test_a_worked_example_copies_cleanly(name):
    try:
        source = load_example(name)
    except (KeyError, FileNotFoundError, ValueError):
        pytest.skip(f"no example {name}")
    copy = copy_for_new_client(source, DEFAULT_KEPT, SAM, TODAY)
    Plan.model_validate(copy.model_dump())  # a plan the app can save and open
    assert copy.management.presence and all(not c.handle for c in copy.management.presence)
    assert all(not p.name for p in copy.management.people)


@pytest.mark.parametrize(
    ("text", "headings"),
    [
        ("Who may post: Maria.\nTone: warm", "Who may post:\nTone:"),
        ("1. Approvals: Maria\n# Escalation: call", "Approvals:\nEscalation:"),
        ("Two pages, due by the end of April: be kind", ""),
        ("A very long sentence that goes on and on: yes", ""),
        ("No headings here at all.", ""),
        ("", ""),
    ],
)
def test_policy_headings(text, headings):
    assert policy_headings(text) == headings
