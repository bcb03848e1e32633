"""The steps of the workbook in order: each step's page, its name, and the stage it completes.

Kept apart from the step list widget so that the window's menus can be made from it before
that widget (or any page) is built.
"""

from __future__ import annotations

from workbook.gui.pages.page_id import PageId
from workbook.stages import Stage

STEPS: tuple[tuple[PageId, str, Stage | None], ...] = (
    (PageId.DETAILS, Stage.DETAILS.title, Stage.DETAILS),
    (PageId.MANAGEMENT, Stage.MANAGEMENT.title, Stage.MANAGEMENT),
    (PageId.LISTENING, Stage.LISTENING.title, Stage.LISTENING),
    (PageId.PLANNING, Stage.PLANNING.title, Stage.PLANNING),
    (PageId.ENGAGEMENT, Stage.ENGAGEMENT.title, Stage.ENGAGEMENT),
    (PageId.REVIEW, "Review & export", None),
)
"""Each step: its page, its name in the list, and the stage whose completion it shows
(the review step shows the whole plan's)."""


def step_title(page_id: PageId) -> str:
    for step_id, title, _stage in STEPS:
        if step_id == page_id:
            return title
    raise KeyError(page_id)
