"""Take the README's screenshot of workshop mode on a 1280×720 projector.

Run under a real X server of that size, e.g.:

    QT_QPA_PLATFORM=xcb xvfb-run -s "-screen 0 1280x720x24" python scripts/screenshot_workshop.py

It opens the bakery example, enters workshop mode, shows the listening notes with the
timer stopped at a fixed moment (12:34 left of 30 minutes), and saves docs/images/workshop.png.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from screenshot_window import IMAGES, settle, throwaway_window

LEFT_SECONDS = 12 * 60 + 34


class StillClock:
    """A clock that moves only when told: the picture shows the same time on every run."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=IMAGES)
    args = parser.parse_args(argv)

    from workbook.gui.pages import PageId

    with throwaway_window() as (app, window):
        window.files.open_example("bakery")
        settle(app)
        clock = StillClock()
        window.workshop.clock = clock
        window.workshop.enter()
        window.go_to_page(PageId.LISTENING, focus=True)
        window.pages[PageId.LISTENING].tab_widget.setCurrentIndex(1)  # the notes
        total = window.document.plan.workshop.timeboxes.listening * 60
        clock.now += total - LEFT_SECONDS
        settle(app, 900)  # the window fills the screen; the countdown ticks once
        window.statusBar().clearMessage()
        settle(app, 300)
        args.out.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(args.out / "workshop.png"))
        window.workshop.leave()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
