"""Starting a plan: a blank one with the consultant's name and today's date, or a new
client's plan made from a copy of another plan ("New plan from a copy").

A copy for a new client keeps the structure and the consultant's own choices and drops
the previous client's words. By default it keeps the platforms of the presence
inventory, the people's roles and permissions (not their names), the headings of the
governance texts, the playbook's situations and the four A's indicators; every other
part can be ticked to keep as well (:class:`CopyPart`). Listening notes, learnings,
names, dates, "shared" ticks, "prepared for" and the revision note never come along
unless asked for; the "shared" ticks and their dates never do (they describe the other
client's organisation).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from workbook.model import (
    Activity,
    Channel,
    ChannelStatus,
    ListeningPlace,
    PDecision,
    Person,
    Plan,
    PlaybookEntry,
    RelationshipMeasure,
    SevenP,
)


class CopyPart(StrEnum):
    """A part of a plan that "New plan from a copy" can keep."""

    PLATFORMS = "platforms"
    CHANNEL_DETAILS = "channel_details"
    ROLES = "roles"
    NAMES = "names"
    POLICY_HEADINGS = "policy_headings"
    GOVERNANCE_TEXT = "governance_text"
    RESOURCES = "resources"
    DETAILS = "details"
    LISTENING_PLAN = "listening_plan"
    NOTES = "notes"
    LEARNINGS = "learnings"
    PLANNING = "planning"
    SITUATIONS = "situations"
    RESPONSES = "responses"
    ACTIVITIES = "activities"
    INDICATORS = "indicators"
    MEASURE_FIGURES = "measure_figures"
    QUALITY_COST_REVIEW = "quality_cost_review"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    CopyPart.PLATFORMS: "Presence inventory: the platforms",
    CopyPart.CHANNEL_DETAILS: "Presence inventory: handles, purposes, owners, where logins are",
    CopyPart.ROLES: "People: roles and what each may do",
    CopyPart.NAMES: "People: names and notes",
    CopyPart.POLICY_HEADINGS: "Governance: the headings of the policy texts",
    CopyPart.GOVERNANCE_TEXT: "Governance: the full policy texts",
    CopyPart.RESOURCES: "Resources: tools, hours and budget",
    CopyPart.DETAILS: "Plan details: title, organisation, what it offers and to whom",
    CopyPart.LISTENING_PLAN: "Listening plan: intent and where to listen",
    CopyPart.NOTES: "Listening notes",
    CopyPart.LEARNINGS: "Learnings",
    CopyPart.PLANNING: "Intent, assessment and the 7 P's decisions and owners",
    CopyPart.SITUATIONS: "Response playbook: the situations",
    CopyPart.RESPONSES: "Response playbook: responses, responders, times, tone, replies",
    CopyPart.ACTIVITIES: "Engagement activities",
    CopyPart.INDICATORS: "The four A's: the indicators",
    CopyPart.MEASURE_FIGURES: "The four A's: baselines, targets, methods and reviews",
    CopyPart.QUALITY_COST_REVIEW: "Relationship quality, cost and the review loop",
}

DEFAULT_KEPT: frozenset[CopyPart] = frozenset(
    {
        CopyPart.PLATFORMS,
        CopyPart.ROLES,
        CopyPart.POLICY_HEADINGS,
        CopyPart.SITUATIONS,
        CopyPart.INDICATORS,
    }
)
"""What a copy for a new client keeps unless the consultant ticks more."""

_PERMISSIONS = (
    "can_listen",
    "can_draft",
    "can_publish",
    "can_answer_complaints",
    "can_approve",
    "accountable",
)
_GOVERNANCE_TEXTS = (
    "policy_summary",
    "approval_process",
    "escalation_path",
    "accountability",
    "brand_voice",
    "legal_notes",
)
_HEADING = re.compile(r"^\s*(?:[-*•]\s*|#+\s*|\d+[.)]\s*)?([^:,;.\n]{1,40}):")
"""A line that starts with a short label and a colon ("Who may post:", "- Tone:")."""
_HEADING_WORDS = 5


@dataclass(frozen=True, slots=True)
class Consultant:
    """Who prepares plans (from Preferences): fills "Prepared by" on every new plan."""

    name: str = ""
    company: str = ""

    def prepared_by(self) -> str:
        return ", ".join(part for part in (self.name.strip(), self.company.strip()) if part)


def blank_plan(consultant: Consultant | None = None, today: date | None = None) -> Plan:
    """A new, empty plan prepared by ``consultant`` and dated ``today``."""
    plan = Plan()
    _sign(plan, consultant, today)
    return plan


def _sign(plan: Plan, consultant: Consultant | None, today: date | None) -> None:
    details = plan.details
    details.prepared_by = consultant.prepared_by() if consultant is not None else ""
    details.plan_date = today if today is not None else date.today()
    details.prepared_for = ""
    details.revision_note = ""


def policy_headings(text: str) -> str:
    """The headings of a policy text ("Who may post:", "Tone:"), one a line, without what
    follows them; "" when it has none."""
    headings = []
    for line in text.splitlines():
        match = _HEADING.match(line)
        if match and len(match.group(1).split()) <= _HEADING_WORDS:
            headings.append(f"{match.group(1).strip()}:")
    return "\n".join(headings)


def copy_for_new_client(
    source: Plan,
    keep: Iterable[CopyPart] = DEFAULT_KEPT,
    consultant: Consultant | None = None,
    today: date | None = None,
) -> Plan:
    """A new client's plan made from ``source``: the parts in ``keep`` (see
    :class:`CopyPart`), signed by ``consultant`` and dated ``today``. ``source`` is not
    changed, and every row of the copy has a new id."""
    kept = frozenset(keep)
    plan = Plan()
    if CopyPart.DETAILS in kept:
        plan.details = source.details.model_copy(deep=True)
    _sign(plan, consultant, today)
    _copy_management(source, plan, kept)
    _copy_listening(source, plan, kept)
    _copy_planning(source, plan, kept)
    _copy_engagement(source, plan, kept)
    return plan


def _copy_management(source: Plan, plan: Plan, kept: frozenset[CopyPart]) -> None:
    management = plan.management
    for channel in source.management.presence:
        if CopyPart.CHANNEL_DETAILS in kept:
            fields = channel.model_dump(exclude={"id"})
        elif CopyPart.PLATFORMS in kept:
            fields = {"platform": channel.platform, "status": ChannelStatus.PLANNED}
        else:
            continue
        management.presence.append(Channel(**fields))
    for person in source.management.people:
        fields = {}
        if CopyPart.ROLES in kept:
            fields |= {"role": person.role} | {p: getattr(person, p) for p in _PERMISSIONS}
        if CopyPart.NAMES in kept:
            fields |= {"name": person.name, "notes": person.notes}
        if fields:
            management.people.append(Person(**fields))
    governance = management.governance
    if CopyPart.GOVERNANCE_TEXT in kept:
        management.governance = source.management.governance.model_copy(deep=True)
    elif CopyPart.POLICY_HEADINGS in kept:
        for name in _GOVERNANCE_TEXTS:
            setattr(governance, name, policy_headings(getattr(source.management.governance, name)))
    if CopyPart.RESOURCES in kept:
        management.resources = source.management.resources.model_copy(deep=True)


def _copy_listening(source: Plan, plan: Plan, kept: frozenset[CopyPart]) -> None:
    listening = plan.listening
    if CopyPart.LISTENING_PLAN in kept:
        listening.intent = source.listening.intent
        listening.places = [
            ListeningPlace(**p.model_dump(exclude={"id"})) for p in source.listening.places
        ]
    if CopyPart.NOTES in kept:
        # The notes keep their ids: what was decided "from these notes" still points at them.
        listening.notes = [n.model_copy(deep=True) for n in source.listening.notes]
    if CopyPart.LEARNINGS in kept:
        listening.learnings = source.listening.learnings.model_copy(deep=True)


def _provenance(row, kept: frozenset[CopyPart]) -> dict:  # noqa: ANN001 - any row type
    """The "drawn from the listening notes" record, only when the notes come along."""
    value = getattr(row, "from_listening", None)
    if value is None or CopyPart.NOTES not in kept:
        return {}
    return {"from_listening": value.model_copy(deep=True)}


def _copy_planning(source: Plan, plan: Plan, kept: frozenset[CopyPart]) -> None:
    if CopyPart.PLANNING not in kept:
        return
    planning = plan.planning
    planning.intent = source.planning.intent
    planning.assessment = source.planning.assessment.model_copy(deep=True)
    for p in SevenP:
        decision = source.planning.seven_ps.get(p)
        copied = PDecision(
            decision=decision.decision, owner=decision.owner, **_provenance(decision, kept)
        )
        setattr(planning.seven_ps, p.value, copied)


def _copy_engagement(source: Plan, plan: Plan, kept: frozenset[CopyPart]) -> None:
    engagement = plan.engagement
    old = source.engagement
    playbook = []
    for entry in old.playbook:
        if CopyPart.RESPONSES in kept:
            fields = entry.model_dump(exclude={"id", "from_listening"})
        elif CopyPart.SITUATIONS in kept:
            fields = {"situation": entry.situation}
        else:
            continue
        playbook.append(PlaybookEntry(**fields, **_provenance(entry, kept)))
    if CopyPart.SITUATIONS in kept or CopyPart.RESPONSES in kept:
        engagement.playbook = playbook
    if CopyPart.ACTIVITIES in kept:
        engagement.activities = [
            Activity(**a.model_dump(exclude={"id", "from_listening"}), **_provenance(a, kept))
            for a in old.activities
        ]
    measures = []
    for measure in old.measures:
        fields = {"dimension": measure.dimension}
        if CopyPart.INDICATORS in kept:
            fields["indicator"] = measure.indicator
        if CopyPart.MEASURE_FIGURES in kept:
            fields |= {
                "baseline": measure.baseline,
                "target": measure.target,
                "method": measure.method,
                "review_cadence": measure.review_cadence,
            }
        measures.append(RelationshipMeasure(**fields, **_provenance(measure, kept)))
    if CopyPart.INDICATORS in kept or CopyPart.MEASURE_FIGURES in kept:
        engagement.measures = measures
    if CopyPart.QUALITY_COST_REVIEW in kept:
        engagement.quality = old.quality.model_copy(deep=True)
        engagement.cost = old.cost.model_copy(deep=True)
        engagement.review = old.review.model_copy(deep=True)
        engagement.review.next_review = None  # the other client's date
