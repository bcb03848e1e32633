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
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"
SIZE = (1280, 720)

REVIEWS = (
    "Review date;Reviewer;Site;Review text;Rating\r\n"
    "03.03.2026;Renée;Google;Lovely sourdough, but the café tables fill up by ten;4\r\n"
    "05.03.2026;Tomás;Google;Asked twice about nut-free cakes and nobody knew;2\r\n"
    "07.03.2026;Zoë;Wrenford Food Guide;The rye is the best in town, friendly staff;5\r\n"
    "someday;Ken;Google;Would love a loyalty card;4\r\n"
    "09.03.2026;Jürgen;Google;Queue out of the door on Saturday, worth it;4\r\n"
)


def settle(app: QApplication, ms: int = 400) -> None:
    done = []
    QTimer.singleShot(ms, lambda: done.append(True))
    while not done:
        app.processEvents()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=IMAGES)
    args = parser.parse_args(argv)

    from PySide6.QtCore import QLocale

    from workbook.examples import load_example
    from workbook.gui.app import create_application
    from workbook.gui.import_wizard import ImportDialog
    from workbook.gui.main_window import MainWindow
    from workbook.gui.settings import Settings
    from workbook.session import PlanSession

    QLocale.setDefault(QLocale("en_GB"))
    with tempfile.TemporaryDirectory() as folder:
        os.environ["WORKBOOK_CONFIG_DIR"] = str(Path(folder) / "config")
        os.environ["WORKBOOK_DATA_DIR"] = str(Path(folder) / "data")
        source = Path(folder) / "reviews-march.csv"
        source.write_bytes(REVIEWS.encode("cp1252"))
        app = create_application([sys.argv[0]])
        window = MainWindow(Settings())
        window.resize(*SIZE)
        window.show()
        window.document.replace_session(PlanSession(load_example("bakery")))
        window.has_plan = True
        settle(app)

        dialog = ImportDialog(window.document, source.parent, window)
        dialog.resize(SIZE[0] - 80, SIZE[1] - 80)
        dialog.show()
        dialog.start_read(source)
        dialog.wait_for_work()
        settle(app, 800)
        args.out.mkdir(parents=True, exist_ok=True)
        dialog.grab().save(str(args.out / "import-wizard.png"))
        dialog.reject()
        window.document.undo_stack.setClean()
        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
