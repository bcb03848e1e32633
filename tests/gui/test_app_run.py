"""Starting the app: run() opens the plans it is given, offers crash recovery first, stays
light at start-up (no PDF library, no pages before a plan is shown)."""

from __future__ import annotations

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
    """Showing the first window must not load the PDF library, the plan model (pydantic:
    loaded with the first plan) or build the stage pages."""
    script = textwrap.dedent("""
        import sys
        from workbook.gui.app import create_application
        from workbook.gui.main_window import MainWindow
        app = create_application()
        window = MainWindow()
        window.show()
        model_loaded = "pydantic" in sys.modules
        app.processEvents()
        print("reportlab" in sys.modules, model_loaded, len(window.pages.built()))
        window.close()
    """)
    assert run_app_script(script, tmp_path) == ["False", "False", "0"]


def test_start_sets_aside_its_own_objects_but_never_a_plan(tmp_path):
    """The real start (``workbook`` with no arguments) never pauses the collector; after the
    first paint it freezes its own long-lived objects, but not the plan restored from a
    recovery copy (a frozen plan could not be collected once closed)."""
    script = textwrap.dedent("""
        import gc
        from workbook.appdirs import recovery_dir
        from workbook.gui import dialogs
        import workbook.gui.app as app_module
        from workbook.model import Plan
        from workbook.recovery import RecoveryStore
        plan = Plan()
        plan.details.title = "Restored"
        RecoveryStore(recovery_dir()).write(plan, None, "crashed-session")
        dialogs.ask_recovery = lambda parent, items: ("restore", 0)
        seen = {}
        original_open = app_module.open_windows
        def open_windows(paths):
            seen["while building"] = gc.isenabled()
            windows = original_open(paths)
            offer = windows[0].files.offer_recovery
            def offer_then_quit():
                seen["frozen before the offer"] = gc.get_freeze_count() > 0
                offer()
                restored = windows[0].document.plan
                seen["title"] = restored.details.title
                seen["collectable"] = all(
                    any(o is part for o in gc.get_objects())
                    for part in (restored, restored.details, restored.listening.notes)
                )
                seen["after"] = gc.isenabled()
                windows[0].document.undo_stack.setClean()
                app_module.QApplication.quit()
            windows[0].files.offer_recovery = offer_then_quit
            return windows
        app_module.open_windows = open_windows
        from workbook.cli import main
        code = main([])
        print(code, *(seen[k] for k in ("while building", "frozen before the offer",
              "title", "collectable", "after")))
    """)
    assert run_app_script(script, tmp_path) == ["0", "True", "True", "Restored", "True", "True"]


def test_the_model_waits_for_the_first_plan_and_is_set_aside_before_it_is_read(tmp_path):
    """The real start shows the start page, checks for recovery copies and lists the
    examples without the plan model; the first plan loads it, and the model's classes are
    frozen with the start-up objects while the plan itself stays collectable."""
    script = textwrap.dedent("""
        import gc, sys
        import workbook.gui.app as app_module
        seen = {}
        original_open = app_module.open_windows
        def open_windows(paths):
            windows = original_open(paths)
            offer = windows[0].files.offer_recovery
            def offer_then_open():
                offer()
                windows[0].start_page.load_examples()  # (again, if it ran first)
                seen["model after the start"] = "workbook.model" in sys.modules
                seen["examples listed"] = windows[0].start_page.examples.count() > 0
                windows[0].files.open_example("bakery")
                from workbook.model import ListeningNote, Plan
                plan = windows[0].document.plan
                tracked = {id(o) for o in gc.get_objects()}
                seen["model frozen"] = id(Plan) not in tracked and id(ListeningNote) not in tracked
                seen["plan collectable"] = all(
                    id(part) in tracked for part in (plan, plan.details, plan.listening.notes)
                )
                windows[0].document.undo_stack.setClean()
                windows[0].files.confirm_close_plan = lambda: True
                app_module.QApplication.quit()
            windows[0].files.offer_recovery = offer_then_open
            return windows
        app_module.open_windows = open_windows
        from workbook.cli import main
        code = main([])
        print(code, *(seen[k] for k in ("model after the start", "examples listed",
              "model frozen", "plan collectable")))
    """)
    assert run_app_script(script, tmp_path) == ["0", "False", "True", "True", "True"]
