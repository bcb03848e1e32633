"""Autosave and crash recovery: background recovery copies, restore after a crash, keep or
discard, clean close, and "save automatically to the file"."""

from __future__ import annotations

import threading

import pytest

from tests.gui.conftest import write_plan
from workbook.appdirs import recovery_dir
from workbook.gui.autosave import new_session_id, session_is_running
from workbook.recovery import RecoveryStore
from workbook.storage import load_plan

pytestmark = pytest.mark.gui

TITLE = ("details", "title")
ORG = ("details", "organisation")
CRASHED = "crashed-session"
"""A session id that belongs to no running process: what a crashed app leaves behind."""


def copies():
    return RecoveryStore(recovery_dir()).list()


def test_an_edit_writes_a_recovery_copy_and_not_the_users_file(window, qtbot, tmp_path):
    path = write_plan(tmp_path / "plan.json", title="Saved title")
    before = path.read_bytes()
    window.files.open_path(path)
    with qtbot.waitSignal(window.autosaver.recovery_written, timeout=5000):
        window.document.set_value(TITLE, "Typed but not saved")
    (copy,) = copies()
    assert copy.original_path == path.absolute()
    assert RecoveryStore(recovery_dir()).load(copy).details.title == "Typed but not saved"
    assert path.read_bytes() == before
    assert window.statusBar().currentMessage() == "Recovery copy written"


def test_the_write_happens_off_the_ui_thread(window, qtbot):
    """A slow disk must not freeze typing: start_write returns while the copy is still
    being written, and the writing thread is not the UI thread."""
    release = threading.Event()
    threads = []
    real_write = window.files.recovery_store.write

    def slow_write(*args, **kwargs):
        threads.append(threading.current_thread())
        assert release.wait(10)
        return real_write(*args, **kwargs)

    window.files.recovery_store.write = slow_write
    window.files.new_plan()
    window.document.set_value(TITLE, "First")
    try:
        window.autosaver.start_write()
        qtbot.waitUntil(lambda: bool(threads))  # the worker is inside write(), blocked
        assert window.autosaver.pending and copies() == []
        window.document.set_value(TITLE, "Typed during the write")  # the UI is free
        window.autosaver.start_write()  # asks for another write after this one
    finally:
        release.set()
    qtbot.waitUntil(
        lambda: (
            bool(copies())
            and RecoveryStore(recovery_dir()).load(copies()[0]).details.title
            == "Typed during the write"
        )
    )
    assert all(t is not threading.main_thread() for t in threads)
    assert len(threads) == 2


def test_restore_after_a_crash_brings_back_every_edit(make_window, answers, tmp_path):
    crashed = make_window(session_id=CRASHED)
    crashed.files.new_plan()
    crashed.document.set_value(TITLE, "Workshop plan")
    crashed.document.set_value(ORG, "Wrenford Physio")
    crashed.autosaver.write_now()
    # The crashed app never closed cleanly: its copy is left behind.

    answers.set("ask_recovery", ("restore", 0))
    window = make_window()
    assert window.files.offer_recovery()
    ((_parent, items),) = answers.messages("ask_recovery")
    assert items[0].title == "Workshop plan" and items[0].original is None
    plan = window.document.plan
    assert (plan.details.title, plan.details.organisation) == ("Workshop plan", "Wrenford Physio")
    assert window.isWindowModified() and window.document.is_modified
    assert [c.session_id for c in copies()] == [window.autosaver.session_id]


def test_restored_plan_keeps_its_file_and_can_be_saved(make_window, answers, tmp_path):
    path = write_plan(tmp_path / "plan.json", title="On disk")
    crashed = make_window(session_id=CRASHED)
    crashed.files.open_path(path)
    crashed.document.set_value(ORG, "Unsaved org")
    crashed.autosaver.write_now()
    crashed.document.session.close()  # a crashed process holds no lock any more

    answers.set("ask_recovery", ("restore", 0))
    window = make_window()
    window.files.offer_recovery()
    assert window.document.file_path == path.absolute()
    assert load_plan(path).plan.details.organisation == ""
    assert window.files.save()
    assert load_plan(path).plan.details.organisation == "Unsaved org"
    assert copies() == []


