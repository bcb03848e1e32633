"""The Help menu's windows: the keyboard shortcuts and About."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from workbook import APP_NAME, __version__
from workbook.gui.plan_files import dialogs_module


def shortcut_lines(actions: list[QAction]) -> list[str]:
    """One line per action that has keys: "Save: Ctrl+S", sorted, without mnemonics."""
    native = QKeySequence.SequenceFormat.NativeText
    lines = set()
    for action in actions:
        keys = ", ".join(k.toString(native) for k in action.shortcuts())
        if keys:
            lines.add(f"{plain_text(action.text())}: {keys}")
    return sorted(lines)


def plain_text(label: str) -> str:
    """A menu label as words: mnemonic markers dropped, a doubled "&&" shown as "&"."""
    return "&".join(part.replace("&", "") for part in label.split("&&"))


def show_shortcuts(parent: QWidget, actions: list[QAction]) -> None:
    dialogs_module().show_info(parent, "Keyboard shortcuts", "\n".join(shortcut_lines(actions)))


def show_about(parent: QWidget) -> None:
    dialogs_module().show_info(
        parent,
        f"About {APP_NAME}",
        f"{APP_NAME} {__version__}\n\nOrganise, listen, plan with the 7 P's, then engage: "
        "a workbook for social media strategies that create value. Your plans stay on "
        "this computer; nothing is sent anywhere.",
    )
