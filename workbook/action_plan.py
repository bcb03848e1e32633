"""The action plan: everything in a plan that is dated and owned, in one list.

Activities with their start and cadence, the agreed actions, the next review, and the
7 P's still to share with the whole team. The window's view, the calendar (ICS) and the
spreadsheet (CSV) exports all read this list, so they always agree.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from workbook.cadence import Cadence, activity_cadence, parse_cadence
from workbook.model import Plan, Repeat, SevenP
from workbook.paths import FieldPath


class ItemKind(StrEnum):
    ACTIVITY = "activity"
    ACTION = "action"
    REVIEW = "review"
    SHARE = "share"

    @property
    def label(self) -> str:
        return {
            "activity": "Activity",
            "action": "Agreed action",
            "review": "Plan review",
            "share": "Share a P",
        }[self.value]


@dataclass(frozen=True, slots=True)
class PlanItem:
    """One dated, owned thing to do."""

    key: str
    """Stable within the plan: the row's id, ``review``, or ``share-<p>``; with the plan's
    id it names the item's calendar entry."""
    kind: ItemKind
    title: str
    owner: str
    on: date | None
    """When it starts (an activity), is due (an action, a P to share) or is held (the review)."""
    cadence: Cadence | None
    cadence_text: str
    """The cadence as the plan words it (the free text)."""
    done: bool
    detail: str
    """More about it: the activity's place and audience, the P's decision."""
    path: FieldPath
    """Where it is in the plan, for "go to"."""

    @property
    def repeats(self) -> str:
        """The repeat in words ("Every week on Tuesday"), or the plan's text when the
        calendar cannot hold it ("Every school half-term")."""
        return self.cadence.describe() if self.cadence is not None else self.cadence_text

    def occurs_in(self, year: int, month: int) -> bool:
        """Whether it happens (or falls due) in that month."""
        if self.on is None:
            return False
        first = date(year, month, 1)
        last = date(year, month, calendar.monthrange(year, month)[1])
        if self.on > last:
            return False
        if self.cadence is None:
            return self.on >= first
        months = (year - self.on.year) * 12 + month - self.on.month
        every = self.cadence.every
        if self.cadence.repeat is Repeat.MONTHLY:
            return months % every == 0
        if self.cadence.repeat is Repeat.YEARLY:
            return month == self.on.month and (year - self.on.year) % every == 0
        period = every * (7 if self.cadence.repeat is Repeat.WEEKLY else 1)
        if period > 28 and self.on < first:
            # A long repeat can skip a month: find its first day on or after the 1st.
            next_day = first.toordinal() + (-(first - self.on).days) % period
            return next_day <= last.toordinal()
        return True  # every few days or weeks: every month from the start


def _accountable(plan: Plan) -> str:
    for person in plan.management.people:
        if person.accountable and person.name.strip():
            return person.name.strip()
    return ""


def _one_line(text: str) -> str:
    return " ".join(text.split())


def action_plan(plan: Plan) -> list[PlanItem]:
    """Every dated or owned item of the plan: by date, undated ones last."""
    items: list[PlanItem] = []
    engagement = plan.engagement
    for activity in engagement.activities:
        if not (activity.activity.strip() or activity.start_date):
            continue
        where = ", ".join(
            part for part in (_one_line(activity.channel), _one_line(activity.audience)) if part
        )
        items.append(
            PlanItem(
                key=activity.id,
                kind=ItemKind.ACTIVITY,
                title=_one_line(activity.activity) or "Activity",
                owner=_one_line(activity.owner),
                on=activity.start_date,
                cadence=activity_cadence(activity),
                cadence_text=_one_line(activity.cadence),
                done=False,
                detail=where,
                path=("engagement", "activities", activity.id),
            )
        )
    for action in engagement.actions:
        if not action.what.strip():
            continue
        items.append(
            PlanItem(
                key=action.id,
                kind=ItemKind.ACTION,
                title=_one_line(action.what),
                owner=_one_line(action.who),
                on=action.due,
                cadence=None,
                cadence_text="",
                done=action.done,
                detail="",
                path=("engagement", "actions", action.id),
            )
        )
    review = engagement.review
    if review.next_review is not None:
        items.append(
            PlanItem(
                key="review",
                kind=ItemKind.REVIEW,
                title="Review the social media plan",
                owner=_accountable(plan),
                on=review.next_review,
                cadence=parse_cadence(review.cadence),
                cadence_text=_one_line(review.cadence),
                done=False,
                detail=_one_line(review.feedback),
                path=("engagement", "review", "next_review"),
            )
        )
    starts = [a.start_date for a in engagement.activities if a.start_date is not None]
    share_by = min(starts) if starts else None  # share every P before engaging
    for p in SevenP:
        decision = plan.planning.seven_ps.get(p)
        if decision.communicated:
            continue
        decided = bool(decision.decision.strip())
        items.append(
            PlanItem(
                key=f"share-{p.value}",
                kind=ItemKind.SHARE,
                title=(
                    f"Share the {p.label} decision with the whole team"
                    if decided
                    else f"Decide the {p.label} and share it with the whole team"
                ),
                owner=_one_line(decision.owner),
                on=share_by,
                cadence=None,
                cadence_text="",
                done=False,
                detail=_one_line(decision.decision),
                path=("planning", "seven_ps", p.value),
            )
        )
    order = list(ItemKind)
    items.sort(key=lambda i: (i.on is None, i.on or date.min, order.index(i.kind)))
    return items


def _name_key(text: str) -> str:
    return " ".join(text.split()).casefold()


def owner_matches(owner: str, wanted: str) -> bool:
    """``wanted`` is the owner, or a name within it ("Priya" in "Priya Shah", "Tom" in
    "Tom and Jess"), ignoring case and spacing."""
    owner_key, wanted_key = _name_key(owner), _name_key(wanted)
    if not wanted_key:
        return True
    if owner_key == wanted_key:
        return True
    words = owner_key.replace(",", " ").replace("&", " ").split()
    wanted_words = wanted_key.split()
    return any(words[i : i + len(wanted_words)] == wanted_words for i in range(len(words)))


def filter_items(
    items: Iterable[PlanItem],
    *,
    owner: str | None = None,
    month: tuple[int, int] | None = None,
    include_done: bool = True,
) -> list[PlanItem]:
    """The items of one owner, and/or those happening in one month ``(year, month)``."""
    found = []
    for item in items:
        if owner is not None and not owner_matches(item.owner, owner):
            continue
        if month is not None and not item.occurs_in(*month):
            continue
        if not include_done and item.done:
            continue
        found.append(item)
    return found


def owners(items: Iterable[PlanItem]) -> list[str]:
    """Every owner named, once each (first spelling kept), sorted."""
    seen: dict[str, str] = {}
    for item in items:
        if item.owner:
            seen.setdefault(_name_key(item.owner), item.owner)
    return sorted(seen.values(), key=str.casefold)
