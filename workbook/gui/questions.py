"""Questions the thinking tools ask (replace your words with an example? a theme's new name?),
each behind one small function so tests can answer for the user."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

PREVIEW_CHARS = 300


def _preview(text: str) -> str:
    text = text.strip()
    return text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1] + "…"


def ask_replace_with_example(
    parent: QWidget | None, prompt: str, current: str, example: str
) -> bool:
    """Whether to replace what the user wrote in ``prompt`` with ``example``."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Replace your answer?",
        f"“{prompt}” already has your own answer. Replace it with the example?",
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setInformativeText(
        f"Yours:\n{_preview(current)}\n\nThe example:\n{_preview(example)}\n\n"
        "Undo (Ctrl+Z) brings your answer back."
    )
    replace = box.addButton("Replace with the example", QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton("Keep mine", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is replace


def ask_theme_name(parent: QWidget | None, title: str, label: str, current: str) -> str | None:
    """A theme's new name, or None when the user cancels or leaves it empty."""
    text, accepted = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, current)
    text = " ".join(text.split())
    return text if accepted and text else None
