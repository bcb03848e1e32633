"""Strict JSON reading, and every kind of bad file given to load_plan: human errors, no writes."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from workbook.jsonfile import MAX_DEPTH, MAX_FILE_BYTES, JsonFileError, loads_strict
from workbook.model import Plan
from workbook.storage import PlanLoadError, load_plan, plan_to_bytes

VALID = plan_to_bytes(Plan())


def _with_extra(value_text: str) -> bytes:
    """A valid plan whose last field is an unknown one holding ``value_text`` as raw JSON."""
    return VALID.rstrip()[:-1].rstrip() + b',\n  "extra": ' + value_text.encode() + b"\n}\n"


def _wrong_types() -> bytes:
    raw = json.loads(VALID)
    raw["details"]["title"] = 5
    raw["listening"]["notes"] = "lots"
    return json.dumps(raw).encode()


def _garbage() -> bytes:
    rng = random.Random(20261122)
    return bytes(rng.randrange(256) for _ in range(4096))


BAD_FILES: dict[str, tuple[Callable[[], bytes], str]] = {
    "empty": (lambda: b"", "The file is empty"),
    "only-whitespace": (lambda: b"  \n\t\n", "The file is empty"),
    "truncated": (lambda: VALID[: len(VALID) // 2], "ends too early"),
    "cut-after-open-brace": (lambda: b"{", "ends too early"),
    "syntax-error": (
        lambda: VALID.replace(b'"title": ""', b'"title" ""', 1),
        "not valid JSON at line 6, column 13: expecting ':' delimiter",
    ),
    "other-programs-json": (
        lambda: b'{"name": "app", "version": "2.0", "private": true}',
        "not a Social Media Value Workbook plan",
    ),
    "wrong-types": (_wrong_types, "Plan details › Plan title: must be text"),
    "latin-1": (
        lambda: VALID.replace(b'"title": ""', '"title": "Café"'.encode("latin-1")),
        "not UTF-8 text",
    ),
    "utf-16-with-bom": (lambda: VALID.decode().encode("utf-16"), "UTF-16"),
    "utf-16-le-no-bom": (lambda: VALID.decode().encode("utf-16-le"), "UTF-16"),
    "utf-16-be-no-bom": (lambda: VALID.decode().encode("utf-16-be"), "UTF-16"),
    "nan": (lambda: _with_extra("NaN"), "NaN"),
    "infinity": (lambda: _with_extra("[1, Infinity]"), "Infinity"),
    "minus-infinity": (lambda: _with_extra("-Infinity"), "-Infinity"),
    "overflowing-number": (lambda: _with_extra("1e999"), "too large"),
    "duplicate-keys": (
        lambda: VALID.replace(b'"title": ""', b'"title": "A",\n "title": "B"', 1),
        'The key "title" appears twice',
    ),
    "deep-nesting": (lambda: _with_extra("[" * 5000 + "]" * 5000), "nested more than"),
    "deep-objects": (lambda: _with_extra('{"a":' * 5000 + "1" + "}" * 5000), "nested more than"),
    "binary-garbage": (_garbage, "not"),
    "png-image": (lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "not a text file"),
    "huge-integer": (lambda: _with_extra("9" * 5000), "more than 4,300 digits"),
}


# ---------------------------------------------------------------- loads_strict


def test_valid_json_and_bom_are_accepted() -> None:
    assert loads_strict(b'{"a": [1, 2.5, "\xc3\xa9", null, true]}') == {
        "a": [1, 2.5, "é", None, True]
    }
    assert loads_strict(b"\xef\xbb\xbf" + VALID) == json.loads(VALID)


def test_duplicate_key_reports_name_and_exact_line() -> None:
    text = b'{\n  "a": 1,\n  "b": {"a": "not this one", "c": 2},\n  "a": 3\n}'
    with pytest.raises(JsonFileError) as caught:
        loads_strict(text)
    assert '"a"' in caught.value.message
    assert (caught.value.line, caught.value.column) == (4, 3)
    assert "line 4, column 3" in caught.value.message


def test_duplicate_key_in_nested_object_is_found() -> None:
    text = b'[1, {"x": {"y": 1,\n "y": 2}}]'
    with pytest.raises(JsonFileError) as caught:
        loads_strict(text)
    assert (caught.value.line, caught.value.column) == (2, 2)
    assert '"y"' in caught.value.message


def test_same_key_in_different_objects_is_fine() -> None:
    assert loads_strict(b'[{"id": 1}, {"id": 2}]') == [{"id": 1}, {"id": 2}]


def test_syntax_error_reports_line_and_column() -> None:
    with pytest.raises(JsonFileError) as caught:
        loads_strict(b'{\n  "a": 1\n  "b": 2\n}')
    assert (caught.value.line, caught.value.column) == (3, 3)
    assert "line 3, column 3" in caught.value.message


def test_latin1_reports_where_the_bad_byte_is() -> None:
    with pytest.raises(JsonFileError) as caught:
        loads_strict(b'{\n "a": "caf\xe9"}')
    assert (caught.value.line, caught.value.column) == (2, 11)
    assert "Latin-1" in caught.value.message


@pytest.mark.parametrize(
    ("text", "literal", "where"),
    [
        (b'{"said": "NaN and Infinity in text",\n "x": NaN}', "NaN", (2, 7)),
        (b'["Infinity", -Infinity]', "-Infinity", (1, 14)),
        (b"[1,\n\n   1e999]", "1e999", (3, 4)),
    ],
)
def test_refused_numbers_say_where(text: bytes, literal: str, where: tuple[int, int]) -> None:
    with pytest.raises(JsonFileError) as caught:
        loads_strict(text)
    assert literal in caught.value.message
    assert (caught.value.line, caught.value.column) == where
    assert f"line {where[0]}, column {where[1]}" in caught.value.message


def test_depth_limit_is_exact() -> None:
    assert loads_strict(b"[" * MAX_DEPTH + b"]" * MAX_DEPTH) is not None
    with pytest.raises(JsonFileError, match="nested more than"):
        loads_strict(b"[" * (MAX_DEPTH + 1) + b"]" * (MAX_DEPTH + 1))


def test_size_limit_is_checked_before_parsing() -> None:
    with pytest.raises(JsonFileError, match=f"at most {MAX_FILE_BYTES // 1024 // 1024} MB"):
        loads_strict(b" " * (MAX_FILE_BYTES + 1))


def test_big_numbers_within_range_are_kept() -> None:
    assert loads_strict(b"[1e308, -1e308, 123456789012345678901234567890]") == [
        1e308,
        -1e308,
        123456789012345678901234567890,
    ]


# ---------------------------------------------------------------- bad files through load_plan


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_gives_human_error_and_stays_untouched(name: str, tmp_path: Path) -> None:
    make, expected = BAD_FILES[name]
    data = make()
    path = tmp_path / f"{name}.json"
    path.write_bytes(data)
    with pytest.raises(PlanLoadError) as caught:
        load_plan(path)
    message = caught.value.message
    assert expected in message
    assert f"“{name}.json”" in message
    assert "Traceback" not in message
    assert "What to do" in message and "Workbook backups" in message
    assert caught.value.path == path.absolute()
    assert path.read_bytes() == data
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_bom_file_loads(tmp_path: Path) -> None:
    plan = Plan()
    plan.details.title = "Mit BOM — ä"
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + plan_to_bytes(plan))
    assert load_plan(path).plan.details.title == "Mit BOM — ä"


def test_fifty_megabyte_plan_loads(tmp_path: Path) -> None:
    raw = json.loads(VALID)
    raw["listening"]["notes"] = [
        {"id": f"n{i}", "said": "word " * 5000, "tags": ["big"]} for i in range(2000)
    ]
    path = tmp_path / "big.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    assert path.stat().st_size > 50_000_000
    plan = load_plan(path).plan
    assert len(plan.listening.notes) == 2000


def test_file_over_the_size_limit_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with open(path, "wb") as stream:
        stream.truncate(MAX_FILE_BYTES + 1)  # sparse: no 64 MB written to disk
    with pytest.raises(PlanLoadError) as caught:
        load_plan(path)
    assert "may be at most 64 MB" in caught.value.message
    assert "“huge.json”" in caught.value.message
    assert path.stat().st_size == MAX_FILE_BYTES + 1
