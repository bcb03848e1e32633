"""The review page: completeness per stage, every gap as a checklist item, and Export."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from workbook.examples import load_example
from workbook.gui.document import PlanDocument
from workbook.gui.pages.review_page import PATH_ROLE, ReviewPage
from workbook.stages import Stage

pytestmark = pytest.mark.gui


def make_page(qtbot, plan=None):
    page = ReviewPage(PlanDocument(plan))
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_every_gap_of_a_blank_plan_is_listed_under_its_stage(qtbot):
    page = make_page(qtbot)
    gaps = page.document.status.gaps
    items = page.gap_items()
    assert [item.data(0, PATH_ROLE) for item in items] == [g.path for g in gaps]
    assert [item.text(0) for item in items] == [g.label for g in gaps]
    groups = [
        page.checklist.topLevelItem(i).text(0) for i in range(page.checklist.topLevelItemCount())
    ]
    assert groups[0].startswith(Stage.DETAILS.title)
    assert len(groups) == len(Stage)


def test_progress_bars_show_each_stage(qtbot):
    page = make_page(qtbot, load_example("bakery"))
    status = page.document.status
    for stage in Stage:
        assert page.bars[stage].value() == status[stage].percent
    assert f"{status.percent}%" in page.overall_label.text()


def test_activating_an_item_asks_to_go_to_its_field(qtbot):
    page = make_page(qtbot)
    item = page.gap_items()[3]
    with qtbot.waitSignal(page.navigate_requested) as signal:
        page.checklist.itemActivated.emit(item, 0)
    assert signal.args == [item.data(0, PATH_ROLE)]
    page.checklist.setCurrentItem(item)
    page.checklist.setFocus()
    with qtbot.waitSignal(page.navigate_requested) as signal:
        qtbot.keyClick(page.checklist, Qt.Key.Key_Return)
    assert signal.args == [item.data(0, PATH_ROLE)]
    with qtbot.waitSignal(page.navigate_requested) as signal:
        qtbot.mouseClick(page.go_button, Qt.MouseButton.LeftButton)
    assert signal.args == [item.data(0, PATH_ROLE)]


def test_double_clicking_an_item_asks_to_go_there(qtbot):
    page = make_page(qtbot)
    item = page.gap_items()[0]
    rect = page.checklist.visualItemRect(item)
    with qtbot.waitSignal(page.navigate_requested) as signal:
        # A real double click: a click, then the double-click event.
        qtbot.mouseClick(page.checklist.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(page.checklist.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == [("details", "title")]


def test_the_checklist_follows_edits(qtbot):
    page = make_page(qtbot)
    before = len(page.gap_items())
    page.document.set_value(("details", "title"), "A plan")
    qtbot.waitUntil(lambda: len(page.gap_items()) == before - 1)
    assert page.bars[Stage.DETAILS].value() == page.document.status[Stage.DETAILS].percent


def test_export_button_asks_for_an_export_and_shows_its_shortcut(qtbot):
    page = make_page(qtbot)
    assert "Ctrl+E" in page.export_button.text()
    with qtbot.waitSignal(page.export_requested):
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)


def test_a_complete_plan_says_so(qtbot):
    page = make_page(qtbot, load_example("bakery"))
    assert page.document.status.gaps == ()  # the worked examples are complete plans
    assert page.gap_items() == []
    assert "Nothing missing" in page.checklist.topLevelItem(0).text(0)
