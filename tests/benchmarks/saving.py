"""Saving a 2,000-note plan through :func:`workbook.storage.save_plan` (atomic, fsync, read
back and checked, previous version kept) against writing the same JSON and one fsync."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from tests.benchmarks.report import Result, median


def _bare_save(raw: dict, path: Path) -> None:
    data = json.dumps(raw, indent=2, ensure_ascii=False).encode("utf-8")
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def measure_save(plan_path: Path, folder: Path, runs: int) -> list[Result]:
    from workbook.storage import load_plan, save_plan

    plan = load_plan(plan_path).plan
    raw = plan.model_dump(mode="json")
    ours_path, bare_path = folder / "save-ours.json", folder / "save-bare.json"
    save_plan(plan, ours_path)
    _bare_save(raw, bare_path)
    floor, ours = [], []
    for run in range(runs):
        # A real save writes something new each time (else the backup is skipped).
        plan.details.revision_note = raw["details"]["revision_note"] = f"revision {run}"
        start = time.perf_counter()
        _bare_save(raw, bare_path)
        floor.append(time.perf_counter() - start)
        start = time.perf_counter()
        save_plan(plan, ours_path)
        ours.append(time.perf_counter() - start)
    return [
        Result(
            "save a 2,000-note plan (atomic, fsync, verified, backup kept)",
            median(ours),
            floor=median(floor),
            floor_label="json.dumps + write + fsync",
            limit_ratio=2.0,
            note=f"median of {runs}, alternating; {plan_path.stat().st_size // 1024} KB",
        )
    ]
