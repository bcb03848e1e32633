"""An editable table for one list of the plan: add, edit in place, delete and reorder rows,
all from the keyboard and all undoable through the document."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QKeyCombination,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbook.gui.document import PlanDocument
from workbook.gui.icons import icon
from workbook.gui.widgets.columns import Column, ColumnKind
from workbook.gui.widgets.delegates import RowDelegate
from workbook.gui.widgets.guide_text import object_name
from workbook.gui.widgets.layout import LinkButton, muted_label, text_label
from workbook.gui.widgets.row_model import ROW_ID_ROLE, RowTableModel
from workbook.model import Row
from workbook.paths import FieldPath, field_title

ADD_KEYS = (QKeySequence(Qt.Key.Key_Insert), QKeySequence("Ctrl+Shift+N"))
DELETE_KEYS = (QKeySequence(Qt.Key.Key_Delete),)
MOVE_UP_KEYS = (QKeySequence("Alt+Up"),)
MOVE_DOWN_KEYS = (QKeySequence("Alt+Down"),)
KEY_HINT = (
    "Insert: add a row · type or F2: edit a cell · Tab: next cell · Del: delete · "
    "Alt+↑ / Alt+↓: move"
)
"""The table's keys, shown under its buttons (the buttons are not Tab stops)."""

_IRREGULAR_PLURALS = {"person": "people", "child": "children"}


MIN_ROWS_SHOWN = 3
"""Rows a table keeps room for however short the window is."""


def plural(noun: str, count: int = 2) -> str:
    """ "note" -> "notes", "activity" -> "activities", "person" -> "people" (for a count
    other than one)."""
    if count == 1:
        return noun
    if noun in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[noun]
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def _matches(event: QKeyEvent, keys: Sequence[QKeySequence]) -> bool:
    # Arrow keys carry the keypad flag on some platforms; it is not part of our shortcuts.
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    pressed = QKeySequence(QKeyCombination(modifiers, Qt.Key(event.key())))
    return any(pressed.matches(key) == QKeySequence.SequenceMatch.ExactMatch for key in keys)


