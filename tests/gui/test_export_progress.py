"""The export's progress dialog and quitting during an export: progress that arrives while the
export finishes (a modal progress dialog runs the event loop inside setValue) must not touch
the dialog after it is gone, and quitting mid-export stops the child and exits cleanly."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtWidgets import QProgressDialog, QWidget

from tests.export.test_export_controller import _alive
from tests.gui.conftest import REPO
from workbook.gui.export_controller import ExportController

pytestmark = pytest.mark.gui


def test_export_finishing_inside_a_progress_update_is_harmless(qtbot, monkeypatch):
    parent = QWidget()
    qtbot.addWidget(parent)
    controller = ExportController(parent)
    dialog = QProgressDialog(parent)
    dialog.canceled.connect(controller.cancel)
    controller.progress_dialog = dialog
    finished_inside: list[bool] = []

    def set_value_that_runs_the_event_loop(value: int) -> None:
        # What a modal dialog's setValue() may do: deliver the "export done" signal.
        controller._end(lambda: None)
        finished_inside.append(controller.progress_dialog is None)

    monkeypatch.setattr(dialog, "setValue", set_value_that_runs_the_event_loop)
    controller._on_progress(0.5, "Laying out the listening notes")
    assert finished_inside == [True]
    assert dialog.labelText() == "Laying out the listening notes"


QUIT_DURING_EXPORT = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from tests.export.plans import hostile_plan
    from workbook.export import ExportOptions
    from workbook.gui.export_controller import ExportController

    app = QApplication(sys.argv[:1])
    window = QWidget()
    window.show()
    controller = ExportController(window)
    controller.ask_stop_export = lambda parent: print("ASKED") or True
    controller.show_error = lambda title, message: print("ERROR", message)
    controller.cancelled.connect(lambda: print("CANCELLED"))
    controller.export(hostile_plan(notes=2000, big=False), Path(sys.argv[1]), ExportOptions())
    while controller._process is None:  # the plan is written, and the child started, next
        app.processEvents()
    print("CHILD", controller._process.processId())
    show_progress = controller._on_progress

    def quit_when_under_way(fraction, message):
        show_progress(fraction, message)
        if fraction > 0.2 and not hasattr(app, "quitting"):
            app.quitting = True
            # What the window does when it is closed, or the app is quit, mid-export.
            QTimer.singleShot(0, lambda: controller.confirm_stop_for_quit(window) and app.quit())

    controller._on_progress = quit_when_under_way
    app.exec()
    print("RUNNING", controller.is_running())
    del controller, window
    """
)


def test_quitting_during_a_2000_note_export_asks_stops_the_child_and_exits_cleanly(tmp_path):
    target = tmp_path / "plan.pdf"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "WORKBOOK_CONFIG_DIR": str(tmp_path / "c"),
        "WORKBOOK_DATA_DIR": str(tmp_path / "d"),
        "PYTHONPATH": str(REPO),
    }
    result = subprocess.run(
        [sys.executable, "-c", QUIT_DURING_EXPORT, str(target)],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=110,
    )
    assert result.returncode == 0, result.stderr
    words = result.stdout.split()
    assert words[0] == "CHILD" and words[2:] == ["ASKED", "CANCELLED", "RUNNING", "False"]
    assert "Destroyed while" not in result.stderr  # QThread / QProcess still running
    assert not _alive(int(words[1]))
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == []  # no PDF, no temp file
