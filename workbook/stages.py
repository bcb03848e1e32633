"""The four stages of the workbook (and the plan details before them), with their titles:
the one place those titles are written.

Apart from the completeness checks so that the window's menus and step names can use them
at start-up without loading those checks.
"""

from __future__ import annotations

from enum import StrEnum


class Stage(StrEnum):
    DETAILS = "details"
    MANAGEMENT = "management"
    LISTENING = "listening"
    PLANNING = "planning"
    ENGAGEMENT = "engagement"

    @property
    def title(self) -> str:
        """The short title: step list, menus, progress, and the PDF's headings."""
        return STAGE_TITLES[self]

    @property
    def label(self) -> str:
        """As a choice in a list (a table's cell): the short title."""
        return self.title

    @property
    def long_title(self) -> str:
        """The full title: the stage's page heading and its section of the plan file."""
        return STAGE_LONG_TITLES.get(self, STAGE_TITLES[self])


STAGE_TITLES: dict[Stage, str] = {
    Stage.DETAILS: "Plan details",
    Stage.MANAGEMENT: "Management & Administration",
    Stage.LISTENING: "Listening & Learning",
    Stage.PLANNING: "Thinking & Planning",
    Stage.ENGAGEMENT: "Engagement",
}

STAGE_LONG_TITLES: dict[Stage, str] = {
    Stage.PLANNING: f"{STAGE_TITLES[Stage.PLANNING]} with the 7 P's",
}
"""Where the full title says more than the short one."""
