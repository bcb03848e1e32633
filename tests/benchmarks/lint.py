"""Lint and progress timings on the 2,000-note plan: ``python -m tests.benchmarks.lint``.

The window runs the lint debounced after edits and the completeness after every edit, so
both must stay well inside a frame budget. The target for the lint is an absolute one
(≤ 50 ms, issue 15); the floor shown beside it is one pass over every text in the plan,
the least any check of the whole plan must do.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from tests.benchmarks.plans import BIG_NOTES
from tests.benchmarks.report import Result, markdown_table, median, notes

RUNS = 15


def _times(action: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def measure_lint(runs: int = RUNS) -> list[Result]:
    """Rows for the lint and the completeness check of the 2,000-note plan."""
    from tests.benchmarks.bench_export import many_notes
    from workbook.completeness import assess
    from workbook.lint import lint
    from workbook.lint.context import LintContext

    plan = many_notes(BIG_NOTES)
    findings = lint(plan)  # the example index and the rules' patterns are built once
    assess(plan)

    def one_pass() -> None:
        for text in LintContext(plan).texts[0]:
            text.isspace()

    floor = median(_times(one_pass, runs))
    ours = _times(lambda: lint(plan), runs)
    progress = _times(lambda: assess(plan), runs)
    return [
        Result(
            f"lint a {BIG_NOTES:,}-note plan ({len(findings):,} findings)",
            median(ours),
            floor=floor,
            floor_label="one pass over every text",
            limit_value=0.050,
            note=f"median of {runs} (best {min(ours) * 1000:.0f} ms); the plan's notes come "
            "from every worked example, so most rows are another business's words: one "
            "finding each",
        ),
        Result(
            f"progress and readiness of a {BIG_NOTES:,}-note plan",
            median(progress),
            limit_value=0.050,
            note=f"median of {runs} (best {min(progress) * 1000:.0f} ms); the window reckons "
            "it again after an edit, when it is next asked for",
        ),
    ]


def main() -> int:
    results = measure_lint()
    print(markdown_table(results))
    print()
    print(notes(results))
    return 0 if all(r.met is not False for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
