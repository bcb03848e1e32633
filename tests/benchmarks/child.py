"""Child processes of the benchmark: one Qt scenario per process, one JSON line on stdout.

``python -m tests.benchmarks.child MODE [PLAN]``. Start-up and memory need a fresh
process each time; the others get one so that no measure warms another's caches. This
module imports nothing heavy at the top: the bare window and the app pay the same for it.

Times are ``time.monotonic()`` (the same clock in the parent on Linux) or durations in
seconds measured with ``time.perf_counter()``.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from typing import Any

RESULT_MARK = "BENCH-RESULT "

STALL_S = 0.005
"""A gap this long between two turns of the event loop means it was busy."""
QUIET_S = 0.15
"""The loop counts as idle once it has answered without a stall for this long."""


def emit(result: dict) -> None:
    print(RESULT_MARK + json.dumps(result), flush=True)


def peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _watch_class():
    """Defined on first use so that importing this module does not import Qt."""
    from PySide6.QtCore import QObject, QTimer

    class LoopWatch(QObject):
        """Notes when ``widget``'s window is on screen, then when the event loop is idle
        again, and calls ``then()``. A zero-interval timer ticks once per turn of the loop:
        until the window reports itself exposed (Qt paints a window while it handles the
        expose, so its first paint is then done), then as the idle check, where a long gap
        between ticks is work the loop did instead of answering the user. (No event filter:
        a Python event filter can crash PySide6 while it creates wrapper types lazily.)"""

        def __init__(self, widget, then) -> None:
            super().__init__()
            self.then = then
            self.widget = widget
            self.painted_at: float | None = None
            self.idle_at: float | None = None
            # CPU time of this process at the same moments: a busy machine stretches wall
            # time far more than the work done, so this tells a slower start from a busier
            # machine (the X server's and the compositor's work is not in it).
            self.painted_cpu: float | None = None
            self.idle_cpu: float | None = None
            self.longest_stall = 0.0
            self._ticker = QTimer(self)
            self._ticker.setInterval(0)
            self._ticker.timeout.connect(self._tick)
            self._last = self._quiet_since = time.monotonic()
            self._quiet_cpu = time.process_time()
            self._ticker.start()

        def _on_screen(self) -> bool:
            handle = self.widget.window().windowHandle()
            return self.widget.isVisible() and handle is not None and handle.isExposed()

        def _tick(self) -> None:
            now = time.monotonic()
            if self.widget is not None and self.painted_at is None:
                if self._on_screen():
                    self.painted_at = self._last = self._quiet_since = now
                    self.painted_cpu = self._quiet_cpu = time.process_time()
                return
            gap = now - self._last
            if gap > STALL_S:
                self.longest_stall = max(self.longest_stall, gap)
                self._quiet_since = now
                self._quiet_cpu = time.process_time()
            self._last = now
            if now - self._quiet_since >= QUIET_S:
                self._ticker.stop()
                self.idle_at = self._quiet_since
                self.idle_cpu = self._quiet_cpu  # the spinning of the idle check is not work
                self.then()

    return LoopWatch


def wait_painted_and_idle(widget) -> object:
    """Run the event loop until ``widget`` (None: nothing) is on screen and the loop is idle.
    For a window already on screen, the first turn of the loop comes after the posted
    events, its repaint among them."""
    from PySide6.QtCore import QEventLoop

    loop = QEventLoop()
    watch = _watch_class()(widget, loop.quit)
    loop.exec()
    return watch


# ---------------------------------------------------------------- start-up and memory


def _time_window(app: Any, window: Any, peak: Callable[[], float] | None = None) -> None:
    """Show ``window`` at the benchmark's size, run until it is idle, and report when it
    was painted and idle (and the peak memory, when ``peak`` is given)."""
    window.resize(1200, 800)
    watch = _watch_class()(window, app.quit)
    window.show()
    app.exec()
    times = {
        "shown": watch.painted_at,
        "idle": watch.idle_at,
        "shown_cpu": watch.painted_cpu,
        "idle_cpu": watch.idle_cpu,
    }
    emit(times if peak is None else {**times, "peak_rss_mb": peak()})


def bare_start(memory: bool = False) -> None:
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication(sys.argv[:1])
    _time_window(app, QWidget(), peak_rss_mb)


def plain_start(with_qt: bool = False) -> None:
    """The plainest window with text, for comparison only: a main window with a menu bar
    (one menu, three actions), a heading, a line of text and a button in the page, and a
    status bar message. What any window that shows words pays for and the bare window does
    not (the font database, text layout, a menu bar), with nothing of the app's.

    ``with_qt``: the same window with its heading centred, the one change that makes it
    use PySide6's ``Qt`` namespace, whose 93 enum classes are built on first use."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import (
        QApplication,
        QLabel,
        QMainWindow,
        QPushButton,
        QVBoxLayout,
        QWidget,
    )

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    menu = window.menuBar().addMenu("&File")
    for text in ("&New", "&Open…", "&Quit"):
        menu.addAction(QAction(text, window))
    page = QWidget()
    column = QVBoxLayout(page)
    heading = QLabel("<h1>A window with words</h1>")
    if with_qt:
        from PySide6.QtCore import Qt

        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
    column.addWidget(heading)
    column.addWidget(QLabel("A line of text to read, as every real window has."))
    column.addWidget(QPushButton("&Start"))
    column.addStretch()
    window.setCentralWidget(page)
    window.statusBar().showMessage("Ready")
    _time_window(app, window)


