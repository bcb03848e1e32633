"""What marks a file as one of our plans, and the version of the format this app writes.

Apart from the plan model, so that what only looks at a file's version (the recovery
check at start-up, the migrations) reads it without building the model's classes."""

from __future__ import annotations

FORMAT_MARKER = "social-media-value-workbook"
"""Value of the ``format`` key that marks a file as one of our plans."""

SCHEMA_VERSION = 2
"""Version of the file format this app writes.

History (each change gets a migration step in ``workbook.migrations`` and a
sample file in ``tests/samples/``):

1. First version: plan details, management & administration, listening & learning,
   thinking & planning (the 7 P's), engagement.
2. The review cycle: a stable plan ``id``; named and automatic snapshots in ``history``;
   the four A's with a unit, a direction and a dated baseline and target (numbers parsed
   from the version 1 text), and dated readings (``engagement.readings``); money and
   hours spent per period (``engagement.spending``); agreed actions
   (``engagement.actions``); a structured cadence on activities.
"""
