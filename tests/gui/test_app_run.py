"""Starting the app: run() opens the plans it is given, offers crash recovery first, stays
light at start-up (no PDF library, no pages before a plan is shown)."""

from __future__ import annotations

import sys
import textwrap

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import run_app_script, write_plan
from workbook.appdirs import recovery_dir
from workbook.gui import app as app_module
from workbook.gui.main_window import MainWindow
from workbook.model import Plan
from workbook.recovery import RecoveryStore

pytestmark = pytest.mark.gui


def _main_windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]


def _close_when(condition, seen: list) -> QTimer:
    """Close the app's windows once ``condition(window)`` holds (checked between events)."""
    timer = QTimer()
    timer.setInterval(0)

    def check() -> None:
        for window in _main_windows():
            if window.isVisible() and condition(window):
                seen.append((window.document.file_path, window.document.plan.details.title))
                timer.stop()
                window.document.undo_stack.setClean()
                window.close()

    timer.timeout.connect(check)
    timer.start()
    return timer


def test_run_opens_the_plan_it_is_given(qapp, answers, tmp_path):
    path = write_plan(tmp_path / "client.json", title="Client plan")
    seen: list = []
    timer = _close_when(lambda w: w.document.file_path is not None, seen)
    assert app_module.run([str(path)]) == 0
    timer.stop()
    assert seen == [(path.absolute(), "Client plan")]
    assert qapp.applicationName() == "social-media-value-workbook"
    assert qapp.applicationDisplayName() == "Social Media Value Workbook"
    assert not qapp.windowIcon().isNull()


def test_run_with_a_broken_plan_shows_the_error_and_the_start_page(qapp, answers, tmp_path):
    path = tmp_path / "broken.json"
    path.write_bytes(b"not json at all")
    seen: list = []
    timer = _close_when(lambda w: bool(answers.messages("show_error")), seen)
    assert app_module.run([str(path)]) == 0
    timer.stop()
    ((_parent, title, message),) = answers.messages("show_error")
    assert "broken.json" in message
    assert path.read_bytes() == b"not json at all"
    assert seen == [(None, "")]


def test_start_offers_recovery_before_opening_files(qtbot, answers, tmp_path):
    RecoveryStore(recovery_dir()).write(Plan(), None, "crashed-session")
    path = write_plan(tmp_path / "client.json", title="Client plan")
    answers.set("ask_recovery", ("keep", 0))
    windows = app_module.open_windows([str(path)])
    try:
        qtbot.waitUntil(lambda: windows[0].document.file_path is not None)
        assert answers.names()[0] == "ask_recovery"
    finally:
        for window in windows:
            window.close()
            window.deleteLater()


def test_self_test_is_handed_to_the_self_test(monkeypatch):
    from workbook.gui import selftest

    monkeypatch.setattr(selftest, "run_self_test", lambda: 7)
    assert app_module.run([], self_test=True) == 7


def test_start_up_stays_light(tmp_path):
    """Showing the first window must not load the PDF library or build the stage pages."""
    script = textwrap.dedent("""
        import sys
        from workbook.gui.app import create_application
        from workbook.gui.main_window import MainWindow
        app = create_application()
        window = MainWindow()
        window.show()
        app.processEvents()
        print("reportlab" in sys.modules, len(window.pages.built()))
        window.close()
    """)
    assert run_app_script(script, tmp_path) == ["False", "0"]


def test_collection_pauses_until_the_first_paint_then_resumes(tmp_path):
    """The real start (``workbook`` with no arguments) builds its window with the garbage
    collector paused, and turns it back on, with the start-up objects frozen, once the
    window is painted; an app left with collection off would slowly fill memory."""
    script = textwrap.dedent("""
        import gc
        import workbook.gui.app as app_module
        seen = {}
        original_open, original_freeze = app_module.open_windows, app_module.freeze_start_up_objects
        def open_windows(paths, **options):
            seen["while building"] = gc.isenabled()
            return original_open(paths, **options)
        def freeze():
            original_freeze()
            seen["after the paint"] = gc.isenabled()
            seen["frozen"] = gc.get_freeze_count() > 0
            app_module.QApplication.quit()
        app_module.open_windows, app_module.freeze_start_up_objects = open_windows, freeze
        from workbook.cli import main
        code = main([])
        print(code, seen["while building"], seen["after the paint"], seen["frozen"])
    """)
    assert run_app_script(script, tmp_path) == ["0", "False", "True", "True"]


def test_the_command_line_leaves_collection_as_it_found_it(monkeypatch):
    import gc

    from workbook import cli

    monkeypatch.setattr(cli, "_start_gui", lambda paths, self_test: int(gc.isenabled()))
    assert gc.isenabled()
    assert cli._run_gui([], False) == 0  # paused while the window starts
    assert gc.isenabled()


def test_collection_resumes_even_when_the_recovery_offer_fails(qtbot, monkeypatch):
    import gc

    from workbook.gui.plan_files import PlanFiles

    monkeypatch.setattr(
        PlanFiles,
        "offer_recovery",
        lambda self: (_ for _ in ()).throw(RuntimeError("broken recovery")),
    )
    caught: list = []
    monkeypatch.setattr(sys, "excepthook", lambda *info: caught.append(info[1]))
    gc.disable()
    windows: list = []
    try:
        windows = app_module.open_windows([], freeze_after_start=True)
        qtbot.waitUntil(gc.isenabled, timeout=5000)
        assert [str(e) for e in caught] == ["broken recovery"]
    finally:
        gc.enable()
        gc.unfreeze()
        for window in windows:
            window.close()
