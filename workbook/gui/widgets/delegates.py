"""Cell editors for the plan's tables: choices by label, dates with a calendar, tags, long text."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from workbook.gui.shortcuts import LeavesAppShortcuts
from workbook.gui.spell_highlighter import attach_spellcheck
from workbook.gui.widgets.columns import Column, ColumnKind
from workbook.gui.widgets.date_edit import OptionalDateEdit
from workbook.gui.widgets.fields import split_tags
from workbook.numbers import NumberParseError, parse_number

EMPTY_CHOICE = "—"
"""What an optional choice shows when nothing is chosen yet."""

LONG_TEXT_LINES = 6
"""Height of the pop-out editor for a long text cell, in lines."""


def _tab_direction(event: QKeyEvent) -> bool | None:
    """True for Tab, False for Shift+Tab, None for any other key (or Tab with Ctrl/Alt)."""
    if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
        return None
    if event.key() == Qt.Key.Key_Backtab:
        return False
    if event.key() == Qt.Key.Key_Tab:
        return not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
    return None


def _undo_stack(index: QModelIndex | QPersistentModelIndex) -> QUndoStack | None:
    """The undo stack of the document under a table's (possibly filtered) model."""
    model = index.model()
    while isinstance(model, QAbstractProxyModel):
        model = model.sourceModel()
    document = getattr(model, "document", None)
    return getattr(document, "undo_stack", None)


class _CellLineEdit(LeavesAppShortcuts, QLineEdit):
    """The editor of a one-line cell (text, themes, numbers): the window's shortcuts win."""


