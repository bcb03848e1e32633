"""The GUI's plan document: every edit is undoable, signals say what changed."""

import pytest
from pydantic import ValidationError

from workbook.gui.document import PlanDocument
from workbook.model import ListeningNote, Plan

pytestmark = pytest.mark.gui

NOTES = ("listening", "notes")


@pytest.fixture
def doc(qtbot):
    return PlanDocument()


def test_typing_merges_into_one_undo_step(doc):
    for text in ("B", "Ba", "Bak", "Bakery"):
        doc.set_value(("details", "title"), text)
    assert doc.undo_stack.count() == 1
    assert doc.is_modified
    doc.undo_stack.undo()
    assert doc.plan.details.title == ""
    assert not doc.is_modified
    doc.undo_stack.redo()
    assert doc.plan.details.title == "Bakery"


def test_edits_of_different_fields_are_separate_steps(doc):
    doc.set_value(("details", "title"), "T")
    doc.set_value(("details", "organisation"), "O")
    doc.set_value(("details", "title"), "T2")
    assert doc.undo_stack.count() == 3


def test_invalid_value_is_refused_before_the_undo_stack(doc):
    with pytest.raises(ValidationError):
        doc.set_value(("management", "resources", "hours_per_week"), float("nan"))
    assert doc.undo_stack.count() == 0
    assert doc.plan.management.resources.hours_per_week is None


def test_unchanged_value_pushes_nothing(doc):
    doc.set_value(("details", "title"), "")
    assert doc.undo_stack.count() == 0


def test_insert_remove_move_rows_with_undo_and_signals(doc, qtbot):
    rows = [ListeningNote(said=str(i)) for i in range(5)]
    doc.insert_rows(NOTES, 0, rows)
    with qtbot.waitSignal(doc.rows_removed) as removed:
        doc.remove_rows(NOTES, [rows[1].id, rows[3].id])
    assert removed.args[0] == NOTES
    assert [n.said for n in doc.plan.listening.notes] == ["0", "2", "4"]
    with qtbot.waitSignal(doc.row_moved):
        doc.move_row(NOTES, 0, 2)
    assert [n.said for n in doc.plan.listening.notes] == ["2", "4", "0"]
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert [n.said for n in doc.plan.listening.notes] == ["0", "1", "2", "3", "4"]
    doc.undo_stack.undo()
    assert doc.plan.listening.notes == []


def test_editing_a_row_field_by_id_and_undo(doc, qtbot):
    row = doc.insert_row(NOTES)
    path = (*NOTES, row.id, "sentiment")
    with qtbot.waitSignal(doc.value_changed) as changed:
        doc.set_value(path, "negative")
    assert changed.args[0] == path
    assert doc.plan.listening.notes[0].sentiment == "negative"
    doc.undo_stack.undo()
    assert doc.plan.listening.notes[0].sentiment is None


def test_status_is_cached_until_an_edit(doc):
    first = doc.status
    assert doc.status is first
    doc.set_value(("details", "title"), "Plan")
    assert doc.status is not first
    assert doc.status.stages[0].done == 1


def test_replace_plan_clears_history_and_can_mark_modified(doc, qtbot):
    doc.set_value(("details", "title"), "old")
    with qtbot.waitSignal(doc.plan_replaced):
        doc.replace_plan(Plan(details={"title": "restored"}), modified=True)
    assert doc.undo_stack.count() == 0
    assert doc.is_modified
    doc.mark_saved()
    assert not doc.is_modified


def test_typing_a_number_is_one_undo_step_but_choices_are_not_merged(doc):
    hours = ("management", "resources", "hours_per_week")
    for value in (1.0, 12.0, 12.5):
        doc.set_value(hours, value)
    assert doc.undo_stack.count() == 1
    status = ("management", "governance", "policy_status")
    doc.set_value(status, "drafting")
    doc.set_value(status, "in_place")
    assert doc.undo_stack.count() == 3
    doc.undo_stack.undo()
    assert doc.plan.management.governance.policy_status == "drafting"


def test_a_document_freed_by_the_garbage_collector_does_not_crash(tmp_path):
    """A document only a reference cycle keeps (a page pointing back at it) is freed by the
    garbage collector; its undo history must go with it cleanly (it crashed in Qt before)."""
    from tests.gui.conftest import run_app_script

    script = (
        "import gc\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from workbook.gui.document import PlanDocument\n"
        "import workbook.gui.widgets.guide\n"  # the pages' modules, as in the app
        "for _ in range(3):\n"
        "    doc = PlanDocument()\n"
        "    doc.set_value(('details', 'title'), 'A plan')\n"
        "    doc.insert_row(('management', 'people'))\n"
        "    doc.cycle = doc\n"
        "    del doc\n"
        "    print(gc.collect() > 0)\n"
    )
    assert run_app_script(script, tmp_path) == ["True", "True", "True"]
