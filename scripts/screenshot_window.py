"""What the README's screenshot scripts share: a window with throwaway settings, and a
wait that lets timers and painting run.

Each script runs under a real X server of the README's size (see its docstring) and
imports this module from beside it.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"


def settle(app: QApplication, ms: int = 600) -> None:
    """Let timers (the plan check waits for a pause) and painting run for ``ms``."""
    done: list[bool] = []
    QTimer.singleShot(ms, lambda: done.append(True))
    while not done:
        app.processEvents()


@contextmanager
def throwaway_window(
    plan: Any = None, size: tuple[int, int] | None = None
) -> Iterator[tuple[QApplication, Any]]:
    """The app and a shown main window whose settings, recent files and recovery copies go
    nowhere that lasts, with ``plan`` (a Plan) open in it when given."""
    from workbook.gui.app import create_application
    from workbook.gui.main_window import MainWindow
    from workbook.gui.settings import Settings
    from workbook.session import PlanSession

    with tempfile.TemporaryDirectory() as folder:
        os.environ["WORKBOOK_CONFIG_DIR"] = str(Path(folder) / "config")
        os.environ["WORKBOOK_DATA_DIR"] = str(Path(folder) / "data")
        app = create_application([sys.argv[0]])
        window = MainWindow(Settings())
        if size is not None:
            window.resize(*size)
        window.show()
        if plan is not None:
            window.document.replace_session(PlanSession(plan))
            window.has_plan = True
            settle(app)
        try:
            yield app, window
        finally:
            window.document.undo_stack.setClean()  # closes without asking to save
            window.close()
