"""Spreadsheets (XLSX, XLS, ODS) read with python-calamine, and their formula cells found.

calamine gives each cell's value as the spreadsheet program last saved it; a formula is
never worked out here. calamine does not say which cells hold formulas, so the sheet's XML
is read once more for them (XLSX and ODS; an XLS file's formulas go unnoticed).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO
from xml.etree import ElementTree

from workbook.importing.values import Cell

MAX_UNPACKED_BYTES = 512 * 1024 * 1024
"""A zip-based sheet that says it unpacks to more than this is refused (a zip bomb)."""

SCORED_ROWS = 12
"""Rows of each sheet looked at to choose the one that holds the notes."""

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_CELL_REF = re.compile(r"([A-Z]+)(\d+)$")


class SheetError(ValueError):
    """The spreadsheet cannot be read; the message says why, for the user."""


@dataclass
class SheetData:
    rows: list[list[Cell]]
    """Every row from A1, so row and column numbers are the spreadsheet's own."""
    sheet: str
    sheets: tuple[str, ...]
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)
    """(row, column) from 0 -> the formula as written, for each formula cell."""


def check_zip(path: Path) -> None:
    """Refuse a zip-based spreadsheet that would unpack to an unreasonable size."""
    try:
        with zipfile.ZipFile(path) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # calamine says what is wrong with it
    if total > MAX_UNPACKED_BYTES:
        raise SheetError(
            f"it would unpack to {total // (1024 * 1024):,} MB, more than the import takes"
        )


def read_sheet(
    path: Path, sheet: str | None = None, score: Callable[[list[list[Cell]]], int] | None = None
) -> SheetData:
    """The rows of ``sheet``; by default of the visible sheet whose first rows ``score``
    highest (how many note fields its header names), else the first one with data."""
    from python_calamine import CalamineError, CalamineWorkbook, PasswordError

    check_zip(path)
    try:
        with CalamineWorkbook.from_path(str(path)) as workbook:
            names = tuple(workbook.sheet_names)
            if not names:
                raise SheetError("it has no sheets")
            chosen = sheet if sheet in names else _best_sheet(workbook, score)
            rows = workbook.get_sheet_by_name(chosen).to_python(skip_empty_area=False)
    except PasswordError:
        raise SheetError("it is protected with a password") from None
    except CalamineError as error:
        raise SheetError(f"it is not a spreadsheet the import can read ({error})") from None
    data = SheetData(rows=rows, sheet=chosen, sheets=names)
    try:
        data.formulas = find_formulas(path, chosen, names.index(chosen))
    except (zipfile.BadZipFile, ElementTree.ParseError, KeyError, OSError, ValueError):
        pass  # an XLS file, or XML calamine read but we cannot: its values are still right
    return data


def _best_sheet(workbook, score: Callable[[list[list[Cell]]], int] | None) -> str:  # noqa: ANN001
    visible = [
        meta.name
        for meta in workbook.sheets_metadata
        if str(meta.visible).endswith("Visible") and str(meta.typ).endswith("WorkSheet")
    ] or list(workbook.sheet_names)
    with_data = [name for name in visible if workbook.get_sheet_by_name(name).height > 0]
    if not with_data:
        return visible[0]
    if score is None or len(with_data) == 1:
        return with_data[0]
    scores = [
        score(workbook.get_sheet_by_name(name).to_python(nrows=SCORED_ROWS)) for name in with_data
    ]
    return with_data[scores.index(max(scores))]


# ---------------------------------------------------------------- formula cells


def find_formulas(path: Path, sheet: str, index: int) -> dict[tuple[int, int], str]:
    """The formula cells of one sheet of an XLSX or ODS file."""
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        if "xl/workbook.xml" in names:
            data = archive.read(_xlsx_sheet_part(archive, sheet))
            # Most sheets hold no formula: a look at the bytes spares parsing them.
            return _xlsx_formulas(io.BytesIO(data)) if b"<f" in data else {}
        if "content.xml" in names:
            data = archive.read("content.xml")
            return _ods_formulas(io.BytesIO(data), sheet) if b":formula=" in data else {}
    return {}


def _xlsx_sheet_part(archive: zipfile.ZipFile, sheet: str) -> str:
    book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rel_id = next(s.get(f"{_REL}id") for s in book.iter(f"{_MAIN}sheet") if s.get("name") == sheet)
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    target = next(
        r.get("Target") for r in rels.iter(f"{_PKG_REL}Relationship") if r.get("Id") == rel_id
    )
    if target is None:
        raise KeyError(sheet)
    if target.startswith("/"):
        return target.lstrip("/")
    return str(PurePosixPath("xl") / target)


def _column_index(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number - 1


def _xlsx_formulas(part: IO[bytes]) -> dict[tuple[int, int], str]:
    found: dict[tuple[int, int], str] = {}
    row, column = -1, -1
    for event, element in ElementTree.iterparse(part, events=("start", "end")):
        tag = element.tag
        if event == "start":
            if tag == f"{_MAIN}row":
                row = int(element.get("r", row + 2)) - 1
                column = -1
            continue
        if tag == f"{_MAIN}c":
            ref = _CELL_REF.match(element.get("r", ""))
            column = _column_index(ref.group(1)) if ref else column + 1
            formula = element.find(f"{_MAIN}f")
            if formula is not None:
                found[(row, column)] = "=" + (formula.text or "")
            element.clear()
        elif tag == f"{_MAIN}row":
            element.clear()
    return found


def _ods_formulas(part: IO[bytes], sheet: str) -> dict[tuple[int, int], str]:
    found: dict[tuple[int, int], str] = {}
    in_sheet = False
    row = column = 0
    cells = (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell")
    for event, element in ElementTree.iterparse(part, events=("start", "end")):
        tag = element.tag
        if tag == f"{_TABLE}table":
            if event == "start":
                in_sheet = element.get(f"{_TABLE}name") == sheet
            elif in_sheet:
                break
            continue
        if not in_sheet:
            continue
        if tag == f"{_TABLE}table-row":
            if event == "start":
                column = 0
            else:
                row += int(element.get(f"{_TABLE}number-rows-repeated", "1"))
                element.clear()
        elif tag in cells and event == "end":
            formula = element.get(f"{_TABLE}formula")
            if formula is not None:
                found[(row, column)] = formula.split(":", 1)[1] if formula[:3] == "of:" else formula
            column += int(element.get(f"{_TABLE}number-columns-repeated", "1"))
    return found
