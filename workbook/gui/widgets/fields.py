"""Field editors bound to one path of the plan document: text, multi-line text, date, choice,
number and yes/no. Each writes through the document (so undo covers it) and follows it back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import StrEnum
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QEvent, QLocale, QObject, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSizePolicy,
    QWidget,
)

from workbook.gui.document import PlanDocument
from workbook.gui.shortcuts import app_shortcut_wins
from workbook.gui.spell_highlighter import add_spelling_entries, attach_spellcheck
from workbook.gui.widgets.date_edit import OptionalDateEdit
from workbook.numbers import NumberParseError, parse_number
from workbook.paths import FieldPath, field_title

Writer = Callable[[Any], None]


def split_tags(text: str) -> list[str]:
    """ "crowds, gluten free ,  " -> ["crowds", "gluten free"]."""
    return [" ".join(part.split()) for part in text.split(",") if part.strip()]


class FieldBinding(QObject):
    """Ties one editor to one field: shows the document's value, writes the user's edits.

    ``loading`` is set while the editor is being filled from the document, so the
    editor's change signals do not write the value straight back (no feedback loop).
    """

    refreshed = Signal()
    """The editor shows the document's value again (an edit, undo, another row)."""

    def __init__(
        self,
        document: PlanDocument,
        path: FieldPath | None,
        show: Callable[[Any], None],
        editor: QWidget,
        writer: Writer | None = None,
    ) -> None:
        super().__init__(editor)
        self.document = document
        self.path = path
        self.loading = False
        self._show = show
        self._editor = editor
        self._writer = writer
        self._disabled_by_binding = False
        document.value_changed.connect(self._on_value_changed)
        document.plan_replaced.connect(self.refresh)

    def set_path(self, path: FieldPath | None) -> None:
        self.path = path
        self.refresh()

    def current_value(self) -> Any:
        if self.path is None:
            return None
        try:
            return self.document.value(self.path)
        except (KeyError, AttributeError):
            return None

    def refresh(self) -> None:
        """Show the document's value (after undo, a reload, or a new row)."""
        missing = self.path is None
        value: Any = None
        if not missing:
            try:
                value = self.document.value(self.path)
            except (KeyError, AttributeError):
                missing = True
        if missing != self._disabled_by_binding:
            self._disabled_by_binding = missing
            self._editor.setEnabled(not missing)
        self.loading = True
        try:
            self._show(value)
        finally:
            self.loading = False
        self.refreshed.emit()

    def commit(self, value: Any) -> bool:
        """Write the user's edit; False when it was refused (invalid, or nothing bound)."""
        if self.loading or self.path is None:
            return False
        if self.document.session.read_only:  # a plan opened only to look at
            self.refresh()
            return False
        try:
            if self._writer is not None:
                self._writer(value)
            else:
                self.document.set_value(self.path, value)
        except (ValidationError, KeyError):
            self.refresh()
            return False
        return True

    def _on_value_changed(self, path: tuple) -> None:
        if path == self.path:
            self.refresh()


def _is_undo_key(event: QKeyEvent) -> bool:
    return event.matches(QKeySequence.StandardKey.Undo) or event.matches(
        QKeySequence.StandardKey.Redo
    )


def _drop_own_undo(menu: QMenu) -> None:
    """Editors keep no history of their own: the window's Undo covers every edit."""
    for action in menu.actions():
        if action.objectName() in ("edit-undo", "edit-redo"):
            menu.removeAction(action)
    actions = menu.actions()
    if actions and actions[0].isSeparator():
        menu.removeAction(actions[0])


class StillComboBox(QComboBox):
    """A drop-down that scrolling a page past it leaves alone: the wheel changes the choice
    only when the field has focus. (A method override rather than an event filter: a
    Python event filter can crash PySide6 while it creates wrapper types lazily.)"""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


def _declines_undo_shortcut(event: QEvent) -> bool:
    """True for Ctrl+Z / Ctrl+Y offered to a text editor: left to the window's Undo action,
    because the document's undo stack, not the widget, holds the history."""
    if event.type() == QEvent.Type.ShortcutOverride and _is_undo_key(event):  # type: ignore[arg-type]
        event.ignore()
        return True
    return False


class _UndoLeftToDocument:
    """For text and number editors: Ctrl+Z / Ctrl+Y and the context menu's Undo/Redo are
    left to the window's Undo, because the document's stack, not the widget, holds the
    history. The context menu also offers the field's own actions (insert example), and
    the spelling entries for a misspelt word under the pointer."""

    context_actions: list[QAction]

    def event(self, event: QEvent) -> bool:
        if _declines_undo_shortcut(event) or app_shortcut_wins(self, event):  # type: ignore[arg-type]
            return False
        return super().event(event)  # type: ignore[misc]

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if _is_undo_key(event):
            event.ignore()
            return
        super().keyPressEvent(event)  # type: ignore[misc]

    def _standard_menu(self, event: QContextMenuEvent) -> QMenu:
        return self.createStandardContextMenu()  # type: ignore[attr-defined]

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt override
        menu = self._standard_menu(event)
        _drop_own_undo(menu)
        add_spelling_entries(self, menu, event.pos())  # type: ignore[arg-type]
        _add_actions(menu, self.context_actions)
        menu.exec(event.globalPos())
        menu.deleteLater()


