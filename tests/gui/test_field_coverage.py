"""Every field of the plan model has an editor on some page: a named widget, or a table column."""

from __future__ import annotations

import types
from typing import Any, Union, get_args, get_origin

import pytest
from pydantic import BaseModel
from PySide6.QtWidgets import QTableView, QWidget

from workbook.gui.document import PlanDocument
from workbook.gui.pages import PageId, create_pages, page_for_path
from workbook.gui.widgets.row_model import RowTableModel
from workbook.model import PROVENANCE_FIELDS, Plan, Row

pytestmark = pytest.mark.gui

NOT_EDITED = {("format",), ("schema_version",), ("id",), ("history",), ("dismissed_checks",)}
"""File bookkeeping, not answers (the history holds the snapshots the app takes)."""
NOT_TYPED = PROVENANCE_FIELDS
"""Filled in by the app (the listening an entry was drawn from): shown, not typed into."""


def _unwrap(annotation: Any) -> Any:
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        return args[0] if len(args) == 1 else annotation
    return annotation


def walk(model: type[BaseModel] = Plan, prefix: tuple[str, ...] = ()):
    """("field", path) for every answer, ("table", list path, row model) for every list."""
    for name, info in model.model_fields.items():
        path = (*prefix, name)
        if path in NOT_EDITED or name in NOT_TYPED:
            continue
        annotation = _unwrap(info.annotation)
        args = get_args(annotation)
        if (
            get_origin(annotation) is list
            and args
            and isinstance(args[0], type)
            and issubclass(args[0], Row)
        ):
            yield "table", path, args[0]
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            yield from walk(annotation, path)
        else:
            yield "field", path, None


@pytest.fixture
def pages(qtbot):
    document = PlanDocument()
    built = create_pages(document)
    for page in built.values():
        qtbot.addWidget(page)
    return built


def test_the_walk_sees_the_whole_model():
    found = list(walk())
    fields = {path for kind, path, _ in found if kind == "field"}
    tables = {path for kind, path, _ in found if kind == "table"}
    assert ("planning", "seven_ps", "practices", "communicated_on") in fields
    assert ("management", "resources", "hours_per_week") in fields
    assert ("engagement", "cost", "best_value") in fields
    assert not any("from_listening" in path for path in fields)
    assert len(tables) == 11


def test_every_field_has_a_described_editor_on_its_page(pages):
    missing, undescribed = [], []
    for kind, path, _ in walk():
        if kind != "field":
            continue
        page = pages[page_for_path(path)]
        widget = page.findChild(QWidget, ".".join(path))
        if widget is None:
            missing.append(".".join(path))
        elif not widget.accessibleName() or not widget.accessibleDescription():
            undescribed.append(".".join(path))
    assert missing == []
    assert undescribed == []


def test_every_list_is_a_table_with_a_column_for_every_row_field(pages):
    problems = []
    for kind, path, row_model in walk():
        if kind != "table":
            continue
        page = pages[page_for_path(path)]
        view = page.findChild(QTableView, ".".join(path))
        if view is None:
            problems.append(f"{'.'.join(path)}: no table")
            continue
        model = view.model()
        source = model.sourceModel() if hasattr(model, "sourceModel") else model
        assert isinstance(source, RowTableModel)
        wanted = [name for name in row_model.model_fields if name != "id"]
        shown = [column.name for column in source.columns]
        if shown != wanted:
            problems.append(f"{'.'.join(path)}: columns {shown} instead of {wanted}")
        if not view.accessibleName():
            problems.append(f"{'.'.join(path)}: no accessible name")
    assert problems == []


def test_page_for_path_sends_each_part_to_its_page():
    assert page_for_path(("details", "title")) is PageId.DETAILS
    assert page_for_path(("management", "presence", "abc", "handle")) is PageId.MANAGEMENT
    assert page_for_path(("listening", "notes")) is PageId.LISTENING
    assert page_for_path(("planning", "seven_ps", "purpose", "owner")) is PageId.PLANNING
    assert page_for_path(("engagement", "review", "cadence")) is PageId.ENGAGEMENT
    assert page_for_path(("workshop", "timeboxes", "listening")) is PageId.REVIEW
    assert page_for_path(("workshop", "parking_lot", "abc", "outcome")) is PageId.REVIEW
    assert page_for_path(()) is PageId.REVIEW
    with pytest.raises(ValueError):
        page_for_path(("nowhere",))


def test_pages_have_their_ids_titles_and_stages(pages):
    assert list(pages) == list(PageId)
    for page_id, page in pages.items():
        assert page.page_id is page_id
        assert page.title
        assert (page.stage is None) == (page_id is PageId.REVIEW)
