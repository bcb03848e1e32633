"""Workshop mode in the window: the start snapshot, full screen, the agenda bar and its
timer, privacy on the projector, and the summary on leaving."""

from __future__ import annotations

import sys
import types

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.gui.conftest import write_plan
from workbook.gui.pages import PageId
from workbook.gui.privacy import display_path, scrub
from workbook.gui.settings import RecentPlan
from workbook.gui.workshop_mode import WORKSHOP_TEXT_SCALE
from workbook.model import SnapshotKind
from workbook.stages import Stage

pytestmark = pytest.mark.gui


class FakeClock:
    def __init__(self) -> None:
        self.now = 500.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def summaries(monkeypatch) -> list[tuple]:
    """The end-of-workshop summary (another module's), recorded instead of shown."""
    calls: list[tuple] = []
    fake = types.ModuleType("workbook.gui.workshop_summary")
    fake.show_workshop_summary = lambda window, snapshot_id: calls.append((window, snapshot_id))
    monkeypatch.setitem(sys.modules, "workbook.gui.workshop_summary", fake)
    return calls


@pytest.fixture
def plan_path(tmp_path):
    folder = tmp_path / "Clients" / "Wrenford Bakery"
    folder.mkdir(parents=True)
    return write_plan(folder / "bakery.json", title="Spring plan", organisation="Wrenford Bakery")


@pytest.fixture
def opened(window, plan_path, qtbot):
    window.show()
    qtbot.waitExposed(window)
    window.files.open_path(plan_path)
    assert window.has_plan
    return window


@pytest.fixture
def clock(opened) -> FakeClock:
    clock = FakeClock()
    opened.workshop.clock = clock
    return clock


def test_entering_takes_the_workshop_snapshot_and_fills_the_screen(opened, clock):
    assert opened.actions.workshop_mode.shortcut().toString() == "F11"
    opened.actions.workshop_mode.trigger()
    mode = opened.workshop
    assert mode.active and opened.actions.workshop_mode.isChecked()
    snapshot = opened.document.session.snapshots()[-1]
    assert snapshot.kind is SnapshotKind.WORKSHOP_START
    assert mode.snapshot_id == snapshot.id
    assert opened.document.is_modified  # the snapshot is saved with the plan
    assert opened.isFullScreen()
    assert not opened.step_list.isVisible()
    assert mode.bar.isVisible()
    assert opened.settings.text_scale >= WORKSHOP_TEXT_SCALE


def test_the_agenda_bar_shows_the_plans_minutes_and_follows_the_page(opened, clock):
    opened.document.set_value(("workshop", "timeboxes", "listening"), 45)
    opened.workshop.enter()
    bar = opened.workshop.bar
    # The names say the minutes; the text too unless the screen is narrow (see below).
    assert bar.stage_buttons[PageId.LISTENING].accessibleName() == "Listening, 45 minutes"
    assert bar.stage_buttons[PageId.MANAGEMENT].accessibleName() == "Management, 20 minutes"
    assert bar.stage_buttons[PageId.DETAILS].isChecked()
    assert bar.countdown.text() == "10:00"

    bar.stage_buttons[PageId.LISTENING].click()
    assert opened.current_page() == PageId.LISTENING
    assert opened.workshop.timer.current is Stage.LISTENING
    assert bar.stage_buttons[PageId.LISTENING].isChecked()
    assert bar.countdown.text() == "45:00"

    opened.document.set_value(("workshop", "timeboxes", "listening"), 25)  # the Review page
    assert bar.stage_buttons[PageId.LISTENING].accessibleName() == "Listening, 25 minutes"
    assert bar.countdown.text() == "25:00"

    opened.go_to_page(PageId.REVIEW)
    assert opened.workshop.timer.current is None
    assert not bar.pause_button.isEnabled()


def test_the_agenda_bar_takes_two_rows_then_drops_the_minutes_as_room_runs_out(qtbot):
    from PySide6.QtWidgets import QWidget

    from workbook.gui.agenda_bar import AgendaBar

    holder = QWidget()  # a child, as in the window's tool bar (a window keeps its minimum)
    qtbot.addWidget(holder)
    bar = AgendaBar(holder)
    bar.set_minutes({stage: 10 for stage in Stage})
    holder.show()
    wide = bar.sizeHint().width()
    bar.resize(wide + 50, 40)
    assert not bar.is_two_rows() and not bar.is_compact()
    assert bar.stage_buttons[PageId.DETAILS].text() == "Details 10′"
    bar.resize(wide - 100, 40)
    assert bar.is_two_rows() and not bar.is_compact()
    bar.resize(bar.minimumSizeHint().width(), 40)
    assert bar.is_two_rows() and bar.is_compact()
    assert bar.stage_buttons[PageId.DETAILS].text() == "Details"
    for button in bar.stage_buttons.values():  # what is left still fits
        assert button.sizeHint().width() <= bar.minimumSizeHint().width()


def test_the_agenda_menu_sets_a_stages_minutes_as_an_undoable_edit(opened, clock, monkeypatch):
    opened.workshop.enter()
    monkeypatch.setattr(opened.workshop, "ask_minutes", lambda stage, current: current + 5)
    opened.workshop.bar.minutes_requested.emit(Stage.PLANNING)
    assert opened.document.plan.workshop.timeboxes.planning == 45
    assert "45" in opened.workshop.bar.stage_buttons[PageId.PLANNING].accessibleName()
    opened.document.undo_stack.undo()
    assert opened.document.plan.workshop.timeboxes.planning == 40
    assert "40" in opened.workshop.bar.stage_buttons[PageId.PLANNING].accessibleName()


