"""The four A's over time in the window: status and chart, readings, spending, agreed actions
and the action plan with its filters and "go to"."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from workbook.action_plan import ItemKind, owner_matches
from workbook.examples import load_example
from workbook.gui.action_plan_view import ActionPlanView, show_action_plan
from workbook.gui.document import PlanDocument
from workbook.gui.pages import PageId
from workbook.gui.pages.engagement_page import EngagementPage
from workbook.gui.widgets import clock
from workbook.gui.widgets.measure_chart import MeasureChart, figure_text
from workbook.gui.widgets.row_model import ROW_ID_ROLE
from workbook.measures import measure_progress
from workbook.model import Direction, Reading
from workbook.session import PlanSession

pytestmark = pytest.mark.gui

MEASURES = ("engagement", "measures")
READINGS = ("engagement", "readings")


def make_page(qtbot, plan=None):
    page = EngagementPage(PlanDocument(plan if plan is not None else load_example("bakery")))
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    page.tab_widget.setCurrentWidget(page.four_as)
    return page


def _select_measure(page, measure_id):
    assert page.tables[MEASURES].select_row(measure_id)
    page.four_as.progress.refresh()
    return page.four_as.progress


def test_the_status_is_written_for_a_measure_better_higher_and_one_better_lower(qtbot):
    plan = load_example("bakery")
    up, down = plan.engagement.measures[0], plan.engagement.measures[1]
    # Better higher, the latest reading past the target: achieved.
    up.target_value = 70.0
    # Better lower (complaints, say): readings rising from the baseline fall behind.
    down.direction = Direction.DOWN
    down.baseline_value, down.target_value = 10.0, 2.0
    page = make_page(qtbot, plan)

    panel = _select_measure(page, up.id)
    assert panel.status.text.text() == "Achieved: 74 reactions a day, target 70 by 30 Sep 2026."
    assert not panel.status.icon_label.pixmap().isNull()  # an icon beside the words

    panel = _select_measure(page, down.id)
    expected = measure_progress(page.document.plan, down)
    assert expected.status.label == "Behind"
    assert panel.status.text.text().startswith("Behind: ")
    assert "Better when lower." in panel.chart.accessibleDescription()


def test_an_example_measure_on_its_way_is_on_track(qtbot):
    page = make_page(qtbot)
    first = page.document.plan.engagement.measures[0]
    panel = _select_measure(page, first.id)
    assert panel.status.text.text() == "On track: 74 reactions a day, target 90 by 30 Sep 2026."


def test_the_chart_paints_and_says_its_figures_in_words(qtbot):
    plan = load_example("bakery")
    measure = plan.engagement.measures[0]
    chart = MeasureChart()
    qtbot.addWidget(chart)
    chart.resize(420, 200)
    chart.set_progress(measure_progress(plan, measure), measure.indicator)
    image = chart.grab().toImage()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(image.height())}
    assert len(colours) > 10  # lines, points and labels, not a blank box
    description = chart.accessibleDescription()
    for figure in ("Baseline 40 reactions a day", "Target 90 reactions a day", "52", "61", "74"):
        assert figure in description
    assert "3 readings" in description and "Status: On track." in description
    assert chart.accessibleName() == f"Chart of {measure.indicator}"


def test_figures_are_written_with_their_unit():
    assert figure_text(60, "%") == "60%"
    assert figure_text(40, "£ a month") == "£40 a month"
    assert figure_text(3, "questions a week") == "3 questions a week"


def test_adding_a_reading_takes_the_selected_measure_and_today(qtbot, monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: date(2026, 7, 15))
    page = make_page(qtbot)
    second = page.document.plan.engagement.measures[1]
    _select_measure(page, second.id)
    readings = page.tables[READINGS]
    before = len(page.document.plan.engagement.readings)
    readings.add_action.trigger()
    added = page.document.plan.engagement.readings[-1]
    assert len(page.document.plan.engagement.readings) == before + 1
    assert (added.measure, added.taken_on, added.value) == (second.id, date(2026, 7, 15), None)
    # The table names the measure, and the figure's cell is open for typing.
    view = readings.view
    row = view.model().rowCount() - 1
    assert view.model().index(row, 0).data() == second.indicator
    assert view.currentIndex().column() == readings.model.column_of("value")
    page.document.set_value((*READINGS, added.id, "value"), 9.0)
    qtbot.waitUntil(lambda: "9 questions a week, " in page.four_as.progress.status.text.text())


def test_a_reading_is_moved_to_another_measure_with_the_combo(qtbot):
    page = make_page(qtbot)
    plan = page.document.plan
    reading = plan.engagement.readings[0]
    target = plan.engagement.measures[2]
    readings = page.tables[READINGS]
    readings.select_row(reading.id, "measure")
    view = readings.view
    view.edit(view.currentIndex())
    combo = view.indexWidget(view.currentIndex()) or view.focusWidget()
    combo.setCurrentIndex(combo.findData(target.id))
    combo.activated.emit(combo.currentIndex())
    assert plan.engagement.readings[0].measure == target.id
    page.document.undo_stack.undo()
    assert plan.engagement.readings[0].measure != target.id


def test_spending_is_shown_against_the_plan(qtbot):
    page = make_page(qtbot)
    report = page.spending_report
    plan = page.document.plan
    assert report.table.rowCount() == len(plan.engagement.spending)
    first = plan.engagement.spending[0]
    assert report.table.item(0, 1).text() == figure_text(first.hours, "")
    assert "over" in report.table.item(0, 5).text() or "under" in report.table.item(0, 5).text()
    page.document.insert_row(
        ("engagement", "spending"),
        None,
        type(first)(period_start=date(2026, 6, 1), period_end=date(2026, 6, 30), hours=1.0),
    )
    qtbot.waitUntil(lambda: report.table.rowCount() == len(plan.engagement.spending))


def test_the_agreed_actions_are_a_table_on_their_tab(qtbot):
    page = make_page(qtbot)
    table = page.tables[("engagement", "actions")]
    assert table.model.rowCount() == len(page.document.plan.engagement.actions) > 0
    assert table.view.objectName() == "engagement.actions"


def test_the_four_as_table_keeps_its_rows_on_a_short_page(qtbot):
    page = make_page(qtbot)
    page.resize(860, 560)
    qtbot.wait(50)
    view = page.tables[MEASURES].view
    assert view.viewport().height() >= 3 * view.verticalHeader().defaultSectionSize()
    assert page.minimumSizeHint().width() <= 860


# ---------------------------------------------------------------- the action plan


def test_the_action_plan_filters_by_owner_and_by_month(qtbot):
    view = ActionPlanView(PlanDocument(load_example("bakery")))
    qtbot.addWidget(view)
    everyone = len(view.shown)
    assert everyone == len(view.items) > 0
    dates = [i.on for i in view.shown if i.on is not None]
    assert dates == sorted(dates)

    view.set_owner("Priya Shah")
    assert 0 < len(view.shown) < everyone
    assert all(owner_matches(i.owner, "Priya Shah") for i in view.shown)
    assert view.count.text() == f"Showing {len(view.shown)} of {everyone} items"

    view.set_owner(None)
    view.set_month((2026, 3))
    assert view.shown and all(i.occurs_in(2026, 3) for i in view.shown)
    assert any(i.kind is ItemKind.ACTION for i in view.shown)
    assert view.tree.topLevelItemCount() == len(view.shown)

    view.include_done.setChecked(False)
    assert not any(i.done for i in view.shown)


def test_enter_on_an_action_plan_item_goes_to_where_it_is_edited(window, qtbot):
    window.show()
    window.document.replace_session(PlanSession(load_example("bakery")))
    window.has_plan = True
    show_action_plan(window)
    view = window.pages[PageId.REVIEW].action_plan
    assert window.current_page() == PageId.REVIEW
    assert view.tree.hasFocus() or view.isAncestorOf(window.focusWidget())
    action = next(i for i in view.shown if i.kind is ItemKind.ACTION)
    row = next(
        view.tree.topLevelItem(n)
        for n in range(view.tree.topLevelItemCount())
        if view.tree.topLevelItem(n).text(1) == action.title
    )
    view.tree.setCurrentItem(row)
    view.tree.setFocus()
    qtbot.keyClick(view.tree, Qt.Key.Key_Return)
    engagement = window.pages[PageId.ENGAGEMENT]
    table = engagement.tables[("engagement", "actions")]
    assert window.current_page() == PageId.ENGAGEMENT
    assert table.current_row_id() == action.key
    assert engagement.tab_widget.currentWidget().isAncestorOf(table)


def test_ctrl_shift_l_is_the_action_plan_in_the_go_menu(window):
    action = window.actions.action_plan
    assert action.shortcut().toString() == "Ctrl+Shift+L"
    go_menu = next(m for m in window.menuBar().actions() if m.text() == "&Go").menu()
    assert action in go_menu.actions()


def test_a_reading_of_a_deleted_measure_is_named_so(qtbot):
    plan = load_example("bakery")
    plan.engagement.readings.append(Reading(measure="gone", taken_on=date(2026, 5, 1), value=1))
    page = make_page(qtbot, plan)
    page.four_as.only_selected.setChecked(False)
    view = page.tables[READINGS].view
    last = view.model().rowCount() - 1
    assert view.model().index(last, 0).data() == "A measure no longer in the plan"


def test_the_readings_follow_the_selected_measure_until_unticked(qtbot):
    page = make_page(qtbot)
    plan = page.document.plan
    second = plan.engagement.measures[1]
    _select_measure(page, second.id)
    view = page.tables[READINGS].view
    ids = {view.model().index(r, 0).data(ROW_ID_ROLE) for r in range(view.model().rowCount())}
    assert ids == {r.id for r in plan.engagement.readings if r.measure == second.id}
    page.four_as.only_selected.setChecked(False)
    assert view.model().rowCount() == len(plan.engagement.readings)
    # Going to a reading of another measure shows every reading again.
    page.four_as.only_selected.setChecked(True)
    other = next(r for r in plan.engagement.readings if r.measure != second.id)
    assert page.focus_path((*READINGS, other.id, "value"))
    assert not page.four_as.only_selected.isChecked()
    assert page.tables[READINGS].current_row_id() == other.id


def test_each_measure_shows_its_status_beside_its_a_in_the_table(qtbot):
    plan = load_example("bakery")
    plan.engagement.measures[0].target_value = 70.0  # achieved by its latest reading
    page = make_page(qtbot, plan)
    view = page.tables[MEASURES].view
    first = view.model().index(0, 0)
    assert first.data() == "Attention"
    assert not first.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert first.data(Qt.ItemDataRole.ToolTipRole).startswith("Achieved: 74 reactions a day")
    assert first.data(Qt.ItemDataRole.AccessibleDescriptionRole).startswith("Achieved: ")
    # A new reading recounts the status shortly after.
    measure = plan.engagement.measures[0]
    page.document.set_value((*MEASURES, measure.id, "target_value"), 100.0)
    qtbot.waitUntil(
        lambda: view.model().index(0, 0).data(Qt.ItemDataRole.ToolTipRole).startswith("On track")
    )
