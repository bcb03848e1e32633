"""Every table model honours Qt's model contract: changes are announced before they happen and
confirmed after, checked by pytest-qt's model tester and by a mirror of the row ids."""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum
from typing import Any, get_args

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt

from workbook.gui.document import PlanDocument
from workbook.gui.pages.listening_learnings import LearningsSummary
from workbook.gui.pages.notes_summary import NotesSummary
from workbook.gui.widgets.columns import columns_for
from workbook.gui.widgets.notes_filter import NotesFilterProxy
from workbook.gui.widgets.row_model import ROW_ID_ROLE, RowTableModel
from workbook.model import ROW_TYPES, Plan, Row, Sentiment

pytestmark = pytest.mark.gui

NOTES = ("listening", "notes")


def distinct_row(row_type: type[Row], number: int) -> Row:
    """A row whose first column shows something of its own, so the model tester (which
    compares the first column around a change) notices rows that slid out of place."""
    name, info = next((n, f) for n, f in row_type.model_fields.items() if n != "id")
    kinds = [info.annotation, *get_args(info.annotation)]
    if date in kinds:
        value: Any = date(2025, 1, 1) + timedelta(days=number)
    elif enum := next((k for k in kinds if isinstance(k, type) and issubclass(k, StrEnum)), None):
        members = list(enum)
        value = members[number % len(members)]
    else:
        value = f"{name} {number}"
    extra = (
        {"tags": [("prices", "queues")[number % 2]]} if row_type.__name__ == "ListeningNote" else {}
    )
    if extra:
        extra["sentiment"] = list(Sentiment)[number % len(Sentiment)]
    return row_type(**{name: value}, **extra)


class RowIdMirror:
    """Follows a model's row signals on a list of its row ids: before a change the model must
    still show the old rows, after it exactly the announced change."""

    def __init__(self, model: QAbstractItemModel) -> None:
        self.model = model
        self.ids = self.shown()
        self.pending: tuple[str, Any] | None = None
        model.rowsAboutToBeInserted.connect(self._before)
        model.rowsAboutToBeRemoved.connect(self._before)
        model.rowsAboutToBeMoved.connect(self._before)
        model.modelAboutToBeReset.connect(self._before)
        model.layoutAboutToBeChanged.connect(self._before)
        model.rowsInserted.connect(self._inserted)
        model.rowsRemoved.connect(self._removed)
        model.rowsMoved.connect(self._moved)
        model.modelReset.connect(self._resync)
        model.layoutChanged.connect(self._resync)

    def shown(self) -> list[str]:
        return [self.model.index(r, 0).data(ROW_ID_ROLE) for r in range(self.model.rowCount())]

    def _before(self, *_args: Any) -> None:
        assert self.shown() == self.ids, "the rows changed before the model announced it"

    def _inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        shown = self.shown()
        self.ids[first:first] = shown[first : last + 1]
        assert shown == self.ids

    def _removed(self, _parent: QModelIndex, first: int, last: int) -> None:
        del self.ids[first : last + 1]
        assert self.shown() == self.ids

    def _moved(self, _p: QModelIndex, first: int, last: int, _d: QModelIndex, dest: int) -> None:
        moving = self.ids[first : last + 1]
        del self.ids[first : last + 1]
        dest = dest - len(moving) if dest > first else dest
        self.ids[dest:dest] = moving
        assert self.shown() == self.ids

    def _resync(self) -> None:
        self.ids = self.shown()

    def check(self) -> None:
        assert self.shown() == self.ids


