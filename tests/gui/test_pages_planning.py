"""The 7 P's page: one panel per P, and "communicated" that dates itself as one undo step."""

from __future__ import annotations

import html
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from workbook.gui.document import PlanDocument
from workbook.gui.pages.planning_page import PlanningPage
from workbook.gui.widgets import clock
from workbook.gui.widgets.fields import BoolField, DateField, TextField
from workbook.guidance import SEVEN_P_ATTRIBUTION, SEVEN_P_GUIDES
from workbook.model import SevenP

pytestmark = pytest.mark.gui

TODAY = date(2026, 5, 1)


@pytest.fixture
def page(qtbot, monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    page = PlanningPage(PlanDocument())
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    qtbot.waitExposed(page)
    page.tab_widget.setCurrentWidget(page.seven_ps)
    return page


def editor(page, p: SevenP, name: str):
    kind = {"communicated": BoolField, "communicated_on": DateField}.get(name, TextField)
    return page.findChild(kind, f"planning.seven_ps.{p.value}.{name}")


def click(qtbot, box):
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())


def test_each_p_has_a_panel_with_its_questions_and_the_attribution(page):
    panel = page.seven_ps
    assert [panel.p_list.item(i).text() for i in range(7)] == [p.label for p in SevenP]
    for row, p in enumerate(SevenP):
        panel.p_list.setCurrentRow(row)
        shown = panel.stack.currentWidget()
        texts = " ".join(label.text() for label in shown.findChildren(QLabel))
        assert html.escape(SEVEN_P_GUIDES[p].questions[0]) in texts
        assert shown.findChild(TextField, f"planning.seven_ps.{p.value}.decision")
    attribution = panel.findChild(QLabel, "seven_ps_attribution")
    assert attribution.text() == SEVEN_P_ATTRIBUTION and "Telligent" in attribution.text()


def test_ticking_communicated_dates_it_today_as_one_undo_step(qtbot, page):
    document = page.document
    page.seven_ps.show_p(SevenP.PROCESS)
    box = editor(page, SevenP.PROCESS, "communicated")
    when = editor(page, SevenP.PROCESS, "communicated_on")
    assert not when.isEnabled()
    click(qtbot, box)
    decision = document.plan.planning.seven_ps.process
    assert decision.communicated and decision.communicated_on == TODAY
    assert when.isEnabled() and when.value() == TODAY
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert not decision.communicated and decision.communicated_on is None
    assert not box.isChecked() and when.value() is None and not when.isEnabled()
    document.undo_stack.redo()
    assert decision.communicated and decision.communicated_on == TODAY


def test_a_date_already_given_is_kept(qtbot, page):
    document = page.document
    path = ("planning", "seven_ps", "places", "communicated_on")
    document.set_value(path, date(2026, 1, 9))
    page.seven_ps.show_p(SevenP.PLACES)
    click(qtbot, editor(page, SevenP.PLACES, "communicated"))
    assert document.plan.planning.seven_ps.places.communicated
    assert document.plan.planning.seven_ps.places.communicated_on == date(2026, 1, 9)
    click(qtbot, editor(page, SevenP.PLACES, "communicated"))
    assert not document.plan.planning.seven_ps.places.communicated


def test_the_list_marks_a_p_once_decided_owned_and_shared(qtbot, page):
    document = page.document
    item = page.seven_ps.p_list.item(0)
    assert item.icon().isNull()
    for name, value in (("decision", "Serve"), ("owner", "Maria"), ("communicated", True)):
        document.set_value(("planning", "seven_ps", "purpose", name), value)
    assert not item.icon().isNull()
    assert "communicated" in item.toolTip()


def test_intent_and_assessment_are_on_the_first_tab(page):
    first = page.tab_widget.widget(0)
    for name in (
        "planning.intent",
        "planning.assessment.attributes",
        "planning.assessment.offering_value",
        "planning.assessment.market_relations",
    ):
        assert first.findChild(TextField, name) is not None
    assert page.tab_widget.tabText(0) == "Intent && assessment"
