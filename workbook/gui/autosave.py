"""Autosave: a recovery copy is written in the background soon after editing, and at least
every few seconds while editing goes on.

The UI thread only takes the plan as JSON (:func:`workbook.model.plan_json_parts`, with
its snapshots' changes left out and its state worked out a piece a turn of the event
loop); a worker thread works out those changes and writes the copy through
:meth:`workbook.recovery.RecoveryStore.write_dumped`, without building a plan (pydantic
holds the interpreter lock while it validates, and the window would wait). Writes are
serialised (one worker thread), and an edit made during a write schedules another. When
the user turned on "save automatically to the file", the same worker also saves the plan
file through :func:`workbook.storage.save_plan`, from a plan built from a second, in-memory
dump.

While it lives, the autosaver holds its session's lease in the recovery folder
(:meth:`RecoveryStore.start_session`), which tells the next start of the app that this
session is still at work and its copy is not to be offered.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from workbook.gui.document import PlanDocument
from workbook.gui.in_steps import InSteps

if TYPE_CHECKING:
    from workbook.recovery import RecoveryStore
    from workbook.storage import SaveResult

MAX_WAIT_MS = 8000
"""Longest time an edit goes without a recovery copy, however steadily the user types:
the pause after the last edit restarts with every key, this wait does not."""


def new_session_id() -> str:
    """An id for this window's editing session (see :func:`workbook.recovery.new_session_id`)."""
    from workbook.recovery import new_session_id as make_id

    return make_id()


def session_is_running(session_id: str, store: RecoveryStore | None = None) -> bool:
    """Whether the session that wrote a recovery copy is still at work (in this process or
    another): it holds its lease in the recovery folder of ``store`` (the default one if
    not given). The process id in the session id plays no part: it may be in use again."""
    from workbook.recovery import RecoveryStore

    return (store or RecoveryStore()).session_is_alive(session_id)


def next_delay_ms(pause_ms: int, max_wait_ms: int, waited_ms: float) -> int:
    """How long to wait before writing, after an edit: the pause, but never past the
    longest wait, counted from the first edit the last copy does not hold."""
    return max(0, int(min(pause_ms, max_wait_ms - waited_ms)))


@dataclass(frozen=True, slots=True)
class FileTarget:
    """Where "save automatically to the file" writes, and what the file should hold now."""

    path: Path
    fingerprint: str | None
    backups: bool


@dataclass(slots=True)
class AutosaveResult:
    generation: int
    """The document's edit generation the snapshot was taken at."""
    recovery_path: Path | None = None
    recovery_error: str = ""
    discarded: bool = False
    target: FileTarget | None = None
    save_result: SaveResult | None = None
    save_error: str = ""
    changed_on_disk: bool = False


class _Job(QRunnable):
    def __init__(
        self, work: Callable[[], AutosaveResult], deliver: Callable[[AutosaveResult], None]
    ) -> None:
        super().__init__()
        self.work, self.deliver = work, deliver

    def run(self) -> None:
        self.deliver(self.work())


class _Bridge(QObject):
    """Lives on the UI thread; a worker emits ``ready`` and the slot runs on the UI thread."""

    ready = Signal()


