"""The plan document: plan details and the four stages, as pydantic models."""

from __future__ import annotations

import re
import threading
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    FieldSerializationInfo,
    PrivateAttr,
    ValidationInfo,
    field_serializer,
    field_validator,
    model_validator,
)

from workbook import file_format
from workbook.jsondelta import apply_delta, diff
from workbook.stages import Stage

FORMAT_MARKER = file_format.FORMAT_MARKER
SCHEMA_VERSION = file_format.SCHEMA_VERSION

# C0 controls except tab and newline, DEL, C1 controls, and lone surrogates.
_UNWANTED_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def clean_text(value: Any) -> Any:
    """Make any string safe to store and print: newlines unified, control characters
    dropped, broken surrogates replaced. Non-strings pass through for pydantic to judge."""
    if not isinstance(value, str):
        return value
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    if _UNWANTED_CHARS.search(value):
        value = _UNWANTED_CHARS.sub(
            lambda m: "\ufffd" if "\ud800" <= m.group() <= "\udfff" else "", value
        )
    return value


Text = Annotated[str, BeforeValidator(clean_text)]
"""Free text typed by the user: any Unicode, any length, cleaned on the way in."""


def new_id() -> str:
    """A stable id for a list row."""
    return uuid.uuid4().hex[:12]


class Part(BaseModel):
    """Base of every part of the plan.

    Unknown keys are kept (``extra="allow"``) so that a file written by a newer
    minor release, or edited by hand, loses nothing when it is saved again.
    """

    model_config = ConfigDict(
        extra="allow",
        allow_inf_nan=False,
        validate_assignment=True,
        use_enum_values=False,
    )


MAX_ID_LENGTH = 64


class Row(Part):
    """A row of an editable list; ``id`` stays the same for the life of the row."""

    id: str = Field(default_factory=new_id, title="Id", min_length=1, max_length=MAX_ID_LENGTH)


# ---------------------------------------------------------------- enums


class Platform(StrEnum):
    FACEBOOK = "facebook"
    INSTAGRAM = "instagram"
    LINKEDIN = "linkedin"
    X = "x"
    YOUTUBE = "youtube"
    TIKTOK = "tiktok"
    BLOG = "blog"
    FORUM = "forum"
    REVIEW_SITE = "review_site"
    OTHER = "other"

    @property
    def label(self) -> str:
        return PLATFORM_LABELS[self]


PLATFORM_LABELS = {
    Platform.FACEBOOK: "Facebook",
    Platform.INSTAGRAM: "Instagram",
    Platform.LINKEDIN: "LinkedIn",
    Platform.X: "X (Twitter)",
    Platform.YOUTUBE: "YouTube",
    Platform.TIKTOK: "TikTok",
    Platform.BLOG: "Blog",
    Platform.FORUM: "Forum / community",
    Platform.REVIEW_SITE: "Review site",
    Platform.OTHER: "Other",
}


class ChannelStatus(StrEnum):
    ACTIVE = "active"
    DORMANT = "dormant"
    PLANNED = "planned"
    TO_RETIRE = "to_retire"

    @property
    def label(self) -> str:
        return {
            "active": "Active",
            "dormant": "Dormant",
            "planned": "Planned",
            "to_retire": "To retire",
        }[self.value]


class PolicyStatus(StrEnum):
    NONE = "none"
    DRAFTING = "drafting"
    IN_PLACE = "in_place"

    @property
    def label(self) -> str:
        return {"none": "No policy yet", "drafting": "Being drafted", "in_place": "In place"}[
            self.value
        ]


class ListeningPlaceKind(StrEnum):
    COMMUNITY = "community"
    HASHTAG = "hashtag"
    KEYWORD = "keyword"
    COMPETITOR = "competitor"
    REVIEW_SITE = "review_site"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            "community": "Community / group",
            "hashtag": "Hashtag",
            "keyword": "Keyword / search",
            "competitor": "Competitor",
            "review_site": "Review site",
            "other": "Other",
        }[self.value]


class Sentiment(StrEnum):
    POSITIVE = "positive"
    NEUTRAL = "neutral"
    NEGATIVE = "negative"
    MIXED = "mixed"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class SituationType(StrEnum):
    QUESTION = "question"
    PRAISE = "praise"
    COMPLAINT = "complaint"
    CRISIS = "crisis"
    MISINFORMATION = "misinformation"
    IDEA = "idea"

    @property
    def label(self) -> str:
        return {
            "question": "Question",
            "praise": "Praise",
            "complaint": "Complaint",
            "crisis": "Crisis",
            "misinformation": "Misinformation",
            "idea": "Idea / suggestion",
        }[self.value]


