"""Table column widths from the content: each column gets room for its longest header word
(header words are never split) and its longest ordinary word, and shares the rest of the
width by how much text it typically holds."""

from __future__ import annotations

from collections.abc import Callable

from workbook.report.blocks import Table

LONG_TOKEN = 18
"""Characters beyond which a word (a URL, a handle) may break at ``/ . _ - @`` or with a
hyphen: it does not set its column's minimum width."""
MAX_SAMPLE_ROWS = 400
"""Rows measured: enough to know a column, cheap even on a 2,000-note log."""
_FIXED_MIN = {"check": 4, "date": 11, "number": 4}
_BLANK_WANT = {"text": 30, "short": 14, "date": 11, "number": 8, "check": 6}
"""Characters of room each kind of column wants when it is empty (a worksheet's grid):
enough to write in by hand."""
PADDING = 3
"""Characters' worth of cell padding on the two sides together."""


def _longest_word(text: str) -> str:
    return max(text.split(), key=len, default="")


def column_widths(
    table: Table,
    total: float,
    char_width: float = 1.0,
    word_width: Callable[[str], float] = len,
    header_width: Callable[[str], float] | None = None,
    padding: float = PADDING,
) -> tuple[list[float], bool]:
    """Each column's width (adding up to ``total``), and whether every column got at least
    its minimum: its longest header word and its longest word of up to
    :data:`LONG_TOKEN` characters, plus ``padding``.

    Widths are in the unit of ``total``: characters by default, or points with
    ``char_width`` (a typical character's advance), ``word_width`` and ``header_width``
    (the width of a word in the table's text and in its header, as printed).
    """
    header_width = header_width or (lambda word: len(word) * 1.15)  # bold is wider
    columns = table.columns
    rows = table.rows[:MAX_SAMPLE_ROWS]
    minimum: list[float] = []
    desired: list[float] = []
    for index, column in enumerate(columns):
        cells = [row[index] for row in rows if index < len(row)]
        words = {_longest_word(c) for c in cells}
        longest_word = max(
            (word_width(w) for w in words if w and len(w) <= LONG_TOKEN), default=0.0
        )
        longest_line = max((max(map(len, c.split("\n"))) for c in cells if c), default=0)
        average = sum(len(c) for c in cells) / len(cells) if cells else 0
        low = max(
            max((header_width(w) for w in column.header.split()), default=0.0),
            longest_word,
            _FIXED_MIN.get(column.role, 0) * char_width,
        )
        if not any(c.strip() for c in cells):
            want = max(low, _BLANK_WANT.get(column.role, 14) * char_width)
        elif column.role in ("check", "number", "date"):
            want = max(low, longest_line * char_width)
        elif column.role == "short":
            want = max(low, min(longest_line, 24) * char_width)
        else:
            # Long answers: width grows with the typical length, not the longest one, so
            # one long cell does not starve the other columns.
            want = max(low, min(0.6 * average, 60) * char_width)
        minimum.append(low + padding)
        desired.append(want + padding)
    total_min = sum(minimum)
    if total_min >= total:
        return [total * m / total_min for m in minimum], total_min <= total
    spare = total - total_min
    extra = [d - m for d, m in zip(desired, minimum, strict=True)]
    total_extra = sum(extra)
    if total_extra <= spare:
        # Everything fits as wanted: give the rest to the text columns.
        widths = desired[:]
        text_cols = [i for i, c in enumerate(columns) if c.role == "text"] or list(
            range(len(columns))
        )
        leftover = spare - total_extra
        for i in text_cols:
            widths[i] += leftover / len(text_cols)
    else:
        widths = [m + spare * e / total_extra for m, e in zip(minimum, extra, strict=True)]
    scale = total / sum(widths)
    return [w * scale for w in widths], True


def column_shares(table: Table, line_chars: float) -> list[float]:
    """Each column's share of the width (they add up to 1). ``line_chars``: how many
    characters of body text fit across the full width."""
    widths, _fits = column_widths(table, line_chars)
    return [w / line_chars for w in widths]