class Autosaver(QObject):
    """Writes recovery copies (and, if asked, the plan file) after a pause in editing."""

    recovery_written = Signal(object)
    """A recovery copy was written; the argument is its Path."""
    file_saved = Signal(object, bool)
    """The plan file was saved automatically: SaveResult, and whether the document is
    now exactly what was saved."""
    failed = Signal(str)
    """Something could not be written; the argument says what, in words for the user."""
    file_changed_on_disk = Signal()
    """Automatic saving stopped because someone else changed the file."""

    def __init__(
        self,
        document: PlanDocument,
        store: RecoveryStore,
        session_id: str,
        interval_ms: int = 5000,
        parent: QObject | None = None,
        *,
        max_wait_ms: int = MAX_WAIT_MS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.store = store
        self.session_id = session_id
        self.original_path: Callable[[], Path | None] = lambda: document.file_path
        self.file_target: Callable[[], FileTarget | None] = lambda: None
        """Set by the window: where to save the file automatically, or None (off)."""
        self.base_fingerprint: Callable[[], str | None] = lambda: None
        """Set by the window: the fingerprint the plan file had when the document was
        loaded or last saved (for a restored plan: the copy's base), recorded in every
        copy so that Save after a restore notices a file changed meanwhile."""
        self.plan_lock_token: Callable[[], str | None] = lambda: None
        """Set by the window: the token of the plan lock it holds, recorded in every copy
        so that a restore can tell this session's lock from a live one."""
        self._pause_ms = interval_ms
        self._max_wait_ms = max_wait_ms
        self._clock = clock
        self._first_unsaved_edit: float | None = None
        """When the first edit the last snapshot does not hold was made (clock seconds)."""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.start_write)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._bridge = _Bridge(self)
        self._bridge.ready.connect(self._drain)
        self._results: list[AutosaveResult] = []
        self._results_lock = threading.Lock()
        self._busy = False
        self._again = False
        self._stepper = InSteps(self)
        """Works the plan's state out, a piece a turn, before a write."""
        self.written_generation = -1
        """Generation of the last snapshot written as a recovery copy."""
        document.edited.connect(self.schedule)
        document.snapshots_changed.connect(self.schedule)  # the history is plan data
        self._ensure_lease()  # before the first copy, and early: a live session shows at once

    # ------------------------------------------------------------ control

    @property
    def interval_ms(self) -> int:
        """The pause after the last edit before a copy is written."""
        return self._pause_ms

    def set_interval(self, ms: int) -> None:
        self._pause_ms = ms

    @property
    def max_wait_ms(self) -> int:
        """The longest an edit waits for its copy while editing goes on."""
        return self._max_wait_ms

    @property
    def pending(self) -> bool:
        """An edit is waiting for its recovery copy."""
        return self._timer.isActive() or self._busy

    @property
    def scheduled_delay_ms(self) -> int | None:
        """The wait the pending write was scheduled with, or None when none is pending."""
        return self._timer.interval() if self._timer.isActive() else None

    def schedule(self) -> None:
        """Write after the pause; a new edit restarts the pause, but the first edit not yet
        in a copy waits no longer than :attr:`max_wait_ms`."""
        now = self._clock()
        if self._first_unsaved_edit is None:
            self._first_unsaved_edit = now
        waited_ms = (now - self._first_unsaved_edit) * 1000
        delay = next_delay_ms(self._pause_ms, self._max_wait_ms, waited_ms)
        if delay == 0:
            self.start_write()
        else:
            self._timer.start(delay)

    def start_write(self) -> None:
        """Take the plan and write it in the background. For a modified plan whose state
        (:meth:`PlanSession.state`) is not known yet, it is worked out first, a piece a
        turn of the event loop (:meth:`PlanSession.state_in_steps`): in one go it is some
        10 ms for 2,000 notes, most of a frame, just when the user may type again."""
        self._timer.stop()
        if self._busy:
            self._again = True
            return
        self._busy = True
        if self.document.is_modified:
            self._stepper.start(self.document.session.state_in_steps(), self._submit)
        else:
            self._submit()

    def _submit(self, _state: object = None) -> None:
        self._pool.start(_Job(self._prepare(), self._deliver))

    def wait(self) -> None:
        """Block until the background write is finished and its result applied (a plan
        still being taken is taken at once)."""
        self._stepper.finish_now()
        self._pool.waitForDone()
        self._drain()

    def write_now(self) -> Path | None:
        """Write a recovery copy synchronously (before a crash dialog, at shutdown)."""
        self._timer.stop()
        self.wait()
        if not self.document.is_modified:
            return None
        result = self._prepare(include_file=False)()
        self._apply(result)
        return result.recovery_path

    def discard(self) -> None:
        """Remove this session's recovery copy (the plan was saved or the user let it go)."""
        self._timer.stop()
        self.wait()
        self._discard_copies()

    def close(self) -> None:
        """The window closes cleanly: no copy is left behind, the session is over."""
        self.discard()
        self.store.end_session(self.session_id)

    def _ensure_lease(self) -> str:
        """Hold this session's lease (a copy must never exist without it, or another start
        of the app would offer the work of a live window). "" or what went wrong."""
        if self.store.holds_session(self.session_id):
            return ""
        try:
            self.store.start_session(self.session_id)
        except OSError as error:
            return (
                f"The recovery copy could not be written in {store_folder(self.store)}: "
                f"{error.strerror or error}."
            )
        return ""

    # ------------------------------------------------------------ work (any thread)

    def _prepare(self, include_file: bool = True) -> Callable[[], AutosaveResult]:
        """Everything the worker needs, captured on the UI thread."""
        # Imported here, on the UI thread, rather than with the module (which the first
        # window needs before the plan model has loaded) or in the worker.
        from workbook.model import Plan, plan_json_from_parts, plan_json_parts
        from workbook.storage import PlanChangedOnDiskError, PlanFileError, save_plan

        self._first_unsaved_edit = None  # the snapshot holds every edit so far
        generation = self.document.edit_generation
        modified = self.document.is_modified
        # The copy is written from the plan as JSON, taken here without its snapshots'
        # changes (plan_json_parts): the worker works those out and never builds a plan,
        # for pydantic would hold the interpreter lock, and the window wait, for the whole
        # of it. Only saving to the file itself, when chosen, needs a plan.
        document = self.document
        parts = plan_json_parts(document.plan, document.session.state()) if modified else None
        original = self.original_path()
        target = self.file_target() if (include_file and modified) else None
        for_file = self.document.plan.model_dump(round_trip=True) if target else None
        store, session_id = self.store, self.session_id
        lease_error = self._ensure_lease() if modified else ""
        base_fingerprint = self.base_fingerprint() if modified else None
        lock_token = self.plan_lock_token() if modified else None

        def work() -> AutosaveResult:
            result = AutosaveResult(generation)
            if parts is None:
                # Nothing unsaved (an undo back to the saved state): no copy needed.
                try:
                    self._discard_copies()
                    result.discarded = True
                except OSError as error:
                    result.recovery_error = str(error)
                return result
            try:
                if lease_error:
                    result.recovery_error = lease_error
                else:
                    result.recovery_path = store.write_dumped(
                        plan_json_from_parts(*parts),
                        original,
                        session_id,
                        base_fingerprint=base_fingerprint,
                        lock_token=lock_token,
                    )
            except (OSError, ValueError) as error:
                result.recovery_error = (
                    f"The recovery copy could not be written in {store_folder(store)}: "
                    f"{getattr(error, 'strerror', None) or error}."
                )
            if target is not None and for_file is not None:
                result.target = target
                try:
                    result.save_result = save_plan(
                        Plan.model_validate(for_file),
                        target.path,
                        expected_fingerprint=target.fingerprint,
                        backups=target.backups,
                    )
                except PlanChangedOnDiskError as error:
                    result.changed_on_disk = True
                    result.save_error = str(error)
                except (PlanFileError, OSError) as error:
                    result.save_error = str(error)
            return result

        return work

    def _discard_copies(self) -> None:
        self.store.discard_session(self.session_id)

    def _deliver(self, result: AutosaveResult) -> None:
        with self._results_lock:
            self._results.append(result)
        self._bridge.ready.emit()

    # ------------------------------------------------------------ results (UI thread)

    def _drain(self) -> None:
        with self._results_lock:
            results, self._results = self._results, []
        for result in results:
            self._busy = False
            self._apply(result)
        if results and self._again:
            self._again = False
            self.start_write()

    def _apply(self, result: AutosaveResult) -> None:
        if result.recovery_path is not None:
            self.written_generation = max(self.written_generation, result.generation)
            self.recovery_written.emit(result.recovery_path)
        if result.recovery_error:
            self.failed.emit(result.recovery_error)
        if result.save_result is not None:
            current = result.generation == self.document.edit_generation
            self.file_saved.emit(result.save_result, current)
        elif result.changed_on_disk:
            self.file_changed_on_disk.emit()
        elif result.save_error:
            self.failed.emit(result.save_error)


def store_folder(store: RecoveryStore) -> str:
    return str(store.folder)
