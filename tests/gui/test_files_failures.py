"""When files misbehave: plans that fail to load or save, files changed on disk by someone
else, and plans locked by another session."""

from __future__ import annotations

import errno
import json

import pytest

from tests.core.test_session import dead_pid, foreign_lock
from tests.gui.conftest import write_plan
from workbook import session as plan_session
from workbook import storage
from workbook.locking import current_host, lock_path_for
from workbook.storage import PlanSaveError, load_plan

pytestmark = pytest.mark.gui

TITLE = ("details", "title")
ORG = ("details", "organisation")


def edit(window, path=TITLE, text="Edited"):
    window.document.set_value(path, text)


# ---------------------------------------------------------------- failures


def test_a_plan_that_fails_to_load_is_reported_and_left_untouched(window, answers, tmp_path):
    path = tmp_path / "broken.json"
    path.write_bytes(b'{"format": "social-media-value-workbook", "details": {"title": 5}}')
    before = path.read_bytes()
    assert not window.files.open_path(path)
    ((_parent, title, message),) = answers.messages("show_error")
    assert title == "Could not open the plan" and "broken.json" in message
    assert path.read_bytes() == before
    assert not window.has_plan and not lock_path_for(path).exists()


@pytest.mark.parametrize(
    ("failure", "words"),
    [
        (
            PlanSaveError("x", "“plan.json” could not be saved: the folder is read-only."),
            "the folder is read-only",
        ),
        (PermissionError(errno.EACCES, "Permission denied"), "that you may use this folder"),
        (OSError(errno.ENOSPC, "No space left on device"), "The disk is full"),
    ],
    ids=["storage-error", "read-only-folder", "disk-full"],
)
def test_a_failed_save_says_why_offers_save_as_and_keeps_the_edits(
    window, answers, tmp_path, monkeypatch, failure, words
):
    path = write_plan(tmp_path / "plan.json", title="Before")
    window.files.open_path(path)
    edit(window, TITLE, "Precious words")

    def fail(*_args, **_kwargs):
        raise failure

    monkeypatch.setattr(plan_session, "save_plan", fail)
    answers.set("ask_save_failed", "cancel")
    assert not window.files.save()
    ((_parent, message),) = answers.messages("ask_save_failed")
    assert words in message and "plan.json" in message
    assert window.isWindowModified()
    assert window.document.plan.details.title == "Precious words"
    assert load_plan(path).plan.details.title == "Before"

    # Save As somewhere that works.
    answers.set("ask_save_failed", "save_as")
    elsewhere = tmp_path / "elsewhere.json"
    answers.set("ask_save_path", elsewhere)
    monkeypatch.setattr(
        plan_session,
        "save_plan",
        lambda plan, p, **kw: fail() if p == path.absolute() else storage.save_plan(plan, p, **kw),
    )
    assert window.files.save()
    assert load_plan(elsewhere).plan.details.title == "Precious words"
    assert not window.isWindowModified()


# ---------------------------------------------------------------- changed on disk


@pytest.fixture
def conflict(window, tmp_path):
    path = write_plan(tmp_path / "plan.json", title="Original")
    window.files.open_path(path)
    edit(window, ORG, "My edit")
    write_plan(path, title="Changed elsewhere")
    return path


def test_changed_on_disk_overwrite(window, answers, conflict):
    answers.set("ask_changed_on_disk", "overwrite")
    assert window.files.save()
    on_disk = load_plan(conflict).plan
    assert on_disk.details.organisation == "My edit" and on_disk.details.title == "Original"
    assert not window.isWindowModified()


def test_changed_on_disk_reload(window, answers, conflict):
    answers.set("ask_changed_on_disk", "reload")
    assert not window.files.save()
    assert window.document.plan.details.title == "Changed elsewhere"
    assert window.document.plan.details.organisation == ""
    # What was typed is kept as a "before a reload" snapshot, not yet in the file.
    kept = window.document.session.snapshots()[-1]
    assert kept.state["details"]["organisation"] == "My edit"
    assert window.isWindowModified()
    edit(window, ORG, "After reload")
    assert window.files.save()  # the new fingerprint is used
    assert load_plan(conflict).plan.details.organisation == "After reload"