def start_page_only() -> None:
    """The app's start page alone, for comparison only: the window's first frame as it
    would be if everything not on the start page (the plan document, the menus' actions,
    the search, the workshop mode) were made after the first paint. Its settings, theme,
    icon and recent plans as the app has them; five empty menus."""
    from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget

    from workbook.gui.settings import Settings
    from workbook.gui.start_page import StartPage
    from workbook.gui.theme import app_icon, apply_text_scale, apply_theme

    app = QApplication(sys.argv[:1])
    app.setWindowIcon(app_icon())
    window = QMainWindow()
    settings = Settings()
    pages = QStackedWidget()
    pages.addWidget(StartPage(settings))
    window.setCentralWidget(pages)
    for title in ("&File", "&Edit", "&View", "&Go", "&Help"):
        window.menuBar().addMenu(title)
    window.statusBar()
    apply_text_scale(app, settings.text_scale)
    apply_theme(app, settings.theme)
    _time_window(app, window)


def app_start(plan: str | None = None, memory: bool = False) -> None:
    """The app's real start path (``workbook [PLAN]``), stopped once its first window
    has painted and settled (and, for memory, once the notes of ``plan`` are on screen)."""
    import workbook.gui.app as app_module

    original = app_module.open_windows
    found: dict = {}

    def open_windows(paths, **options):
        windows = original(paths, **options)
        found["window"] = windows[0]
        found["watch"] = _watch_class()(windows[0], after_start)
        return windows

    def after_start() -> None:
        if memory:
            show_notes(found["window"])
            found["notes_watch"] = wait_painted_and_idle(None)
        app_module.QApplication.quit()

    app_module.open_windows = open_windows
    from workbook.cli import main

    work = None
    if plan:
        plan, work = _private_copy(plan)
    code = main([plan] if plan else [])
    watch = found["watch"]
    emit(
        {
            "shown": watch.painted_at,
            "idle": watch.idle_at,
            "shown_cpu": watch.painted_cpu,
            "idle_cpu": watch.idle_cpu,
            "exit": code,
            "peak_rss_mb": peak_rss_mb(),
            "plan_open": bool(found["window"].has_plan),
        }
    )
    found["window"].close()  # lets go of the plan's lock
    if work is not None:
        import shutil

        shutil.rmtree(work, ignore_errors=True)


def _private_copy(plan: str) -> tuple[str, object]:
    """A copy of ``plan`` in a folder of its own: every run opens (and locks) its own file."""
    import shutil
    import tempfile
    from pathlib import Path

    work = Path(tempfile.mkdtemp(prefix="workbook-bench-"))
    path = work / Path(plan).name
    shutil.copyfile(plan, path)
    return str(path), work


def show_notes(window) -> None:
    """Put the listening notes table on screen."""
    from workbook.gui.pages import PageId

    window.go_to_page(PageId.LISTENING)
    page = window.pages[PageId.LISTENING]
    page.tab_widget.setCurrentIndex(1)


# ---------------------------------------------------------------- inside a running window


