"""Progress updates that arrive while the export finishes (a modal progress dialog runs the
event loop inside setValue) must not touch the dialog after it is gone."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QProgressDialog, QWidget

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
        controller._finish()
        finished_inside.append(controller.progress_dialog is None)

    monkeypatch.setattr(dialog, "setValue", set_value_that_runs_the_event_loop)
    controller._on_progress(0.5, "Laying out the listening notes")
    assert finished_inside == [True]
    assert dialog.labelText() == "Laying out the listening notes"