class SevenP(StrEnum):
    """The 7 P's of thinking and planning (a framework the series credits to Telligent)."""

    PURPOSE = "purpose"
    PEOPLE = "people"
    PLACES = "places"
    PROCESS = "process"
    PLATFORM = "platform"
    PRACTICES = "practices"
    PARTICIPATE = "participate"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class FourA(StrEnum):
    """The four A's of relationship measurement."""

    ATTENTION = "attention"
    ATTRACTION = "attraction"
    AFFINITY = "affinity"
    AUDIENCE = "audience"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Direction(StrEnum):
    """Which way a measure should move."""

    UP = "up"
    DOWN = "down"

    @property
    def label(self) -> str:
        return {"up": "Higher is better", "down": "Lower is better"}[self.value]


class Repeat(StrEnum):
    """How often a dated item comes round (a calendar's recurrence, in plain words)."""

    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    YEARLY = "yearly"

    @property
    def label(self) -> str:
        return {
            "daily": "Every day",
            "weekly": "Every week",
            "monthly": "Every month",
            "yearly": "Every year",
        }[self.value]


class Weekday(StrEnum):
    MONDAY = "monday"
    TUESDAY = "tuesday"
    WEDNESDAY = "wednesday"
    THURSDAY = "thursday"
    FRIDAY = "friday"
    SATURDAY = "saturday"
    SUNDAY = "sunday"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def index(self) -> int:
        """0 for Monday, as ``date.weekday()`` counts."""
        return list(Weekday).index(self)


class SnapshotKind(StrEnum):
    """Who took a snapshot: the user (named), or the app at a moment worth going back to."""

    NAMED = "named"
    FIRST_EDIT = "first_edit"
    BEFORE_EXPORT = "before_export"
    BEFORE_RESTORE = "before_restore"
    BEFORE_RELOAD = "before_reload"
    WORKSHOP_START = "workshop_start"

    @property
    def label(self) -> str:
        return {
            "named": "Named",
            "first_edit": "Before the day's first edit",
            "before_export": "Before an export",
            "before_restore": "Before a restore",
            "before_reload": "Before a reload",
            "workshop_start": "Start of a workshop",
        }[self.value]

    @property
    def automatic(self) -> bool:
        return self is not SnapshotKind.NAMED


# ---------------------------------------------------------------- plan details


class PlanDetails(Part):
    title: Text = Field("", title="Plan title")
    organisation: Text = Field("", title="Organisation")
    industry: Text = Field("", title="Industry")
    location: Text = Field("", title="Location")
    website: Text = Field("", title="Website")
    offering: Text = Field("", title="What the organisation offers")
    audience: Text = Field("", title="Who it serves")
    prepared_for: Text = Field("", title="Prepared for")
    prepared_by: Text = Field("", title="Prepared by")
    plan_date: date | None = Field(None, title="Date")
    revision_note: Text = Field("", title="Revision note")


# ---------------------------------------------------------------- 1. management & administration


class Channel(Row):
    """One account or presence in the inventory. Never holds a password."""

    platform: Platform = Field(Platform.OTHER, title="Platform")
    handle: Text = Field("", title="Handle or URL")
    purpose: Text = Field("", title="Purpose")
    owner: Text = Field("", title="Owner")
    backup_owner: Text = Field("", title="Backup owner")
    status: ChannelStatus = Field(ChannelStatus.PLANNED, title="Status")
    credentials_location: Text = Field(
        "",
        title="Where the login is kept",
        description="Where the login details are kept (a password manager, the office safe), "
        "never the password itself.",
    )


class Person(Row):
    """Someone who takes part, and what they may do."""

    name: Text = Field("", title="Name")
    role: Text = Field("", title="Role")
    can_listen: bool = Field(False, title="Listen")
    can_draft: bool = Field(False, title="Draft")
    can_publish: bool = Field(False, title="Publish")
    can_answer_complaints: bool = Field(False, title="Answer complaints")
    can_approve: bool = Field(False, title="Approve")
    accountable: bool = Field(False, title="Accountable")
    notes: Text = Field("", title="Notes")


