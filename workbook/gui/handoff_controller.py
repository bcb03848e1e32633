"""File ▸ Write hand-off bundle… (Ctrl+Shift+B): the folder for the client, written by our own
``workbook handoff`` command in a child process with progress and Cancel, as the PDF export is.

Before it runs, the app keeps a "before an export" snapshot of the plan, and a folder that
already holds a bundle is replaced only when the user says so. Messages name the folder,
never its whole path: the screen may be on a projector.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from workbook.export import ExportOptions
from workbook.export.protocol import Done
from workbook.gui.child_command import ChildCommand
from workbook.gui.widgets import clock
from workbook.handoff import HandoffError, bundle_names, check_folder

if TYPE_CHECKING:
    from workbook.gui.main_window import MainWindow
    from workbook.model import Plan


def handoff_arguments(
    plan_file: Path, folder: Path, stem: str, options: ExportOptions, force: bool
) -> list[str]:
    """The ``workbook handoff`` arguments; values as ``--name=value``, so a name that starts
    with a dash is never read as an option."""
    args = [
        "handoff",
        f"--output={folder}",
        f"--name={stem}",
        f"--page-size={options.page_size}",
        f"--accent={options.accent}",
        f"--consultant={options.consultant_name}",
        f"--company={options.consultant_company}",
        "--progress=json",
    ]
    if options.logo:
        args.append(f"--logo={options.logo}")
    if force:
        args.append("--force")
    return [*args, "--", str(plan_file)]


def bundle_stem(window: MainWindow) -> str:
    """What the bundle's files are called: the plan file's name, else the plan's title."""
    from workbook.gui.plan_files import suggested_file_name

    path = window.document.file_path
    return path.stem if path is not None else Path(suggested_file_name(window.document.plan)).stem


def default_folder(window: MainWindow, today: date | None = None) -> Path:
    """Where a bundle goes unless the user says otherwise: beside the plan file (else in the
    default folder), named after the plan and the day."""
    path = window.document.file_path
    parent = path.parent if path is not None else window.settings.default_folder
    day = (today or clock.today()).isoformat()
    return parent / f"{bundle_stem(window)} hand-off {day}"


def unused_folder(folder: Path) -> Path:
    """``folder``, or ``folder (2)``, ``(3)``… : the first name not taken, or an empty folder."""
    candidate, number = folder, 1
    while candidate.exists() and (not candidate.is_dir() or any(candidate.iterdir())):
        number += 1
        candidate = folder.with_name(f"{folder.name} ({number})")
    return candidate


def _without_paths(message: str, folder: Path) -> str:
    """A message with the folder named, not its whole path (the screen may be shared)."""
    for path in (folder, folder.parent):
        if path.name:  # never the root, whose "name" would replace every slash
            message = message.replace(str(path), f"“{path.name}”")
    return re.sub(r"“+", "“", re.sub(r"”+", "”", message))