def edit_the_list(document: PlanDocument, list_path: tuple[str, str]) -> None:
    """Insert, remove (scattered rows), move both ways, edit a cell, then undo it all and
    redo it all: the changes every table follows."""
    row_type = ROW_TYPES[list_path]
    before = [row.id for row in document.rows(list_path)]
    rows = [distinct_row(row_type, i) for i in range(8)]
    document.insert_rows(list_path, 0, rows[:5])
    document.insert_rows(list_path, 2, rows[5:7])
    document.insert_row(list_path, 1, rows[7])
    document.insert_row(list_path)
    document.remove_rows(list_path, [rows[0].id, rows[3].id, rows[6].id])
    document.remove_rows(list_path, [document.rows(list_path)[-1].id])
    document.move_row(list_path, 0, 1)
    document.move_row(list_path, 3, 2)
    first = document.rows(list_path)[0]
    text_field = next(
        n for n, f in row_type.model_fields.items() if n != "id" and f.annotation is str
    )
    document.set_value((*list_path, first.id, text_field), "changed")
    stack = document.undo_stack
    steps = stack.count()
    for _ in range(steps):
        stack.undo()
    assert [row.id for row in document.rows(list_path)] == before
    for _ in range(steps):
        stack.redo()
    assert len(document.rows(list_path)) == len(before) + 5


@pytest.mark.qt_log_level_fail("WARNING")  # Qt's own tester reports through warnings
@pytest.mark.parametrize("force_py", [True, False], ids=["pytest-qt tester", "Qt tester"])
@pytest.mark.parametrize("list_path", list(ROW_TYPES), ids="/".join)
def test_row_table_model_follows_edits_undo_and_redo(qapp, qtmodeltester, list_path, force_py):
    document = PlanDocument(Plan())
    model = RowTableModel(document, list_path, columns_for(list_path))
    qtmodeltester.check(model, force_py=force_py)
    mirror = RowIdMirror(model)
    edit_the_list(document, list_path)
    mirror.check()
    assert mirror.ids == [row.id for row in document.rows(list_path)]


@pytest.mark.parametrize("list_path", list(ROW_TYPES), ids="/".join)
def test_row_table_model_follows_a_new_plan_and_a_new_list(qapp, qtmodeltester, list_path):
    document = PlanDocument(Plan())
    model = RowTableModel(document, list_path, columns_for(list_path))
    qtmodeltester.check(model, force_py=True)
    mirror = RowIdMirror(model)
    row_type = ROW_TYPES[list_path]
    plan = Plan()
    section = getattr(plan, list_path[0])
    setattr(section, list_path[1], [distinct_row(row_type, i) for i in range(3)])
    document.replace_plan(plan)
    assert len(mirror.ids) == 3
    document.set_value(list_path, [distinct_row(row_type, 9)])
    assert len(mirror.ids) == 1
    document.undo_stack.undo()
    assert mirror.ids == [row.id for row in document.rows(list_path)]


def test_notes_filter_proxy_follows_edits_and_filter_changes(qapp, qtmodeltester):
    document = PlanDocument(Plan())
    model = RowTableModel(document, NOTES, columns_for(NOTES))
    proxy = NotesFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy, force_py=True)
    mirror = RowIdMirror(proxy)
    proxy.sort_by("noted_on", Qt.SortOrder.DescendingOrder)
    edit_the_list(document, NOTES)
    proxy.set_tag("prices")
    proxy.set_sentiment(Sentiment.NEGATIVE)
    proxy.set_text("notes")
    added = document.insert_row(NOTES)
    proxy.pin(added.id)
    document.undo_stack.undo()
    document.undo_stack.redo()
    proxy.set_text("")
    proxy.clear_filters()
    proxy.sort(-1)
    mirror.check()
    assert mirror.ids == [row.id for row in document.rows(NOTES)]


@pytest.fixture
def learnings(qapp) -> tuple[PlanDocument, NotesSummary, LearningsSummary]:
    """Set up before the model tester (which it outlives), so the tester lets go first."""
    document = PlanDocument(Plan())
    summary = NotesSummary(document)
    return document, summary, LearningsSummary(summary)


def test_learnings_themes_model_follows_the_notes(learnings, qtmodeltester):
    document, summary, learnings = learnings
    qtmodeltester.check(learnings.themes_model, force_py=True)
    edit_the_list(document, NOTES)
    summary.recount()
    assert sorted(learnings.theme_names()) == ["prices", "queues"]
    document.replace_plan(Plan())
    summary.recount()
    assert learnings.theme_names() == []
