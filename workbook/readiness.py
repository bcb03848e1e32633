"""Readiness to engage, as the series means it: the house in order, real listening, the 7 P's
decided, owned and shared, and nothing started before they were shared.

Each condition is a :class:`~workbook.completeness.Check` that names what is missing and
leads to the field; the window shows the unmet ones as a warning, never a locked door.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from workbook.completeness import BORROWED_NOTE, MIN_LISTENING_DAYS, MIN_LISTENING_NOTES, Check
from workbook.facts import filled, notes_heard, people_names, row_is_empty, shared_on
from workbook.paths import SEPARATOR, FieldPath
from workbook.stages import Stage

if TYPE_CHECKING:
    from workbook.borrowed import BorrowedText
    from workbook.model import Plan

LEARNINGS = ("market_wants", "want_us_to_say", "unlearn", "reputation", "give_results")


def _day(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def _management(plan: Plan, borrowed: BorrowedText) -> list[Check]:
    m = plan.management
    people: FieldPath = ("management", "people")
    named = [p for p in m.people if p.name.strip()]
    accountable = [p.name.strip() for p in named if p.accountable]
    stage = Stage.MANAGEMENT
    if len(accountable) > 1:
        label = (
            f"Exactly one person is accountable: {len(accountable)} are "
            f"({', '.join(accountable)}); choose one"
        )
    else:
        label = "Exactly one person is accountable when something wrong is posted"
    escalation = m.governance.escalation_path
    has_path = filled(escalation) and not borrowed.is_borrowed(
        "management.governance.escalation_path", escalation
    )
    return [
        Check(stage, label, people, len(accountable) == 1),
        Check(stage, "Someone may publish", people, any(p.can_publish for p in named)),
        Check(
            stage,
            "Someone answers complaints",
            people,
            any(p.can_answer_complaints for p in named),
        ),
        Check(
            stage,
            "An escalation path for complaints and crises"
            + (f": {BORROWED_NOTE}" if filled(escalation) and not has_path else ""),
            ("management", "governance", "escalation_path"),
            has_path,
        ),
    ]


def _listening(plan: Plan, borrowed: BorrowedText) -> list[Check]:
    heard = notes_heard(plan, borrowed)
    notes: FieldPath = ("listening", "notes")
    stage = Stage.LISTENING
    checks = [
        Check(
            stage,
            f"At least {MIN_LISTENING_NOTES} listening notes that say what was said "
            f"({heard.count} so far)",
            notes,
            heard.count >= MIN_LISTENING_NOTES,
        ),
        Check(
            stage,
            f"Listening notes dated over at least two weeks ({heard.days} days so far)",
            notes,
            heard.days >= MIN_LISTENING_DAYS,
        ),
    ]
    learnings = plan.listening.learnings
    for name in LEARNINGS:
        value = getattr(learnings, name)
        title = type(learnings).model_fields[name].title
        if not filled(value):
            label, done = f"Learnings{SEPARATOR}{title}: not written yet", False
        elif borrowed.is_borrowed(f"listening.learnings.{name}", value):
            label, done = f"Learnings{SEPARATOR}{title}: {BORROWED_NOTE}, not yours", False
        else:
            label, done = f"Learnings{SEPARATOR}{title}, in your own words", True
        checks.append(Check(stage, label, ("listening", "learnings", name), done))
    return checks


def _planning(plan: Plan, borrowed: BorrowedText) -> list[Check]:
    from workbook.model import SevenP

    names = people_names(plan)
    checks = []
    stage = Stage.PLANNING
    for p in SevenP:
        decision = plan.planning.seven_ps.get(p)
        path: FieldPath = ("planning", "seven_ps", p.value)
        prefix = f"The 7 P's{SEPARATOR}{p.label}{SEPARATOR}"
        text = decision.decision
        if not filled(text):
            checks.append(Check(stage, f"{prefix}not decided yet", path + ("decision",), False))
        elif borrowed.is_borrowed("planning.seven_ps.decision", text):
            checks.append(
                Check(stage, f"{prefix}decision is {BORROWED_NOTE}", path + ("decision",), False)
            )
        else:
            checks.append(Check(stage, f"{prefix}decided", path + ("decision",), True))
        owner = decision.owner.strip()
        if not owner:
            label, done = f"{prefix}no owner yet", False
        elif owner not in names:
            label, done = f"{prefix}owner {owner} is not on the People list", False
        else:
            label, done = f"{prefix}owned by {owner}", True
        checks.append(Check(stage, label, path + ("owner",), done))
        checks.append(
            Check(
                stage,
                f"{prefix}shared with the whole organisation"
                if decision.communicated
                else f"{prefix}not yet shared with the whole organisation",
                path + ("communicated",),
                decision.communicated,
            )
        )
    return checks


def _dates(plan: Plan) -> list[Check]:
    from workbook.model import SevenP

    activities = [
        a for a in plan.engagement.activities if not row_is_empty(a) and a.start_date is not None
    ]
    if not activities:
        return []
    stage = Stage.ENGAGEMENT
    undated = [
        p
        for p in SevenP
        if plan.planning.seven_ps.get(p).communicated
        and plan.planning.seven_ps.get(p).communicated_on is None
    ]
    checks = [
        Check(
            Stage.PLANNING,
            f"The 7 P's{SEPARATOR}{p.label}: say when it was shared, so start dates can be checked",
            ("planning", "seven_ps", p.value, "communicated_on"),
            False,
        )
        for p in undated
    ]
    shared = shared_on(plan)
    if shared is None:
        return checks
    for activity in activities:
        name = " ".join(activity.activity.split()) or "An activity"
        early = activity.start_date < shared
        label = (
            f"“{name}” starts {_day(activity.start_date)}, before the 7 P's were all shared "
            f"({_day(shared)})"
            if early
            else f"“{name}” starts after the 7 P's were shared"
        )
        path = ("engagement", "activities", activity.id, "start_date")
        checks.append(Check(stage, label, path, not early))
    return checks


def readiness_checks(plan: Plan, borrowed: BorrowedText | None = None) -> tuple[Check, ...]:
    """Every condition for engaging, met or not, in the order the series takes them."""
    if borrowed is None:
        from workbook.borrowed import borrowed_text

        borrowed = borrowed_text(plan)
    return tuple(
        _management(plan, borrowed)
        + _listening(plan, borrowed)
        + _planning(plan, borrowed)
        + _dates(plan)
    )
