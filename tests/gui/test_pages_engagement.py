"""The engagement page: the readiness warning with its links, and the engagement tables."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from workbook.examples import load_example
from workbook.gui.document import PlanDocument
from workbook.gui.pages.engagement_page import EngagementPage
from workbook.gui.pages.readiness_panel import READY_TITLE, SHOWN_PER_STAGE, WARNING_TITLE
from workbook.guidance import SITUATION_GUIDES
from workbook.model import Plan, SituationType

pytestmark = pytest.mark.gui


def make_page(qtbot, plan=None):
    page = EngagementPage(PlanDocument(plan))
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_a_blank_plan_gets_the_warning_with_links_to_what_comes_first(qtbot):
    page = make_page(qtbot)
    panel = page.readiness
    assert panel.is_warning and panel.isVisible()
    assert panel.accessibleName() == WARNING_TITLE
    gaps = page.document.status.readiness_gaps
    assert len(panel.gap_buttons) == 2 * SHOWN_PER_STAGE  # listening and planning
    assert str(len(gaps) - 2 * SHOWN_PER_STAGE) in panel.more.text()
    stages = {b.accessibleName().split(":")[0] for b in panel.gap_buttons}
    assert stages == {"Listening & Learning", "Thinking & Planning"}


def test_clicking_a_gap_asks_to_go_there(qtbot):
    page = make_page(qtbot)
    button = page.readiness.gap_buttons[0]
    first_gap = page.document.status.readiness_gaps[0]
    with qtbot.waitSignal(page.navigate_requested) as signal:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert signal.args == [first_gap.path]


def test_a_complete_example_is_ready_and_the_page_follows_the_plan(qtbot):
    example = load_example("bakery")
    page = make_page(qtbot, example)
    panel = page.readiness
    assert not panel.is_warning and panel.gap_buttons == []
    assert panel.accessibleName() == READY_TITLE
    page.document.set_value(("planning", "intent"), "")
    qtbot.waitUntil(lambda: panel.is_warning)
    assert [b.accessibleName() for b in panel.gap_buttons] == [
        "Thinking & Planning: Intent: the value we will give"
    ]
    assert panel.gap_buttons[0].text() == "→ Thinking && Planning: Intent: the value we will give"
    page.document.undo_stack.undo()
    qtbot.waitUntil(lambda: not panel.is_warning)
    page.document.replace_plan(Plan())
    qtbot.waitUntil(lambda: panel.is_warning)


def test_playbook_detail_shows_advice_for_the_selected_situation(qtbot):
    page = make_page(qtbot)
    page.tab_widget.setCurrentIndex(0)
    table = page.tables[("engagement", "playbook")]
    complaint = next(
        e for e in page.document.plan.engagement.playbook if e.situation is SituationType.COMPLAINT
    )
    table.select_row(complaint.id)
    advice = page.findChild(QLabel, "situation_advice")
    assert SITUATION_GUIDES[SituationType.COMPLAINT] in advice.text()
    assert page.playbook_detail.row_id == complaint.id
    page.document.set_value(
        ("engagement", "playbook", complaint.id, "situation"), SituationType.PRAISE
    )
    assert SITUATION_GUIDES[SituationType.PRAISE] in advice.text()


def test_engagement_lists_are_tables_on_their_tabs(qtbot):
    page = make_page(qtbot)
    titles = [page.tab_widget.tabText(i) for i in range(page.tab_widget.count())]
    assert titles == [
        "Response playbook",
        "Activities",
        "The four A's",
        "Quality && cost",
        "Review loop",
    ]
    assert page.tables[("engagement", "measures")].model.rowCount() == 4
    assert page.tables[("engagement", "playbook")].model.rowCount() == len(SituationType)
