"""The Qt side of PDF export: ask for options, render in a worker thread with a progress
dialog that can cancel, then offer to open the PDF or show it in its folder."""

from __future__ import annotations

import dataclasses
import gc
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from workbook.export import ExportCancelled, ExportError, ExportOptions, ExportResult
from workbook.model import Plan

_PROGRESS_STEPS = 1000


class _ExportWorker(QObject):
    """Renders and writes the PDF on a worker thread; talks back only through signals."""

    progressed = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(
        self, snapshot: dict, target: Path, options: ExportOptions, cancel: threading.Event
    ) -> None:
        super().__init__()
        self.snapshot, self.target, self.options, self.cancel = snapshot, target, options, cancel

    @Slot()
    def run(self) -> None:
        from workbook.export import export_pdf

        # A long document makes hundreds of thousands of objects; each full collection of
        # them by the cyclic garbage collector held the GIL for 60-200 ms here, freezing
        # the window (the export's objects are freed by reference counting when it ends).
        collecting = gc.isenabled()
        gc.disable()
        try:
            if self.cancel.is_set():
                raise ExportCancelled()
            plan = Plan.model_validate(self.snapshot)
            result = export_pdf(
                plan,
                self.target,
                self.options,
                progress=self.progressed.emit,
                is_cancelled=self.cancel.is_set,
            )
        except ExportCancelled:
            self.cancelled.emit()
        except ExportError as error:
            self.failed.emit(str(error))
        except Exception as error:  # never let a worker die silently; the user gets a message
            self.failed.emit(f"The PDF could not be made ({type(error).__name__}: {error}).")
        else:
            self.succeeded.emit(result)
        finally:
            if collecting:
                gc.enable()


