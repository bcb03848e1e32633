"""X11 scenarios: tables: Tab from cell to cell, no stray deletes, typing into a selected cell, the notes count, keys from fields to tables."""

from __future__ import annotations

__all__: list[str] = []
