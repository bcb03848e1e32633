"""focus_path: any field, list, row or cell is brought into view and given the keyboard focus."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from workbook.gui.document import PlanDocument
from workbook.gui.pages import create_pages, page_for_path
from workbook.gui.pages.details_page import DetailsPage
from workbook.gui.pages.listening_page import ListeningPage
from workbook.gui.pages.management_page import ManagementPage
from workbook.gui.pages.planning_page import PlanningPage
from workbook.model import (
    Activity,
    Channel,
    Listening,
    ListeningNote,
    ListeningPlace,
    Person,
    Plan,
    SevenP,
)

pytestmark = pytest.mark.gui


def show(qtbot, page, width=1000, height=700):
    qtbot.addWidget(page)
    page.resize(width, height)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


def test_a_field_on_a_hidden_tab_is_shown_and_focused(qtbot):
    page = show(qtbot, ManagementPage(PlanDocument()))
    assert page.tab_widget.currentIndex() == 0
    assert page.focus_path(("management", "governance", "brand_voice"))
    assert page.tab_widget.tabText(page.tab_widget.currentIndex()) == "Governance"
    editor = QApplication.focusWidget()
    assert editor.objectName() == "management.governance.brand_voice"
    assert not editor.visibleRegion().isEmpty()


def test_a_field_far_down_a_long_form_is_scrolled_into_view(qtbot):
    page = show(qtbot, DetailsPage(PlanDocument()), height=420)
    assert page.focus_path(("details", "revision_note"))
    editor = QApplication.focusWidget()
    assert editor.objectName() == "details.revision_note"
    assert editor.visibleRegion().boundingRect().height() == editor.height()


def test_a_seven_p_field_switches_to_its_panel(qtbot):
    page = show(qtbot, PlanningPage(PlanDocument()))
    assert page.focus_path(("planning", "seven_ps", "practices", "communicated"))
    assert page.tab_widget.currentWidget() is page.seven_ps
    assert page.seven_ps.p_list.currentRow() == list(SevenP).index(SevenP.PRACTICES)
    assert QApplication.focusWidget().objectName() == "planning.seven_ps.practices.communicated"


def test_a_notes_row_is_selected_even_when_the_filter_hides_it(qtbot):
    notes = [ListeningNote(said=f"note {i}") for i in range(30)]
    page = show(qtbot, ListeningPage(PlanDocument(Plan(listening=Listening(notes=notes)))))
    panel = page.notes_panel
    panel.search.setText("note 3")
    panel.apply_text_filter()
    target = notes[17]
    assert page.focus_path(("listening", "notes", target.id, "said"))
    assert page.tab_widget.currentIndex() == 1
    assert panel.table.current_row_id() == target.id
    current = panel.table.view.currentIndex()
    assert current.column() == panel.table.model.column_of("said")
    assert QApplication.focusWidget() is panel.table.view
    assert panel.detail.row_id == target.id


def test_a_list_path_focuses_its_table(qtbot):
    people = [Person(name="Maria"), Person(name="Priya")]
    plan = Plan()
    plan.management.people = people
    page = show(qtbot, ManagementPage(PlanDocument(plan)))
    assert page.focus_path(("management", "people"))
    table = page.tables[("management", "people")]
    assert page.tab_widget.currentWidget().isAncestorOf(table)
    assert QApplication.focusWidget() is table.view
    assert table.current_row_id() == people[0].id
    assert page.focus_path(("management", "people", people[1].id, "can_publish"))
    assert table.current_row_id() == people[1].id


def test_unknown_paths_are_refused(qtbot):
    page = show(qtbot, ManagementPage(PlanDocument()))
    assert not page.focus_path(("management", "people", "no-such-row", "name"))
    assert not page.focus_path(("details", "title"))


def test_every_gap_can_be_focused_including_rows(qtbot):
    plan = Plan()
    plan.management.presence = [Channel()]
    plan.management.people = [Person()]
    plan.listening.places = [ListeningPlace()]
    plan.engagement.activities = [Activity()]
    document = PlanDocument(plan)
    pages = create_pages(document)
    assert any(len(gap.path) == 4 for gap in document.status.gaps)
    for page in pages.values():
        qtbot.addWidget(page)
    missed = [
        gap.path
        for gap in document.status.gaps
        if not pages[page_for_path(gap.path)].focus_path(gap.path)
    ]
    assert missed == []
