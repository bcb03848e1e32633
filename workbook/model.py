"""The plan document: plan details and the four stages, as pydantic models."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    model_validator,
)

from workbook.stages import Stage

FORMAT_MARKER = "social-media-value-workbook"
"""Value of the ``format`` key that marks a file as one of our plans."""

SCHEMA_VERSION = 1
"""Version of the file format this app writes.

History (each change gets a migration step in ``workbook.migrations`` and a
sample file in ``tests/samples/``):

1. First version: plan details, management & administration, listening & learning,
   thinking & planning (the 7 P's), engagement.
"""

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
    baseline: Text = Field("", title="Baseline")
    target: Text = Field("", title="Target")
    method: Text = Field("", title="How it is measured")
    review_cadence: Text = Field("", title="Reviewed")
    from_listening: FromListening | None = _from_listening()


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


# ---------------------------------------------------------------- the plan


class Plan(Part):
    """A whole social media strategy plan: what one JSON file holds."""

    format: Literal["social-media-value-workbook"] = Field(FORMAT_MARKER, title="Format")
    schema_version: Literal[1] = Field(SCHEMA_VERSION, title="Schema version")
    details: PlanDetails = Field(default_factory=PlanDetails, title=Stage.DETAILS.long_title)
    management: Management = Field(default_factory=Management, title=Stage.MANAGEMENT.long_title)
    listening: Listening = Field(default_factory=Listening, title=Stage.LISTENING.long_title)
    planning: Planning = Field(default_factory=Planning, title=Stage.PLANNING.long_title)
    engagement: Engagement = Field(default_factory=Engagement, title=Stage.ENGAGEMENT.long_title)

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
