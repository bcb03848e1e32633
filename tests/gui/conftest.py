"""Fixtures for the GUI tests: a main window with isolated settings, answered dialogs, and the
app's look (font, palette) restored after each test."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _restore_app_look(qapp) -> Iterator[None]:
    """Text size and palette are application-wide: put them back after every test."""
    from PySide6.QtGui import QFont, QPalette

    font, palette = QFont(qapp.font()), QPalette(qapp.palette())
    base = qapp.property("workbook_base_font")
    yield
    qapp.setFont(font)
    qapp.setPalette(palette)
    qapp.setProperty("workbook_base_font", base)


@pytest.fixture
def settings():
    from workbook.gui.settings import Settings

    return Settings()


class Answers:
    """Stands in for the user in front of modal dialogs: each dialog function of
    workbook.gui.dialogs is replaced by a queue of answers, and every question is logged."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from workbook.gui import dialogs

        self.dialogs = dialogs
        self.monkeypatch = monkeypatch
        self.asked: list[tuple[str, tuple]] = []
        self._queues: dict[str, list[Any]] = {}
        for name in dir(dialogs):
            if name.startswith(("ask_", "show_")) and callable(getattr(dialogs, name)):
                monkeypatch.setattr(dialogs, name, self._make(name))

    def _make(self, name: str) -> Callable:
        def answer(*args: Any) -> Any:
            self.asked.append((name, args))
            queue = self._queues.get(name)
            if name.startswith("show_"):
                return None
            if not queue:
                raise AssertionError(f"unexpected dialog {name}{args[1:]!r}")
            value = queue.pop(0)
            return value(*args) if callable(value) else value

        return answer

    def set(self, name: str, *values: Any) -> None:
        """The next answers to dialog ``name`` (a value, or a callable given its arguments)."""
        self._queues.setdefault(name, []).extend(values)

    def names(self) -> list[str]:
        return [name for name, _args in self.asked]

    def messages(self, name: str) -> list[tuple]:
        return [args for n, args in self.asked if n == name]


@pytest.fixture
def answers(monkeypatch) -> Answers:
    return Answers(monkeypatch)


@pytest.fixture
def make_window(qtbot, settings, answers) -> Iterator[Callable[..., Any]]:
    """Build main windows; each is closed at the end without questions."""
    from workbook.gui.main_window import MainWindow

    made = []

    def make(**kwargs: Any) -> MainWindow:
        autosave_ms = kwargs.pop("autosave_ms", 20)
        kwargs.setdefault("settings", settings)
        window = MainWindow(**kwargs)
        if autosave_ms is not None:
            window.autosaver.set_interval(autosave_ms)
        made.append(window)
        return window

    yield make
    for window in made:
        window.autosaver.wait()
        window.document.undo_stack.setClean()
        window.close()
        window.autosaver.close()
        window.document.session.close()
        window.deleteLater()


@pytest.fixture
def window(make_window):
    return make_window()


def write_plan(path: Path, **details: str) -> Path:
    """A plan file made through the real save function."""
    from workbook.model import Plan
    from workbook.storage import save_plan

    plan = Plan()
    for key, value in details.items():
        setattr(plan.details, key, value)
    save_plan(plan, path)
    return path


REPO = Path(__file__).resolve().parents[2]


def run_app_script(script: str, tmp_path: Path, *args: str) -> list[str]:
    """Run ``script`` in a fresh Python (offscreen, settings and data under ``tmp_path``),
    as a start of the app would; returns the words it printed. Fails on a non-zero exit."""
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "WORKBOOK_CONFIG_DIR": str(tmp_path / "c"),
        "WORKBOOK_DATA_DIR": str(tmp_path / "d"),
        "PYTHONPATH": str(REPO),
        "HOME": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()
