"""Quick captures from anywhere in the window: park an idea (Ctrl+Shift+P) or note an agreed
action (Ctrl+Shift+A) in a one-line bar at the top of the window, without leaving the page.

The bar is a child of the window, not a dialog: nothing new opens on the projector, Enter
keeps what was typed as one undo step and Esc leaves it, and either way the keyboard goes
back to exactly where it was, the caret and selection included.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QPalette, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from workbook.gui.shortcuts import AppLineEdit
from workbook.gui.spell_highlighter import attach_spellcheck
from workbook.gui.steps import STEPS
from workbook.gui.widgets import clock
from workbook.gui.widgets.date_edit import OptionalDateEdit, format_date
from workbook.gui.widgets.layout import muted_label, text_label
from workbook.stages import Stage
from workbook.workshop_review import (
    ACTIONS,
    PARKING_LOT,
    CaptureError,
    agreed_action,
    parked_idea,
    quoted,
)

if TYPE_CHECKING:
    from workbook.gui.main_window import MainWindow

STATUS_MS = 6000
"""How long the status bar says what was captured."""
MARGIN = 8
"""Pixels between the bar and the top of the window's content."""
SHORT = 50
"""Characters of what was typed that a status message quotes."""


class FocusSpot:
    """Where the keyboard was: the widget, and the caret and selection in it.

    A table cell's editor closes once it loses the keyboard; the nearest ancestor that
    takes the keyboard (the table) gets it back then."""

    def __init__(self, widget: QWidget | None) -> None:
        self.widget = widget
        self.ancestors: list[QWidget] = []
        parent = widget.parentWidget() if widget is not None else None
        while parent is not None and not parent.isWindow():
            self.ancestors.append(parent)
            parent = parent.parentWidget()
        self.caret: int | None = None
        self.selection: tuple[int, int] | None = None
        self.text_cursor: QTextCursor | None = None
        if isinstance(widget, QLineEdit):
            self.caret = widget.cursorPosition()
            if widget.hasSelectedText():
                self.selection = (widget.selectionStart(), widget.selectionLength())
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
            self.text_cursor = QTextCursor(widget.textCursor())

    def _target(self) -> QWidget | None:
        for candidate in (self.widget, *self.ancestors):
            if (
                candidate is not None
                and shiboken6.isValid(candidate)
                and candidate.isVisible()
                and candidate.focusPolicy() != Qt.FocusPolicy.NoFocus
            ):
                return candidate
        return None

    def restore(self) -> QWidget | None:
        """Give the keyboard back; the widget that has it (None if nothing could)."""
        target = self._target()
        if target is None:
            return None
        # Not a Tab or shortcut reason: a line edit would select all its text for those.
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        if target is self.widget:
            if isinstance(target, QLineEdit) and self.caret is not None:
                if self.selection is not None:
                    target.setSelection(*self.selection)
                else:
                    target.setCursorPosition(self.caret)
            elif isinstance(target, (QPlainTextEdit, QTextEdit)) and self.text_cursor:
                target.setTextCursor(self.text_cursor)
        return target


class PopupLineEdit(AppLineEdit):
    """A line of the capture bar: Enter and Esc are the bar's, whatever the window binds."""

    def __init__(self, bar: CaptureBar) -> None:
        super().__init__(bar)
        self.bar = bar

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            event.accept()  # ours, so no window shortcut (leaving full screen) takes it
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.bar.cancel()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.bar.accept()
        else:
            super().keyPressEvent(event)


