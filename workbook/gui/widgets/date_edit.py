"""A date you can type, pick from a calendar, or leave empty.

The editor is a one-line text box: "12/03/2026", "2026-03-12", "12 Mar 2026" and
"12 March 2026" all work (numbers in the order of the user's locale; the reading is
:func:`workbook.dates.parse_date`). A whole date typed is taken at once; leaving the field
with something that is not a date keeps the text and says what is wrong, so a half-typed
date is never dropped without a word. Keys: Alt+Down opens the calendar, Ctrl+;
puts today, Ctrl+Delete clears the date. The calendar opens on the date, or on today,
and always inside the screen.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QLocale, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workbook.dates import DateOrder, DateParseError, example_text, order_from_format, parse_date
from workbook.gui.icons import icon
from workbook.gui.shortcuts import LeavesAppShortcuts, key_code
from workbook.gui.widgets import clock
from workbook.gui.widgets.layout import text_label

DISPLAY_FORMAT = "d MMM yyyy"
"""How dates are shown in editors and tables: unambiguous in every country."""

CALENDAR_KEYS = (QKeySequence("Alt+Down"),)
TODAY_KEY = QKeySequence("Ctrl+;")
CLEAR_KEY = QKeySequence("Ctrl+Del")
KEY_HINT = "Alt+↓: calendar · Ctrl+;: today · Ctrl+Del: clear"
_OWN_KEYS = frozenset(k[0].toCombined() for k in (*CALENDAR_KEYS, TODAY_KEY, CLEAR_KEY))


def _is_undo_key(event: QKeyEvent) -> bool:
    return event.matches(QKeySequence.StandardKey.Undo) or event.matches(
        QKeySequence.StandardKey.Redo
    )


def to_qdate(value: date | None) -> QDate:
    return QDate() if value is None else QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date | None:
    if not value.isValid():
        return None
    return date(value.year(), value.month(), value.day())


def locale_order(locale: QLocale | None = None) -> DateOrder:
    """The order of day, month and year in the locale's short date format."""
    locale = locale or QLocale()
    return order_from_format(locale.dateFormat(QLocale.FormatType.ShortFormat))


def locale_month_names(locale: QLocale | None = None) -> dict[str, int]:
    """The locale's month names, long and short, lower case (English ones always work)."""
    locale = locale or QLocale()
    names: dict[str, int] = {}
    for month in range(1, 13):
        for kind in (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat):
            name = locale.monthName(month, kind).casefold().rstrip(".")
            if name:
                names[name] = month
    return names


