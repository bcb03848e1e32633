"""The exception hook: an unexpected error writes the recovery copy first, then tells the user,
and the window keeps working."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from workbook.appdirs import recovery_dir
from workbook.gui.crash import CrashHandler, describe_exception
from workbook.recovery import RecoveryStore

pytestmark = [pytest.mark.gui, pytest.mark.qt_no_exception_capture]

TITLE = ("details", "title")


@pytest.fixture
def hooked(window, answers):
    """The window with the app's crash handler installed, as run() does."""
    from workbook.gui.app import install_crash_handler

    handler = install_crash_handler([window])
    yield window
    handler.uninstall()


def test_an_exception_in_a_slot_saves_then_reports_and_the_window_goes_on(
    hooked, answers, qtbot, capsys
):
    window = hooked
    window.files.new_plan()
    window.document.set_value(TITLE, "Words typed before the bug")

    def buggy() -> None:
        raise ZeroDivisionError("division by zero")

    button = QPushButton("Bug", window)
    button.clicked.connect(buggy)
    button.show()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    ((_parent, summary, details, note),) = answers.messages("show_exception")
    assert "ZeroDivisionError: division by zero" in summary
    assert "recovery copy of your plan was written" in note
    assert "Traceback" in details and "buggy" in details
    (copy,) = RecoveryStore(recovery_dir()).list()
    restored = RecoveryStore(recovery_dir()).load(copy)
    assert restored.plan.details.title == "Words typed before the bug"
    assert "ZeroDivisionError" in capsys.readouterr().err  # also on stderr for bug reports

    organisation = ("details", "organisation")
    window.document.set_value(organisation, "Still working")  # the window is still usable
    assert window.document.plan.details.organisation == "Still working"
    window.actions.undo.trigger()
    assert window.document.plan.details.organisation == ""
    assert window.document.plan.details.title == "Words typed before the bug"


def test_an_exception_in_a_worker_thread_is_reported_on_the_ui_thread(hooked, answers, qtbot):
    window = hooked
    window.files.new_plan()
    window.document.set_value(TITLE, "Unsaved")
    reported_on = []
    original = answers.dialogs.show_exception

    def record(*args):
        reported_on.append(threading.current_thread())
        original(*args)

    answers.monkeypatch.setattr(answers.dialogs, "show_exception", record)

    def work() -> None:
        raise RuntimeError("worker broke")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: bool(reported_on))
    assert reported_on == [threading.main_thread()]
    ((_parent, summary, _details, _note),) = answers.messages("show_exception")
    assert "worker broke" in summary
    assert RecoveryStore(recovery_dir()).list()


def test_a_failing_recovery_write_is_still_reported(window, answers):
    reports = []

    def broken_save():
        raise OSError("disk gone")

    handler = CrashHandler(broken_save, lambda s, d, n: reports.append((s, d, n)))
    handler._handle("The app ran into a problem", "Traceback: ...")
    ((summary, details, note),) = reports
    assert "could not be written" in details and "disk gone" in details
    assert "could not be written" in note and "nothing you typed is lost" not in note


@pytest.mark.parametrize(
    ("state", "words"),
    [
        ("no plan", "No plan was open"),
        ("saved plan", "no unsaved changes"),
        ("unsaved plan", "recovery copy of your plan was written"),
    ],
)
def test_the_crash_dialog_says_what_is_true_about_the_work(hooked, answers, tmp_path, state, words):
    window = hooked
    if state != "no plan":
        window.files.new_plan()
    if state == "unsaved plan":
        window.document.set_value(TITLE, "Typed")
    window.files.autosaver.wait()
    sys.excepthook(RuntimeError, RuntimeError("boom"), None)
    ((_parent, _summary, _details, note),) = answers.messages("show_exception")
    assert words in note


def test_no_dialog_storm_while_reporting(window):
    reports = []
    handler = CrashHandler(
        lambda: "", lambda s, d, n: (reports.append(s), handler._handle("again", ""))
    )
    handler._handle("first", "")
    assert reports == ["first"]


def test_install_and_uninstall_restore_the_previous_hooks():
    before_sys, before_thread = sys.excepthook, threading.excepthook
    handler = CrashHandler(lambda: "", lambda s, d, n: None)
    handler.install()
    assert sys.excepthook is not before_sys and threading.excepthook is not before_thread
    handler.uninstall()
    assert sys.excepthook is before_sys and threading.excepthook is before_thread


def test_the_summary_is_one_plain_sentence():
    text = describe_exception(KeyError, KeyError("notes"))
    assert text == "The app ran into a problem it did not expect (KeyError: 'notes')."
    assert describe_exception(ValueError, ValueError("")) == (
        "The app ran into a problem it did not expect (ValueError)."
    )