class Governance(Part):
    policy_status: PolicyStatus | None = Field(None, title="Social media policy")
    policy_summary: Text = Field("", title="Policy summary")
    approval_process: Text = Field("", title="Approval process")
    escalation_path: Text = Field("", title="Escalation path for complaints and crises")
    accountability: Text = Field("", title="Who is accountable when something wrong is posted")
    brand_voice: Text = Field("", title="Brand voice")
    legal_notes: Text = Field("", title="Legal and compliance notes")


class Resources(Part):
    """What the business can give its presence; what each method spends is in the activities."""

    monitoring_tools: Text = Field("", title="Monitoring tools")
    scheduling_tools: Text = Field("", title="Scheduling tools")
    hours_per_week: float | None = Field(None, title="Hours per week", ge=0, le=168)
    budget: Text = Field("", title="Budget")


class Management(Part):
    presence: list[Channel] = Field(default_factory=list, title="Presence inventory")
    people: list[Person] = Field(default_factory=list, title="People and permissions")
    governance: Governance = Field(default_factory=Governance, title="Governance")
    resources: Resources = Field(default_factory=Resources, title="Resources")


# ---------------------------------------------------------------- 2. listening & learning


class ListeningPlace(Row):
    kind: ListeningPlaceKind = Field(ListeningPlaceKind.COMMUNITY, title="Kind")
    where: Text = Field("", title="Where")
    listen_for: Text = Field("", title="What we listen for")
    frequency: Text = Field("", title="How often")
    listener: Text = Field("", title="Who listens")


class ListeningNote(Row):
    noted_on: date | None = Field(None, title="Date")
    source: Text = Field("", title="Place or source")
    who: Text = Field("", title="Who")
    said: Text = Field("", title="What was said")
    tags: list[Text] = Field(default_factory=list, title="Themes")
    sentiment: Sentiment | None = Field(None, title="Sentiment")
    wants: Text = Field("", title="What they want")
    opportunity: Text = Field("", title="Opportunity to serve")
    follow_up: Text = Field("", title="Follow-up")


class Learnings(Part):
    market_wants: Text = Field("", title="What the market wants")
    want_us_to_say: Text = Field("", title="What people want us to say to them")
    unlearn: Text = Field("", title="What we must unlearn")
    reputation: Text = Field("", title="What people say about our reputation")
    give_results: Text = Field("", title="From getting results to giving results")


class Listening(Part):
    intent: Text = Field("", title="What we listen for, and why it matters to our intent")
    places: list[ListeningPlace] = Field(default_factory=list, title="Listening plan")
    notes: list[ListeningNote] = Field(default_factory=list, title="Listening notes")
    learnings: Learnings = Field(default_factory=Learnings, title="Learnings")


class FromListening(Part):
    """The listening behind an entry made from a theme's suggestion ("from 7 notes about
    allergies"); kept so the plan can show what was heard behind what was decided."""

    themes: list[Text] = Field(default_factory=list, title="Themes")
    notes: list[str] = Field(
        default_factory=list,
        title="Notes",
        description="Ids of the listening notes the entry was drawn from",
    )


def _from_listening() -> Any:
    return Field(None, title="Drawn from the listening notes")


PROVENANCE_FIELDS = frozenset({"from_listening"})

BOOKKEEPING_FIELDS = frozenset({"id", "format", "schema_version", "history", "dismissed_checks"})
"""Fields the app keeps for itself, not answers the user types: ids, the file's marker and
version, the snapshots it takes and the warnings the user dismissed."""
"""Fields the app fills when an entry is made from listening; shown, not typed into."""


# ---------------------------------------------------------------- 3. thinking & planning


class PDecision(Part):
    """Our decision for one of the 7 P's."""

    decision: Text = Field("", title="Our decision")
    owner: Text = Field("", title="Owner")
    communicated: bool = Field(False, title="Communicated to the whole organisation")
    communicated_on: date | None = Field(None, title="Communicated on")
    from_listening: FromListening | None = _from_listening()


class SevenPs(Part):
    purpose: PDecision = Field(default_factory=PDecision, title="Purpose")
    people: PDecision = Field(default_factory=PDecision, title="People")
    places: PDecision = Field(default_factory=PDecision, title="Places")
    process: PDecision = Field(default_factory=PDecision, title="Process")
    platform: PDecision = Field(default_factory=PDecision, title="Platform")
    practices: PDecision = Field(default_factory=PDecision, title="Practices")
    participate: PDecision = Field(default_factory=PDecision, title="Participate")

    def get(self, p: SevenP) -> PDecision:
        return getattr(self, p.value)


