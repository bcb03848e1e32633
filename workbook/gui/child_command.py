"""Run one of our own ``workbook`` commands in a child process with a progress dialog that can
cancel: the one piece of code behind the window's PDF export and its hand-off bundle.

The work happens in its own process (as Vorta runs Borg), so the window never shares a CPU
core's worth of Python with it: it keeps answering however long the command takes, and
cancelling or quitting simply ends the child. The plan goes to the child as a temporary
JSON file written from the plan in memory (unsaved edits included); the child reports
progress as JSON lines (:mod:`workbook.export.protocol`). Subclasses say what the command
is called, which arguments it takes, and what to do when it is done or has failed.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from workbook.export.protocol import Done, Failed, Progress, parse_line
from workbook.gui.in_steps import InSteps
from workbook.model import Plan, PlanParts, plan_json_from_parts, plan_json_parts
from workbook.state_steps import Steps, plan_state_in_steps
from workbook.stepping import Pieces

PROGRESS_STEPS = 1000
STOP_GRACE_MS = 3000
"""How long a child asked to stop may take before it is killed."""
STDERR_KEPT = 4000
"""Characters of the child's error output kept (for debugging; never shown as it is)."""


def workbook_command() -> tuple[str, list[str]]:
    """The program, and the arguments before the command's name, that run our own command
    line: the bundle's executable itself when frozen (PyInstaller), else this Python with
    ``-m workbook``."""
    if getattr(sys, "frozen", False):
        return sys.executable, []
    return sys.executable, ["-m", "workbook"]


def write_plan_file(parts: PlanParts, folder: Path) -> Path:
    """The plan taken as ``parts`` (:func:`~workbook.model.plan_json_parts`) as a plan file
    in ``folder``, for the child to read.

    Compact JSON written by pydantic-core: some 5 ms for 2,000 notes, where the plan's own
    JSON, which works its state out a second time for the history, takes 16. Text that
    UTF-8 cannot hold (a lone surrogate kept from a file) is written escaped."""
    from pydantic_core import PydanticSerializationError, to_json

    plan_data = plan_json_from_parts(*parts)
    try:
        data = to_json(plan_data)
    except PydanticSerializationError:
        data = json.dumps(plan_data, separators=(",", ":")).encode("ascii")
    path = folder / "plan.json"
    path.write_bytes(data)
    return path


