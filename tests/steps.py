"""Work done a piece at a time (workbook.stepping), run to its end in a test."""

from __future__ import annotations

from typing import Any

from workbook.stepping import Pieces


def run_counting(steps: Pieces[Any]) -> tuple[Any, int]:
    """Run ``steps`` to its end: what it made, and how many times it paused on the way."""
    pieces = 0
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value, pieces
        pieces += 1