def test_changed_on_disk_save_as(window, answers, conflict, tmp_path):
    answers.set("ask_changed_on_disk", "save_as")
    answers.set("ask_save_path", tmp_path / "mine.json")
    assert window.files.save()
    assert load_plan(tmp_path / "mine.json").plan.details.organisation == "My edit"
    assert load_plan(conflict).plan.details.title == "Changed elsewhere"


def test_changed_on_disk_cancel(window, answers, conflict):
    answers.set("ask_changed_on_disk", "cancel")
    assert not window.files.save()
    assert window.isWindowModified()
    assert load_plan(conflict).plan.details.title == "Changed elsewhere"


# ---------------------------------------------------------------- locks


def test_plan_open_elsewhere_can_be_opened_read_only(window, answers, tmp_path):
    path = write_plan(tmp_path / "plan.json", title="Shared plan")
    foreign_lock(path)
    answers.set("ask_locked", "read_only")
    assert window.files.open_path(path)
    ((_parent, _path, holder, stale),) = answers.messages("ask_locked")
    assert "anna" in holder and "other-laptop" in holder and not stale
    assert "(read-only)" in window.windowTitle()
    assert "Read-only" in window.mode_label.text()
    assert not window.actions.save.isEnabled() and window.actions.save_as.isEnabled()

    edit(window, ORG, "My notes")
    copy = tmp_path / "my-copy.json"
    answers.set("ask_save_path", copy)
    assert window.files.save()  # Save in read-only mode is Save As
    assert load_plan(copy).plan.details.organisation == "My notes"
    assert load_plan(path).plan.details.organisation == ""
    assert "(read-only)" not in window.windowTitle() and window.actions.save.isEnabled()
    assert json.loads(lock_path_for(path).read_text())["user"] == "anna"


def test_plan_open_elsewhere_can_be_taken_over(window, answers, tmp_path):
    path = write_plan(tmp_path / "plan.json")
    foreign_lock(path)
    answers.set("ask_locked", "take_over")
    assert window.files.open_path(path)
    assert json.loads(lock_path_for(path).read_text())["host"] == current_host()
    edit(window, ORG, "Mine now")
    assert window.files.save()
    assert load_plan(path).plan.details.organisation == "Mine now"


def test_plan_open_elsewhere_cancel(window, answers, tmp_path):
    path = write_plan(tmp_path / "plan.json")
    foreign_lock(path)
    answers.set("ask_locked", "cancel")
    assert not window.files.open_path(path)
    assert not window.has_plan


def test_stale_lock_is_offered_for_take_over(window, answers, tmp_path):
    path = write_plan(tmp_path / "plan.json")
    foreign_lock(path, host=current_host(), pid=dead_pid())
    answers.set("ask_locked", "take_over")
    assert window.files.open_path(path)
    ((_parent, _path, _holder, stale),) = answers.messages("ask_locked")
    assert stale
    assert not window.document.session.read_only and window.document.session.lock.is_held


def test_lock_is_released_when_the_plan_closes(window, tmp_path):
    path = write_plan(tmp_path / "plan.json")
    window.files.open_path(path)
    assert lock_path_for(path).exists()
    window.close_plan()
    assert not lock_path_for(path).exists()


# ---------------------------------------------------------------- names and folders


def test_a_file_name_too_long_for_the_system_gets_a_message(window, answers, tmp_path):
    path = tmp_path / ("a" * 300 + ".json")
    assert not window.files.open_path(path)
    ((_parent, title, message),) = answers.messages("show_error")
    assert title == "Could not open the plan"
    assert "too long" in message
    assert not window.has_plan


