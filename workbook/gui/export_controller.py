"""The Qt side of PDF export: ask for options, run our own ``workbook export`` command in a
child process with a progress dialog that can cancel, then offer to open the PDF or show
it in its folder.

The PDF is made in its own process (as Vorta runs Borg), so the window never shares a
CPU core's worth of Python with the layout: it keeps answering however long the export
takes, and cancelling or quitting simply ends the child. The plan goes to the child as a
temporary JSON file written from the plan in memory (unsaved edits included); the child
reports progress as JSON lines (:mod:`workbook.export.protocol`).
"""

from __future__ import annotations

import dataclasses
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, Qt, QTimer, QUrl, Signal, Slot
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

from workbook.export import ExportError, ExportOptions, default_pdf_path
from workbook.export.protocol import Done, Failed, Progress, parse_line
from workbook.export.targets import check_target
from workbook.gui.settings import Settings
from workbook.model import Plan

_PROGRESS_STEPS = 1000
STOP_GRACE_MS = 3000
"""How long a child asked to stop may take before it is killed."""
STDERR_KEPT = 4000
"""Characters of the child's error output kept (for debugging; never shown as it is)."""


def export_command() -> tuple[str, list[str]]:
    """The program, and the arguments before ``export``, that run our own command line:
    the bundle's executable itself when frozen (PyInstaller), else this Python with
    ``-m workbook``."""
    if getattr(sys, "frozen", False):
        return sys.executable, []
    return sys.executable, ["-m", "workbook"]


def export_arguments(plan_file: Path, target: Path, options: ExportOptions, force: bool) -> list:
    """The ``workbook export`` arguments for one export from the window. Values go in as
    ``--name=value``, so a name that starts with a dash is never read as an option."""
    args = [
        "export",
        f"--output={target}",
        f"--page-size={options.page_size}",
        f"--accent={options.accent}",
        f"--consultant={options.consultant_name}",
        f"--company={options.consultant_company}",
        "--progress=json",
        "--no-profile",  # the window passes every choice itself
    ]
    if not options.include_prompts:
        args.append("--no-prompts")
    if options.report is not None and options.report.changes_since:
        args.append(f"--changes-since={options.report.changes_since}")
    if options.logo:
        args.append(f"--logo={options.logo}")
    if force:
        args.append("--force")
    return [*args, "--", str(plan_file)]


def write_plan_file(plan: Plan, folder: Path) -> Path:
    """``plan`` as a plan file in ``folder``, for the child to read.

    Compact JSON straight from pydantic: 4 ms on the UI thread for 2,000 notes, where the
    indented file format takes 12 (the child reads either)."""
    from workbook.storage import plan_to_bytes

    try:
        data = plan.model_dump_json(warnings=False).encode("utf-8")
    except Exception:  # what plan_to_bytes takes care of (a lone surrogate in a kept field)
        data = plan_to_bytes(plan)
    path = folder / "plan.json"
    path.write_bytes(data)
    return path


def saved_options(settings: Settings) -> ExportOptions:
    """The consultant's branding and the last export's choices, from Preferences."""
    return ExportOptions(
        page_size=settings.export_page_size,
        include_prompts=settings.export_include_prompts,
        logo=settings.logo_path,
        accent=settings.accent,
        consultant_name=settings.consultant_name,
        consultant_company=settings.consultant_company,
    )


def quick_target(plan: Plan, plan_path: Path | None, settings: Settings) -> Path:
    """Where Ctrl+E writes the PDF: beside the plan file, same name; for a plan not saved
    yet, in the folder of the last export (else the default folder), named after it."""
    from workbook.gui.plan_files import suggested_file_name

    if plan_path is not None:
        return default_pdf_path(plan_path)
    folder = settings.last_export_folder or settings.default_folder
    return folder / Path(suggested_file_name(plan)).with_suffix(".pdf").name


