"""Writing a finished document to disk atomically (the export's one writer)."""

from __future__ import annotations

from pathlib import Path

from workbook.export.targets import Output
from workbook.export.writing import write_output

DOCUMENT = Output("document", ("",))


def write_file(target: Path, data: bytes, output: Output = DOCUMENT) -> None:
    """Write ``data`` to ``target`` so that it is either the new file or left as it was."""
    write_output(target, data, output)
