"""What each method costs and builds: the engagement activities' hours and money per month,
totalled by activity and by the A each should move."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbook.model import FourA

if TYPE_CHECKING:
    from workbook.model import Plan


@dataclass(frozen=True, slots=True)
class ActivityCost:
    """One activity's monthly cost and what it should build."""

    activity_id: str
    name: str
    hours: float
    money: float
    moves: FourA | None
    answers: str
    priced: bool
    """False when hours or money is not filled in (counted as 0 in the totals)."""


@dataclass(frozen=True, slots=True)
class Totals:
    hours: float
    money: float
    activities: int


@dataclass(frozen=True, slots=True)
class CostReport:
    """The table "What each method costs and builds" and its totals."""

    activities: tuple[ActivityCost, ...]
    by_a: dict[FourA | None, Totals]
    """Totals per A, in the order of the four A's; ``None`` for activities tied to none."""
    total: Totals

    @property
    def unpriced(self) -> tuple[ActivityCost, ...]:
        return tuple(a for a in self.activities if not a.priced)

    def share_of_hours(self, a: FourA | None) -> float:
        """The part of all hours spent on ``a``, 0 to 1."""
        totals = self.by_a.get(a)
        if totals is None or self.total.hours <= 0:
            return 0.0
        return totals.hours / self.total.hours


def cost_report(plan: Plan) -> CostReport:
    """Every activity with its monthly hours and money, and the totals by A and overall.

    Rows with nothing typed in are left out; a missing figure counts as 0 and leaves the
    activity marked unpriced.
    """
    from workbook.facts import row_is_empty

    rows = []
    for activity in plan.engagement.activities:
        if row_is_empty(activity):
            continue
        rows.append(
            ActivityCost(
                activity_id=activity.id,
                name=" ".join(activity.activity.split()),
                hours=activity.hours_per_month or 0.0,
                money=activity.money_per_month or 0.0,
                moves=activity.moves,
                answers=" ".join(activity.answers.split()),
                priced=activity.hours_per_month is not None
                and activity.money_per_month is not None,
            )
        )
    by_a: dict[FourA | None, Totals] = {}
    for a in [*FourA, None]:
        mine = [row for row in rows if row.moves == a]
        if mine or a is not None:
            by_a[a] = Totals(
                sum(row.hours for row in mine), sum(row.money for row in mine), len(mine)
            )
    total = Totals(sum(r.hours for r in rows), sum(r.money for r in rows), len(rows))
    return CostReport(tuple(rows), by_a, total)
