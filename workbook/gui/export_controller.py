"""The Qt side of PDF export: ask for options, run our own ``workbook export`` command in a
child process with a progress dialog that can cancel (:mod:`workbook.gui.child_command`),
then offer to open the PDF or show it in its folder.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QMessageBox,
    QPushButton,
    QWidget,
)

from workbook.export import ExportError, ExportOptions, default_pdf_path
from workbook.export.protocol import Done
from workbook.export.targets import check_target
from workbook.gui.child_command import ChildCommand, workbook_command, write_plan_file
from workbook.gui.settings import Settings
from workbook.model import Plan


def export_command() -> tuple[str, list[str]]:
    """The program, and the arguments before ``export``, that run our own command line."""
    return workbook_command()


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


class ExportController(ChildCommand):
    """Runs one export at a time for a window. Dialogs sit behind small methods that tests
    (and the shell) can replace: :meth:`ask_export_options`, :meth:`ask_replace`,
    :meth:`ask_after_export`, :meth:`ask_stop_export`, :meth:`show_error`."""

    about_to_export = Signal()
    """An export is starting (the user has chosen and confirmed it, and the plan's state
    is worked out): the plan is taken right after this returns, so what a slot adds to
    the plan (the window's "before an export" snapshot) is in the plan file the child
    reads."""
    finished = Signal(object)
    """Path of the PDF just written."""
    failed = Signal(str)
    """The message shown to the user when an export failed."""

    title = "Export PDF"
    working_text = "Making the PDF…"
    stop_question = "An export is running: stop it and quit?"
    stop_detail = "The PDF is not saved if you stop now."
    keep_text = "&Keep exporting"
    could_not = "The PDF could not be made"
    noun = "export"

    def __init__(self, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self._target: Path | None = None
        self._ask_after = True
        self.last_warnings: tuple[str, ...] = ()
        self.snapshot_choices: tuple[tuple[str, str], ...] = ()
        """The plan's snapshots (id, title) that Export As offers for "What changed since"."""

    def command(self) -> tuple[str, list[str]]:
        return export_command()  # looked up here, so a test can put a stand-in in its place

    def unchanged_note(self) -> str:
        return f" {self._target} was not changed." if self._target is not None else ""

    # ------------------------------------------------------------------ overridable dialogs

    def ask_export_options(self, defaults: ExportOptions) -> ExportOptions | None:
        dialog = ExportOptionsDialog(defaults, self.parent_widget, self.snapshot_choices)
        return dialog.options() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def ask_replace(self, path: Path) -> bool:
        """Whether to replace the PDF that is already at ``path`` ("Replace" is the default:
        exporting again over the last export is the usual case)."""
        from workbook.gui.dialogs import ask_choice

        choice = ask_choice(
            self.parent_widget,
            QMessageBox.Icon.Question,
            "Replace the PDF?",
            f"{path.name} already exists in {path.parent}.",
            "Replace it with the new PDF?",
            [
                ("&Replace", QMessageBox.ButtonRole.AcceptRole, "replace"),
                ("Cancel", QMessageBox.ButtonRole.RejectRole, "cancel"),
            ],
            default="replace",
            escape="cancel",
        )
        return choice == "replace"

    def ask_stop_export(self, parent: QWidget | None) -> bool:
        """Whether to stop the running export so the app can quit."""
        return super().ask_stop(parent)

    def ask_stop(self, parent: QWidget | None) -> bool:
        return self.ask_stop_export(parent)

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
                "Export PDF", "A task is already running; wait for it to finish or cancel it."
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
        self._target, self._ask_after = target, ask_after
        self.start_command(
            plan,
            lambda plan_file: export_arguments(plan_file, target, options, exists),
            before=self.about_to_export.emit,
        )

    # ------------------------------------------------------------------ the end

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


__all__ = ["ExportController", "ExportOptionsDialog", "export_command", "write_plan_file"]
