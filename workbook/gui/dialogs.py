"""Every modal question the shell asks, each behind one small function so tests can patch it.

Callers use ``dialogs.ask_...(...)`` (module attribute access), so
``monkeypatch.setattr(dialogs, "ask_unsaved_changes", lambda *a: "discard")`` answers for
the user. Each function returns a plain value (a string choice, a path or ``None``).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

PLAN_FILTER = "Workbook plans (*.json);;All files (*)"
PDF_FILTER = "PDF documents (*.pdf)"

UnsavedChoice = Literal["save", "discard", "cancel"]
DiskChoice = Literal["overwrite", "reload", "save_as", "cancel"]
LockChoice = Literal["read_only", "take_over", "cancel"]
RecoveryAction = Literal["restore", "keep", "discard"]


def ask_choice(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    info: str,
    buttons: Sequence[tuple[str, QMessageBox.ButtonRole, str]],
    default: str,
    escape: str,
) -> str:
    """A message box with named buttons; returns the key of the button pressed."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setInformativeText(info)
    box.setTextFormat(Qt.TextFormat.PlainText)
    keys: dict[object, str] = {}
    for label, role, key in buttons:
        button = box.addButton(label, role)
        keys[button] = key
        if key == default:
            box.setDefaultButton(button)
        if key == escape:
            box.setEscapeButton(button)
    box.exec()
    return keys.get(box.clickedButton(), escape)


def ask_unsaved_changes(parent: QWidget | None, name: str) -> UnsavedChoice:
    """Save / Don't save / Cancel before the plan is closed or replaced."""
    return ask_choice(  # type: ignore[return-value]
        parent,
        QMessageBox.Icon.Warning,
        "Unsaved changes",
        f"Save the changes to “{name}”?",
        "If you don't save, the changes since the last save are lost.",
        [
            ("&Save", QMessageBox.ButtonRole.AcceptRole, "save"),
            ("&Don't save", QMessageBox.ButtonRole.DestructiveRole, "discard"),
            ("Cancel", QMessageBox.ButtonRole.RejectRole, "cancel"),
        ],
        default="save",
        escape="cancel",
    )


def ask_open_path(parent: QWidget | None, folder: Path) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, "Open plan", str(folder), PLAN_FILTER)
    return Path(path) if path else None


def ask_save_path(
    parent: QWidget | None, suggested: Path, title: str = "Save plan as"
) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), PLAN_FILTER)
    if not path:
        return None
    result = Path(path)
    return result if result.suffix else result.with_suffix(".json")