class Counters:
    """Counts, on the UI thread only, calls that touch the disk and full recomputations."""

    IO_CALLS = (
        ("builtins", "open"),
        ("io", "open"),
        ("os", "open"),
        ("os", "replace"),
        ("os", "rename"),
        ("os", "fsync"),
        ("os", "unlink"),
        ("os", "mkdir"),
        ("os", "write"),
        ("os", "stat"),
        ("os", "scandir"),
        ("os", "listdir"),
    )
    RECOMPUTE = (
        ("workbook.completeness", "assess"),
        ("workbook.gui.pages.notes_summary", "theme_counts"),
        ("workbook.gui.pages.notes_summary", "sentiment_counts"),
    )

    def __init__(self) -> None:
        import threading

        self.main = threading.main_thread()
        self.threading = threading
        self.counts: dict[str, int] = {}
        self._saved: list[tuple[object, str, object]] = []

    def _wrap(self, owner: object, name: str, label: str) -> None:
        original = getattr(owner, name)

        def counted(*args, **kwargs):
            if self.threading.current_thread() is self.main:
                self.counts[label] = self.counts.get(label, 0) + 1
            return original(*args, **kwargs)

        self._saved.append((owner, name, original))
        setattr(owner, name, counted)

    def install(self) -> None:
        import importlib

        for module, name in self.IO_CALLS + self.RECOMPUTE:
            self._wrap(importlib.import_module(module), name, f"{module}.{name}")

    def uninstall(self) -> None:
        for owner, name, original in reversed(self._saved):
            setattr(owner, name, original)
        self._saved.clear()

    def take(self) -> dict[str, int]:
        counts, self.counts = self.counts, {}
        return counts

    @classmethod
    def is_io(cls, label: str) -> bool:
        return label.rsplit(".", 1)[0] in {m for m, _n in cls.IO_CALLS}


def _type_keys(app, editor, keys: int) -> list[float]:
    """Per key: the key press and release, then the events they posted (repaint included)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    times = []
    for index in range(keys):
        key = Qt.Key.Key_Space if index % 6 == 5 else Qt.Key.Key_A
        start = time.perf_counter()
        QTest.keyClick(editor, key)
        app.processEvents()
        times.append(time.perf_counter() - start)
    return times


def _timed(action, repeats: int = 5) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def _notes_cell_editor(app, window):
    """Open the editor of the first visible note's "what was said" cell."""
    from PySide6.QtWidgets import QPlainTextEdit

    from workbook.gui.pages import PageId

    show_notes(window)
    wait_painted_and_idle(None)
    page = window.pages[PageId.LISTENING]
    table = page.notes_panel.table
    view = table.view
    proxy = view.model()
    index = proxy.index(0, table.model.column_of("said"))
    view.setCurrentIndex(index)
    view.edit(index)
    app.processEvents()
    editors = [e for e in view.viewport().findChildren(QPlainTextEdit) if e.isVisible()]
    if not editors:
        raise RuntimeError("the notes cell editor did not open")
    editor = editors[0]
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    return page, editor


def _spelling(app, enabled: bool) -> None:
    """Spell-check off or on in every editor (as the Preferences do); on, once its
    dictionary is loaded (it loads on a worker thread)."""
    from workbook.gui.spell_highlighter import loader, set_spelling_options

    set_spelling_options(enabled, "en_GB")
    while enabled and loader().speller("en_GB") is None:
        app.processEvents()
        time.sleep(0.005)
    app.processEvents()


def _type_and_pause(app, editor, keys: int, counters: Counters, result: dict, prefix: str) -> None:
    """Type ``keys`` keys, then wait out the debounced work (the spelling check included)."""
    counters.install()
    result[f"{prefix}_keys"] = _type_keys(app, editor, keys)
    result[f"{prefix}_counts"] = counters.take()
    # Long enough for every debounced timer (the 150 ms progress, the 400 ms autosave).
    result[f"{prefix}_debounced_latest_frame"] = _latest_frame(1.2)
    result[f"{prefix}_debounced_counts"] = counters.take()
    counters.uninstall()


