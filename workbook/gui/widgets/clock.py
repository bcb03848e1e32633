"""Today's date, in one place so tests can pin it."""

from __future__ import annotations

from datetime import date


def today() -> date:
    """The date new notes and "communicated" ticks get (tests patch this)."""
    return date.today()
