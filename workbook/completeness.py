"""Completeness of a plan, computed (never stored): what each stage has, and what is still a gap.

This is the one source for the wizard's progress display, the review checklist,
the engagement readiness warning and the PDF's readiness section.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from workbook.model import FourA, Plan, PolicyStatus, Row, SevenP, SituationType
from workbook.paths import SEPARATOR, FieldPath
from workbook.stages import Stage

MIN_LISTENING_NOTES = 10
"""Listening notes a plan should hold before it counts as having listened."""


@dataclass(frozen=True, slots=True)
class Check:
    """One thing a complete plan has. ``path`` leads to the field or list to fill in."""

    stage: Stage
    label: str
    path: FieldPath
    done: bool


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
    def percent(self) -> int:
        """Whole percent, rounded down so that 100 means nothing is missing."""
        return 100 if not self.checks else (100 * self.done) // self.total

    @property
    def complete(self) -> bool:
        return self.done == self.total

    @property
    def gaps(self) -> tuple[Check, ...]:
        return tuple(c for c in self.checks if not c.done)


@dataclass(frozen=True, slots=True)
class PlanStatus:
    stages: tuple[StageStatus, ...]

    def __getitem__(self, stage: Stage) -> StageStatus:
        for status in self.stages:
            if status.stage == stage:
                return status
        raise KeyError(stage)

    @property
    def percent(self) -> int:
        total = sum(s.total for s in self.stages)
        done = sum(s.done for s in self.stages)
        return 100 if not total else (100 * done) // total

    @property
    def gaps(self) -> tuple[Check, ...]:
        return tuple(g for s in self.stages for g in s.gaps)

    @property
    def readiness_gaps(self) -> tuple[Check, ...]:
        """What must be done before engaging: listening, and the 7 P's thought out and shared."""
        return self[Stage.LISTENING].gaps + self[Stage.PLANNING].gaps

    @property
    def ready_to_engage(self) -> bool:
        return not self.readiness_gaps

    def summary(self) -> str:
        """One line: completeness per stage."""
        parts = [f"{s.stage.title} {s.percent}%" for s in self.stages]
        return f"{self.percent}% complete — " + ", ".join(parts)


def _filled(value: object) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    return True


def _title(model: BaseModel, name: str) -> str:
    return type(model).model_fields[name].title or name


class _Checker:
    """Collects the checks of one stage."""

    def __init__(self, stage: Stage) -> None:
        self.stage = stage
        self.checks: list[Check] = []

    def add(self, label: str, path: FieldPath, done: bool) -> None:
        self.checks.append(Check(self.stage, label, path, done))

    def fields(
        self, part: BaseModel, base: FieldPath, names: tuple[str, ...], prefix: str = ""
    ) -> None:
        for name in names:
            label = _title(part, name)
            self.add(f"{prefix}{label}", base + (name,), _filled(getattr(part, name)))

    def rows(
        self, rows: list, base: FieldPath, list_label: str, names: tuple[str, ...], row_label
    ) -> None:
        for index, row in enumerate(rows):
            assert isinstance(row, Row)
            prefix = f"{list_label}{SEPARATOR}{row_label(row, index)}{SEPARATOR}"
            self.fields(row, base + (row.id,), names, prefix)

    def status(self) -> StageStatus:
        return StageStatus(self.stage, tuple(self.checks))


def _row_name(text: str, fallback: str) -> str:
    text = " ".join(text.split())
    if not text:
        return fallback
    return text if len(text) <= 40 else text[:39] + "…"


