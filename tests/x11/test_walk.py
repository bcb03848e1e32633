"""The keyboard-only walk of a consultant in a workshop, on a real X11 display: a new
client's plan from a copy, a field on every page, a listening note, a playbook row and
the PDF, without the mouse. The count of keys that are not text is recorded in the README."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.gui, pytest.mark.x11]

WALK_KEYS = 13
"""Keys that are not text (Ctrl+2, Insert, Return, ...) the walk takes; fewer is better."""


def test_a_keyboard_only_walk_from_a_copy_to_the_pdf(run_x11):
    result = run_x11("keyboard_walk")
    assert result["title"] == "Harbour Physio plan"
    assert result["prepared by"] == "Sam Rivers"  # from the profile, not the example
    assert result["handle"] == "@harbourphysio"
    assert result["intent"].startswith("Hear what runners")
    assert result["notes"] == ["Asked whether we treat running injuries at weekends"]
    assert result["planning"] == "Help people in Harbour move without pain"
    assert result["playbook"][-1] == "Thank them, answer in the thread, offer a call"
    assert result["export finished"] and result["pdf"] and not result["dialogs left"]
    assert result["count"] <= WALK_KEYS, result["keys"]
