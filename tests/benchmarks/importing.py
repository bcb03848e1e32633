"""Importing 10,000 listening notes from CSV: ``python -m tests.benchmarks.importing``.

The floor is what any import of the same file must do, measured in the same run:
``csv.reader`` over the decoded text plus one ``ListeningNote.model_validate`` per row (the
rows' values already in the model's own spelling). The target is at most twice that for
the whole import: checking the file, detecting the encoding, delimiter and header,
guessing the columns, reading the dates (day or month first, decided from the whole
column) and sentiment words, and skipping notes already in the plan. An XLSX row is shown
for information.
"""

from __future__ import annotations

import csv
import io
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tests.benchmarks.report import Result, markdown_table, median, notes

ROWS = 10_000
RUNS = 7

_SOURCES = ["Google", "Facebook", "Instagram", "Tripadvisor", "Local forum"]
_WORDS = (
    "cake coffee queue staff friendly slow price sourdough gluten free parking music "
    "croissant warm cold lovely rude tables booking"
).split()
_SENTIMENT = ["positive", "negative", "neutral", "mixed"]


def _rows(count: int) -> list[list[str]]:
    """Rows as a listening tool would export them: ISO dates, authors, a sentence or two."""
    rng = random.Random(17)
    rows = []
    for n in range(count):
        words = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(8, 40)))
        rows.append(
            [
                f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                rng.choice(_SOURCES),
                f"user{n % 997}",
                f"{words.capitalize()}, said customer {n}.",
                ", ".join(rng.sample(_WORDS, 2)),
                rng.choice(_SENTIMENT),
            ]
        )
    return rows


HEADERS = ["Date", "Source", "Author", "Text", "Tags", "Sentiment"]
KEYS = ["noted_on", "source", "who", "said", "tags", "sentiment"]


def write_csv(folder: Path, count: int = ROWS) -> Path:
    path = folder / f"notes-{count}.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS)
        writer.writerows(_rows(count))
    return path


def write_xlsx(folder: Path, count: int = ROWS) -> Path | None:
    try:
        import openpyxl
    except ImportError:
        return None
    path = folder / f"notes-{count}.xlsx"
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Notes")
    sheet.append(HEADERS)
    for row in _rows(count):
        sheet.append(row)
    book.save(path)
    return path


def floor(path: Path) -> int:
    """csv.reader plus model validation: the least an import of this file can do."""
    from workbook.model import ListeningNote

    text = path.read_bytes().decode("utf-8")
    reader = csv.reader(io.StringIO(text, newline=""))
    next(reader)
    notes = []
    for row in reader:
        values = dict(zip(KEYS, row, strict=True))
        values["tags"] = values["tags"].split(", ")
        notes.append(ListeningNote.model_validate(values))
    return len(notes)


def ours(path: Path, existing: set) -> int:
    from workbook.importing import convert, guess_mapping, read_table

    table = read_table(path)
    mapping, _preset = guess_mapping(table.headers)
    return convert(table, mapping, existing=existing).imported


def _times(action: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def measure_import(runs: int = RUNS) -> list[Result]:
    from tests.benchmarks.bench_export import many_notes
    from tests.benchmarks.plans import BIG_NOTES
    from workbook.importing import existing_keys

    existing = existing_keys(many_notes(BIG_NOTES).listening.notes)
    with tempfile.TemporaryDirectory() as folder:
        path = write_csv(Path(folder))
        assert floor(path) == ROWS and ours(path, existing) == ROWS  # warm up, and check
        # Alternate the two so a busy moment of the machine falls on both alike.
        base, mine = [], []
        for _ in range(runs):
            base += _times(lambda: floor(path), 1)
            mine += _times(lambda: ours(path, existing), 1)
        results = [
            Result(
                f"import {ROWS:,} notes from CSV into a {BIG_NOTES:,}-note plan",
                median(mine),
                floor=median(base),
                floor_label="csv.reader + model validation",
                limit_ratio=2.0,
                note=f"median of {runs} (best {min(mine) * 1000:.0f} ms against "
                f"{min(base) * 1000:.0f} ms); dates, sentiment, themes and duplicates read",
            )
        ]
        sheet = write_xlsx(Path(folder))
        if sheet is not None:
            ours(sheet, existing)
            times = _times(lambda: ours(sheet, existing), max(3, runs // 2))
            results.append(
                Result(
                    f"import {ROWS:,} notes from XLSX (python-calamine)",
                    median(times),
                    floor=median(base),
                    floor_label="the CSV floor",
                    note="for information",
                )
            )
    return results


def main() -> int:
    results = measure_import()
    print(markdown_table(results))
    print()
    print(notes(results))
    return 0 if all(r.met is not False for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
