"""Upgrading plan files written by older versions of the app, one schema version at a time."""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from typing import Any

from workbook.model import FORMAT_MARKER, SCHEMA_VERSION

Migration = Callable[[dict[str, Any]], dict[str, Any]]
"""A pure step from schema version N to N+1 on the raw JSON object."""

MIGRATIONS: dict[int, Migration] = {}
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
