"""Workshop mode (F11): the window full screen on a projector, large text, the agenda bar
with the current stage's countdown in place of the step list, and nothing private on show.

Entering takes a "start of a workshop" snapshot, so the summary at the end can show what
the room changed. The timer's arithmetic is :class:`workbook.workshop.WorkshopTimer`; this
module only ticks it and shows it.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QToolBar

from workbook.gui.pages.page_id import PageId
from workbook.gui.steps import STEPS
from workbook.stages import Stage

if TYPE_CHECKING:
    from workbook.gui.agenda_bar import AgendaBar
    from workbook.gui.main_window import MainWindow
    from workbook.workshop import Clock, WorkshopTimer

WORKSHOP_TEXT_SCALE = 150
"""Text a room can read from the back on a projector; Ctrl+= and Ctrl+- still change it."""
TICK_MS = 250
FULL_SCREEN_CHECK_MS = 400
NOTICE_MS = 8000
TIMEBOXES = ("workshop", "timeboxes")

_STAGE_OF_PAGE: dict[PageId, Stage | None] = {page_id: stage for page_id, _t, stage in STEPS}


class WorkshopMode:
    """Enters and leaves workshop mode for one window, and runs its agenda timer.

    Cheap to make (the window makes one at start-up); the bar and the timer are made on
    entering.
    """

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.clock: Clock = time.monotonic
        """The timer's clock (tests put a fake one here before entering)."""
        self.active = False
        self.snapshot_id: str | None = None
        """The snapshot taken on entering: the summary shows the changes since."""
        self.timer: WorkshopTimer | None = None
        self.bar: AgendaBar | None = None
        self._toolbar: QToolBar | None = None
        self._ticker: QTimer | None = None
        self._geometry = QByteArray()
        self._was_maximized = False
        self._normal_text_scale = 100
        self._step_list_was_shown = True
        self._told_over: set[Stage] = set()
        self._connected = False

    # ------------------------------------------------------------ entering and leaving

    def toggle(self) -> None:
        """F11 and View ▸ Workshop mode."""
        if self.active:
            self.end()
        else:
            self.enter()

    def enter(self) -> bool:
        window = self.window
        if self.active:
            return True
        if not window.has_plan:
            window.statusBar().showMessage("Open a plan first, then start the workshop.", 5000)
            self._sync_action()
            return False
        self.active = True
        self.snapshot_id = self._take_start_snapshot()
        from workbook.workshop import WorkshopTimer  # loaded when a workshop starts

        self.timer = WorkshopTimer.from_minutes(self._plan_minutes(), self.clock)
        self._told_over.clear()
        self._connect_once()

        self._geometry = window.saveGeometry()
        self._was_maximized = window.isMaximized()
        settings = window.settings
        self._normal_text_scale = settings.text_scale
        self._step_list_was_shown = settings.step_list_shown
        if settings.text_scale < WORKSHOP_TEXT_SCALE:
            settings.text_scale = WORKSHOP_TEXT_SCALE
            from workbook.gui.theme import apply_text_scale

            apply_text_scale(QApplication.instance(), WORKSHOP_TEXT_SCALE)
        window.step_list.setVisible(False)  # not remembered: the step list is back after
        self._show_bar(True)
        window.showFullScreen()
        QTimer.singleShot(FULL_SCREEN_CHECK_MS, window, lambda: self._fill_screen())
        self._page_shown()
        self._ticker.start()
        self._refresh_privacy()
        self._sync_action()
        window.statusBar().showMessage(
            "Workshop mode: F11 or End workshop to leave. Ctrl+Alt+Space pauses the timer.",
            NOTICE_MS,
        )
        return True

    def end(self) -> None:
        """Leave workshop mode and show the summary of what changed since it started."""
        snapshot_id = self.snapshot_id
        if not self.leave():
            return
        window = self.window
        if not window.has_plan or snapshot_id is None:
            return
        if snapshot_id not in {s.id for s in window.document.session.snapshots()}:
            window.statusBar().showMessage(
                "The workshop's starting point is no longer in this plan: no summary.", 5000
            )
            return
        try:
            from workbook.gui.workshop_summary import show_workshop_summary
        except ModuleNotFoundError as error:  # a build without the summary screen
            if error.name != "workbook.gui.workshop_summary":
                raise
            return
        show_workshop_summary(window, snapshot_id)

    def leave(self) -> bool:
        """Back to the normal window (geometry, text size, step list); no summary. Returns
        whether workshop mode was on."""
        if not self.active:
            return False
        window = self.window
        self.active = False
        if self._ticker is not None:
            self._ticker.stop()
        self._show_bar(False)
        settings = window.settings
        if settings.text_scale != self._normal_text_scale:
            settings.text_scale = self._normal_text_scale
            from workbook.gui.theme import apply_text_scale

            apply_text_scale(QApplication.instance(), self._normal_text_scale)
        if window.has_workspace():
            from workbook.gui.window_view import show_step_list

            # As before the workshop, even if Ctrl+B showed or hid it meanwhile.
            show_step_list(window, self._step_list_was_shown)
        window.showNormal()
        if not self._geometry.isEmpty():
            window.restoreGeometry(self._geometry)
        if self._was_maximized:
            window.showMaximized()
        self.snapshot_id = None
        self._refresh_privacy()
        self._sync_action()
        return True

    def _fill_screen(self) -> None:
        # Without a window manager (a kiosk, a bare X server) nobody applies the full-screen
        # state: take the screen's room ourselves. With one, the window fills it already.
        screen = self.window.screen()
        if self.active and screen is not None and self.window.size() != screen.size():
            self.window.setGeometry(screen.geometry())

    # ------------------------------------------------------------ the timer

    def toggle_pause(self) -> None:
        """Ctrl+Alt+Space."""
        if not self.active or self.timer is None:
            return
        paused = self.timer.toggle_pause()
        self.bar.set_paused(paused)
        self._tick()
        self.window.statusBar().showMessage(
            "Timer paused" if paused else "Timer running again", NOTICE_MS
        )

    def extend(self) -> None:
        """Ctrl+Alt+Up: five more minutes for the stage on screen."""
        if not self.active or self.timer is None:
            return
        from workbook.workshop import EXTEND_MINUTES

        stage = self.timer.extend(EXTEND_MINUTES)
        if stage is None:
            self.window.statusBar().showMessage("This page has no time-box to extend.", NOTICE_MS)
            return
        self._told_over.discard(stage)
        self._tick()
        from workbook.gui.agenda_bar import agenda_title

        self.window.statusBar().showMessage(
            f"{EXTEND_MINUTES} more minutes for {agenda_title(stage)}", NOTICE_MS
        )

    def _tick(self) -> None:
        if self.timer is None or self.bar is None:
            return
        reading = self.timer.reading()
        self.bar.show_reading(reading, self.timer.paused)
        if reading is None:
            return
        if reading.is_over and reading.stage not in self._told_over:
            self._told_over.add(reading.stage)
            from workbook.gui.agenda_bar import agenda_title
            from workbook.workshop import EXTEND_MINUTES

            self.window.statusBar().showMessage(
                f"Time is up for {agenda_title(reading.stage)}. Carry on, or press "
                f"Ctrl+Alt+Up for {EXTEND_MINUTES} more minutes.",
                NOTICE_MS,
            )
        elif not reading.is_over:
            self._told_over.discard(reading.stage)

    def _page_shown(self) -> None:
        if not self.active or self.timer is None or not self.window.has_workspace():
            return
        page = self.window.page_stack.currentWidget()
        page_id = getattr(page, "page_id", None)
        if page_id is None:
            return
        self.timer.switch_to(_STAGE_OF_PAGE.get(PageId(page_id)))
        self.bar.set_current(PageId(page_id))
        self._tick()

    # ------------------------------------------------------------ the plan's minutes

    def _plan_minutes(self) -> dict[str, int]:
        return self.window.document.plan.workshop.timeboxes.model_dump()

    def _minutes_changed(self) -> None:
        if self.timer is None:
            return
        for key, minutes in self._plan_minutes().items():
            self.timer.set_minutes(Stage(key), minutes)
        if self.bar is not None:
            self.bar.set_minutes(self.timer.minutes)
        self._tick()

    def ask_minutes(self, stage: Stage, current: int) -> int | None:
        """The minutes for ``stage``, or ``None`` if cancelled (a method, so tests patch it)."""
        from workbook.gui.agenda_bar import agenda_title

        value, accepted = QInputDialog.getInt(
            self.window,
            "Minutes for this stage",
            f"Minutes set aside for {agenda_title(stage)}:",
            current,
            1,
            480,
        )
        return value if accepted else None

    def set_stage_minutes(self, stage: Stage) -> None:
        """The agenda's context menu: the stage's time-box, as an undoable edit of the plan."""
        document = self.window.document
        if document.session.read_only:
            return
        minutes = self.ask_minutes(stage, document.value((*TIMEBOXES, stage.value)))
        if minutes is not None:
            document.set_value((*TIMEBOXES, stage.value), minutes)

    # ------------------------------------------------------------ pieces

    def focus_bar(self) -> None:
        """F6 in workshop mode: the agenda, on the current stage's button."""
        if self.bar is not None and (button := self.bar.current_button()) is not None:
            button.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _take_start_snapshot(self) -> str | None:
        from workbook.model import SnapshotKind

        document = self.window.document
        # Through the document: it keeps the snapshot with the plan (modified, autosaved)
        # and tells the snapshots window.
        snapshot = document.take_automatic_snapshot(SnapshotKind.WORKSHOP_START)
        if snapshot is not None:
            return snapshot.id
        # Nothing changed since the newest snapshot: the workshop starts from that one.
        snapshots = document.session.snapshots()
        return snapshots[-1].id if snapshots else None

    def _show_bar(self, shown: bool) -> None:
        if shown and self._toolbar is None:
            from workbook.gui.agenda_bar import AgendaBar

            self.bar = AgendaBar()
            self.bar.page_chosen.connect(lambda p: self.window.go_to_page(p, focus=True))
            self.bar.pause_requested.connect(self.toggle_pause)
            self.bar.extend_requested.connect(self.extend)
            self.bar.end_requested.connect(self.end)
            self.bar.minutes_requested.connect(self.set_stage_minutes)
            toolbar = QToolBar("Workshop agenda")
            toolbar.setObjectName("workshop_toolbar")
            toolbar.setMovable(False)
            toolbar.setFloatable(False)
            toolbar.toggleViewAction().setVisible(False)  # not hidden by a right-click
            toolbar.addWidget(self.bar)
            self.window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
            self._toolbar = toolbar
            self._ticker = QTimer(toolbar)
            self._ticker.setInterval(TICK_MS)
            self._ticker.timeout.connect(self._tick)
        if self._toolbar is not None:
            if shown and self.timer is not None:
                self.bar.set_minutes(self.timer.minutes)
                self.bar.set_paused(False)
            self._toolbar.setVisible(shown and self.window.has_plan)

    def _connect_once(self) -> None:
        if self._connected:
            return
        self._connected = True
        window = self.window
        window.page_stack.currentChanged.connect(lambda _index: self._page_shown())
        document = window.document
        document.value_changed.connect(
            lambda path: self._minutes_changed() if tuple(path[:2]) == TIMEBOXES else None
        )
        document.plan_replaced.connect(self._minutes_changed)

    def plan_shown(self, has_plan: bool) -> None:
        """The window's state changed (a plan opened or closed): the agenda needs a plan."""
        if self._toolbar is not None:
            self._toolbar.setVisible(self.active and has_plan)

    def _refresh_privacy(self) -> None:
        from workbook.gui.privacy import watch_dialogs

        watch_dialogs(self.active)
        self.window.start_page.set_private(self.active)
        self.window.update_state()

    def _sync_action(self) -> None:
        actions = getattr(self.window, "actions", None)
        if actions is None or not hasattr(actions, "workshop_mode"):
            return
        actions.workshop_mode.setChecked(self.active)
        actions.workshop_pause.setEnabled(self.active)
        actions.workshop_extend.setEnabled(self.active)
