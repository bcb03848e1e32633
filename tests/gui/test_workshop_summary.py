"""The end-of-workshop summary and the hand-off bundle from the window (our real
``workbook handoff`` command in a child process)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton

from workbook.gui import handoff_controller
from workbook.gui.handoff_controller import HandoffController
from workbook.gui.widgets import clock
from workbook.gui.workshop_summary import WorkshopSummary, show_workshop_summary
from workbook.model import AgreedAction, ParkedIdea, ParkingOutcome, Plan, SnapshotKind
from workbook.stages import Stage

pytestmark = pytest.mark.gui

TODAY = date(2026, 3, 12)
WAIT_MS = 120_000


@pytest.fixture
def open_window(window, qtbot, monkeypatch, tmp_path):
    from workbook.storage import save_plan

    monkeypatch.setattr(clock, "today", lambda: TODAY)
    plan = Plan()
    plan.details.title = "Crumb & Co"
    plan.details.organisation = "Crumb bakery"
    plan.engagement.actions = [AgreedAction(what="Old action from last quarter")]
    path = tmp_path / "crumb.json"
    save_plan(plan, path, backups=False)
    window.files.open_path(path)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_summary_shows_what_changed_the_parking_lot_and_the_actions(open_window, qtbot):
    window = open_window
    doc = window.document
    start = doc.session.take_automatic_snapshot(SnapshotKind.WORKSHOP_START)
    doc.set_value(("listening", "intent"), "What do regulars say about the queue?")
    idea = ParkedIdea(idea="A stall at the Saturday market", raised_during=Stage.PLANNING)
    doc.insert_rows(("workshop", "parking_lot"), 0, [idea])
    doc.insert_rows(("engagement", "actions"), 1, [AgreedAction(what="Print the new menu")])

    show_workshop_summary(window, start.id)
    summary = window.findChild(WorkshopSummary)
    assert summary is not None and summary.isVisible()
    changes = summary.changes.toPlainText()
    assert "Listening & Learning: 1 changed" in changes, changes
    assert "What do regulars say about the queue?" in changes, changes
    assert summary.tabs.tabText(1) == "Parking lot (1 to review)"
    assert "A stall at the Saturday market" in summary.ideas.item(0).text()
    actions = [summary.actions_list.item(i).text() for i in range(summary.actions_list.count())]
    assert actions == ["Print the new menu"]  # captured since the start, not last quarter's
    assert "3 changes to the plan, 1 idea parked and 1 agreed action" in summary.overview.text()
    assert "/" not in summary.handoff_note.text() and "crumb hand-off" in (
        summary.handoff_note.text()
    )

    assert summary.ideas.currentRow() == 0  # the first idea to review is chosen already
    summary.findChild(QPushButton, "review_note").click()
    assert doc.plan.workshop.parking_lot[0].outcome is ParkingOutcome.NOTE
    assert doc.plan.listening.notes[-1].said == "A stall at the Saturday market"
    summary.refresh()
    assert summary.tabs.tabText(1) == "Parking lot (0 to review)"
    assert "Turned into a listening note" in summary.ideas.item(0).text()


def test_a_missing_snapshot_is_said_plainly(open_window, qtbot):
    show_workshop_summary(open_window, "no-such-snapshot")
    summary = open_window.findChild(WorkshopSummary)
    assert "no longer in the plan" in summary.overview.text()


class _Asked:
    def __init__(self) -> None:
        self.folder: Path | None = None
        self.replace = False
        self.replace_asked: list[Path] = []
        self.written: list[tuple[Path, list[str]]] = []
        self.errors: list[str] = []


@pytest.fixture
def asked(monkeypatch) -> _Asked:
    record = _Asked()
    monkeypatch.setattr(HandoffController, "ask_folder", lambda self, s: record.folder)

    def ask_replace(self, folder):
        record.replace_asked.append(folder)
        return record.replace

    monkeypatch.setattr(HandoffController, "ask_replace", ask_replace)
    monkeypatch.setattr(
        HandoffController,
        "show_written",
        lambda self, folder, files: record.written.append((folder, files)) or False,
    )
    monkeypatch.setattr(HandoffController, "show_error", lambda s, t, m: record.errors.append(m))
    return record


def test_the_hand_off_from_the_file_menu_writes_the_folder_in_a_child_process(
    open_window, qtbot, tmp_path, asked
):
    window = open_window
    asked.folder = tmp_path / "For the client"
    snapshots = len(window.document.session.snapshots())
    heard = []  # the autosaver and the snapshots window follow this
    window.document.snapshots_changed.connect(lambda: heard.append(1))
    window.actions.write_handoff.trigger()
    controller = handoff_controller.controller_of(window)
    assert controller.is_running()  # the window is not blocked meanwhile
    with qtbot.waitSignal(controller.finished, timeout=WAIT_MS):
        pass
    assert asked.errors == []
    names = sorted(p.name for p in asked.folder.iterdir())
    assert names == sorted(
        [
            "crumb.pdf",
            "crumb.docx",
            "crumb action plan.ics",
            "crumb action plan.csv",
            "crumb.json",
            "README.txt",
        ]
    )
    [(folder, files)] = asked.written
    assert folder == asked.folder and "crumb.pdf" in files
    kinds = [s.kind for s in window.document.session.snapshots()]
    assert len(kinds) == snapshots + 1 and kinds[-1] is SnapshotKind.BEFORE_EXPORT
    assert heard == [1] and window.document.is_modified  # the snapshot is saved with the plan
    assert "For the client" in window.statusBar().currentMessage()

    # Again into the same folder: asked first, and "no" leaves the files as they are.
    before = (asked.folder / "crumb.pdf").stat().st_mtime_ns
    window.actions.write_handoff.trigger()
    assert asked.replace_asked == [asked.folder]
    assert not controller.is_running()
    assert (asked.folder / "crumb.pdf").stat().st_mtime_ns == before


def test_a_folder_that_cannot_hold_the_bundle_is_refused_in_plain_words(
    open_window, qtbot, tmp_path, asked
):
    taken = tmp_path / "notes.txt"
    taken.write_text("mine", encoding="utf-8")
    asked.folder = taken
    open_window.actions.write_handoff.trigger()
    [message] = asked.errors
    assert "“notes.txt” is a file, not a folder" in message and str(tmp_path) not in message
    assert taken.read_text(encoding="utf-8") == "mine"


def test_the_summary_key_writes_the_bundle_beside_the_plan(open_window, qtbot, tmp_path, asked):
    window = open_window
    start = window.document.session.take_automatic_snapshot(SnapshotKind.WORKSHOP_START)
    show_workshop_summary(window, start.id)
    summary = window.findChild(WorkshopSummary)
    summary.write_handoff()
    controller = handoff_controller.controller_of(window)
    with qtbot.waitSignal(controller.finished, timeout=WAIT_MS):
        pass
    folder = tmp_path / "crumb hand-off 2026-03-12"
    assert (folder / "crumb.pdf").is_file() and (folder / "README.txt").is_file()
    assert asked.written[0][0] == folder and asked.replace_asked == []
    # A second bundle goes into a new folder rather than over the first.
    assert handoff_controller.unused_folder(folder).name == "crumb hand-off 2026-03-12 (2)"


def test_quitting_while_a_bundle_is_written_asks_first(open_window, qtbot, tmp_path, monkeypatch):
    import sys

    stubborn = (
        'import time; print(\'{"progress": 0.1, "message": "The PDF"}\', flush=True); '
        "time.sleep(120)"
    )
    monkeypatch.setattr(
        HandoffController, "command", lambda self: (sys.executable, ["-c", stubborn])
    )
    answers = [False, True]
    monkeypatch.setattr(HandoffController, "ask_stop", lambda self, parent: answers.pop(0))
    assert handoff_controller.write_handoff_bundle(open_window, choose=False)
    open_window.document.undo_stack.setClean()  # the snapshot it took is not the question here
    controller = handoff_controller.controller_of(open_window)
    assert controller.is_running()
    assert not open_window.close()  # "Keep writing"
    assert controller.is_running() and open_window.isVisible()
    assert open_window.close()  # "Stop and quit"
    assert not controller.is_running() and answers == []
