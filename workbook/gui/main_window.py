"""The main window: one plan document, the start page, the step list and the stage pages.

The window owns one :class:`PlanDocument` for its whole life (New and Open replace the
plan inside it), one :class:`FileSession` for the file behind it, and the
:class:`Autosaver` that keeps recovery copies. Every question to the user goes through
:mod:`workbook.gui.dialogs`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore  # QtCore.Qt only where it runs after the first paint
from PySide6.QtCore import QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from workbook import APP_NAME, __version__
from workbook.appdirs import recovery_dir
from workbook.gui.actions import WindowActions
from workbook.gui.document import PlanDocument
from workbook.gui.file_session import FileSession, LockMode, plan_copy_for_new
from workbook.gui.pages import LazyPages, PageId, page_class, page_for_path
from workbook.gui.settings import RecentPlan, Settings
from workbook.gui.start_page import StartPage
from workbook.gui.steps import STEPS
from workbook.gui.theme import app_icon, apply_text_scale, next_text_scale

if TYPE_CHECKING:
    from workbook.gui.autosave import Autosaver, FileTarget
    from workbook.gui.navigation import StepList
    from workbook.gui.pages import StagePage
    from workbook.locking import PlanLockedError
    from workbook.model import Plan
    from workbook.recovery import RecoveryStore
    from workbook.storage import SaveResult

# The plan model (pydantic), storage, recovery, locking and autosave are imported where
# first used: the window opens on the start page, which needs none of them, and is on
# screen sooner.
# At start-up the app builds the rest just after the first paint (workbook.gui.app).


def _dialogs():
    """:mod:`workbook.gui.dialogs`, loaded when the first question is asked (its message
    boxes and file dialogs are not needed to show the window). Tests replace its functions."""
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


def plan_file_urls(event: QDropEvent | QDragEnterEvent) -> list[Path]:
    """Local ``.json`` files among the dragged URLs."""
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    return [
        Path(url.toLocalFile())
        for url in mime.urls()
        if url.isLocalFile() and url.toLocalFile().lower().endswith(".json")
    ]


class MainWindow(QMainWindow):
    """The app's window. Construct it with no arguments for the real app; tests inject
    settings, a recovery store or a session id."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        recovery_store: RecoveryStore | None = None,
        session_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings or Settings()
        self.document = PlanDocument(parent=self)
        self.session = FileSession()
        self.has_plan = False
        self.pages = LazyPages(self._build_page)
        self._replacing_for_close = False
        self._autosave_file_paused = False
        self._autosave_backed_up: set[Path] = set()
        self._export_controller = None
        self.setObjectName("main_window")
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)

        self._recovery_store = recovery_store
        self._session_id = session_id
        self._autosaver: Autosaver | None = None

        self._build()
        self.actions = WindowActions(self)
        self.recent_menu = self.actions.build_menus(self.menuBar())
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)

        doc = self.document
        doc.modified_changed.connect(lambda _modified: self._update_title())
        doc.file_path_changed.connect(lambda _path: self._update_title())
        doc.value_changed.connect(self._value_changed)
        doc.plan_replaced.connect(self._plan_replaced)

        if self.settings.window_geometry is not None:
            self.restoreGeometry(self.settings.window_geometry)
        else:
            self.resize(1200, 800)
        apply_text_scale(QApplication.instance(), self.settings.text_scale)
        self._show_start_page()

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
        autosaver.recovery_written.connect(
            lambda _path: self.statusBar().showMessage("Recovery copy written", STATUS_SHORT_MS)
        )
        autosaver.failed.connect(
            lambda message: self.statusBar().showMessage(message, STATUS_LONG_MS)
        )
        autosaver.file_saved.connect(self._autosaved_to_file)
        autosaver.file_changed_on_disk.connect(self._autosave_conflict)
        self._autosaver = autosaver
        return autosaver

    # ------------------------------------------------------------ layout

    def _build(self) -> None:
        self.central = QStackedWidget()
        self.start_page = StartPage(self.settings)
        self.start_page.new_requested.connect(self.new_plan)
        self.start_page.open_requested.connect(self.open_dialog)
        self.start_page.copy_requested.connect(self.new_from_copy)
        self.start_page.recent_requested.connect(self.open_path)
        self.start_page.example_requested.connect(self.open_example)

        self._workspace: QSplitter | None = None
        self.central.addWidget(self.start_page)
        self.setCentralWidget(self.central)

        self.file_label = QLabel()
        self.file_label.setObjectName("status_file")
        self.file_label.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.mode_label = QLabel()
        self.mode_label.setObjectName("status_mode")
        self.statusBar().addPermanentWidget(self.mode_label)
        self.statusBar().addPermanentWidget(self.file_label)

    @property
    def workspace(self) -> QSplitter:
        """The step list and the page stack. Built when first needed, not before the start
        page is on screen."""
        return self._workspace or self._build_workspace()

    @property
    def step_list(self) -> StepList:
        if self._workspace is None:
            self._build_workspace()
        return self._step_list

    @property
    def page_stack(self) -> QStackedWidget:
        if self._workspace is None:
            self._build_workspace()
        return self._page_stack

    def _build_workspace(self) -> QSplitter:
        from workbook.gui.navigation import StepList

        workspace = QSplitter(QtCore.Qt.Orientation.Horizontal)
        workspace.setObjectName("workspace")
        workspace.setChildrenCollapsible(False)
        self._step_list = StepList(self.document)
        self._step_list.step_selected.connect(self.go_to_page)
        native = QKeySequence.SequenceFormat.NativeText
        self._step_list.set_shortcut_hints(
            self.actions.previous_step.shortcut().toString(native),
            self.actions.next_step.shortcut().toString(native),
        )
        self._page_stack = QStackedWidget()
        self._page_stack.setObjectName("page_stack")
        workspace.addWidget(self._step_list)
        workspace.addWidget(self._page_stack)
        workspace.setStretchFactor(1, 1)
        workspace.setSizes([280, 920])
        self.central.addWidget(workspace)
        self._workspace = workspace
        return workspace

    def _build_page(self, page_id: PageId) -> StagePage:
        """A stage page, built the first time it is shown or asked for (see LazyPages)."""
        page = page_class(page_id)(self.document, self.page_stack)
        self.page_stack.addWidget(page)
        page.navigate_requested.connect(self.navigate_to_path)
        page.export_requested.connect(self.export_pdf)
        return page

    def _show_start_page(self) -> None:
        self.start_page.refresh_recent()
        self.central.setCurrentWidget(self.start_page)
        self.start_page.focus_first()
        self._update_state()

    def _show_workspace(self) -> None:
        if self._autosaver is None:
            self._make_autosaver()
        if not self.pages.built():
            self.pages[PageId.DETAILS]  # the stack shows its first page; the others wait
            self.step_list.set_current(PageId.DETAILS)
        self.central.setCurrentWidget(self.workspace)
        self._update_state()

    def show_start_page(self) -> None:
        self._show_start_page()

    # ------------------------------------------------------------ navigation

    def current_page(self) -> PageId:
        return self.step_list.current()

    def go_to_page(self, page_id: PageId, focus: bool = False) -> None:
        if not self.has_plan:
            return
        self._show_workspace()
        page = self.pages[PageId(page_id)]
        self.page_stack.setCurrentWidget(page)
        self.step_list.set_current(PageId(page_id))
        if focus:
            self._focus_page(page)

    def go_relative(self, step: int, focus: bool = False) -> None:
        order = [s[0] for s in STEPS]
        index = order.index(self.current_page()) + step
        if 0 <= index < len(order):
            self.go_to_page(order[index], focus=focus)

    def navigate_to_path(self, path: tuple) -> None:
        """A page asked to show a field (review checklist, readiness link)."""
        page_id = page_for_path(tuple(path))
        self.go_to_page(page_id)
        self.pages[page_id].focus_path(tuple(path))

    def focus_step_list(self) -> None:
        if self.has_plan:
            self._show_workspace()
            self.step_list.list.setFocus(QtCore.Qt.FocusReason.ShortcutFocusReason)

    @staticmethod
    def _focus_page(page: QWidget) -> None:
        """Put the keyboard in the first field of ``page``."""
        widget = page.nextInFocusChain()
        while widget is not None and widget is not page:
            if (
                page.isAncestorOf(widget)
                and widget.isVisible()
                and widget.isEnabled()
                and widget.focusPolicy() & QtCore.Qt.FocusPolicy.TabFocus
            ):
                widget.setFocus(QtCore.Qt.FocusReason.ShortcutFocusReason)
                return
            widget = widget.nextInFocusChain()

    # ------------------------------------------------------------ state display

    def display_name(self) -> str:
        title = self.document.plan.details.title.strip()
        if title:
            return title
        return self.session.path.name if self.session.path else "Untitled plan"

    def _update_title(self) -> None:
        if not self.has_plan:
            self.setWindowTitle(APP_NAME)
            self.setWindowModified(False)
            return
        read_only = " (read-only)" if self.session.read_only else ""
        self.setWindowTitle(f"{self.display_name()}{read_only}[*] — {APP_NAME}")
        self.setWindowModified(self.document.is_modified)

    def _update_state(self) -> None:
        self._update_title()
        self.actions.set_plan_open(self.has_plan, self.session.read_only)
        if not self.has_plan:
            self.file_label.setText("")
            self.mode_label.setText("")
            return
        self.file_label.setText(
            str(self.session.path) if self.session.path else "Not saved to a file yet"
        )
        if self.session.read_only:
            self.mode_label.setText("Read-only: use Save As to keep changes")
        else:
            self.mode_label.setText(self.session.note)

    def _value_changed(self, path: tuple) -> None:
        if tuple(path) == ("details", "title"):
            self._update_title()

    def _plan_replaced(self) -> None:
        if self._replacing_for_close:
            return
        # Whoever replaced the plan (Open, New, restore, or a script), it is now shown.
        self.has_plan = True
        self._show_workspace()

    # ------------------------------------------------------------ replacing the plan

    def confirm_close_plan(self) -> bool:
        """Ask about unsaved changes; True when the current plan may go."""
        if not self.has_plan or not self.document.is_modified:
            return True
        choice = _dialogs().ask_unsaved_changes(self, self.display_name())
        if choice == "save":
            return self.save()
        return choice == "discard"

    def _install(self, session: FileSession, plan: Plan, *, modified: bool = False) -> None:
        """Show ``plan`` from ``session``; the previous plan is let go (already confirmed)."""
        self.autosaver.discard()
        if session is not self.session:
            self.session.close()
        self.session = session
        self._autosave_file_paused = False
        self.document.replace_plan(plan, session.path, modified=modified)
        self.go_to_page(PageId.DETAILS)
        self._update_state()
        if session.path is not None:
            self._remember(session.path)
            self.statusBar().showMessage(f"Opened {session.path}", STATUS_SHORT_MS)

    def new_plan(self) -> None:
        from workbook.model import Plan

        if self.confirm_close_plan():
            self._install(FileSession(), Plan())
            self._focus_page(self.pages[PageId.DETAILS])

    def open_dialog(self) -> None:
        folder = self.session.path.parent if self.session.path else self.settings.default_folder
        path = _dialogs().ask_open_path(self, folder)
        if path is not None:
            self.open_path(path)

    def open_path(self, path: str | Path) -> bool:
        """Open a plan file (asking about unsaved changes and locks). True if it opened."""
        from workbook.locking import PlanLockedError
        from workbook.storage import PlanLoadError

        path = Path(path).absolute()
        if self.has_plan and self.session.path == path:
            self._show_workspace()
            self.activateWindow()
            return True
        if not self.confirm_close_plan():
            return False
        mode = LockMode.ACQUIRE
        while True:
            try:
                session, loaded = FileSession.open(path, mode)
                break
            except PlanLoadError as error:
                _dialogs().show_error(self, "Could not open the plan", str(error))
                return False
            except PlanLockedError as error:
                mode = self._ask_lock_mode(path, error)
                if mode is None:
                    return False
        self._install(session, loaded.plan)
        if loaded.warnings:
            _dialogs().show_load_warnings(self, path, loaded.warnings)
        return True

    def open_example(self, name: str) -> None:
        """A worked example opens as a new untitled plan; its resource file is never written."""
        from workbook.examples import load_example

        if self.confirm_close_plan():
            self._install(FileSession(), load_example(name))

    def new_from_copy(self) -> None:
        from workbook.examples import list_examples, load_example
        from workbook.storage import PlanLoadError, load_plan

        examples = [
            (info.name, info.title or info.organisation or info.name) for info in list_examples()
        ]
        recent = [p.path for p in self.settings.recent_plans if p.path.is_file()]
        source = _dialogs().ask_copy_source(self, examples, recent, self.settings.default_folder)
        if source is None:
            return
        if source.example is not None:
            original = load_example(source.example)
        else:
            assert source.path is not None
            try:
                original = load_plan(source.path).plan
            except PlanLoadError as error:
                _dialogs().show_error(self, "Could not copy the plan", str(error))
                return
        if self.confirm_close_plan():
            self._install(FileSession(), plan_copy_for_new(original), modified=True)
            self.autosaver.schedule()
            self.statusBar().showMessage(
                "New plan copied; save it under a new name", STATUS_LONG_MS
            )

    def close_plan(self) -> bool:
        """Close the plan and show the start page (Ctrl+W)."""
        from workbook.model import Plan

        if not self.has_plan or not self.confirm_close_plan():
            return False
        self.autosaver.discard()
        self.session.close()
        self.session = FileSession()
        self.has_plan = False
        self._replacing_for_close = True
        try:
            self.document.replace_plan(Plan())
        finally:
            self._replacing_for_close = False
        self._show_start_page()
        return True

    def reload_from_disk(self) -> bool:
        from workbook.storage import PlanLoadError

        try:
            loaded = self.session.reload()
        except PlanLoadError as error:
            _dialogs().show_error(self, "Could not reload the plan", str(error))
            return False
        self._install(self.session, loaded.plan)
        return True

    # ------------------------------------------------------------ saving

    def save(self) -> bool:
        """Save to the plan's file (Save As for a new or read-only plan). True if saved."""
        from workbook.storage import PlanChangedOnDiskError, PlanSaveError

        if not self.has_plan:
            return False
        if self.session.path is None or self.session.read_only:
            return self.save_as()
        self.autosaver.wait()  # an automatic save in flight updates the fingerprint first
        try:
            result = self.session.save(self.document.plan)
        except PlanChangedOnDiskError:
            return self._resolve_conflict()
        except PlanSaveError as error:
            return self._save_failed(str(error))
        self._saved(result)
        return True

    def _resolve_conflict(self) -> bool:
        from workbook.storage import PlanSaveError

        assert self.session.path is not None
        choice = _dialogs().ask_changed_on_disk(self, self.session.path)
        if choice == "overwrite":
            try:
                result = self.session.save(self.document.plan, overwrite=True)
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

        if not self.has_plan:
            return False
        folder = self.session.path.parent if self.session.path else self.settings.default_folder
        name = (
            self.session.path.name if self.session.path else suggested_file_name(self.document.plan)
        )
        path = _dialogs().ask_save_path(self, folder / name)
        if path is None:
            return False
        self.autosaver.wait()
        try:
            result = self.session.save_as(self.document.plan, path)
        except PlanSaveError as error:
            return self._save_failed(str(error))
        self._saved(result)
        return True

    def _save_failed(self, message: str) -> bool:
        """The edits stay in the window (still unsaved); offer to put them elsewhere."""
        if _dialogs().ask_save_failed(self, message) == "save_as":
            return self.save_as()
        self.statusBar().showMessage("Not saved — your changes are still here", STATUS_LONG_MS)
        return False

    def _saved(self, result: SaveResult) -> None:
        self.document.mark_saved(result.path)
        self.autosaver.discard()
        self._autosave_file_paused = False
        self._remember(result.path)
        self._update_state()
        if result.warnings:
            self.statusBar().showMessage("Saved. " + " ".join(result.warnings), STATUS_LONG_MS)
        else:
            self.statusBar().showMessage(f"Saved {result.path.name}", STATUS_SHORT_MS)

    def _remember(self, path: Path) -> None:
        details = self.document.plan.details
        self.settings.add_recent(RecentPlan(path, details.title, details.organisation))

    # ------------------------------------------------------------ autosave

    def _autosave_target(self) -> FileTarget | None:
        from workbook.gui.autosave import FileTarget

        path = self.session.path
        if (
            not self.settings.save_to_file_automatically
            or not self.has_plan
            or path is None
            or self.session.read_only
            or self._autosave_file_paused
        ):
            return None
        return FileTarget(
            path, self.session.fingerprint, backups=path not in self._autosave_backed_up
        )

    def _autosaved_to_file(self, result: SaveResult, current: bool) -> None:
        if result.path != self.session.path:
            return  # the plan moved on (Save As, Open) while the save ran
        self.session.fingerprint = result.fingerprint
        self._autosave_backed_up.add(result.path)
        if current:
            self.document.mark_saved()
            self.autosaver.discard()
        self.statusBar().showMessage(f"Saved {result.path.name} automatically", STATUS_SHORT_MS)

    def _autosave_conflict(self) -> None:
        self._autosave_file_paused = True
        self.statusBar().showMessage(
            "Automatic saving paused: the file was changed elsewhere. Press Save to choose "
            "what to do.",
            STATUS_LONG_MS,
        )

    def offer_recovery(self) -> bool:
        """After a crash: offer the recovery copies of sessions that did not close.
        True if one was restored."""
        from workbook.gui.autosave import session_is_running
        from workbook.storage import PlanLoadError

        copies = [
            c
            for c in self.recovery_store.list()
            if c.session_id != self.autosaver.session_id and not session_is_running(c.session_id)
        ]
        while copies:
            items = [_dialogs().RecoveryItem(c.title, c.original_path, c.saved_at) for c in copies]
            action, index = _dialogs().ask_recovery(self, items)
            copy = copies[index]
            if action == "keep":
                return False
            if action == "discard":
                self.recovery_store.discard(copy)
                copies.pop(index)
                continue
            try:
                plan = self.recovery_store.load(copy)
            except PlanLoadError as error:
                _dialogs().show_error(self, "Could not restore", str(error))
                copies.pop(index)
                continue
            session = self._session_for_restore(copy.original_path)
            if session is None or not self.confirm_close_plan():
                return False
            self._install(session, plan, modified=True)
            self.autosaver.write_now()  # our own copy exists before the old one goes
            self.recovery_store.discard(copy)
            self.statusBar().showMessage(
                f"Restored “{copy.title}” — save it to keep it", STATUS_LONG_MS
            )
            return True
        return False

    def _session_for_restore(self, original: Path | None) -> FileSession | None:
        from workbook.locking import PlanLockedError

        if original is None:
            return FileSession()
        mode = LockMode.ACQUIRE
        while True:
            try:
                return FileSession.adopt(original, mode)
            except PlanLockedError as error:
                mode = self._ask_lock_mode(original, error)
                if mode is None:
                    return None

    def _ask_lock_mode(self, path: Path, error: PlanLockedError) -> LockMode | None:
        """Ask what to do with a plan another window or person has open: the mode to try
        again with (read only, or take the lock over), or None when the user cancels."""
        choice = _dialogs().ask_locked(self, path, error.holder.describe(), error.holder.is_stale)
        if choice == "cancel":
            return None
        return LockMode.READ_ONLY if choice == "read_only" else LockMode.TAKE_OVER

    # ------------------------------------------------------------ export, preferences, view

    def export_pdf(self) -> None:
        """Export PDF (Ctrl+E, or the review page's button), with the profile's branding."""
        if not self.has_plan:
            return
        try:
            from workbook.export import ExportOptions, default_pdf_path
            from workbook.gui.export_controller import ExportController
        except ImportError as error:
            _dialogs().show_error(
                self,
                "Export is not available",
                f"This copy of the app cannot make PDFs ({error}). "
                "Reinstall the app to get it back.",
            )
            return
        s = self.settings
        defaults = ExportOptions(
            logo=s.logo_path,
            accent=s.accent,
            consultant_name=s.consultant_name,
            consultant_company=s.consultant_company,
        )
        if self._export_controller is None:
            self._export_controller = ExportController(self)
            self._export_controller.finished.connect(
                lambda path: self.statusBar().showMessage(f"Exported {path}", STATUS_LONG_MS)
            )
        options = self._export_controller.ask_export_options(defaults)
        if options is None:
            return
        if self.session.path is not None:
            suggested = default_pdf_path(self.session.path)
        else:
            name = Path(suggested_file_name(self.document.plan)).with_suffix(".pdf").name
            suggested = s.default_folder / name
        target = _dialogs().ask_pdf_path(self, suggested)
        if target is not None:
            self._export_controller.export(self.document.plan, target, options)

    def edit_preferences(self) -> None:
        from workbook.gui.preferences import PreferencesDialog

        if PreferencesDialog.edit(self.settings, self):
            self.apply_settings()

    def apply_settings(self) -> None:
        self.autosaver.set_interval(self.settings.autosave_seconds * 1000)
        apply_text_scale(QApplication.instance(), self.settings.text_scale)

    def change_text_size(self, step: int) -> None:
        self.settings.text_scale = next_text_scale(self.settings.text_scale, step)
        apply_text_scale(QApplication.instance(), self.settings.text_scale)
        self.statusBar().showMessage(f"Text size {self.settings.text_scale}%", STATUS_SHORT_MS)

    def reset_text_size(self) -> None:
        self.settings.text_scale = 100
        apply_text_scale(QApplication.instance(), 100)

    def show_shortcuts(self) -> None:
        lines = []
        for action in self.actions.all_actions():
            keys = ", ".join(
                k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
            )
            if keys:
                lines.append(f"{action.text().replace('&', '')}: {keys}")
        _dialogs().show_info(self, "Keyboard shortcuts", "\n".join(sorted(set(lines))))

    def show_about(self) -> None:
        _dialogs().show_info(
            self,
            f"About {APP_NAME}",
            f"{APP_NAME} {__version__}\n\nOrganise, listen, plan with the 7 P's, then engage: "
            "a workbook for social media strategies that create value. Your plans stay on "
            "this computer; nothing is sent anywhere.",
        )

    def _fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        plans = self.settings.recent_plans
        for number, entry in enumerate(plans[:9], start=1):
            label = " — ".join(x for x in (entry.organisation, entry.path.name) if x)
            action = menu.addAction(f"&{number} {label}")
            action.setEnabled(entry.path.is_file())
            action.setToolTip(str(entry.path))
            action.triggered.connect(lambda _checked=False, p=entry.path: self.open_path(p))
        if not plans:
            menu.addAction("No recent plans").setEnabled(False)
        menu.addSeparator()
        clear = menu.addAction("&Clear list")
        clear.setEnabled(bool(plans))
        clear.triggered.connect(self._clear_recent)

    def _clear_recent(self) -> None:
        self.settings.clear_recent()
        self.start_page.refresh_recent()

    def quit_app(self) -> None:
        """Close every window of the app (each asks about its own unsaved changes); stop at
        the first one the user keeps open."""
        others = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w is not self and w.isVisible()
        ]
        for window in [self, *others]:
            if not window.close():
                return

    # ------------------------------------------------------------ Qt events

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if plan_file_urls(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths = plan_file_urls(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        # Open after the drop returns: some platforms dislike modal dialogs inside a drop.
        QTimer.singleShot(0, lambda: self.open_path(paths[0]))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self.confirm_close_plan():
            event.ignore()
            return
        if self._autosaver is not None:
            self._autosaver.close()
        self.session.close()
        self.settings.window_geometry = self.saveGeometry()
        self.settings.sync()
        event.accept()
