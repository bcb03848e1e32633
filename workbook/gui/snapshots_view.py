"""File ▸ History: take a snapshot (Ctrl+Alt+S), and the Snapshots and compare window
(Ctrl+Shift+D) with the plan's snapshots, a comparison between any two versions, and a
restore of one field or row from a snapshot as one undo step.

The snapshots themselves belong to the plan (:mod:`workbook.snapshots`, through the
document, which also takes the automatic ones); the comparison is :func:`workbook.diff.compare`
and the restore :func:`workbook.diff.restore_change`. This module only asks and shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDateTime, QLocale, Qt, QTimer, QTimeZone
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbook.gui.compare_view import ComparisonView, summary
from workbook.gui.plan_files import STATUS_LONG_MS, dialogs_module

if TYPE_CHECKING:
    from datetime import datetime

    from workbook.diff import Change, Comparison
    from workbook.gui.main_window import MainWindow
    from workbook.model import Plan, Snapshot

NOW = "now"
"""The To choice that means the plan as it is now."""
REFRESH_MS = 400
"""After edits pause this long, a comparison against Now is worked out again."""
NEXT_KEY, PREVIOUS_KEY = "F8", "Shift+F8"
ID_ROLE = Qt.ItemDataRole.UserRole


def when(moment: datetime) -> str:
    """A snapshot's time in the user's time zone and words: "27 Nov 2026, 15:02"."""
    stamp = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), QTimeZone.systemTimeZone())
    return QLocale().toString(stamp, "d MMM yyyy, HH:mm")


def same_name(a: str, b: str) -> bool:
    """Names as :func:`workbook.snapshots.find_snapshot` matches them: case and spacing aside."""
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


# ---------------------------------------------------------------- taking a snapshot


class TakeSnapshotDialog(QDialog):
    """A name (required, not one the plan's history has already) and an optional note."""

    def __init__(self, taken: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Take snapshot")
        self.setObjectName("take_snapshot_dialog")
        self.taken = taken
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Keep the plan as it is now, to compare with later or to restore from. "
            "The snapshot is saved inside the plan file."
        )
        intro.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setObjectName("snapshot_name")
        self.name.setPlaceholderText("For example: Before the spring workshop")
        self.name.setAccessibleName("Name")
        self.note = QLineEdit()
        self.note.setObjectName("snapshot_note")
        self.note.setPlaceholderText("Optional: what this version is")
        self.note.setAccessibleName("Note")
        self.problem = QLabel()
        self.problem.setObjectName("snapshot_problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("font-weight: bold")
        self.problem.hide()
        name_label = QLabel("&Name:")
        name_label.setBuddy(self.name)
        note_label = QLabel("N&ote:")
        note_label.setBuddy(self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("&Take snapshot")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for widget in (intro, name_label, self.name, self.problem, note_label, self.note, buttons):
            layout.addWidget(widget)
        self.name.textEdited.connect(lambda _text: self.problem.hide())
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)

    def problem_with(self, name: str) -> str:
        """What is wrong with ``name`` as a new snapshot's name, in words ("" if nothing)."""
        if not name.strip():
            return "Give the snapshot a name, so you can find it again."
        for title in self.taken:
            if same_name(title, name):
                return (
                    f"The plan already has a snapshot called “{title.strip()}”. "
                    "Choose another name."
                )
        return ""

    def accept(self) -> None:
        problem = self.problem_with(self.name.text())
        if problem:
            self.problem.setText(problem)
            self.problem.show()
            self.adjustSize()  # room for the message's lines
            self.name.setFocus(Qt.FocusReason.OtherFocusReason)
            self.name.selectAll()
            return
        super().accept()

    def values(self) -> tuple[str, str]:
        return " ".join(self.name.text().split()), self.note.text().strip()

    @classmethod
    def ask(cls, parent: QWidget | None, taken: list[str]) -> tuple[str, str] | None:
        """The name and note chosen, or None when the user cancelled."""
        dialog = cls(taken, parent)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None


def take_snapshot(window: MainWindow) -> Snapshot | None:
    """File ▸ History ▸ Take snapshot… (Ctrl+Alt+S): ask a name and a note, then keep the
    plan as it is under that name (the plan is then modified until saved)."""
    document = window.document
    if not window.has_plan or document.session.read_only:
        return None
    parent = _question_parent(window)
    taken = [snapshot.title for snapshot in document.session.snapshots()]
    answer = TakeSnapshotDialog.ask(parent, taken)
    if answer is None:
        return None
    name, note = answer
    snapshot = document.take_snapshot(name, note)
    window.statusBar().showMessage(
        f"Took the snapshot “{snapshot.title}”. It is saved with the plan.", STATUS_LONG_MS
    )
    return snapshot


def _question_parent(window: MainWindow) -> QWidget:
    """Where a question goes: over the Snapshots window when that is the one in use."""
    view = window.findChild(SnapshotsWindow)
    return view if view is not None and view.isActiveWindow() else window


def show_snapshots(window: MainWindow) -> SnapshotsWindow | None:
    """File ▸ History ▸ Snapshots and compare… (Ctrl+Shift+D): one window per main window."""
    if not window.has_plan:
        return None
    view = window.findChild(SnapshotsWindow)
    if view is None:
        view = SnapshotsWindow(window)
    view.show()
    view.raise_()
    view.activateWindow()
    view.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)
    return view


# ---------------------------------------------------------------- the window


class SnapshotsWindow(QDialog):
    """The plan's snapshots (newest first) over a comparison of From and To. Not modal:
    the plan stays editable beside it, and a comparison against Now follows the edits.

    Questions sit behind small methods tests replace: :meth:`ask_delete`,
    :meth:`ask_restore_plan`."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.main_window = window
        self.document = window.document
        self.setObjectName("snapshots_window")
        self.setWindowTitle("Snapshots and compare")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setModal(False)
        self._snapshot_plans: dict[str, Plan] = {}
        self._stale = True

        self.tree = QTreeWidget()
        self.tree.setObjectName("snapshot_list")
        self.tree.setAccessibleName("Snapshots")
        self.tree.setHeaderLabels(["Name", "Taken", "When", "Note"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        delete = QAction("Delete snapshot", self.tree)
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(lambda _checked=False: self.delete_current())
        self.tree.addAction(delete)
        self.take_button = QPushButton("&Take snapshot…")
        self.delete_button = QPushButton("&Delete…")
        self.restore_plan_button = QPushButton("Restore the &whole plan…")
        self.restore_plan_button.setToolTip(
            "Put the whole plan back as it was in the chosen snapshot (the plan as it is now "
            "is kept as a snapshot first)"
        )
        list_buttons = QHBoxLayout()
        for button in (self.take_button, self.delete_button, self.restore_plan_button):
            list_buttons.addWidget(button)
        list_buttons.addStretch(1)

        self.from_box = QComboBox()
        self.from_box.setObjectName("compare_from")
        self.to_box = QComboBox()
        self.to_box.setObjectName("compare_to")
        for box, text in ((self.from_box, "&From:"), (self.to_box, "T&o:")):
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(20)  # wider when there is room (stretch)
            box.setAccessibleName(text.replace("&", "").rstrip(":"))
        self.counts = QLabel()
        self.counts.setObjectName("compare_counts")
        self.counts.setWordWrap(True)  # a narrow screen: on two lines rather than cut
        choose = QHBoxLayout()
        for text, box in (("&From:", self.from_box), ("T&o:", self.to_box)):
            label = QLabel(text)
            label.setBuddy(box)
            choose.addWidget(label)
            choose.addWidget(box, 1)

        self.view = ComparisonView()
        self.previous_button = QPushButton("◀ &Previous")
        self.previous_button.setToolTip(f"Previous change ({PREVIOUS_KEY})")
        self.next_button = QPushButton("&Next ▶")
        self.next_button.setToolTip(f"Next change ({NEXT_KEY})")
        self.position = QLabel()
        self.position.setObjectName("compare_position")
        self.position.setWordWrap(True)
        self.show_button = QPushButton("S&how in the plan")
        self.show_button.setToolTip("Go to this field or row in the plan's window")
        self.restore_button = QPushButton("&Restore from the snapshot")
        self.restore_button.setObjectName("restore_change")
        steps = QHBoxLayout()
        steps.addWidget(self.previous_button)
        steps.addWidget(self.next_button)
        steps.addWidget(self.position, 1)
        steps.addWidget(self.show_button)
        steps.addWidget(self.restore_button)

        top, bottom = QWidget(), QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel("&Snapshots")
        heading.setBuddy(self.tree)
        heading.setStyleSheet("font-weight: bold")
        top_layout.addWidget(heading)
        top_layout.addWidget(self.tree, 1)
        top_layout.addLayout(list_buttons)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addLayout(choose)
        bottom_layout.addWidget(self.counts)
        bottom_layout.addWidget(self.view, 1)
        bottom_layout.addLayout(steps)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(1, 3)
        self.splitter = splitter
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(close)

        self.next_action = self._action("Next change", NEXT_KEY, lambda: self.step(+1))
        self.previous_action = self._action("Previous change", PREVIOUS_KEY, lambda: self.step(-1))
        # The plan's own keys work here too: Ctrl+Z undoes a restore without going back.
        actions = window.actions
        for shared in (actions.undo, actions.redo, actions.save, actions.take_snapshot):
            self.addAction(shared)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self._refresh_if_now)

        self.tree.currentItemChanged.connect(self._on_snapshot_chosen)
        self.tree.itemActivated.connect(lambda _item, _column: self.view.setFocus())
        self.take_button.clicked.connect(lambda: take_snapshot(window))
        self.delete_button.clicked.connect(self.delete_current)
        self.restore_plan_button.clicked.connect(self.restore_plan)
        self.from_box.activated.connect(lambda _index: self.refresh())
        self.to_box.activated.connect(lambda _index: self.refresh())
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(+1))
        self.restore_button.clicked.connect(self.restore_current)
        self.show_button.clicked.connect(self.show_in_plan)
        self.view.current_changed.connect(self._on_change_chosen)
        self.document.snapshots_changed.connect(self.reload)
        self.document.plan_replaced.connect(self._plan_replaced)
        self.document.edited.connect(self._edited)

        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)  # Enter belongs to the list and the choices
        self.reload()
        self._size_for_screen(window)

    def _action(self, text: str, key: str, slot: Any) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _size_for_screen(self, window: MainWindow) -> None:
        area = (window.screen() or self.screen()).availableGeometry()
        width = min(self.fontMetrics().averageCharWidth() * 170, int(area.width() * 0.9))
        height = int(area.height() * 0.85)
        self.resize(width, height)
        self.splitter.setSizes([height // 4, height - height // 4])

    # ------------------------------------------------------------ the list

    def snapshots(self) -> list[Snapshot]:
        return self.document.session.snapshots()

    def _snapshot(self, snapshot_id: str) -> Snapshot | None:
        return next((s for s in self.snapshots() if s.id == snapshot_id), None)

    def reload(self) -> None:
        """Fill the list and the From and To choices again, keeping what was chosen."""
        chosen_from, chosen_to = self.from_box.currentData(), self.to_box.currentData()
        current = self.tree.currentItem()
        chosen_row = current.data(0, ID_ROLE) if current is not None else None
        newest_first = list(reversed(self.snapshots()))
        self.tree.blockSignals(True)
        self.tree.clear()
        for snapshot in newest_first:
            automatic = snapshot.kind.automatic
            item = QTreeWidgetItem(
                [
                    snapshot.title,
                    "Automatically" if automatic else "By you",
                    when(snapshot.taken_at),
                    " ".join(snapshot.note.split()),
                ]
            )
            item.setData(0, ID_ROLE, snapshot.id)
            item.setToolTip(0, snapshot.title)
            item.setToolTip(3, snapshot.note)
            self.tree.addTopLevelItem(item)
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        self.tree.blockSignals(False)
        for box in (self.from_box, self.to_box):
            box.blockSignals(True)
            box.clear()
        self.to_box.addItem("Now (the plan as it is)", NOW)
        for snapshot in newest_first:
            label = f"{snapshot.title} — {when(snapshot.taken_at)}"
            self.from_box.addItem(label, snapshot.id)
            self.to_box.addItem(label, snapshot.id)
        self._choose(self.from_box, chosen_from)
        self._choose(self.to_box, chosen_to)
        for box in (self.from_box, self.to_box):
            box.blockSignals(False)
        row_id = chosen_row if self._snapshot(chosen_row or "") else self.from_box.currentData()
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            if item.data(0, ID_ROLE) == row_id:
                self.tree.blockSignals(True)
                self.tree.setCurrentItem(item)
                self.tree.blockSignals(False)
        self._update_buttons()
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True  # worked out when the window is shown again

    @staticmethod
    def _choose(box: QComboBox, data: str | None) -> None:
        index = box.findData(data) if data is not None else -1
        box.setCurrentIndex(index if index >= 0 else 0)

    def current_snapshot(self) -> Snapshot | None:
        item = self.tree.currentItem()
        return self._snapshot(item.data(0, ID_ROLE)) if item is not None else None

    def _on_snapshot_chosen(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        """Choosing a snapshot in the list compares it (From) with the To version."""
        if item is not None:
            self._choose(self.from_box, item.data(0, ID_ROLE))
            self.refresh()
        self._update_buttons()

    # ------------------------------------------------------------ comparing

    def compare_now(self) -> bool:
        return self.to_box.currentData() == NOW

    def refresh(self) -> Comparison | None:
        """Compare From with To again and show it; the current change stays (by place)."""
        from workbook.diff import compare

        self._refresh_timer.stop()
        self._stale = False
        old = self._snapshot(self.from_box.currentData() or "")
        to_id = self.to_box.currentData()
        new = None if to_id in (None, NOW) else self._snapshot(to_id)
        if old is None:
            self.counts.clear()
            self.view.show_message(
                "No snapshots yet. Take one with Take snapshot… (Ctrl+Alt+S) before a "
                "workshop or a review; the app also takes one before each export, a "
                "restore or a reload, and at the first edit of each day."
            )
            self._update_buttons()
            return None
        if new is not None and new.id == old.id:
            self.counts.clear()
            self.view.show_message("From and To are the same snapshot: choose another one.")
            self._update_buttons()
            return None
        old_label = f"“{old.title}” ({when(old.taken_at)})"
        if new is None:
            new_state: Any = self.document.plan
            new_label = "now"
        else:
            new_state, new_label = new.state, f"“{new.title}” ({when(new.taken_at)})"
        comparison = compare(old.state, new_state, old_label=old_label, new_label=new_label)
        keep = self.view.current if self.view.current >= 0 else None
        self.view.show_comparison(comparison, keep=keep)
        self.counts.setText(summary(comparison))
        self._update_buttons()
        return comparison

    def _edited(self) -> None:
        if self.compare_now():
            self._stale = True
            if self.isVisible():
                self._refresh_timer.start()

    def _refresh_if_now(self) -> None:
        if self.compare_now() and self.isVisible():
            self.refresh()

    def _plan_replaced(self) -> None:
        self._snapshot_plans.clear()
        self.reload()
        # Close plan (Ctrl+W) says the window has no plan only once the new, empty one is in.
        QTimer.singleShot(0, self, self._close_without_plan)

    def _close_without_plan(self) -> None:
        if not self.main_window.has_plan:
            self.close()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def step(self, offset: int) -> Change | None:
        """F8 / Shift+F8: the next or previous change, round the end."""
        change = self.view.step(offset)
        if change is None:
            self.position.setText("No changes to go to.")
        return change

    def _on_change_chosen(self, index: int) -> None:
        change = self.view.current_change()
        if change is None:
            total = len(self.view.changes)
            self.position.setText(
                f"{total} change{'s' if total != 1 else ''}: {NEXT_KEY} goes to the first."
                if total
                else ""
            )
        else:
            self.position.setText(
                f"Change {index + 1} of {len(self.view.changes)} "
                f"({NEXT_KEY}: next, {PREVIOUS_KEY}: previous)"
            )
        self._update_buttons()

    # ------------------------------------------------------------ buttons

    def _update_buttons(self) -> None:
        read_only = self.document.session.read_only
        snapshot = self.current_snapshot()
        self.take_button.setEnabled(not read_only)
        self.delete_button.setEnabled(snapshot is not None and not read_only)
        self.restore_plan_button.setEnabled(snapshot is not None and not read_only)
        has_changes = bool(self.view.changes)
        self.show_button.setEnabled(self.view.current_change() is not None)
        self.next_button.setEnabled(has_changes)
        self.previous_button.setEnabled(has_changes)
        if read_only:
            why = "The plan is open read-only: nothing can be restored into it."
        elif not self.compare_now():
            why = (
                "Restoring puts a snapshot's version back into the plan as it is now: "
                "choose Now as To to restore from the From snapshot."
            )
        elif self.view.current_change() is None:
            why = f"Go to a change first ({NEXT_KEY}, or click it)."
        else:
            why = ""
        self.restore_button.setEnabled(not why)
        self.restore_button.setToolTip(
            why or "Put this field or row back as it was in the From snapshot (Ctrl+Z undoes it)"
        )

    def show_in_plan(self) -> bool:
        """Show the current change's field or row in the plan's window (for a row that is
        gone, its list). True when the window could show it."""
        from workbook.diff import ChangeKind, RowChange

        change = self.view.current_change()
        if change is None:
            return False
        path = change.path
        if isinstance(change, RowChange) and change.kind is ChangeKind.REMOVED:
            path = change.list_path
        try:
            self.main_window.navigate_to_path(tuple(path))
        except ValueError:  # a field kept from a newer app: no page shows it
            self.position.setText("That field is not on any page of this version of the app.")
            return False
        self.main_window.activateWindow()
        self.main_window.raise_()
        return True

    # ------------------------------------------------------------ restoring and deleting

    def _plan_of(self, snapshot: Snapshot) -> Plan:
        """The snapshot's plan, validated once (a snapshot never changes)."""
        if snapshot.id not in self._snapshot_plans:
            self._snapshot_plans[snapshot.id] = self.document.session.snapshot_plan(snapshot.id)
        return self._snapshot_plans[snapshot.id]

    def restore_current(self) -> bool:
        """Put the current change's field or row back as it was in the From snapshot, as
        one undo step; the comparison is worked out again at once. True if restored."""
        from pydantic import ValidationError

        from workbook.diff import RestoreError, restore_change

        change = self.view.current_change()
        snapshot = self._snapshot(self.from_box.currentData() or "")
        if change is None or snapshot is None or not self.compare_now():
            return False
        title = "Could not restore"
        try:
            edits = restore_change(self.document.plan, self._plan_of(snapshot), change)
            text = f"Restore {change.label} from “{snapshot.title}”"
            self.document.apply_edits(edits, text)
        except RestoreError as error:
            dialogs_module().show_error(self, title, str(error))
            return False
        except ValidationError:
            dialogs_module().show_error(
                self,
                title,
                f"The snapshot “{snapshot.title}” holds a value the plan no longer accepts "
                f"for {change.label} (the file was probably edited by hand). Copy what you "
                "need from the comparison instead.",
            )
            return False
        self.refresh()
        self.position.setText(f"Restored {change.label}. Ctrl+Z undoes it.")
        return True

    def ask_delete(self, snapshot: Snapshot) -> bool:
        answer = QMessageBox.question(
            self,
            "Delete snapshot",
            f"Delete the snapshot “{snapshot.title}” ({when(snapshot.taken_at)})?\n\n"
            "It goes from the plan's history when you next save; this cannot be undone.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def ask_restore_plan(self, snapshot: Snapshot) -> bool:
        answer = QMessageBox.question(
            self,
            "Restore the whole plan",
            f"Put the whole plan back as it was in “{snapshot.title}” "
            f"({when(snapshot.taken_at)})?\n\nThe plan as it is now is kept first as a "
            "snapshot “Before a restore”, so you can go back to it from this window.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def delete_current(self) -> bool:
        """Delete the chosen snapshot: a named one after a question, an automatic one at
        once (the app takes and thins those itself)."""
        snapshot = self.current_snapshot()
        if snapshot is None or self.document.session.read_only:
            return False
        if not snapshot.kind.automatic and not self.ask_delete(snapshot):
            return False
        self.document.delete_snapshot(snapshot.id)
        self._snapshot_plans.pop(snapshot.id, None)
        self.position.setText(f"Deleted the snapshot “{snapshot.title}”.")
        return True

    def restore_plan(self) -> bool:
        """Put the whole plan back as it was in the chosen snapshot (after a question)."""
        snapshot = self.current_snapshot()
        if snapshot is None or self.document.session.read_only:
            return False
        if not self.ask_restore_plan(snapshot):
            return False
        self.document.restore_snapshot(snapshot.id)
        self.main_window.statusBar().showMessage(
            f"Restored the plan from “{snapshot.title}”. The plan as it was is the snapshot "
            "“Before a restore”.",
            STATUS_LONG_MS,
        )
        return True


__all__ = [
    "SnapshotsWindow",
    "TakeSnapshotDialog",
    "show_snapshots",
    "take_snapshot",
]
