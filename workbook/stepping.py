"""Work done a piece at a time: a generator that yields between pieces and returns what it
made (the plan check, :func:`workbook.lint.lint_in_steps`; the plan as JSON,
:func:`workbook.state_steps.plan_state_in_steps`). The window runs one piece per turn of
its event loop (:class:`workbook.gui.in_steps.InSteps`); :func:`finish` runs the rest at
once."""

from __future__ import annotations

from collections.abc import Generator
from typing import TypeVar

T = TypeVar("T")

Pieces = Generator[None, None, T]
"""Work a piece at a time: yields between pieces, returns what it made."""


def finish(steps: Pieces[T]) -> T:
    """Run what is left of ``steps`` at once; what it made."""
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value
