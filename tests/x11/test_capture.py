"""Workshop captures on a real X11 display: the keys typed through the X server."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.gui, pytest.mark.x11]


def test_ctrl_shift_p_and_a_from_inside_a_field_capture_and_come_back(run_x11):
    result = run_x11("captures_typed_from_a_field")
    assert result["park bar shown"] and result["park focus"] == "park_idea"
    assert result["park bar text"] == "Ask the market about a stall"
    assert not result["park bar after"]
    assert result["park focus after"] == "listening.intent"
    assert result["park caret after"] == 5 and result["park field kept"]
    assert result["parked"] == [1, "Ask the market about a stall", "listening"]

    assert result["action focus"] == "action_what"
    assert result["action texts"] == ["Print the new menu", "Sam", "3/4/2026"]
    assert not result["action bar after"]
    assert result["action focus after"] == "details.organisation"
    assert result["action caret after"] == 3 and result["action field kept"]
    assert result["action"] == [1, "Print the new menu", "Sam", "2026-04-03"]
    assert result["active"]
