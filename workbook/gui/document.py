"""The open plan as the GUI sees it: one object that owns the plan, its undo stack and its signals.

Every edit a widget makes goes through :class:`PlanDocument` as an undoable command;
widgets listen to the signals to refresh. Widgets never write files: the plan and its
file belong to :class:`workbook.session.PlanSession`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from workbook.paths import FieldPath, describe_location, get_value, row_index, set_value

if TYPE_CHECKING:
    from workbook.completeness import PlanStatus
    from workbook.diff import Edit
    from workbook.model import Plan, Row, Snapshot, SnapshotKind
    from workbook.session import PlanSession
    from workbook.state_steps import Steps

# The plan model (pydantic) is imported when a plan is first needed, not with this module:
# the start page is on screen before it has loaded.

_SET_VALUE_ID = 0x5E7


def local_now() -> datetime:
    """Now, in the user's time zone: it decides which day an edit belongs to."""
    return datetime.now().astimezone()


def _is_typed(value: Any) -> bool:
    """Values that arrive one keystroke at a time."""
    if value is None:
        return True
    return isinstance(value, str | int | float) and not isinstance(value, bool | Enum)


class _SetValue(QUndoCommand):
    """Set one field. Consecutive edits of the same text or number field (typing) merge
    into one undo step; a choice, a tick box or a date stays a step of its own."""

    def __init__(self, doc: PlanDocument, path: FieldPath, old: Any, new: Any) -> None:
        super().__init__(f"Edit {describe_location(path, doc.plan)}")
        self.doc, self.path, self.old, self.new = doc, path, old, new
        self.mergeable = _is_typed(old) and _is_typed(new)

    def id(self) -> int:
        return _SET_VALUE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt callback
        if not (
            isinstance(other, _SetValue)
            and self.mergeable
            and other.mergeable
            and other.path == self.path
        ):
            return False
        self.new = other.new
        if self.new == self.old:
            self.setObsolete(True)
        return True

    def redo(self) -> None:
        self.doc._apply_value(self.path, self.new)

    def undo(self) -> None:
        self.doc._apply_value(self.path, self.old)


class _InsertRows(QUndoCommand):
    def __init__(
        self, doc: PlanDocument, list_path: FieldPath, index: int, rows: Sequence[Row], text: str
    ) -> None:
        super().__init__(text)
        self.doc, self.list_path, self.index, self.rows = doc, list_path, index, list(rows)

    def redo(self) -> None:
        self.doc._insert(self.list_path, self.index, self.rows)

    def undo(self) -> None:
        self.doc._remove(self.list_path, self.index, len(self.rows))


class _RemoveRows(QUndoCommand):
    """Remove rows (any positions); undo puts each back where it was."""

    def __init__(self, doc: PlanDocument, list_path: FieldPath, row_ids: Sequence[str]) -> None:
        count = len(row_ids)
        super().__init__(f"Delete {count} row{'s' if count != 1 else ''}")
        self.doc, self.list_path = doc, list_path
        rows = doc.rows(list_path)
        wanted = set(row_ids)
        self.removed = [(i, row) for i, row in enumerate(rows) if row.id in wanted]

    def redo(self) -> None:
        for index, _row in reversed(self.removed):
            self.doc._remove(self.list_path, index, 1)

    def undo(self) -> None:
        for index, row in self.removed:
            self.doc._insert(self.list_path, index, [row])


class _MoveRow(QUndoCommand):
    def __init__(self, doc: PlanDocument, list_path: FieldPath, source: int, target: int) -> None:
        super().__init__("Move row")
        self.doc, self.list_path, self.source, self.target = doc, list_path, source, target

    def redo(self) -> None:
        self.doc._move(self.list_path, self.source, self.target)

    def undo(self) -> None:
        self.doc._move(self.list_path, self.target, self.source)


