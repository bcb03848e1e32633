"""The window on small screens and at large text sizes, on a real X11 display."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.gui, pytest.mark.x11]


@pytest.mark.parametrize(
    ("screen", "sideways_from"),
    [((1024, 768), 175), ((1280, 720), None)],
    ids=["1024x768", "1280x720"],
)
def test_the_window_fits_the_screen_at_every_text_size(run_x11, screen, sideways_from):
    """Every page fits; on a 1280×720 projector no page scrolls sideways at any text size,
    and on 1024×768 none up to 150% (from 175% a wide page may)."""
    result = run_x11("window_fits_the_screen", screen=screen)
    width, height = result["screen"]
    for scale, outcome in result["scales"].items():
        assert outcome["text scale"] == int(scale)
        minimum_width, minimum_height = outcome["minimum"]
        assert minimum_width <= width and minimum_height <= height, scale
        assert outcome["outside"] == [], scale
        assert outcome["cut"] == {}, scale
        if sideways_from is None or int(scale) < sideways_from:
            assert outcome["scrolls sideways"] == [], scale


def test_the_step_list_hides_and_ctrl_0_restores_the_window(run_x11):
    result = run_x11("step_list_and_normal_size")
    assert result["hidden"] and not result["menu item after hiding"]
    assert result["page grew"]
    assert result["F6 shows it again"]
    assert result["shown"] and result["menu item after showing"] and result["remembered"]
    assert result["at 200%"] == 200 and result["after Ctrl+0"] == 100
    assert result["size restored"], result["sizes"]
