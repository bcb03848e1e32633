"""Upgrading plan files written by older versions of the app, one schema version at a time."""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from workbook.file_format import FORMAT_MARKER, SCHEMA_VERSION

Migration = Callable[[dict[str, Any]], dict[str, Any]]
"""A pure step from schema version N to N+1 on the raw JSON object."""


def _plan_date(raw: dict[str, Any]) -> date | None:
    details = raw.get("details")
    value = details.get("plan_date") if isinstance(details, dict) else None
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _measure_v2(measure: dict[str, Any], plan_date: date | None) -> dict[str, Any]:
    """A version 1 measure with the numbers of its baseline and target text in the new
    structured fields (the text is kept as it was)."""
    from workbook.measures import parse_date, parse_number, parse_unit

    baseline = measure.get("baseline") if isinstance(measure.get("baseline"), str) else ""
    target = measure.get("target") if isinstance(measure.get("target"), str) else ""
    upgraded = dict(measure)
    baseline_value, target_value = parse_number(baseline), parse_number(target)
    baseline_on = parse_date(baseline, plan_date, ahead=False) or (
        plan_date if baseline_value is not None else None
    )
    target_on = parse_date(target, plan_date)
    upgraded.setdefault("unit", parse_unit(target) or parse_unit(baseline))
    down = baseline_value is not None and target_value is not None and target_value < baseline_value
    upgraded.setdefault("direction", "down" if down else "up")
    upgraded.setdefault("baseline_value", baseline_value)
    upgraded.setdefault("baseline_on", baseline_on.isoformat() if baseline_on else None)
    upgraded.setdefault("target_value", target_value)
    upgraded.setdefault("target_on", target_on.isoformat() if target_on else None)
    return upgraded


def _v1_to_v2(raw: dict[str, Any]) -> dict[str, Any]:
    """Version 2: a plan id, an empty history, and the four A's figures as numbers.

    The id is drawn from the file's own content, not at random, so that a version 1 file
    exported twice before it is saved again gives its calendar entries the same names."""
    content = json.dumps(raw, sort_keys=True, ensure_ascii=False, default=str)
    upgraded = dict(raw, schema_version=2)
    upgraded.setdefault(
        "id", hashlib.sha256(content.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    )
    engagement = raw.get("engagement")
    if isinstance(engagement, dict) and isinstance(engagement.get("measures"), list):
        plan_date = _plan_date(raw)
        upgraded["engagement"] = {
            **engagement,
            "measures": [
                _measure_v2(m, plan_date) if isinstance(m, dict) else m
                for m in engagement["measures"]
            ],
        }
    return upgraded


MIGRATIONS: dict[int, Migration] = {1: _v1_to_v2}
"""Step N -> N+1, keyed by N.

To change the file format: raise ``SCHEMA_VERSION`` in ``workbook.model`` (and its
``Literal``), write ``def _v1_to_v2(raw: dict) -> dict`` here that returns the
upgraded object with ``schema_version`` set to 2, register it as ``MIGRATIONS[1]``,
and add a sample file under ``tests/samples/v2/``. Steps never touch the disk.
"""


class FormatError(ValueError):
    """The raw object is not a plan this app can read; ``message`` says why, in plain words."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def schema_version_of(raw: Any) -> int:
    """The schema version a raw JSON value claims, after checking it is one of our plans."""
    if not isinstance(raw, dict) or raw.get("format") != FORMAT_MARKER:
        raise FormatError(
            "This file is not a Social Media Value Workbook plan: it is JSON, but it lacks "
            f'the marker "format": "{FORMAT_MARKER}" that every plan file starts with. '
            "It may belong to another program."
            if isinstance(raw, dict)
            else "This file is not a Social Media Value Workbook plan: a plan file holds one "
            "JSON object, and this file holds something else."
        )
    version = raw.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise FormatError(
            'The plan file has no valid "schema_version" (it should be a whole number such '
            f"as {SCHEMA_VERSION}), so the app cannot tell how to read it."
        )
    if version > SCHEMA_VERSION:
        raise FormatError(
            f"This plan was made by a newer version of the app (file format {version}; this "
            f"app reads up to format {SCHEMA_VERSION}). Update the app to open it. "
            "The file has not been changed."
        )
    if version < 1:
        raise FormatError(
            f'The plan file says "schema_version": {version}, which no version of the app '
            "ever wrote."
        )
    return version


def migrate(
    raw: dict[str, Any],
    *,
    target: int = SCHEMA_VERSION,
    steps: Mapping[int, Migration] | None = None,
) -> tuple[dict[str, Any], list[int]]:
    """Bring ``raw`` up to ``target``; returns the new object and the versions it was
    migrated from, in order (empty when it was already current).

    ``raw`` itself is never changed, so a failed migration leaves nothing half done.
    """
    steps = MIGRATIONS if steps is None else steps
    version = raw.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise FormatError('The plan file has no valid "schema_version".')
    applied: list[int] = []
    current = copy.deepcopy(raw) if version < target else raw
    while version < target:
        step = steps.get(version)
        if step is None:
            raise FormatError(
                f"The app does not know how to upgrade a plan from file format {version}."
            )
        current = step(current)
        applied.append(version)
        new_version = current.get("schema_version")
        if new_version != version + 1:
            raise RuntimeError(f"migration step {version} set schema_version to {new_version!r}")
        version = new_version
    return current, applied
