"""Run every benchmark and print one table: ``python -m tests.benchmarks`` (``--quick`` for a
faster, noisier run; ``--only startup,memory,interaction,spelling,save,pdf,lint,compare`` for
some of it).

Each figure is a ratio against a floor measured in the same run, so a slow or busy machine
moves both alike. The big plans are made from the worked examples during the run.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time

from tests.benchmarks.environment import ROOT, Environment, open_environment, run_child
from tests.benchmarks.report import Result, markdown_table, notes

SECTIONS = ("startup", "memory", "interaction", "spelling", "save", "pdf", "lint", "compare")


def _machine(env: Environment) -> str:
    import pydantic
    import PySide6
    import reportlab

    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            cpu = next(
                line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")
            )
    except (OSError, StopIteration):
        pass
    return (
        f"{cpu}, {os.cpu_count()} CPUs; Python {platform.python_version()}, "
        f"PySide6 {PySide6.__version__}, pydantic {pydantic.VERSION}, "
        f"reportlab {reportlab.Version}; {env.describe()}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer runs (noisier)")
    parser.add_argument(
        "--only",
        default=",".join(SECTIONS),
        help=f"comma-separated sections of: {', '.join(SECTIONS)}",
    )
    parser.add_argument(
        "--platform",
        default="auto",
        choices=("auto", "xcb", "offscreen"),
        help="Qt platform for the windows (auto: the display, else Xvfb)",
    )
    args = parser.parse_args(argv)
    sections = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = set(sections) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s): {', '.join(sorted(unknown))}")
    starts, windows, repeats = (5, 1, 1) if args.quick else (15, 3, 3)

    os.chdir(ROOT)
    began = time.monotonic()
    env = open_environment(args.platform)
    try:
        from tests.benchmarks.plans import write_big_plan, write_example_plans

        print(f"Machine: {_machine(env)}", flush=True)
        env.compile_app()
        big = write_big_plan(env.work)
        recent = write_example_plans(env.work)
        run_child(env, "prepare", *map(str, [*recent, big]))
        results: list[Result] = []
        for section in sections:
            print(f"… {section}", file=sys.stderr, flush=True)
            if section == "startup":
                from tests.benchmarks.startup import measure_startup

                results += measure_startup(env, starts)
            elif section == "memory":
                from tests.benchmarks.startup import measure_memory

                results += measure_memory(env, big, max(1, starts // 5))
            elif section == "interaction":
                from tests.benchmarks.interaction import measure_interaction

                results += measure_interaction(env, big, windows)
            elif section == "spelling":
                from tests.benchmarks.spelling import measure_spelling_in_child

                results += measure_spelling_in_child(env)
            elif section == "save":
                from tests.benchmarks.saving import measure_save

                results += measure_save(big, env.work, 3 * starts // 5 or 1)
            elif section == "pdf":
                from tests.benchmarks.pdf import measure_pdf, measure_pdf_in_window

                results += measure_pdf(repeats)
                results += measure_pdf_in_window(env, big)
            elif section == "lint":
                from tests.benchmarks.lint import measure_lint

                results += measure_lint()
            elif section == "compare":
                from tests.benchmarks.compare import measure_compare

                results += measure_compare()
    finally:
        env.close()
    print()
    print(markdown_table(results))
    print()
    print(notes(results))
    missed = [r.measure for r in results if r.met is False]
    print(
        f"\n{len(results) - len(missed)} of {len(results)} rows met or informational; "
        f"{len(missed)} missed. Took {time.monotonic() - began:.0f} s."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
