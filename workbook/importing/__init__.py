"""Listening notes brought in from CSV, TSV, XLSX and ODS files (Qt-free).

``read_table`` reads a file into a :class:`Table` (encoding, delimiter and header found),
``guess_mapping`` pairs its columns with note fields, and ``convert`` turns its rows into
new :class:`~workbook.model.ListeningNote` rows, saying what became of each row.

The names load with their modules when first used, so the command line can describe its
``import-notes`` arguments without loading the plan model.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workbook.importing.columns import NOTE_FIELDS, PRESETS, Mapping, guess_mapping
    from workbook.importing.notes import (
        ImportResult,
        RowOutcome,
        RowStatus,
        convert,
        existing_keys,
    )
    from workbook.importing.table import ImportFileError, ReadOptions, Table, read_table
    from workbook.importing.values import DateOrder

_WHERE = {
    "NOTE_FIELDS": "columns",
    "PRESETS": "columns",
    "Mapping": "columns",
    "guess_mapping": "columns",
    "ImportResult": "notes",
    "RowOutcome": "notes",
    "RowStatus": "notes",
    "convert": "notes",
    "existing_keys": "notes",
    "ImportFileError": "table",
    "ReadOptions": "table",
    "Table": "table",
    "read_table": "table",
    "DateOrder": "values",
}

__all__ = [
    "NOTE_FIELDS",
    "PRESETS",
    "DateOrder",
    "ImportFileError",
    "ImportResult",
    "Mapping",
    "ReadOptions",
    "RowOutcome",
    "RowStatus",
    "Table",
    "convert",
    "existing_keys",
    "guess_mapping",
    "read_table",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