class ExportOptionsDialog(QDialog):
    """Page size, whether to print the guiding questions, and "What changed since" one of
    the plan's snapshots (``snapshots``: id and title of each, oldest first; off by default)."""

    def __init__(
        self,
        defaults: ExportOptions,
        parent: QWidget | None = None,
        snapshots: tuple[tuple[str, str], ...] = (),
    ) -> None:
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
        self.changes_since = QComboBox()
        self.changes_since.addItem("Not included", "")
        for snapshot_id, title in reversed(snapshots):  # the newest first
            self.changes_since.addItem(title, snapshot_id)
        self.changes_since.setEnabled(bool(snapshots))
        self.changes_since.setAccessibleName("What changed since")
        self.changes_since.setAccessibleDescription(
            "Add a section comparing the plan with one of its snapshots, stage by stage."
        )
        layout.addRow("&What changed since:", self.changes_since)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Export")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def options(self) -> ExportOptions:
        from workbook.report.options import ReportOptions

        report = dataclasses.replace(
            self.defaults.report or ReportOptions(),
            changes_since=str(self.changes_since.currentData() or ""),
        )
        return dataclasses.replace(
            self.defaults,
            page_size=self.page_size.currentText(),
            include_prompts=self.include_prompts.isChecked(),
            report=report,
        )


