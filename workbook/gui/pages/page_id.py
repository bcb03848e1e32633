"""The ids of the wizard's pages, in wizard order (kept apart from the pages themselves so that
the window's menus and step list can name pages without building or importing them)."""

from __future__ import annotations

from enum import IntEnum


class PageId(IntEnum):
    DETAILS = 0
    MANAGEMENT = 1
    LISTENING = 2
    PLANNING = 3
    ENGAGEMENT = 4
    REVIEW = 5
