"""Find in plan (Ctrl+Shift+F): a panel listing every field and row holding the words, grouped
by stage; Enter goes there, F3 and Shift+F3 step through the hits.

The search itself is :mod:`workbook.search`; the panel keeps an index of the plan until the
plan changes, searches once typing pauses, and hands the field of a chosen hit to the
window's ``navigate`` callback.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from workbook.gui.document import PlanDocument
    from workbook.gui.main_window import MainWindow
    from workbook.search import Hit, PlanIndex, SearchResults

SEARCH_DELAY_MS = 150
"""The panel searches once typing in its box pauses this long."""
FIND_KEY = "Ctrl+Shift+F"
HIT_ROLE = Qt.ItemDataRole.UserRole


class SearchPanel(QDockWidget):
    """The find panel: a search box and the hits grouped by stage."""

    def __init__(
        self,
        document: PlanDocument,
        navigate: Callable[[tuple], Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Find in plan", parent)
        self.setObjectName("search_panel")
        self.document = document
        self.navigate = navigate
        self.results: SearchResults | None = None
        self._index: PlanIndex | None = None
        self._index_key: tuple[int, int] | None = None
        self._current = -1

        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        self.box = QLineEdit(body)
        self.box.setObjectName("plan_search_box")
        self.box.setPlaceholderText("Words to find in the whole plan")
        self.box.setAccessibleName("Find in plan")
        self.box.setClearButtonEnabled(True)
        self.summary = QLabel(body)
        self.summary.setObjectName("plan_search_summary")
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(body)
        self.tree.setObjectName("plan_search_results")
        self.tree.setAccessibleName("Places found")
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setRootIsDecorated(True)
        layout.addWidget(self.box)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        self.setWidget(body)
        # Wide enough to read a place and the start of its text; the tooltip has the rest.
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 40)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.box.textChanged.connect(self._timer.start)
        self.box.returnPressed.connect(self._go_from_box)
        self.tree.itemActivated.connect(self._on_activated)
        document.plan_replaced.connect(self._forget_plan)

    # ------------------------------------------------------------ searching

    def _plan_index(self) -> PlanIndex:
        """The index of the plan as it is now, built again only after a change."""
        from workbook.search import PlanIndex

        key = (id(self.document.plan), self.document.edit_generation)
        if self._index is None or self._index_key != key:
            self._index, self._index_key = PlanIndex(self.document.plan), key
        return self._index

    def _forget_plan(self) -> None:
        self._index = self._index_key = None
        self.results = None
        self.tree.clear()
        self.summary.clear()
        if self.box.text().strip():
            self._timer.start()

    def run_search(self) -> SearchResults:
        """Search for the box's words now, and list the hits."""
        from workbook.search import search

        self._timer.stop()
        self.results = results = search(self._plan_index(), self.box.text())
        self._current = -1
        self.tree.clear()
        for stage, hits in results.by_stage():
            group = QTreeWidgetItem(self.tree, [f"{stage.title} ({len(hits)})"])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for hit in hits:
                item = QTreeWidgetItem(group, [f"{hit.where}: {hit.snippet}"])
                item.setData(0, HIT_ROLE, hit)
                item.setToolTip(0, f"{hit.where}\n{hit.snippet}")
            group.setExpanded(True)
        self.summary.setText(results.summary())
        return results

    def _hit_items(self) -> list[QTreeWidgetItem]:
        items = []
        for group in range(self.tree.topLevelItemCount()):
            parent = self.tree.topLevelItem(group)
            items.extend(parent.child(n) for n in range(parent.childCount()))
        return items

    # ------------------------------------------------------------ going to a hit

    def open(self) -> None:
        """Show the panel and put the keyboard in its box (Ctrl+Shift+F)."""
        self.show()
        self.raise_()
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def go_to(self, hit: Hit) -> None:
        self.navigate(tuple(hit.path))

    def step(self, offset: int) -> Hit | None:
        """Go to the next (+1) or previous (-1) hit, round the end (F3, Shift+F3)."""
        if self._timer.isActive() or self.results is None:
            self.run_search()
        items = self._hit_items()
        if not items:
            return None
        self._current = (self._current + offset) % len(items)
        item = items[self._current]
        self.tree.setCurrentItem(item)
        hit = item.data(0, HIT_ROLE)
        self.go_to(hit)
        return hit

    def _go_from_box(self) -> None:
        self.step(+1)

    def _on_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        hit = item.data(0, HIT_ROLE)
        if hit is not None:
            self._current = self._hit_items().index(item)
            self.go_to(hit)


def _keys(*keys: str | QKeySequence.StandardKey) -> list[QKeySequence]:
    """Shortcuts in order of preference, each once (F3 everywhere, and the platform's own)."""
    found: dict[str, QKeySequence] = {}
    for key in keys:
        for sequence in (
            [QKeySequence(key)] if isinstance(key, str) else QKeySequence.keyBindings(key)
        ):
            if not sequence.isEmpty():
                found.setdefault(sequence.toString(), sequence)
    return list(found.values())


class PlanSearch(QObject):
    """The window's find actions and its panel (made when first opened)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("plan_search")
        self.window = window
        self._panel: SearchPanel | None = None
        standard = QKeySequence.StandardKey
        self.find = self._action("&Find in plan…", _keys(FIND_KEY), self.open)
        self.find_next = self._action("Find &next", _keys("F3", standard.FindNext), self.next)
        self.find_previous = self._action(
            "Find pre&vious", _keys("Shift+F3", standard.FindPrevious), self.previous
        )
        self.actions = [self.find, self.find_next, self.find_previous]

    def _action(self, text: str, keys: list[QKeySequence], slot: Callable[[], Any]) -> QAction:
        action = QAction(text, self.window)
        action.setShortcuts(keys)
        shown = keys[0].toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{text.replace('&', '').rstrip('…')} ({shown})")
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)  # the keys work with the menu bar hidden too
        return action

    @property
    def panel(self) -> SearchPanel:
        if self._panel is None:
            window = self.window
            self._panel = SearchPanel(window.document, window.navigate_to_path, window)
            window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self._panel)
        return self._panel

    def open(self) -> None:
        if self.window.has_plan:
            self.panel.open()

    def next(self) -> None:
        if self.window.has_plan:
            self.panel.step(+1)

    def previous(self) -> None:
        if self.window.has_plan:
            self.panel.step(-1)


def install_search(window: MainWindow) -> PlanSearch:
    """Add Edit ▸ Find in plan… (Ctrl+Shift+F), Find next (F3) and Find previous (Shift+F3)
    to ``window``; they work while a plan is open."""
    search = PlanSearch(window)
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is not None and window.actions.undo in menu.actions():
            menu.addSeparator()
            menu.addActions(search.actions)
            break
    window.actions.plan_actions.extend(search.actions)
    for action in search.actions:
        action.setEnabled(window.has_plan)
    return search
