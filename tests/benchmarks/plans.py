"""The plans the benchmarks work on, made in the run from the worked examples (no big files
are committed): the 2,000-note plan is :func:`tests.benchmarks.bench_export.many_notes`."""

from __future__ import annotations

from pathlib import Path

from tests.benchmarks.bench_export import many_notes

BIG_NOTES = 2000
BIG_PLAN_NAME = f"notes-{BIG_NOTES}.json"


def write_big_plan(folder: Path) -> Path:
    """The 2,000-note plan, saved through the app's own save (so it is a real plan file)."""
    from workbook.storage import save_plan

    path = folder / BIG_PLAN_NAME
    save_plan(many_notes(BIG_NOTES), path, backups=False)
    return path


def write_example_plans(folder: Path) -> list[Path]:
    """Every worked example as a plan file (the start page lists them as recent plans)."""
    from workbook.examples import list_examples, load_example
    from workbook.storage import save_plan

    paths = []
    for info in list_examples():
        path = folder / f"{info.name}.json"
        save_plan(load_example(info.name), path, backups=False)
        paths.append(path)
    return paths
