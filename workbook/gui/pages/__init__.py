"""The wizard's pages: plan details, the four stages, and review & export."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING

from workbook.gui.pages.page_id import PageId

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from workbook.gui.document import PlanDocument
    from workbook.gui.pages.base import StagePage

__all__ = [
    "PAGE_CLASSES",
    "LazyPages",
    "PageId",
    "StagePage",
    "create_pages",
    "page_class",
    "page_for_path",
]

# The page modules (widgets, the plan model) are imported when a page is first built, not
# with this package: the start page is shown before any of them is needed, and a page never
# visited is never imported.

_PAGE_CLASS_NAMES = {
    PageId.DETAILS: ("details_page", "DetailsPage"),
    PageId.MANAGEMENT: ("management_page", "ManagementPage"),
    PageId.LISTENING: ("listening_page", "ListeningPage"),
    PageId.PLANNING: ("planning_page", "PlanningPage"),
    PageId.ENGAGEMENT: ("engagement_page", "EngagementPage"),
    PageId.REVIEW: ("review_page", "ReviewPage"),
}


def page_class(page_id: PageId) -> type[StagePage]:
    """The class of one page (its module is imported now if it was not yet)."""
    module, name = _PAGE_CLASS_NAMES[PageId(page_id)]
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


def page_classes() -> dict[PageId, type[StagePage]]:
    """Each page's class, in wizard order."""
    return {page_id: page_class(page_id) for page_id in PageId}


class LazyPages(Mapping[PageId, "StagePage"]):
    """Every page of the wizard by id, each built by ``build`` the first time it is asked
    for. Opening a plan builds only the page it shows (the 2,000-note plan opened in 0.45 s
    with all six built at once); a page never visited costs no time and no memory."""

    def __init__(self, build: Callable[[PageId], StagePage]) -> None:
        self._build = build
        self._built: dict[PageId, StagePage] = {}

    def __getitem__(self, page_id: PageId) -> StagePage:
        try:
            key = PageId(page_id)
        except ValueError:
            raise KeyError(page_id) from None
        page = self._built.get(key)
        if page is None:
            page = self._built[key] = self._build(key)
        return page

    def __iter__(self) -> Iterator[PageId]:
        return iter(PageId)

    def __len__(self) -> int:
        return len(PageId)

    def built(self) -> dict[PageId, StagePage]:
        """The pages built so far, in the order they were built."""
        return dict(self._built)


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
    "workshop": PageId.REVIEW,  # the agenda and the parking lot: the Review page's Workshop tab
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
