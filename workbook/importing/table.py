"""A file of listening notes read into one table: its rows, its header, and how it was read.

Every way a file can be wrong ends in :class:`ImportFileError`, whose message names the
file, says what is wrong and what to do; nothing is changed when one is raised.
"""

from __future__ import annotations

import stat
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from workbook.importing import text as text_tables
from workbook.importing.columns import header_matches
from workbook.importing.values import Cell, cell_text, looks_like_formula

MAX_FILE_BYTES = 50 * 1024 * 1024
"""Larger files are refused before they are read. 10,000 notes are about 3 MB of CSV."""
MAX_ROWS = 50_000
"""More rows than a plan file can sensibly hold (plans are read up to 64 MB)."""
HEADER_SEARCH_ROWS = 10
"""The header is looked for in this many rows at the top (title lines may come first)."""

TEXT_SUFFIXES = frozenset({".csv", ".tsv", ".tab", ".txt", ".text", ".psv", ".dat", ""})
SHEET_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"})

_FORMATS = {
    ".xlsx": "Excel workbook",
    ".xlsm": "Excel workbook",
    ".xlsb": "Excel binary workbook",
    ".xls": "Excel 97-2003 workbook",
    ".ods": "OpenDocument spreadsheet",
}

# What other common files start with, to name them in the message.
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG picture"),
    (b"\xff\xd8\xff", "a JPEG picture"),
    (b"GIF8", "a GIF picture"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a program"),
)
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

HELP = (
    "Choose a CSV or TSV text file, or an Excel (.xlsx, .xls) or OpenDocument (.ods) "
    "spreadsheet, with one note per row."
)


class ImportFileError(Exception):
    """The file cannot be imported; the message is for the user. Nothing was changed."""

    def __init__(self, path: Path, problem: str, advice: str = HELP) -> None:
        self.path, self.problem = path, problem
        super().__init__(f"“{path.name}” cannot be imported: {problem}. {advice}".strip())


@dataclass(frozen=True)
class ReadOptions:
    """Choices that override what the import detects."""

    delimiter: str | None = None
    """One of ``text.DELIMITERS``; None: detect it."""
    sheet: str | None = None
    """The sheet to read; None: the first visible sheet with data."""


@dataclass
class Table:
    """The rows of a file under its header, with what was found out while reading it."""

    path: Path
    format: str
    """What the file is, for the user: "CSV text", "Excel workbook", ..."""
    headers: list[str]
    rows: list[list[Cell]]
    """The rows after the header, each as long as the header."""
    row_numbers: list[int]
    """Each row's number as a spreadsheet program shows it (from 1, the header counted)."""
    header_row: int | None
    """The header's row number, or None when the file has no header."""
    from_sheet: bool = False
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    sheets: tuple[str, ...] = ()
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)
    """(row index in ``rows``, column) -> formula as written, for each formula cell."""
    origin: tuple[int, int] = (0, 0)
    """Where ``rows[0][0]`` is in the file: (row, column) from 0."""

    def describe(self) -> str:
        """How the file was read, in one sentence: "CSV text, UTF-8, separated by commas,
        header on row 1, 120 rows"."""
        parts = [self.format]
        if self.encoding:
            parts.append(self.encoding)
        if self.delimiter:
            parts.append(f"separated by {text_tables.DELIMITER_NAMES[self.delimiter]}")
        elif not self.from_sheet:
            parts.append("one column")
        if self.sheet and len(self.sheets) > 1:
            parts.append(f"sheet “{self.sheet}”")
        parts.append(
            f"header on row {self.header_row}" if self.header_row is not None else "no header row"
        )
        parts.append(f"{len(self.rows):,} row{'s' if len(self.rows) != 1 else ''}")
        return ", ".join(parts)


# ---------------------------------------------------------------- reading


def read_table(path: Path | str, options: ReadOptions = ReadOptions()) -> Table:  # noqa: B008
    """Read ``path`` (CSV, TSV, XLSX, XLS or ODS). Raises ImportFileError."""
    path = Path(path)
    head = _check_file(path)
    if head.startswith(_ZIP) or head.startswith(_OLE):
        return _read_sheet(path, head, options)
    if path.suffix.lower() in SHEET_SUFFIXES:
        raise ImportFileError(path, "it is not a spreadsheet, although its name says so")
    return _read_text(path, options)


