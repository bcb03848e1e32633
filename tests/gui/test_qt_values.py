"""The start page and window frame spell a few Qt values as numbers so that the first paint
does not build the ``Qt`` namespace's 93 enums (workbook.gui.qt_values): the numbers must be
Qt's, and the first window must really stay clear of ``Qt``."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.gui.conftest import run_app_script
from workbook.gui import qt_values


@pytest.mark.parametrize(
    ("name", "real"),
    [
        ("ALIGN_CENTER", Qt.AlignmentFlag.AlignCenter),
        ("TEXT_SELECTABLE_BY_MOUSE", Qt.TextInteractionFlag.TextSelectableByMouse),
        ("ACCESSIBLE_TEXT_ROLE", Qt.ItemDataRole.AccessibleTextRole),
        ("FOREGROUND_ROLE", Qt.ItemDataRole.ForegroundRole),
        ("USER_ROLE", Qt.ItemDataRole.UserRole),
    ],
)
def test_numbers_are_qts_values(name: str, real) -> None:
    assert getattr(qt_values, name) == real.value


def test_the_first_window_is_painted_without_building_the_qt_namespace(tmp_path: Path) -> None:
    """With recent plans listed (one of them missing, so greyed), the start page is built,
    shown and painted; PySide6 creates ``QtCore.Qt`` on first use, so it must be absent."""
    script = textwrap.dedent("""
        import sys
        from pathlib import Path
        import PySide6.QtCore as QtCore
        from workbook.gui.app import create_application
        from workbook.gui.main_window import MainWindow
        from workbook.gui.settings import RecentPlan, Settings
        app = create_application()
        here = Path(sys.argv[1])
        (here / "kept.json").write_text("{}")
        settings = Settings()
        for name in ("kept.json", "gone.json"):
            settings.add_recent(RecentPlan(here / name, "Title", "Org"))
        window = MainWindow()
        window.show()
        for _ in range(20):
            app.processEvents()
        print("Qt" in QtCore.__dict__, window.start_page.recent.topLevelItemCount(),
              window.start_page.empty_recent.alignment() == QtCore.Qt.AlignmentFlag.AlignCenter)
    """)
    assert run_app_script(script, tmp_path, str(tmp_path)) == ["False", "2", "True"], (
        "Something on the start-up path touched PySide6.QtCore.Qt: use workbook.gui.qt_values "
        "there, or touch Qt only in code that runs after the first paint."
    )
