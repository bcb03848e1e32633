"""The wizard's pages: plan details, the four stages, and review & export."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbook.gui.pages.page_id import PageId

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from workbook.gui.document import PlanDocument
    from workbook.gui.pages.base import StagePage

__all__ = ["PAGE_CLASSES", "PageId", "StagePage", "create_pages", "page_for_path"]

# The page modules (widgets, the plan model) are imported when the pages are first built,
# not with this package: the start page is shown before any of them is needed.


def page_classes() -> dict[PageId, type[StagePage]]:
    """Each page's class, in wizard order."""
    from workbook.gui.pages.details_page import DetailsPage
    from workbook.gui.pages.engagement_page import EngagementPage
    from workbook.gui.pages.listening_page import ListeningPage
    from workbook.gui.pages.management_page import ManagementPage
    from workbook.gui.pages.planning_page import PlanningPage
    from workbook.gui.pages.review_page import ReviewPage

    return {
        PageId.DETAILS: DetailsPage,
        PageId.MANAGEMENT: ManagementPage,
        PageId.LISTENING: ListeningPage,
        PageId.PLANNING: PlanningPage,
        PageId.ENGAGEMENT: EngagementPage,
        PageId.REVIEW: ReviewPage,
    }


def __getattr__(name: str):
    # ``from workbook.gui.pages import StagePage`` (or PAGE_CLASSES) still works: it loads
    # the pages at that moment.
    if name == "StagePage":
        from workbook.gui.pages.base import StagePage

        return StagePage
    if name == "PAGE_CLASSES":
        return page_classes()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_PAGE_OF_PART = {
    "details": PageId.DETAILS,
    "management": PageId.MANAGEMENT,
    "listening": PageId.LISTENING,
    "planning": PageId.PLANNING,
    "engagement": PageId.ENGAGEMENT,
}


def create_pages(document: PlanDocument, parent: QWidget | None = None) -> dict[PageId, StagePage]:
    """One page of each kind, in wizard order, all editing ``document``."""
    return {page_id: cls(document, parent) for page_id, cls in page_classes().items()}


def page_for_path(path: tuple) -> PageId:
    """The page that edits ``path``: ("listening", ...) -> PageId.LISTENING. An empty path
    (the plan as a whole) belongs to the review page."""
    if not path:
        return PageId.REVIEW
    try:
        return _PAGE_OF_PART[path[0]]
    except KeyError:
        raise ValueError(f"no page edits {'.'.join(map(str, path))!r}") from None
