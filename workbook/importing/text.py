"""Text tables (CSV, TSV): the encoding and the delimiter found, then the rows read with ``csv``.

``csv.Sniffer`` is not used: it picks a letter or a space as the delimiter on common files
(a semicolon file whose text has commas, a file with one column). The detection here tries
the four delimiters people use and keeps the one that cuts the rows into the same number
of columns most consistently, the header row included.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections import Counter
from dataclasses import dataclass

DELIMITERS = (",", ";", "\t", "|")
DELIMITER_NAMES = {",": "commas", ";": "semicolons", "\t": "tabs", "|": "vertical bars"}
"""How each delimiter is named to the user ("separated by semicolons")."""

SAMPLE_CHARS = 64 * 1024
"""How much of the file the delimiter is judged on."""
SAMPLE_ROWS = 200


class NotTextError(ValueError):
    """The bytes are not text in an encoding the import reads (a binary file)."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    """The encoding's name for the user: "UTF-8", "UTF-8 with a byte order mark", ..."""


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8 with a byte order mark"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 (Excel “Unicode text”)"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)

# C0 control characters other than tab, newline, carriage return and form feed: text files
# hardly ever hold them, binary files are full of them.
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(head.count(bytes([b])) for b in _CONTROL)
    return controls > max(8, len(head) // 100)


def decode(data: bytes) -> Decoded:
    """The text of ``data``: a byte order mark first, then UTF-8, then Windows-1252 (what
    Excel writes on Windows in Western Europe and the Americas). Raises NotTextError."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(codec), name)
            except UnicodeDecodeError:
                raise NotTextError(f"it starts as {name} text but is not") from None
    if _looks_binary(data):
        raise NotTextError("it holds binary data, not text")
    try:
        return Decoded(data.decode("utf-8"), "UTF-8")
    except UnicodeDecodeError:
        pass
    try:
        return Decoded(data.decode("cp1252"), "Windows-1252 (Western European)")
    except UnicodeDecodeError:
        # Five bytes have no character in Windows-1252; Latin-1 reads every byte.
        return Decoded(data.decode("latin-1"), "Latin-1 (ISO 8859-1)")


def _sample(text: str) -> tuple[str, bool]:
    """The start of ``text`` for judging, cut after a whole line; True if it was cut."""
    if len(text) <= SAMPLE_CHARS:
        return text, False
    end = text.rfind("\n", 0, SAMPLE_CHARS)
    return (text[: end + 1] if end > 0 else text[:SAMPLE_CHARS]), True


def _score(sample: str, delimiter: str, cut: bool) -> tuple[float, int, int]:
    """(share of rows with the usual column count, header agrees, that count)."""
    reader = csv.reader(io.StringIO(sample), delimiter=delimiter, strict=False)
    counts = []
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                counts.append(len(row))
            if len(counts) >= SAMPLE_ROWS:
                break
    except csv.Error:
        return 0.0, 0, 0
    if cut and len(counts) > 1 and len(counts) < SAMPLE_ROWS:
        counts.pop()  # the last row may be half a row
    if not counts:
        return 0.0, 0, 0
    usual, times = Counter(counts).most_common(1)[0]
    if usual < 2:
        return 0.0, 0, usual
    return times / len(counts), int(counts[0] == usual), usual


def detect_delimiter(text: str) -> str | None:
    """The delimiter of a text table, or None when every try gives one column."""
    sample, cut = _sample(text)
    first = sample.split("\n", 1)[0]
    if first.lower().startswith("sep=") and len(first.strip()) == 5:
        return first.strip()[4]  # Excel's own hint line: "sep=;"
    best, best_score = None, (0.0, 0, 0)
    for delimiter in DELIMITERS:
        if delimiter not in sample:
            continue
        score = _score(sample, delimiter, cut)
        if score[0] > 0 and score > best_score:
            best, best_score = delimiter, score
    return best


def read_rows(text: str, delimiter: str | None) -> list[list[str]]:
    """Every row of the table; quoted fields may hold delimiters and line breaks."""
    if text.lower().startswith("sep="):
        text = text.split("\n", 1)[1] if "\n" in text else ""
    # One column: a separator no text holds, so quoted cells are still read as csv reads them.
    separator = delimiter if delimiter is not None else "\x1f"
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=False))
