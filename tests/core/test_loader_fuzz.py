"""Property tests: whatever bytes reach the loader, it either gives a plan or a PlanLoadError."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbook.storage import PlanLoadError, plan_from_bytes, plan_to_bytes

SAMPLE = (Path(__file__).resolve().parents[1] / "samples" / "v1" / "plan.json").read_bytes()
SAMPLE_RAW = json.loads(SAMPLE)

# Deterministic (same examples every run) and with no database, so runs do not depend
# on each other or on the clock.
FUZZ = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    st.sampled_from(
        ["positive", "mixed", "2026-11-22", "facebook", "", "social-media-value-workbook"]
    ),
)
json_values = st.recursive(
    json_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)


def _load_or_refuse(data: bytes) -> None:
    """The property: a plan or a PlanLoadError with a message; and what loads, saves and
    loads again to the same plan."""
    try:
        plan = plan_from_bytes(data, "fuzz.json")
    except PlanLoadError as error:
        assert error.message and "fuzz.json" in error.message
        assert "Traceback" not in error.message
        return
    again = plan_from_bytes(plan_to_bytes(plan), "fuzz.json")
    assert again == plan
    assert plan_to_bytes(again) == plan_to_bytes(plan)


def _paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


SAMPLE_PATHS = _paths(SAMPLE_RAW)[1:]


def _replace_at(raw: Any, path: tuple, value: Any) -> Any:
    raw = json.loads(json.dumps(raw))
    node = raw
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return raw


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes(data: bytes) -> None:
    _load_or_refuse(data)


@FUZZ
@given(json_values)
def test_random_json(value: Any) -> None:
    _load_or_refuse(json.dumps(value).encode())


@FUZZ
@given(st.dictionaries(st.text(max_size=12), json_values, max_size=5))
def test_random_fields_in_a_valid_header(extra: dict[str, Any]) -> None:
    raw = {"format": "social-media-value-workbook", "schema_version": 1, **extra}
    _load_or_refuse(json.dumps(raw).encode())


@FUZZ
@given(st.sampled_from(SAMPLE_PATHS), json_values)
def test_type_swaps_in_a_valid_plan(path: tuple, value: Any) -> None:
    _load_or_refuse(json.dumps(_replace_at(SAMPLE_RAW, path, value), ensure_ascii=False).encode())


@FUZZ
@given(st.sampled_from(SAMPLE_PATHS))
def test_deleted_fields_in_a_valid_plan(path: tuple) -> None:
    raw = json.loads(SAMPLE)
    node = raw
    for step in path[:-1]:
        node = node[step]
    del node[path[-1]]
    _load_or_refuse(json.dumps(raw).encode())


mutations = st.one_of(
    st.tuples(st.just("delete"), st.integers(0, len(SAMPLE)), st.integers(1, 200)),
    st.tuples(st.just("insert"), st.integers(0, len(SAMPLE)), st.binary(min_size=1, max_size=8)),
    st.tuples(
        st.just("insert"),
        st.integers(0, len(SAMPLE)),
        st.sampled_from(
            [
                b"{",
                b"}",
                b"[",
                b"]",
                b",",
                b":",
                b'"',
                b"\\",
                b"NaN",
                b"\xe9",
                b"\x00",
                b"\xef\xbb\xbf",
                b"\\ud800",
            ]
        ),
    ),
    st.tuples(
        st.just("replace"), st.integers(0, len(SAMPLE) - 1), st.binary(min_size=1, max_size=1)
    ),
    st.tuples(st.just("truncate"), st.integers(0, len(SAMPLE)), st.just(0)),
)


@FUZZ
@given(st.lists(mutations, min_size=1, max_size=4))
def test_mutated_bytes_of_a_valid_plan(steps: list[tuple[str, int, Any]]) -> None:
    data = bytearray(SAMPLE)
    for kind, at, arg in steps:
        at = min(at, len(data))
        if kind == "delete":
            del data[at : at + arg]
        elif kind == "insert":
            data[at:at] = arg
        elif kind == "replace" and at < len(data):
            data[at : at + 1] = arg
        elif kind == "truncate":
            del data[at:]
    _load_or_refuse(bytes(data))
