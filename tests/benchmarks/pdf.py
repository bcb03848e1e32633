"""PDF export: each worked example, the 2,000-note plan and a 200 KB answer, against a bare
reportlab build of the same text (the functions of :mod:`tests.benchmarks.bench_export`),
and the 2,000-note export made from the window (in a child process), with its progress
dialog, while a 60 Hz timer on the UI thread notes how late it comes."""

from __future__ import annotations

from pathlib import Path

from tests.benchmarks import bench_export
from tests.benchmarks.environment import Environment, run_child
from tests.benchmarks.plans import BIG_NOTES
from tests.benchmarks.report import Result


def _export_pair(plan, repeats: int) -> tuple[float, float, int]:
    """Best of ``repeats`` for our export and for the bare build, taken in turns so that a
    busy moment of the machine hits both."""
    import time

    from workbook.export import render_pdf

    texts = bench_export._strings(plan)
    ours, bare, pages = [], [], 0
    for _ in range(repeats):
        start = time.perf_counter()
        pages = render_pdf(plan).page_count
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        bench_export.bare_reportlab(texts)
        bare.append(time.perf_counter() - start)
    return min(ours), min(bare), pages


def measure_pdf(repeats: int) -> list[Result]:
    from workbook.examples import list_examples, load_example
    from workbook.export import render_pdf
    from workbook.model import Plan

    render_pdf(Plan())  # fonts registered and modules imported: time the work
    short = 3 * repeats  # the examples take a tenth of a second: more turns, less noise
    results = []
    for info in list_examples():
        ours, bare, pages = _export_pair(load_example(info.name), short)
        results.append(
            Result(
                f"PDF of the worked example “{info.name}” ({pages} pages)",
                ours,
                floor=bare,
                floor_label="bare reportlab build",
                limit_ratio=1.5,
                note=f"best of {short}, in turns",
            )
        )
    ours, bare, pages = _export_pair(bench_export.many_notes(BIG_NOTES), repeats)
    results.append(
        Result(
            f"PDF of a 2,000-note plan ({pages} pages)",
            ours,
            floor=bare,
            floor_label="bare reportlab build",
            limit_ratio=1.5,
            note=f"best of {repeats}, in turns",
        )
    )
    ours, bare, pages = _export_pair(bench_export.big_answer_plan(), short)
    results.append(
        Result(
            f"PDF with one 200 KB answer ({pages} pages)",
            ours,
            floor=bare,
            floor_label="bare reportlab build (information)",
            limit_value=1.0,
            note=f"best of {short}, in turns",
        )
    )
    return results


def measure_pdf_in_window(env: Environment, plan: Path) -> list[Result]:
    result = run_child(env, "export-in-window", str(plan), timeout=900)[0]
    shown = result["dialog_shown"] and result["progress_values"] > 1
    own_work = result["own_latest_frame"] <= 0.016
    return [
        Result(
            "60 Hz timer's worst lateness while a 2,000-note PDF is made (child process)",
            result["latest_frame"],
            floor=result["idle_latest_frame"],
            floor_label=f"same timer, window idle {result['idle_seconds']:.0f} s",
            limit_value=0.016,
            extra_checks=[
                ("progress shown in the GUI", shown),
                ("UI thread's own work made no tick over 16 ms late", own_work),
            ],
            note=(
                f"timed from before the click: the click itself kept the UI thread "
                f"{result['click'] * 1000:.1f} ms (the plan is then taken a piece a turn, "
                f"the snapshot before an export and the hand-over to the child included); "
                f"the export took {result['seconds']:.1f} s in the child process; the "
                f"progress dialog showed {result['progress_values']} distinct values; "
                f"{result['late_ticks']} of {result['ticks']} ticks came more than a frame "
                f"late; the UI thread's own work made a tick at most "
                f"{result['own_latest_frame'] * 1000:.1f} ms late, and used at most "
                f"{result['busiest_frame'] * 1000:.1f} ms of CPU between two ticks (a tick "
                "late with little CPU used is the machine's other load, as the idle floor "
                "shows)"
            ),
        )
    ]
