"""The size target for snapshots: twenty of them, with ordinary edits between, add at most a
quarter to a worked example's file."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from workbook.examples import list_examples, load_example
from workbook.model import AgreedAction, ListeningNote, Plan, Reading, Sentiment
from workbook.snapshots import take_snapshot
from workbook.storage import plan_from_bytes, plan_to_bytes

SNAPSHOTS = 20
GROWTH_LIMIT = 0.25
START = datetime(2026, 4, 1, 9, 0, tzinfo=UTC)


def ordinary_edits(plan: Plan, step: int) -> None:
    """What a week of using the plan looks like: a note or two heard, a reading counted,
    a few words changed, a box ticked, an action agreed or done."""
    notes = plan.listening.notes
    day = date(2026, 4, 1) + timedelta(days=7 * step)
    notes.append(
        ListeningNote(
            noted_on=day,
            source="Shop counter",
            who="A regular",
            said=f"Asked again about the week {step} specials and whether they sell out early.",
            tags=["opening hours"],
            sentiment=Sentiment.NEUTRAL,
            wants="To know before walking over",
        )
    )
    note = notes[step % 30]
    note.follow_up = (note.follow_up + " Answered at the counter.").strip()
    measure = plan.engagement.measures[step % len(plan.engagement.measures)]
    plan.engagement.readings.append(
        Reading(measure=measure.id, taken_on=day, value=10.0 + step, note="Counted on Friday.")
    )
    if step % 3 == 0:
        activity = plan.engagement.activities[step % len(plan.engagement.activities)]
        activity.value_offered += " Now with a photo."
    if step % 4 == 0:
        plan.engagement.actions.append(
            AgreedAction(what=f"Follow up idea {step}", who="Priya Shah", due=day)
        )
    if step % 5 == 0 and plan.engagement.actions:
        plan.engagement.actions[0].done = not plan.engagement.actions[0].done
    if step % 6 == 0:
        plan.engagement.review.feedback += f" Week {step}: themes counted."


@pytest.mark.parametrize("name", [info.name for info in list_examples()])
def test_twenty_snapshots_add_at_most_a_quarter(name: str) -> None:
    plan = load_example(name)
    for step in range(SNAPSHOTS):
        ordinary_edits(plan, step)
        take_snapshot(plan, f"Week {step + 1}", now=START + timedelta(days=7 * step))
    with_history = plan_to_bytes(plan)
    without = plan.model_copy()
    without.history = plan.history.model_copy(update={"snapshots": []})
    bare = plan_to_bytes(without)
    growth = (len(with_history) - len(bare)) / len(bare)
    assert growth <= GROWTH_LIMIT, f"{name}: {growth:.1%}"
    # And every snapshot comes back from the file as it was taken.
    again = plan_from_bytes(with_history, "size test")
    assert [s.state for s in again.history.snapshots] == [s.state for s in plan.history.snapshots]
    assert all(s.rebuilt_exactly for s in again.history.snapshots)