class ChildCommand(QObject):
    """Runs one ``workbook`` command at a time for a window, with progress and Cancel.

    Subclasses set the texts below and implement :meth:`_on_succeeded` and
    :meth:`_report_failure`; dialogs sit behind small methods that tests replace
    (:meth:`ask_stop`, :meth:`show_error`)."""

    cancelled = Signal()

    title = "Workbook"
    """The progress dialog's title, and the heading of the question before quitting."""
    working_text = "Working…"
    stop_question = "A task is running: stop it and quit?"
    stop_detail = "What it was making is not saved if you stop now."
    keep_text = "&Keep going"
    could_not = "The task could not be finished"
    """How a failure's message begins: "The PDF could not be made"."""
    noun = "task"
    """What the child is called in messages: "the export process"."""

    def __init__(self, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.parent_widget = parent_widget
        self._process: QProcess | None = None
        self._folder: tempfile.TemporaryDirectory | None = None
        self._outcome: Done | Failed | None = None
        self._unreadable = False
        self._stopping = False
        self.stderr_tail = ""
        self.progress_dialog: QProgressDialog | None = None
        self._starter = InSteps(self)
        """Takes the plan for the child, from :meth:`start_command` until it starts."""
        self.state_in_steps: Callable[[Plan], Steps] = plan_state_in_steps
        """Set by the window: the plan's state a piece at a time, as its session keeps it
        (:meth:`workbook.gui.document.PlanDocument.state_in_steps`)."""

    # ------------------------------------------------------------------ for subclasses

    def command(self) -> tuple[str, list[str]]:
        """The program and its leading arguments (tests put a stand-in here)."""
        return workbook_command()

    def _on_succeeded(self, outcome: Done) -> None:
        raise NotImplementedError

    def _report_failure(self, message: str) -> None:
        raise NotImplementedError

    def unchanged_note(self) -> str:
        """A sentence on what a failed run left as it was (" plan.pdf was not changed.")."""
        return ""

    # ------------------------------------------------------------------ overridable dialogs

    def ask_stop(self, parent: QWidget | None) -> bool:
        """Whether to stop the running command so the app can quit."""
        from workbook.gui.dialogs import ask_choice

        choice = ask_choice(
            parent or self.parent_widget,
            QMessageBox.Icon.Question,
            self.title,
            self.stop_question,
            self.stop_detail,
            [
                ("&Stop and quit", QMessageBox.ButtonRole.DestructiveRole, "stop"),
                (self.keep_text, QMessageBox.ButtonRole.RejectRole, "keep"),
            ],
            default="keep",
            escape="keep",
        )
        return choice == "stop"

    def show_error(self, title: str, message: str) -> None:
        QMessageBox.warning(self.parent_widget, title, message)

    # ------------------------------------------------------------------ running

    def is_running(self) -> bool:
        """Whether a child process is running (or being stopped, or about to start)."""
        return self._process is not None or self._starter.running

    @property
    def busy(self) -> bool:
        return self.is_running()

    def start_command(
        self,
        plan: Plan,
        arguments: Callable[[Path], list[str]],
        before: Callable[[], object] | None = None,
    ) -> None:
        """Hand ``plan`` to a child and run the command with ``arguments(plan_file)``;
        returns at once, and the command counts as running.

        The plan is taken over the next turns of the event loop, a piece of its state a
        turn (:mod:`workbook.state_steps`), so that a key or a repaint waiting meanwhile is
        never held up for long (one go took some 10 ms for 2,000 notes, and one frame is
        16); an edit made meanwhile starts it again, and is in the export. Then, in the
        same turn, ``before()`` runs (the window's snapshot before an export) and the plan
        is taken as it is; at the next turn it is written out and the child started."""
        self._starter.start(
            self._take(plan, before), lambda parts: self._hand_over(parts, arguments)
        )

    def _take(self, plan: Plan, before: Callable[[], object] | None) -> Pieces[PlanParts]:
        state = yield from self.state_in_steps(plan)
        if before is not None:
            before()
        parts = plan_json_parts(plan, state)
        yield  # written out at the next turn
        return parts

    def _hand_over(self, parts: PlanParts, arguments: Callable[[Path], list[str]]) -> None:
        folder = tempfile.TemporaryDirectory(prefix="workbook-child-")
        try:
            plan_file = write_plan_file(parts, Path(folder.name))
        except OSError as error:
            folder.cleanup()
            self._report_failure(
                f"The plan could not be handed to the {self.noun} ({error.strerror or error} "
                f"in {folder.name}). Free some disk space, then try again."
            )
            return
        self._folder = folder
        self._run(arguments(plan_file))

    def _drop_pending(self) -> bool:
        """Stop a command that has not started yet: True if there was one."""
        if not self._starter.running:
            return False
        self._starter.stop()
        self.cancelled.emit()
        return True

    def _run(self, arguments: list[str]) -> None:
        self._outcome, self._unreadable, self._stopping = None, False, False
        self.stderr_tail = ""
        process = QProcess(self)
        program, lead = self.command()
        process.setProgram(program)
        process.setArguments([*lead, *arguments])
        process.readyReadStandardOutput.connect(self._read_output)
        process.readyReadStandardError.connect(self._read_errors)
        process.finished.connect(self._on_process_finished)
        process.errorOccurred.connect(self._on_process_error)
        self._process = process
        self._show_progress_dialog()
        process.start()

    def _show_progress_dialog(self) -> None:
        dialog = QProgressDialog(self.working_text, "Cancel", 0, PROGRESS_STEPS, self.parent_widget)
        dialog.setWindowTitle(self.title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(0)
        dialog.canceled.connect(self.cancel)
        self.progress_dialog = dialog

    @Slot()
    def cancel(self) -> None:
        """Stop the running command: the child is asked to end, and killed if it has not
        within :data:`STOP_GRACE_MS`; ``cancelled`` is emitted once it has ended."""
        process = self._process
        if self._drop_pending() or process is None or self._stopping:
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

        With nothing running, True at once. Otherwise the user is asked whether to stop
        (:meth:`ask_stop`); on yes the child is stopped and waited for (killed after a
        grace period), so nothing is left running.
        """
        if not self.is_running():
            return True
        if not self.ask_stop(parent):
            return False
        self.stop()
        return True

    def stop(self) -> None:
        """Stop the running command and wait until its child process has ended."""
        process = self._process
        if self._drop_pending() or process is None:
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
            # A modal QProgressDialog runs the event loop inside setValue(), where the child
            # may finish and _end() drop the dialog: keep our own reference until done.
            dialog.setLabelText(message)
            dialog.setValue(int(max(0.0, min(1.0, fraction)) * PROGRESS_STEPS))

    @Slot(int, QProcess.ExitStatus)
    def _on_process_finished(self, code: int, status: QProcess.ExitStatus) -> None:
        if self._process is None:
            return
        self._read_output()
        self._read_errors()
        outcome = self._outcome
        if isinstance(outcome, Done):
            # Done even if Cancel came too late to stop it: the work is complete.
            self._end(lambda: self._on_succeeded(outcome))
        elif self._stopping:
            self._end(self.cancelled.emit)
        elif isinstance(outcome, Failed):
            self._end(lambda: self._report_failure(outcome.message))
        else:
            self._end(lambda: self._report_failure(self._crash_message(code, status)))

    @Slot(QProcess.ProcessError)
    def _on_process_error(self, error: QProcess.ProcessError) -> None:
        if error != QProcess.ProcessError.FailedToStart or self._process is None:
            return  # a crash or a kill is reported when the process has finished
        program = self._process.program()
        reason = self._process.errorString()
        self._end(
            lambda: self._report_failure(
                f"The {self.noun} could not be started ({program} did not run: {reason}). "
                "Reinstall the app, then try again."
            )
        )

    def _crash_message(self, code: int, status: QProcess.ExitStatus) -> str:
        how = (
            "it crashed"
            if status == QProcess.ExitStatus.CrashExit
            else f"it stopped with exit code {code}"
        )
        if self._unreadable:
            how += " and printed something the window could not read"
        return (
            f"{self.could_not}: the {self.noun} process ended before it finished "
            f"({how}).{self.unchanged_note()} Try again; if it keeps happening, please "
            "report it."
        )

    # ------------------------------------------------------------------ the end

    def _end(self, then: Callable[[], object]) -> None:
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


__all__ = ["ChildCommand", "workbook_command", "write_plan_file"]