class Assessment(Part):
    attributes: Text = Field("", title="Our organisation's attributes")
    offering_value: Text = Field("", title="The value of our products and services")
    market_relations: Text = Field("", title="Our market relations")


class Planning(Part):
    intent: Text = Field("", title="Intent: the value we will give")
    seven_ps: SevenPs = Field(default_factory=SevenPs, title="The 7 P's")
    assessment: Assessment = Field(default_factory=Assessment, title="Assessment")


# ---------------------------------------------------------------- 4. engagement


class PlaybookEntry(Row):
    situation: SituationType = Field(SituationType.QUESTION, title="Situation")
    response: Text = Field("", title="How we respond")
    responder: Text = Field("", title="Who responds")
    response_time: Text = Field("", title="Target response time")
    tone: Text = Field("", title="Tone")
    example_reply: Text = Field("", title="Example reply")
    from_listening: FromListening | None = _from_listening()


class Activity(Row):
    activity: Text = Field("", title="Activity")
    channel: Text = Field("", title="Place or channel")
    audience: Text = Field("", title="Audience")
    value_offered: Text = Field("", title="Value offered")
    cadence: Text = Field("", title="Cadence")
    # The calendar's reading of the cadence; when it is empty, the text above is read
    # (workbook.cadence), so a plan written before these fields still gets its repeats.
    repeat: Repeat | None = Field(None, title="Repeats")
    repeat_every: int | None = Field(
        None,
        title="Every how many",
        ge=1,
        le=366,
        description="Every how many days, weeks, months or years (empty: every one)",
    )
    repeat_on: list[Weekday] = Field(default_factory=list, title="On which days")
    owner: Text = Field("", title="Owner")
    start_date: date | None = Field(None, title="Start date")
    hours_per_month: float | None = Field(None, title="Hours per month", ge=0, le=744)
    money_per_month: float | None = Field(None, title="Money per month", ge=0, le=1e9)
    moves: FourA | None = Field(None, title="The A it should move")
    answers: Text = Field("", title="The theme or need it answers")
    from_listening: FromListening | None = _from_listening()


class RelationshipMeasure(Row):
    dimension: FourA = Field(FourA.ATTENTION, title="The A")
    indicator: Text = Field("", title="Indicator")
    unit: Text = Field("", title="Unit")
    direction: Direction = Field(Direction.UP, title="Better when")
    baseline: Text = Field("", title="Baseline")
    baseline_value: float | None = Field(None, title="Baseline figure")
    baseline_on: date | None = Field(None, title="Baseline date")
    target: Text = Field("", title="Target")
    target_value: float | None = Field(None, title="Target figure")
    target_on: date | None = Field(None, title="Target date")
    method: Text = Field("", title="How it is measured")
    review_cadence: Text = Field("", title="Reviewed")
    from_listening: FromListening | None = _from_listening()


class Reading(Row):
    """One dated figure for one of the four A's measures."""

    measure: str = Field(
        "", title="Measure", max_length=MAX_ID_LENGTH, description="Id of the measure read"
    )
    taken_on: date | None = Field(None, title="Date")
    value: float | None = Field(None, title="Figure")
    note: Text = Field("", title="Note")


class SpendingPeriod(Row):
    """Hours and money actually spent on building relationships over one period."""

    period_start: date | None = Field(None, title="From")
    period_end: date | None = Field(None, title="To")
    hours: float | None = Field(None, title="Hours spent", ge=0, le=8784)
    money: float | None = Field(None, title="Money spent", ge=0, le=1e10)
    note: Text = Field("", title="Note")


class AgreedAction(Row):
    """Something agreed to be done (at a workshop or a review), by whom and by when."""

    what: Text = Field("", title="What")
    who: Text = Field("", title="Who")
    due: date | None = Field(None, title="Due")
    done: bool = Field(False, title="Done")


class RelationshipQuality(Part):
    trust: Text = Field("", title="Trust")
    sincerity: Text = Field("", title="Sincerity")
    common_values: Text = Field("", title="Common values")


class RelationshipCost(Part):
    """Each activity carries its own hours and money; these are the costs no single
    activity carries, and what the figures teach."""

    time: Text = Field("", title="Time outside the activities")
    money: Text = Field("", title="Money outside the activities")
    best_value: Text = Field("", title="Which methods build the most for what they cost")


