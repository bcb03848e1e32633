"""Window commands that act on the page on show: switch its tabs (Ctrl+PgDown, Ctrl+PgUp),
go to its table (Ctrl+T), add a row to it (Insert, from any field of the page) and search
the listening notes (Ctrl+F)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from workbook.gui.pages import PageId

if TYPE_CHECKING:
    from workbook.gui.main_window import MainWindow
    from workbook.gui.widgets.row_table import RowTableWidget

STATUS_MS = 4000


def _table(window: MainWindow) -> RowTableWidget | None:
    """The table the page on show is about, brought into view; None (and a word in the
    status bar) on a page without one."""
    from workbook.gui.focus import obvious_table
    from workbook.gui.pages.base import reveal

    if not window.has_plan:
        return None
    page = window.pages[window.current_page()]
    table = obvious_table(page)
    if table is None:
        window.statusBar().showMessage("This page has no table.", STATUS_MS)
        return None
    reveal(table)
    return table


def switch_tab(window: MainWindow, step: int) -> None:
    """The next (or previous) tab of the page on show, with the keyboard in its first
    answer; it goes round from the last tab to the first."""
    from PySide6.QtWidgets import QTabWidget

    from workbook.gui.focus import focus_first_field

    if not window.has_plan:
        return
    page = window.pages[window.current_page()]
    tabs = page.findChildren(QTabWidget)
    if not tabs or tabs[0].count() < 2:
        return
    tabs[0].setCurrentIndex((tabs[0].currentIndex() + step) % tabs[0].count())
    focus_first_field(page)


def go_to_table(window: MainWindow) -> None:
    """Ctrl+T: from any field of the page to its table, on the row last worked on."""
    table = _table(window)
    if table is None:
        return
    if not table.view.currentIndex().isValid():
        table.select_first()
    table.view.setFocus(Qt.FocusReason.ShortcutFocusReason)


def add_row(window: MainWindow) -> None:
    """Insert outside a table: a new row in the table the page is about, ready to type."""
    focus = QApplication.focusWidget()
    table = _table(window)
    if table is None:
        if focus is not None:
            focus.setFocus()
        return
    table.add_row()


def search_notes(window: MainWindow) -> None:
    """Ctrl+F: the listening notes' search box, from anywhere."""
    from workbook.gui.pages.base import reveal

    if not window.has_plan:
        return
    window.go_to_page(PageId.LISTENING)
    page = window.pages[PageId.LISTENING]
    panel = getattr(page, "notes_panel", None)
    if panel is None:
        return
    reveal(panel.search)
    panel.focus_search()
