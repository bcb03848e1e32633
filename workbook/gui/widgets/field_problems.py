"""The line under a field that says why what was typed was not stored ("“2-3” is a range,
but Hours per week takes one number…"), shown until the text is fixed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

WARNING_SIGN = "⚠"


def problem_label(editor: QWidget, parent: QWidget) -> QLabel | None:
    """A hidden label that follows ``editor``'s ``problem_changed`` signal, or None for an
    editor that never refuses what is typed."""
    signal = getattr(editor, "problem_changed", None)
    if signal is None:
        return None
    label = QLabel(parent)
    label.setObjectName("field_problem")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.hide()

    def show(message: str) -> None:
        label.setText(f"{WARNING_SIGN} {message}" if message else "")
        label.setVisible(bool(message))
        editor.setAccessibleDescription(message)

    signal.connect(show)
    return label
