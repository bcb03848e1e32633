"""Fixtures for the GUI tests: a main window with isolated settings, answered dialogs, and the
app's look (font, palette) restored after each test."""

from __future__ import annotations

import os
import sys
import types
from collections.abc import Callable, Iterator
from enum import IntEnum
from pathlib import Path
from typing import Any

import pytest


def _install_stub_pages() -> None:
    """A stand-in for workbook.gui.pages while that package is not there yet (or when
    WORKBOOK_TEST_STUB_PAGES=1): one line edit per page, bound to the document."""
    from PySide6.QtCore import Signal
    from PySide6.QtWidgets import QFormLayout, QLineEdit, QPushButton, QWidget

    from workbook.completeness import Stage

    class PageId(IntEnum):
        DETAILS = 0
        MANAGEMENT = 1
        LISTENING = 2
        PLANNING = 3
        ENGAGEMENT = 4
        REVIEW = 5

    fields = {
        PageId.DETAILS: [("details", "title"), ("details", "organisation")],
        PageId.MANAGEMENT: [("management", "governance", "brand_voice")],
        PageId.LISTENING: [("listening", "intent")],
        PageId.PLANNING: [("planning", "intent")],
        PageId.ENGAGEMENT: [("engagement", "review", "cadence")],
        PageId.REVIEW: [],
    }
    stages = {PageId.DETAILS: Stage.DETAILS, PageId.MANAGEMENT: Stage.MANAGEMENT,
              PageId.LISTENING: Stage.LISTENING, PageId.PLANNING: Stage.PLANNING,
              PageId.ENGAGEMENT: Stage.ENGAGEMENT, PageId.REVIEW: None}

    class StagePage(QWidget):
        navigate_requested = Signal(tuple)
        export_requested = Signal()

        def __init__(self, document, page_id, parent=None):
            super().__init__(parent)
            self.document, self.page_id = document, page_id
            self.title, self.stage = page_id.name.title(), stages[page_id]
            layout = QFormLayout(self)
            self.edits = {}
            for path in fields[page_id]:
                edit = QLineEdit()
                edit.setObjectName(".".join(path))
                edit.textEdited.connect(lambda text, p=path: document.set_value(p, text))
                layout.addRow(path[-1], edit)
                self.edits[path] = edit
            if page_id == PageId.REVIEW:
                self.export_button = QPushButton("Export")
                self.export_button.clicked.connect(self.export_requested)
                layout.addRow(self.export_button)
            document.plan_replaced.connect(self.reload)
            document.value_changed.connect(lambda _p: self.reload())
            self.reload()

        def reload(self):
            for path, edit in self.edits.items():
                value = self.document.value(path)
                if edit.text() != value:
                    edit.setText(value)

        def focus_path(self, path):
            edit = self.edits.get(tuple(path))
            if edit is None:
                return False
            edit.setFocus()
            return True

    def create_pages(document, parent=None):
        return {page_id: StagePage(document, page_id, parent) for page_id in PageId}

    def page_for_path(path):
        return {"details": PageId.DETAILS, "management": PageId.MANAGEMENT,
                "listening": PageId.LISTENING, "planning": PageId.PLANNING,
                "engagement": PageId.ENGAGEMENT}.get(path[0], PageId.REVIEW)

    module = types.ModuleType("workbook.gui.pages")
    module.PageId, module.StagePage = PageId, StagePage
    module.create_pages, module.page_for_path = create_pages, page_for_path
    module.IS_TEST_STUB = True
    sys.modules["workbook.gui.pages"] = module


def _real_pages_available() -> bool:
    if os.environ.get("WORKBOOK_TEST_STUB_PAGES") == "1":
        return False
    try:
        from workbook.gui.pages import PageId, create_pages, page_for_path  # noqa: F401
    except ImportError:
        return False
    return True


if not _real_pages_available():
    for name in [n for n in sys.modules if n.startswith("workbook.gui.pages")]:
        del sys.modules[name]
    _install_stub_pages()

STUB_PAGES = getattr(sys.modules.get("workbook.gui.pages"), "IS_TEST_STUB", False)


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
        window.session.close()
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