class ExportOptionsDialog(QDialog):
    """Page size and whether to print the guiding questions."""

    def __init__(self, defaults: ExportOptions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export PDF")
        self.defaults = defaults
        layout = QFormLayout(self)
        self.page_size = QComboBox()
        self.page_size.addItems(["A4", "Letter"])
        self.page_size.setCurrentText(
            defaults.page_size if defaults.page_size in ("A4", "Letter") else "A4"
        )
        self.page_size.setAccessibleName("Page size")
        layout.addRow("&Page size:", self.page_size)
        self.include_prompts = QCheckBox("&Include the guiding questions")
        self.include_prompts.setChecked(defaults.include_prompts)
        self.include_prompts.setAccessibleDescription(
            "Print each field's question above the answer; untick to print only the answers."
        )
        layout.addRow(self.include_prompts)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Export")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def options(self) -> ExportOptions:
        return dataclasses.replace(
            self.defaults,
            page_size=self.page_size.currentText(),
            include_prompts=self.include_prompts.isChecked(),
        )


class ExportController(QObject):
    """Runs one export at a time for a window. Dialogs sit behind small methods that tests
    (and the shell) can replace: :meth:`ask_export_options`, :meth:`ask_after_export`,
    :meth:`show_error`."""

    finished = Signal(object)
    """Path of the PDF just written."""
    failed = Signal(str)
    """The message shown to the user when an export failed."""
    cancelled = Signal()

    def __init__(self, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.parent_widget = parent_widget
        self._thread: QThread | None = None
        self._worker: _ExportWorker | None = None
        self._cancel = threading.Event()
        self._target: Path | None = None
        self.progress_dialog: QProgressDialog | None = None

    # ------------------------------------------------------------------ overridable dialogs

    def ask_export_options(self, defaults: ExportOptions) -> ExportOptions | None:
        dialog = ExportOptionsDialog(defaults, self.parent_widget)
        return dialog.options() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def ask_after_export(self, path: Path, warnings: tuple[str, ...]) -> str:
        """ "open", "folder" or "close"."""
        box = QMessageBox(self.parent_widget)
        box.setIcon(QMessageBox.Icon.Warning if warnings else QMessageBox.Icon.Information)
        box.setWindowTitle("PDF exported")
        box.setText(f"The strategy document was saved as {path.name}.")
        box.setInformativeText(str(path.parent))
        if warnings:
            box.setDetailedText("\n".join(warnings))
            box.setInformativeText(f"{path.parent}\n\n" + "\n".join(warnings))
        open_button = box.addButton("&Open PDF", QMessageBox.ButtonRole.AcceptRole)
        folder_button = box.addButton("&Show in folder", QMessageBox.ButtonRole.ActionRole)
        close_button: QPushButton = box.addButton(QMessageBox.StandardButton.Close)
        box.setDefaultButton(open_button)
        box.setEscapeButton(close_button)
        box.exec()
        clicked = box.clickedButton()
        if clicked is open_button:
            return "open"
        if clicked is folder_button:
            return "folder"
        return "close"

    def show_error(self, title: str, message: str) -> None:
        QMessageBox.warning(self.parent_widget, title, message)

    def open_url(self, url: QUrl) -> None:
        QDesktopServices.openUrl(url)

    # ------------------------------------------------------------------ exporting

    @property
    def busy(self) -> bool:
        return self._thread is not None

    def export(self, plan: Plan, target: Path, options: ExportOptions) -> None:
        """Start exporting a copy of ``plan`` to ``target``; returns at once."""
        if self.busy:
            self.show_error(
                "Export PDF", "An export is already running; wait for it to finish or cancel it."
            )
            return
        self._target = Path(target)
        self._cancel = threading.Event()
        # The worker gets its own copy, so the user may keep typing while the PDF is made.
        # It is rebuilt on the worker from a dump taken here: 2 ms on the UI thread for a
        # plan with 2,000 notes, where a deep copy froze the window for 30 ms.
        worker = _ExportWorker(
            plan.model_dump(round_trip=True), self._target, options, self._cancel
        )
        thread = QThread(self)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progressed.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        worker.succeeded.connect(self._on_succeeded, Qt.ConnectionType.QueuedConnection)
        worker.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        worker.cancelled.connect(self._on_cancelled, Qt.ConnectionType.QueuedConnection)
        self._worker, self._thread = worker, thread

        dialog = QProgressDialog(
            "Making the PDF…", "Cancel", 0, _PROGRESS_STEPS, self.parent_widget
        )
        dialog.setWindowTitle("Export PDF")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(0)
        dialog.canceled.connect(self.cancel)
        self.progress_dialog = dialog
        # Started from the event loop, so a Cancel given before control returns to it
        # (a second keystroke, or a test) is seen by the worker before it begins.
        QTimer.singleShot(0, thread.start)

    @Slot()
    def cancel(self) -> None:
        """Ask the running export to stop; the PDF on disk is left as it was."""
        self._cancel.set()
        if self.progress_dialog is not None:
            self.progress_dialog.setLabelText("Cancelling…")

    @Slot(float, str)
    def _on_progress(self, fraction: float, message: str) -> None:
        dialog = self.progress_dialog
        if dialog is not None and not self._cancel.is_set():
            # A modal QProgressDialog runs the event loop inside setValue(), where the export
            # may finish and _finish() drop the dialog: keep our own reference until done.
            dialog.setLabelText(message)
            dialog.setValue(int(max(0.0, min(1.0, fraction)) * _PROGRESS_STEPS))

    def _finish(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.canceled.disconnect(self.cancel)
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None
        thread, worker = self._thread, self._worker
        self._thread = self._worker = None
        if thread is not None:
            thread.quit()
            thread.wait()
            thread.deleteLater()
        if worker is not None:
            worker.deleteLater()

    @Slot(object)
    def _on_succeeded(self, result: ExportResult) -> None:
        target = self._target
        self._finish()
        assert target is not None
        self.finished.emit(target)
        choice = self.ask_after_export(target, result.warnings)
        if choice == "open":
            self.open_url(QUrl.fromLocalFile(str(target)))
        elif choice == "folder":
            self.open_url(QUrl.fromLocalFile(str(target.parent)))

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._finish()
        self.failed.emit(message)
        self.show_error("The PDF could not be exported", message)

    @Slot()
    def _on_cancelled(self) -> None:
        self._finish()
        self.cancelled.emit()