class ReviewLoop(Part):
    cadence: Text = Field("", title="How often the plan is revisited")
    next_review: date | None = Field(None, title="Next review")
    feedback: Text = Field("", title="How new listening feeds back into the plan")


def _default_playbook() -> list[PlaybookEntry]:
    return [PlaybookEntry(situation=s) for s in SituationType]


def _default_measures() -> list[RelationshipMeasure]:
    return [RelationshipMeasure(dimension=a) for a in FourA]


class Engagement(Part):
    playbook: list[PlaybookEntry] = Field(
        default_factory=_default_playbook, title="Response playbook"
    )
    activities: list[Activity] = Field(default_factory=list, title="Engagement activities")
    measures: list[RelationshipMeasure] = Field(
        default_factory=_default_measures, title="Relationship measures (the four A's)"
    )
    quality: RelationshipQuality = Field(
        default_factory=RelationshipQuality, title="Relationship quality"
    )
    cost: RelationshipCost = Field(
        default_factory=RelationshipCost, title="Cost of building relationships"
    )
    review: ReviewLoop = Field(default_factory=ReviewLoop, title="Review loop")
    readings: list[Reading] = Field(default_factory=list, title="Readings of the four A's")
    spending: list[SpendingPeriod] = Field(default_factory=list, title="Spending by period")
    actions: list[AgreedAction] = Field(default_factory=list, title="Agreed actions")


# ---------------------------------------------------------------- workshop


class ParkingOutcome(StrEnum):
    """What became of a parked idea when the workshop's parking lot was reviewed."""

    OPEN = "open"
    KEPT = "kept"
    NOTE = "note"
    ACTION = "action"
    DECISION = "decision"

    @property
    def label(self) -> str:
        return {
            "open": "Not reviewed yet",
            "kept": "Kept for later",
            "note": "Turned into a listening note",
            "action": "Turned into an agreed action",
            "decision": "Turned into a decision",
        }[self.value]


class ParkedIdea(Row):
    """An idea raised in a workshop that did not belong to the step on screen: parked in
    one line so the room can move on, and reviewed at the end."""

    idea: Text = Field("", title="Idea")
    raised_on: date | None = Field(None, title="Raised on")
    raised_during: Stage | None = Field(None, title="Raised during")
    outcome: ParkingOutcome = Field(ParkingOutcome.OPEN, title="What became of it")


def _minutes(default: int, stage: Stage) -> Any:
    return Field(default, ge=1, le=480, title=f"{stage.title} (minutes)")


class Timeboxes(Part):
    """Minutes set aside for each stage in a workshop; the timer counts them down."""

    details: int = _minutes(10, Stage.DETAILS)
    management: int = _minutes(20, Stage.MANAGEMENT)
    listening: int = _minutes(30, Stage.LISTENING)
    planning: int = _minutes(40, Stage.PLANNING)
    engagement: int = _minutes(30, Stage.ENGAGEMENT)


class Workshop(Part):
    """What a facilitated session keeps with the plan: its agenda and its parking lot."""

    timeboxes: Timeboxes = Field(default_factory=Timeboxes, title="Agenda (minutes per stage)")
    parking_lot: list[ParkedIdea] = Field(default_factory=list, title="Parking lot")


# ---------------------------------------------------------------- history

STATE_KEY = "state"
"""Key of a snapshot's whole plan in a Python-mode dump (``plan.model_dump()``): the
snapshot's state travels by reference there, so that a dump and a validation (the autosave's
hand-over to its worker thread) cost nothing per snapshot. Files never hold it."""


def _utc(value: Any) -> Any:
    if isinstance(value, datetime) and value.tzinfo is None:
        return value.replace(tzinfo=UTC)  # a hand-written time without a zone: read as UTC
    return value


