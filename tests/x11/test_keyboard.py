"""Keys, focus and shortcuts on a real X11 display (see tests/x11/conftest.py)."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.gui, pytest.mark.x11]


def test_ctrl_e_exports_from_a_one_line_field(run_x11):
    result = run_x11("ctrl_e_from_a_line_edit")
    assert result["focused"]
    assert result["calls"] == ["export"]
