"""Take the README's screenshot of the four A's tab: each measure's status and the chart of
its readings, beside the measures and the readings tables.

Run under a real X server of the README's size, e.g.:

    QT_QPA_PLATFORM=xcb xvfb-run -s "-screen 0 1280x800x24" python scripts/screenshots_measures.py

It opens the bakery worked example, selects its first measure (attention: replies to the
noon update) and saves docs/images/four-as.png.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

# Run as a script, this folder is on the path: the README's screenshots share one size
# and one way of waiting for the window to settle.
from screenshot_window import IMAGES, settle, throwaway_window
from screenshots_thinking import SIZE


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=IMAGES)
    args = parser.parse_args(argv)

    from workbook.examples import load_example
    from workbook.gui.pages import PageId
    from workbook.gui.widgets import clock

    clock.today = lambda: date(2026, 7, 1)  # just after the example's last readings
    with throwaway_window(load_example("bakery"), SIZE) as (app, window):
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