class RowTableView(QTableView):
    """The table itself. Its keys are handled here (not as window shortcuts), so they work
    only while the table has focus and never clash with the window's own shortcuts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key_actions: list[tuple[Sequence[QKeySequence], QAction]] = []
        self.empty_text = ""
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # Not SelectedClicked: Qt waits a double-click interval before opening the editor
        # and, meanwhile, takes typed letters as a search of the rows, so the first
        # characters typed after clicking a selected cell were lost. A click on the
        # current cell opens its editor at once instead (mouseReleaseEvent).
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self._pressed_current = QPersistentModelIndex()
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setTabKeyNavigation(False)  # Tab leaves the table; arrows move between cells
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        vertical = self.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # uniform rows: fast
        self._apply_row_height()

    def _apply_row_height(self) -> None:
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.updateGeometry()  # the minimum below follows the row height

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """Room for the header and a few rows: squeezed below that (a short window at large
        text), a table showed no row at all; now the page scrolls instead."""
        hint = super().minimumSizeHint()
        rows = self.verticalHeader().defaultSectionSize() * MIN_ROWS_SHOWN
        header = self.horizontalHeader().sizeHint().height()
        bar = self.horizontalScrollBar().sizeHint().height()
        return QSize(hint.width(), max(hint.height(), header + rows + bar + 2 * self.frameWidth()))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.FontChange:
            self._apply_row_height()
        super().changeEvent(event)

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and self._action_for(event) is not None
        ):
            event.accept()  # ours while the table has focus
            return True
        return super().event(event)

    def _action_for(self, event: QKeyEvent) -> QAction | None:
        for keys, action in self.key_actions:
            if _matches(event, keys):
                return action
        return None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        action = self._action_for(event)
        if action is not None:
            if action.isEnabled():
                action.trigger()
            event.accept()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        index = self.indexAt(event.position().toPoint())
        current = self.currentIndex()
        already = (
            event.button() == Qt.MouseButton.LeftButton
            and index.isValid()
            and index == current
            and self.selectionModel().isSelected(index)
            and not event.modifiers()
        )
        self._pressed_current = QPersistentModelIndex(index if already else QModelIndex())
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        super().mouseReleaseEvent(event)
        pressed, self._pressed_current = self._pressed_current, QPersistentModelIndex()
        index = self.indexAt(event.position().toPoint())
        if (
            pressed.isValid()
            and index == QModelIndex(pressed)
            and self.state() == QAbstractItemView.State.NoState
            and self.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers
        ):
            self.edit(index)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt override
        menu = QMenu(self)
        for _keys, action in self.key_actions:
            menu.addAction(action)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def paintEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        model = self.model()
        if model is not None and model.rowCount() == 0 and self.empty_text:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(
                self.viewport().rect().adjusted(12, 12, -12, -12),
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignTop
                | Qt.TextFlag.TextWordWrap,
                self.empty_text,
            )
            painter.end()


class RowTableWidget(QWidget):
    """A list of the plan as a table with Add / Delete / Move up / Move down."""

    current_row_changed = Signal(object)
    """The row the cursor is on changed; the argument is its id, or None."""

    def __init__(
        self,
        document: PlanDocument,
        list_path: FieldPath,
        columns: Sequence[Column],
        parent: QWidget | None = None,
        proxy: QSortFilterProxyModel | None = None,
        row_factory: Callable[[], Row] | None = None,
        edit_column: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.list_path = tuple(list_path)
        self.row_factory = row_factory
        self.model = RowTableModel(document, self.list_path, columns, self)
        self.proxy = proxy
        if proxy is not None:
            proxy.setSourceModel(self.model)
        self.edit_column = (
            self.model.column_of(edit_column)
            if edit_column
            else next(
                (
                    i
                    for i, c in enumerate(columns)
                    if c.kind in (ColumnKind.TEXT, ColumnKind.LONG_TEXT)
                ),
                0,
            )
        )

        self.view = RowTableView(self)
        self.view.setObjectName(object_name(self.list_path))
        self.view.setModel(proxy if proxy is not None else self.model)
        self.delegate = RowDelegate(columns, self.view)
        self.delegate.input_refused.connect(self.show_notice)
        self.view.setItemDelegate(self.delegate)
        self._edit_triggers = self.view.editTriggers()
        self._read_only = False
        title = field_title(self.list_path)
        self.view.setAccessibleName(title)
        self.view.empty_text = (
            f"No {plural(self.model.row_noun)} yet. Press Insert or the Add button to add one."
        )
        self._columns = list(columns)
        self._apply_column_widths()

        self.add_action = self._action("Add", "Add a row", ADD_KEYS, icon("add"), self.add_row)
        self.delete_action = self._action(
            "Delete", "Delete the selected rows", DELETE_KEYS, icon("delete"), self.delete_selected
        )
        self.move_up_action = self._action(
            "Move up", "Move the row up", MOVE_UP_KEYS, icon("up"), self.move_up
        )
        self.move_down_action = self._action(
            "Move down", "Move the row down", MOVE_DOWN_KEYS, icon("down"), self.move_down
        )

        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        self.buttons: dict[str, QPushButton] = {}
        for action in (
            self.add_action,
            self.delete_action,
            self.move_up_action,
            self.move_down_action,
        ):
            button = QPushButton(action.icon(), action.text(), self)
            button.setToolTip(action.toolTip())
            # Not a Tab stop: Tab, Tab, Space once pressed Delete. The keys are shown below.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAccessibleName(f"{action.text()} ({title})")
            button.clicked.connect(action.trigger)
            action.enabledChanged.connect(button.setEnabled)
            button.setEnabled(action.isEnabled())
            buttons.addWidget(button)
            self.buttons[action.text()] = button
        buttons.addStretch(1)
        self.hint_label = muted_label(KEY_HINT, self)
        self.hint_label.setObjectName("table_keys")

        # What was just deleted (with Undo at hand), or why a cell kept its value.
        self.notice = QWidget(self)
        notice_row = QHBoxLayout(self.notice)
        notice_row.setContentsMargins(0, 0, 0, 0)
        self.notice_label = text_label("", self.notice)
        self.notice_label.setObjectName("table_notice")
        self.undo_button = LinkButton("Undo (Ctrl+Z)", self.notice)
        self.undo_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.undo_button.clicked.connect(self._undo_delete)
        notice_row.addWidget(self.notice_label, 1)
        notice_row.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignTop)
        self.notice.hide()
        document.edited.connect(self._edited_elsewhere)
        self._deleting = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(buttons)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.notice)
        layout.addWidget(self.view, 1)

        self.view.selectionModel().selectionChanged.connect(self._update_actions)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        shown = self.view.model()
        for signal in (
            shown.rowsInserted,
            shown.rowsRemoved,
            shown.rowsMoved,
            shown.modelReset,
            shown.layoutChanged,
        ):
            signal.connect(self._update_actions)
        if proxy is not None:
            self.view.horizontalHeader().sortIndicatorChanged.connect(self._update_actions)
        self._update_actions()

    def _apply_column_widths(self) -> None:
        """Starting widths in characters, never narrower than the header's own text."""
        header = self.view.horizontalHeader()
        for position, column in enumerate(self._columns):
            width = self.fontMetrics().averageCharWidth() * column.width_chars + 16
            self.view.setColumnWidth(position, max(width, header.sectionSizeHint(position)))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._apply_column_widths()

    def _action(
        self,
        text: str,
        tip: str,
        keys: Sequence[QKeySequence],
        icon: QIcon,
        slot: Callable[[], object],
    ) -> QAction:
        action = QAction(icon, text, self)
        action.setShortcuts(list(keys))
        # The view handles the keys itself; the shortcut is shown in menus and tooltips only.
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        shown_keys = " or ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
        action.setToolTip(f"{tip} ({shown_keys})")
        action.triggered.connect(slot)
        self.view.key_actions.append((keys, action))
        return action

    # ------------------------------------------------------------ positions

    def _source_row(self, view_index: QModelIndex) -> int:
        if not view_index.isValid():
            return -1
        if self.proxy is not None:
            view_index = self.proxy.mapToSource(view_index)
        return view_index.row()

    def _view_index(self, source_row: int, column: int = 0) -> QModelIndex:
        index = self.model.index(source_row, column)
        return self.proxy.mapFromSource(index) if self.proxy is not None else index

    def current_row_id(self) -> str | None:
        return self.model.row_id(self._source_row(self.view.currentIndex()))

    def selected_row_ids(self) -> list[str]:
        rows = self.view.selectionModel().selectedRows()
        ids = [str(index.data(ROW_ID_ROLE)) for index in rows]
        current = self.current_row_id()
        if not ids and current is not None:
            ids = [current]
        return ids

    def is_sorted(self) -> bool:
        return self.proxy is not None and self.proxy.sortColumn() >= 0

    def select_row(self, row_id: str, column: str | None = None, edit: bool = False) -> bool:
        """Make the row with ``row_id`` current and selected; True if it is shown."""
        source_row = self.model.position_of(row_id)
        if source_row < 0:
            return False
        column_index = self.model.column_of(column) if column else -1
        if column_index < 0:
            current = self.view.currentIndex()
            column_index = current.column() if current.isValid() else self.edit_column
        index = self._view_index(source_row, column_index)
        if not index.isValid():
            return False
        selection = self.view.selectionModel()
        selection.setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index)
        if edit:
            self.view.edit(index)
        return True

    def select_first(self) -> bool:
        """Make the first row shown current (after sorting and filtering); False if none."""
        shown = self.view.model()
        if shown.rowCount() == 0:
            return False
        index = shown.index(0, self.edit_column)
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        return True

    # ------------------------------------------------------------ actions

    def add_row(self) -> None:
        if self._read_only:
            return
        row = self.row_factory() if self.row_factory is not None else None
        row = self.document.insert_row(self.list_path, None, row)
        if hasattr(self.proxy, "pin"):
            self.proxy.pin(row.id)  # type: ignore[union-attr]
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.select_row(row.id, self.model.columns[self.edit_column].name, edit=True)

    def delete_selected(self) -> None:
        ids = self.selected_row_ids()
        if not ids or self._read_only:
            return
        positions = sorted(self.model.position_of(i) for i in ids)
        what = self._describe_rows(positions)
        self._deleting = True
        try:
            self.document.remove_rows(self.list_path, ids)
        finally:
            self._deleting = False
        next_id = self.model.row_id(min(positions[0], self.model.rowCount() - 1))
        if next_id is not None:
            self.select_row(next_id)
        self.show_notice(f"Deleted {what}.", undo=True)

    def _describe_rows(self, positions: list[int]) -> str:
        """ "note 3 (“Loves the sourdough…”)" or "4 notes (3, 5, 6, 9)"."""
        noun = self.model.row_noun
        if len(positions) > 1:
            numbers = ", ".join(str(p + 1) for p in positions[:8])
            more = ", …" if len(positions) > 8 else ""
            return f"{len(positions)} {plural(noun)} ({numbers}{more})"
        row = self.model.row(positions[0])
        column = self.model.columns[self.edit_column].name
        words = " ".join(str(getattr(row, column, "") or "").split())
        shown = f" (“{words[:40]}{'…' if len(words) > 40 else ''}”)" if words else ""
        return f"{noun} {positions[0] + 1}{shown}"

    def show_notice(self, message: str, undo: bool = False) -> None:
        """Say ``message`` above the table until the next edit (``undo``: with Undo)."""
        self.notice_label.setText(message)
        self.undo_button.setVisible(undo)
        self.notice.setVisible(bool(message))

    def _undo_delete(self) -> None:
        self.notice.hide()
        self.document.undo_stack.undo()
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _edited_elsewhere(self) -> None:
        if not self._deleting and self.undo_button.isVisible():
            self.notice.hide()  # Undo would now undo something else

    def set_read_only(self, read_only: bool) -> None:
        """A plan opened only to look at: cells open no editor, rows cannot be changed."""
        self._read_only = read_only
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers if read_only else self._edit_triggers
        )
        self.add_action.setEnabled(not read_only)
        self._update_actions()

    def move_current(self, step: int) -> None:
        row_id = self.current_row_id()
        if row_id is None or self.is_sorted() or self._read_only:
            return
        source = self.model.position_of(row_id)
        target = source + step
        if 0 <= target < self.model.rowCount():
            self.document.move_row(self.list_path, source, target)
            self.select_row(row_id)

    def move_up(self) -> None:
        self.move_current(-1)

    def move_down(self) -> None:
        self.move_current(1)

    def _update_actions(self, *_args: object) -> None:
        current = self._source_row(self.view.currentIndex())
        has_rows = self.view.model().rowCount() > 0
        self.delete_action.setEnabled(has_rows and current >= 0 and not self._read_only)
        movable = current >= 0 and not self.is_sorted() and not self._read_only
        self.move_up_action.setEnabled(movable and current > 0)
        self.move_down_action.setEnabled(movable and current < self.model.rowCount() - 1)

    def _on_current_row_changed(self, *_args: object) -> None:
        self._update_actions()
        self.current_row_changed.emit(self.current_row_id())