class PlanDocument(QObject):
    """The open plan with undo/redo and change signals: a thin Qt layer over the
    :class:`~workbook.session.PlanSession`, which owns the plan and its file."""

    # Row changes are announced twice, as Qt's item models need: "about to" while the list
    # is still as it was, then again once it has changed.
    value_changed = Signal(tuple)
    """A field changed; the argument is its :data:`FieldPath` (rows by id)."""
    rows_about_to_be_inserted = Signal(tuple, int, int)
    """Rows are about to be inserted: list path, first index, count."""
    rows_inserted = Signal(tuple, int, int)
    """Rows were inserted: list path, first index, count."""
    rows_about_to_be_removed = Signal(tuple, int, int)
    """Rows are about to be removed: list path, first index, count."""
    rows_removed = Signal(tuple, int, int)
    """Rows were removed: list path, first index, count."""
    row_about_to_be_moved = Signal(tuple, int, int)
    """A row is about to move: list path, old index, new index."""
    row_moved = Signal(tuple, int, int)
    """A row moved: list path, old index, new index."""
    plan_replaced = Signal()
    """A different plan was loaded (New, Open, Revert): every view reloads."""
    modified_changed = Signal(bool)
    """The unsaved-changes state flipped."""
    file_path_changed = Signal(object)
    """The plan's file changed (Save As, Open); the argument is a ``Path`` or ``None``."""
    edited = Signal()
    """Anything in the plan changed (for autosave and the progress display)."""
    snapshots_changed = Signal()
    """A snapshot was taken or deleted (the plan's history changed)."""

    def __init__(
        self,
        plan: Plan | None = None,
        parent: QObject | None = None,
        *,
        session: PlanSession | None = None,
    ) -> None:
        """Over ``session``, or an untitled session holding ``plan``."""
        super().__init__(parent)
        if session is None and plan is not None:
            from workbook.session import PlanSession

            session = PlanSession(plan)
        self._session = session
        """``None`` until a session is given or first asked for (then an untitled one)."""
        self._status: PlanStatus | None = None
        self.clock: Callable[[], datetime] = local_now
        """When snapshots are taken (tests put a fixed time here)."""
        self._first_edit_day: date | None = None
        """The day the "before the day's first edit" snapshot was last seen to."""
        self.undo_stack = QUndoStack(self)
        # A bound slot (not a lambda) so Qt drops the connection when this object goes away.
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)

    def __del__(self) -> None:
        # A document dropped inside a reference cycle (a page that refers back to it) is
        # freed by the garbage collector, which may free the undo commands' Python halves
        # before Qt deletes the stack that owns them: a crash in QUndoStack::clear. Emptying
        # the stack here, while both halves of every command still exist, avoids that.
        stack = self.__dict__.get("undo_stack")
        if stack is None:
            return
        try:
            stack.blockSignals(True)
            stack.clear()
        except RuntimeError:  # Qt has deleted the stack already
            pass

    def _on_clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(not clean)

    # ------------------------------------------------------------ state

    @property
    def session(self) -> PlanSession:
        if self._session is None:
            from workbook.session import PlanSession  # the plan model: not before first paint

            self._session = PlanSession()
        return self._session

    @property
    def plan(self) -> Plan:
        return self.session.plan

    @property
    def file_path(self) -> Path | None:
        return self.session.path

    @property
    def edit_generation(self) -> int:
        """Counts every change, so a saver can tell whether the plan moved on meanwhile."""
        return self.session.generation

    def state_in_steps(self, plan: Plan) -> Steps:
        """``plan``'s state a piece at a time: as the session keeps it
        (:meth:`PlanSession.state_in_steps`, which notices an edit made meanwhile) when
        ``plan`` is this document's."""
        from workbook.state_steps import plan_state_in_steps

        return self.session.state_in_steps() if plan is self.plan else plan_state_in_steps(plan)

    @property
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def status(self) -> PlanStatus:
        """Completeness, computed once per change and cached."""
        if self._status is None:
            from workbook.completeness import assess

            self._status = assess(self.plan)
        return self._status

    def replace_session(self, session: PlanSession, modified: bool = False) -> None:
        """Show another plan (New, Open, restore, reload): clears undo history. The caller
        has closed the previous session if it is done with it."""
        old_path = self.file_path
        self._session = session
        self._replaced(modified)
        if session.path != old_path:
            self.file_path_changed.emit(session.path)

    def replace_plan(self, plan: Plan, modified: bool = False) -> None:
        """Show ``plan`` in this session (Reload): clears undo history."""
        self.session.replace_plan(plan)
        self._replaced(modified)

    def _replaced(self, modified: bool) -> None:
        self._first_edit_day = None
        self.undo_stack.clear()
        if modified:
            # Restored or copied work is unsaved: make the stack not clean.
            self.undo_stack.resetClean()
        self._touch()
        self.plan_replaced.emit()
        self.modified_changed.emit(self.is_modified)

    def path_changed(self) -> None:
        """The session's file changed (Save As)."""
        self.file_path_changed.emit(self.file_path)

    def mark_saved(self) -> None:
        self.undo_stack.setClean()

    def mark_modified(self) -> None:
        """Flag unsaved changes that are not on the undo stack (e.g. a failed save)."""
        self.undo_stack.resetClean()
        self.modified_changed.emit(True)

    # ------------------------------------------------------------ reading

    def value(self, path: FieldPath) -> Any:
        return get_value(self.plan, path)

    def rows(self, list_path: FieldPath) -> list[Row]:
        return get_value(self.plan, list_path)

    def row_index(self, list_path: FieldPath, row_id: str) -> int:
        return row_index(self.plan, list_path, row_id)

    # ------------------------------------------------------------ editing (undoable)

    def set_value(self, path: FieldPath, value: Any) -> None:
        """Set a field; does nothing when the value is unchanged. Raises
        ``pydantic.ValidationError`` (before touching the plan) when the value is invalid."""
        old = get_value(self.plan, path)
        if old == value:
            return
        parent = get_value(self.plan, path[:-1])
        # Validate first so that a bad value never reaches the undo stack.
        type(parent).__pydantic_validator__.validate_assignment(
            parent.model_copy(), path[-1], value
        )
        self._before_edit()
        self.undo_stack.push(_SetValue(self, path, old, value))

    def insert_row(
        self, list_path: FieldPath, index: int | None = None, row: Row | None = None
    ) -> Row:
        """Insert ``row`` (a new blank row if ``None``) at ``index`` (end if ``None``)."""
        rows = self.rows(list_path)
        if row is None:
            from workbook.model import ROW_TYPES

            row = ROW_TYPES[tuple(list_path)]()  # type: ignore[index]
        index = len(rows) if index is None else max(0, min(index, len(rows)))
        self._before_edit()
        self.undo_stack.push(_InsertRows(self, list_path, index, [row], "Add row"))
        return row

    def insert_rows(
        self, list_path: FieldPath, index: int, rows: Sequence[Row], text: str = "Add rows"
    ) -> None:
        self._before_edit()
        self.undo_stack.push(_InsertRows(self, list_path, index, rows, text))

    def remove_rows(self, list_path: FieldPath, row_ids: Sequence[str]) -> None:
        if row_ids:
            self._before_edit()
            self.undo_stack.push(_RemoveRows(self, list_path, row_ids))

    def move_row(self, list_path: FieldPath, source: int, target: int) -> None:
        rows = self.rows(list_path)
        if source != target and 0 <= source < len(rows) and 0 <= target < len(rows):
            self._before_edit()
            self.undo_stack.push(_MoveRow(self, list_path, source, target))

    def begin_macro(self, text: str) -> None:
        self.undo_stack.beginMacro(text)

    def end_macro(self) -> None:
        self.undo_stack.endMacro()

    def apply_edits(self, edits: Sequence[Edit], text: str) -> None:
        """Make ``edits`` (:mod:`workbook.diff`'s restore of a field or a row) as ONE undo
        step called ``text``. Raises ``pydantic.ValidationError`` (nothing is left changed)."""
        from workbook.diff import InsertRow, MoveRow, RemoveRows, SetValue

        if not edits:
            return
        self.begin_macro(text)
        try:
            for edit in edits:
                if isinstance(edit, SetValue):
                    self.set_value(edit.path, edit.value)
                elif isinstance(edit, InsertRow):
                    index = max(0, min(edit.index, len(self.rows(edit.list_path))))
                    self.insert_rows(edit.list_path, index, [edit.row], text)
                elif isinstance(edit, RemoveRows):
                    self.remove_rows(edit.list_path, edit.row_ids)
                elif isinstance(edit, MoveRow):
                    self.move_row(edit.list_path, edit.source, edit.target)
        except Exception:
            self.end_macro()
            self.undo_stack.undo()  # what was made of the step goes, and with it the step
            raise
        self.end_macro()

    # ------------------------------------------------------------ snapshots
    # Taking or deleting a snapshot changes the plan (its history is saved in the file) but
    # is not an undoable edit: the plan becomes "modified", the undo history stays.

    def take_snapshot(self, name: str, note: str = "") -> Snapshot:
        """Keep the plan as it is now under ``name`` (:meth:`PlanSession.take_snapshot`)."""
        snapshot = self.session.take_snapshot(name, note, now=self.clock())
        self._history_changed()
        return snapshot

    def take_automatic_snapshot(self, kind: SnapshotKind) -> Snapshot | None:
        """The app's own snapshot (before an export, say), unless the plan has not changed
        since the newest one. Returns it, or None when none was needed."""
        session = self.session  # every change here touches it: its state is up to date
        snapshot = session.take_automatic_snapshot(kind, now=self.clock(), state=session.state())
        if snapshot is not None:
            self._history_changed()
        return snapshot

    def delete_snapshot(self, snapshot_id: str) -> Snapshot:
        """Remove a snapshot from the history. Raises SnapshotNotFoundError."""
        snapshot = self.session.delete_snapshot(snapshot_id)
        self._history_changed()
        return snapshot

    def restore_snapshot(self, snapshot_id: str) -> None:
        """Put a snapshot's plan in place of this one (a "before a restore" snapshot keeps
        the plan as it was, which is the way back: the undo history starts again)."""
        self.session.restore_snapshot(snapshot_id, now=self.clock())
        self._replaced(modified=True)

    def _history_changed(self) -> None:
        # Not ``edited``: the plan's words are as they were, so the plan check, the progress
        # and the counts that follow every edit need not run again (the check of a
        # 2,000-note plan is some 50 ms, and a snapshot is taken as an export starts). The
        # autosaver follows ``snapshots_changed`` too, so the copy keeps the new history.
        self.mark_modified()
        self.snapshots_changed.emit()

    def _before_edit(self) -> None:
        """Before the day's first edit of a plan file, keep it as it was (a snapshot
        "before the day's first edit"); later edits that day only compare the date.

        Untitled plans are left out: everything in them is that day's work."""
        session = self._session
        if session is None or session.path is None or session.read_only:
            return
        now = self.clock()
        if self._first_edit_day == now.date():
            return
        self._first_edit_day = now.date()
        from workbook.model import SnapshotKind

        # The edit that follows makes the plan modified: the snapshot rides on it.
        if session.take_automatic_snapshot(SnapshotKind.FIRST_EDIT, now=now) is not None:
            self.snapshots_changed.emit()

    # ------------------------------------------------------------ applied by the commands

    def _touch(self) -> None:
        self._status = None
        self.session.touch()

    def _apply_value(self, path: FieldPath, value: Any) -> None:
        set_value(self.plan, path, value)
        self._touch()
        self.value_changed.emit(tuple(path))
        self.edited.emit()

    def _insert(self, list_path: FieldPath, index: int, rows: Sequence[Row]) -> None:
        key = tuple(list_path)
        self.rows_about_to_be_inserted.emit(key, index, len(rows))
        self.rows(list_path)[index:index] = list(rows)
        self._touch()
        self.rows_inserted.emit(key, index, len(rows))
        self.edited.emit()

    def _remove(self, list_path: FieldPath, index: int, count: int) -> None:
        key = tuple(list_path)
        self.rows_about_to_be_removed.emit(key, index, count)
        del self.rows(list_path)[index : index + count]
        self._touch()
        self.rows_removed.emit(key, index, count)
        self.edited.emit()

    def _move(self, list_path: FieldPath, source: int, target: int) -> None:
        key = tuple(list_path)
        self.row_about_to_be_moved.emit(key, source, target)
        rows = self.rows(list_path)
        rows.insert(target, rows.pop(source))
        self._touch()
        self.row_moved.emit(key, source, target)
        self.edited.emit()
