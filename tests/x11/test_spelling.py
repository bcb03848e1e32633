"""Spell-check on a real X11 display: Ctrl+F7, and typing through the X server with it on
(see tests/x11/conftest.py)."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.gui, pytest.mark.x11]


def test_ctrl_f7_switches_spelling_off_and_on_from_a_field(run_x11):
    result = run_x11("ctrl_f7_switches_spelling")
    assert result["loaded"]
    off, on = result["states"]
    assert off == {
        "enabled": False,
        "ticked": False,
        "stored": False,
        "squiggles": [],
        "focused": "details.title",
        "text": "Teh plan",
    }
    assert on["enabled"] and on["ticked"] and on["stored"]
    assert on["squiggles"] == [[0, 3]] and on["focused"] == "details.title"
    assert on["text"] == "Teh plan"


def test_typing_with_spelling_on_keeps_every_character_in_its_field(run_x11):
    result = run_x11("typing_with_spelling_on")
    typed = result["typed"]
    assert result["long_text"] == result["before"]["long"] + " " + typed
    assert result["line_text"] == result["before"]["line"] + " " + typed
    assert result["plan_long"] == result["long_text"]  # and into the plan
    assert result["plan_line"] == result["line_text"]
    assert result["focus"] == ["details.offering", "details.location"]
    # "Teh" and "jumsp" underlined; the address, the handle and the e-mail are not.
    assert result["long_squiggles_right"] and result["line_squiggles_right"]