class Snapshot(Part):
    """The plan as it was at one moment, named by the user or taken by the app.

    In memory a snapshot holds the whole plan (:attr:`state`, the plan's JSON without its
    history), sharing unchanged parts with its neighbours. In the file it holds only
    ``changes``: how to rebuild it from the next newer snapshot, or from the plan itself
    for the newest (:mod:`workbook.jsondelta`)."""

    id: str = Field(default_factory=new_id, title="Id", min_length=1, max_length=MAX_ID_LENGTH)
    name: Text = Field("", title="Name")
    note: Text = Field("", title="Note")
    taken_at: Annotated[datetime, BeforeValidator(_utc)] = Field(
        default_factory=lambda: datetime.now(UTC), title="Taken at"
    )
    kind: SnapshotKind = Field(SnapshotKind.NAMED, title="Kind")
    changes: dict[str, Any] | None = Field(
        None,
        title="Changes",
        description="How to rebuild this snapshot from the next newer one (or from the plan, "
        "for the newest); written by the app",
    )
    _state: Any = PrivateAttr(None)
    _problems: int = PrivateAttr(0)

    @field_validator("taken_at", mode="after")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        return value.astimezone(UTC)

    @model_validator(mode="wrap")
    @classmethod
    def _keep_state(cls, data: Any, handler: Any) -> Snapshot:
        state = None
        if isinstance(data, dict) and STATE_KEY in data:
            data = dict(data)
            state = data.pop(STATE_KEY)
        snapshot = handler(data)
        if state is not None:
            snapshot._state = state
        return snapshot

    @property
    def state(self) -> dict[str, Any]:
        """The plan as it was (JSON, without history). Never change it: it is shared."""
        return self._state

    @property
    def rebuilt_exactly(self) -> bool:
        """False when the file's changes did not all fit (the plan was edited by hand)."""
        return self._problems == 0

    @property
    def title(self) -> str:
        """The name, or the kind for an automatic snapshot left unnamed."""
        return self.name.strip() or self.kind.label


class History(Part):
    """Snapshots of the plan, oldest first. See :mod:`workbook.snapshots`."""

    snapshots: list[Snapshot] = Field(default_factory=list, title="Snapshots")


def plan_state(plan: Plan) -> dict[str, Any]:
    """The plan as JSON, without its history: what a snapshot holds."""
    return plan.model_dump(mode="json", exclude={"history"})


def _rebuild_states(snapshots: list[Snapshot], current: dict[str, Any]) -> None:
    """Give each snapshot read from a file its whole plan, newest first, from the changes."""
    newer = current
    for snapshot in reversed(snapshots):
        if snapshot._state is None:
            changes = snapshot.changes or {}
            try:
                state, problems = apply_delta(newer, changes)
            except (TypeError, ValueError, AttributeError, KeyError):
                state, problems = newer, 1  # changes of an unknown shape: the newer plan
            snapshot._state, snapshot._problems = state, problems
            snapshot.changes = None  # from now on the state is the truth; saving rewrites it
        newer = snapshot._state


_DELTAS: dict[tuple[int, int], tuple[Any, Any, dict[str, Any]]] = {}
"""Changes between two states already worked out, by the states' identities (with the
states themselves, to be sure of them): states never change, so neither do the changes
between two of them, and only the newest snapshot's need working out at each save."""
_DELTAS_KEPT = 64


_DELTAS_LOCK = threading.Lock()  # the autosave writes on a worker thread


def _delta(newer: Any, older: Any) -> dict[str, Any]:
    key = (id(newer), id(older))
    with _DELTAS_LOCK:
        known = _DELTAS.get(key)
    if known is not None and known[0] is newer and known[1] is older:
        return known[2]
    delta = diff(newer, older)
    with _DELTAS_LOCK:
        while len(_DELTAS) >= _DELTAS_KEPT:
            del _DELTAS[next(iter(_DELTAS))]
        _DELTAS[key] = (newer, older, delta)
    return delta


def _history_for_file(snapshots: list[Snapshot], current: dict[str, Any]) -> list[Any]:
    """The snapshots as the file holds them: each with its changes from the next newer."""
    return _history_entries(_snapshot_parts(snapshots), current)


SnapshotParts = list[tuple[dict[str, Any], dict[str, Any] | None]]
"""Each snapshot's own fields (as JSON) and the plan it holds (None: the plan's own)."""

PlanParts = tuple[dict[str, Any], SnapshotParts, dict[str, Any]]
"""What :func:`plan_json_parts` takes of a plan: its state, its snapshots, its history's
kept unknown fields."""


def _snapshot_parts(snapshots: list[Snapshot]) -> SnapshotParts:
    return [(s.model_dump(mode="json", exclude={"changes"}), s._state) for s in snapshots]


