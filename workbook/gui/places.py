"""Where each plan was left: its page and tabs, remembered per file and shown again when
the plan is next opened."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbook.gui.pages import PageId

if TYPE_CHECKING:
    from workbook.gui.main_window import MainWindow


def remember(window: MainWindow) -> None:
    """Note the page and tabs on show for the window's plan file (nothing for a plan that
    has no file yet)."""
    from workbook.gui.focus import current_tabs

    session = window.document.session
    if not window.has_plan or session.path is None or not window.has_workspace():
        return
    page_id = window.current_page()
    page = window.pages.built().get(page_id)
    tabs = current_tabs(page) if page is not None else []
    window.settings.set_plan_place(session.path, page_id.name, tabs)


def restore(window: MainWindow, focus: bool = True) -> PageId:
    """Show the page and tabs where the window's plan was left (the first page for a plan
    seen for the first time), with the keyboard in its first answer."""
    from workbook.gui.focus import focus_first_field, set_current_tabs

    session = window.document.session
    place = window.settings.plan_place(session.path) if session.path is not None else None
    page_id = PageId.DETAILS
    tabs: list[int] = []
    if place is not None and place[0] in PageId.__members__:
        page_id, tabs = PageId[place[0]], place[1]
    window.go_to_page(page_id)
    page = window.pages[page_id]
    if tabs:
        set_current_tabs(page, tabs)
    if focus:
        focus_first_field(page)
    return page_id