def ask_pdf_path(parent: QWidget | None, suggested: Path) -> Path | None:
    """Where to write the PDF. Replacing an existing one is asked by the export itself,
    once, after ".pdf" was added to a name typed without it."""
    path, _ = QFileDialog.getSaveFileName(
        parent,
        "Export PDF",
        str(suggested),
        PDF_FILTER,
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    if not path:
        return None
    result = Path(path)
    return result if result.suffix.lower() == ".pdf" else result.with_suffix(".pdf")


def ask_folder(parent: QWidget | None, title: str, folder: Path) -> Path | None:
    path = QFileDialog.getExistingDirectory(parent, title, str(folder))
    return Path(path) if path else None


def ask_image_path(parent: QWidget | None, folder: Path) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(
        parent,
        "Choose your logo",
        str(folder),
        "Pictures (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;All files (*)",
    )
    return Path(path) if path else None


def ask_colour(parent: QWidget | None, initial: str) -> str | None:
    """A colour as "#RRGGBB", or None if the user cancelled."""
    colour = QColorDialog.getColor(QColor(initial), parent, "Accent colour")
    return colour.name().upper() if colour.isValid() else None


def show_error(parent: QWidget | None, title: str, message: str, details: str = "") -> None:
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    if details:
        box.setDetailedText(details)
    box.exec()


def show_info(parent: QWidget | None, title: str, message: str) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Information, title, message, QMessageBox.StandardButton.Ok, parent
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


class TextDialog(QDialog):
    """A page of text to read (Getting started, the keyboard shortcuts) with a Close button."""

    def __init__(self, title: str, html: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("text_dialog")
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setHtml(html)
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        _size_for_reading(self, 110, 40)
        _fit_screen(self)


def _fit_screen(dialog: QDialog) -> None:
    screen = dialog.screen()
    if screen is not None:
        area = screen.availableGeometry()
        dialog.resize(dialog.size().boundedTo(area.size() * 0.9))


def show_document(parent: QWidget | None, title: str, html: str) -> None:
    TextDialog(title, html, parent).exec()


def shortcuts_html(sections: Sequence[tuple[str, Sequence[tuple[str, str]]]]) -> str:
    """The keyboard shortcuts as a table per section (every word escaped)."""
    parts = []
    for heading, entries in sections:
        rows = "".join(
            f"<tr><td>{html.escape(what)}</td><td style='padding-left:16px'>"
            f"<b>{html.escape(keys)}</b></td></tr>"
            for what, keys in entries
        )
        parts.append(f"<h3>{html.escape(heading)}</h3><table>{rows}</table>")
    return "".join(parts)


def show_shortcuts(
    parent: QWidget | None, title: str, sections: Sequence[tuple[str, Sequence[tuple[str, str]]]]
) -> None:
    show_document(parent, title, shortcuts_html(sections))


def ask_save_failed(parent: QWidget | None, message: str) -> Literal["save_as", "cancel"]:
    """The plan could not be written: offer Save As; the edits stay in the window either way."""
    return ask_choice(  # type: ignore[return-value]
        parent,
        QMessageBox.Icon.Warning,
        "Could not save",
        message,
        "Your changes are still here. Save them somewhere else, for example in your "
        "Documents folder, or close this message and try again later.",
        [
            ("Save &As…", QMessageBox.ButtonRole.AcceptRole, "save_as"),
            ("Not now", QMessageBox.ButtonRole.RejectRole, "cancel"),
        ],
        default="save_as",
        escape="cancel",
    )


def ask_changed_on_disk(parent: QWidget | None, path: Path) -> DiskChoice:
    """The file changed (or vanished) since it was opened or saved here."""
    return ask_choice(  # type: ignore[return-value]
        parent,
        QMessageBox.Icon.Warning,
        "File changed on disk",
        f"“{path.name}” was changed, moved or deleted by something else since you opened it here.",
        f"{path}\n\nOverwrite replaces what is on disk with what you see here. "
        "Reload throws away your unsaved changes and shows the file as it is now. "
        "Save As keeps both.",
        [
            ("&Overwrite", QMessageBox.ButtonRole.DestructiveRole, "overwrite"),
            ("&Reload from disk", QMessageBox.ButtonRole.ResetRole, "reload"),
            ("Save &As…", QMessageBox.ButtonRole.AcceptRole, "save_as"),
            ("Cancel", QMessageBox.ButtonRole.RejectRole, "cancel"),
        ],
        default="save_as",
        escape="cancel",
    )


def ask_locked(parent: QWidget | None, path: Path, holder: str, stale: bool) -> LockChoice:
    """Someone else (or a crashed session) has the plan open."""
    if stale:
        info = (
            f"{holder}, but that session seems to have ended without closing the plan "
            "(the app may have crashed). You can safely take it over."
        )
        default = "take_over"
    else:
        info = (
            f"{holder}. If two people edit the same plan, one of them loses their "
            "changes. Open it read-only to look, or take it over if you are sure the "
            "other copy is closed."
        )
        default = "read_only"
    return ask_choice(  # type: ignore[return-value]
        parent,
        QMessageBox.Icon.Warning,
        "Plan already open",
        f"“{path.name}” is already open elsewhere.",
        info,
        [
            ("Open &read-only", QMessageBox.ButtonRole.AcceptRole, "read_only"),
            ("&Take over", QMessageBox.ButtonRole.DestructiveRole, "take_over"),
            ("Cancel", QMessageBox.ButtonRole.RejectRole, "cancel"),
        ],
        default=default,
        escape="cancel",
    )


def show_exception(parent: QWidget | None, summary: str, details: str, note: str) -> None:
    """Something unexpected went wrong; ``note`` says what became of the user's work, and
    the details (traceback) are folded away."""
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        "Something went wrong",
        summary,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(note)
    box.setDetailedText(details)
    box.exec()


def show_load_warnings(parent: QWidget | None, path: Path, warnings: Sequence[str]) -> None:
    show_info(
        parent,
        "Plan opened with notes",
        f"“{path.name}” was opened. Please note:\n\n" + "\n".join(f"• {w}" for w in warnings),
    )


def _size_for_reading(dialog: QDialog, chars: int, lines: int) -> None:
    """A starting size in characters and lines, so it grows with the text size."""
    metrics = dialog.fontMetrics()
    dialog.resize(metrics.averageCharWidth() * chars, metrics.lineSpacing() * lines)


# ---------------------------------------------------------------- crash recovery


@dataclass(frozen=True, slots=True)
class RecoveryItem:
    """What the recovery dialog shows about one copy."""

    title: str
    original: Path | None
    saved_at: datetime


def describe_recovery(item: RecoveryItem) -> str:
    from workbook.recovery import describe_moment  # the plan model: not before first paint

    name = item.title or (item.original.name if item.original else "Untitled plan")
    where = (
        f"{item.original.name} in {item.original.parent}"
        if item.original
        else "never saved to a file"
    )
    return f"{name}\n{where} · copy made {describe_moment(item.saved_at)}"


class RecoveryDialog(QDialog):
    """Lists the recovery copies left by sessions that did not close normally."""

    def __init__(self, items: Sequence[RecoveryItem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Recover unsaved work")
        self.action: RecoveryAction = "keep"
        layout = QVBoxLayout(self)
        intro = QLabel(
            "The app did not close normally last time. It kept a copy of your unsaved work. "
            "Restore it now, keep it for later (you will be asked again next time), or "
            "discard it."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        self.list.setAccessibleName("Recovery copies")
        for item in items:
            QListWidgetItem(describe_recovery(item), self.list)
        self.list.setCurrentRow(0)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox()
        restore = QPushButton("&Restore")
        keep = QPushButton("&Keep for later")
        discard = QPushButton("&Discard")
        buttons.addButton(restore, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(keep, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.addButton(discard, QDialogButtonBox.ButtonRole.DestructiveRole)
        for button in (keep, discard):
            button.setAutoDefault(False)
        restore.setDefault(True)
        restore.clicked.connect(lambda: self._finish("restore"))
        keep.clicked.connect(lambda: self._finish("keep"))
        discard.clicked.connect(lambda: self._finish("discard"))
        layout.addWidget(buttons)
        self.list.itemActivated.connect(lambda _item: self._finish("restore"))
        _size_for_reading(self, 90, 18)

    def _finish(self, action: RecoveryAction) -> None:
        self.action = action
        self.accept() if action != "keep" else self.reject()


def ask_recovery(
    parent: QWidget | None, items: Sequence[RecoveryItem]
) -> tuple[RecoveryAction, int]:
    """Which recovery copy to restore or discard: (action, index into ``items``)."""
    dialog = RecoveryDialog(items, parent)
    dialog.exec()
    return dialog.action, max(0, dialog.list.currentRow())


# ---------------------------------------------------------------- new plan from a copy


@dataclass(frozen=True, slots=True)
class CopySource:
    """A plan to copy (a file, or a worked example by name) and the parts to keep (names of
    :class:`workbook.templates.CopyPart`; the defaults when None)."""

    path: Path | None = None
    example: str | None = None
    keep: frozenset[str] | None = None


class CopySourceDialog(QDialog):
    """Pick a worked example or a recent plan to start a new client's plan from, or browse
    for a file, and tick what the new plan keeps."""

    def __init__(
        self,
        examples: Sequence[tuple[str, str]],
        recent: Sequence[Path],
        folder: Path,
        parent: QWidget | None = None,
        parts: Sequence[tuple[str, str, bool]] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("New plan from a copy")
        self.folder = folder
        self.choice: CopySource | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Start a new client's plan from an existing one. The copy keeps the structure "
            "and your own choices, not the other client's words: tick what else to keep. "
            "“Prepared by” and the date come from your profile in Preferences, and the new "
            "plan is saved under a new name."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        label = QLabel("&Copy from:")
        self.list = QListWidget()
        self.list.setAccessibleName("Plans to copy from")
        label.setBuddy(self.list)
        layout.addWidget(label)
        for name, title in examples:
            item = QListWidgetItem(f"Worked example: {title}", self.list)
            item.setData(Qt.ItemDataRole.UserRole, CopySource(example=name))
        from workbook.gui.privacy import is_private

        for path in [] if is_private() else recent:  # other clients stay off a projector
            item = QListWidgetItem(f"{path.name} — {path.parent}", self.list)
            item.setData(Qt.ItemDataRole.UserRole, CopySource(path=path))
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self._accept_selected())
        layout.addWidget(self.list, 1)
        self.part_boxes: dict[str, QCheckBox] = {}
        if parts:
            group = QGroupBox("What the new plan &keeps")
            grid = QGridLayout(group)
            half = (len(parts) + 1) // 2
            for position, (name, text, ticked) in enumerate(parts):
                box = QCheckBox(text.replace("&", "&&"), group)
                box.setChecked(ticked)
                self.part_boxes[name] = box
                grid.addWidget(box, position % half, position // half)
            layout.addWidget(group)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        copy = buttons.addButton("Co&py", QDialogButtonBox.ButtonRole.AcceptRole)
        browse = buttons.addButton("&Browse…", QDialogButtonBox.ButtonRole.ActionRole)
        browse.setAutoDefault(False)
        copy.setDefault(True)
        copy.clicked.connect(self._accept_selected)
        browse.clicked.connect(self._browse)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        _size_for_reading(self, 96, 30)
        _fit_screen(self)

    def kept_parts(self) -> frozenset[str] | None:
        if not self.part_boxes:
            return None
        return frozenset(name for name, box in self.part_boxes.items() if box.isChecked())

    def _accept_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            source: CopySource = item.data(Qt.ItemDataRole.UserRole)
            self.choice = CopySource(source.path, source.example, self.kept_parts())
            self.accept()

    def _browse(self) -> None:
        path = ask_open_path(self, self.folder)
        if path is not None:
            self.choice = CopySource(path=path, keep=self.kept_parts())
            self.accept()


def ask_copy_source(
    parent: QWidget | None,
    examples: Sequence[tuple[str, str]],
    recent: Sequence[Path],
    folder: Path,
    parts: Iterable[tuple[str, str, bool]] = (),
) -> CopySource | None:
    """Which plan to copy and what to keep; ``parts`` are (name, label, ticked) choices."""
    dialog = CopySourceDialog(examples, recent, folder, parent, list(parts))
    dialog.exec()
    return dialog.choice
