"""The start page: new plan, open, recent plans, worked examples, and new plan from a copy."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbook import APP_NAME
from workbook.gui.first_paint import after_first_paint
from workbook.gui.icons import icon
from workbook.gui.settings import RecentPlan, Settings
from workbook.gui.theme import muted_text

_PATH_ROLE = Qt.ItemDataRole.UserRole
_MISSING_ROLE = Qt.ItemDataRole.UserRole + 1


def describe_modified(path: Path) -> str | None:
    """When ``path`` was last changed, or None if it is gone."""
    try:
        stamp = path.stat().st_mtime
    except OSError:
        return None
    return time.strftime("%d %b %Y %H:%M", time.localtime(stamp))


class _RecentList(QTreeWidget):
    """The recent plans; Delete or Backspace removes the selected one from the list."""

    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)


class StartPage(QWidget):
    """Shown when no plan is open. Emits what the user asked for; the window does it."""

    new_requested = Signal()
    open_requested = Signal()
    copy_requested = Signal()
    recent_requested = Signal(object)
    """Open a recent plan; the argument is its Path."""
    example_requested = Signal(str)
    """Open a worked example (as an untitled plan); the argument is its name."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("start_page")
        self._examples_loaded = False
        self._examples_pending = False

        outer = QHBoxLayout(self)
        outer.setContentsMargins(32, 24, 32, 24)
        content = QWidget()
        content.setMaximumWidth(1100)
        outer.addStretch(1)
        outer.addWidget(content, 20)
        outer.addStretch(1)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(APP_NAME)
        self.heading.setObjectName("start_heading")
        self._style_heading()
        intro = QLabel(
            "Build your social media strategy in four stages: get your accounts and people "
            "organised, listen to what your market values, plan with the 7 P's, and only "
            "then engage. Your plan is a file on this computer; export it as a PDF when "
            "you are ready."
        )
        intro.setWordWrap(True)
        intro.setObjectName("start_intro")
        column.addWidget(self.heading)
        column.addWidget(intro)
        column.addSpacing(12)

        body = QHBoxLayout()
        body.setSpacing(24)
        column.addLayout(body, 1)

        actions = QVBoxLayout()
        self.new_button = self._button(
            "&New plan", QKeySequence.StandardKey.New, "new", "Start an empty plan."
        )
        self.open_button = self._button(
            "&Open plan…",
            QKeySequence.StandardKey.Open,
            "open",
            "Open a plan file from your computer.",
        )
        self.copy_button = self._button(
            "New plan from a &copy…",
            None,
            "copy",
            "Start from an existing plan or a worked example.",
        )
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.copy_button.clicked.connect(self.copy_requested)
        for button in (self.new_button, self.open_button, self.copy_button):
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            actions.addWidget(button)
        actions.addStretch()
        body.addLayout(actions)

        lists = QVBoxLayout()
        body.addLayout(lists, 1)
        recent_label = QLabel("&Recent plans")
        examples_label = QLabel("&Worked examples")
        recent_label.setObjectName("recent_heading")
        self.recent = _RecentList()
        self.recent.setObjectName("recent_plans")
        self.recent.setAccessibleName("Recent plans")
        self.recent.setAccessibleDescription(
            "Press Enter to open the selected plan, Delete to remove it from the list."
        )
        self.recent.setHeaderLabels(["Plan", "File", "Last changed"])
        self.recent.setRootIsDecorated(False)
        # Room around each entry: easier to aim at on a projector or a touchpad.
        self.recent.setStyleSheet("QTreeView::item { padding: 4px 2px; }")
        self.recent.setUniformRowHeights(True)
        self.recent.setAllColumnsShowFocus(True)
        self.recent.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.recent.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        recent_label.setBuddy(self.recent)
        self.recent.itemActivated.connect(self._recent_activated)
        self.recent.delete_pressed.connect(self.remove_selected_recent)
        self.empty_recent = QLabel("Plans you open or save will be listed here.")
        self.empty_recent.setObjectName("recent_empty")
        self.empty_recent.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_recent.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty_recent.setFrameShape(QFrame.Shape.StyledPanel)
        self.recent_stack = QStackedWidget()
        self.recent_stack.addWidget(self.recent)
        self.recent_stack.addWidget(self.empty_recent)
        recent_buttons = QHBoxLayout()
        self.open_recent_button = QPushButton("Op&en selected")
        self.open_recent_button.clicked.connect(self._open_selected)
        self.remove_recent_button = QPushButton("Re&move from list")
        self.remove_recent_button.setAccessibleDescription(
            "Forget the selected plan here; the file itself is not touched."
        )
        self.remove_recent_button.clicked.connect(self.remove_selected_recent)
        recent_buttons.addWidget(self.open_recent_button)
        recent_buttons.addWidget(self.remove_recent_button)
        recent_buttons.addStretch()
        for label in (recent_label, examples_label):
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        lists.addWidget(recent_label)
        lists.addWidget(self.recent_stack, 3)
        lists.addLayout(recent_buttons)
        self._recent_widgets = (
            recent_label,
            self.recent_stack,
            self.open_recent_button,
            self.remove_recent_button,
        )
        lists.addSpacing(12)

        self.examples = QListWidget()
        self.examples.setObjectName("worked_examples")
        self.examples.setAccessibleName("Worked examples")
        self.examples.setAccessibleDescription(
            "Finished plans to learn from. They open as new, untitled plans."
        )
        self.examples.setWordWrap(True)
        self.examples.setStyleSheet("QListView::item { padding: 4px 2px; }")
        examples_label.setBuddy(self.examples)
        self.examples.itemActivated.connect(
            lambda item: self.example_requested.emit(item.data(_PATH_ROLE))
        )
        self.open_example_button = QPushButton("Open e&xample")
        self.open_example_button.setObjectName("open_example")
        self.open_example_button.setToolTip(
            "Open the selected worked example as a new, untitled plan (Enter in the list)"
        )
        self.open_example_button.clicked.connect(self._open_selected_example)
        self.examples.currentItemChanged.connect(lambda *_: self._update_buttons())
        lists.addWidget(examples_label)
        lists.addWidget(self.examples, 2)
        example_buttons = QHBoxLayout()
        example_buttons.addWidget(self.open_example_button)
        example_buttons.addStretch()
        lists.addLayout(example_buttons)

        self.recent.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.refresh_recent()

    def _button(
        self, text: str, key: QKeySequence.StandardKey | None, icon_name: str, description: str
    ) -> QPushButton:
        button = QPushButton(icon(icon_name), text)
        button.setAccessibleDescription(description)
        tip = description
        if key is not None:
            shortcut = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
            tip += f" ({shortcut})"
        button.setToolTip(tip)
        button.setMinimumHeight(button.sizeHint().height() * 3 // 2)
        return button

    # ------------------------------------------------------------ content

    def _style_heading(self) -> None:
        # Relative to the current font, so the heading follows the text size setting.
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.heading.setFont(font)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "heading"):
            self._style_heading()
        elif event.type() == QEvent.Type.PaletteChange and hasattr(self, "recent"):
            self.refresh_recent()  # greyed entries take their colour from the palette

    def showEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._examples_loaded and not self._examples_pending:
            # Reading the examples loads the plan model (a quarter of a second on a slow
            # laptop): do it once the window is on screen.
            self._examples_pending = True
            after_first_paint(self, self.load_examples)

    def load_examples(self) -> None:
        from workbook.examples import list_examples

        self._examples_loaded = True
        self.examples.clear()
        for info in list_examples():
            title = info.title or info.organisation or info.name
            item = QListWidgetItem(f"{title}\n{info.description}", self.examples)
            item.setData(_PATH_ROLE, info.name)
            item.setToolTip(f"Open “{title}” as a new untitled plan")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{title}. {info.description}")
        self._update_buttons()

    def refresh_recent(self) -> None:
        """Re-read the recent list (missing files are shown greyed, not dropped)."""
        self.recent.clear()
        muted = muted_text(self.palette())
        for entry in self.settings.recent_plans:
            self._add_recent_item(entry, muted)
        has_any = self.recent.topLevelItemCount() > 0
        self.recent_stack.setCurrentWidget(self.recent if has_any else self.empty_recent)
        if has_any:
            self.recent.setCurrentItem(self.recent.topLevelItem(0))
        self._update_buttons()

    def _add_recent_item(self, entry: RecentPlan, muted) -> None:
        modified = describe_modified(entry.path)
        missing = modified is None
        name = " — ".join(x for x in (entry.organisation, entry.title) if x) or entry.path.stem
        item = QTreeWidgetItem(
            self.recent, [name, entry.path.name, "file not found" if missing else modified]
        )
        item.setData(0, _PATH_ROLE, entry.path)
        item.setData(0, _MISSING_ROLE, missing)
        item.setToolTip(0, str(entry.path))
        item.setToolTip(1, str(entry.path))
        what = f"{name}, {entry.path.name}, " + (
            "the file is missing" if missing else f"last changed {modified}"
        )
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole, what)
        if missing:
            for column in range(3):
                item.setForeground(column, muted)

    def selected_recent(self) -> Path | None:
        item = self.recent.currentItem()
        return item.data(0, _PATH_ROLE) if item is not None else None

    def remove_selected_recent(self) -> None:
        path = self.selected_recent()
        if path is not None:
            row = self.recent.indexOfTopLevelItem(self.recent.currentItem())
            self.settings.remove_recent(path)
            self.refresh_recent()
            if self.recent.topLevelItemCount():
                self.recent.setCurrentItem(
                    self.recent.topLevelItem(min(row, self.recent.topLevelItemCount() - 1))
                )
                self.recent.setFocus()

    def _open_selected(self) -> None:
        path = self.selected_recent()
        if path is not None:
            self.recent_requested.emit(path)

    def _recent_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.recent_requested.emit(item.data(0, _PATH_ROLE))

    def _open_selected_example(self) -> None:
        item = self.examples.currentItem()
        if item is not None:
            self.example_requested.emit(item.data(_PATH_ROLE))

    def _update_buttons(self) -> None:
        selected = self.recent.currentItem() is not None
        self.open_recent_button.setEnabled(selected)
        self.remove_recent_button.setEnabled(selected)
        if hasattr(self, "open_example_button"):
            self.open_example_button.setEnabled(self.examples.currentItem() is not None)

    def set_private(self, private: bool) -> None:
        """Hide the recent plans (other clients' names) while a workshop is on a projector."""
        for widget in self._recent_widgets:
            widget.setVisible(not private)

    def is_private(self) -> bool:
        return self.recent_stack.isHidden()

    def focus_first(self) -> None:
        """Where the keyboard starts: the recent list if there is one, else New plan."""
        if self.recent.topLevelItemCount() and not self.is_private():
            self.recent.setFocus()
        else:
            self.new_button.setFocus()