def _history_entries(parts: SnapshotParts, current: dict[str, Any]) -> list[Any]:
    out: list[Any] = []
    newer = current
    for index, (fields, held) in enumerate(reversed(parts)):
        state = newer if held is None else held
        entry = dict(fields)
        # The plan itself is written out afresh each time: nothing to remember there.
        entry["changes"] = diff(newer, state) if index == 0 else _delta(newer, state)
        out.append(entry)
        newer = state
    out.reverse()
    return out


def plan_json_parts(plan: Plan, state: dict[str, Any] | None = None) -> PlanParts:
    """What :func:`plan_json_from_parts` needs, taken quickly: the plan as JSON without its
    history (``state``, when the caller has it: :meth:`workbook.session.PlanSession.state`),
    and each snapshot's fields and plan by reference. The snapshots' changes, the slow part
    of ``plan.model_dump(mode="json")``, are left for the one that calls
    :func:`plan_json_from_parts` (the autosaver's worker thread)."""
    history = plan.history
    state = plan_state(plan) if state is None else state
    return state, _snapshot_parts(history.snapshots), dict(history.model_extra or {})


def plan_json_from_parts(
    state: dict[str, Any], parts: SnapshotParts, extra: dict[str, Any]
) -> dict[str, Any]:
    """``plan.model_dump(mode="json")`` from :func:`plan_json_parts` (the same dict)."""
    history = {"snapshots": _history_entries(parts, state), **extra}
    out: dict[str, Any] = {}
    for key in Plan.model_fields:  # the fields in their order, as pydantic writes them
        if key == "history":
            out[key] = history
        elif key in state:
            out[key] = state[key]
    for key, value in state.items():  # then anything else the plan keeps
        out.setdefault(key, value)
    return out


# ---------------------------------------------------------------- the plan


class Plan(Part):
    """A whole social media strategy plan: what one JSON file holds."""

    format: Literal["social-media-value-workbook"] = Field(FORMAT_MARKER, title="Format")
    schema_version: Literal[2] = Field(SCHEMA_VERSION, title="Schema version")
    id: str = Field(
        default_factory=new_id,
        title="Plan id",
        min_length=1,
        max_length=MAX_ID_LENGTH,
        description="Made with the plan, never changed; calendar entries are named by it",
    )
    details: PlanDetails = Field(default_factory=PlanDetails, title=Stage.DETAILS.long_title)
    management: Management = Field(default_factory=Management, title=Stage.MANAGEMENT.long_title)
    listening: Listening = Field(default_factory=Listening, title=Stage.LISTENING.long_title)
    planning: Planning = Field(default_factory=Planning, title=Stage.PLANNING.long_title)
    engagement: Engagement = Field(default_factory=Engagement, title=Stage.ENGAGEMENT.long_title)
    workshop: Workshop = Field(default_factory=Workshop, title="Workshop")
    history: History = Field(default_factory=History, title="History")
    dismissed_checks: list[str] = Field(
        default_factory=list,
        title="Dismissed warnings",
        description="Warnings of the plan check the user dismissed, each for one field's text "
        "as it was (see workbook.lint.dismissal_key); changed text is checked again",
    )

    @field_serializer("history")
    def _write_history(self, history: History, info: FieldSerializationInfo) -> Any:
        snapshots = history.snapshots
        extra = dict(history.model_extra or {})
        if not snapshots:
            return {"snapshots": [], **extra}
        if info.mode_is_json():
            # Only the changes go to the file; the newest is rebuilt from the plan itself.
            return {"snapshots": _history_for_file(snapshots, plan_state(self)), **extra}
        # In memory (a copy for the autosave's worker, say): each state by reference.
        return {
            "snapshots": [
                {**s.model_dump(exclude={"changes"}), STATE_KEY: s._state} for s in snapshots
            ],
            **extra,
        }

    @model_validator(mode="after")
    def _history_states(self) -> Plan:
        snapshots = self.history.snapshots
        if any(snapshot._state is None for snapshot in snapshots):
            _rebuild_states(snapshots, plan_state(self))
        return self

    # Every way a plan comes in (a file, a recovery copy, an example) is validated here,
    # so this is where the rule "one id, one row" is kept: the window finds rows by id.
    @model_validator(mode="before")
    @classmethod
    def _one_row_per_id(cls, data: Any, info: ValidationInfo) -> Any:
        if not isinstance(data, dict):
            return data
        data, repairs = _with_unique_row_ids(data)
        if repairs and isinstance(info.context, dict):
            info.context.setdefault(ROW_ID_REPAIRS, []).extend(repairs)
        return data