def format_date(value: date | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(to_qdate(value), DISPLAY_FORMAT)


def read_date(text: str, today: date | None = None) -> date | None:
    """``text`` as a date, in the current locale's order; raises DateParseError."""
    return parse_date(text, locale_order(), today or clock.today(), locale_month_names())


def looks_finished(text: str) -> bool:
    """Whether typing may have reached a whole date: a four-digit year, or a word such as
    "today". While "12/03/20" is being typed it is not yet 2020."""
    stripped = text.strip()
    return any(len(part) == 4 for part in stripped.replace("-", " ").replace("/", " ").split()) or (
        stripped.isalpha() and len(stripped) > 2
    )


class CalendarPopup(QFrame):
    """The calendar under a date field: Enter picks, T is today, Delete clears, Esc closes.
    It opens on the field's date (today when it has none) and always inside the screen."""

    picked = Signal(object)
    """A ``date``, or None for "no date"."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("calendar_popup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(False)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.activated.connect(lambda d: self._pick(from_qdate(d)))
        self.calendar.clicked.connect(lambda d: self._pick(from_qdate(d)))
        today = QPushButton("&Today (T)", self)
        none = QPushButton("&No date (Del)", self)
        for button in (today, none):
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        today.clicked.connect(lambda: self._pick(clock.today()))
        none.clicked.connect(lambda: self._pick(None))
        row = QHBoxLayout()
        row.addWidget(today)
        row.addWidget(none)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.calendar)
        layout.addLayout(row)
        # Plain keys that the calendar's grid ignores reach these shortcuts.
        for key, value in (("T", "today"), ("Del", None), ("Backspace", None)):
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(
                lambda _c=False, v=value: self._pick(clock.today() if v else None)
            )
            self.addAction(action)

    def open_at(self, anchor: QWidget, value: date | None) -> None:
        """Show the calendar below ``anchor`` (above it when there is no room below)."""
        shown = to_qdate(value or clock.today())
        self.calendar.setSelectedDate(shown)
        self.calendar.setCurrentPage(shown.year(), shown.month())
        self.adjustSize()
        below = anchor.mapToGlobal(QPoint(0, anchor.height()))
        self.move(fit_on_screen(QRect(below, self.sizeHint()), anchor))
        self.show()
        self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _pick(self, value: date | None) -> None:
        self.hide()
        self.picked.emit(value)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)


def fit_on_screen(rect: QRect, anchor: QWidget) -> QPoint:
    """Where to put ``rect`` (a popup under ``anchor``) so it stays on the screen."""
    screen = anchor.screen() or QApplication.primaryScreen()
    area = screen.availableGeometry()
    top_left = rect.topLeft()
    if rect.bottom() > area.bottom():  # no room below: above the field
        top_left.setY(anchor.mapToGlobal(QPoint(0, 0)).y() - rect.height())
    top_left.setY(max(area.top(), min(top_left.y(), area.bottom() - rect.height() + 1)))
    top_left.setX(max(area.left(), min(top_left.x(), area.right() - rect.width() + 1)))
    return top_left


class DateLineEdit(LeavesAppShortcuts, QLineEdit):
    """The text box of a date field; it keeps its own keys from the table and the window."""

    calendar_requested = Signal()
    today_requested = Signal()
    clear_requested = Signal()
    tab_pressed = Signal(bool)
    """Tab (True) or Shift+Tab (False), when ``takes_tab`` (in a table cell)."""

    takes_tab = False

    def event(self, event: QEvent) -> bool:
        if self.takes_tab and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not (
                event.modifiers()
                & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
            ):
                forward = event.key() == Qt.Key.Key_Tab and not (
                    event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                )
                self.tab_pressed.emit(forward)
                return True
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if key_code(event) in _OWN_KEYS:
                event.accept()  # Alt+Down is "move row down" in a table: here, the calendar
                return True
            if _is_undo_key(event):
                event.ignore()  # the window's Undo: the plan's history, as in every field
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if _is_undo_key(event):
            event.ignore()
            return
        code = key_code(event)
        if code in {k[0].toCombined() for k in CALENDAR_KEYS}:
            self.calendar_requested.emit()
        elif code == TODAY_KEY[0].toCombined() or (
            event.key() == Qt.Key.Key_Semicolon
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.today_requested.emit()
        elif code == CLEAR_KEY[0].toCombined():
            self.clear_requested.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()


class OptionalDateEdit(QWidget):
    """A date that may be left empty: a text box to type it, a calendar button and a
    clear button. ``date_edited`` reports the user's changes; ``problem_changed`` says
    what is wrong with text that is not a date ("" once it is fine)."""

    date_edited = Signal(object)
    """The user changed the date; the argument is a ``date`` or ``None``."""
    problem_changed = Signal(str)
    tab_pressed = Signal(bool)
    """Tab (True) or Shift+Tab (False) in a table cell's date (see ``tab_leaves_cell``)."""

    def __init__(
        self,
        parent: QWidget | None = None,
        empty_text: str = "No date",
        show_problems: bool = False,
    ) -> None:
        super().__init__(parent)
        self._value: date | None = None
        self._problem = ""
        self._popup: CalendarPopup | None = None
        order = locale_order()
        self.date_edit = DateLineEdit(self)
        self.date_edit.setPlaceholderText(f"{empty_text}: type e.g. {example_text(order)}")
        self._hint = f"Type a date like {example_text(order)} or 12 Mar 2026. {KEY_HINT}"
        self.date_edit.setToolTip(self._hint)
        self.date_edit.textEdited.connect(self._on_text_edited)
        self.date_edit.editingFinished.connect(self.finish_typing)
        self.date_edit.calendar_requested.connect(self.open_calendar)
        self.date_edit.today_requested.connect(lambda: self._set_by_user(clock.today()))
        self.date_edit.clear_requested.connect(self.clear)
        self.date_edit.tab_pressed.connect(self.tab_pressed)
        self.calendar_button = self._tool_button("calendar", "Pick a date (Alt+↓)")
        self.calendar_button.clicked.connect(self.open_calendar)
        self.clear_button = self._tool_button("clear", "Clear the date (Ctrl+Del)")
        self.clear_button.clicked.connect(self.clear)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.date_edit, 1)
        row.addWidget(self.calendar_button)
        row.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        self.problem_label: QLabel | None = None
        if show_problems:
            self.problem_label = text_label("", self)
            self.problem_label.setObjectName("date_problem")
            self.problem_label.setForegroundRole(QPalette.ColorRole.BrightText)
            self.problem_label.hide()
            layout.addWidget(self.problem_label)
        self.setFocusProxy(self.date_edit)
        metrics = self.date_edit.fontMetrics()
        self.date_edit.setMinimumWidth(metrics.horizontalAdvance("00 Sept 0000") + 16)
        self._update_buttons()

    @property
    def tab_leaves_cell(self) -> bool:
        """In a table cell, Tab goes on to the next cell (``tab_pressed``)."""
        return self.date_edit.takes_tab

    @tab_leaves_cell.setter
    def tab_leaves_cell(self, value: bool) -> None:
        self.date_edit.takes_tab = value

    def _tool_button(self, icon_name: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(icon(icon_name))
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setAutoRaise(True)
        # Out of the Tab order: one Tab leaves the field; the keys do what the buttons do.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    # ------------------------------------------------------------ value

    def value(self) -> date | None:
        return self._value

    def set_value(self, value: date | None) -> None:
        """Show ``value`` without reporting it as an edit."""
        self._value = value
        self.date_edit.setText(format_date(value))
        self._set_problem("")
        self._update_buttons()

    def text(self) -> str:
        return self.date_edit.text()

    def problem(self) -> str:
        """What is wrong with the text typed (empty when nothing is)."""
        return self._problem

    def is_pending(self) -> bool:
        """Whether the text typed is not (yet) the date held."""
        return self.date_edit.text().strip() != format_date(self._value).strip()

    def clear(self) -> None:
        self._set_by_user(None)

    def set_read_only(self, read_only: bool) -> None:
        self.date_edit.setReadOnly(read_only)
        self.calendar_button.setEnabled(not read_only)
        self._update_buttons()

    # ------------------------------------------------------------ typing

    def _on_text_edited(self, text: str) -> None:
        if not text.strip():
            self._change(None)
            return
        if not looks_finished(text):
            return
        try:
            value = read_date(text)
        except DateParseError:
            return  # still being typed: judged when the field is left
        self._change(value)

    def finish_typing(self) -> bool:
        """Read what was typed (Enter, leaving the field): True when it is a date or empty.
        Otherwise the text stays as typed and :meth:`problem` says what is wrong."""
        text = self.date_edit.text()
        if not self.is_pending() and not self._problem:
            return True
        try:
            value = read_date(text)
        except DateParseError as error:
            self._set_problem(
                f"{error} The plan keeps "
                + (f"{format_date(self._value)}." if self._value else "no date.")
            )
            return False
        self.date_edit.setText(format_date(value))
        self._set_problem("")
        self._change(value)
        return True

    def _set_by_user(self, value: date | None) -> None:
        if self.date_edit.isReadOnly():
            return
        self.date_edit.setText(format_date(value))  # first: the edit reported reads it
        self._set_problem("")
        self._change(value)

    def _change(self, value: date | None) -> None:
        changed = value != self._value
        self._value = value
        self._update_buttons()
        if changed:
            self.date_edited.emit(value)

    def _set_problem(self, message: str) -> None:
        if message == self._problem:
            return
        self._problem = message
        if self.problem_label is not None:
            self.problem_label.setText(message)
            self.problem_label.setVisible(bool(message))
        self.date_edit.setToolTip(message or self._hint)
        self.problem_changed.emit(message)

    def _update_buttons(self) -> None:
        self.clear_button.setEnabled(self._value is not None and not self.date_edit.isReadOnly())

    # ------------------------------------------------------------ calendar

    def open_calendar(self) -> None:
        if self.date_edit.isReadOnly():
            return
        if self._popup is None:
            self._popup = CalendarPopup(self)
            self._popup.picked.connect(self._picked)
        self._popup.open_at(self.date_edit, self._value)

    @property
    def popup(self) -> CalendarPopup | None:
        return self._popup

    def _picked(self, value: date | None) -> None:
        self._set_by_user(value)
        self.date_edit.setFocus(Qt.FocusReason.PopupFocusReason)
