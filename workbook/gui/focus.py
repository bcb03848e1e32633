"""Where the keyboard goes on a page: its first answer, its table, and a Tab order that
follows what is on screen.

A page's "first field" is the answer nearest its top-left corner among the editors on
show (fields, tables), never a tab bar, a button, a filter or a scroll area, so typing
right after Ctrl+1 … Ctrl+6, Alt+arrows or a click in the step list lands in an answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QScrollArea,
    QTabWidget,
    QWidget,
)

if TYPE_CHECKING:
    from workbook.gui.widgets.row_table import RowTableWidget

# The table widgets load the plan model: imported where first needed, so the window can
# open on the start page without them.

Reason = Qt.FocusReason


def is_answer(widget: QWidget) -> bool:
    """Whether ``widget`` takes an answer: a field bound to the plan (or the editor inside
    one, as in a date field) or one of the plan's tables."""
    from workbook.gui.widgets.row_table import RowTableView

    if isinstance(widget, RowTableView):
        return True
    parent = widget.parentWidget()
    return hasattr(widget, "binding") or (parent is not None and hasattr(parent, "binding"))


def _can_take_focus(widget: QWidget, within: QWidget) -> bool:
    return (
        widget.isVisibleTo(within)
        and widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
    )


def answers_on_show(page: QWidget) -> list[QWidget]:
    """The answer editors of ``page`` that are on show (current tabs only), top to bottom
    and left to right."""
    found = [
        w
        for w in page.findChildren(QWidget)
        if is_answer(w) and _can_take_focus(w, page) and w.focusProxy() is None
    ]

    def place(widget: QWidget) -> tuple[int, int]:
        point = widget.mapTo(page, QPoint(0, 0))
        return point.y(), point.x()

    return sorted(found, key=place)


def first_field(page: QWidget) -> QWidget | None:
    """The answer the keyboard should start in on ``page``, or None if it shows none."""
    answers = answers_on_show(page)
    return answers[0] if answers else None


def focus_first_field(page: QWidget, reason: Reason = Reason.ShortcutFocusReason) -> bool:
    """Put the keyboard in ``page``'s first answer; False when it has none on show (the
    page itself then takes the focus, so keys still reach the window's shortcuts)."""
    from workbook.gui.widgets.row_table import RowTableView, RowTableWidget

    target = first_field(page)
    if target is None:
        # No answers (the review page): its list of what is missing, else anything.
        usable = [
            w
            for w in page.findChildren(QWidget)
            if _can_take_focus(w, page) and w.focusProxy() is None
        ]
        lists = [w for w in usable if isinstance(w, QAbstractItemView)]
        fallback = (lists or usable or [page])[0]
        fallback.setFocus(reason)
        return False
    if isinstance(target, RowTableView) and not target.currentIndex().isValid():
        owner = target.parentWidget()
        if isinstance(owner, RowTableWidget):
            owner.select_first()
    # Not the Tab reason: a line edit would select its text, and the first key typed
    # would replace the answer. The cursor goes after what is there.
    target.setFocus(Reason.OtherFocusReason)
    if isinstance(target, QLineEdit):
        target.end(False)
    elif isinstance(target, QPlainTextEdit):
        target.moveCursor(QTextCursor.MoveOperation.End)
    return True


def tables_on_show(page: QWidget) -> list[RowTableWidget]:
    """The page's tables on its current tabs, top to bottom."""
    from workbook.gui.widgets.row_table import RowTableView, RowTableWidget

    views = [w for w in answers_on_show(page) if isinstance(w, RowTableView)]
    return [v.parentWidget() for v in views if isinstance(v.parentWidget(), RowTableWidget)]


def obvious_table(page: QWidget) -> RowTableWidget | None:
    """The table a key like Insert or "go to the table" means on ``page``: the one on
    show, else the page's first table (its tab is then brought forward by the caller)."""
    shown = tables_on_show(page)
    if shown:
        return shown[0]
    tables = getattr(page, "tables", None)
    if isinstance(tables, dict) and tables:
        return next(iter(tables.values()))
    return None


def tidy_tab_chain(page: QWidget) -> None:
    """Tab stops only where something can be typed or chosen: scroll areas leave the
    chain (their fields scroll into view as Tab reaches them), and a table comes before
    the form that shows its selected row, as on screen."""
    from workbook.gui.widgets.row_table import RowTableWidget

    for area in page.findChildren(QScrollArea):
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    for table in page.findChildren(RowTableWidget):
        _put_table_before_its_detail(table)


def _put_table_before_its_detail(table: RowTableWidget) -> None:
    """In a table-with-detail pair the detail form was made first, so Tab reached it
    before the table above it: chain the form's fields after the table, in their order."""
    detail = getattr(table.parentWidget(), "detail", None)
    if not isinstance(detail, QWidget):
        return
    fields = []
    widget = detail.nextInFocusChain()
    while widget is not None and widget is not detail and len(fields) < 200:
        if detail.isAncestorOf(widget) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            fields.append(widget)
        widget = widget.nextInFocusChain()
    previous: QWidget = table.view
    for field in fields:
        QWidget.setTabOrder(previous, field)
        previous = field


def current_tabs(page: QWidget) -> list[int]:
    """The current index of each tab widget of ``page``, in a stable order."""
    return [tabs.currentIndex() for tabs in page.findChildren(QTabWidget)]


def set_current_tabs(page: QWidget, indexes: list[int]) -> None:
    for tabs, index in zip(page.findChildren(QTabWidget), indexes, strict=False):
        if 0 <= index < tabs.count():
            tabs.setCurrentIndex(index)


class ChooserList(QListWidget):
    """A list to choose what the form beside it shows (the 7 P's). Typing a letter here
    starts the answer in that form instead of jumping to the item with that letter, so
    words typed after Tab land in the answer."""

    typing_started = Signal(int, str)
    """A printable key (its code and text) typed while the list had the focus."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        text = event.text()
        plain = not (event.modifiers() & ~_TYPING_MODIFIERS)
        if plain and text and text.isprintable() and not text.isspace():
            self.typing_started.emit(event.key(), text)
            event.accept()
            return
        super().keyPressEvent(event)


_TYPING_MODIFIERS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier


def forward_key(target: QWidget, key: int, text: str) -> None:
    """Give ``target`` the keyboard and the key just typed elsewhere, as if typed there
    (after what the answer already says)."""
    target.setFocus(Reason.OtherFocusReason)
    if isinstance(target, QLineEdit):
        target.end(False)
    elif isinstance(target, QPlainTextEdit):
        target.moveCursor(QTextCursor.MoveOperation.End)
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))
