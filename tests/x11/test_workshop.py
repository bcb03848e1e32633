"""Workshop mode on a real X11 display at projector sizes."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.gui, pytest.mark.x11]


@pytest.mark.parametrize("screen", [(1280, 720), (1024, 768)], ids=["1280x720", "1024x768"])
def test_workshop_mode_fills_a_projector_with_nothing_cut(run_x11, screen, tmp_path):
    result = run_x11("workshop_mode_on_a_projector", str(tmp_path / "shots"), screen=screen)
    assert result["active"] and result["fills the screen"]
    assert result["screen"] == list(screen)
    assert result["text scale"] >= 150 and result["step list hidden"]
    assert not result["bar compact"]  # each stage shows its minutes at both sizes
    assert result["cut"] == {}
    # Only the two pages that are wider than a 1024-pixel screen even at normal text in the
    # normal window (their tab widgets' minimum) scroll sideways: the pages' own to fix.
    # Every other page fits, even after those were built.
    assert {label.split("-")[0] for label in result["scrolls sideways"]} <= {
        "planning",
        "engagement",
    }
    assert result["countdown"] in ("30:00", "29:59")  # the bakery's listening time-box
    assert result["paused"] and result["pause button"] == "Resume"
    assert result["running again"]
    assert result["extended by"] == 300
    assert "5 more minutes for Listening" in result["extend notice"]
    assert result["left"] and result["size restored"], result["sizes"]
    assert result["step list back"] and result["text scale after"] == 100
    assert (tmp_path / "shots" / f"workshop-{screen[0]}x{screen[1]}.png").exists()
