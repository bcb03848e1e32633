"""The action plan in the window: everything dated and owned (:mod:`workbook.action_plan`),
filtered by owner and month; Enter or a double-click goes to where the item is edited."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbook.action_plan import PlanItem, action_plan, filter_items, owners
from workbook.gui.document import PlanDocument
from workbook.gui.widgets.flow_layout import flow_row
from workbook.gui.widgets.layout import heading_label, muted_label
from workbook.gui.widgets.row_model import display_date

if TYPE_CHECKING:
    from workbook.gui.main_window import MainWindow

REFRESH_DELAY_MS = 200
HEADERS = ["When", "What", "Kind", "Who", "Repeats", "Done"]
EVERYONE = "Everyone"
ANY_MONTH = "Any month"
MONTHS_AHEAD = 12
"""The month filter offers the months from the first dated item to this many after the last."""
PATH_ROLE = Qt.ItemDataRole.UserRole


def months_of(items: list[PlanItem]) -> list[tuple[int, int]]:
    """The months to offer: from the first dated item's to a year after the last's."""
    days = [item.on for item in items if item.on is not None]
    if not days:
        return []
    first, last = min(days), max(days)
    end = last.year * 12 + last.month - 1 + MONTHS_AHEAD
    return [(m // 12, m % 12 + 1) for m in range(first.year * 12 + first.month - 1, end + 1)]


class ActionPlanView(QWidget):
    """A sorted list of the plan's dated and owned items, with an owner and a month filter."""

    navigate_requested = Signal(tuple)

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setObjectName("action_plan")
        self.items: list[PlanItem] = []
        self.shown: list[PlanItem] = []

        self.owner = QComboBox(self)
        self.owner.setObjectName("action_plan_owner")
        self.owner.setAccessibleName("Show the items of")
        self.month = QComboBox(self)
        self.month.setObjectName("action_plan_month")
        self.month.setAccessibleName("Show the items happening in")
        self.include_done = QCheckBox("Show &done actions", self)
        self.include_done.setChecked(True)
        # Each label stays with its box; the three wrap onto more rows on a narrow screen.
        filters = QWidget(self)
        row = flow_row(filters, spacing=18, row_spacing=4)
        for text, box in (("&Who:", self.owner), ("&Month:", self.month)):
            pair = QWidget(filters)
            pair_row = QHBoxLayout(pair)
            pair_row.setContentsMargins(0, 0, 0, 0)
            label = QLabel(text, pair)
            label.setBuddy(box)
            box.setParent(pair)
            pair_row.addWidget(label)
            pair_row.addWidget(box)
            row.addWidget(pair)
        self.include_done.setParent(filters)
        row.addWidget(self.include_done)

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("action_plan_items")
        self.tree.setAccessibleName("Action plan")
        self.tree.setHeaderLabels(HEADERS)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setWordWrap(False)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # itemActivated: Enter, and a double-click on every platform's settings.
        self.tree.itemActivated.connect(self._on_activated)
        self.count = muted_label("", self)
        self.count.setObjectName("action_plan_count")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(heading_label("Action plan", 2, self))
        layout.addWidget(
            muted_label(
                "Everything dated and owned: activities from their start, agreed actions, "
                "the next review and the 7 P's still to share. Press Enter or double-click "
                "an item to go to where it is edited.",
                self,
            )
        )
        layout.addWidget(filters)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.count)

        self.owner.currentIndexChanged.connect(self._fill)
        self.month.currentIndexChanged.connect(self._fill)
        self.include_done.toggled.connect(self._fill)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        document.edited.connect(self._refresh_soon)
        document.plan_replaced.connect(self._refresh_soon)
        self.refresh()

    def _refresh_soon(self) -> None:
        if self.isVisible():
            self._timer.start()
        else:
            self._stale = True  # counted when next shown: no work for a hidden tab

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if getattr(self, "_stale", False):
            self.refresh()

    # ------------------------------------------------------------ filters

    def set_owner(self, owner: str | None) -> None:
        """Show one owner's items (None: everyone's)."""
        self.owner.setCurrentIndex(max(self.owner.findData(owner), 0))

    def set_month(self, month: tuple[int, int] | None) -> None:
        """Show the items happening in ``(year, month)`` (None: any month)."""
        key = None if month is None else f"{month[0]:04d}-{month[1]:02d}"
        self.month.setCurrentIndex(max(self.month.findData(key), 0))

    def selected_month(self) -> tuple[int, int] | None:
        """The month chosen, as ``(year, month)``; None for any month. (The combo keeps it
        as "2026-03": a tuple comes back from Qt as a list.)"""
        key = self.month.currentData()
        return None if not key else (int(key[:4]), int(key[5:]))

    def refresh(self) -> None:
        """Read the plan again, keeping the filters where they still apply."""
        self._timer.stop()
        self._stale = False
        self.items = action_plan(self.document.plan)
        owner, month = self.owner.currentData(), self.month.currentData()
        for combo in (self.owner, self.month):
            combo.blockSignals(True)
        self.owner.clear()
        self.owner.addItem(EVERYONE, None)
        for name in owners(self.items):
            self.owner.addItem(name, name)
        self.month.clear()
        self.month.addItem(ANY_MONTH, None)
        for year, number in months_of(self.items):
            self.month.addItem(
                QLocale().toString(QDate(year, number, 1), "MMMM yyyy"), f"{year:04d}-{number:02d}"
            )
        self.owner.setCurrentIndex(max(self.owner.findData(owner), 0))
        self.month.setCurrentIndex(max(self.month.findData(month), 0))
        for combo in (self.owner, self.month):
            combo.blockSignals(False)
        self._fill()

    def _fill(self) -> None:
        current = self.tree.currentItem()
        current_key = current.data(0, PATH_ROLE + 1) if current is not None else None
        self.shown = filter_items(
            self.items,
            owner=self.owner.currentData(),
            month=self.selected_month(),
            include_done=self.include_done.isChecked(),
        )
        self.tree.clear()
        for item in self.shown:
            row = QTreeWidgetItem(
                [
                    display_date(item.on) if item.on is not None else "No date yet",
                    item.title,
                    item.kind.label,
                    item.owner or "Nobody named",
                    item.repeats,
                    "Done" if item.done else "",
                ]
            )
            row.setData(0, PATH_ROLE, item.path)
            row.setData(0, PATH_ROLE + 1, item.key)
            if item.detail:
                row.setToolTip(1, item.detail)
            self.tree.addTopLevelItem(row)
            if item.key == current_key:
                self.tree.setCurrentItem(row)
        if self.tree.currentItem() is None and self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        total = len(self.items)
        self.count.setText(
            f"{total} item{'s' if total != 1 else ''}"
            if len(self.shown) == total
            else f"Showing {len(self.shown)} of {total} items"
        )

    def _on_activated(self, row: QTreeWidgetItem, _column: int = 0) -> None:
        path = row.data(0, PATH_ROLE)
        if path:
            self.navigate_requested.emit(tuple(path))


def show_action_plan(window: MainWindow) -> None:
    """Go to the action plan (the Review page's tab) with the keyboard in its list."""
    from workbook.gui.pages import PageId

    window.go_to_page(PageId.REVIEW)
    page = window.pages[PageId.REVIEW]
    view: ActionPlanView = page.action_plan  # type: ignore[attr-defined]
    page.review_tabs.setCurrentWidget(view)  # type: ignore[attr-defined]
    view.refresh()
    view.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)
