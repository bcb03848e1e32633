"""Take the README's screenshot of the four A's tab: each measure's status and the chart of
its readings, beside the measures and the readings tables.

Run under a real X server of the README's size, e.g.:

    QT_QPA_PLATFORM=xcb xvfb-run -s "-screen 0 1280x800x24" python scripts/screenshots_measures.py

It opens the bakery worked example, selects its first measure (attention: replies to the
noon update) and saves docs/images/four-as.png.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

# Run as a script, this folder is on the path: the README's screenshots share one size
# and one way of waiting for the window to settle.
from screenshots_thinking import IMAGES, SIZE, settle


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=IMAGES)
    args = parser.parse_args(argv)

    from workbook.examples import load_example
    from workbook.gui.app import create_application
    from workbook.gui.main_window import MainWindow
    from workbook.gui.pages import PageId
    from workbook.gui.settings import Settings
    from workbook.gui.widgets import clock
    from workbook.session import PlanSession

    clock.today = lambda: date(2026, 7, 1)  # just after the example's last readings
    with tempfile.TemporaryDirectory() as folder:
        # Settings, recent files and recovery copies of this run go nowhere that lasts.
        os.environ["WORKBOOK_CONFIG_DIR"] = str(Path(folder) / "config")
        os.environ["WORKBOOK_DATA_DIR"] = str(Path(folder) / "data")
        app = create_application([sys.argv[0]])
        window = MainWindow(Settings())
        window.resize(*SIZE)
        window.show()
        window.document.replace_session(PlanSession(load_example("bakery")))
        window.has_plan = True
        settle(app)

        window.go_to_page(PageId.ENGAGEMENT)
        engagement = window.pages[PageId.ENGAGEMENT]
        engagement.tab_widget.setCurrentWidget(engagement.four_as)
        settle(app)
        measures = engagement.tables[("engagement", "measures")]
        first = window.document.plan.engagement.measures[0]
        measures.select_row(first.id, "indicator")
        measures.view.setFocus()
        settle(app, 300)
        args.out.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(args.out / "four-as.png"))
        window.document.undo_stack.setClean()
        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
