"""The keyboard-only walk."""

from __future__ import annotations


def keyboard_walk() -> dict:
    return {}
