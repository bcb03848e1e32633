"""The Help menu's windows: the keyboard shortcuts, About the method, and About."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

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


def _escape(text: str) -> str:
    return html.escape(text, quote=False)  # text, not attributes: apostrophes stay as typed


def about_method_html() -> str:
    """The "About the method" page: the app's own words on where the method comes from."""
    from workbook.about import ABOUT_THE_METHOD, ABOUT_TITLE, SOURCES, SOURCES_NOTE

    parts = [f"<h2>{_escape(ABOUT_TITLE)}</h2>"]
    parts += [f"<p>{_escape(paragraph)}</p>" for paragraph in ABOUT_THE_METHOD]
    parts.append("<h3>Sources</h3><ul>")
    for source in SOURCES:
        parts.append(
            f"<li><b>{_escape(source.author)}</b>, <i>{_escape(source.title)}</i>: "
            f"{_escape(source.what_we_took)}</li>"
        )
    parts.append(f"</ul><p>{_escape(SOURCES_NOTE)}</p>")
    return "".join(parts)


def show_about_method(parent: QWidget) -> QDialog:
    """Help ▸ About the method: a window to read beside the plan (not modal)."""
    from workbook.about import ABOUT_TITLE

    dialog = QDialog(parent)
    dialog.setObjectName("about_method")
    dialog.setWindowTitle(ABOUT_TITLE)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    text = QTextBrowser(dialog)
    text.setObjectName("about_method_text")
    text.setAccessibleName(ABOUT_TITLE)
    text.setOpenLinks(False)
    text.setHtml(about_method_html())
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(text, 1)
    layout.addWidget(buttons)
    metrics = dialog.fontMetrics()
    dialog.resize(metrics.averageCharWidth() * 80, metrics.lineSpacing() * 34)
    dialog.show()
    return dialog