class _Greyable:
    """Text shown in the palette's placeholder colour while it is an example's words, left
    unchanged (:mod:`workbook.borrowed`): it does not count as the user's answer yet."""

    borrowed = False

    def set_borrowed(self, borrowed: bool) -> None:
        if borrowed == self.borrowed:
            return
        self.borrowed = borrowed
        if borrowed:
            self._apply_grey()
        else:
            self.setPalette(QPalette())  # type: ignore[attr-defined]  # inherit everything again

    def _apply_grey(self) -> None:
        parent = self.parentWidget()  # type: ignore[attr-defined]
        source = parent.palette() if parent is not None else QApplication.palette()
        grey = source.color(QPalette.ColorRole.PlaceholderText)
        palette = self.palette()  # type: ignore[attr-defined]
        if palette.color(QPalette.ColorRole.Text) != grey:
            palette.setColor(QPalette.ColorRole.Text, grey)
            self.setPalette(palette)  # type: ignore[attr-defined]

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)  # type: ignore[misc]
        if self.borrowed and event.type() in (
            QEvent.Type.PaletteChange,
            QEvent.Type.ParentChange,
        ):
            self._apply_grey()  # follow a light or dark palette


class LineField(_Greyable, _UndoLeftToDocument, QLineEdit):
    """One line of text, spell-checked."""

    def __init__(
        self, document: PlanDocument, path: FieldPath | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context_actions: list[QAction] = []
        self.binding = FieldBinding(document, path, self._show, self)
        self.textEdited.connect(self.binding.commit)
        self.binding.refresh()
        attach_spellcheck(self, undo_stack=document.undo_stack)

    def _show(self, value: Any) -> None:
        text = value if isinstance(value, str) else ""
        if self.text() != text:
            position = self.cursorPosition()
            self.setText(text)
            self.setCursorPosition(min(position, len(text)))


class TagsField(LineField):
    """Themes typed as comma-separated text, stored as a list."""

    def __init__(
        self, document: PlanDocument, path: FieldPath | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(document, path, parent)
        self.textEdited.disconnect(self.binding.commit)
        self.textEdited.connect(self._on_text_edited)

    def _show(self, value: Any) -> None:
        tags = list(value) if isinstance(value, list) else []
        # "crowds, " is still ["crowds"]: keep what is being typed rather than tidy it away.
        if split_tags(self.text()) != tags:
            super()._show(", ".join(tags))

    def _on_text_edited(self, text: str) -> None:
        self.binding.commit(split_tags(text))


class TextField(_Greyable, _UndoLeftToDocument, QPlainTextEdit):
    """Several lines of text, spell-checked; grows with its content between a few lines and
    a dozen."""

    MIN_LINES = 3
    MAX_LINES = 12

    def __init__(
        self,
        document: PlanDocument,
        path: FieldPath | None,
        parent: QWidget | None = None,
        min_lines: int = MIN_LINES,
    ) -> None:
        super().__init__(parent)
        self.context_actions: list[QAction] = []
        self._min_lines = min_lines
        self.setTabChangesFocus(True)  # keyboard first: Tab leaves the field
        self.setUndoRedoEnabled(False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.binding = FieldBinding(document, path, self._show, self)
        self.textChanged.connect(self._on_text_changed)
        self.binding.refresh()
        attach_spellcheck(self, undo_stack=document.undo_stack)

    def _show(self, value: Any) -> None:
        text = value if isinstance(value, str) else ""
        if self.toPlainText() != text:
            position = self.textCursor().position()
            self.setPlainText(text)
            cursor = self.textCursor()
            cursor.setPosition(min(position, len(text)))
            self.setTextCursor(cursor)

    def _on_text_changed(self) -> None:
        self.updateGeometry()
        if not self.binding.loading:
            self.binding.commit(self.toPlainText())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        lines = max(self._min_lines, min(self.MAX_LINES, self.document().lineCount() + 1))
        margins = self.contentsMargins()
        frame = 2 * self.frameWidth() + margins.top() + margins.bottom()
        height = int(
            lines * self.fontMetrics().lineSpacing() + 2 * self.document().documentMargin() + frame
        )
        return QSize(super().sizeHint().width(), height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.sizeHint()

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.updateGeometry()  # wrapped line count depends on the width

    def _standard_menu(self, event: QContextMenuEvent) -> QMenu:
        return self.createStandardContextMenu(event.pos())  # the menu knows about links there

    def move_cursor_to_end(self) -> None:
        cursor = self.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.setTextCursor(cursor)


def _add_actions(menu: QMenu, actions: list[QAction]) -> None:
    if actions:
        menu.addSeparator()
        for action in actions:
            menu.addAction(action)


class DateField(OptionalDateEdit):
    """A date that may be left empty."""

    def __init__(
        self,
        document: PlanDocument,
        path: FieldPath | None,
        parent: QWidget | None = None,
        writer: Writer | None = None,
    ) -> None:
        super().__init__(parent)
        self.date_edit.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.binding = FieldBinding(document, path, self._show, self, writer)
        self.date_edited.connect(self.binding.commit)
        self.binding.refresh()

    def _show(self, value: Any) -> None:
        if self.value() != value:
            self.set_value(value if isinstance(value, date) else None)


class EnumField(StillComboBox):
    """A choice from one of the plan's lists of options, shown by label."""

    def __init__(
        self,
        document: PlanDocument,
        path: FieldPath | None,
        enum: type[StrEnum],
        optional: bool,
        parent: QWidget | None = None,
        empty_text: str = "Not answered yet",
    ) -> None:
        super().__init__(parent)
        if optional:
            self.addItem(empty_text, None)
        for member in enum:
            self.addItem(getattr(member, "label", member.value), member)
        self.binding = FieldBinding(document, path, self._show, self)
        self.currentIndexChanged.connect(self._on_index_changed)
        self.binding.refresh()

    def _show(self, value: Any) -> None:
        index = self.findData(value)
        if index < 0 and self.count():
            index = 0
        self.setCurrentIndex(index)

    def _on_index_changed(self, index: int) -> None:
        if not self.binding.loading and index >= 0:
            self.binding.commit(self.itemData(index))


class NumberField(_UndoLeftToDocument, QLineEdit):
    """A number (hours per week); empty means "not answered yet".

    What is typed is never rewritten: "2-3" stays "2-3" (a validator used to drop the "-"
    and store 23). Text that is not one number is not stored; ``problem_changed`` says
    why once the field is left, and the plan keeps the number it had before the typing."""

    problem_changed = Signal(str)

    def __init__(
        self,
        document: PlanDocument,
        path: FieldPath | None,
        parent: QWidget | None = None,
        minimum: float = 0.0,
        maximum: float = 1e9,
        decimals: int = 2,
    ) -> None:
        super().__init__(parent)
        self.context_actions: list[QAction] = []
        self._range = (minimum, maximum)
        self._before: Any = None
        self._typing = False
        self._committing = False
        self._problem = ""
        self.binding = FieldBinding(document, path, self._show, self)
        self.textEdited.connect(self._on_text_edited)
        self.editingFinished.connect(self._finish)
        self.binding.refresh()

    def _parse(self, text: str) -> float | None:
        path = self.binding.path
        return parse_number(
            text,
            decimal_point=QLocale().decimalPoint(),
            minimum=self._range[0],
            maximum=self._range[1],
            name=field_title(path) if path else "This field",
        )

    def number(self) -> float | None:
        try:
            return self._parse(self.text())
        except NumberParseError:
            return None

    def problem(self) -> str:
        return self._problem

    def _show(self, value: Any) -> None:
        if self._committing:
            return  # our own edit coming back: the text stays exactly as typed
        try:
            if self._parse(self.text()) == value:
                return
        except NumberParseError:
            pass
        self.setText("" if value is None else QLocale().toString(float(value), "g", 12))
        self._set_problem("")

    def _commit(self, value: float | None) -> None:
        self._committing = True
        try:
            self.binding.commit(value)
        finally:
            self._committing = False

    def _on_text_edited(self, text: str) -> None:
        if not self._typing:
            self._typing, self._before = True, self.binding.current_value()
        try:
            value = self._parse(text)
        except NumberParseError:
            if self.binding.current_value() != self._before:
                self._commit(self._before)  # half a range is not a number to keep
            return
        self._commit(value)
        self._set_problem("")

    def _finish(self) -> None:
        before, self._typing = self._before, False
        try:
            self._parse(self.text())
        except NumberParseError as error:
            kept = QLocale().toString(float(before), "g", 12) if before is not None else "no number"
            self._set_problem(f"{error} Not stored: the plan keeps {kept}.")
            return
        self._set_problem("")

    def _set_problem(self, message: str) -> None:
        if message != self._problem:
            self._problem = message
            self.setToolTip(message)
            self.problem_changed.emit(message)


class BoolField(QCheckBox):
    """A yes/no answer; the check box's text is the prompt."""

    def __init__(
        self,
        document: PlanDocument,
        path: FieldPath | None,
        parent: QWidget | None = None,
        writer: Writer | None = None,
    ) -> None:
        super().__init__(parent)
        self.binding = FieldBinding(document, path, self._show, self, writer)
        self.toggled.connect(self._on_toggled)
        self.binding.refresh()

    def _show(self, value: Any) -> None:
        self.setChecked(bool(value))

    def _on_toggled(self, checked: bool) -> None:
        if not self.binding.loading:
            self.binding.commit(checked)