class _CellCombo(LeavesAppShortcuts, QComboBox):
    """The editor of a choice cell. Keys with Ctrl go on to the table and the window (a
    combo box would take Ctrl+Shift+N as a letter to search its items for)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            event.ignore()
            return
        super().keyPressEvent(event)


class _CellTextEdit(LeavesAppShortcuts, QPlainTextEdit):
    """The editor of a long-text cell: Enter starts a new line, Ctrl+Enter finishes.
    (A key override rather than the delegate's event filter: a Python event filter can
    crash PySide6 while it creates wrapper types lazily.)"""

    finish_requested = Signal()
    tab_pressed = Signal(bool)
    """Tab (True) or Shift+Tab (False): on to the next or previous cell."""

    def event(self, event: QEvent) -> bool:
        # Tab would pass the focus out of the table (to the form beside it); a cell's
        # editor takes it to the next cell instead, as in a spreadsheet.
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            forward = _tab_direction(event)
            if forward is not None:
                self.tab_pressed.emit(forward)
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.finish_requested.emit()
            return
        super().keyPressEvent(event)


class RowDelegate(QStyledItemDelegate):
    """Creates the editor that suits each column of a row table.

    A date or a number that cannot be read is not written; ``input_refused`` says why,
    and the table shows it (the cell keeps what it had)."""

    input_refused = Signal(str)

    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._editing: dict[QWidget, tuple[QPersistentModelIndex, Any]] = {}
        """Open text editors: the cell each edits and the value it held before, so Escape
        can put it back (text is written to the plan as it is typed)."""
        # Escape reaches us as closeEditor(..., RevertModelCache) from Qt's own editor
        # handling; connected before any view connects, so the editor is still known here.
        self.closeEditor.connect(self._on_close_editor)
        self._holding_text = False

    def _column(self, index: QModelIndex | QPersistentModelIndex) -> Column:
        return self.columns[index.column()]

    # ------------------------------------------------------------ yes/no cells: a centred box

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if self._column(index).kind is not ColumnKind.BOOL:
            super().paint(painter, option, index)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        widget = item.widget
        style = widget.style() if widget is not None else QApplication.style()
        checked = item.checkState == Qt.CheckState.Checked
        indicator = style.subElementRect(
            QStyle.SubElement.SE_ItemViewItemCheckIndicator, item, widget
        )
        item.features &= ~QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
        item.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        box = QStyleOptionViewItem(item)
        box.rect = QRect(0, 0, indicator.width(), indicator.height())
        box.rect.moveCenter(option.rect.center())
        box.state = (item.state & ~(QStyle.StateFlag.State_HasFocus)) | (
            QStyle.StateFlag.State_On if checked else QStyle.StateFlag.State_Off
        )
        style.drawPrimitive(
            QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck, box, painter, widget
        )

    def editorEvent(
        self,
        event: QEvent,
        model: QAbstractItemModel,  # noqa: N802
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if self._column(index).kind is not ColumnKind.BOOL:
            return super().editorEvent(event, model, option, index)
        view = option.widget
        if isinstance(view, QAbstractItemView) and (
            view.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
        ):
            return False  # a read-only plan: the tick stays as it is
        toggle = False
        if isinstance(event, QMouseEvent):
            if event.type() == QEvent.Type.MouseButtonDblClick:
                return True  # a double click is two toggles, not an editor
            toggle = (
                event.type() == QEvent.Type.MouseButtonRelease
                and event.button() == Qt.MouseButton.LeftButton
                and option.rect.contains(event.position().toPoint())
            )
        elif isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            toggle = event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select)
        if not toggle:
            return False
        checked = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        state = Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked
        return model.setData(index, state, Qt.ItemDataRole.CheckStateRole)

    # ------------------------------------------------------------ editors

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,  # noqa: N802
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget | None:
        column = self._column(index)
        editor: QWidget
        if column.kind in (ColumnKind.ENUM, ColumnKind.OPTIONAL_ENUM):
            combo = _CellCombo(parent)
            if column.kind is ColumnKind.OPTIONAL_ENUM:
                combo.addItem(EMPTY_CHOICE, None)
            assert column.enum is not None
            for member in column.enum:
                combo.addItem(getattr(member, "label", member.value), member)
            # Commit as soon as a choice is made, so nothing waits on the editor closing.
            combo.activated.connect(lambda _i, c=combo: self.commitData.emit(c))
            editor = combo
        elif column.kind is ColumnKind.DATE:
            date_edit = OptionalDateEdit(parent)
            date_edit.setAutoFillBackground(True)
            date_edit.tab_leaves_cell = True
            date_edit.date_edited.connect(lambda _d, e=date_edit: self.commitData.emit(e))
            date_edit.tab_pressed.connect(lambda forward, e=date_edit: self._tab_out(e, forward))
            editor = date_edit
        elif column.kind is ColumnKind.LONG_TEXT:
            text = _CellTextEdit(parent)
            text.finish_requested.connect(lambda t=text: self._finish(t))
            text.tab_pressed.connect(lambda forward, t=text: self._tab_out(t, forward))
            text.setTabChangesFocus(True)
            text.setToolTip(
                "Enter starts a new line; Ctrl+Enter or Tab finishes; Esc puts back what was there."
            )
            text.textChanged.connect(lambda t=text: self._write_as_typed(t))
            attach_spellcheck(text, undo_stack=_undo_stack(index))
            editor = text
        elif column.kind is ColumnKind.BOOL:
            return None
        else:
            line = _CellLineEdit(parent)
            line.setFrame(False)
            if column.kind is ColumnKind.TAGS:
                line.setToolTip("Separate themes with commas.")
            if column.kind is ColumnKind.NUMBER:
                line.setToolTip("One number, such as 2.5.")
            line.textEdited.connect(lambda _t, e=line: self._write_as_typed(e))
            if column.kind in (ColumnKind.TEXT, ColumnKind.TAGS):
                attach_spellcheck(line, undo_stack=_undo_stack(index))
            editor = line
        if isinstance(editor, (QLineEdit, QPlainTextEdit)):
            self._editing[editor] = (
                QPersistentModelIndex(index),
                index.data(Qt.ItemDataRole.EditRole),
            )
        editor.setAccessibleName(column.title)
        return editor

    def _finish(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def _tab_out(self, editor: QWidget, forward: bool) -> None:
        """Tab in a date cell: on to the next cell, as in a spreadsheet (the date's own
        text box would otherwise pass the focus out of the table)."""
        hint = QStyledItemDelegate.EndEditHint
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, hint.EditNextItem if forward else hint.EditPreviousItem)

    def _number(
        self, editor: QLineEdit, index: QModelIndex | QPersistentModelIndex
    ) -> float | None:
        """The number typed in a number cell; NumberParseError when it is not one."""
        column = self._column(index)
        return parse_number(
            editor.text(),
            decimal_point=QLocale().decimalPoint(),
            minimum=column.minimum,
            maximum=column.maximum,
            name=column.title,
        )

    def _on_close_editor(self, editor: QWidget, hint: QStyledItemDelegate.EndEditHint) -> None:
        if hint == QStyledItemDelegate.EndEditHint.RevertModelCache and editor in self._editing:
            index, original = self._editing.pop(editor)
            if index.isValid():
                index.model().setData(index, original, Qt.ItemDataRole.EditRole)

    def _write_as_typed(self, editor: QWidget) -> None:
        # Typing goes into the plan at once (the document merges it into one undo step),
        # so saving, autosave or a crash never loses a half-finished cell. A number is
        # written only once what is typed is one (never "2" of "2-3").
        if editor not in self._editing:
            return
        index, original = self._editing[editor]
        if isinstance(editor, QLineEdit) and self._column(index).kind is ColumnKind.NUMBER:
            try:
                self._number(editor, index)
            except NumberParseError:
                # Half a range is no number to keep: the cell holds what it had before.
                if index.isValid() and index.data(Qt.ItemDataRole.EditRole) != original:
                    self._holding_text = True  # the text stays as typed
                    try:
                        index.model().setData(index, original, Qt.ItemDataRole.EditRole)
                    finally:
                        self._holding_text = False
                return
        self.commitData.emit(editor)

    def destroyEditor(
        self,
        editor: QWidget,  # noqa: N802 - Qt override
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self._editing.pop(editor, None)
        super().destroyEditor(editor, index)

    def setEditorData(
        self,
        editor: QWidget,  # noqa: N802 - Qt override
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        value: Any = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            position = editor.findData(value)
            editor.setCurrentIndex(max(position, 0))
        elif isinstance(editor, OptionalDateEdit):
            editor.set_value(value if isinstance(value, date) else None)
        elif isinstance(editor, QPlainTextEdit):
            if editor.toPlainText() != (value or ""):
                # Showing the plan's value is not an edit: without this, textChanged wrote
                # it straight back, and on opening before the view knew the editor (Qt
                # warned "commitData called with an editor that does not belong to this view").
                blocked = editor.blockSignals(True)
                editor.setPlainText(value or "")
                editor.blockSignals(blocked)
                editor.moveCursor(editor.textCursor().MoveOperation.End)
        elif isinstance(editor, QLineEdit) and self._column(index).kind is ColumnKind.NUMBER:
            if self._holding_text:
                return
            try:
                same = self._number(editor, index) == value
            except NumberParseError:
                same = False
            if not same:
                # The model gives a number cell's text ("" when empty, "1,200" with the
                # locale's separators): float() of it failed, and the failure inside this
                # Qt override crashed the app when an empty number cell was opened.
                if isinstance(value, str):
                    shown = value
                else:
                    shown = "" if value is None else QLocale().toString(float(value), "g", 12)
                editor.setText(shown)
        elif isinstance(editor, QLineEdit):
            same = (
                split_tags(editor.text()) == split_tags(value or "")
                if self._column(index).kind is ColumnKind.TAGS
                else editor.text() == (value or "")
            )
            if not same:  # e.g. "prices, " while typing the next theme is left alone
                editor.setText(value or "")
        else:
            super().setEditorData(editor, index)

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,  # noqa: N802
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        value: Any
        if isinstance(editor, QComboBox):
            value = editor.currentData()
            if value is not None and not isinstance(value, StrEnum):
                value = self._column(index).enum(value)  # type: ignore[misc]
        elif isinstance(editor, OptionalDateEdit):
            if not editor.finish_typing():
                self.input_refused.emit(editor.problem())
                return
            value = editor.value()
        elif isinstance(editor, QPlainTextEdit):
            value = editor.toPlainText()
        elif isinstance(editor, QLineEdit) and self._column(index).kind is ColumnKind.NUMBER:
            try:
                value = self._number(editor, index)
            except NumberParseError as error:
                self.input_refused.emit(f"{error} The cell keeps what it had.")
                return
        elif isinstance(editor, QLineEdit):
            value = editor.text()
        else:
            super().setModelData(editor, model, index)
            return
        model.setData(index, value, Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(
        self,
        editor: QWidget,
        option: QStyleOptionViewItem,  # noqa: N802
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        rect = QRect(option.rect)
        if isinstance(editor, QPlainTextEdit):
            # Long text gets room to breathe: a few lines tall and at least a readable width,
            # kept inside the table's viewport.
            metrics = editor.fontMetrics()
            rect.setHeight(max(rect.height(), metrics.lineSpacing() * LONG_TEXT_LINES + 12))
            rect.setWidth(max(rect.width(), metrics.averageCharWidth() * 48))
            viewport = editor.parentWidget()
            if viewport is not None:
                bounds = viewport.rect()
                if rect.right() > bounds.right():
                    rect.moveRight(bounds.right())
                if rect.bottom() > bounds.bottom():
                    rect.moveBottom(bounds.bottom())
                rect = rect.intersected(bounds)
        elif isinstance(editor, OptionalDateEdit):
            rect.setWidth(max(rect.width(), editor.sizeHint().width()))
            rect.setHeight(max(rect.height(), editor.sizeHint().height()))
        editor.setGeometry(rect)