ROW_TYPES: dict[tuple[str, str], type[Row]] = {
    ("management", "presence"): Channel,
    ("management", "people"): Person,
    ("listening", "places"): ListeningPlace,
    ("listening", "notes"): ListeningNote,
    ("engagement", "playbook"): PlaybookEntry,
    ("engagement", "activities"): Activity,
    ("engagement", "measures"): RelationshipMeasure,
    ("engagement", "readings"): Reading,
    ("engagement", "spending"): SpendingPeriod,
    ("engagement", "actions"): AgreedAction,
    ("workshop", "parking_lot"): ParkedIdea,
}
"""Every editable list in the plan, by its path, with the type of its rows."""


# ---------------------------------------------------------------- one id, one row

ROW_ID_REPAIRS = "row_id_repairs"
"""Key of a list in the validation context (``Plan.model_validate(raw, context={...})``)
that collects a :class:`RowIdRepair` for each row id the plan had to replace."""


@dataclass(frozen=True)
class RowIdRepair:
    """A row whose id was replaced while the plan was read; its fields are unchanged."""

    list_path: tuple[str, str]
    index: int
    """Position of the row in its list, counted from 0."""
    reason: str
    """"repeated", "empty", "too long" or "not text"."""


_NO_ID = object()


def _id_problem(value: Any, seen: set[str]) -> str | None:
    if not isinstance(value, str):
        return "not text"
    if not value.strip():
        return "empty"
    if len(value) > MAX_ID_LENGTH:
        return "too long"
    if value in seen:
        return "repeated"
    return None


def _row_id(row: Any) -> Any:
    """The id a row states; rows without one (``_NO_ID``) get a fresh id anyway."""
    if isinstance(row, dict):
        return row.get("id", _NO_ID)
    if isinstance(row, Row):
        return row.id
    return _NO_ID


def _all_usable(ids: list[Any]) -> bool:
    stated = [row_id for row_id in ids if row_id is not _NO_ID]
    if len(set(stated)) != len(stated) or not all(type(row_id) is str for row_id in stated):
        return False
    return all(0 < len(row_id) <= MAX_ID_LENGTH for row_id in stated) and not any(
        row_id.isspace() for row_id in stated
    )


def _unique_ids(rows: list[Any], list_path: tuple[str, str]) -> tuple[list[Any], list[RowIdRepair]]:
    # Raw JSON rows are plain dicts: read their ids inline, it is the hot path of a load.
    ids = [row.get("id", _NO_ID) if type(row) is dict else _row_id(row) for row in rows]
    if _all_usable(ids):
        return rows, []  # the usual case, checked in one pass
    taken = {row_id for row_id in ids if isinstance(row_id, str)}
    seen: set[str] = set()
    repairs: list[RowIdRepair] = []
    fixed = list(rows)  # never change what the caller passed in
    for index, (row, row_id) in enumerate(zip(rows, ids, strict=True)):
        if row_id is _NO_ID:
            continue
        reason = _id_problem(row_id, seen)
        if reason is None:
            seen.add(row_id)
            continue
        fresh = new_id()
        while fresh in taken:
            fresh = new_id()
        taken.add(fresh)
        seen.add(fresh)
        fixed[index] = (
            row.model_copy(update={"id": fresh}) if isinstance(row, Row) else {**row, "id": fresh}
        )
        repairs.append(RowIdRepair(list_path, index, reason))
    return fixed, repairs


def _with_unique_row_ids(data: dict[str, Any]) -> tuple[dict[str, Any], list[RowIdRepair]]:
    """``data`` (the raw fields of a plan) with every row id usable and unique in its list:
    repeated, empty, over-long and non-text ids are replaced by fresh ones. ``data`` is
    not changed; a copy is made where anything had to be."""
    repairs: list[RowIdRepair] = []
    for part_name, list_name in ROW_TYPES:
        part = data.get(part_name)
        if isinstance(part, dict):
            rows = part.get(list_name)
        elif isinstance(part, Part):
            rows = getattr(part, list_name, None)
        else:
            continue
        if not isinstance(rows, list):
            continue
        fixed, found = _unique_ids(rows, (part_name, list_name))
        if not found:
            continue
        repairs.extend(found)
        data = dict(data)
        data[part_name] = (
            {**part, list_name: fixed}
            if isinstance(part, dict)
            else part.model_copy(update={list_name: fixed})
        )
    return data, repairs