def test_running_out_turns_the_countdown_into_a_calm_overrun(opened, clock):
    opened.workshop.enter()
    bar = opened.workshop.bar
    clock.now += 10 * 60 + 65
    opened.workshop._tick()  # what the ticker does four times a second
    assert bar.countdown.text() == "+01:05"
    assert bar.countdown.property("over") is True
    assert "Time is up for Details" in opened.statusBar().currentMessage()
    assert not [w for w in opened.findChildren(QMessageBox) if w.isVisible()]


def test_pause_and_five_more_minutes(opened, clock):
    opened.workshop.enter()
    actions, bar, timer = opened.actions, opened.workshop.bar, opened.workshop.timer
    assert actions.workshop_pause.isEnabled()
    clock.now += 60
    actions.workshop_pause.trigger()
    assert timer.paused and bar.pause_button.text() == "Resume"
    clock.now += 600
    assert timer.reading().elapsed == 60
    actions.workshop_pause.trigger()
    assert not timer.paused and bar.pause_button.text() == "Pause"

    actions.workshop_extend.trigger()
    assert timer.reading().allowed == 15 * 60
    assert bar.countdown.text() == "14:00"
    assert "5 more minutes for Details" in opened.statusBar().currentMessage()


def test_no_path_on_show_during_the_workshop(opened, clock, plan_path, settings):
    settings.add_recent(RecentPlan(plan_path.with_name("florist.json"), "Rosa's", "Florist"))
    assert str(plan_path) in opened.file_label.text()
    opened.workshop.enter()
    assert str(plan_path.parent) not in opened.windowTitle()
    assert opened.file_label.text() == "bakery.json"
    assert display_path(plan_path) == "bakery.json"
    message = f"Could not save {plan_path}: the disk is full."
    assert scrub(message, [plan_path]) == "Could not save bakery.json: the disk is full."
    assert scrub("No room in /home/me/Clients/x.json.tmp") == "No room in x.json.tmp"

    opened.recent_menu.aboutToShow.emit()
    assert [a.text() for a in opened.recent_menu.actions()] == ["Hidden during the workshop"]

    # Any message box shown meanwhile loses its paths (an OS error names the folder).
    box = QMessageBox(QMessageBox.Icon.Warning, "Save", message, parent=opened)
    box.setInformativeText(f"The folder {plan_path.parent} is full.")
    box.show()
    try:
        assert str(plan_path.parent) not in box.text() + box.informativeText()
        assert "bakery.json" in box.text()
    finally:
        box.close()


def test_the_recent_plans_are_hidden_and_come_back_after(
    opened, clock, settings, summaries, answers
):
    settings.add_recent(RecentPlan(opened.document.file_path, "Spring plan", "Wrenford Bakery"))
    opened.workshop.enter()
    answers.set("ask_unsaved_changes", "discard")  # the workshop's snapshot is unsaved
    assert opened.close_plan()
    start = opened.start_page
    assert start.isVisible() and not start.recent_stack.isVisible()
    assert not start.recent.hasFocus()
    assert not opened.workshop.bar.isVisible()  # no plan, no agenda
    assert opened.actions.workshop_mode.isEnabled()  # F11 still leaves
    opened.actions.workshop_mode.trigger()
    assert not opened.workshop.active
    assert start.recent_stack.isVisible()
    assert summaries == []  # the plan was closed: nothing to sum up


def test_leaving_restores_the_window_and_shows_the_summary(opened, clock, settings, summaries):
    settings.text_scale = 115
    opened.showNormal()
    opened.resize(700, 500)
    size = opened.size()
    opened.workshop.enter()
    snapshot_id = opened.workshop.snapshot_id
    opened.workshop.bar.end_button.click()
    assert not opened.workshop.active and not opened.isFullScreen()
    assert opened.size() == size
    assert settings.text_scale == 115
    assert opened.step_list.isVisible()
    assert not opened.workshop.bar.isVisible()
    assert str(opened.document.file_path) in opened.file_label.text()
    assert summaries == [(opened, snapshot_id)]
    assert not opened.actions.workshop_pause.isEnabled()


def test_an_unchanged_plan_starts_from_its_newest_snapshot(opened, clock, summaries):
    opened.workshop.enter()
    first = opened.workshop.snapshot_id
    opened.workshop.leave()
    opened.workshop.enter()  # nothing changed since: no second snapshot
    assert opened.workshop.snapshot_id == first
    kinds = [s.kind for s in opened.document.session.snapshots()]
    assert kinds.count(SnapshotKind.WORKSHOP_START) == 1


def test_without_a_plan_workshop_mode_does_not_start(window):
    assert not window.actions.workshop_mode.isEnabled()
    assert window.workshop.enter() is False
    assert not window.workshop.active


def test_new_plan_from_a_copy_lists_no_other_clients_during_the_workshop(
    opened, clock, plan_path, qtbot
):
    from workbook.gui.dialogs import CopySourceDialog

    other = plan_path.with_name("florist.json")
    opened.workshop.enter()
    dialog = CopySourceDialog([("bakery", "A bakery")], [other], plan_path.parent, opened)
    qtbot.addWidget(dialog)
    shown = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert shown == ["Worked example: A bakery"]
    opened.workshop.leave()
    dialog = CopySourceDialog([("bakery", "A bakery")], [other], plan_path.parent, opened)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 2
