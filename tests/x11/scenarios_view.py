"""X11 scenarios for the window on small screens and at large text sizes: it fits its
screen, nothing is cut, the step list hides, Ctrl+0 restores; and screenshots."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QTabWidget,
    QWidget,
)

from tests.x11.scenarios import Keyboard, pump, shown_window

__all__ = [
    "readme_images",
    "screenshots",
    "step_list_and_normal_size",
    "window_fits_the_screen",
]


def _tabs(page: QWidget) -> QTabWidget | None:
    tabs = page.findChildren(QTabWidget)
    return tabs[0] if tabs else None


def _each_tab(window: Any):  # noqa: ANN202 - yields (label, page)
    """Every page and every tab of it, shown in turn."""
    from workbook.gui.pages import PageId

    for page_id in PageId:
        window.go_to_page(page_id)
        page = window.pages[page_id]
        tabs = _tabs(page)
        for index in range(tabs.count() if tabs else 1):
            if tabs is not None:
                tabs.setCurrentIndex(index)
            pump(40)
            yield f"{page_id.name.lower()}-{index}", page


def _cut(root: QWidget) -> list[str]:
    """Buttons and one-line labels on show that have less room than their text needs."""
    from workbook.gui.window_view import ElidedLabel

    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or isinstance(widget, ElidedLabel):
            continue
        text = ""
        if isinstance(widget, QAbstractButton):
            text = widget.text()
        elif isinstance(widget, QLabel) and not widget.wordWrap() and widget.pixmap().isNull():
            text = widget.text()
        if not text.strip():
            continue
        if widget.width() + 1 < widget.sizeHint().width():
            found.append(f"{type(widget).__name__} “{text[:40]}”")
    return found


def _scrolls_sideways(window: Any) -> bool:
    """Whether the page on show is wider than its scroll area (a page that is as wide as
    the widest page built so far, say, and not as the one on show)."""
    from PySide6.QtWidgets import QScrollArea

    scroller = window.findChild(QScrollArea, "page_scroller")
    return scroller is not None and scroller.horizontalScrollBar().maximum() > 0


def window_fits_the_screen() -> dict[str, Any]:
    """From 100% to 200% text: at every size and on every page, the window stays inside the
    screen, its minimum size fits the screen, and no button or label is cut."""
    from workbook.gui.settings import TEXT_SCALES

    window = shown_window()
    keys = Keyboard()
    screen = window.screen().availableGeometry()
    result: dict[str, Any] = {"screen": [screen.width(), screen.height()], "scales": {}}
    for number, scale in enumerate(TEXT_SCALES):
        if number:
            keys.press("Ctrl+=")
        pump(100)
        worst = QSize(0, 0)
        outside: list[str] = []
        cut: dict[str, list[str]] = {}
        sideways: list[str] = []
        for label, _page in _each_tab(window):
            hint = window.minimumSizeHint()
            worst = worst.expandedTo(hint)
            frame = window.frameGeometry()
            if not screen.contains(frame):
                outside.append(f"{label}: {frame.width()}×{frame.height()}")
            problems = _cut(window)
            if problems:
                cut[label] = problems
            if _scrolls_sideways(window):
                sideways.append(label)
        result["scales"][str(scale)] = {
            "text scale": window.settings.text_scale,
            "minimum": [worst.width(), worst.height()],
            "outside": outside,
            "cut": cut,
            "scrolls sideways": sideways,
        }
    return result


def step_list_and_normal_size() -> dict[str, Any]:
    """Ctrl+B hides and shows the step list (the View menu item follows); Ctrl+0 after the
    largest text puts back normal text and the window's size."""
    window = shown_window()
    keys = Keyboard()
    result: dict[str, Any] = {}
    before = window.size()
    page_width = window.page_stack.width()
    keys.press("Ctrl+B")
    result["hidden"] = not window.step_list.isVisible()
    result["menu item after hiding"] = window.actions.toggle_step_list.isChecked()
    result["page grew"] = window.page_stack.width() > page_width
    keys.press("F6")
    result["F6 shows it again"] = window.step_list.isVisible()
    keys.press("Ctrl+B")
    keys.press("Ctrl+B")
    result["shown"] = window.step_list.isVisible()
    result["menu item after showing"] = window.actions.toggle_step_list.isChecked()
    result["remembered"] = window.settings.step_list_shown
    for _ in range(5):
        keys.press("Ctrl+=")
    result["at 200%"] = window.settings.text_scale
    window.resize(window.screen().availableGeometry().size())
    pump(100)
    keys.press("Ctrl+0")
    pump(100)
    result["after Ctrl+0"] = window.settings.text_scale
    result["size restored"] = window.size() == before
    result["sizes"] = [[before.width(), before.height()], [window.width(), window.height()]]
    return result


def screenshots(folder: str, theme: str, scale: int) -> list[str]:
    """A picture of every page and tab of the bakery example, in ``theme`` at ``scale``%."""
    from workbook.gui.theme import apply_text_scale, apply_theme

    window = shown_window()
    window.settings.theme = theme
    apply_theme(QApplication.instance(), theme)
    window.settings.text_scale = scale
    apply_text_scale(QApplication.instance(), scale)
    window.resize(window.screen().availableGeometry().size())
    pump(300)
    saved = []
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    window.close_plan()
    pump(200)
    start = out / f"{theme}-{scale}-start.png"
    window.grab().save(str(start))
    saved.append(start.name)
    window.files.open_example("bakery")
    pump(200)
    for label, _page in _each_tab(window):
        pump(150)
        path = out / f"{theme}-{scale}-{label}.png"
        window.grab().save(str(path))
        saved.append(path.name)
    return saved


def readme_images(folder: str) -> list[str]:
    """The README's pictures: the start page with recent client plans, and the bakery
    example's listening notes, as a consultant sees them (1280×800, light colours)."""
    from workbook.examples import load_example
    from workbook.gui.pages import PageId
    from workbook.gui.settings import RecentPlan
    from workbook.storage import save_plan

    clients = Path.home() / "Consulting" / "Client plans"
    clients.mkdir(parents=True, exist_ok=True)
    window = shown_window(example=None)
    for name in ("physio", "bike_shop", "florist", "bakery"):
        try:
            plan = load_example(name)
        except (KeyError, OSError, ValueError):
            continue
        path = clients / f"{name}.json"
        save_plan(plan, path, backups=False)
        window.settings.add_recent(RecentPlan(path, plan.details.title, plan.details.organisation))
    window.resize(window.screen().availableGeometry().size())
    window.show_start_page()
    window.start_page.load_examples()
    pump(300)
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(out / "start-page.png"))
    window.files.open_path(clients / "bakery.json")
    window.go_to_page(PageId.LISTENING)
    page = window.pages[window.current_page()]
    page.tab_widget.setCurrentIndex(1)
    window.focus_current_page()
    pump(400)
    window.grab().save(str(out / "main-window.png"))
    return ["start-page.png", "main-window.png"]