class CaptureBar(QFrame):
    """A bar at the top of the window that takes one line or a few short inputs.

    Subclasses add their inputs in :meth:`build` and keep what was typed in :meth:`keep`
    (False keeps the bar open, with :meth:`show_problem` saying why)."""

    title = ""
    hint = "Enter: keep it · Esc: leave it"
    object_name = "capture_bar"

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.spot = FocusSpot(None)
        self.setObjectName(self.object_name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFrameShadow(QFrame.Shadow.Raised)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.setAccessibleName(self.title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        top = QHBoxLayout()
        heading = QLabel(f"<b>{self.title}</b>", self)
        top.addWidget(heading)
        top.addStretch(1)
        hint = muted_label(self.hint, self)
        hint.setWordWrap(False)
        top.addWidget(hint)
        layout.addLayout(top)
        self.row = QHBoxLayout()
        self.row.setSpacing(6)
        layout.addLayout(self.row)
        self.build()
        self.keep_button = QPushButton("&Keep (Enter)", self)
        self.keep_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.keep_button.clicked.connect(self.accept)
        cancel = QPushButton("Cancel (Esc)", self)
        cancel.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        cancel.clicked.connect(self.cancel)
        self.row.addWidget(self.keep_button)
        self.row.addWidget(cancel)
        self.problem = text_label("", self)
        self.problem.setObjectName("capture_problem")
        self.problem.hide()
        layout.addWidget(self.problem)
        self.hide()
        QApplication.instance().focusChanged.connect(self._focus_changed)

    # ------------------------------------------------------------ for subclasses

    def build(self) -> None:
        raise NotImplementedError

    def first_input(self) -> QWidget:
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError

    def keep(self) -> bool:
        raise NotImplementedError

    # ------------------------------------------------------------ showing and leaving

    def open(self) -> None:
        """Show the bar (again) with the keyboard in its first input."""
        if not self.isVisible():
            focus = QApplication.focusWidget()
            other = owning_bar(focus)
            # From the other bar (Ctrl+Shift+A while parking): back to where the user was.
            self.spot = other.spot if other is not None else FocusSpot(focus)
            self.clear()
            self.show_problem("")
        self.place()
        self.show()
        self.raise_()
        self.first_input().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def place(self) -> None:
        """At the top of the window's content, centred, as wide as reads well."""
        window = self.window_
        content = window.centralWidget().geometry() if window.centralWidget() else window.rect()
        width = min(max(520, content.width() * 3 // 5), content.width() - 2 * MARGIN)
        self.resize(width, self.sizeHint().height())
        self.move(content.left() + (content.width() - width) // 2, content.top() + MARGIN)

    def show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setVisible(bool(message))
        if self.isVisible():
            self.place()

    def accept(self) -> None:
        if self.window_.document.session.read_only:
            self.show_problem(
                "This plan is open read-only, so nothing can be added. Esc to leave; Save As a "
                "copy of your own to edit it."
            )
            return
        if self.keep():
            self._close(restore=True)

    def cancel(self) -> None:
        self._close(restore=True)

    def _close(self, restore: bool) -> None:
        self.hide()
        if restore:
            self.spot.restore()

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        # Clicking elsewhere leaves the bar, and the keyboard stays where it went.
        if self.isVisible() and new is not None and not self._holds(new):
            self._close(restore=False)

    def _holds(self, widget: QWidget) -> bool:
        return owning_bar(widget) is self

    def say(self, message: str) -> None:
        self.window_.statusBar().showMessage(message, STATUS_MS)


def owning_bar(widget: QWidget | None) -> CaptureBar | None:
    """The capture bar ``widget`` is part of, through popup windows too (the date's
    calendar); None when it is not in one."""
    while widget is not None:
        if isinstance(widget, CaptureBar):
            return widget
        widget = widget.parentWidget()
    return None


def stage_on_screen(window: MainWindow) -> Stage | None:
    """The stage whose page is shown (None on the Review page)."""
    if not window.has_workspace():
        return None
    current = window.current_page()
    return next((stage for page_id, _t, stage in STEPS if page_id == current), None)


class ParkingBar(CaptureBar):
    """Ctrl+Shift+P: one line, parked in the plan's parking lot."""

    title = "Park an idea"
    hint = "Enter: park it · Esc: leave it"
    object_name = "park_idea_bar"

    def build(self) -> None:
        self.idea = PopupLineEdit(self)
        self.idea.setObjectName("park_idea")
        self.idea.setAccessibleName("Idea to park")
        self.idea.setAccessibleDescription(
            "One line; it is kept in the parking lot and reviewed at the end of the workshop."
        )
        self.idea.setPlaceholderText("The idea, in a line, as it was said")
        attach_spellcheck(self.idea)  # the line goes into the plan, and the document
        self.row.addWidget(self.idea, 1)

    def first_input(self) -> QWidget:
        return self.idea

    def clear(self) -> None:
        self.idea.clear()

    def keep(self) -> bool:
        try:
            idea = parked_idea(
                self.idea.text(), today=clock.today(), during=stage_on_screen(self.window_)
            )
        except CaptureError as error:
            self.show_problem(str(error))
            return False
        document = self.window_.document
        rows = document.rows(PARKING_LOT)
        document.insert_rows(
            PARKING_LOT, len(rows), [idea], f"Park the idea {quoted(idea.idea, SHORT)}"
        )
        self.say(
            f"Parked {quoted(idea.idea, SHORT)}: it waits in the parking lot (Review & export ▸ "
            "Workshop). Ctrl+Z takes it back."
        )
        return True


class ActionBar(CaptureBar):
    """Ctrl+Shift+A: what, who and when, added to the agreed actions."""

    title = "Note an agreed action"
    hint = "Tab: next box · Enter: note it · Esc: leave it"
    object_name = "agreed_action_bar"

    def build(self) -> None:
        self.what = PopupLineEdit(self)
        self.what.setObjectName("action_what")
        self.what.setAccessibleName("What was agreed")
        self.what.setAccessibleDescription("The action, in a line.")
        self.what.setPlaceholderText("What was agreed")
        attach_spellcheck(self.what)
        self.who = PopupLineEdit(self)
        self.who.setObjectName("action_who")
        self.who.setAccessibleName("Who does it")
        self.who.setAccessibleDescription("A name, or leave it for later.")
        self.who.setPlaceholderText("Who")
        self.due = OptionalDateEdit(self, empty_text="By when")
        self.due.setObjectName("action_due")
        self.due.date_edit.setObjectName("action_due_text")
        self.due.date_edit.setAccessibleName("By when")
        self.due.date_edit.setAccessibleDescription(
            "A date typed as in every date of the app, or leave it for later."
        )
        self.due.date_edit.returnPressed.connect(self.accept)
        self.row.addWidget(self.what, 3)
        self.row.addWidget(self.who, 1)
        self.row.addWidget(self.due, 1)

    def first_input(self) -> QWidget:
        return self.what

    def clear(self) -> None:
        self.what.clear()
        self.who.clear()
        self.due.set_value(None)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        # Esc in the date's box (a line edit ignores it) comes up to the bar.
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            return
        super().keyPressEvent(event)

    def keep(self) -> bool:
        if not self.due.finish_typing():
            self.show_problem(self.due.problem().split(" The plan keeps")[0])
            self.due.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        try:
            action = agreed_action(self.what.text(), self.who.text(), self.due.value())
        except CaptureError as error:
            self.show_problem(str(error))
            self.what.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        document = self.window_.document
        rows = document.rows(ACTIONS)
        document.insert_rows(
            ACTIONS, len(rows), [action], f"Agreed action {quoted(action.what, SHORT)}"
        )
        details = [d for d in (action.who, format_date(action.due)) if d]
        self.say(
            f"Agreed action noted: {quoted(action.what, SHORT)}"
            + (f" ({', '.join(details)})" if details else "")
            + ". Ctrl+Z takes it back."
        )
        return True


def _bar(window: MainWindow, kind: type[CaptureBar]) -> CaptureBar:
    bar = window.findChild(kind, kind.object_name)
    if bar is None:
        bar = kind(window)
    return bar


def park_idea(window: MainWindow) -> CaptureBar | None:
    """Ctrl+Shift+P: open the parking bar (nothing without an open plan)."""
    if not window.has_plan:
        return None
    bar = _bar(window, ParkingBar)
    bar.open()
    return bar


def capture_action(window: MainWindow) -> CaptureBar | None:
    """Ctrl+Shift+A: open the agreed-action bar (nothing without an open plan)."""
    if not window.has_plan:
        return None
    bar = _bar(window, ActionBar)
    bar.open()
    return bar