def _details(plan: Plan) -> StageStatus:
    c = _Checker(Stage.DETAILS)
    c.fields(
        plan.details,
        ("details",),
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


def _management(plan: Plan) -> StageStatus:
    m = plan.management
    c = _Checker(Stage.MANAGEMENT)
    base: FieldPath = ("management",)
    c.add("Presence inventory: at least one channel", base + ("presence",), bool(m.presence))
    c.rows(
        m.presence,
        base + ("presence",),
        "Presence inventory",
        ("handle", "purpose", "owner", "backup_owner"),
        lambda r, i: _row_name(f"{r.platform.label} {r.handle}", f"channel {i + 1}"),
    )
    people = base + ("people",)
    c.add("People and permissions: at least one person", people, bool(m.people))
    c.add(
        "People and permissions: someone may publish", people, any(p.can_publish for p in m.people)
    )
    c.add(
        "People and permissions: someone is accountable",
        people,
        any(p.accountable for p in m.people),
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
    c.fields(g, gov, ("policy_status",))
    if g.policy_status is not PolicyStatus.NONE:
        c.fields(g, gov, ("policy_summary",))
    c.fields(
        g,
        gov,
        ("approval_process", "escalation_path", "accountability", "brand_voice", "legal_notes"),
    )
    c.fields(
        m.resources,
        base + ("resources",),
        ("monitoring_tools", "scheduling_tools", "hours_per_week", "budget"),
    )
    return c.status()


def _listening(plan: Plan) -> StageStatus:
    li = plan.listening
    c = _Checker(Stage.LISTENING)
    base: FieldPath = ("listening",)
    c.fields(li, base, ("intent",))
    c.add("Listening plan: at least one place to listen", base + ("places",), bool(li.places))
    c.rows(
        li.places,
        base + ("places",),
        "Listening plan",
        ("where", "listen_for", "frequency", "listener"),
        lambda r, i: _row_name(r.where, f"place {i + 1}"),
    )
    count = len(li.notes)
    c.add(
        f"Listening notes: at least {MIN_LISTENING_NOTES} ({count} so far)",
        base + ("notes",),
        count >= MIN_LISTENING_NOTES,
    )
    c.fields(
        li.learnings,
        base + ("learnings",),
        ("market_wants", "want_us_to_say", "unlearn", "reputation", "give_results"),
    )
    return c.status()


def _planning(plan: Plan) -> StageStatus:
    pl = plan.planning
    c = _Checker(Stage.PLANNING)
    base: FieldPath = ("planning",)
    c.fields(pl, base, ("intent",))
    for p in SevenP:
        decision = pl.seven_ps.get(p)
        path = base + ("seven_ps", p.value)
        c.add(
            f"The 7 P's{SEPARATOR}{p.label}{SEPARATOR}Our decision",
            path + ("decision",),
            _filled(decision.decision),
        )
        c.add(
            f"The 7 P's{SEPARATOR}{p.label}{SEPARATOR}Owner",
            path + ("owner",),
            _filled(decision.owner),
        )
        c.add(
            f"The 7 P's{SEPARATOR}{p.label}{SEPARATOR}Communicated to the whole organisation",
            path + ("communicated",),
            decision.communicated,
        )
    c.fields(
        pl.assessment, base + ("assessment",), ("attributes", "offering_value", "market_relations")
    )
    return c.status()


def _engagement(plan: Plan) -> StageStatus:
    e = plan.engagement
    c = _Checker(Stage.ENGAGEMENT)
    base: FieldPath = ("engagement",)
    playbook = base + ("playbook",)
    covered = {entry.situation for entry in e.playbook if _filled(entry.response)}
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
    c.add("Engagement activities: at least one", activities, bool(e.activities))
    c.rows(
        e.activities,
        activities,
        "Engagement activities",
        ("activity", "channel", "value_offered", "cadence", "owner"),
        lambda r, i: _row_name(r.activity, f"activity {i + 1}"),
    )
    measures = base + ("measures",)
    measured = {m.dimension for m in e.measures if _filled(m.indicator) and _filled(m.target)}
    for a in FourA:
        c.add(f"The four A's: {a.label} has an indicator and a target", measures, a in measured)
    c.rows(
        e.measures,
        measures,
        "The four A's",
        ("indicator", "baseline", "target", "method", "review_cadence"),
        lambda r, i: r.dimension.label,
    )
    c.fields(
        e.quality,
        base + ("quality",),
        ("trust", "sincerity", "common_values"),
        "Relationship quality" + SEPARATOR,
    )
    c.fields(
        e.cost, base + ("cost",), ("time", "money"), "Cost of building relationships" + SEPARATOR
    )
    c.fields(
        e.review,
        base + ("review",),
        ("cadence", "next_review", "feedback"),
        "Review loop" + SEPARATOR,
    )
    return c.status()


_STAGE_ASSESSORS = {
    Stage.DETAILS: _details,
    Stage.MANAGEMENT: _management,
    Stage.LISTENING: _listening,
    Stage.PLANNING: _planning,
    Stage.ENGAGEMENT: _engagement,
}


def assess_stage(plan: Plan, stage: Stage) -> StageStatus:
    """Completeness of one stage (cheap: the notes log is only counted)."""
    return _STAGE_ASSESSORS[stage](plan)


def assess(plan: Plan) -> PlanStatus:
    """Completeness of every stage of ``plan``."""
    return PlanStatus(tuple(assess_stage(plan, stage) for stage in Stage))


def iter_gap_labels(plan: Plan) -> Iterator[str]:
    for gap in assess(plan).gaps:
        yield f"{gap.stage.title}: {gap.label}"