def test_keep_for_later_asks_again_next_time(make_window, answers):
    crashed = make_window(session_id=CRASHED)
    crashed.files.new_plan()
    crashed.document.set_value(TITLE, "Keep me")
    crashed.autosaver.write_now()

    answers.set("ask_recovery", ("keep", 0), ("discard", 0))
    assert not make_window().files.offer_recovery()
    assert [c.title for c in copies()] == ["Keep me"]
    later = make_window()
    assert not later.files.offer_recovery()  # this time the user discards it
    assert copies() == []
    assert not later.has_plan


def test_copies_of_running_sessions_are_not_offered(make_window, answers):
    other = make_window()  # another window of this app, still open
    other.files.new_plan()
    other.document.set_value(TITLE, "Still being edited")
    other.autosaver.write_now()
    assert session_is_running(other.autosaver.session_id)
    assert not make_window().files.offer_recovery()
    assert answers.asked == []


def test_session_ids_name_the_process():
    assert session_is_running(new_session_id()) is False  # not registered by a window
    assert session_is_running("1-abcdef12-some_other_host") is False
    assert session_is_running("not-a-session") is False


def test_a_clean_close_removes_the_recovery_copy(window, answers, qtbot):
    window.show()
    window.files.new_plan()
    with qtbot.waitSignal(window.autosaver.recovery_written, timeout=5000):
        window.document.set_value(TITLE, "Draft")
    assert copies()
    answers.set("ask_unsaved_changes", "discard")
    window.close()
    assert copies() == []


def test_saving_removes_the_recovery_copy(window, answers, qtbot, tmp_path):
    window.files.new_plan()
    with qtbot.waitSignal(window.autosaver.recovery_written, timeout=5000):
        window.document.set_value(TITLE, "Draft")
    answers.set("ask_save_path", tmp_path / "draft.json")
    window.files.save()
    assert copies() == []


def test_save_automatically_to_the_file(make_window, settings, qtbot, tmp_path):
    settings.save_to_file_automatically = True
    window = make_window()
    path = write_plan(tmp_path / "plan.json", title="Before")
    window.files.open_path(path)
    with qtbot.waitSignal(window.autosaver.file_saved, timeout=5000):
        window.document.set_value(TITLE, "Saved by itself")
    assert load_plan(path).plan.details.title == "Saved by itself"
    assert not window.isWindowModified()
    # The next manual save does not see its own automatic save as a change on disk.
    window.document.set_value(ORG, "Manual")
    window.autosaver.wait()
    assert window.files.save()
    assert load_plan(path).plan.details.organisation == "Manual"


def test_automatic_file_saving_stops_when_the_file_changed_elsewhere(
    make_window, settings, qtbot, tmp_path
):
    settings.save_to_file_automatically = True
    window = make_window()
    path = write_plan(tmp_path / "plan.json", title="Before")
    window.files.open_path(path)
    write_plan(path, title="Someone else's")
    with qtbot.waitSignal(window.autosaver.file_changed_on_disk, timeout=5000):
        window.document.set_value(ORG, "Mine")
    assert load_plan(path).plan.details.title == "Someone else's"
    assert "changed elsewhere" in window.statusBar().currentMessage()
    assert window.isWindowModified() and copies()


def test_automatic_saving_is_off_by_default(window, qtbot, tmp_path):
    path = write_plan(tmp_path / "plan.json", title="Before")
    window.files.open_path(path)
    with qtbot.waitSignal(window.autosaver.recovery_written, timeout=5000):
        window.document.set_value(TITLE, "Not in the file")
    assert load_plan(path).plan.details.title == "Before"


def test_a_failing_recovery_folder_is_reported_in_the_status_bar(window, qtbot):
    def broken(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    window.files.recovery_store.write = broken
    window.files.new_plan()
    with qtbot.waitSignal(window.autosaver.failed, timeout=5000):
        window.document.set_value(TITLE, "x")
    assert "recovery copy could not be written" in window.statusBar().currentMessage()
    assert "Permission denied" in window.statusBar().currentMessage()
