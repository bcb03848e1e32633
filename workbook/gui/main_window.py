"""The main window: the start page, the step list and the stage pages over one plan document.

The window owns one :class:`PlanDocument` for its whole life (New and Open put another
:class:`~workbook.session.PlanSession` inside it) and shows it: layout, navigation, title
and status. The file flows (open, save, recovery) live in
:class:`~workbook.gui.plan_files.PlanFiles`, the window's ``files``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from workbook import APP_NAME
from workbook.gui import places
from workbook.gui.actions import WindowActions
from workbook.gui.document import PlanDocument
from workbook.gui.import_action import install_import_action
from workbook.gui.pages import LazyPages, PageId, page_class, page_for_path
from workbook.gui.plan_files import PlanFiles
from workbook.gui.privacy import display_path
from workbook.gui.search_panel import install_search
from workbook.gui.settings import Settings
from workbook.gui.start_page import StartPage
from workbook.gui.steps import STEPS
from workbook.gui.theme import app_icon, apply_text_scale, apply_theme
from workbook.gui.window_view import (
    ElidedLabel,
    first_size,
    fit_step_list,
    keep_on_screen,
    scrolling_pages,
)
from workbook.gui.windows import accept_plan_drag, open_dropped_plan
from workbook.gui.workshop_mode import WorkshopMode

if TYPE_CHECKING:
    from workbook.gui.navigation import StepList
    from workbook.gui.pages import StagePage
    from workbook.recovery import RecoveryStore


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
        self.files = PlanFiles(self, recovery_store=recovery_store, session_id=session_id)
        self.has_plan = False
        self.pages = LazyPages(self._build_page)
        self._export_controller = None
        self.setObjectName("main_window")
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)

        self._build()
        self.workshop = WorkshopMode(self)  # F11: full screen on a projector, with the agenda
        self.actions = WindowActions(self)
        self.recent_menu = self.actions.build_menus(self.menuBar())
        self.recent_menu.aboutToShow.connect(
            lambda: self.files.fill_recent_menu(self.recent_menu, self.start_page.refresh_recent)
        )
        imports = install_import_action(self)  # File ▸ Import listening notes…
        self.actions.adopt(imports, *install_search(self).actions)  # Edit ▸ Find in plan…

        doc = self.document
        doc.modified_changed.connect(lambda _modified: self._update_title())
        doc.file_path_changed.connect(lambda _path: self.update_state())
        doc.value_changed.connect(self._value_changed)
        doc.plan_replaced.connect(self._plan_replaced)

        if self.settings.window_geometry is not None:
            self.restoreGeometry(self.settings.window_geometry)
        else:
            self.resize(first_size(self))
        apply_text_scale(QApplication.instance(), self.settings.text_scale)
        apply_theme(QApplication.instance(), self.settings.theme)
        keep_on_screen(self)
        self._show_start_page(refresh=False)  # the start page has just read the recent list

    @property
    def autosaver(self):  # noqa: ANN201 - the Autosaver; made on first use
        return self.files.autosaver

    # ------------------------------------------------------------ layout

    def _build(self) -> None:
        self.central = QStackedWidget()
        self.start_page = StartPage(self.settings)
        files = self.files
        self.start_page.new_requested.connect(files.new_plan)
        self.start_page.open_requested.connect(files.open_dialog)
        self.start_page.copy_requested.connect(files.new_from_copy)
        self.start_page.recent_requested.connect(files.open_path)
        self.start_page.example_requested.connect(files.open_example)

        self._workspace: QSplitter | None = None
        self.central.addWidget(self.start_page)
        self.setCentralWidget(self.central)

        # Elided: a long path or note must never make the window wider than the screen.
        self.file_label = ElidedLabel()
        self.file_label.setObjectName("status_file")
        self.mode_label = ElidedLabel()
        self.mode_label.setObjectName("status_mode")
        self.statusBar().addPermanentWidget(self.mode_label)
        self.statusBar().addPermanentWidget(self.file_label)

    @property
    def workspace(self) -> QSplitter:
        """The step list and the page stack. Built when first needed, not before the start
        page is on screen."""
        return self._workspace or self._build_workspace()

    def has_workspace(self) -> bool:
        return self._workspace is not None

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
        self._step_list.step_chosen.connect(lambda p: self.go_to_page(p, focus=True))
        self._step_list.setVisible(self.settings.step_list_shown)
        native = QKeySequence.SequenceFormat.NativeText
        self._step_list.set_shortcut_hints(
            self.actions.previous_step.shortcut().toString(native),
            self.actions.next_step.shortcut().toString(native),
        )
        self._page_stack = QStackedWidget()
        self._page_stack.setObjectName("page_stack")
        workspace.addWidget(self._step_list)
        workspace.addWidget(scrolling_pages(self._page_stack))
        workspace.setStretchFactor(1, 1)
        wanted = min(self._step_list.sizeHint().width(), max(self.width() // 3, 1))
        workspace.setSizes([wanted, max(self.width() - wanted, 1)])
        self.central.addWidget(workspace)
        self._workspace = workspace
        return workspace

    def _build_page(self, page_id: PageId) -> StagePage:
        """A stage page, built the first time it is shown or asked for (see LazyPages)."""
        page = page_class(page_id)(self.document, self.page_stack)
        self.page_stack.addWidget(page)
        page.navigate_requested.connect(self.navigate_to_path)
        page.export_requested.connect(self.export_pdf)
        from workbook.gui.focus import tidy_tab_chain
        from workbook.gui.read_only import set_read_only

        tidy_tab_chain(page)
        set_read_only(page, self.has_plan and self.document.session.read_only)
        return page

    def _show_start_page(self, refresh: bool = True) -> None:
        if refresh:
            self.start_page.refresh_recent()
        self.central.setCurrentWidget(self.start_page)
        self.start_page.focus_first()
        self.update_state()

    def _show_workspace(self) -> None:
        self.files.autosaver  # noqa: B018 - there before the first edit
        if not self.pages.built():
            self.pages[PageId.DETAILS]  # the stack shows its first page; the others wait
            self.step_list.set_current(PageId.DETAILS)
        self.central.setCurrentWidget(self.workspace)
        self.update_state()

    def show_start_page(self) -> None:
        self._show_start_page()

    def show_plan(self, focus: bool = True) -> None:
        """The document holds the plan to show (opened, new, restored): show the page and
        tab where it was left (the first page for a new plan), the keyboard in its first
        answer."""
        self.has_plan = True
        places.restore(self, focus=focus)

    def close_plan(self) -> bool:
        """Close the plan and show the start page (Ctrl+W)."""
        if not self.files.close_plan():
            return False
        self.has_plan = False
        self._show_start_page()
        return True

    def focus_current_page(self) -> None:
        from workbook.gui.focus import focus_first_field

        if self.has_plan:
            focus_first_field(self.page_stack.currentWidget())

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
            self.focus_current_page()

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
        """F6: the step list (shown again if it was hidden)."""
        if self.has_plan and self.workshop.active:
            self.workshop.focus_bar()  # the agenda bar stands in for the step list
        elif self.has_plan:
            self._show_workspace()
            if not self.step_list.isVisible():
                from workbook.gui.window_view import show_step_list

                show_step_list(self, True)
            self.step_list.list.setFocus(QtCore.Qt.FocusReason.ShortcutFocusReason)

    # ------------------------------------------------------------ state display

    def display_name(self) -> str:
        session = self.document.session
        return self.document.plan.details.title.strip() or session.name

    def _update_title(self) -> None:
        if not self.has_plan:
            self.setWindowTitle(APP_NAME)
            self.setWindowModified(False)
            return
        read_only = " (read-only)" if self.document.session.read_only else ""
        self.setWindowTitle(f"{self.display_name()}{read_only}[*] — {APP_NAME}")
        self.setWindowModified(self.document.is_modified)

    def update_state(self) -> None:
        self._update_title()
        # No plan, no session to ask: the start page shows before the plan model loads.
        session = self.document.session if self.has_plan else None
        self.actions.set_plan_open(session is not None, session is not None and session.read_only)
        self.workshop.plan_shown(session is not None)
        if session is None:
            self.file_label.setText("")
            self.mode_label.setText("")
            return
        self.file_label.setText(
            display_path(session.path) if session.path else "Not saved to a file yet"
        )
        if session.read_only:
            self.mode_label.setText("Read-only: to edit, Save As a copy of your own")
        else:
            self.mode_label.setText(session.note)
        if self.pages.built():
            from workbook.gui.read_only import set_read_only

            for page in self.pages.built().values():
                set_read_only(page, session.read_only)

    def _value_changed(self, path: tuple) -> None:
        if tuple(path) == ("details", "title"):
            self._update_title()

    def _plan_replaced(self) -> None:
        # Whoever replaced the plan (Open, New, restore, or a script), it is now shown.
        self.has_plan = True
        self._show_workspace()

    # ------------------------------------------------------------ export, preferences, view

    @property
    def export_controller(self):  # noqa: ANN201 - the ExportController, made on first use
        if self._export_controller is None:
            from workbook.gui.export_controller import ExportController

            controller = self._export_controller = ExportController(self)
            controller.finished.connect(self._exported)
            controller.about_to_export.connect(self._before_export)
            controller.state_in_steps = self.document.state_in_steps
        return self._export_controller

    def _before_export(self) -> None:
        """Keep the plan as it is exported: an automatic snapshot (none when read-only)."""
        from workbook.model import SnapshotKind

        if self.has_plan and not self.document.session.read_only:
            self.document.take_automatic_snapshot(SnapshotKind.BEFORE_EXPORT)

    def _exported(self, path: Path) -> None:
        from workbook.gui.export_notice import show_export_notice

        show_export_notice(self, path, self.export_controller.last_warnings)

    def export_pdf(self) -> None:
        """Ctrl+E (or the review page's button): the PDF beside the plan with the saved
        branding, in one step (a question only before replacing a PDF)."""
        if self.has_plan:
            doc = self.document
            self.export_controller.quick_export(doc.plan, doc.file_path, self.settings)

    def export_pdf_as(self) -> None:
        """Ctrl+Shift+E: choose where and how, then export."""
        if self.has_plan:
            doc = self.document
            self.export_controller.export_as(doc.plan, doc.file_path, self.settings, False)

    def edit_preferences(self) -> None:
        from workbook.gui.preferences import PreferencesDialog

        if PreferencesDialog.edit(self.settings, self):
            self.apply_settings()

    def apply_settings(self) -> None:
        self.autosaver.set_interval(self.settings.autosave_seconds * 1000)
        apply_text_scale(QApplication.instance(), self.settings.text_scale)
        apply_theme(QApplication.instance(), self.settings.theme)
        keep_on_screen(self)
        fit_step_list(self)

    def quit_app(self) -> None:
        """Close every window of the app (each asks about its own unsaved changes); stop at
        the first one the user keeps open."""
        from workbook.gui.windows import main_windows

        for window in [self, *(w for w in main_windows() if w is not self)]:
            if not window.close():
                return

    # ------------------------------------------------------------ Qt events

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        accept_plan_drag(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        open_dropped_plan(self, event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self.files.confirm_close_plan():
            event.ignore()
            return
        # A PDF or a hand-off bundle still being made: ask before stopping it. (Never run
        # yet, the module is not loaded, and quitting does not load it.)
        running = sys.modules.get("workbook.gui.child_command")
        for command in self.findChildren(running.ChildCommand) if running else ():
            if not command.confirm_stop_for_quit(self):
                event.ignore()
                return
        places.remember(self)
        self.files.shut_down()
        self.workshop.leave()  # the normal geometry and text size are the ones remembered
        self.settings.window_geometry = self.saveGeometry()
        self.settings.sync()
        event.accept()
