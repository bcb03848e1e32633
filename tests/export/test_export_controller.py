"""The Qt export controller: a real export on a worker thread, cancel, errors, what comes after."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QPushButton, QWidget

from tests.export import pdfcheck
from workbook.export import ExportOptions
from workbook.gui.export_controller import ExportController, ExportOptionsDialog
from workbook.model import Plan

pytestmark = pytest.mark.gui


def _plan() -> Plan:
    plan = Plan()
    plan.details.title = "Harbour Bikes plan"
    plan.details.organisation = "Harbour Bikes & Repairs"
    plan.listening.learnings.market_wants = "Honest repair estimates <b>before</b> the work."
    return plan


class _Recorder:
    def __init__(self, choice: str = "close") -> None:
        self.choice = choice
        self.asked: list[tuple[Path, tuple[str, ...]]] = []
        self.errors: list[tuple[str, str]] = []
        self.opened: list[QUrl] = []


@pytest.fixture
def controller(qtbot, monkeypatch):
    parent = QWidget()
    qtbot.addWidget(parent)
    ctrl = ExportController(parent)
    rec = _Recorder()

    def ask_after(path, warnings):
        rec.asked.append((path, warnings))
        return rec.choice

    monkeypatch.setattr(ctrl, "ask_after_export", ask_after)
    monkeypatch.setattr(ctrl, "show_error", lambda t, m: rec.errors.append((t, m)))
    monkeypatch.setattr(ctrl, "open_url", rec.opened.append)
    ctrl.recorder = rec
    yield ctrl
    if ctrl.busy:
        ctrl.cancel()
        qtbot.waitUntil(lambda: not ctrl.busy)


def test_export_writes_the_pdf_and_offers_to_open_it(qtbot, controller, tmp_path):
    target = tmp_path / "plan.pdf"
    controller.recorder.choice = "open"
    plan = _plan()
    with qtbot.waitSignal(controller.finished, timeout=60_000) as blocker:
        controller.export(plan, target, ExportOptions(page_size="Letter"))
        # The worker has its own copy: editing the plan now must not change the PDF.
        plan.details.title = "Changed while exporting"
    assert blocker.args == [target]
    text = pdfcheck.extract_text(target.read_bytes())
    assert "Harbour Bikes plan" in text
    assert "Changed while exporting" not in text
    assert "<b>before</b>" in text
    assert controller.recorder.asked == [(target, ())]
    assert controller.recorder.opened == [QUrl.fromLocalFile(str(target))]
    assert not controller.busy
    assert controller.recorder.errors == []


def test_show_in_folder_opens_the_folder(qtbot, controller, tmp_path):
    controller.recorder.choice = "folder"
    target = tmp_path / "plan.pdf"
    with qtbot.waitSignal(controller.finished, timeout=60_000):
        controller.export(_plan(), target, ExportOptions())
    assert controller.recorder.opened == [QUrl.fromLocalFile(str(tmp_path))]


def test_cancel_leaves_the_old_pdf_alone(qtbot, controller, tmp_path):
    target = tmp_path / "plan.pdf"
    target.write_bytes(b"%PDF-1.4 the good old one")
    with qtbot.waitSignal(controller.cancelled, timeout=60_000):
        controller.export(_plan(), target, ExportOptions())
        controller.cancel()  # as if the user pressed Cancel in the progress dialog
    assert target.read_bytes() == b"%PDF-1.4 the good old one"
    assert controller.recorder.asked == []
    assert controller.recorder.errors == []
    assert not controller.busy


def test_progress_dialog_cancel_button_cancels(qtbot, controller, tmp_path):
    target = tmp_path / "plan.pdf"
    with qtbot.waitSignal(controller.cancelled, timeout=60_000):
        controller.export(_plan(), target, ExportOptions())
        button = controller.progress_dialog.findChild(QPushButton)
        assert button.text() == "Cancel"
        button.click()
    assert not target.exists()


def test_a_failed_export_shows_a_human_error(qtbot, controller, tmp_path):
    target = tmp_path / "no such folder" / "plan.pdf"
    with qtbot.waitSignal(controller.failed, timeout=60_000) as blocker:
        controller.export(_plan(), target, ExportOptions())
    message = blocker.args[0]
    assert "does not exist" in message and "no such folder" in message
    assert controller.recorder.errors == [("The PDF could not be exported", message)]
    assert controller.recorder.asked == []


def test_bad_logo_is_reported(qtbot, controller, tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"not an image at all")
    with qtbot.waitSignal(controller.failed, timeout=60_000) as blocker:
        controller.export(_plan(), tmp_path / "plan.pdf", ExportOptions(logo=logo))
    assert "logo" in blocker.args[0] and "PNG or JPEG" in blocker.args[0]


def test_options_dialog_returns_the_choices(qtbot):
    defaults = ExportOptions(accent="#112233", consultant_name="Ana")
    dialog = ExportOptionsDialog(defaults)
    qtbot.addWidget(dialog)
    dialog.page_size.setCurrentText("Letter")
    dialog.include_prompts.setChecked(False)
    options = dialog.options()
    assert options.page_size == "Letter"
    assert options.include_prompts is False
    assert options.accent == "#112233" and options.consultant_name == "Ana"
