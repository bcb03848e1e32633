"""The plan's state a piece at a time (workbook.state_steps): the same as in one go, key
order included, and a session starts it again when the plan changed between pieces."""

from __future__ import annotations

import json

import pytest

from tests.export.plans import hostile_plan
from tests.steps import run_counting
from workbook.examples import list_examples, load_example
from workbook.model import Plan, plan_state
from workbook.session import PlanSession
from workbook.state_steps import plan_state_in_steps


@pytest.mark.parametrize("name", [info.name for info in list_examples()])
def test_each_example_in_steps_is_its_state_in_one_go(name: str) -> None:
    plan = load_example(name)
    state, pieces = run_counting(plan_state_in_steps(plan, rows_per_step=3))
    assert pieces > 3
    assert json.dumps(state) == json.dumps(plan_state(plan))  # the key order too


def test_kept_unknown_fields_and_a_big_list_come_out_as_in_one_go() -> None:
    raw = hostile_plan(notes=700, big=False).model_dump(mode="json")
    raw["from_a_newer_version"] = {"kept": True}
    raw["listening"]["kept_too"] = [1, 2]
    raw["listening"]["notes"][3]["a_note_field_of_the_future"] = "kept"
    plan = Plan.model_validate(raw)
    state, pieces = run_counting(plan_state_in_steps(plan))
    assert pieces == 2  # 700 notes: a piece after each 250
    assert json.dumps(state) == json.dumps(plan_state(plan))
    assert state["listening"]["notes"][3]["a_note_field_of_the_future"] == "kept"
    assert "history" not in state


def test_a_session_starts_again_when_the_plan_changes_between_pieces() -> None:
    session = PlanSession(hostile_plan(notes=600, big=False))
    steps = session.state_in_steps()
    next(steps)  # the details and the first notes are taken
    session.plan.details.title = "Typed meanwhile"
    session.touch()
    state, _pieces = run_counting(steps)
    assert state["details"]["title"] == "Typed meanwhile"
    assert state == plan_state(session.plan)
    assert session.state() is state  # kept: nothing changed since it was finished
    again, pieces = run_counting(session.state_in_steps())
    assert again is state and pieces == 0


def test_a_part_with_a_serialiser_of_its_own_is_written_its_own_way() -> None:
    """Pieces are dumped part by part; a part, or a field, that a model writes in a way of
    its own is dumped with that model, as in one go."""
    from pydantic import BaseModel, field_serializer, model_serializer

    from workbook.state_steps import _Walk

    class Row(BaseModel):
        x: int

    class CustomField(BaseModel):
        rows: list[Row]
        more: list[Row]

        @field_serializer("rows")
        def _numbers(self, rows: list[Row]) -> list[int]:
            return [row.x for row in rows]

    class CustomWhole(BaseModel):
        rows: list[Row]

        @model_serializer
        def _whole(self) -> dict:
            return {"count": len(self.rows)}

    class Outer(BaseModel):
        field: CustomField
        whole: CustomWhole

    rows = [Row(x=n) for n in range(7)]
    outer = Outer(field=CustomField(rows=rows, more=rows), whole=CustomWhole(rows=rows))
    state, pieces = run_counting(_Walk(2).model(outer, frozenset()))
    assert state == outer.model_dump(mode="json")
    assert state["field"]["rows"] == list(range(7)) and state["whole"] == {"count": 7}
    assert pieces >= 3  # "more" still goes two rows a piece
