"""The four stages of the workbook (and the plan details before them), with their titles.

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
        return STAGE_TITLES[self]


STAGE_TITLES = {
    Stage.DETAILS: "Plan details",
    Stage.MANAGEMENT: "Management & Administration",
    Stage.LISTENING: "Listening & Learning",
    Stage.PLANNING: "Thinking & Planning",
    Stage.ENGAGEMENT: "Engagement",
}
