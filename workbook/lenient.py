"""Lenient reading of a plan: values that fail validation are left out, and named, not fatal.

Used for recovery copies, where the alternative to restoring most of the work is
restoring none of it. A plan file the user opens is still read strictly (a damaged
file is refused, and the file itself stays as it is for the user to mend).
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError

from workbook.migrations import migrate, schema_version_of
from workbook.model import Plan
from workbook.paths import describe_location

MAX_PASSES = 8
"""Each pass leaves out what the last validation named; all fields have defaults, so one
pass is normally enough. The bound only stops a validator that keeps finding more."""


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 40 else text[:37] + "…"


def _walk(raw: Any, loc: tuple[Any, ...]) -> tuple[Any, Any, tuple[Any, ...]]:
    """The container and key of the deepest part of ``loc`` that exists in ``raw``."""
    parent: Any = None
    key: Any = None
    node = raw
    reached: tuple[Any, ...] = ()
    for step in loc:
        if isinstance(node, dict) and isinstance(step, str) and step in node:
            parent, key, node = node, step, node[step]
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            parent, key, node = node, step, node[step]
        else:
            break  # e.g. a union member's tag: the value itself is the last real step
        reached = (*reached, step)
    return parent, key, reached


def _drop_invalid(raw: dict[str, Any], error: ValidationError) -> list[str]:
    """Remove every value ``error`` names from ``raw``; returns what was left out, in words."""
    left_out: list[str] = []
    field_drops: dict[tuple[int, Any], tuple[dict[str, Any], str]] = {}
    row_drops: dict[int, tuple[list[Any], set[int]]] = {}
    for problem in error.errors(include_url=False):
        parent, key, reached = _walk(raw, tuple(problem.get("loc", ())))
        if parent is None or (id(parent), key) in field_drops:
            continue
        value = parent[key]
        where = describe_location(reached)
        shown = "" if isinstance(value, dict | list) else f" (it held {_short(value)})"
        if isinstance(parent, dict):
            field_drops[(id(parent), key)] = (parent, key)
            left_out.append(f"{where}{shown}")
        else:
            rows = row_drops.setdefault(id(parent), (parent, set()))[1]
            if key not in rows:
                rows.add(key)
                left_out.append(f"{where}{shown}")
    for parent, key in field_drops.values():
        del parent[key]  # the model's default takes its place
    for rows, indexes in row_drops.values():
        for index in sorted(indexes, reverse=True):  # from the end: earlier indexes hold
            del rows[index]
    return left_out


def plan_from_raw_leniently(raw: Any) -> tuple[Plan, tuple[str, ...]]:
    """The plan in a parsed plan object, leaving out values that are not valid.

    Returns the plan and, for each value left out, where it was in human words
    ("Listening notes › note 2 › Sentiment (it held "cross")"). ``raw`` may be changed.
    Raises :class:`workbook.migrations.FormatError` when ``raw`` is not a plan at all
    (or is from a newer app), and ``ValueError`` when no valid plan can be made of it.
    """
    schema_version_of(raw)
    raw, _applied = migrate(raw)
    left_out: list[str] = []
    for _pass in range(MAX_PASSES):
        try:
            return Plan.model_validate(raw), tuple(left_out)
        except ValidationError as error:
            dropped = _drop_invalid(raw, error)
        except (ValueError, TypeError, RecursionError) as error:
            raise ValueError(f"The plan could not be read: {error}") from None
        if not dropped:
            break
        left_out.extend(dropped)
    raise ValueError("The plan could not be read, even leaving out the values that are wrong.")
