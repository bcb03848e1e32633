"""The Qt export controller: a real export in a child process, cancel, errors, what comes after."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QPushButton, QWidget

from tests.export import pdfcheck
from tests.export.plans import hostile_plan
from workbook import state_steps
from workbook.export import ExportOptions
from workbook.gui import child_command
from workbook.gui import export_controller as module
from workbook.gui.export_controller import ExportController, ExportOptionsDialog
from workbook.model import Plan

pytestmark = pytest.mark.gui

WAIT_MS = 120_000


def _plan() -> Plan:
    plan = Plan()
    plan.details.title = "Harbour Bikes plan"
    plan.details.organisation = "Harbour Bikes & Repairs"
    plan.listening.learnings.market_wants = "Honest repair estimates <b>before</b> the work."
    return plan


class _Recorder:
    def __init__(self, choice: str = "close") -> None:
        self.choice = choice
        self.replace = True
        self.asked: list[tuple[Path, tuple[str, ...]]] = []
        self.asked_replace: list[Path] = []
        self.errors: list[tuple[str, str]] = []
        self.opened: list[QUrl] = []
        self.progress: list[float] = []


@pytest.fixture
def controller(qtbot, monkeypatch):
    parent = QWidget()
    qtbot.addWidget(parent)
    ctrl = ExportController(parent)
    rec = _Recorder()

    def ask_after(path, warnings):
        rec.asked.append((path, warnings))
        return rec.choice

    def ask_replace(path):
        rec.asked_replace.append(path)
        return rec.replace

    original_progress = ctrl._on_progress

    def on_progress(fraction, message):
        rec.progress.append(fraction)
        original_progress(fraction, message)

    monkeypatch.setattr(ctrl, "ask_after_export", ask_after)
    monkeypatch.setattr(ctrl, "ask_replace", ask_replace)
    monkeypatch.setattr(ctrl, "show_error", lambda t, m: rec.errors.append((t, m)))
    monkeypatch.setattr(ctrl, "open_url", rec.opened.append)
    monkeypatch.setattr(ctrl, "_on_progress", on_progress)
    ctrl.recorder = rec
    yield ctrl
    if ctrl.is_running():
        ctrl.stop()
    assert not ctrl.is_running()


def _leftovers(folder: Path) -> list[str]:
    """Files in ``folder`` an export may have left: temporary files, partial PDFs."""
    return sorted(p.name for p in folder.iterdir())


def _big_plan() -> Plan:
    return hostile_plan(notes=2000, big=False)


def test_export_writes_the_pdf_and_offers_to_open_it(qtbot, controller, tmp_path):
    target = tmp_path / "plan.pdf"
    controller.recorder.choice = "open"
    plan = _plan()  # never saved: what is in memory is what is exported
    with qtbot.waitSignal(controller.finished, timeout=WAIT_MS) as blocker:
        controller.export(plan, target, ExportOptions(page_size="Letter"))
        assert controller.is_running()
        qtbot.waitUntil(lambda: controller._process is not None)
        # The child has its own copy: editing the plan now must not change the PDF.
        plan.details.title = "Changed while exporting"
    assert blocker.args == [target]
    text = pdfcheck.extract_text(target.read_bytes())
    assert "Harbour Bikes plan" in text
    assert "Changed while exporting" not in text
    assert "<b>before</b>" in text
    assert pdfcheck.page_size(target.read_bytes())[0] == 612
    assert controller.recorder.asked == [(target, ())]
    assert controller.recorder.opened == [QUrl.fromLocalFile(str(target))]
    assert not controller.is_running() and controller.progress_dialog is None
    assert controller.recorder.errors == []
    assert _leftovers(tmp_path) == ["plan.pdf"]


def test_the_plan_file_handed_to_the_child_is_removed(qtbot, controller, tmp_path):
    with qtbot.waitSignal(controller.finished, timeout=WAIT_MS):
        controller.export(_plan(), tmp_path / "plan.pdf", ExportOptions())
        assert controller.is_running() and controller._folder is None  # written next turn
        qtbot.waitUntil(lambda: controller._process is not None)
        folder = Path(controller._folder.name)
        assert (folder / "plan.json").is_file()
    assert not folder.exists()


def test_progress_reaches_the_dialog(qtbot, controller, tmp_path, monkeypatch):
    plan = _plan()
    plan.listening.notes = hostile_plan(notes=300, big=False).listening.notes
    seen: set[int] = set()
    controller.recorder.progress.clear()
    with qtbot.waitSignal(controller.finished, timeout=WAIT_MS):
        controller.export(plan, tmp_path / "plan.pdf", ExportOptions())
        qtbot.waitUntil(lambda: controller._process is not None)
        dialog = controller.progress_dialog
        set_value = dialog.setValue
        monkeypatch.setattr(dialog, "setValue", lambda value: (seen.add(value), set_value(value)))
    progress = controller.recorder.progress
    assert len(progress) >= 10 and progress == sorted(progress) and progress[-1] == 1.0
    assert len(seen) >= 10  # the bar moved all along, not in one jump


def test_names_that_look_like_options_are_passed_as_they_are(qtbot, controller, tmp_path):
    options = ExportOptions(consultant_name="-Ana --force", consultant_company="--help")
    with qtbot.waitSignal(controller.finished, timeout=WAIT_MS):
        controller.export(_plan(), tmp_path / "-plan.pdf", options)
    text = pdfcheck.extract_text((tmp_path / "-plan.pdf").read_bytes())
    assert "-Ana --force" in text and "--help" in text


def test_show_in_folder_opens_the_folder(qtbot, controller, tmp_path):
    controller.recorder.choice = "folder"
    with qtbot.waitSignal(controller.finished, timeout=WAIT_MS):
        controller.export(_plan(), tmp_path / "plan.pdf", ExportOptions())
    assert controller.recorder.opened == [QUrl.fromLocalFile(str(tmp_path))]


def test_an_existing_pdf_is_replaced_only_when_the_user_agrees(qtbot, controller, tmp_path):
    target = tmp_path / "plan.pdf"
    target.write_bytes(b"%PDF-1.4 the good old one")
    controller.recorder.replace = False
    controller.export(_plan(), target, ExportOptions())
    assert controller.recorder.asked_replace == [target]
    assert not controller.is_running()
    assert target.read_bytes() == b"%PDF-1.4 the good old one"
    controller.recorder.replace = True
    with qtbot.waitSignal(controller.finished, timeout=WAIT_MS):
        controller.export(_plan(), target, ExportOptions())
        qtbot.waitUntil(lambda: controller._process is not None)
        assert "--force" in controller._process.arguments()
    assert "Harbour Bikes plan" in pdfcheck.page_texts(target.read_bytes(), [1])[0]


def test_a_target_that_is_not_a_pdf_file_is_refused_at_once(qtbot, controller, tmp_path):
    other_plan = tmp_path / "other.json"
    other_plan.write_text("{}")
    with qtbot.waitSignal(controller.failed, timeout=5_000) as blocker:
        controller.export(_plan(), other_plan, ExportOptions(), replace=True)
    assert "not a PDF" in blocker.args[0] and str(other_plan) in blocker.args[0]
    assert not controller.is_running()
    assert other_plan.read_text() == "{}"


def test_cancel_leaves_the_old_pdf_alone(qtbot, controller, tmp_path):
    target = tmp_path / "plan.pdf"
    target.write_bytes(b"%PDF-1.4 the good old one")
    with qtbot.waitSignal(controller.cancelled, timeout=WAIT_MS):
        controller.export(_plan(), target, ExportOptions(), replace=True)
        controller.cancel()  # as if the user pressed Cancel in the progress dialog
    assert target.read_bytes() == b"%PDF-1.4 the good old one"
    assert controller.recorder.asked == []
    assert controller.recorder.errors == []
    assert not controller.is_running() and controller.progress_dialog is None
    assert _leftovers(tmp_path) == ["plan.pdf"]


def test_cancel_during_a_long_export_kills_the_child_and_leaves_no_file(
    qtbot, controller, tmp_path
):
    target = tmp_path / "plan.pdf"
    controller.export(_big_plan(), target, ExportOptions())
    qtbot.waitUntil(lambda: controller._process is not None)
    process = controller._process
    pid = process.processId()
    qtbot.waitUntil(lambda: any(f > 0.2 for f in controller.recorder.progress), timeout=WAIT_MS)
    with qtbot.waitSignal(controller.cancelled, timeout=WAIT_MS):
        button = controller.progress_dialog.findChild(QPushButton)
        assert button.text() == "Cancel"
        button.click()
    assert not controller.is_running() and controller.progress_dialog is None
    assert _leftovers(tmp_path) == []
    assert not _alive(pid)


def test_a_child_that_ignores_terminate_is_killed(qtbot, controller, tmp_path, monkeypatch):
    stubborn = (
        "import signal, sys, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
        'print(\'{"progress": 0.1, "message": "Stubborn"}\', flush=True); time.sleep(120)'
    )
    monkeypatch.setattr(module, "export_command", lambda: (sys.executable, ["-c", stubborn]))
    monkeypatch.setattr(child_command, "STOP_GRACE_MS", 300)
    controller.export(_plan(), tmp_path / "plan.pdf", ExportOptions())
    qtbot.waitUntil(lambda: controller.recorder.progress == [0.1], timeout=WAIT_MS)
    with qtbot.waitSignal(controller.cancelled, timeout=WAIT_MS):
        controller.cancel()
    assert not controller.is_running()


def test_a_failed_export_shows_a_human_error(qtbot, controller, tmp_path):
    target = tmp_path / "no such folder" / "plan.pdf"
    with qtbot.waitSignal(controller.failed, timeout=WAIT_MS) as blocker:
        controller.export(_plan(), target, ExportOptions())
    message = blocker.args[0]
    assert "does not exist" in message and "no such folder" in message
    assert controller.recorder.errors == [("The PDF could not be exported", message)]
    assert controller.recorder.asked == []
    assert controller.progress_dialog is None


def test_bad_logo_is_reported(qtbot, controller, tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"not an image at all")
    with qtbot.waitSignal(controller.failed, timeout=WAIT_MS) as blocker:
        controller.export(_plan(), tmp_path / "plan.pdf", ExportOptions(logo=logo))
    assert "logo" in blocker.args[0] and "PNG or JPEG" in blocker.args[0]


@pytest.mark.parametrize(
    ("script", "words"),
    [
        ("print('Traceback (most recent call last): boom'); raise SystemExit(3)", "exit code 3"),
        ("import os; os.abort()", "crashed"),
        ("print('{\"progress\": 0.5'); print('not json at all')", "could not read"),
    ],
    ids=["garbage-and-exit", "crash", "unreadable"],
)
def test_a_child_that_dies_or_prints_garbage_gives_a_clear_message(
    qtbot, controller, tmp_path, monkeypatch, script, words
):
    monkeypatch.setattr(module, "export_command", lambda: (sys.executable, ["-c", script]))
    target = tmp_path / "plan.pdf"
    with qtbot.waitSignal(controller.failed, timeout=WAIT_MS) as blocker:
        controller.export(_plan(), target, ExportOptions())
    message = blocker.args[0]
    assert "ended before it finished" in message and words in message
    assert str(target) in message and "Traceback" not in message
    assert controller.progress_dialog is None and not controller.is_running()


def test_a_child_that_cannot_start_gives_a_clear_message(qtbot, controller, tmp_path, monkeypatch):
    missing = str(tmp_path / "no-such-program")
    monkeypatch.setattr(module, "export_command", lambda: (missing, []))
    with qtbot.waitSignal(controller.failed, timeout=WAIT_MS) as blocker:
        controller.export(_plan(), tmp_path / "plan.pdf", ExportOptions())
    assert "could not be started" in blocker.args[0] and missing in blocker.args[0]
    assert controller.progress_dialog is None and not controller.is_running()


def test_confirm_stop_for_quit_stops_a_2000_note_export(qtbot, controller, tmp_path, monkeypatch):
    asked: list[object] = []
    answers = [False, True]

    def ask(parent):
        asked.append(parent)
        return answers.pop(0)

    monkeypatch.setattr(controller, "ask_stop_export", ask)
    assert controller.confirm_stop_for_quit(None) is True  # nothing running: no question
    assert asked == []
    target = tmp_path / "plan.pdf"
    controller.export(_big_plan(), target, ExportOptions())
    qtbot.waitUntil(lambda: controller._process is not None)
    pid = controller._process.processId()
    qtbot.waitUntil(lambda: any(f > 0.2 for f in controller.recorder.progress), timeout=WAIT_MS)
    window = controller.parent_widget
    assert controller.confirm_stop_for_quit(window) is False  # "keep exporting"
    assert controller.is_running()
    with qtbot.waitSignal(controller.cancelled, timeout=1000):
        assert controller.confirm_stop_for_quit(window) is True
    assert asked == [window, window]
    assert not controller.is_running() and controller.progress_dialog is None
    assert not _alive(pid)
    assert _leftovers(tmp_path) == []


def test_the_command_run_is_our_own(monkeypatch):
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert module.export_command() == (sys.executable, ["-m", "workbook"])
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert module.export_command() == (sys.executable, [])


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


def test_the_options_dialog_offers_the_plans_snapshots_and_is_off_by_default(qtbot):
    snapshots = (("s1", "Kick-off"), ("s2", "Before the workshop"))
    dialog = ExportOptionsDialog(ExportOptions(), snapshots=snapshots)
    qtbot.addWidget(dialog)
    box = dialog.changes_since
    choices = [box.itemText(i) for i in range(box.count())]
    assert choices == ["Not included", "Before the workshop", "Kick-off"]  # newest first
    assert dialog.options().report.changes_since == ""
    box.setCurrentIndex(2)
    options = dialog.options()
    assert options.report.changes_since == "s1"
    args = module.export_arguments(Path("plan.json"), Path("out.pdf"), options, force=False)
    assert "--changes-since=s1" in args and args.index("--changes-since=s1") < args.index("--")


def test_the_snapshot_chooser_is_disabled_without_snapshots(qtbot):
    dialog = ExportOptionsDialog(ExportOptions())
    qtbot.addWidget(dialog)
    assert not dialog.changes_since.isEnabled()
    args = module.export_arguments(Path("p.json"), Path("o.pdf"), dialog.options(), force=False)
    assert not [a for a in args if a.startswith("--changes-since")]


def _alive(pid: int) -> bool:
    """Whether process ``pid`` is still running (an ended one not yet reaped is not)."""
    import os

    if sys.platform.startswith("win") or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (ended, not yet reaped by Qt) counts as ended.
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return True


def test_the_plan_is_taken_a_piece_a_turn_then_written_at_the_next(qtbot, controller, tmp_path):
    """A big plan is taken over several turns of the event loop (a piece of its state a
    turn), then written out and the child started at the next: what it reads is the plan,
    whole."""
    import json

    plan = _big_plan()
    turns = []
    controller._starter.stepped.connect(lambda: turns.append(controller._process is None))
    with qtbot.waitSignal(controller.finished, timeout=WAIT_MS):
        controller.export(plan, tmp_path / "plan.pdf", ExportOptions())
        assert controller.is_running() and controller._process is None
        qtbot.waitUntil(lambda: controller._process is not None)
        handed = json.loads((Path(controller._folder.name) / "plan.json").read_bytes())
    assert len(turns) >= 2000 // state_steps.ROWS_PER_STEP
    assert handed == plan.model_dump(mode="json")


def test_cancel_before_the_child_starts_starts_none(qtbot, controller, tmp_path):
    from PySide6.QtCore import QCoreApplication

    with qtbot.waitSignal(controller.cancelled, timeout=1000):
        controller.export(_plan(), tmp_path / "plan.pdf", ExportOptions())
        assert controller.is_running()
        controller.cancel()
    for _ in range(5):  # the turn that would have started it comes and goes
        QCoreApplication.processEvents()
    assert not controller.is_running() and controller._process is None
    assert controller.recorder.errors == [] and _leftovers(tmp_path) == []


def test_the_hand_over_is_the_plans_own_json_even_with_text_utf8_cannot_hold(tmp_path):
    import json

    from workbook.model import plan_json_parts

    plan = _plan()
    plan.details.title = "Lone \ud800 surrogate"
    path = child_command.write_plan_file(plan_json_parts(plan), tmp_path)
    assert json.loads(path.read_bytes()) == plan.model_dump(mode="json")
    plan.details.title = "Plain again, with an é"
    path = child_command.write_plan_file(plan_json_parts(plan), tmp_path)
    assert json.loads(path.read_bytes()) == plan.model_dump(mode="json")
