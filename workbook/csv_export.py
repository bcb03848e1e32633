"""Tables of a plan as CSV for spreadsheets: the action plan, the listening notes, the
activities and the response playbook.

UTF-8 with a byte order mark, so that spreadsheet programs read accents and other scripts
right; one header row with the app's own column names. A cell that begins with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return is written with a ``'`` in front, so a
spreadsheet shows it as text instead of running it as a formula (CSV injection);
:func:`unescape_cell` takes the mark off again.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date
from enum import Enum, StrEnum
from pathlib import Path
from typing import Any

from workbook.action_plan import action_plan
from workbook.cadence import activity_cadence
from workbook.model import ROW_TYPES, Activity, Plan, Row

FORMULA_STARTS = frozenset("=+-@\t\r")
"""First characters a spreadsheet may read as the start of a formula."""
ENCODING = "utf-8-sig"


class CsvTable(StrEnum):
    ACTIONS = "actions"
    NOTES = "notes"
    ACTIVITIES = "activities"
    PLAYBOOK = "playbook"

    @property
    def label(self) -> str:
        return {
            "actions": "Action plan",
            "notes": "Listening notes",
            "activities": "Engagement activities",
            "playbook": "Response playbook",
        }[self.value]


# ---------------------------------------------------------------- cells


def escape_cell(text: str) -> str:
    """``text`` made safe from formula injection: a ``'`` in front when it begins like a
    formula (or with ``'`` before such a start, so that :func:`unescape_cell` is exact)."""
    if text[:1] in FORMULA_STARTS or (text[:1] == "'" and text.lstrip("'")[:1] in FORMULA_STARTS):
        return "'" + text
    return text


def unescape_cell(text: str) -> str:
    """The cell's text as the plan has it: the inverse of :func:`escape_cell`."""
    if text[:1] == "'" and text.lstrip("'")[:1] in FORMULA_STARTS:
        return text[1:]
    return text


def cell_text(value: Any) -> str:
    """A value as a spreadsheet cell: dates as YYYY-MM-DD, choices by their label,
    ticks as Yes or No, numbers without a needless ``.0``, themes joined by ``; ``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, Enum):
        return getattr(value, "label", str(value.value))
    if isinstance(value, float):
        return f"{value:.10g}"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return "; ".join(cell_text(item) for item in value)
    return str(value)


# ---------------------------------------------------------------- tables

_LISTS = {
    CsvTable.NOTES: ("listening", "notes"),
    CsvTable.ACTIVITIES: ("engagement", "activities"),
    CsvTable.PLAYBOOK: ("engagement", "playbook"),
}
_LEFT_OUT = frozenset({"id", "from_listening", "repeat", "repeat_every", "repeat_on"})
"""Bookkeeping, and the structured cadence (one "Repeats" column says it in words)."""


def _row_table(plan: Plan, list_path: tuple[str, str]) -> tuple[list[str], list[list[str]]]:
    row_type = ROW_TYPES[list_path]
    names = [name for name in row_type.model_fields if name not in _LEFT_OUT]
    header = [row_type.model_fields[name].title or name for name in names]
    extra: list[tuple[str, Callable[[Row], str]]] = []
    if row_type is Activity:

        def repeats(row: Row) -> str:
            cadence = activity_cadence(row)  # type: ignore[arg-type]
            return cadence.describe() if cadence is not None else ""

        extra.append(("Repeats (calendar)", repeats))
    header += [title for title, _ in extra] + ["Row id"]
    rows: list[Row] = getattr(getattr(plan, list_path[0]), list_path[1])
    body = [
        [cell_text(getattr(row, name)) for name in names]
        + [make(row) for _title, make in extra]
        + [row.id]
        for row in rows
    ]
    return header, body


def _actions_table(plan: Plan) -> tuple[list[str], list[list[str]]]:
    header = ["Date", "Kind", "What", "Owner", "Repeats", "Done", "Details", "Item id"]
    body = [
        [
            cell_text(item.on),
            item.kind.label,
            item.title,
            item.owner,
            item.repeats,
            cell_text(item.done),
            item.detail,
            item.key,
        ]
        for item in action_plan(plan)
    ]
    return header, body


def table_rows(plan: Plan, table: CsvTable) -> tuple[list[str], list[list[str]]]:
    """The header and rows of one table, as text, before any escaping."""
    if table is CsvTable.ACTIONS:
        return _actions_table(plan)
    return _row_table(plan, _LISTS[table])  # type: ignore[arg-type]


def csv_bytes(plan: Plan, table: CsvTable) -> bytes:
    """The CSV file of one table: UTF-8 with a BOM, CRLF line ends, every cell escaped."""
    header, body = table_rows(plan, table)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([escape_cell(cell) for cell in header])
    for row in body:
        writer.writerow([escape_cell(cell) for cell in row])
    return buffer.getvalue().encode(ENCODING)


def write_csv(plan: Plan, table: CsvTable, target: Path) -> int:
    """Write one table to ``target`` atomically; returns the number of rows (no header)."""
    from workbook.storage import write_atomic

    write_atomic(target, csv_bytes(plan, table))
    return len(table_rows(plan, table)[1])