def interaction(plan: str, keys: int = 60) -> None:
    """Open the plan in the real window, type in a field and in a notes cell (spell-check
    off, then on), save."""
    import shutil
    from pathlib import Path

    from PySide6.QtWidgets import QLineEdit

    import workbook.gui.app as app_module
    from workbook.gui.app import create_application
    from workbook.gui.main_window import MainWindow

    copy, work = _private_copy(plan)
    path = Path(copy)
    app = create_application()
    window = MainWindow()
    window.show()
    wait_painted_and_idle(window)
    window.files.offer_recovery()
    window.start_page.load_examples()
    app_module.freeze_start_up_objects()  # as the app's start does after its first paint

    # The floor: read, parse and validate the same file (the model already imported).
    from workbook.model import Plan

    def bare_load() -> None:
        Plan.model_validate(json.loads(path.read_bytes()))

    floor_open = _timed(bare_load)

    start = time.monotonic()
    window.files.open_path(path)
    returned = time.monotonic()
    window.update()
    watch = wait_painted_and_idle(window)
    result: dict = {
        "floor_open": floor_open,
        "open_returned": returned - start,
        "open_painted": watch.painted_at - start,
        "open_usable": watch.idle_at - start,
    }

    window.autosaver.set_interval(400)  # so the debounced autosave falls inside the watch
    counters = Counters()
    from workbook.gui.pages import PageId

    # A text field on the details page.
    window.go_to_page(PageId.DETAILS)
    wait_painted_and_idle(None)
    result["idle_latest_frame"] = _latest_frame(1.2)  # the control: nothing to do
    field = window.findChild(QLineEdit, "details.organisation")
    field.setFocus()
    field.end(False)
    _spelling(app, False)
    _type_and_pause(app, field, keys, counters, result, "field")
    _spelling(app, True)
    _type_and_pause(app, field, keys, counters, result, "field_spelling")

    # A cell of the notes table, with the 2,000 notes open.
    _spelling(app, False)
    page, editor = _notes_cell_editor(app, window)
    _type_and_pause(app, editor, keys, counters, result, "cell")
    _spelling(app, True)
    _type_and_pause(app, editor, keys, counters, result, "cell_spelling")

    # The debounced work, one piece at a time, as it runs after a pause in typing.
    document = window.document
    summary = page.summary

    def refresh_progress() -> None:
        document._touch()  # what every edit does: the cached completeness is stale
        window.step_list.refresh()

    result["debounced"] = {
        "progress (step list)": _timed(refresh_progress),
        "themes and sentiment recount": _timed(summary.recount),
        "autosave snapshot (UI thread part)": _timed(window.autosaver._prepare),
    }
    view = page.notes_panel.table.view
    view.setFocus()  # close the cell editor

    # Saving from the window (Ctrl+S) blocks the UI thread for the whole save.
    window.autosaver.wait()
    save_times = []
    for _ in range(3):
        document.set_value(("details", "organisation"), f"Save test {len(save_times)}")
        start = time.perf_counter()
        saved = window.files.save()
        save_times.append(time.perf_counter() - start)
        assert saved
    result["window_save"] = sorted(save_times)[1]
    emit(result)
    window.document.undo_stack.setClean()
    window.close()
    shutil.rmtree(work, ignore_errors=True)


class FrameClock:
    """A 60 Hz timer on the UI thread that notes how late each tick comes: the longest
    lateness is the longest the window could not have answered a key or repainted.

    Unlike spinning the event loop, it leaves the UI thread idle between ticks, as a user's
    window is, so it does not compete with other work for the CPU.

    ``busiest`` is the most CPU time the UI thread itself used between two ticks: on a
    busy machine a tick can come late although the window had nothing to do, and this
    tells the two apart. ``own_latest`` is the longest lateness the UI thread's own work
    can account for (a tick's lateness, but no more than the CPU time used since the
    tick before): work done a piece a turn may keep the thread busy between two ticks
    without making either late."""

    FRAME_S = 0.016

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.latest = 0.0
        self.busiest = 0.0
        self.own_latest = 0.0
        self.late_ticks = 0
        self.ticks = 0
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(int(self.FRAME_S * 1000))
        self._timer.timeout.connect(self._tick)
        self.on_tick = None

    def start(self) -> None:
        self._last = time.perf_counter()
        self._last_cpu = time.thread_time()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        late = now - self._last - self.FRAME_S
        self.latest = max(self.latest, late)
        self.busiest = max(self.busiest, cpu - self._last_cpu)
        self.own_latest = max(self.own_latest, min(late, cpu - self._last_cpu))
        self.late_ticks += late > self.FRAME_S
        self._last, self._last_cpu = now, cpu
        self.ticks += 1
        if self.on_tick is not None:
            self.on_tick()


def _latest_frame(seconds: float) -> float:
    """Run the event loop for ``seconds``; how late the latest 60 Hz tick came."""
    from PySide6.QtCore import QEventLoop, QTimer

    clock = FrameClock()
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    clock.start()
    loop.exec()
    clock.stop()
    return clock.latest


