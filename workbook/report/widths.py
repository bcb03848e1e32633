"""Table column widths from the content: each column gets room for its longest header word
(header words are never split) and its typical text, within the width there is."""

from __future__ import annotations

from workbook.report.blocks import Table

LONG_TOKEN = 18
"""Characters beyond which a word (a URL, a handle) may break anywhere: it does not set
its column's minimum width."""
MAX_SAMPLE_ROWS = 400
"""Rows measured: enough to know a column, cheap even on a 2,000-note log."""
_FIXED_MIN = {"check": 4, "date": 11, "number": 4}
PADDING = 3
"""Characters' worth of cell padding on the two sides together."""


def _longest_word(text: str) -> int:
    return max((len(word) for word in text.split()), default=0)


def column_shares(table: Table, line_chars: float) -> list[float]:
    """Each column's share of the width (they add up to 1). ``line_chars``: how many
    characters of body text fit across the full width."""
    columns = table.columns
    rows = table.rows[:MAX_SAMPLE_ROWS]
    minimum: list[float] = []
    desired: list[float] = []
    for index, column in enumerate(columns):
        cells = [row[index] for row in rows if index < len(row)]
        header_word = _longest_word(column.header) * 1.15  # headers are bold: wider
        longest_word = max((min(_longest_word(c), LONG_TOKEN) for c in cells), default=0)
        longest_line = max((max(map(len, c.split("\n"))) for c in cells if c), default=0)
        average = sum(len(c) for c in cells) / len(cells) if cells else 0
        low = max(header_word, longest_word, _FIXED_MIN.get(column.role, 0))
        if column.role in ("check", "number", "date"):
            want = max(low, longest_line)
        elif column.role == "short":
            want = max(low, min(longest_line, 24))
        else:
            # Long answers: width grows with the typical length, not the longest one, so
            # one long cell does not starve the other columns.
            want = max(low, min(0.6 * average, 60))
        minimum.append(low + PADDING)
        desired.append(want + PADDING)
    total_min = sum(minimum)
    if total_min >= line_chars:
        return [m / total_min for m in minimum]
    spare = line_chars - total_min
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
    total = sum(widths)
    return [w / total for w in widths]
