"""Completeness of a plan, computed (never stored): what each stage has, and what is still a gap.

This is the one source for the wizard's progress display, the review checklist,
the engagement readiness warning and the PDF's readiness section.

Progress is honest: each stage weighs its parts by the work they stand for (the notes log
is a real share of Listening), empty rows count nothing, a rule the help states (exactly
one accountable person) is checked as a rule, and text taken from a worked example and
left unchanged is not yet the user's (:mod:`workbook.borrowed`). Readiness to engage is
its own list of conditions (:mod:`workbook.readiness`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbook.facts import (
    NOT_TYPED,
    NotesHeard,
    PeopleNames,
    filled,
    notes_heard,
    people_names,
    row_is_empty,
    shared_on,
)
from workbook.paths import SEPARATOR, FieldPath
from workbook.stages import Stage

if TYPE_CHECKING:
    from pydantic import BaseModel

    from workbook.borrowed import BorrowedText
    from workbook.model import Plan, Row

# The status types import without the plan model; the checks import it when they run. The
# stages themselves are in workbook.stages, which the window's menus need before this.

__all__ = [
    "MIN_LISTENING_DAYS",
    "MIN_LISTENING_NOTES",
    "Check",
    "NotesHeard",
    "PeopleNames",
    "PlanStatus",
    "StageStatus",
    "assess",
    "assess_stage",
    "filled",
    "notes_heard",
    "people_names",
    "row_is_empty",
    "shared_on",
]

MIN_LISTENING_NOTES = 10
"""Listening notes with what was said that a plan should hold before it counts as having
listened."""

MIN_LISTENING_DAYS = 14
"""The notes should cover at least this many days, first to last: two weeks of listening."""

STAGE_WEIGHTS: dict[Stage, int] = {
    Stage.DETAILS: 5,
    Stage.MANAGEMENT: 20,
    Stage.LISTENING: 25,
    Stage.PLANNING: 25,
    Stage.ENGAGEMENT: 25,
}
"""How much of the whole plan each stage stands for (the details are a few minutes' work)."""

PART_WEIGHTS: dict[str, int] = {
    "management.presence": 25,
    "management.people": 30,
    "management.governance": 30,
    "management.resources": 15,
    "listening.intent": 10,
    "listening.places": 20,
    "listening.notes": 40,
    "listening.learnings": 30,
    "planning.intent": 10,
    "planning.seven_ps": 70,
    "planning.assessment": 20,
    "engagement.playbook": 25,
    "engagement.activities": 25,
    "engagement.measures": 25,
    "engagement.quality": 8,
    "engagement.cost": 7,
    "engagement.review": 10,
}
"""The share of its stage each part stands for, in points out of 100 per stage."""

BORROWED_NOTE = "still an example's words"
"""Added to a gap's label when the field holds unchanged example text."""


@dataclass(frozen=True, slots=True)
class Check:
    """One thing a complete plan has. ``path`` leads to the field or list to fill in.

    ``weight`` is the share of its stage the check stands for, and ``credit`` how much of
    it is done (0 to 1) when partly done, such as 4 of 10 notes.
    """

    stage: Stage
    label: str
    path: FieldPath
    done: bool
    weight: float = 1.0
    credit: float | None = None

    @property
    def earned(self) -> float:
        share = self.credit if self.credit is not None else (1.0 if self.done else 0.0)
        return self.weight * share


def _percent(earned: float, weight: float, complete: bool) -> int:
    """Whole percent, rounded down so that 100 means nothing is missing."""
    if complete:
        return 100
    if weight <= 0:
        return 0
    return min(99, math.floor(100 * earned / weight + 1e-9))


@dataclass(frozen=True, slots=True)
class StageStatus:
    stage: Stage
    checks: tuple[Check, ...]

    @property
    def total(self) -> int:
        return len(self.checks)

    @property
    def done(self) -> int:
        return sum(1 for c in self.checks if c.done)

    @property
    def score(self) -> float:
        """Share of the stage done, from 0 to 1, each check weighed by the work it stands for."""
        weight = sum(c.weight for c in self.checks)
        return 1.0 if weight <= 0 else sum(c.earned for c in self.checks) / weight

    @property
    def percent(self) -> int:
        """Whole percent of the work, rounded down so that 100 means nothing is missing."""
        weight = sum(c.weight for c in self.checks)
        return _percent(sum(c.earned for c in self.checks), weight, self.complete)

    @property
    def complete(self) -> bool:
        return self.done == self.total

    @property
    def gaps(self) -> tuple[Check, ...]:
        return tuple(c for c in self.checks if not c.done)


@dataclass(frozen=True, slots=True)
class PlanStatus:
    stages: tuple[StageStatus, ...]
    readiness: tuple[Check, ...] = ()
    """Every condition for engaging (:mod:`workbook.readiness`), met or not."""

    def __getitem__(self, stage: Stage) -> StageStatus:
        for status in self.stages:
            if status.stage == stage:
                return status
        raise KeyError(stage)

    @property
    def percent(self) -> int:
        """The whole plan, each stage weighed by :data:`STAGE_WEIGHTS`."""
        weight = sum(STAGE_WEIGHTS[s.stage] for s in self.stages)
        earned = sum(STAGE_WEIGHTS[s.stage] * s.score for s in self.stages)
        return _percent(earned, weight, all(s.complete for s in self.stages))

    @property
    def gaps(self) -> tuple[Check, ...]:
        return tuple(g for s in self.stages for g in s.gaps)

    @property
    def readiness_gaps(self) -> tuple[Check, ...]:
        """What is still missing before engaging: Management essentials, real listening, the
        7 P's decided, owned and shared, and no activity starting before they were shared.
        Each names what is missing and leads to it; a warning, never a locked door."""
        return tuple(c for c in self.readiness if not c.done)

    @property
    def ready_to_engage(self) -> bool:
        return not self.readiness_gaps

    def summary(self) -> str:
        """One line: completeness per stage."""
        parts = [f"{s.stage.title} {s.percent}%" for s in self.stages]
        return f"{self.percent}% complete — " + ", ".join(parts)


# ---------------------------------------------------------------- the checks


def _title(model: BaseModel, name: str) -> str:
    return type(model).model_fields[name].title or name


class _Checker:
    """Collects the checks of one stage, part by part."""

    def __init__(self, stage: Stage, borrowed: BorrowedText) -> None:
        self.stage = stage
        self.borrowed = borrowed
        self._parts: list[tuple[float, list[tuple[str, FieldPath, bool, float | None, float]]]]
        self._parts = []

    def part(self, key: str | None = None, weight: float | None = None) -> None:
        """Start the next part; its checks share its weight."""
        self._parts.append((weight if weight is not None else PART_WEIGHTS[key or ""], []))

    def add(
        self,
        label: str,
        path: FieldPath,
        done: bool,
        credit: float | None = None,
        share: float = 1.0,
    ) -> None:
        if not self._parts:
            self.part(weight=1)
        self._parts[-1][1].append((label, path, done, credit, share))

    def yours(self, key: str, value: object) -> tuple[bool, bool]:
        """(filled, borrowed) for a value at guide ``key``."""
        if not filled(value):
            return False, False
        return True, self.borrowed.is_borrowed(key, value)

    def own_rows(self, rows: Sequence[Row], key_base: str) -> list[Row]:
        """The rows with something of the user's own in them: not empty, not only an
        example's words."""
        own = []
        for row in rows:
            if row_is_empty(row):
                continue
            for name in type(row).model_fields:
                value = getattr(row, name)
                if name in NOT_TYPED or not filled(value) or isinstance(value, bool | list):
                    continue
                if type(value) is str:
                    if self.borrowed.is_borrowed(f"{key_base}.{name}", value):
                        continue
                elif isinstance(value, str):  # a choice alone does not make a row
                    continue
                own.append(row)
                break
        return own

    def fields(
        self,
        part: BaseModel,
        base: FieldPath,
        key_base: str,
        names: tuple[str, ...],
        prefix: str = "",
    ) -> None:
        for name in names:
            label = f"{prefix}{_title(part, name)}"
            has, borrowed = self.yours(f"{key_base}.{name}", getattr(part, name))
            if borrowed:
                label = f"{label}: {BORROWED_NOTE}"
            self.add(label, base + (name,), has and not borrowed)

    def rows(
        self,
        rows: Sequence[Row],
        base: FieldPath,
        list_label: str,
        names: tuple[str, ...],
        row_label: Callable[[Any, int], str],
    ) -> None:
        key_base = ".".join(base)
        for index, row in enumerate(rows):
            if row_is_empty(row):
                continue  # an Add click with nothing typed counts for nothing either way
            prefix = f"{list_label}{SEPARATOR}{row_label(row, index)}{SEPARATOR}"
            self.fields(row, base + (row.id,), key_base, names, prefix)

    def status(self) -> StageStatus:
        checks = []
        for weight, items in self._parts:
            shares = sum(item[4] for item in items)
            for label, path, done, credit, share in items:
                checks.append(Check(self.stage, label, path, done, weight * share / shares, credit))
        return StageStatus(self.stage, tuple(checks))


def _row_name(text: str, fallback: str) -> str:
    text = " ".join(text.split())
    if not text:
        return fallback
    return text if len(text) <= 40 else text[:39] + "…"


def _details(plan: Plan, borrowed: BorrowedText) -> StageStatus:
    c = _Checker(Stage.DETAILS, borrowed)
    c.part(weight=100)
    c.fields(
        plan.details,
        ("details",),
        "details",
        (
            "title",
            "organisation",
            "industry",
            "location",
            "offering",
            "audience",
            "prepared_for",
            "prepared_by",
            "plan_date",
        ),
    )
    return c.status()


def _management(plan: Plan, borrowed: BorrowedText) -> StageStatus:
    from workbook.model import PolicyStatus

    m = plan.management
    c = _Checker(Stage.MANAGEMENT, borrowed)
    base: FieldPath = ("management",)
    presence = base + ("presence",)
    channels = c.own_rows(m.presence, "management.presence")
    c.part("management.presence")
    c.add("Presence inventory: at least one channel", presence, bool(channels))
    c.rows(
        m.presence,
        presence,
        "Presence inventory",
        ("handle", "purpose", "owner", "backup_owner"),
        lambda r, i: _row_name(f"{r.platform.label} {r.handle}", f"channel {i + 1}"),
    )

    people = base + ("people",)
    named = [p for p in m.people if p.name.strip()]
    accountable = sum(1 for p in named if p.accountable)
    c.part("management.people")
    c.add("People and permissions: at least one person", people, bool(named))
    c.add(
        "People and permissions: exactly one person is accountable"
        + (f" ({accountable} are ticked)" if accountable > 1 else ""),
        people,
        accountable == 1,
    )
    c.add("People and permissions: someone may publish", people, any(p.can_publish for p in named))
    c.add(
        "People and permissions: someone answers complaints",
        people,
        any(p.can_answer_complaints for p in named),
    )
    c.rows(
        m.people,
        people,
        "People and permissions",
        ("name", "role"),
        lambda r, i: _row_name(r.name, f"person {i + 1}"),
    )

    g = m.governance
    gov: FieldPath = base + ("governance",)
    c.part("management.governance")
    c.fields(g, gov, "management.governance", ("policy_status",))
    if g.policy_status is not PolicyStatus.NONE:
        c.fields(g, gov, "management.governance", ("policy_summary",))
    c.fields(
        g,
        gov,
        "management.governance",
        ("approval_process", "escalation_path", "accountability", "brand_voice", "legal_notes"),
    )
    c.part("management.resources")
    c.fields(
        m.resources,
        base + ("resources",),
        "management.resources",
        ("monitoring_tools", "scheduling_tools", "hours_per_week", "budget"),
    )
    return c.status()


def _listening(plan: Plan, borrowed: BorrowedText) -> StageStatus:
    li = plan.listening
    c = _Checker(Stage.LISTENING, borrowed)
    base: FieldPath = ("listening",)
    c.part("listening.intent")
    c.fields(li, base, "listening", ("intent",))
    c.part("listening.places")
    places = c.own_rows(li.places, "listening.places")
    c.add("Listening plan: at least one place to listen", base + ("places",), bool(places))
    c.rows(
        li.places,
        base + ("places",),
        "Listening plan",
        ("where", "listen_for", "frequency", "listener"),
        lambda r, i: _row_name(r.where, f"place {i + 1}"),
    )
    heard = notes_heard(plan, borrowed)
    notes = base + ("notes",)
    c.part("listening.notes")
    c.add(
        f"Listening notes: at least {MIN_LISTENING_NOTES} that say what was said "
        f"({heard.count} so far)",
        notes,
        heard.count >= MIN_LISTENING_NOTES,
        credit=min(1.0, heard.count / MIN_LISTENING_NOTES),
        share=3,
    )
    c.add(
        f"Listening notes: dated over at least two weeks ({heard.days} days so far)",
        notes,
        heard.days >= MIN_LISTENING_DAYS,
        credit=min(1.0, heard.days / MIN_LISTENING_DAYS),
    )
    c.part("listening.learnings")
    c.fields(
        li.learnings,
        base + ("learnings",),
        "listening.learnings",
        ("market_wants", "want_us_to_say", "unlearn", "reputation", "give_results"),
    )
    return c.status()


def _planning(plan: Plan, borrowed: BorrowedText) -> StageStatus:
    from workbook.model import SevenP

    pl = plan.planning
    c = _Checker(Stage.PLANNING, borrowed)
    base: FieldPath = ("planning",)
    c.part("planning.intent")
    c.fields(pl, base, "planning", ("intent",))
    c.part("planning.seven_ps")
    names = people_names(plan)
    for p in SevenP:
        decision = pl.seven_ps.get(p)
        path = base + ("seven_ps", p.value)
        prefix = f"The 7 P's{SEPARATOR}{p.label}{SEPARATOR}"
        c.fields(decision, path, "planning.seven_ps", ("decision",), prefix)
        has, copied = c.yours("planning.seven_ps.owner", decision.owner)
        on_list = has and not copied and decision.owner in names
        label = f"{prefix}Owner, from the People list"
        if copied:
            label = f"{label}: {BORROWED_NOTE}"
        elif has and not on_list:
            label = f"{label} ({decision.owner.strip()} is not on it)"
        # Naming someone is half the work; naming someone on the team is all of it.
        c.add(
            label, path + ("owner",), on_list, credit=1.0 if on_list else 0.5 * (has and not copied)
        )
        # Sharing counts once there is a decision of the user's own to share.
        own = c.yours("planning.seven_ps.decision", decision.decision) == (True, False)
        c.add(
            f"{prefix}Communicated to the whole organisation"
            + ("" if own or not decision.communicated else " (once the decision is yours)"),
            path + ("communicated",),
            decision.communicated and own,
        )
    c.part("planning.assessment")
    c.fields(
        pl.assessment,
        base + ("assessment",),
        "planning.assessment",
        ("attributes", "offering_value", "market_relations"),
    )
    return c.status()


def _engagement(plan: Plan, borrowed: BorrowedText) -> StageStatus:
    from workbook.model import FourA, SituationType

    e = plan.engagement
    c = _Checker(Stage.ENGAGEMENT, borrowed)
    base: FieldPath = ("engagement",)
    playbook = base + ("playbook",)
    c.part("engagement.playbook")
    covered = {
        entry.situation
        for entry in e.playbook
        if filled(entry.response)
        and not borrowed.is_borrowed("engagement.playbook.response", entry.response)
    }
    for situation in SituationType:
        c.add(
            f"Response playbook: how we respond to {situation.label.lower()}",
            playbook,
            situation in covered,
        )
    c.rows(
        e.playbook,
        playbook,
        "Response playbook",
        ("response", "responder", "response_time", "tone"),
        lambda r, i: r.situation.label,
    )
    activities = base + ("activities",)
    c.part("engagement.activities")
    c.add(
        "Engagement activities: at least one",
        activities,
        bool(c.own_rows(e.activities, "engagement.activities")),
    )
    c.rows(
        e.activities,
        activities,
        "Engagement activities",
        (
            "activity",
            "channel",
            "value_offered",
            "cadence",
            "owner",
            "start_date",
            "hours_per_month",
            "money_per_month",
            "moves",
            "answers",
        ),
        lambda r, i: _row_name(r.activity, f"activity {i + 1}"),
    )
    measures = base + ("measures",)
    c.part("engagement.measures")
    measured = {
        m.dimension
        for m in e.measures
        if c.yours("engagement.measures.indicator", m.indicator) == (True, False)
        and filled(m.target)
    }
    for a in FourA:
        c.add(f"The four A's: {a.label} has an indicator and a target", measures, a in measured)
    c.rows(
        e.measures,
        measures,
        "The four A's",
        ("indicator", "baseline", "target", "method", "review_cadence"),
        lambda r, i: r.dimension.label,
    )
    for key, names, prefix in (
        ("quality", ("trust", "sincerity", "common_values"), "Relationship quality"),
        ("cost", ("time", "money", "best_value"), "Cost of building relationships"),
        ("review", ("cadence", "next_review", "feedback"), "Review loop"),
    ):
        c.part(f"engagement.{key}")
        c.fields(getattr(e, key), base + (key,), f"engagement.{key}", names, prefix + SEPARATOR)
    return c.status()


_STAGE_ASSESSORS = {
    Stage.DETAILS: _details,
    Stage.MANAGEMENT: _management,
    Stage.LISTENING: _listening,
    Stage.PLANNING: _planning,
    Stage.ENGAGEMENT: _engagement,
}


def assess_stage(plan: Plan, stage: Stage) -> StageStatus:
    """Completeness of one stage (cheap: each note is looked at once, for what was said)."""
    from workbook.borrowed import borrowed_text

    return _STAGE_ASSESSORS[stage](plan, borrowed_text(plan))


def assess(plan: Plan) -> PlanStatus:
    """Completeness of every stage of ``plan``, and its readiness to engage."""
    from workbook.borrowed import borrowed_text
    from workbook.readiness import readiness_checks

    borrowed = borrowed_text(plan)
    stages = tuple(_STAGE_ASSESSORS[stage](plan, borrowed) for stage in Stage)
    return PlanStatus(stages, readiness_checks(plan, borrowed))


def iter_gap_labels(plan: Plan) -> Iterator[str]:
    for gap in assess(plan).gaps:
        yield f"{gap.stage.title}: {gap.label}"
