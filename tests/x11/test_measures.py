"""The four A's tab and the action plan on a real X11 display (see tests/x11/conftest.py)."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.gui, pytest.mark.x11]


def test_the_four_as_tables_show_their_rows_at_1280x720(run_x11):
    result = run_x11("four_as_rows", screen=(1280, 720))
    normal = result["normal"]
    assert normal["measures"] >= 3, result
    assert normal["readings"] >= 3, result
    assert normal["chart height"] >= 60, result
    for label in ("normal", "larger", "largest of two"):
        assert not result[label]["sideways"], (label, result)
        assert result[label]["measures"] >= 1, (label, result)


def test_ctrl_shift_l_opens_the_action_plan_and_enter_goes_to_the_item(run_x11):
    result = run_x11("action_plan_by_keyboard")
    assert result["page"] == "REVIEW"
    assert result["focus"] == "action_plan_items"
    assert result["after Enter"] == "ENGAGEMENT"
    assert result["row"]
    assert result["focus after Enter"] == "engagement.actions"
