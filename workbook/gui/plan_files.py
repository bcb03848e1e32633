"""The window's file flows: new, open, copy, save, save as, reload, close and crash recovery.

:class:`PlanFiles` asks the user (through :mod:`workbook.gui.dialogs`) and then tells the
document's :class:`~workbook.session.PlanSession` what to do; the session does the file
work and keeps the facts (path, fingerprint, lock). The window only shows the result.
It also owns the :class:`~workbook.gui.autosave.Autosaver`, which keeps recovery copies.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu

from workbook.appdirs import recovery_dir
from workbook.gui.collector import before_first_plan
from workbook.gui.privacy import display_path, is_private

if TYPE_CHECKING:
    from workbook.gui.autosave import Autosaver, FileTarget
    from workbook.gui.main_window import MainWindow
    from workbook.locking import PlanLockedError
    from workbook.model import Plan
    from workbook.recovery import RecoveryStore, RestoredCopy
    from workbook.session import LockMode, PlanSession
    from workbook.storage import SaveResult

# The plan model, storage, locking and the session are imported where first used: the
# window opens on the start page, which needs none of them.


def dialogs_module():  # noqa: ANN202 - the workbook.gui.dialogs module
    """:mod:`workbook.gui.dialogs`, loaded when the first question is asked: its dialog
    classes cost 30-60 ms, and the window is on screen without them. Tests replace its
    functions."""
    from workbook.gui import dialogs

    return dialogs


STATUS_SHORT_MS = 3000
STATUS_LONG_MS = 10000


def suggested_file_name(plan: Plan) -> str:
    """A file name from the plan's title or organisation, safe on every system."""
    base = plan.details.title.strip() or plan.details.organisation.strip() or "Social media plan"
    base = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", base)
    base = " ".join(base.split()).strip(" .")[:80] or "Social media plan"
    return f"{base}.json"