class HandoffController(ChildCommand):
    """Writes one hand-off bundle at a time for a window. Questions sit behind small
    methods tests replace: :meth:`ask_folder`, :meth:`ask_replace`, :meth:`show_written`,
    :meth:`show_error`, :meth:`ask_stop`."""

    finished = Signal(object)
    """The folder just written."""
    failed = Signal(str)

    title = "Hand-off bundle"
    working_text = "Writing the hand-off bundle…"
    stop_question = "A hand-off bundle is being written: stop it and quit?"
    stop_detail = "The folder may hold only some of the files if you stop now."
    keep_text = "&Keep writing"
    could_not = "The hand-off bundle could not be written"
    noun = "hand-off"

    def __init__(self, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.folder: Path | None = None
        self.files: list[str] = []

    def unchanged_note(self) -> str:
        return " The folder may hold some of the files." if self.folder is not None else ""

    # ------------------------------------------------------------------ overridable dialogs

    def ask_folder(self, suggested: Path) -> Path | None:
        """The folder to write (a new one, usually): the suggested name, or one typed."""
        path, _ = QFileDialog.getSaveFileName(
            self.parent_widget,
            "Write hand-off bundle into a new folder",
            str(suggested),
            "",
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        return Path(path) if path else None

    def ask_replace(self, folder: Path) -> bool:
        from workbook.gui.dialogs import ask_choice

        choice = ask_choice(
            self.parent_widget,
            QMessageBox.Icon.Question,
            "Replace the hand-off bundle?",
            f"The folder “{folder.name}” already holds a hand-off bundle.",
            "Replace its files with new ones? Other files in the folder are left alone.",
            [
                ("&Replace", QMessageBox.ButtonRole.DestructiveRole, "replace"),
                ("Cancel", QMessageBox.ButtonRole.RejectRole, "cancel"),
            ],
            default="cancel",
            escape="cancel",
        )
        return choice == "replace"

    def show_written(self, folder: Path, files: list[str]) -> bool:
        """Say what was written; True when the user wants to see the folder."""
        from workbook.gui.dialogs import ask_choice

        choice = ask_choice(
            self.parent_widget,
            QMessageBox.Icon.Information,
            "Hand-off bundle written",
            f"The hand-off bundle is in the folder “{folder.name}”.",
            "It holds:\n" + "\n".join(f"• {name}" for name in files),
            [
                ("&Show the folder", QMessageBox.ButtonRole.AcceptRole, "show"),
                ("Close", QMessageBox.ButtonRole.RejectRole, "close"),
            ],
            default="close",
            escape="close",
        )
        return choice == "show"

    def open_url(self, url: QUrl) -> None:
        QDesktopServices.openUrl(url)

    # ------------------------------------------------------------------ writing

    def check(self, folder: Path, stem: str, *, ask: bool = True) -> bool | None:
        """Whether the bundle may be written into ``folder``: None when not (the user was
        told why, or said no), else whether its files there are to be replaced (asked
        through :meth:`ask_replace`; never replaced when ``ask`` is False)."""
        if self.is_running():
            self.show_error(
                self.title, "A task is already running; wait for it to finish or cancel it."
            )
            return None
        names = bundle_names(stem)
        try:
            check_folder(folder, names, force=False)
        except HandoffError as error:
            try:  # the folder is usable once its bundle may be replaced: ask about that
                check_folder(folder, names, force=True)
            except HandoffError:
                self._report_failure(_without_paths(str(error), folder))
                return None
            if not ask or not self.ask_replace(folder):
                return None
            return True
        return False

    def start(
        self,
        plan: Plan,
        folder: Path,
        stem: str,
        options: ExportOptions,
        force: bool,
        before: Callable[[], object] | None = None,
    ) -> bool:
        """Start writing the bundle (after :meth:`check`); returns at once. ``before``:
        run just before the plan is taken (see :meth:`ChildCommand.start_command`)."""
        self.folder, self.files = Path(folder), list(bundle_names(stem).values())
        self.start_command(
            plan,
            lambda plan_file: handoff_arguments(plan_file, Path(folder), stem, options, force),
            before,
        )
        return True

    def _on_succeeded(self, outcome: Done) -> None:
        folder = self.folder or outcome.path
        self.finished.emit(folder)
        if self.show_written(folder, self.files):
            self.open_url(QUrl.fromLocalFile(str(folder)))

    def _report_failure(self, message: str) -> None:
        if self.folder is not None:
            message = _without_paths(message, self.folder)
        self.failed.emit(message)
        self.show_error("The hand-off bundle could not be written", message)


def controller_of(window: MainWindow) -> HandoffController:
    """The window's hand-off controller, made when first needed."""
    controller = window.findChild(HandoffController)
    if controller is None:
        controller = HandoffController(window)
        controller.setObjectName("handoff_controller")
        controller.state_in_steps = window.document.state_in_steps
        controller.finished.connect(
            lambda folder: window.statusBar().showMessage(
                f"Hand-off bundle written to the folder “{Path(folder).name}”.", 10000
            )
        )
    return controller


def write_handoff_bundle(
    window: MainWindow, *, choose: bool | None = None, parent: QWidget | None = None
) -> bool:
    """Write the plan's hand-off bundle. ``choose``: ask for the folder (File ▸ Write
    hand-off bundle…); otherwise a new folder beside the plan, named after it (the
    workshop summary's one key). By default it asks, except in workshop mode, where a file
    dialog would show the consultant's folders on the projector. A "before an export"
    snapshot is taken first. True when the bundle is being written."""
    from workbook.gui.export_controller import saved_options
    from workbook.gui.privacy import is_private
    from workbook.model import SnapshotKind

    if not window.has_plan:
        return False
    if choose is None:
        choose = not is_private()
    controller = controller_of(window)
    # Its questions and progress over the window asking (the workshop summary, say).
    controller.parent_widget = parent if parent is not None else window
    suggested = default_folder(window)
    if choose:
        folder = controller.ask_folder(suggested)
        if folder is None:
            return False
    else:
        folder = unused_folder(suggested)
    stem = bundle_stem(window)
    force = controller.check(folder, stem, ask=choose)
    if force is None:
        return False
    document = window.document

    def snapshot() -> None:  # the plan as handed over, kept in it (saved with it)
        if not document.session.read_only:
            document.take_automatic_snapshot(SnapshotKind.BEFORE_EXPORT)

    options = saved_options(window.settings)
    return controller.start(document.plan, folder, stem, options, force, before=snapshot)
