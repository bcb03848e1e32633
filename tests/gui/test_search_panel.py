"""Find in plan: Ctrl+Shift+F opens the panel, the hits are grouped by stage, Enter goes to the
field, F3 and Shift+F3 step through the hits, and edits are found without reopening."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence

from workbook.gui.pages import PageId
from workbook.gui.search_panel import PlanSearch, SearchPanel
from workbook.model import ListeningNote, Plan
from workbook.storage import save_plan

pytestmark = pytest.mark.gui


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    plan = Plan()
    plan.details.title = "Crumb & Co. café plan"
    plan.listening.notes = [
        ListeningNote(id="n1", noted_on=date(2024, 3, 1), said="Lovely cafe, gluten-free cake"),
        ListeningNote(id="n2", said="Queue out of the door", tags=["queues"]),
        ListeningNote(id="n3", said="Best Café in town", who="regular"),
    ]
    plan.planning.intent = "The café people trust"
    path = tmp_path / "plan.json"
    save_plan(plan, path)
    return path


def _search(window) -> PlanSearch:
    found = window.findChild(QObject, "plan_search")
    assert isinstance(found, PlanSearch)
    return found


def _open(window, plan_path: Path, qtbot) -> SearchPanel:
    window.files.open_path(plan_path)
    window.show()
    qtbot.waitExposed(window)
    search = _search(window)
    search.find.trigger()
    return search.panel


def _tree(panel: SearchPanel) -> list[tuple[str, list[str]]]:
    groups = []
    for n in range(panel.tree.topLevelItemCount()):
        group = panel.tree.topLevelItem(n)
        groups.append((group.text(0), [group.child(c).text(0) for c in range(group.childCount())]))
    return groups


def test_actions_keys_and_menu(window) -> None:
    search = _search(window)
    assert search.find.shortcut() == QKeySequence("Ctrl+Shift+F")
    assert search.find_next.shortcuts()[0] == QKeySequence("F3")
    assert search.find_previous.shortcuts()[0] == QKeySequence("Shift+F3")
    edit_menu = window.menuBar().actions()[1].menu()
    assert search.find in edit_menu.actions() and search.find_next in edit_menu.actions()
    assert not search.find.isEnabled()  # no plan yet
    window.files.new_plan()
    assert search.find.isEnabled() and search.find_next.isEnabled()


def test_typing_lists_hits_grouped_by_stage(window, plan_path, qtbot) -> None:
    panel = _open(window, plan_path, qtbot)
    assert panel.isVisible() and window.focusWidget() is panel.box
    qtbot.keyClicks(panel.box, "CAFE")
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 3)
    assert _tree(panel) == [
        ("Plan details (1)", ["Plan title: Crumb & Co. café plan"]),
        (
            "Listening & Learning (2)",
            [
                "Listening notes › note 1 › What was said: Lovely cafe, gluten-free cake",
                "Listening notes › note 3 › What was said: Best Café in town",
            ],
        ),
        ("Thinking & Planning (1)", ["Intent: the value we will give: The café people trust"]),
    ]
    assert panel.summary.text() == "4 places in 3 stages"


def test_enter_and_f3_go_to_each_hit_in_turn(window, plan_path, qtbot) -> None:
    panel = _open(window, plan_path, qtbot)
    qtbot.keyClicks(panel.box, "cafe")
    qtbot.keyClick(panel.box, Qt.Key.Key_Return)  # searches at once, then goes to the first
    assert window.current_page() == PageId.DETAILS
    search = _search(window)
    search.find_next.trigger()
    assert window.current_page() == PageId.LISTENING
    table = window.pages[PageId.LISTENING].notes_panel.table
    assert table.current_row_id() == "n1"
    search.find_next.trigger()
    assert table.current_row_id() == "n3"
    search.find_next.trigger()
    assert window.current_page() == PageId.PLANNING
    search.find_next.trigger()  # round the end
    assert window.current_page() == PageId.DETAILS
    search.find_previous.trigger()
    assert window.current_page() == PageId.PLANNING


def test_activating_a_hit_goes_there(window, plan_path, qtbot) -> None:
    panel = _open(window, plan_path, qtbot)
    panel.box.setText("queues")
    panel.run_search()
    item = panel.tree.topLevelItem(0).child(0)
    assert item.text(0) == "Listening notes › note 2 › Themes: queues"
    panel.tree.itemActivated.emit(item, 0)
    assert window.current_page() == PageId.LISTENING
    assert window.pages[PageId.LISTENING].notes_panel.table.current_row_id() == "n2"


def test_edits_are_found_without_reopening(window, plan_path, qtbot) -> None:
    panel = _open(window, plan_path, qtbot)
    panel.box.setText("sourdough")
    assert panel.run_search().total == 0
    assert panel.summary.text() == "No matches"
    window.document.set_value(("listening", "notes", "n2", "said"), "Out of sourdough again")
    assert panel.run_search().total == 1
    window.actions.undo.trigger()
    assert panel.run_search().total == 0


def test_a_new_plan_clears_the_hits(window, plan_path, qtbot) -> None:
    panel = _open(window, plan_path, qtbot)
    panel.box.setText("cafe")
    panel.run_search()
    assert panel.tree.topLevelItemCount() == 3
    window.document.undo_stack.setClean()
    window.files.new_plan()
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 0 and panel.results is not None)
    assert panel.summary.text() == "No matches"
