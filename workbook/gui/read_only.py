"""A plan opened read-only shows every answer but takes no typing: fields become
read-only, choices and tables stop taking edits, and "Insert example" is off."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from workbook.gui.widgets.date_edit import OptionalDateEdit
from workbook.gui.widgets.guide import FieldBlock
from workbook.gui.widgets.row_table import RowTableWidget

READ_ONLY_PROPERTY = "workbook_read_only"


def set_read_only(root: QWidget, read_only: bool) -> None:
    """Make every answer under ``root`` read-only (or editable again)."""
    if bool(root.property(READ_ONLY_PROPERTY)) == read_only:
        return
    root.setProperty(READ_ONLY_PROPERTY, read_only)
    for widget in root.findChildren(QWidget):
        if isinstance(widget, RowTableWidget):
            widget.set_read_only(read_only)
        elif isinstance(widget, FieldBlock) and widget.example_button is not None:
            widget.example_button.setEnabled(not read_only)
        elif hasattr(widget, "binding"):
            _field_read_only(widget, read_only)


def _field_read_only(field: QWidget, read_only: bool) -> None:
    for action in field.actions():  # "insert example" from the keyboard
        action.setEnabled(not read_only)
    if isinstance(field, OptionalDateEdit):
        field.set_read_only(read_only)
    elif isinstance(field, (QLineEdit, QPlainTextEdit)):
        field.setReadOnly(read_only)
    else:  # a choice or a tick box has no read-only state of its own
        field.setEnabled(not read_only)
