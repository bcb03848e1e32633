"""The end-of-workshop summary: what changed since the workshop began (against the snapshot
taken when it started), the parking lot with its review buttons, the agreed actions
captured, and one key (Ctrl+Shift+B) that writes the hand-off bundle.

Large-text friendly: three tabs rather than one long page, so it fits 1024×768 with the
projector's text size; no file paths are shown, only a folder's name.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from workbook.diff import compare
from workbook.gui.parking_lot import ReviewActions
from workbook.gui.widgets.date_edit import format_date
from workbook.gui.widgets.layout import heading_label, muted_label, text_label
from workbook.model import AgreedAction, ParkingOutcome, Plan
from workbook.workshop_review import ACTIONS, PARKING_LOT, change_lines, stage_counts

if TYPE_CHECKING:
    from workbook.gui.main_window import MainWindow

HANDOFF_KEY = "Ctrl+Shift+B"
REFRESH_MS = 200
ID_ROLE = Qt.ItemDataRole.UserRole


def action_text(action: AgreedAction) -> str:
    """ "Send the menu to the printer — Sam, by 3 Apr 2026"."""
    due = f"by {format_date(action.due)}" if action.due else ""
    shown = ", ".join(part for part in (action.who, due) if part)
    return f"{action.what} — {shown}" if shown else action.what


class WorkshopSummary(QDialog):
    """What the workshop did, for the room to see before everyone leaves."""

    def __init__(self, window: MainWindow, since_snapshot_id: str) -> None:
        super().__init__(window)
        self.window_ = window
        self.document = window.document
        self.setObjectName("workshop_summary")
        self.setWindowTitle("End of the workshop")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.before: Plan | None = None
        self.problem = ""
        self._load_snapshot(since_snapshot_id)

        layout = QVBoxLayout(self)
        layout.addWidget(heading_label("What the workshop did", 1, self))
        self.overview = text_label("", self)
        self.overview.setObjectName("summary_overview")
        layout.addWidget(self.overview)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        # Rich text that wraps: long changes are read in full on a projector, not elided.
        self.changes = QTextBrowser(self)
        self.changes.setObjectName("summary_changes")
        self.changes.setAccessibleName("What changed since the workshop began")
        self.changes.setOpenLinks(False)
        self.tabs.addTab(self.changes, "What changed")
        self.tabs.addTab(self._parking_tab(), "Parking lot")
        self.actions_list = QListWidget(self)
        self.actions_list.setObjectName("summary_actions")
        self.actions_list.setAccessibleName("Agreed actions captured in the workshop")
        self.actions_list.setWordWrap(True)
        self.tabs.addTab(self.actions_list, "Agreed actions")
        layout.addWidget(self.tabs, 1)

        self.handoff_button = QPushButton(f"Write the &hand-off bundle  ({HANDOFF_KEY})", self)
        self.handoff_button.setObjectName("summary_handoff")
        self.handoff_button.clicked.connect(self.write_handoff)
        self.handoff_note = muted_label("", self)
        handoff = QAction(self)
        handoff.setShortcut(QKeySequence(HANDOFF_KEY))
        handoff.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        handoff.triggered.connect(self.write_handoff)
        self.addAction(handoff)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.handoff_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(self.handoff_note)
        layout.addWidget(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self.document.edited.connect(self._timer.start)
        self.refresh()
        self._fit_screen()

    def _load_snapshot(self, snapshot_id: str) -> None:
        from workbook.snapshots import SnapshotNotFoundError

        try:
            self.before = self.document.session.snapshot_plan(snapshot_id)
        except (SnapshotNotFoundError, ValueError):
            self.problem = (
                "The snapshot taken when the workshop began is no longer in the plan, so "
                "what changed cannot be shown. The parking lot and the actions are below."
            )

    def _parking_tab(self) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 6, 0, 0)
        self.ideas = QListWidget(box)
        self.ideas.setObjectName("summary_parking_lot")
        self.ideas.setAccessibleName("The parking lot")
        self.ideas.setWordWrap(True)
        self.ideas.setSpacing(3)
        self.ideas.setAlternatingRowColors(True)
        self.review = ReviewActions(self.document, self.current_idea, box)
        self.ideas.currentItemChanged.connect(self.review.update_enabled)
        column.addWidget(muted_label("Choose an idea, then what it becomes.", box))
        column.addLayout(self.review.buttons(box))
        column.addWidget(self.ideas, 1)
        return box

    def _fit_screen(self) -> None:
        screen = (self.window_.screen() or QApplication.primaryScreen()).availableGeometry()
        metrics = self.fontMetrics()
        width = min(metrics.averageCharWidth() * 96, int(screen.width() * 0.9))
        height = min(metrics.lineSpacing() * 30, int(screen.height() * 0.85))
        self.resize(width, height)

    # ------------------------------------------------------------ contents

    def current_idea(self) -> str | None:
        item = self.ideas.currentItem() if hasattr(self, "ideas") else None
        return item.data(ID_ROLE) if item is not None else None

    def refresh(self) -> None:
        self._timer.stop()
        plan = self.document.plan
        total = self._fill_changes(plan)
        self._fill_ideas(plan)
        actions = self._fill_actions(plan)
        open_ideas = sum(1 for i in plan.workshop.parking_lot if i.outcome is ParkingOutcome.OPEN)
        self.tabs.setTabText(0, f"What changed ({total})")
        self.tabs.setTabText(1, f"Parking lot ({open_ideas} to review)")
        self.tabs.setTabText(2, f"Agreed actions ({actions})")
        if self.problem:
            self.overview.setText(self.problem)
        else:
            earlier = {i.id for i in self.before.workshop.parking_lot} if self.before else set()
            ideas = sum(1 for i in plan.workshop.parking_lot if i.id not in earlier)
            self.overview.setText(
                f"{_count(total, 'change')} to the plan, {_count(ideas, 'idea')} parked and "
                f"{_count(actions, 'agreed action')} since the workshop began."
            )
        from workbook.gui.handoff_controller import default_folder, unused_folder

        folder = unused_folder(default_folder(self.window_))
        self.handoff_note.setText(
            f"The bundle goes into a new folder, “{folder.name}”, beside the plan: the "
            "document, the action plan for calendars and spreadsheets, and the plan file."
        )

    def _fill_changes(self, plan: Plan) -> int:
        if self.before is None:
            self.changes.setPlainText(self.problem)
            return 0
        comparison = compare(self.before, plan)
        if comparison.is_empty:
            self.changes.setPlainText("Nothing in the plan changed.")
            return 0
        parts, total = [], 0
        for count, (_title, sentences) in zip(
            stage_counts(comparison), change_lines(comparison), strict=True
        ):
            items = "".join(f"<li>{html.escape(sentence)}</li>" for sentence in sentences)
            parts.append(f"<h3>{html.escape(count.text())}</h3><ul>{items}</ul>")
            total += count.total
        self.changes.setHtml("".join(parts))
        return total

    def _fill_ideas(self, plan: Plan) -> None:
        keep = self.current_idea()
        self.ideas.clear()
        for idea in plan.workshop.parking_lot:
            during = f" (during {idea.raised_during.title})" if idea.raised_during else ""
            item = QListWidgetItem(f"“{idea.idea}”{during}: {idea.outcome.label}")
            item.setData(ID_ROLE, idea.id)
            self.ideas.addItem(item)
            if idea.id == keep:
                self.ideas.setCurrentItem(item)
        if not plan.workshop.parking_lot:
            self.ideas.addItem(QListWidgetItem("Nothing was parked."))
        elif self.ideas.currentItem() is None:  # ready for the review: the first one open
            ideas = plan.workshop.parking_lot
            first = next(
                (i for i, idea in enumerate(ideas) if idea.outcome is ParkingOutcome.OPEN), 0
            )
            self.ideas.setCurrentRow(first)
        self.review.update_enabled()

    def _fill_actions(self, plan: Plan) -> int:
        self.actions_list.clear()
        known = {a.id for a in self.before.engagement.actions} if self.before is not None else set()
        captured = [a for a in self.document.rows(ACTIONS) if a.id not in known]
        for action in captured:
            self.actions_list.addItem(action_text(action))
        if not captured:
            self.actions_list.addItem("No actions were agreed in this workshop.")
        return len(captured)

    # ------------------------------------------------------------ the hand-off

    def write_handoff(self) -> None:
        """Ctrl+Shift+B: the bundle into a new folder beside the plan, no questions asked."""
        from workbook.gui.handoff_controller import write_handoff_bundle

        write_handoff_bundle(self.window_, choose=False, parent=self)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def show_workshop_summary(window: MainWindow, since_snapshot_id: str) -> None:
    """Show the end-of-workshop summary over ``window`` until it is closed (returns at
    once); ``since_snapshot_id`` names the snapshot taken when the workshop began."""
    existing = window.findChild(WorkshopSummary, "workshop_summary")
    if existing is not None:
        existing.close()
    summary = WorkshopSummary(window, since_snapshot_id)
    summary.open()
    summary.handoff_button.setFocus(Qt.FocusReason.OtherFocusReason)


__all__ = ["PARKING_LOT", "WorkshopSummary", "show_workshop_summary"]
