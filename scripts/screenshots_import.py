"""Take the README's screenshot of the import wizard.

Run under a real X server of the README's size, e.g.:

    QT_QPA_PLATFORM=xcb xvfb-run -s "-screen 0 1280x720x24" python scripts/screenshots_import.py

It writes a review site's export the way a spreadsheet program saves it (semicolons,
Windows-1252 accents, day-first dates, a star rating, one row with a date nobody can read
and one already in the plan), opens the import wizard on it over the bakery example, and
saves docs/images/import-wizard.png.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from screenshot_window import IMAGES, settle, throwaway_window

SIZE = (1280, 720)

REVIEWS = (
    "Review date;Reviewer;Site;Review text;Rating\r\n"
    "03.03.2026;Renée;Google;Lovely sourdough, but the café tables fill up by ten;4\r\n"
    "05.03.2026;Tomás;Google;Asked twice about nut-free cakes and nobody knew;2\r\n"
    "07.03.2026;Zoë;Wrenford Food Guide;The rye is the best in town, friendly staff;5\r\n"
    "someday;Ken;Google;Would love a loyalty card;4\r\n"
    "09.03.2026;Jürgen;Google;Queue out of the door on Saturday, worth it;4\r\n"
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=IMAGES)
    args = parser.parse_args(argv)

    from PySide6.QtCore import QLocale

    from workbook.examples import load_example
    from workbook.gui.import_wizard import ImportDialog

    QLocale.setDefault(QLocale("en_GB"))
    with (
        tempfile.TemporaryDirectory() as folder,
        throwaway_window(load_example("bakery"), SIZE) as (app, window),
    ):
        source = Path(folder) / "reviews-march.csv"
        source.write_bytes(REVIEWS.encode("cp1252"))

        dialog = ImportDialog(window.document, source.parent, window)
        dialog.resize(SIZE[0] - 80, SIZE[1] - 80)
        dialog.show()
        dialog.start_read(source)
        dialog.wait_for_work()
        settle(app, 800)
        args.out.mkdir(parents=True, exist_ok=True)
        dialog.grab().save(str(args.out / "import-wizard.png"))
        dialog.reject()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