class ExportController(QObject):
    """Runs one export at a time for a window. Dialogs sit behind small methods that tests
    (and the shell) can replace: :meth:`ask_export_options`, :meth:`ask_replace`,
    :meth:`ask_after_export`, :meth:`ask_stop_export`, :meth:`show_error`."""

    about_to_export = Signal()
    """An export is starting (the user has chosen and confirmed it): the plan is handed to
    the child right after this returns, so what a slot adds to the plan (the window's
    "before an export" snapshot) is in the plan file the child reads."""
    finished = Signal(object)
    """Path of the PDF just written."""
    failed = Signal(str)
    """The message shown to the user when an export failed."""
    cancelled = Signal()

    def __init__(self, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.parent_widget = parent_widget
        self._process: QProcess | None = None
        self._folder: tempfile.TemporaryDirectory | None = None
        self._target: Path | None = None
        self._ask_after = True
        self._outcome: Done | Failed | None = None
        self._unreadable = False
        self._stopping = False
        self.stderr_tail = ""
        self.last_warnings: tuple[str, ...] = ()
        self.snapshot_choices: tuple[tuple[str, str], ...] = ()
        """The plan's snapshots (id, title) that Export As offers for "What changed since"."""
        self.progress_dialog: QProgressDialog | None = None

    # ------------------------------------------------------------------ overridable dialogs

    def ask_export_options(self, defaults: ExportOptions) -> ExportOptions | None:
        dialog = ExportOptionsDialog(defaults, self.parent_widget, self.snapshot_choices)
        return dialog.options() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def ask_replace(self, path: Path) -> bool:
        """Whether to replace the PDF that is already at ``path`` ("Replace" is the default:
        exporting again over the last export is the usual case)."""
        box = QMessageBox(self.parent_widget)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Replace the PDF?")
        box.setText(f"{path.name} already exists in {path.parent}.")
        box.setInformativeText("Replace it with the new PDF?")
        replace = box.addButton("&Replace", QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(replace)
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is replace

    def ask_stop_export(self, parent: QWidget | None) -> bool:
        """Whether to stop the running export so the app can quit."""
        box = QMessageBox(parent or self.parent_widget)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Export PDF")
        box.setText("An export is running: stop it and quit?")
        box.setInformativeText("The PDF is not saved if you stop now.")
        stop = box.addButton("&Stop and quit", QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton("&Keep exporting", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is stop

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

    def quick_export(self, plan: Plan, plan_path: Path | None, settings: Settings) -> Path:
        """Ctrl+E: export with the saved branding and choices, beside the plan (or in the
        folder of the last export) in one step. The only question is whether to replace a
        PDF that is already there. Returns the target."""
        target = quick_target(plan, plan_path, settings)
        self.export(plan, target, saved_options(settings), ask_after=False)
        return target

    def export_with_profile(
        self, plan: Plan, plan_path: Path | None, settings: Settings, ask_after: bool = True
    ) -> None:
        """Export As…: ask for the options (the saved branding and choices as defaults) and
        the place, then export; the choices and the folder are kept for the next Ctrl+E."""
        from workbook.gui.plan_files import dialogs_module

        self.snapshot_choices = tuple((s.id, s.title) for s in plan.history.snapshots)
        options = self.ask_export_options(saved_options(settings))
        if options is None:
            return
        target = dialogs_module().ask_pdf_path(
            self.parent_widget, quick_target(plan, plan_path, settings)
        )
        if target is None:
            return
        settings.export_page_size = options.page_size
        settings.export_include_prompts = options.include_prompts
        settings.last_export_folder = Path(target).parent
        self.export(plan, target, options, ask_after=ask_after)

    export_as = export_with_profile

    def is_running(self) -> bool:
        """Whether an export's child process is running (or being stopped)."""
        return self._process is not None

    @property
    def busy(self) -> bool:
        return self.is_running()

    def export(
        self,
        plan: Plan,
        target: Path,
        options: ExportOptions,
        *,
        replace: bool | None = None,
        ask_after: bool = True,
    ) -> None:
        """Start exporting ``plan`` as it is now to ``target``; returns at once.

        ``replace``: whether an existing PDF at ``target`` may be replaced (None: ask the
        user, through :meth:`ask_replace`). A folder, a device or any file that is not a
        PDF is never replaced; the user is told why. ``ask_after``: offer to open the PDF
        in a dialog when done (the window says so in its status bar instead).
        """
        if self.is_running():
            self.show_error(
                "Export PDF", "An export is already running; wait for it to finish or cancel it."
            )
            return
        target = Path(target)
        try:
            exists = check_target(target)
        except ExportError as error:
            self._report_failure(str(error))
            return
        if exists and not (self.ask_replace(target) if replace is None else replace):
            return
        self.about_to_export.emit()
        folder = tempfile.TemporaryDirectory(prefix="workbook-export-")
        try:
            plan_file = write_plan_file(plan, Path(folder.name))
        except OSError as error:
            folder.cleanup()
            self._report_failure(
                f"The plan could not be handed to the export ({error.strerror or error} in "
                f"{folder.name}). Free some disk space, then export again."
            )
            return
        self._folder, self._target, self._ask_after = folder, target, ask_after
        self._outcome, self._unreadable, self._stopping = None, False, False
        self.stderr_tail = ""

        process = QProcess(self)
        program, lead = export_command()
        process.setProgram(program)
        process.setArguments([*lead, *export_arguments(plan_file, target, options, exists)])
        process.readyReadStandardOutput.connect(self._read_output)
        process.readyReadStandardError.connect(self._read_errors)
        process.finished.connect(self._on_process_finished)
        process.errorOccurred.connect(self._on_process_error)
        self._process = process
        self._show_progress_dialog()
        process.start()

    def _show_progress_dialog(self) -> None:
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

    @Slot()
    def cancel(self) -> None:
        """Stop the running export: the child is asked to end, and killed if it has not
        within :data:`STOP_GRACE_MS`. The PDF on disk is left as it was (it is written
        atomically), and ``cancelled`` is emitted once the child has ended."""
        process = self._process
        if process is None or self._stopping:
            return
        self._stopping = True
        if self.progress_dialog is not None:
            self.progress_dialog.setLabelText("Cancelling…")
        process.terminate()
        QTimer.singleShot(STOP_GRACE_MS, self, lambda: self._kill_if_still_running(process))

    def _kill_if_still_running(self, process: QProcess) -> None:
        # Compared by identity first: once ended, the process object may be deleted.
        if process is self._process and process.state() != QProcess.ProcessState.NotRunning:
            process.kill()

    def confirm_stop_for_quit(self, parent: QWidget | None = None) -> bool:
        """Before the window closes or the app quits: True when quitting may go on.

        With no export running, True at once. Otherwise the user is asked "An export is
        running: stop it and quit?" (:meth:`ask_stop_export`); on yes the child is stopped
        and waited for (killed after a grace period), so nothing is left running.
        """
        if not self.is_running():
            return True
        if not self.ask_stop_export(parent):
            return False
        self.stop()
        return True

    def stop(self) -> None:
        """Stop the running export and wait until its child process has ended."""
        process = self._process
        if process is None:
            return
        self._stopping = True
        if process.state() != QProcess.ProcessState.NotRunning:
            process.terminate()
            if not process.waitForFinished(STOP_GRACE_MS):
                process.kill()
                process.waitForFinished(STOP_GRACE_MS)
        if self._process is process:  # finished was not delivered (never started, say)
            self._end(self.cancelled.emit)

    # ------------------------------------------------------------------ the child's output

    @Slot()
    def _read_output(self) -> None:
        process = self._process
        if process is None:
            return
        while process.canReadLine():
            line = bytes(process.readLine().data()).strip()
            if not line:
                continue
            event = parse_line(line)
            if isinstance(event, Progress):
                self._on_progress(event.fraction, event.message)
            elif isinstance(event, Done | Failed):
                self._outcome = event
            else:
                self._unreadable = True
            if self._process is not process:  # ended while the dialog ran the event loop
                return

    @Slot()
    def _read_errors(self) -> None:
        if self._process is not None:
            text = bytes(self._process.readAllStandardError().data()).decode("utf-8", "replace")
            self.stderr_tail = (self.stderr_tail + text)[-STDERR_KEPT:]

    @Slot(float, str)
    def _on_progress(self, fraction: float, message: str) -> None:
        dialog = self.progress_dialog
        if dialog is not None and not self._stopping:
            # A modal QProgressDialog runs the event loop inside setValue(), where the export
            # may finish and _end() drop the dialog: keep our own reference until done.
            dialog.setLabelText(message)
            dialog.setValue(int(max(0.0, min(1.0, fraction)) * _PROGRESS_STEPS))

    @Slot(int, QProcess.ExitStatus)
    def _on_process_finished(self, code: int, status: QProcess.ExitStatus) -> None:
        if self._process is None:
            return
        self._read_output()
        self._read_errors()
        outcome, target = self._outcome, self._target
        if isinstance(outcome, Done):
            # Done even if Cancel came too late to stop it: the new PDF is complete.
            self._end(lambda: self._on_succeeded(outcome))
        elif self._stopping:
            self._end(self.cancelled.emit)
        elif isinstance(outcome, Failed):
            self._end(lambda: self._report_failure(outcome.message))
        else:
            self._end(lambda: self._report_failure(self._crash_message(target, code, status)))

    @Slot(QProcess.ProcessError)
    def _on_process_error(self, error: QProcess.ProcessError) -> None:
        if error != QProcess.ProcessError.FailedToStart or self._process is None:
            return  # a crash or a kill is reported when the process has finished
        program = self._process.program()
        self._end(
            lambda: self._report_failure(
                f"The export could not be started ({program} did not run: "
                f"{self._process_error_text()}). Reinstall the app, then export again."
            )
        )

    def _process_error_text(self) -> str:
        return self._process.errorString() if self._process is not None else "unknown error"

    def _crash_message(self, target: Path | None, code: int, status: QProcess.ExitStatus) -> str:
        how = (
            "it crashed"
            if status == QProcess.ExitStatus.CrashExit
            else f"it stopped with exit code {code}"
        )
        if self._unreadable:
            how += " and printed something the window could not read"
        where = f" {target} was not changed." if target is not None else ""
        return (
            f"The PDF could not be made: the export process ended before it finished "
            f"({how}).{where} Try again; if it keeps happening, please report it."
        )

    # ------------------------------------------------------------------ the end

    def _end(self, then) -> None:
        """Close the progress dialog, drop the process and the plan file, then ``then()``."""
        dialog, self.progress_dialog = self.progress_dialog, None
        if dialog is not None:
            dialog.canceled.disconnect(self.cancel)
            dialog.close()
            dialog.deleteLater()
        process, self._process = self._process, None
        if process is not None:
            process.deleteLater()
        folder, self._folder = self._folder, None
        if folder is not None:
            folder.cleanup()
        then()

    def _on_succeeded(self, outcome: Done) -> None:
        target = self._target or outcome.path
        self.last_warnings = outcome.warnings
        self.finished.emit(target)
        if not self._ask_after:
            return
        choice = self.ask_after_export(target, outcome.warnings)
        if choice == "open":
            self.open_url(QUrl.fromLocalFile(str(target)))
        elif choice == "folder":
            self.open_url(QUrl.fromLocalFile(str(target.parent)))

    def _report_failure(self, message: str) -> None:
        self.failed.emit(message)
        self.show_error("The PDF could not be exported", message)


__all__ = ["ExportController", "ExportOptionsDialog", "export_command"]
