"""Snapshots and compare from the keyboard, on a real X11 display."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.gui, pytest.mark.x11]


def test_ctrl_alt_s_takes_a_snapshot_and_f8_moves_through_the_changes(run_x11):
    result = run_x11("snapshot_and_compare_keys")
    assert result["snapshots"] == [["Before the workshop", "named"]]
    assert result["field untouched"]
    assert result["focus after"] == result["focus before"]  # back where the typing was
    assert result["opened"]
    assert result["changes"] == 2
    assert result["steps"] == [0, 1, 0, 1]  # round the end, and back
    assert result["position"].startswith("Change 2 of 2")
    assert result["from a choice"] == 0
    assert result["restored title"] == "Crumb & Co. social media plan 2026"  # the snapshot's
    assert result["after restore"] == 1
    assert result["after undo"] == "Bakery plan, after the workshop"
