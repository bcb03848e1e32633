"""Take the README's screenshot of workshop mode on a 1280×720 projector.

Run under a real X server of that size, e.g.:

    QT_QPA_PLATFORM=xcb xvfb-run -s "-screen 0 1280x720x24" python scripts/screenshot_workshop.py

It opens the bakery example, enters workshop mode, shows the listening notes with the
timer stopped at a fixed moment (12:34 left of 30 minutes), and saves docs/images/workshop.png.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"
LEFT_SECONDS = 12 * 60 + 34


class StillClock:
    """A clock that moves only when told: the picture shows the same time on every run."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def settle(app: QApplication, ms: int = 600) -> None:
    done = []
    QTimer.singleShot(ms, lambda: done.append(True))
    while not done:
        app.processEvents()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=IMAGES)
    args = parser.parse_args(argv)

    from workbook.gui.app import create_application
    from workbook.gui.main_window import MainWindow
    from workbook.gui.pages import PageId
    from workbook.gui.settings import Settings

    with tempfile.TemporaryDirectory() as folder:
        # Settings, recent files and recovery copies of this run go nowhere that lasts.
        os.environ["WORKBOOK_CONFIG_DIR"] = str(Path(folder) / "config")
        os.environ["WORKBOOK_DATA_DIR"] = str(Path(folder) / "data")
        app = create_application([sys.argv[0]])
        window = MainWindow(Settings())
        window.show()
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
        window.document.undo_stack.setClean()
        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
