"""File ▸ History in the window: taking a snapshot, the Snapshots and compare window (list,
comparison with underlined and struck-through words, restore as one undo step), and the
snapshots the window takes by itself (the day's first edit, before an export, before a
reload)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from tests.gui.conftest import write_plan
from workbook.model import SnapshotKind, plan_state

pytestmark = pytest.mark.gui

INTENT = ("planning", "intent")
NOTES = ("listening", "notes")
MONDAY = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
STARTS_WITH = Qt.MatchFlag.MatchStartsWith


@pytest.fixture
def bakery(window):
    """The bakery example open in the window, with a fixed clock."""
    window.files.open_example("bakery")
    window.document.clock = lambda: MONDAY
    return window


@pytest.fixture
def on_file(window, tmp_path):
    """A plan file open in the window (the day's first edit counts only for files)."""
    path = write_plan(tmp_path / "plan.json", title="Spring plan")
    assert window.files.open_path(path)
    return window


def fragments(view):
    """(text, underlined, struck through) for each run of text the comparison shows."""
    out = []
    block = view.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            form = fragment.charFormat()
            out.append((fragment.text(), form.fontUnderline(), form.fontStrikeOut()))
            iterator += 1
        block = block.next()
    return out


def open_view(window):
    from workbook.gui.snapshots_view import show_snapshots

    view = show_snapshots(window)
    assert view is not None
    return view


# ---------------------------------------------------------------- taking one


def test_the_snapshot_dialog_wants_a_name_the_plan_does_not_have(qtbot):
    from workbook.gui.snapshots_view import TakeSnapshotDialog

    dialog = TakeSnapshotDialog(["Spring review", "Before an export"])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    assert dialog.problem.isVisible() and "Give the snapshot a name" in dialog.problem.text()
    assert dialog.result() != TakeSnapshotDialog.DialogCode.Accepted

    dialog.name.setText("  spring   REVIEW ")
    dialog.accept()
    assert "already has a snapshot called “Spring review”" in dialog.problem.text()
    assert dialog.isVisible()

    dialog.name.setText("After the  workshop")
    dialog.note.setText(" Agreed with Priya ")
    dialog.accept()
    assert dialog.result() == TakeSnapshotDialog.DialogCode.Accepted
    assert dialog.values() == ("After the workshop", "Agreed with Priya")


def test_take_snapshot_keeps_the_plan_and_marks_it_modified(bakery, monkeypatch):
    from workbook.gui.snapshots_view import TakeSnapshotDialog

    asked = []
    monkeypatch.setattr(
        TakeSnapshotDialog,
        "ask",
        classmethod(lambda cls, parent, taken: asked.append(taken) or ("Before", "A note")),
    )
    assert not bakery.isWindowModified()
    bakery.actions.take_snapshot.trigger()
    (snapshot,) = bakery.document.session.snapshots()
    assert (snapshot.name, snapshot.note, snapshot.kind) == ("Before", "A note", SnapshotKind.NAMED)
    assert snapshot.taken_at == MONDAY
    assert snapshot.state["planning"]["intent"] == bakery.document.plan.planning.intent
    assert bakery.isWindowModified()
    assert asked == [[]]
    assert "Took the snapshot “Before”" in bakery.statusBar().currentMessage()


def test_the_keys_are_in_the_menu_and_the_f1_list(bakery):
    from workbook.gui.help_menu import shortcut_lines

    actions = bakery.actions
    assert actions.take_snapshot.shortcut().toString() == "Ctrl+Alt+S"
    assert actions.compare_snapshots.shortcut().toString() == "Ctrl+Shift+D"
    history = bakery.menuBar().findChild(type(bakery.recent_menu), "history_menu")
    assert history.actions() == [actions.take_snapshot, actions.compare_snapshots]
    lines = shortcut_lines(actions)
    assert "  Take snapshot: Ctrl+Alt+S" in lines
    assert "  Snapshots and compare: Ctrl+Shift+D" in lines
    assert any("F8, Shift+F8" in line for line in lines)


# ---------------------------------------------------------------- the list and the comparison


def test_the_list_shows_each_snapshot_newest_first(bakery):
    document = bakery.document
    document.take_snapshot("Spring review", "Sent to the client")
    document.set_value(INTENT, "Bread for the town.")
    document.clock = lambda: MONDAY + timedelta(hours=2)
    document.take_automatic_snapshot(SnapshotKind.BEFORE_EXPORT)
    view = open_view(bakery)
    rows = [
        [view.tree.topLevelItem(i).text(c) for c in range(4)]
        for i in range(view.tree.topLevelItemCount())
    ]
    assert [row[:2] for row in rows] == [
        ["Before an export", "Automatically"],
        ["Spring review", "By you"],
    ]
    assert rows[1][3] == "Sent to the client"
    assert "2026" in rows[1][2] and rows[0][2] != rows[1][2]
    assert view.to_box.currentText().startswith("Now")


def test_the_comparison_underlines_inserted_words_and_strikes_removed_ones(bakery):
    document = bakery.document
    document.set_value(INTENT, "Good bread for busy families in town.")
    document.take_snapshot("Spring review")
    document.set_value(INTENT, "Good bread and safe cakes for families in town.")
    removed = document.plan.listening.notes[2]
    document.remove_rows(NOTES, [removed.id])
    view = open_view(bakery)

    runs = fragments(view.view)
    assert ("and safe cakes", True, False) in [(t.strip(), u, s) for t, u, s in runs]
    assert ("busy", False, True) in [(t.strip(), u, s) for t, u, s in runs]
    assert any(s and removed.said[:40] in t for t, _u, s in runs)
    text = view.view.toPlainText()
    assert "Changed: Intent" in text and "Removed: Listening notes › note 3" in text
    assert "Thinking & Planning" in text and "Listening & Learning" in text
    assert view.counts.text() == "2 changes: 1 removed, 1 changed."


def test_f8_steps_through_the_changes_round_the_end(bakery):
    document = bakery.document
    document.take_snapshot("Spring review")
    document.set_value(INTENT, "Bread.")
    document.set_value(("details", "title"), "A new title")
    view = open_view(bakery)
    assert view.view.current == -1 and not view.restore_button.isEnabled()
    assert view.step(+1).label == "Plan title"
    assert view.position.text() == "Change 1 of 2 (F8: next, Shift+F8: previous)"
    assert view.step(+1).path == INTENT
    assert view.step(+1).label == "Plan title"  # round the end
    assert view.step(-1).path == INTENT
    # The current change has the cursor: what the screen shows and a screen reader reads.
    start = view.view.textCursor().position()
    assert view.view._starts[view.view.current] == start
    view.next_button.click()
    assert view.view.current == 0
    view.previous_button.click()
    assert view.view.current == 1


def test_a_click_in_the_page_chooses_the_change_there(bakery):
    document = bakery.document
    document.take_snapshot("Spring review")
    document.set_value(("details", "title"), "A new title")
    document.set_value(INTENT, "Bread.")
    view = open_view(bakery).view
    cursor = QTextCursor(view.document())
    cursor.setPosition(view._starts[1] + 3)
    view.setTextCursor(cursor)
    assert view.current == 1


# ---------------------------------------------------------------- restoring


def test_restoring_a_row_is_one_undo_step_and_the_comparison_follows(bakery):
    document = bakery.document
    document.take_snapshot("Spring review")
    notes_before = [note.id for note in document.plan.listening.notes]
    gone = document.plan.listening.notes[4]
    document.remove_rows(NOTES, [gone.id])
    document.set_value(INTENT, "Bread for the town.")
    view = open_view(bakery)
    assert view.counts.text() == "2 changes: 1 removed, 1 changed."

    change = view.step(+1)
    assert change.path == (*NOTES, gone.id)
    assert view.restore_button.isEnabled()
    depth = document.undo_stack.index()
    view.restore_button.click()
    assert [note.id for note in document.plan.listening.notes] == notes_before
    assert document.undo_stack.index() == depth + 1
    assert document.undo_stack.undoText().startswith("Restore Listening notes › note 5")
    assert view.counts.text() == "1 change: 1 changed."  # refreshed at once

    document.undo_stack.undo()  # Ctrl+Z: the whole restore goes
    assert gone.id not in [note.id for note in document.plan.listening.notes]
    assert document.plan.planning.intent == "Bread for the town."


def test_restoring_a_field_puts_the_snapshot_text_back(bakery):
    document = bakery.document
    original = document.plan.planning.intent
    document.take_snapshot("Spring review")
    document.set_value(INTENT, "Bread for the town.")
    view = open_view(bakery)
    view.step(+1)
    assert view.restore_current()
    assert document.plan.planning.intent == original
    assert view.counts.text() == "No changes." and "No changes." in view.view.toPlainText()
    document.undo_stack.undo()
    assert document.plan.planning.intent == "Bread for the town."


def test_restore_is_off_unless_the_comparison_is_against_now(bakery):
    document = bakery.document
    document.take_snapshot("Spring review")
    document.set_value(INTENT, "Bread for the town.")
    document.clock = lambda: MONDAY + timedelta(hours=1)
    document.take_snapshot("After the workshop")
    view = open_view(bakery)
    view.from_box.setCurrentIndex(view.from_box.findText("Spring review", flags=STARTS_WITH))
    view.to_box.setCurrentIndex(view.to_box.findText("After the workshop", flags=STARTS_WITH))
    view.refresh()
    assert view.step(+1).path == INTENT
    assert not view.restore_button.isEnabled()
    assert "choose Now as To" in view.restore_button.toolTip()
    assert not view.restore_current()


def test_a_restore_that_cannot_be_made_says_why(bakery, answers, monkeypatch):
    from workbook import diff

    document = bakery.document
    document.take_snapshot("Spring review")
    document.set_value(INTENT, "Bread for the town.")
    view = open_view(bakery)
    view.step(+1)

    def refuse(*_args):
        raise diff.RestoreError("That field's row is no longer in the plan: restore the row.")

    monkeypatch.setattr(diff, "restore_change", refuse)
    assert not view.restore_current()
    ((_parent, title, message),) = answers.messages("show_error")
    assert title == "Could not restore" and "restore the row" in message
    assert document.plan.planning.intent == "Bread for the town."


def test_the_comparison_against_now_follows_edits(bakery, qtbot):
    document = bakery.document
    document.take_snapshot("Spring review")
    view = open_view(bakery)
    assert "No changes." in view.view.toPlainText()
    document.set_value(INTENT, "Bread for the town.")
    qtbot.waitUntil(lambda: view.counts.text() == "1 change: 1 changed.", timeout=3000)


# ---------------------------------------------------------------- deleting


def test_deleting_asks_for_a_named_snapshot_not_for_an_automatic_one(bakery, monkeypatch):
    from workbook.gui.snapshots_view import SnapshotsWindow

    document = bakery.document
    document.take_snapshot("Spring review")
    document.set_value(INTENT, "Bread.")
    document.clock = lambda: MONDAY + timedelta(hours=1)
    document.take_automatic_snapshot(SnapshotKind.BEFORE_EXPORT)
    answers = [False, True]
    asked = []

    def ask(self, snapshot):
        asked.append(snapshot.title)
        return answers.pop(0)

    monkeypatch.setattr(SnapshotsWindow, "ask_delete", ask)
    view = open_view(bakery)
    view.tree.setCurrentItem(view.tree.topLevelItem(0))  # the automatic one, newest
    assert view.delete_current()
    assert asked == []
    assert [s.title for s in document.session.snapshots()] == ["Spring review"]
    view.tree.setCurrentItem(view.tree.topLevelItem(0))
    assert not view.delete_current()  # "Cancel"
    assert view.delete_current()
    assert asked == ["Spring review", "Spring review"]
    assert document.session.snapshots() == []
    assert "No snapshots yet" in view.view.toPlainText()


def test_restoring_the_whole_plan_keeps_the_plan_as_it_was(bakery, monkeypatch):
    from workbook.gui.snapshots_view import SnapshotsWindow

    document = bakery.document
    original = document.plan.planning.intent
    document.take_snapshot("Spring review")
    document.set_value(INTENT, "Bread.")
    monkeypatch.setattr(SnapshotsWindow, "ask_restore_plan", lambda self, snapshot: True)
    view = open_view(bakery)
    assert view.restore_plan()
    assert document.plan.planning.intent == original
    kinds = [s.kind for s in document.session.snapshots()]
    assert kinds == [SnapshotKind.NAMED, SnapshotKind.BEFORE_RESTORE]
    assert document.session.snapshots()[-1].state["planning"]["intent"] == "Bread."
    assert bakery.isWindowModified()
    assert view.tree.topLevelItemCount() == 2


# ---------------------------------------------------------------- automatic snapshots


def test_the_first_edit_of_a_day_keeps_the_plan_as_it_was(on_file):
    document = on_file.document
    document.clock = lambda: MONDAY
    document.set_value(INTENT, "First words of Monday.")
    (first,) = document.session.snapshots()
    assert first.kind is SnapshotKind.FIRST_EDIT and first.taken_at == MONDAY
    assert first.state["planning"]["intent"] == ""  # as it was before the edit
    document.set_value(INTENT, "More words on Monday.")
    document.insert_row(NOTES)
    assert len(document.session.snapshots()) == 1  # not again the same day

    document.clock = lambda: MONDAY + timedelta(days=1)
    document.set_value(INTENT, "Tuesday.")
    kinds = [s.kind for s in document.session.snapshots()]
    assert kinds == [SnapshotKind.FIRST_EDIT, SnapshotKind.FIRST_EDIT]
    assert document.session.snapshots()[-1].state["planning"]["intent"] == "More words on Monday."


def test_an_untitled_plan_has_no_first_edit_snapshot(bakery):
    bakery.document.set_value(INTENT, "Bread.")
    assert bakery.document.session.snapshots() == []


def test_an_export_keeps_a_snapshot_first_and_hands_it_to_the_export(
    bakery, monkeypatch, tmp_path, qtbot
):
    from workbook.gui import child_command

    handed = []

    def write_plan_file(parts, folder):
        _state, snapshots, _extra = parts
        handed.append([SnapshotKind(fields["kind"]) for fields, _held in snapshots])
        raise OSError(28, "No space left on device")  # stop before a child is started

    monkeypatch.setattr(child_command, "write_plan_file", write_plan_file)
    controller = bakery.export_controller
    monkeypatch.setattr(controller, "show_error", lambda title, message: None)
    bakery.document.set_value(INTENT, "Bread.")
    assert not bakery.document.session.snapshots()
    bakery.settings.last_export_folder = tmp_path
    bakery.export_pdf()
    qtbot.waitUntil(lambda: handed != [])  # the plan is written out at the next turn
    assert handed == [[SnapshotKind.BEFORE_EXPORT]]
    (snapshot,) = bakery.document.session.snapshots()
    assert snapshot.state["planning"]["intent"] == "Bread."
    assert bakery.isWindowModified()

    bakery.export_pdf()  # nothing changed since: no second snapshot
    assert len(bakery.document.session.snapshots()) == 1


def test_a_reload_keeps_the_unsaved_plan_as_a_snapshot(on_file, answers):
    document = on_file.document
    document.clock = lambda: MONDAY
    path = document.file_path
    document.set_value(INTENT, "Typed but not saved.")
    write_plan(path, title="Changed elsewhere")
    assert on_file.files.reload_from_disk()
    assert document.plan.details.title == "Changed elsewhere"
    kinds = [s.kind for s in document.session.snapshots()]
    assert kinds[-1] is SnapshotKind.BEFORE_RELOAD
    assert document.session.snapshots()[-1].state["planning"]["intent"] == "Typed but not saved."
    assert on_file.isWindowModified()  # the snapshot is not in the file yet


def test_closing_the_plan_closes_the_window(bakery, qtbot):
    view = open_view(bakery)
    assert view.isVisible()
    bakery.document.undo_stack.setClean()
    assert bakery.close_plan()
    qtbot.waitUntil(lambda: not view.isVisible(), timeout=2000)


def test_show_in_the_plan_goes_to_the_field(bakery):
    from workbook.gui.pages import PageId

    document = bakery.document
    document.take_snapshot("Spring review")
    document.set_value(INTENT, "Bread.")
    view = open_view(bakery)
    assert not view.show_button.isEnabled()
    view.step(+1)
    assert view.show_in_plan()
    assert bakery.current_page() == PageId.PLANNING
    assert bakery.focusWidget().objectName() == "planning.intent"


def test_the_export_and_the_autosave_after_it_share_the_snapshots_state(
    bakery, monkeypatch, tmp_path, qtbot
):
    """The plan is worked out as JSON once, a piece a turn, for the snapshot before an
    export, the plan handed to the export and the recovery copy that follows (in one go,
    some 10 ms on the UI thread for a big plan)."""
    import workbook.session as session_module
    from workbook.gui import child_command

    in_one_go, in_steps = [], []
    whole, stepped = session_module.plan_state, session_module.plan_state_in_steps
    monkeypatch.setattr(session_module, "plan_state", lambda p: in_one_go.append(1) or whole(p))
    monkeypatch.setattr(
        session_module, "plan_state_in_steps", lambda p: in_steps.append(1) or stepped(p)
    )
    handed = []

    def write_plan_file(parts, folder):
        handed.append(parts[0])
        raise OSError(28, "No space left on device")  # stop before a child is started

    monkeypatch.setattr(child_command, "write_plan_file", write_plan_file)
    monkeypatch.setattr(bakery.export_controller, "show_error", lambda title, message: None)
    bakery.document.set_value(INTENT, "Bread.")
    bakery.settings.last_export_folder = tmp_path
    bakery.export_pdf()
    qtbot.waitUntil(lambda: handed != [])
    (snapshot,) = bakery.document.session.snapshots()
    assert handed == [snapshot.state] and handed[0] is snapshot.state
    autosaver = bakery.files.autosaver
    autosaver.start_write()
    autosaver.wait()
    assert in_one_go == [] and in_steps == [1]


def test_an_edit_while_the_plan_is_taken_for_an_export_is_in_it_and_its_snapshot(
    bakery, monkeypatch, tmp_path, qtbot
):
    """The plan is taken a piece a turn; a key typed between two pieces starts it again,
    so the export and its snapshot hold the edit, not a plan half before and half after."""
    from workbook import state_steps
    from workbook.gui import child_command

    monkeypatch.setattr(state_steps, "ROWS_PER_STEP", 5)  # the bakery's notes: many pieces
    handed = []

    def write_plan_file(parts, folder):
        handed.append(parts[0])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(child_command, "write_plan_file", write_plan_file)
    controller = bakery.export_controller
    monkeypatch.setattr(controller, "show_error", lambda title, message: None)
    edits = []

    def type_once() -> None:  # after the first piece, which holds the plan's details
        if not edits:
            edits.append(1)
            bakery.document.set_value(("details", "title"), "Typed meanwhile")

    controller._starter.stepped.connect(type_once)
    bakery.settings.last_export_folder = tmp_path
    bakery.export_pdf()
    qtbot.waitUntil(lambda: handed != [])
    (snapshot,) = bakery.document.session.snapshots()
    assert edits and handed[0]["details"]["title"] == "Typed meanwhile"
    assert snapshot.state["details"]["title"] == "Typed meanwhile"
    assert handed[0] == plan_state(bakery.document.plan)
