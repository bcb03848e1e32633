"""CSV of the action plan, the notes, the activities and the playbook: UTF-8 with a BOM,
read back with the csv module, every value equal, formula cells escaped."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbook.csv_export import (
    CsvTable,
    csv_bytes,
    escape_cell,
    table_rows,
    unescape_cell,
    write_csv,
)
from workbook.examples import load_example
from workbook.model import Activity, ListeningNote, Plan, Sentiment

HOSTILE = [
    '=HYPERLINK("http://example.com","click")',
    "+1 555 0100",
    "-2+3",
    "@SUM(A1:A3)",
    "\tTabbed",
    "\rCarriage",
    "'=already quoted",
    "Crème brûlée, “quoted” & <b>bold</b>",
    "Line one\nLine two",
    "שלום, مرحبا, 日本語",
    "",
]


def read_back(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM spreadsheets look for
    text = data.decode("utf-8-sig")
    return [
        [unescape_cell(cell) for cell in row] for row in csv.reader(io.StringIO(text, newline=""))
    ]


def hostile_plan() -> Plan:
    plan = load_example("bakery")
    for i, text in enumerate(HOSTILE):
        plan.listening.notes.append(
            ListeningNote(noted_on=date(2026, 5, i + 1), source=text, who=text, said=text,
                          tags=[text or "x", "plain"], sentiment=Sentiment.MIXED, wants=text)
        )  # fmt: skip
        plan.engagement.activities.append(Activity(activity=text or "x", owner=text, cadence=text))
    plan.engagement.playbook[0].response = HOSTILE[0]
    plan.engagement.actions[0].what = HOSTILE[3]
    return plan


@pytest.mark.parametrize("table", list(CsvTable))
def test_every_value_reads_back_equal(table: CsvTable) -> None:
    plan = hostile_plan()
    header, rows = table_rows(plan, table)
    assert read_back(csv_bytes(plan, table)) == [header, *rows]
    assert len(rows) >= 6


def test_formula_cells_are_escaped_in_the_file(tmp_path) -> None:
    plan = hostile_plan()
    target = tmp_path / "notes.csv"
    assert write_csv(plan, CsvTable.NOTES, target) == len(plan.listening.notes)
    cells = [
        cell
        for row in csv.reader(io.StringIO(target.read_bytes().decode("utf-8-sig"), newline=""))
        for cell in row
    ]
    dangerous = [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert dangerous == []
    assert '\'=HYPERLINK("http://example.com","click")' in cells
    assert "''=already quoted" in cells  # so that taking one quote off gives it back


def test_the_tables_use_the_apps_own_words() -> None:
    plan = load_example("bakery")
    notes_header, notes_rows = table_rows(plan, CsvTable.NOTES)
    assert notes_header[:4] == ["Date", "Place or source", "Who", "What was said"]
    first = plan.listening.notes[0]
    assert notes_rows[0][0] == first.noted_on.isoformat()
    assert notes_rows[0][4] == "; ".join(first.tags)
    assert notes_rows[0][5] == first.sentiment.label and notes_rows[0][-1] == first.id
    activities_header, activity_rows = table_rows(plan, CsvTable.ACTIVITIES)
    assert "Repeats (calendar)" in activities_header and "Repeats" not in activities_header
    assert activity_rows[0][activities_header.index("Hours per month")] == "3"
    actions_header, action_rows = table_rows(plan, CsvTable.ACTIONS)
    assert actions_header == [
        "Date",
        "Kind",
        "What",
        "Owner",
        "Repeats",
        "Done",
        "Details",
        "Item id",
    ]
    assert {row[1] for row in action_rows} == {"Activity", "Agreed action", "Plan review"}
    assert table_rows(plan, CsvTable.PLAYBOOK)[1][0][0] == "Question"


@given(st.text(max_size=12))
def test_escaping_is_undone_exactly(text: str) -> None:
    escaped = escape_cell(text)
    assert unescape_cell(escaped) == text
    assert escaped[:1] not in ("=", "+", "-", "@", "\t", "\r")
