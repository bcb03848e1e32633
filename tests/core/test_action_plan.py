"""The action plan: activities, agreed actions, the next review and the 7 P's still to share,
dated and owned, with filters by owner and month."""

from __future__ import annotations

from datetime import date

from workbook.action_plan import ItemKind, action_plan, filter_items, owner_matches, owners
from workbook.cadence import Cadence
from workbook.examples import load_example
from workbook.model import Activity, AgreedAction, Person, Plan, Repeat, SevenP


def small_plan() -> Plan:
    plan = Plan(id="plan1")
    plan.management.people = [
        Person(name="Priya Shah", accountable=True),
        Person(name="Tom Reilly"),
    ]
    plan.engagement.activities = [
        Activity(id="a1", activity="Noon update", owner="Priya Shah", start_date=date(2026, 3, 23),
                 cadence="Every day"),
        Activity(id="a2", activity="Half-term baking", owner="Tom Reilly",
                 start_date=date(2026, 5, 26), cadence="Every school half-term"),
        Activity(id="a3", activity="Quarterly open evening", owner="Tom and Jess",
                 start_date=date(2026, 4, 2), repeat=Repeat.MONTHLY, repeat_every=3),
        Activity(id="a4", activity="", owner=""),  # an empty row: not an item
    ]  # fmt: skip
    plan.engagement.actions = [
        AgreedAction(id="x1", what="Print the allergen sheet", who="Priya", due=date(2026, 3, 20),
                     done=True),
        AgreedAction(id="x2", what="Order sign-up cards", who="Jess", due=None),
    ]  # fmt: skip
    plan.engagement.review.next_review = date(2026, 6, 29)
    plan.engagement.review.cadence = "Every quarter"
    for p in SevenP:
        decision = plan.planning.seven_ps.get(p)
        decision.decision, decision.owner = f"{p.label} decided", "Priya Shah"
        decision.communicated = p is not SevenP.PLACES
    plan.planning.seven_ps.places.owner = "Tom Reilly"
    return plan


def test_every_dated_and_owned_item_in_date_order_undated_last():
    items = action_plan(small_plan())
    assert [(i.key, i.on) for i in items] == [
        ("x1", date(2026, 3, 20)),
        ("a1", date(2026, 3, 23)),
        ("share-places", date(2026, 3, 23)),  # share before the first activity starts
        ("a3", date(2026, 4, 2)),
        ("a2", date(2026, 5, 26)),
        ("review", date(2026, 6, 29)),
        ("x2", None),
    ]
    by_key = {i.key: i for i in items}
    assert by_key["x1"].kind is ItemKind.ACTION and by_key["x1"].done
    assert by_key["a3"].cadence == Cadence(Repeat.MONTHLY, 3)
    assert by_key["a2"].cadence is None and by_key["a2"].repeats == "Every school half-term"
    assert by_key["review"].owner == "Priya Shah"  # the accountable person
    assert by_key["review"].cadence == Cadence(Repeat.MONTHLY, 3)
    share = by_key["share-places"]
    assert share.title == "Share the Places decision with the whole team"
    assert share.owner == "Tom Reilly" and share.path == ("planning", "seven_ps", "places")


def test_filter_by_owner_matches_whole_names_and_first_names():
    items = action_plan(small_plan())
    assert [i.key for i in filter_items(items, owner="priya")] == [
        "x1", "a1", "review",
    ]  # fmt: skip
    assert [i.key for i in filter_items(items, owner="Tom")] == ["share-places", "a3", "a2"]
    assert filter_items(items, owner="Pri") == []
    assert owner_matches("Tom and Jess", "jess") and not owner_matches("Jessica", "Jess")
    assert owners(items) == ["Jess", "Priya", "Priya Shah", "Tom and Jess", "Tom Reilly"]


def test_filter_by_month_follows_each_repeat():
    items = action_plan(small_plan())

    def keys(year: int, month: int) -> list[str]:
        return [i.key for i in filter_items(items, month=(year, month))]

    assert keys(2026, 3) == ["x1", "a1", "share-places"]
    assert keys(2026, 4) == ["a1", "a3"]
    assert keys(2026, 5) == ["a1", "a2"]  # every third month: not May
    assert keys(2026, 6) == ["a1", "review"]
    assert keys(2026, 7) == ["a1", "a3"]
    assert keys(2026, 9) == ["a1", "review"]
    assert [i.key for i in filter_items(items, month=(2026, 3), include_done=False)] == [
        "a1", "share-places",
    ]  # fmt: skip


def test_a_long_weekly_repeat_skips_the_months_it_misses():
    plan = Plan()
    plan.engagement.activities = [
        Activity(activity="Big clean-up", start_date=date(2026, 1, 5), repeat=Repeat.WEEKLY,
                 repeat_every=8),
    ]  # fmt: skip
    (item,) = [i for i in action_plan(plan) if i.kind is ItemKind.ACTIVITY]
    months = [m for m in range(1, 13) if item.occurs_in(2026, m)]
    # 5 January, 2 March, 27 April, 22 June, 17 August, 12 October, 7 December.
    assert months == [1, 3, 4, 6, 8, 10, 12]
    assert not item.occurs_in(2025, 12)


def test_a_blank_plan_asks_for_every_p_to_be_decided_and_shared():
    items = action_plan(Plan())
    assert [i.kind for i in items] == [ItemKind.SHARE] * 7
    assert items[0].title == "Decide the Purpose and share it with the whole team"
    assert all(i.on is None for i in items)


def test_the_worked_examples_have_a_full_action_plan():
    items = action_plan(load_example("bakery"))
    kinds = {i.kind for i in items}
    assert kinds == {ItemKind.ACTIVITY, ItemKind.ACTION, ItemKind.REVIEW}
    assert all(i.owner for i in items)
    assert all(i.on is not None for i in items)