@pytest.fixture
def unreadable_folder(tmp_path, monkeypatch):
    """A recent plan in a folder that can no longer be read (as a non-root user after a
    permission change; root reads everything, so the refusal is stood in for here)."""
    import os

    folder = tmp_path / "locked away"
    folder.mkdir()
    plan = write_plan(folder / "plan.json", title="Behind a locked door")
    inside = str(folder) + os.sep

    def refuse(real):
        def guarded(path, *args, **kwargs):
            if isinstance(path, str | os.PathLike) and os.fspath(path).startswith(inside):
                raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
            return real(path, *args, **kwargs)

        return guarded

    for name in ("stat", "open", "lstat", "scandir"):
        monkeypatch.setattr(os, name, refuse(getattr(os, name)))
    monkeypatch.setattr("builtins.open", refuse(open))
    return plan


def test_a_recent_plan_in_an_unreadable_folder_from_the_menu(window, answers, unreadable_folder):
    from workbook.gui.settings import RecentPlan

    window.settings.add_recent(RecentPlan(unreadable_folder, "Behind a locked door"))
    window.recent_menu.aboutToShow.emit()  # File ▸ Open Recent is filled as it opens
    entry = next(a for a in window.recent_menu.actions() if "plan.json" in a.text())
    assert not entry.isEnabled()
    assert not window.files.open_path(unreadable_folder)
    ((_parent, title, message),) = answers.messages("show_error")
    assert title == "Could not open the plan" and "plan.json" in message
    assert "Traceback" not in message


def test_a_recent_plan_in_an_unreadable_folder_from_the_start_page(
    window, answers, unreadable_folder
):
    from workbook.gui.settings import RecentPlan

    window.settings.add_recent(RecentPlan(unreadable_folder, "Behind a locked door"))
    window.start_page.refresh_recent()
    item = window.start_page.recent.topLevelItem(0)
    assert item.text(2) == "file not found"
    window.start_page.recent.itemActivated.emit(item, 0)
    ((_parent, title, _message),) = answers.messages("show_error")
    assert title == "Could not open the plan"
    assert not window.has_plan


# ---------------------------------------------------------------- damaged input in the window


def test_notes_with_one_id_open_apart_and_each_row_is_its_own(window, answers, tmp_path):
    """Two notes copied in a text editor share an id: the window says so, and clicking,
    typing and deleting reach exactly the row the user chose."""
    from workbook.gui.pages import PageId

    path = tmp_path / "copied.json"
    note = {"id": "same-id-0001", "noted_on": "2026-03-02", "said": "First note"}
    path.write_text(
        json.dumps(
            {
                "format": "social-media-value-workbook",
                "schema_version": 1,
                "listening": {"notes": [note, {**note, "said": "Second note"}]},
            }
        ),
        encoding="utf-8",
    )
    assert window.files.open_path(path)
    ((_parent, _path, warnings),) = answers.messages("show_load_warnings")
    assert any("id" in w.lower() for w in warnings)
    notes = window.document.plan.listening.notes
    assert notes[0].id != notes[1].id

    window.go_to_page(PageId.LISTENING)
    page = window.pages[PageId.LISTENING]
    page.tab_widget.setCurrentIndex(1)
    table = page.notes_panel.table
    table.select_row(notes[1].id)
    assert page.notes_panel.detail.blocks["said"].editor.toPlainText() == "Second note"
    table.delete_selected()
    assert [n.said for n in window.document.plan.listening.notes] == ["First note"]


def test_opening_a_named_pipe_is_refused_at_once(window, answers, tmp_path):
    import os

    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    assert not window.files.open_path(fifo)  # returns, never waits for a writer
    ((_parent, title, message),) = answers.messages("show_error")
    assert title == "Could not open the plan" and "pipe.json" in message
    assert "named pipe" in message


def test_a_damaged_recovery_copy_is_named_at_start_and_kept(window, answers):
    from workbook.appdirs import recovery_dir

    folder = recovery_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "crashed-1.recovery.json").write_text("{ not json", encoding="utf-8")
    assert not window.files.offer_recovery()
    ((_parent, title, message),) = answers.messages("show_info")
    assert title == "Damaged recovery copies"
    kept = list((folder / "damaged").iterdir())
    assert kept and kept[0].read_text(encoding="utf-8") == "{ not json"
    assert str(folder / "damaged") in message or "damaged" in message