def export_in_window(plan: str) -> None:
    """Export the plan from the window as the user does (the PDF is made by a child process);
    watch the progress dialog and how late a 60 Hz timer on the UI thread comes meanwhile.
    Then the same timer for as long again with the window idle: the machine's own noise."""
    import shutil
    from pathlib import Path

    from PySide6.QtCore import QEventLoop, QTimer

    from workbook.gui import dialogs
    from workbook.gui.app import create_application
    from workbook.gui.export_controller import ExportController
    from workbook.gui.main_window import MainWindow

    plan, work = _private_copy(plan)
    target = Path(work) / "plan.pdf"
    _app = create_application()  # kept: the windows need it alive
    window = MainWindow()
    window.show()
    window.files.open_path(plan)
    wait_painted_and_idle(window)
    # The plan check's first run comes 0.4 s after the plan opens, whatever the user does
    # next (a 50 ms hitch of its own, in the "after typing pauses" rows): let it pass, so
    # that what is timed below is the export's doing.
    from workbook.gui.lint_runner import LintRunner

    runner = LintRunner.of(window.document)
    while not runner.has_run:
        _app.processEvents()
        time.sleep(0.005)
    wait_painted_and_idle(None)
    ExportController.ask_export_options = lambda self, defaults: defaults
    ExportController.ask_after_export = lambda self, path, warnings: "close"
    dialogs.ask_pdf_path = lambda parent, suggested: target

    loop = QEventLoop()
    seen = {"dialog_shown": False, "values": set()}

    def look() -> None:
        controller = window._export_controller
        dialog = controller.progress_dialog if controller is not None else None
        if dialog is not None and dialog.isVisible():
            seen["dialog_shown"] = True
            seen["values"].add(dialog.value())

    controller = window.export_controller
    controller.finished.connect(loop.quit)
    controller.failed.connect(lambda message: (print(message, file=sys.stderr), loop.quit()))
    timing: dict[str, float] = {}

    def click() -> None:
        # The file dialog is answered above: the PDF goes to target.
        timing["start"] = time.perf_counter()
        window.export_pdf_as()
        timing["click"] = time.perf_counter() - timing["start"]

    clock = FrameClock()
    clock.on_tick = look
    clock.start()  # the click is timed too: the snapshot, and the plan handed to the child
    QTimer.singleShot(100, click)
    loop.exec()
    clock.stop()
    seconds = time.perf_counter() - timing["start"]
    click = timing["click"]
    idle = FrameClock()
    idle_loop = QEventLoop()
    QTimer.singleShot(int(min(seconds, 20.0) * 1000), idle_loop.quit)
    idle.start()
    idle_loop.exec()
    idle.stop()
    emit(
        {
            "seconds": seconds,
            "click": click,
            "dialog_shown": seen["dialog_shown"],
            "progress_values": len(seen["values"]),
            "latest_frame": clock.latest,
            "busiest_frame": clock.busiest,
            "own_latest_frame": clock.own_latest,
            "late_ticks": clock.late_ticks,
            "ticks": clock.ticks,
            "idle_latest_frame": idle.latest,
            "idle_seconds": min(seconds, 20.0),
            "pdf_bytes": target.stat().st_size if target.exists() else 0,
        }
    )
    # The snapshot taken before the export is plan data: the plan counts as modified, and
    # closing would ask about it (a modal question nobody answers here).
    window.document.undo_stack.setClean()
    window.close()
    shutil.rmtree(work, ignore_errors=True)


def prepare(*plans: str) -> None:
    """Fill the recent-plans list, as a consultant's start page would be."""
    from pathlib import Path

    from PySide6.QtCore import QCoreApplication

    from workbook.gui.app import create_application
    from workbook.gui.settings import RecentPlan, Settings
    from workbook.storage import load_plan

    _app = create_application()  # kept: the windows need it alive
    settings = Settings()
    for plan in plans:
        details = load_plan(plan).plan.details
        settings.add_recent(RecentPlan(Path(plan).absolute(), details.title, details.organisation))
    settings.sync()
    QCoreApplication.processEvents()
    emit({"recent": len(settings.recent_plans)})


MODES = {
    "bare-start": lambda: bare_start(),
    "plain-start": plain_start,
    "plain-qt-start": lambda: plain_start(with_qt=True),
    "start-page-only": start_page_only,
    "app-start": lambda: app_start(),
    "bare-memory": lambda: bare_start(memory=True),
    "app-memory": lambda plan: app_start(plan, memory=True),
    "interaction": interaction,
    "export-in-window": export_in_window,
    "spelling": lambda: __import__(
        "tests.benchmarks.spelling"
    ).benchmarks.spelling.spelling_child(),
    "prepare": prepare,
}


if __name__ == "__main__":
    MODES[sys.argv[1]](*sys.argv[2:])
