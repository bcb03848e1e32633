"""A date editor that can also be empty: a calendar pop-up plus a clear button."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QToolButton, QWidget

from workbook.gui.icons import icon
from workbook.gui.widgets import clock

DISPLAY_FORMAT = "d MMM yyyy"
"""How dates are shown in editors and tables: unambiguous in every country."""

_EMPTY = QDate(1900, 1, 1)
"""Stands for "no date": the editor's minimum, shown as the special text."""


def to_qdate(value: date | None) -> QDate:
    return _EMPTY if value is None else QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date | None:
    if not value.isValid() or value <= _EMPTY:
        return None
    return date(value.year(), value.month(), value.day())


class StillDateEdit(QDateEdit):
    """A date edit that scrolling a page past it leaves alone: the wheel changes the date
    only when the field has focus. (A method override rather than an event filter: a
    Python event filter can crash PySide6 while it creates wrapper types lazily.)"""

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class OptionalDateEdit(QWidget):
    """A ``QDateEdit`` with a calendar and a button that clears the date."""

    date_edited = Signal(object)
    """The user changed the date; the argument is a ``date`` or ``None``."""

    def __init__(self, parent: QWidget | None = None, empty_text: str = "No date") -> None:
        super().__init__(parent)
        self._loading = False
        self.date_edit = StillDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(DISPLAY_FORMAT)
        self.date_edit.setMinimumDate(_EMPTY)
        self.date_edit.setSpecialValueText(empty_text)
        self.date_edit.setDate(_EMPTY)
        self.date_edit.dateChanged.connect(self._on_date_changed)
        self.clear_button = QToolButton(self)
        self.clear_button.setIcon(icon("clear"))
        self.clear_button.setToolTip("Clear the date")
        self.clear_button.setAccessibleName("Clear the date")
        self.clear_button.setAutoRaise(True)
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.clear_button.clicked.connect(self.clear)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.date_edit, 1)
        row.addWidget(self.clear_button)
        self.setFocusProxy(self.date_edit)
        self._update_clear_button()
        self._calendar_to_this_month()

    def value(self) -> date | None:
        return from_qdate(self.date_edit.date())

    def set_value(self, value: date | None) -> None:
        """Show ``value`` without reporting it as an edit."""
        self._loading = True
        try:
            self.date_edit.setDate(to_qdate(value))
        finally:
            self._loading = False
        self._update_clear_button()

    def clear(self) -> None:
        if self.value() is not None:
            self.date_edit.setDate(_EMPTY)

    def _on_date_changed(self, _qdate: QDate) -> None:
        self._update_clear_button()
        self._calendar_to_this_month()
        if not self._loading:
            self.date_edited.emit(self.value())

    def _update_clear_button(self) -> None:
        self.clear_button.setEnabled(self.value() is not None)

    def _calendar_to_this_month(self) -> None:
        # An empty date would open the calendar in 1900: open it at this month instead.
        if self.value() is None:
            today = clock.today()
            self.date_edit.calendarWidget().setCurrentPage(today.year, today.month)
