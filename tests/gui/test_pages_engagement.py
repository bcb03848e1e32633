"""The engagement page: the readiness warning with its links, and the engagement tables."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from workbook.examples import load_example
from workbook.gui.document import PlanDocument
from workbook.gui.pages.engagement_page import EngagementPage
from workbook.gui.pages.readiness_panel import (
    READY_TITLE,
    REFRESH_DELAY_MS,
    SHOWN_PER_STAGE,
    WARNING_TITLE,
)
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
    # Management's essentials, real listening, and the 7 P's: a couple of gaps each.
    assert len(panel.gap_buttons) == 3 * SHOWN_PER_STAGE
    assert f"…and {len(gaps) - 3 * SHOWN_PER_STAGE} more" in panel.more.text()
    stages = [b.accessibleName().split(":")[0] for b in panel.gap_buttons]
    assert set(stages) == {
        "Management & Administration",
        "Listening & Learning",
        "Thinking & Planning",
    }
    assert "Exactly one person is accountable" in panel.gap_buttons[0].accessibleName()
    assert page.findChild(QLabel, "engagement_progress").text() == (
        "Engagement is 0% done; the whole plan 0%."
    )


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
    # Readiness is the series' conditions, not every box: a missing intent is a gap in
    # progress, but a P not shared (or an activity starting before it was) holds engaging up.
    page.document.set_value(("planning", "intent"), "")
    qtbot.wait(2 * REFRESH_DELAY_MS)
    assert not panel.is_warning
    practices = ("planning", "seven_ps", "practices", "communicated")
    page.document.set_value(practices, False)
    qtbot.waitUntil(lambda: panel.is_warning)
    shared = "The 7 P's › Practices › not yet shared with the whole organisation"
    assert [b.accessibleName() for b in panel.gap_buttons] == [f"Thinking & Planning: {shared}"]
    assert panel.gap_buttons[0].full_text == shared
    # The stage is the row's label; the button shows the whole text once laid out (it is
    # made at a default width, and shortened to it, until its row gives it room).
    qtbot.waitUntil(lambda: panel.gap_buttons[0].text() == f"→ {shared}")
    with qtbot.waitSignal(page.navigate_requested) as signal:
        qtbot.mouseClick(panel.gap_buttons[0], Qt.MouseButton.LeftButton)
    assert signal.args == [practices]
    page.document.undo_stack.undo()
    qtbot.waitUntil(lambda: not panel.is_warning)

    first = page.document.plan.engagement.activities[0]
    page.document.set_value(("engagement", "activities", first.id, "start_date"), date(2020, 1, 6))
    qtbot.waitUntil(lambda: panel.is_warning)
    assert panel.gap_buttons[0].accessibleName().startswith("Engagement: “")
    assert "before the 7 P's were all shared" in panel.gap_buttons[0].accessibleName()
    page.document.replace_plan(Plan())
    qtbot.waitUntil(lambda: len(panel.gap_buttons) == 3 * SHOWN_PER_STAGE)


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
        "Agreed actions",
        "Review loop",
    ]
    assert page.tables[("engagement", "measures")].model.rowCount() == 4
    assert page.tables[("engagement", "playbook")].model.rowCount() == len(SituationType)


def test_long_readiness_links_are_shortened_rather_than_widening_the_page(qtbot):
    plan = load_example("plumber")
    plan.engagement.activities[0].start_date = date(2020, 1, 6)
    page = make_page(qtbot, plan)
    panel = page.readiness
    assert panel.is_warning
    button = panel.gap_buttons[0]
    assert "before the 7 P's were all shared" in button.full_text
    assert page.minimumSizeHint().width() < 900
    page.resize(640, 800)
    qtbot.waitUntil(lambda: button.text().endswith("…"))
    assert button.accessibleName() == f"Engagement: {button.full_text}"
    assert "starts 6 January 2020, before the 7 P" in button.toolTip()
