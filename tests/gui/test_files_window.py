"""Document flows of the main window: New, Open, Save, Save As, Recent, Close, Quit, drag and
drop, and the unsaved-changes prompt."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent

from tests.gui.conftest import write_plan
from workbook.locking import lock_path_for
from workbook.storage import load_plan

pytestmark = pytest.mark.gui

TITLE = ("details", "title")
ORG = ("details", "organisation")


def edit(window, path=TITLE, text="Edited"):
    window.document.set_value(path, text)


# ---------------------------------------------------------------- new, save, save as, title


def test_new_plan_shows_untitled_and_marks_edits(window):
    assert not window.has_plan and window.windowTitle() == "Social Media Value Workbook"
    assert not window.actions.save.isEnabled()
    window.files.new_plan()
    assert window.has_plan and window.central.currentWidget() is window.workspace
    assert window.windowTitle() == "Untitled plan[*] — Social Media Value Workbook"
    assert not window.isWindowModified()
    edit(window, TITLE, "Spring campaign")
    assert window.windowTitle().startswith("Spring campaign[*]")
    assert window.isWindowModified()


def test_save_untitled_asks_for_a_name_then_saves_in_place(window, answers, tmp_path):
    window.files.new_plan()
    edit(window, TITLE, "Spring campaign")
    target = tmp_path / "spring.json"
    answers.set(
        "ask_save_path",
        lambda _parent, suggested: (
            (suggested.name == "Spring campaign.json" or pytest.fail(str(suggested))) and target
        ),
    )
    assert window.files.save()
    assert load_plan(target).plan.details.title == "Spring campaign"
    assert not window.isWindowModified() and window.document.file_path == target
    assert window.file_label.text() == str(target)
    assert lock_path_for(target).exists()

    edit(window, ORG, "Wrenford Bakery")
    assert window.files.save()  # no dialog the second time
    assert load_plan(target).plan.details.organisation == "Wrenford Bakery"
    assert answers.names().count("ask_save_path") == 1
    assert [p.path for p in window.settings.recent_plans] == [target]


def test_save_as_writes_a_new_file_and_moves_the_lock(window, answers, tmp_path):
    first = write_plan(tmp_path / "first.json", title="First")
    assert window.files.open_path(first)
    second = tmp_path / "second.json"
    answers.set("ask_save_path", second)
    edit(window, ORG, "Copy org")
    assert window.files.save_as()
    assert load_plan(second).plan.details.organisation == "Copy org"
    assert load_plan(first).plan.details.organisation == ""
    assert lock_path_for(second).exists() and not lock_path_for(first).exists()
    assert window.document.file_path == second


def test_cancelled_save_as_keeps_everything(window, answers):
    window.files.new_plan()
    edit(window)
    answers.set("ask_save_path", None)
    assert not window.files.save()
    assert window.isWindowModified() and window.document.plan.details.title == "Edited"


# ---------------------------------------------------------------- the unsaved-changes prompt


@pytest.mark.parametrize("action", ["new", "open", "close_plan", "close_window", "quit"])
def test_unsaved_prompt_cancel_keeps_the_plan(window, answers, tmp_path, action):
    other = write_plan(tmp_path / "other.json", title="Other")
    window.show()
    window.files.new_plan()
    edit(window, TITLE, "Unsaved work")
    answers.set("ask_unsaved_changes", "cancel")
    answers.set("ask_open_path", other)
    {
        "new": window.actions.new.trigger,
        "open": window.actions.open.trigger,
        "close_plan": window.actions.close.trigger,
        "close_window": window.close,
        "quit": window.actions.quit.trigger,
    }[action]()
    assert answers.names().count("ask_unsaved_changes") == 1
    assert window.isVisible() and window.has_plan
    assert window.document.plan.details.title == "Unsaved work" and window.isWindowModified()


@pytest.mark.parametrize("action", ["new", "open", "close_plan", "close_window"])
def test_unsaved_prompt_discard_lets_the_plan_go(window, answers, tmp_path, action):
    other = write_plan(tmp_path / "other.json", title="Other")
    window.show()
    window.files.new_plan()
    edit(window, TITLE, "Throw away")
    answers.set("ask_unsaved_changes", "discard")
    answers.set("ask_open_path", other)
    {
        "new": window.files.new_plan,
        "open": window.files.open_dialog,
        "close_plan": window.close_plan,
        "close_window": window.close,
    }[action]()
    if action == "close_window":
        assert not window.isVisible()
        return
    assert window.document.plan.details.title != "Throw away"
    if action == "close_plan":
        assert not window.has_plan and window.central.currentWidget() is window.start_page
    elif action == "open":
        assert window.document.plan.details.title == "Other"


def test_unsaved_prompt_save_saves_before_opening(window, answers, tmp_path):
    mine = write_plan(tmp_path / "mine.json", title="Mine")
    other = write_plan(tmp_path / "other.json", title="Other")
    window.files.open_path(mine)
    edit(window, ORG, "Saved on the way out")
    answers.set("ask_unsaved_changes", "save")
    assert window.files.open_path(other)
    assert load_plan(mine).plan.details.organisation == "Saved on the way out"
    assert window.document.plan.details.title == "Other"
    assert not lock_path_for(mine).exists() and lock_path_for(other).exists()


def test_closing_the_window_saves_when_asked(window, answers, tmp_path):
    mine = write_plan(tmp_path / "mine.json")
    window.show()
    window.files.open_path(mine)
    edit(window, ORG, "Kept")
    answers.set("ask_unsaved_changes", "save")
    window.close()
    assert not window.isVisible()
    assert load_plan(mine).plan.details.organisation == "Kept"
    assert not lock_path_for(mine).exists()


def test_unmodified_plan_closes_without_a_question(window, answers, tmp_path):
    window.files.open_path(write_plan(tmp_path / "mine.json"))
    window.show()
    window.close()
    assert not window.isVisible() and answers.asked == []


# ---------------------------------------------------------------- open, recent, drag and drop


def test_open_adds_to_recent_and_the_recent_menu_opens_it(window, tmp_path):
    first = write_plan(tmp_path / "first.json", title="First", organisation="Org one")
    second = write_plan(tmp_path / "second.json", title="Second")
    window.files.open_path(first)
    window.files.open_path(second)
    assert [p.path for p in window.settings.recent_plans] == [second, first]
    assert window.settings.recent_plans[1].organisation == "Org one"
    window.recent_menu.aboutToShow.emit()
    entries = [a for a in window.recent_menu.actions() if a.text().startswith("&")]
    assert entries[1].text() == "&2 Org one — first.json"
    entries[1].trigger()
    assert window.document.plan.details.title == "First"


def test_opening_the_open_file_again_changes_nothing(window, answers, tmp_path):
    path = write_plan(tmp_path / "plan.json")
    window.files.open_path(path)
    edit(window)
    assert window.files.open_path(path)
    assert answers.asked == [] and window.document.plan.details.title == "Edited"


def test_dropping_a_plan_file_opens_it(window, qtbot, tmp_path):
    path = write_plan(tmp_path / "dropped.json", title="Dropped plan")
    window.show()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    assert event.isAccepted()
    qtbot.waitUntil(lambda: window.document.plan.details.title == "Dropped plan")
    assert window.document.file_path == path


def test_dropping_something_else_is_refused(window, tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(text))])
    event = QDropEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    event.setAccepted(False)
    window.dropEvent(event)
    assert not event.isAccepted() and not window.has_plan


def test_quit_closes_every_window_and_stops_when_one_is_kept(make_window, answers):
    first, second = make_window(), make_window()
    for window in (first, second):
        window.show()
        window.files.new_plan()
        window.document.set_value(TITLE, "Unsaved")
    answers.set("ask_unsaved_changes", "discard", "cancel")
    first.actions.quit.trigger()
    assert not first.isVisible() and second.isVisible()  # the user kept the second open
    answers.set("ask_unsaved_changes", "discard")
    second.actions.quit.trigger()
    assert not second.isVisible()