def _check_file(path: Path) -> bytes:
    """The first bytes of ``path``, after checking it is an ordinary file of a sensible size."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ImportFileError(path, "there is no such file", "Check the name and folder.") from None
    except OSError as error:
        raise ImportFileError(path, error.strerror or str(error), "") from None
    if stat.S_ISDIR(info.st_mode):
        raise ImportFileError(path, "it is a folder")
    if not stat.S_ISREG(info.st_mode):
        raise ImportFileError(path, "it is not an ordinary file (a pipe or a device)")
    if info.st_size > MAX_FILE_BYTES:
        raise ImportFileError(
            path,
            f"it is {info.st_size / (1024 * 1024):,.0f} MB, and the import takes files of up "
            f"to {MAX_FILE_BYTES // (1024 * 1024)} MB",
            "Split it into smaller files, or save only the columns you need.",
        )
    if info.st_size == 0:
        raise ImportFileError(path, "the file is empty", "Choose the file that holds the notes.")
    try:
        with open(path, "rb") as handle:
            head = handle.read(16)
    except OSError as error:
        raise ImportFileError(path, error.strerror or str(error), "") from None
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise ImportFileError(path, f"it is {what}, not a table of notes")
    return head


def _read_text(path: Path, options: ReadOptions) -> Table:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportFileError(path, error.strerror or str(error), "") from None
    try:
        decoded = text_tables.decode(data)
    except text_tables.NotTextError as error:
        raise ImportFileError(path, f"{error}, so it is not a text table") from None
    text = decoded.text
    if not text.strip():
        raise ImportFileError(path, "the file is empty", "Choose the file that holds the notes.")
    delimiter = options.delimiter or text_tables.detect_delimiter(text)
    rows: list[list[Cell]] = text_tables.read_rows(text, delimiter)  # type: ignore[assignment]
    name = {"\t": "TSV text"}.get(delimiter or "", "CSV text")
    table = _tabulate(path, rows, name)
    table.encoding, table.delimiter = decoded.encoding, delimiter
    if "=" in text:  # the usual file has none: skip the look at every cell
        for index, row in enumerate(table.rows):
            for column, value in enumerate(row):
                if value[:1] == "=" and looks_like_formula(value):
                    table.formulas[(index, column)] = value  # type: ignore[assignment]
    return table


def _read_sheet(path: Path, head: bytes, options: ReadOptions) -> Table:
    from workbook.importing.sheets import SheetError, read_sheet

    if head.startswith(_ZIP):
        _check_zip_kind(path)
    try:
        data = read_sheet(path, options.sheet, _header_score)
    except SheetError as error:
        raise ImportFileError(path, str(error)) from None
    fmt = _FORMATS.get(path.suffix.lower(), "Spreadsheet")
    table = _tabulate(path, data.rows, fmt, from_sheet=True)
    table.sheet, table.sheets = data.sheet, data.sheets
    top, left = table.origin
    for (row, column), formula in data.formulas.items():
        index, column = row - top, column - left
        if 0 <= index < len(table.rows) and 0 <= column < len(table.headers):
            table.formulas[(index, column)] = formula
            if cell_text(table.rows[index][column]) == "":
                table.rows[index][column] = formula  # nothing saved with it: keep its text
    return table


def _header_score(rows: list[list[Cell]]) -> int:
    return max((header_matches([cell_text(c) for c in row]) for row in rows), default=0)


def _check_zip_kind(path: Path) -> None:
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ImportFileError(path, "it is a damaged zip archive, not a spreadsheet") from None
    if "xl/workbook.xml" in names or "content.xml" in names and "mimetype" in names:
        if "content.xml" in names and "xl/workbook.xml" not in names:
            with zipfile.ZipFile(path) as archive:
                kind = archive.read("mimetype")[:100]
            if b"spreadsheet" not in kind:
                raise ImportFileError(path, "it is an OpenDocument file, but not a spreadsheet")
        return
    if "word/document.xml" in names:
        raise ImportFileError(path, "it is a Word document, not a spreadsheet")
    if "ppt/presentation.xml" in names:
        raise ImportFileError(path, "it is a PowerPoint presentation, not a spreadsheet")
    raise ImportFileError(path, "it is a zip archive, not a spreadsheet")


# ---------------------------------------------------------------- rows under a header


def _is_blank(row: list[Cell]) -> bool:
    return all(cell_text(cell) == "" for cell in row)


def _first_data_row(rows: list[list[Cell]]) -> int:
    return next((i for i, row in enumerate(rows) if not _is_blank(row)), 0)


def _tabulate(path: Path, raw: list[list[Cell]], fmt: str, from_sheet: bool = False) -> Table:
    """Find the header, trim empty edges, and make every row as long as the header."""
    while raw and _is_blank(raw[-1]):
        raw.pop()
    start = _first_data_row(raw)
    if not raw or start >= len(raw):
        raise ImportFileError(path, "it has no rows", "Choose the file that holds the notes.")
    header_at = find_header(raw, start)
    width = max(len(row) for row in raw[start : start + 1000])
    if header_at is None:
        headers = [f"Column {n}" for n in range(1, width + 1)]
        first = start
    else:
        headers = [cell_text(c) for c in raw[header_at]]
        first = header_at + 1
        width = max(width, len(headers))
    headers = _unique(
        [h or f"Column {n}" for n, h in enumerate(headers, 1)]
        + [f"Column {n}" for n in range(len(headers) + 1, width + 1)]
    )
    left = _blank_columns_on_left(raw[first:], headers)
    headers = headers[left:]
    width = len(headers)
    body = raw[first:] if not left else [row[left:] for row in raw[first:]]
    rows = [row if len(row) == width else _fit(row, width) for row in body]
    numbers = list(range(first + 1, first + 1 + len(rows)))
    if not rows:
        raise ImportFileError(
            path,
            "it has a header row but no rows of notes under it",
            "Choose the file that holds the notes.",
        )
    if len(rows) > MAX_ROWS:
        raise ImportFileError(
            path,
            f"it has {len(rows):,} rows, and the import takes up to {MAX_ROWS:,} at a time",
            "Split it into smaller files.",
        )
    return Table(
        path=path,
        format=fmt,
        headers=headers,
        rows=rows,
        row_numbers=numbers,
        header_row=header_at + 1 if header_at is not None else None,
        from_sheet=from_sheet,
        origin=(first, left),
    )


def _fit(row: list[Cell], width: int) -> list[Cell]:
    if len(row) < width:
        return list(row) + [""] * (width - len(row))
    return row[:width]  # cells past the header's last column have no name


def _blank_columns_on_left(rows: list[list[Cell]], headers: list[str]) -> int:
    """Empty columns before the data (a sheet that starts in column B)."""
    count = 0
    while count < len(headers) - 1 and headers[count].startswith("Column "):
        if any(count < len(row) and cell_text(row[count]) for row in rows[:1000]):
            break
        count += 1
    return count


def _unique(headers: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    result = []
    for header in headers:
        count = seen.get(header.casefold(), 0)
        seen[header.casefold()] = count + 1
        result.append(header if count == 0 else f"{header} ({count + 1})")
    return result


def _is_label(value: Cell) -> bool:
    """A cell that could be a column's name: short text, not a number or a date."""
    if not isinstance(value, str):
        return value is None
    text = value.strip()
    if not text:
        return True
    if len(text) > 60 or text.replace(".", "").replace(",", "").replace("-", "").isdigit():
        return False
    return not (text[:4].isdigit() or (text[:1].isdigit() and "/" in text[:6]))