class PlanFiles(QObject):
    """Every flow that puts a plan in the window or writes it to a file."""

    def __init__(
        self,
        window: MainWindow,
        *,
        recovery_store: RecoveryStore | None = None,
        session_id: str | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.document = window.document
        self.settings = window.settings
        self._recovery_store = recovery_store
        self._session_id = session_id
        self._autosaver: Autosaver | None = None
        self._autosave_file_paused = False
        self._autosave_backed_up: set[Path] = set()

    @property
    def session(self) -> PlanSession:
        return self.document.session

    def _status(self, message: str, ms: int = STATUS_SHORT_MS) -> None:
        self.window.statusBar().showMessage(message, ms)

    # ------------------------------------------------------------ made on first use

    @property
    def recovery_store(self) -> RecoveryStore:
        if self._recovery_store is None:
            from workbook.recovery import RecoveryStore

            self._recovery_store = RecoveryStore(recovery_dir())
        return self._recovery_store

    @property
    def autosaver(self) -> Autosaver:
        """Keeps recovery copies. Made when first needed, and at the latest when a plan is
        shown, so it is there before the first edit."""
        return self._autosaver or self._make_autosaver()

    def has_autosaver(self) -> bool:
        return self._autosaver is not None

    def _make_autosaver(self) -> Autosaver:
        from workbook.gui.autosave import Autosaver, new_session_id

        self._session_id = self._session_id or new_session_id()
        autosaver = Autosaver(
            self.document,
            self.recovery_store,
            self._session_id,
            self.settings.autosave_seconds * 1000,
            self,
        )
        autosaver.file_target = self._autosave_target
        autosaver.base_fingerprint = lambda: self.session.fingerprint
        autosaver.plan_lock_token = lambda: self.session.lock_token
        autosaver.recovery_written.connect(lambda _path: self._status("Recovery copy written"))
        autosaver.failed.connect(lambda message: self._status(message, STATUS_LONG_MS))
        autosaver.file_saved.connect(self._autosaved_to_file)
        autosaver.file_changed_on_disk.connect(self._autosave_conflict)
        self._autosaver = autosaver
        return autosaver

    # ------------------------------------------------------------ replacing the plan

    def confirm_close_plan(self) -> bool:
        """Ask about unsaved changes; True when the current plan may go."""
        if not self.window.has_plan or not self.document.is_modified:
            return True
        choice = dialogs_module().ask_unsaved_changes(self.window, self.window.display_name())
        if choice == "save":
            return self.save()
        return choice == "discard"

    def install(self, session: PlanSession, *, modified: bool = False) -> None:
        """Show ``session``'s plan (on the page and tab where it was left, with the keyboard
        in its first answer); the previous plan is let go (already confirmed)."""
        from workbook.gui import places

        places.remember(self.window)
        self.autosaver.discard()
        if session is not self.document.session:
            self.document.session.close()
        self._autosave_file_paused = False
        self.document.replace_session(session, modified=modified)
        self.window.show_plan()
        if session.path is not None:
            self._remember(session.path)
            self._status(f"Opened {display_path(session.path)}")

    def consultant(self):  # noqa: ANN201 - a workbook.templates.Consultant
        """Who prepares plans here, from the profile in Preferences."""
        from workbook.templates import Consultant

        return Consultant(self.settings.consultant_name, self.settings.consultant_company)

    def new_plan(self) -> None:
        """A blank plan, "prepared by" the consultant of the profile and dated today."""
        before_first_plan()
        from workbook.gui.widgets import clock
        from workbook.session import PlanSession
        from workbook.templates import blank_plan

        if self.confirm_close_plan():
            self.install(PlanSession(blank_plan(self.consultant(), clock.today())))

    def open_dialog(self) -> None:
        path = dialogs_module().ask_open_path(self.window, self.folder())
        if path is not None:
            self.open_path(path)

    def open_path(self, path: str | Path) -> bool:
        """Open a plan file (asking about unsaved changes and locks). True if it opened."""
        before_first_plan()
        from workbook.gui.windows import bring_forward, window_with_plan
        from workbook.locking import PlanLockedError
        from workbook.session import LockMode, PlanSession
        from workbook.storage import PlanLoadError

        path = Path(path).absolute()
        if self.window.has_plan and self.session.path == path:
            self.window.show_plan(focus=False)
            self.window.activateWindow()
            return True
        elsewhere = window_with_plan(path, other_than=self.window)
        if elsewhere is not None:  # open in another window of this app: show it there
            bring_forward(elsewhere)
            return True
        if not self.confirm_close_plan():
            return False
        mode: LockMode | None = LockMode.ACQUIRE
        while True:
            try:
                session = PlanSession.open(path, mode)
                break
            except PlanLoadError as error:
                dialogs_module().show_error(self.window, "Could not open the plan", str(error))
                return False
            except PlanLockedError as error:
                mode = self._ask_lock_mode(path, error)
                if mode is None:
                    return False
        self.install(session)
        if session.load_warnings:
            dialogs_module().show_load_warnings(self.window, path, list(session.load_warnings))
        return True

    def open_example(self, name: str) -> None:
        """A worked example opens as a new untitled plan; its resource file is never written."""
        before_first_plan()
        from workbook.examples import load_example
        from workbook.session import PlanSession

        if self.confirm_close_plan():
            self.install(PlanSession(load_example(name)))

    def new_from_copy(self) -> None:
        """A new client's plan from a copy of a plan or a worked example: the structure and
        the consultant's own choices, and whatever else the user ticks
        (:func:`workbook.templates.copy_for_new_client`)."""
        before_first_plan()
        from workbook.examples import list_examples, load_example
        from workbook.gui.widgets import clock
        from workbook.session import PlanSession
        from workbook.storage import PlanLoadError, load_plan
        from workbook.templates import DEFAULT_KEPT, CopyPart, copy_for_new_client

        examples = [
            (info.name, info.title or info.organisation or info.name) for info in list_examples()
        ]
        recent = [p.path for p in self.settings.recent_plans if p.is_available()]
        parts = [(part.value, part.label, part in DEFAULT_KEPT) for part in CopyPart]
        source = dialogs_module().ask_copy_source(
            self.window, examples, recent, self.settings.default_folder, parts
        )
        if source is None:
            return
        if source.example is not None:
            original = load_example(source.example)
        else:
            assert source.path is not None
            try:
                original = load_plan(source.path).plan
            except PlanLoadError as error:
                dialogs_module().show_error(self.window, "Could not copy the plan", str(error))
                return
        keep = DEFAULT_KEPT if source.keep is None else {CopyPart(k) for k in source.keep}
        copy = copy_for_new_client(original, keep, self.consultant(), clock.today())
        if self.confirm_close_plan():
            self.install(PlanSession(copy), modified=True)
            self.autosaver.schedule()
            self._status("New plan copied; save it under a new name", STATUS_LONG_MS)

    def close_plan(self) -> bool:
        """Let the plan go (after asking about unsaved changes). True if it went."""
        from workbook.gui import places
        from workbook.session import PlanSession

        if not self.window.has_plan or not self.confirm_close_plan():
            return False
        places.remember(self.window)
        self.autosaver.discard()
        self.session.close()
        self.document.replace_session(PlanSession())
        return True

    def reload_from_disk(self) -> bool:
        """Read the file again. The plan as it was (unsaved changes too) stays in its
        history as a "before a reload" snapshot, so the reloaded plan is "modified" until
        saved when that snapshot is not in the file yet."""
        from workbook.storage import PlanLoadError

        try:
            self.session.reload_keeping_changes(now=self.document.clock())
        except PlanLoadError as error:
            dialogs_module().show_error(self.window, "Could not reload the plan", str(error))
            return False
        self.install(self.session, modified=self.session.has_unsaved_changes)
        return True

    def fill_recent_menu(self, menu: QMenu, on_cleared: Callable[[], None]) -> None:
        """File ▸ Open Recent, filled as it opens (plans whose file is gone are greyed)."""
        menu.clear()
        if is_private():  # a workshop on a projector: no other clients' names
            menu.addAction("Hidden during the workshop").setEnabled(False)
            return
        plans = self.settings.recent_plans
        for number, entry in enumerate(plans[:9], start=1):
            label = " — ".join(x for x in (entry.organisation, entry.path.name) if x)
            action = menu.addAction(f"&{number} {label}")
            action.setEnabled(entry.is_available())
            action.setToolTip(str(entry.path))
            action.triggered.connect(lambda _checked=False, p=entry.path: self.open_path(p))
        if not plans:
            menu.addAction("No recent plans").setEnabled(False)
        menu.addSeparator()
        clear = menu.addAction("&Clear list")
        clear.setEnabled(bool(plans))

        def clear_list() -> None:
            self.settings.clear_recent()
            on_cleared()

        clear.triggered.connect(clear_list)

    # ------------------------------------------------------------ saving

    def folder(self) -> Path:
        """Where Open and Save As start: the plan's folder, else the default folder."""
        path = self.session.path if self.window.has_plan else None
        return path.parent if path else self.settings.default_folder

    def save(self) -> bool:
        """Save to the plan's file (Save As for a new or read-only plan). True if saved."""
        from workbook.storage import PlanChangedOnDiskError, PlanSaveError

        if not self.window.has_plan:
            return False
        if self.session.path is None or self.session.read_only:
            return self.save_as()
        self.autosaver.wait()  # an automatic save in flight updates the fingerprint first
        try:
            result = self.session.save()
        except PlanChangedOnDiskError:
            return self._resolve_conflict()
        except PlanSaveError as error:
            return self._save_failed(str(error))
        self._saved(result)
        return True

    def _resolve_conflict(self) -> bool:
        from workbook.storage import PlanSaveError

        assert self.session.path is not None
        choice = dialogs_module().ask_changed_on_disk(self.window, self.session.path)
        if choice == "overwrite":
            try:
                result = self.session.save(overwrite=True)
            except PlanSaveError as error:
                return self._save_failed(str(error))
            self._saved(result)
            return True
        if choice == "reload":
            self.reload_from_disk()
            return False
        if choice == "save_as":
            return self.save_as()
        return False

    def save_as(self) -> bool:
        from workbook.storage import PlanSaveError

        if not self.window.has_plan:
            return False
        path = self.session.path
        name = path.name if path else suggested_file_name(self.document.plan)
        target = dialogs_module().ask_save_path(self.window, self.folder() / name)
        if target is None:
            return False
        self.autosaver.wait()
        try:
            result = self.session.save_as(target)
        except PlanSaveError as error:
            return self._save_failed(str(error))
        self.document.path_changed()
        self._saved(result)
        return True

    def _save_failed(self, message: str) -> bool:
        """The edits stay in the window (still unsaved); offer to put them elsewhere."""
        if dialogs_module().ask_save_failed(self.window, message) == "save_as":
            return self.save_as()
        self._status("Not saved — your changes are still here", STATUS_LONG_MS)
        return False

    def _saved(self, result: SaveResult) -> None:
        self.document.mark_saved()
        self.autosaver.discard()
        self._autosave_file_paused = False
        self._remember(result.path)
        self.window.update_state()
        if result.warnings:
            self._status("Saved. " + " ".join(result.warnings), STATUS_LONG_MS)
        else:
            self._status(f"Saved {result.path.name}")

    def _remember(self, path: Path) -> None:
        from workbook.gui.settings import RecentPlan

        details = self.document.plan.details
        self.settings.add_recent(RecentPlan(path, details.title, details.organisation))

    # ------------------------------------------------------------ autosave

    def _autosave_target(self) -> FileTarget | None:
        from workbook.gui.autosave import FileTarget

        session = self.session
        if (
            not self.settings.save_to_file_automatically
            or not self.window.has_plan
            or session.path is None
            or session.read_only
            or self._autosave_file_paused
        ):
            return None
        return FileTarget(
            session.path,
            session.fingerprint,
            backups=session.path not in self._autosave_backed_up,
        )

    def _autosaved_to_file(self, result: SaveResult, current: bool) -> None:
        if result.path != self.session.path:
            return  # the plan moved on (Save As, Open) while the save ran
        self.session.saved(result, self.session.generation if current else None)
        self._autosave_backed_up.add(result.path)
        if current:
            self.document.mark_saved()
            self.autosaver.discard()
        self._status(f"Saved {result.path.name} automatically")

    def _autosave_conflict(self) -> None:
        self._autosave_file_paused = True
        self._status(
            "Automatic saving paused: the file was changed elsewhere. Press Save to choose "
            "what to do.",
            STATUS_LONG_MS,
        )

    # ------------------------------------------------------------ crash recovery

    def offer_recovery(self) -> bool:
        """At start-up: name damaged recovery copies (kept aside), then offer the copies of
        sessions that ended without closing. True if one was restored."""
        scan = self.recovery_store.scan()
        if scan.damaged_message():
            dialogs_module().show_info(
                self.window, "Damaged recovery copies", scan.damaged_message()
            )
        # This window's own copies (none before its autosaver, which waits for a plan and
        # takes this session id).
        own = self._session_id
        copies = [c for c in scan.offers if c.session_id != own]
        while copies:
            items = [
                dialogs_module().RecoveryItem(c.title, c.original_path, c.saved_at) for c in copies
            ]
            action, index = dialogs_module().ask_recovery(self.window, items)
            copy = copies[index]
            if action == "keep":
                return False
            if action == "discard":
                self.recovery_store.discard(copy)
                copies.pop(index)
                continue
            before_first_plan()
            from workbook.storage import PlanLoadError

            try:
                restored = self.recovery_store.load(copy)
            except PlanLoadError as error:
                dialogs_module().show_error(self.window, "Could not restore", str(error))
                copies.pop(index)
                continue
            session = self._session_for_restore(restored)
            if session is None or not self.confirm_close_plan():
                if session is not None:
                    session.close()
                return False
            self.install(session, modified=True)
            self.autosaver.write_now()  # our own copy exists before the old one goes
            self.recovery_store.discard(copy)
            if restored.message():
                dialogs_module().show_info(self.window, "Restored with gaps", restored.message())
            self._status(f"Restored “{copy.title}” — save it to keep it", STATUS_LONG_MS)
            return True
        return False

    def _session_for_restore(self, restored: RestoredCopy) -> PlanSession | None:
        """A session for the restored plan, based on the file version the copy was made
        from. The dead session's own lock on the plan is taken over without a question."""
        from workbook.locking import PlanLockedError
        from workbook.session import LockMode, PlanSession

        copy = restored.copy
        mode: LockMode | None = LockMode.ACQUIRE
        while True:
            try:
                return PlanSession.restore(
                    restored.plan, copy.original_path, restored.base_fingerprint, mode
                )
            except PlanLockedError as error:
                assert copy.original_path is not None
                if mode == LockMode.ACQUIRE and copy.left_lock(error.holder):
                    mode = LockMode.TAKE_OVER
                    continue
                mode = self._ask_lock_mode(copy.original_path, error)
                if mode is None:
                    return None

    def _ask_lock_mode(self, path: Path, error: PlanLockedError) -> LockMode | None:
        """Ask what to do with a plan another window or person has open: the mode to try
        again with (read only, or take the lock over), or None when the user cancels."""
        from workbook.session import LockMode

        choice = dialogs_module().ask_locked(
            self.window, path, error.holder.describe(), error.holder.is_stale
        )
        if choice == "cancel":
            return None
        return LockMode.READ_ONLY if choice == "read_only" else LockMode.TAKE_OVER

    # ------------------------------------------------------------ closing the window

    def shut_down(self) -> None:
        """The window closes (unsaved changes already settled): no copy left, lock released."""
        if self._autosaver is not None:
            self._autosaver.close()
        self.session.close()
