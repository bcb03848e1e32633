"""The structural diff behind snapshots: exact round trips, rows by id, nothing changed in
place, and lenient when a hand edit has moved the ground under a delta."""

from __future__ import annotations

import copy
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.jsondelta import apply_delta, diff, pointer, steps_of

SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 5), st.text(max_size=6), st.floats(0, 9)
)
KEYS = st.sampled_from(["a", "b", "c/d", "e~f", "id", ""])
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=4)),
    max_leaves=12,
)
ROW = st.fixed_dictionaries(
    {"id": st.sampled_from(list("pqrstuvw")), "text": st.text(max_size=5), "n": SCALARS}
)
ROWS = st.lists(ROW, max_size=6, unique_by=lambda row: row["id"])
DOCUMENTS = st.fixed_dictionaries(
    {"rows": ROWS, "part": st.dictionaries(KEYS, VALUES, max_size=4), "other": VALUES}
)


@settings(max_examples=200, deadline=None)
@given(DOCUMENTS, DOCUMENTS)
def test_a_delta_turns_one_document_into_the_other_and_changes_neither(source, target):
    source_before, target_before = copy.deepcopy(source), copy.deepcopy(target)
    delta = diff(source, target)
    json.dumps(delta)  # plain JSON, as the file holds it
    rebuilt, problems = apply_delta(source, delta)
    assert rebuilt == target and problems == 0
    assert source == source_before and target == target_before


def test_equal_documents_give_an_empty_delta():
    document = {"a": [{"id": "x", "v": 1}], "b": {"c": "d"}}
    assert diff(document, copy.deepcopy(document)) == {}
    assert apply_delta(document, {}) == (document, 0)


def test_rows_are_matched_by_id_and_unchanged_rows_are_shared():
    first = {"id": "a", "said": "one"}
    second = {"id": "b", "said": "two"}
    third = {"id": "c", "said": "three"}
    newer = {"notes": [first, second, third]}
    older = {"notes": [third, first, {"id": "b", "said": "TWO"}, {"id": "d", "said": "gone"}]}
    delta = diff(newer, older)
    assert delta["rows"]["/notes"]["add"] == [{"id": "d", "said": "gone"}]
    assert delta["set"] == {"/notes/b/said": "TWO"}  # a field, not the whole row
    rebuilt, problems = apply_delta(newer, delta)
    assert rebuilt == older and problems == 0
    assert rebuilt["notes"][0] is third and rebuilt["notes"][1] is first  # shared, not copied
    assert newer["notes"][1]["said"] == "two"


def test_a_text_edit_costs_about_the_old_text():
    newer = {"notes": [{"id": str(i), "said": f"note {i}"} for i in range(500)]}
    older = copy.deepcopy(newer)
    older["notes"][250]["said"] = "what it said before"
    delta = diff(newer, older)
    assert delta == {"set": {"/notes/250/said": "what it said before"}}


def test_pointers_escape_slashes_and_tildes():
    steps = ("details", "a/b", "c~d", "")
    assert pointer(steps) == "/details/a~1b/c~0d/"
    assert steps_of(pointer(steps)) == steps


def test_changes_that_no_longer_fit_are_skipped_and_counted():
    newer = {"notes": [{"id": "a", "said": "x"}], "details": {"title": "T"}}
    delta = {
        "set": {"/notes/gone/said": "old", "/details/title": "Old"},
        "unset": ["/details/missing"],
        "rows": {"/notes": {"order": [0, 1, "nowhere", 5, 9, {"bad": 1}]}},
    }
    rebuilt, problems = apply_delta(newer, delta)
    assert rebuilt["details"]["title"] == "Old"
    assert rebuilt["notes"] == [{"id": "a", "said": "x"}]
    assert problems == 5
    assert newer["details"]["title"] == "T"
