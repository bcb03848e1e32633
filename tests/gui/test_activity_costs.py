"""What each method costs and builds, in the window: the activities' new columns and detail
fields, and the cost section's totals by activity and by A."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt

from workbook.examples import example_value, load_example, nearest_example
from workbook.gui.document import PlanDocument
from workbook.gui.pages.engagement_page import ACTIVITIES, MEASURES, EngagementPage
from workbook.gui.widgets.columns import ColumnKind
from workbook.model import Activity, FourA, Plan

pytestmark = pytest.mark.gui


def make_page(qtbot, plan: Plan) -> EngagementPage:
    page = EngagementPage(PlanDocument(plan))
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


def costed_plan() -> Plan:
    plan = Plan()
    plan.engagement.activities = [
        Activity(
            activity="Answer allergy questions",
            hours_per_month=6,
            money_per_month=0,
            moves=FourA.AFFINITY,
        ),
        Activity(
            activity="Tasting evening",
            hours_per_month=4,
            money_per_month=120,
            moves=FourA.ATTRACTION,
        ),
        Activity(activity="Thank reviewers", hours_per_month=2, moves=FourA.AFFINITY),
        Activity(),  # an Add click: counts for nothing
    ]
    return plan


def test_the_activity_table_edits_hours_money_the_a_and_the_theme(qtbot):
    plan = Plan()
    plan.engagement.activities = [Activity(activity="Answer questions")]
    page = make_page(qtbot, plan)
    model = page.tables[ACTIVITIES].model
    kinds = {c.name: c.kind for c in model.columns}
    assert kinds["hours_per_month"] is ColumnKind.NUMBER
    assert kinds["money_per_month"] is ColumnKind.NUMBER
    assert kinds["moves"] is ColumnKind.OPTIONAL_ENUM
    assert kinds["answers"] is ColumnKind.TEXT
    assert kinds["from_listening"] is ColumnKind.LINK

    hours = model.index(0, model.column_of("hours_per_month"))
    assert model.setData(hours, QLocale().toString(12.5))
    assert plan.engagement.activities[0].hours_per_month == 12.5
    assert hours.data() == QLocale().toString(12.5)
    assert hours.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert not model.setData(hours, "twelve")  # refused, the plan keeps its number
    assert model.setData(hours, "")
    assert plan.engagement.activities[0].hours_per_month is None
    assert not model.setData(hours, "-3")  # the model's range holds

    moves = model.index(0, model.column_of("moves"))
    assert model.setData(moves, FourA.ATTENTION)
    assert moves.data() == "Attention"
    answers = model.index(0, model.column_of("answers"))
    assert model.setData(answers, "allergies")
    assert plan.engagement.activities[0].answers == "allergies"


def test_the_activity_detail_has_an_editor_for_each_new_field(qtbot):
    plan = Plan()
    plan.engagement.activities = [Activity(activity="Answer questions")]
    page = make_page(qtbot, plan)
    page.focus_path((*ACTIVITIES, plan.engagement.activities[0].id, "money_per_month"))
    detail = page.activity_detail
    assert detail.row_id == plan.engagement.activities[0].id
    for name in ("hours_per_month", "money_per_month", "moves", "answers"):
        assert detail.blocks[name].editor.isEnabled(), name
    editor = detail.blocks["money_per_month"].editor
    editor.setFocus()
    qtbot.keyClicks(editor, "40")
    assert plan.engagement.activities[0].money_per_month == 40


def test_the_cost_section_totals_by_activity_and_by_a(qtbot):
    page = make_page(qtbot, costed_plan())
    summary = page.cost_summary
    assert summary.by_activity.rowCount() == 3
    assert [summary.by_activity.item(r, 0).text() for r in range(3)] == [
        "Answer allergy questions",
        "Tasting evening",
        "Thank reviewers",
    ]
    by_a = {
        summary.by_a.item(r, 0).text(): [summary.by_a.item(r, c).text() for c in range(1, 5)]
        for r in range(summary.by_a.rowCount())
    }
    number = QLocale().toString
    assert by_a["Affinity"] == ["2", number(8.0, "g", 12), "0", "67%"]
    assert by_a["Attraction"] == ["1", "4", number(120.0, "g", 12), "33%"]
    assert by_a["Attention"][0] == "0"
    assert "3 activities: 12 hours and 120 in money a month." == summary.total_label.text()
    assert not summary.unpriced.isHidden()
    assert summary.unpriced.text().startswith("→ 1 activity has no hours or money yet")
    thank = page.document.plan.engagement.activities[2]
    with qtbot.waitSignal(summary.navigate_requested) as signal:
        qtbot.mouseClick(summary.unpriced, Qt.MouseButton.LeftButton)
    assert signal.args == [(*ACTIVITIES, thank.id, "money_per_month")]


def test_the_cost_section_follows_the_activities(qtbot):
    plan = costed_plan()
    page = make_page(qtbot, plan)
    summary = page.cost_summary
    page.document.set_value((*ACTIVITIES, plan.engagement.activities[2].id, "money_per_month"), 0)
    qtbot.waitUntil(lambda: summary.unpriced.isHidden())
    page.document.remove_rows(ACTIVITIES, [a.id for a in plan.engagement.activities])
    qtbot.waitUntil(lambda: not summary.empty.isHidden())
    assert summary.by_activity.isHidden()


def test_going_to_an_activity_from_the_cost_table(qtbot):
    plan = costed_plan()
    page = make_page(qtbot, plan)
    page.focus_path(("engagement", "cost", "best_value"))
    item = page.cost_summary.by_activity.item(1, 0)
    page.cost_summary.by_activity.itemActivated.emit(item)
    table = page.tables[ACTIVITIES]
    assert table.current_row_id() == plan.engagement.activities[1].id
    assert page.tab_widget.currentWidget().isAncestorOf(table)


def test_best_value_is_asked_beside_the_totals(qtbot):
    page = make_page(qtbot, Plan())
    assert page.focus_path(("engagement", "cost", "best_value"))
    assert page.tab_widget.tabText(page.tab_widget.currentIndex()) == "Quality && cost"
    assert page.cost_summary.isVisibleTo(page)


def test_a_measure_gets_the_example_of_its_own_a(qtbot):
    plan = Plan()
    page = make_page(qtbot, plan)
    affinity = next(m for m in plan.engagement.measures if m.dimension is FourA.AFFINITY)
    page.focus_path((*MEASURES, affinity.id, "baseline"))
    detail = page.measure_detail
    assert detail.row_id == affinity.id
    block = detail.blocks["baseline"]
    assert block.example_button is not None
    block.insert_example()
    name = nearest_example("")
    path = (*MEASURES, affinity.id, "baseline")
    assert affinity.baseline == example_value(name, path, plan)
    example = load_example(name)
    assert affinity.baseline == next(
        m.baseline for m in example.engagement.measures if m.dimension is FourA.AFFINITY
    )
    target = detail.blocks["target"]
    target.insert_example()
    assert affinity.target and affinity.target != affinity.baseline
