"""After an export: a line in the status bar that names the PDF, with Open and Show in
folder, instead of a dialog to click away (Ctrl+E is one step)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QWidget

from workbook.gui.privacy import display_path
from workbook.gui.widgets.layout import LinkButton

SHOWN_MS = 30_000
"""How long the notice stays (another export replaces it at once)."""


class ExportNotice(QWidget):
    """ "Exported plan.pdf · Open · Show in folder", shown for a while after an export."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export_notice")
        self.path: Path | None = None
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.open_button = LinkButton("Open the PDF", self)
        self.folder_button = LinkButton("Show in folder", self)
        for button in (self.open_button, self.folder_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.open_button.clicked.connect(lambda: self._open(self.path))
        self.folder_button.clicked.connect(
            lambda: self._open(self.path.parent if self.path else None)
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.open_button)
        row.addWidget(self.folder_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SHOWN_MS)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def show_for(self, path: Path, warnings: tuple[str, ...] = ()) -> None:
        self.path = path
        note = f" ({len(warnings)} to check)" if warnings else ""
        self.label.setText(f"Exported {path.name}{note}")
        self.label.setToolTip("\n".join([display_path(path), *warnings]))
        self.show()
        self._timer.start()

    def _open(self, path: Path | None) -> None:
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def show_export_notice(window: QMainWindow, path: Path, warnings: tuple[str, ...] = ()) -> None:
    """Name the exported PDF in ``window``'s status bar, with Open and Show in folder."""
    notice = window.findChild(ExportNotice, "export_notice")
    if notice is None:
        notice = ExportNotice(window)
        window.statusBar().addWidget(notice, 1)
    window.statusBar().clearMessage()
    notice.show_for(path, warnings)
