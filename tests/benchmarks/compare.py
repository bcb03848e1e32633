"""Comparing snapshots of a 2,000-note plan: ``python -m tests.benchmarks.compare``.

The review's compare view runs :func:`workbook.diff.compare` on two snapshots (or one and
the plan as it is now) when it opens, so the target is absolute: at most 250 ms (issue 16).
The plan is the benchmark's usual 2,000-note plan; between the two snapshots a quarter's
ordinary work is done to it (notes added, edited, removed and moved, activities and
readings changed). The snapshots are read back from the saved file first, so the figure
includes nothing the file format saves us from. Saving and opening the plan with its
history are shown beside the same plan without one.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from tests.benchmarks.plans import BIG_NOTES
from tests.benchmarks.report import Result, markdown_table, median, notes

RUNS = 15
LIMIT = 0.250


def _times(action: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def quarter_of_work(plan, seed: int = 0) -> None:
    """A quarter's edits to a big plan: 150 notes heard, 60 reworded, 20 removed, 10 moved,
    every activity and measure touched."""
    from workbook.model import ListeningNote, Reading, Sentiment

    notes_list = plan.listening.notes
    for i in range(60):
        note = notes_list[(seed + 31 * i) % len(notes_list)]
        note.said = note.said + " (they said it again in March)"
        note.sentiment = Sentiment.MIXED
    for i in range(20):
        notes_list.pop((seed + 97 * i) % len(notes_list))
    for i in range(10):
        notes_list.insert(i * 3, notes_list.pop(len(notes_list) - 1 - i))
    for i in range(150):
        notes_list.append(
            ListeningNote(
                noted_on=date(2026, 6, 1) + timedelta(days=i % 60),
                source="Shop counter",
                said=f"Question {i} about the summer opening hours",
                tags=["opening hours"],
            )
        )
    for activity in plan.engagement.activities:
        activity.cadence += ", and in the school holidays"
    for measure in plan.engagement.measures:
        plan.engagement.readings.append(
            Reading(measure=measure.id, taken_on=date(2026, 6, 30), value=42.0, note="June")
        )
    plan.details.revision_note = "After the summer review"


def measure_compare(runs: int = RUNS) -> list[Result]:
    from tests.benchmarks.bench_export import many_notes
    from workbook.diff import compare
    from workbook.model import plan_state
    from workbook.snapshots import take_snapshot
    from workbook.storage import plan_from_bytes, plan_to_bytes

    plan = many_notes(BIG_NOTES)
    bare_bytes = plan_to_bytes(plan)
    take_snapshot(plan, "Spring", now=datetime(2026, 4, 1, tzinfo=UTC))
    quarter_of_work(plan)
    take_snapshot(plan, "Summer", now=datetime(2026, 7, 1, tzinfo=UTC))
    plan.details.title += " (now)"
    data = plan_to_bytes(plan)
    loaded = plan_from_bytes(data, "benchmark")
    spring, summer = loaded.history.snapshots
    comparison = compare(spring.state, summer.state)
    count = sum(1 for _ in comparison)

    two = _times(lambda: compare(spring.state, summer.state), runs)
    against_now = _times(lambda: compare(spring.state, plan_state(loaded)), runs)
    save_with = _times(lambda: plan_to_bytes(loaded), max(3, runs // 3))
    bare = plan_from_bytes(bare_bytes, "benchmark")
    save_without = _times(lambda: plan_to_bytes(bare), max(3, runs // 3))
    open_with = _times(lambda: plan_from_bytes(data, "benchmark"), max(3, runs // 3))
    open_without = _times(lambda: plan_from_bytes(bare_bytes, "benchmark"), max(3, runs // 3))
    growth = (len(data) - len(plan_to_bytes(_without_history(loaded)))) / len(bare_bytes)
    return [
        Result(
            f"compare two snapshots of a {BIG_NOTES:,}-note plan ({count} changes)",
            median(two),
            limit_value=LIMIT,
            note=f"median of {runs} (best {min(two) * 1000:.0f} ms); snapshots read back "
            "from the saved file",
        ),
        Result(
            f"compare a snapshot with the plan now, {BIG_NOTES:,} notes",
            median(against_now),
            limit_value=LIMIT,
            note="includes writing the open plan out as JSON to compare",
        ),
        Result(
            "write the plan with two snapshots (bytes only)",
            median(save_with),
            floor=median(save_without),
            floor_label="the same plan without history",
            note=f"the history adds {growth:.1%} to the file",
        ),
        Result(
            "read the plan with two snapshots (bytes only)",
            median(open_with),
            floor=median(open_without),
            floor_label="the same plan without history",
        ),
    ]


def _without_history(plan):
    copy = plan.model_copy()
    copy.history = plan.history.model_copy(update={"snapshots": []})
    return copy


def main() -> int:
    results = measure_compare()
    print(markdown_table(results))
    print()
    print(notes(results))
    return 0 if all(r.met is not False for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
