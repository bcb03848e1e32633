"""The main window: the start page, the step list and the stage pages over one plan document.

The window owns one :class:`PlanDocument` for its whole life (New and Open put another
:class:`~workbook.session.PlanSession` inside it) and shows it: layout, navigation, title
and status. The file flows (open, save, recovery) live in
:class:`~workbook.gui.plan_files.PlanFiles`, the window's ``files``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore
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

from workbook import APP_NAME
from workbook.gui.actions import WindowActions
from workbook.gui.document import PlanDocument
from workbook.gui.import_wizard import install_import_action
from workbook.gui.pages import LazyPages, PageId, page_class, page_for_path
from workbook.gui.plan_files import (
    STATUS_LONG_MS,
    STATUS_SHORT_MS,
    PlanFiles,
)
from workbook.gui.search_panel import install_search
from workbook.gui.settings import Settings
from workbook.gui.start_page import StartPage
from workbook.gui.steps import STEPS
from workbook.gui.theme import app_icon, apply_text_scale, next_text_scale

if TYPE_CHECKING:
    from workbook.gui.navigation import StepList
    from workbook.gui.pages import StagePage
    from workbook.recovery import RecoveryStore


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
        self.files = PlanFiles(self, recovery_store=recovery_store, session_id=session_id)
        self.has_plan = False
        self.pages = LazyPages(self._build_page)
        self._export_controller = None
        self.setObjectName("main_window")
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)

        self._build()
        self.actions = WindowActions(self)
        self.recent_menu = self.actions.build_menus(self.menuBar())
        self.recent_menu.aboutToShow.connect(
            lambda: self.files.fill_recent_menu(self.recent_menu, self.start_page.refresh_recent)
        )
        install_import_action(self)  # File ▸ Import listening notes…
        install_search(self)  # Edit ▸ Find in plan…, Find next, Find previous

        doc = self.document
        doc.modified_changed.connect(lambda _modified: self._update_title())
        doc.file_path_changed.connect(lambda _path: self.update_state())
        doc.value_changed.connect(self._value_changed)
        doc.plan_replaced.connect(self._plan_replaced)

        if self.settings.window_geometry is not None:
            self.restoreGeometry(self.settings.window_geometry)
        else:
            self.resize(1200, 800)
        apply_text_scale(QApplication.instance(), self.settings.text_scale)
        self._show_start_page()

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

    def show_plan(self, focus: bool = False) -> None:
        """The document holds the plan to show (opened, new, restored): show its first page."""
        self.has_plan = True
        self.go_to_page(PageId.DETAILS, focus=focus)

    def close_plan(self) -> bool:
        """Close the plan and show the start page (Ctrl+W)."""
        if not self.files.close_plan():
            return False
        self.has_plan = False
        self._show_start_page()
        return True

    def focus_current_page(self) -> None:
        if self.has_plan:
            self._focus_page(self.page_stack.currentWidget())

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
        if session is None:
            self.file_label.setText("")
            self.mode_label.setText("")
            return
        self.file_label.setText(str(session.path) if session.path else "Not saved to a file yet")
        if session.read_only:
            self.mode_label.setText("Read-only: use Save As to keep changes")
        else:
            self.mode_label.setText(session.note)

    def _value_changed(self, path: tuple) -> None:
        if tuple(path) == ("details", "title"):
            self._update_title()

    def _plan_replaced(self) -> None:
        # Whoever replaced the plan (Open, New, restore, or a script), it is now shown.
        self.has_plan = True
        self._show_workspace()

    # ------------------------------------------------------------ export, preferences, view

    def export_pdf(self) -> None:
        """Export PDF (Ctrl+E, or the review page's button), with the profile's branding."""
        if not self.has_plan:
            return
        if self._export_controller is None:
            from workbook.gui.export_controller import ExportController

            self._export_controller = ExportController(self)
            self._export_controller.finished.connect(
                lambda path: self.statusBar().showMessage(f"Exported {path}", STATUS_LONG_MS)
            )
        self._export_controller.export_with_profile(
            self.document.plan, self.document.file_path, self.settings
        )

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
        QTimer.singleShot(0, lambda: self.files.open_path(paths[0]))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self.files.confirm_close_plan():
            event.ignore()
            return
        if (
            self._export_controller is not None
            and not self._export_controller.confirm_stop_for_quit(self)
        ):
            event.ignore()
            return
        self.files.shut_down()
        self.settings.window_geometry = self.saveGeometry()
        self.settings.sync()
        event.accept()