def find_header(rows: list[list[Cell]], start: int = 0) -> int | None:
    """The index of the header row among the first rows, or None when there is none.

    A row whose cells name known note fields ("Date", "Review", "Rating") wins; failing
    that, a row of short distinct labels above rows that hold numbers, dates or longer
    text. Rows above the header (a title, an export date) are left out.
    """
    end = min(len(rows), start + HEADER_SEARCH_ROWS)
    best, best_hits = None, 0
    for index in range(start, end):
        row = rows[index]
        if not all(_is_label(cell) for cell in row):
            continue
        hits = header_matches([cell_text(cell) for cell in row])
        if hits > best_hits:
            best, best_hits = index, hits
    if best is not None:
        return best
    for index in range(start, end):
        row = rows[index]
        labels = [cell_text(c) for c in row if cell_text(c)]
        if len(labels) < 2 or not all(_is_label(c) for c in row):
            continue
        if len({label.casefold() for label in labels}) != len(labels):
            continue
        if _data_below_differs(row, rows[index + 1 : index + 51]):
            return index
        return None  # the first row of labels is data like the rest
    return None


def _data_below_differs(header: list[Cell], below: list[list[Cell]]) -> bool:
    """Whether the rows under a row of labels look like data, not more labels: some column
    holds numbers or dates, or text much longer than its label."""
    if not below:
        return False
    for column, label in enumerate(header):
        cells = [row[column] for row in below if column < len(row) and cell_text(row[column])]
        if not cells:
            continue
        typed = sum(1 for c in cells if isinstance(c, int | float | date | datetime))
        if typed * 2 >= len(cells):
            return True
        texts = [cell_text(c) for c in cells]
        dated = sum(1 for t in texts if t[:4].isdigit() or (t[:1].isdigit() and "/" in t[:6]))
        if dated * 2 >= len(cells):
            return True
        average = sum(map(len, texts)) / len(texts)
        if average > max(30, 3 * len(cell_text(label))):
            return True
    return False
