"""``workbook import-notes PLAN.json FILE``: listening notes from a spreadsheet into a plan file.

The arguments are described without loading the plan model (``workbook --help`` stays
quick); :func:`run` loads what it needs. The plan is opened, the notes are added and it is
saved through :class:`workbook.session.PlanSession`, so the lock, the backup and the
check against changes on disk are the app's own. With ``--dry-run`` nothing is written.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbook.importing.notes import ImportResult, RowStatus
    from workbook.importing.table import Table

FIELDS = ("noted_on", "source", "who", "said", "tags", "sentiment", "wants", "opportunity",
          "follow_up")  # fmt: skip
"""The note fields ``--map`` takes (the same as ``columns.NOTE_FIELDS``, kept here so the
help needs no model)."""
PRESET_KEYS = ("review_site", "listening_tool", "workbook")
LISTED = 20
"""Rows listed per kind of problem before "and N more"."""


class ImportCommandError(Exception):
    """Said to the person at the terminal (the command line prints it, exit status 1)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("plan", metavar="PLAN.json", help="the plan to add the notes to")
    parser.add_argument("file", metavar="FILE", help="a CSV, TSV, XLSX, XLS or ODS file")
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=COLUMN",
        help="read a note field from the column with this header (repeatable); FIELD is one "
        f"of {', '.join(FIELDS)}; an empty COLUMN leaves the field out",
    )
    parser.add_argument(
        "--preset",
        choices=PRESET_KEYS,
        help="take the columns of a known export first (otherwise guessed from the headers)",
    )
    parser.add_argument(
        "--dates",
        choices=("day-first", "month-first"),
        help="how to read dates such as 03/04/2024 (otherwise decided from the whole column)",
    )
    parser.add_argument("--sheet", metavar="NAME", help="the sheet of a spreadsheet to read")
    parser.add_argument(
        "--delimiter",
        choices=("comma", "semicolon", "tab", "pipe"),
        help="the delimiter of a text file (otherwise detected)",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="show what would be imported; change nothing"
    )


_DELIMITERS = {"comma": ",", "semicolon": ";", "tab": "\t", "pipe": "|"}


def _mapping(table: Table, args: argparse.Namespace) -> dict[str, int]:
    from workbook.importing.columns import column_index, guess_mapping

    mapping, _preset = guess_mapping(table.headers, args.preset)
    for item in args.map:
        name, sep, column = item.partition("=")
        name = name.strip()
        if not sep or name not in FIELDS:
            raise ImportCommandError(
                f"--map {item}: give FIELD=COLUMN, where FIELD is one of {', '.join(FIELDS)}."
            )
        if not column.strip():
            mapping.pop(name, None)
            continue
        index = column_index(table.headers, column)
        if index is None:
            headers = ", ".join(f"“{h}”" for h in table.headers)
            raise ImportCommandError(
                f"--map {item}: “{table.path.name}” has no column “{column}”. "
                f"Its columns are: {headers}."
            )
        for other, taken in list(mapping.items()):
            if taken == index and other != name:
                del mapping[other]  # one column fills one field: the user's choice wins
        mapping[name] = index
    if not mapping:
        raise ImportCommandError(
            f"No column of “{table.path.name}” could be matched to a note field. "
            "Name them with --map, for example: --map said=Comment --map noted_on=Date"
        )
    return mapping


def _print_rows(title: str, result: ImportResult, *statuses: RowStatus) -> None:
    rows = [o for o in result.outcomes if o.status in statuses and o.problems]
    if not rows:
        return
    print(f"{title} ({len(rows):,}):")
    for outcome in rows[:LISTED]:
        print(f"  row {outcome.row}: {'; '.join(outcome.problems)}")
    if len(rows) > LISTED:
        print(f"  … and {len(rows) - LISTED:,} more rows")
    reasons = result.reasons(*statuses)
    if len(rows) > LISTED and reasons:
        print("  Reasons:")
        for reason, count in reasons.most_common(5):
            print(f"    {count:,} × {reason}")


def run(args: argparse.Namespace) -> int:
    from workbook.importing.columns import field_title
    from workbook.importing.notes import RowStatus, convert, existing_keys
    from workbook.importing.table import ImportFileError, ReadOptions, read_table
    from workbook.importing.values import DateOrder
    from workbook.locking import PlanLockedError
    from workbook.session import LockMode, PlanSession

    source = Path(args.file)
    options = ReadOptions(delimiter=_DELIMITERS.get(args.delimiter or ""), sheet=args.sheet)
    try:
        table = read_table(source, options)
    except ImportFileError as error:
        raise ImportCommandError(str(error)) from None
    if args.sheet and table.sheet != args.sheet:
        raise ImportCommandError(
            f"“{source.name}” has no sheet “{args.sheet}”. Its sheets are: "
            + ", ".join(f"“{s}”" for s in table.sheets)
            + "."
        )
    mapping = _mapping(table, args)
    print(f"Read {source.name}: {table.describe()}.")
    columns = "; ".join(f"{table.headers[i]} → {field_title(f)}" for f, i in mapping.items())
    print(f"Columns: {columns}")

    mode = LockMode.READ_ONLY if args.dry_run else LockMode.ACQUIRE
    try:
        session = PlanSession.open(args.plan, mode)
    except PlanLockedError as error:
        raise ImportCommandError(
            f"{args.plan} is open in the app ({error.holder.describe()}), so nothing was "
            "imported. Close it there first, or import with File ▸ Import listening notes."
        ) from None
    try:
        order = {"day-first": DateOrder.DAY_FIRST, "month-first": DateOrder.MONTH_FIRST}.get(
            args.dates or ""
        )
        result = convert(
            table, mapping, existing=existing_keys(session.plan.listening.notes), order=order
        )
        if result.date_order is not None:
            print(f"Dates such as 03/04/2024 were read {result.date_order.label}.")
        elif result.ambiguous_dates:
            print(
                f"{result.ambiguous_dates:,} dates could be read either way (such as "
                "03/04/2024) and were read day first; add --dates month-first if they are "
                "month first."
            )
        _print_rows("Skipped", result, RowStatus.DUPLICATE, RowStatus.EMPTY)
        _print_rows("Not imported", result, RowStatus.FAILED)
        _print_rows("Imported, with something left out", result, RowStatus.NEW)
        name = session.path.name if session.path else args.plan
        if args.dry_run:
            print(f"Dry run: {name} was not changed.")
        elif result.notes:
            session.plan.listening.notes.extend(result.notes)
            session.touch()
            session.save()
        else:
            print(f"No new notes, so {name} was not changed.")
        verb = "would be imported" if args.dry_run else "imported"
        print(
            f"{result.imported:,} {verb}, {result.skipped:,} skipped, "
            f"{result.failed:,} failed ({len(table.rows):,} rows in {source.name})."
        )
    finally:
        session.close()
    return 0
