"""The main window's actions (with their shortcuts) and menus."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

from workbook.gui import page_commands, window_view, windows
from workbook.gui.first_paint import after_first_paint
from workbook.gui.icons import icon
from workbook.gui.shortcuts import reserve_shortcuts
from workbook.gui.steps import STEPS

if TYPE_CHECKING:
    from workbook.gui.main_window import MainWindow


def plain_text(label: str) -> str:
    """A menu label as words: mnemonic markers dropped, a doubled "&&" shown as "&"."""
    return "&".join(part.replace("&", "") for part in label.split("&&"))


def _snapshots():  # noqa: ANN202 - the workbook.gui.snapshots_view module
    """Snapshots and compare, loaded when first used (the window opens without them)."""
    from workbook.gui import snapshots_view

    return snapshots_view


def _help_menu():  # noqa: ANN202 - the workbook.gui.help_menu module
    """The Help menu's windows, loaded when one is first opened: their dialog classes cost
    some 45 ms, and the window is on screen without them."""
    from workbook.gui import help_menu

    return help_menu


def _show_action_plan(window: MainWindow) -> None:
    """The action plan, loaded when first asked for: it reads the plan model, which the
    first window is shown without."""
    from workbook.gui.action_plan_view import show_action_plan

    show_action_plan(window)


def _spelling():  # noqa: ANN202 - the workbook.gui.spell_highlighter module
    """The spell-checker, loaded after the first paint: no field needs it before."""
    from workbook.gui import spell_highlighter

    return spell_highlighter


def _captures():  # noqa: ANN202 - the workbook.gui.capture_popup module
    """The workshop's capture bars, loaded when first opened."""
    from workbook.gui import capture_popup

    return capture_popup


def _handoff():  # noqa: ANN202 - the workbook.gui.handoff_controller module
    from workbook.gui import handoff_controller

    return handoff_controller


Key = QKeySequence.StandardKey


def _keys(*keys: Key | str) -> list[QKeySequence]:
    """Shortcuts in order of preference; standard keys with no binding on this platform
    (e.g. Preferences on Linux) are skipped."""
    result: list[QKeySequence] = []
    for key in keys:
        if isinstance(key, str):
            result.append(QKeySequence(key))
        else:
            result.extend(QKeySequence.keyBindings(key))
    unique: dict[str, QKeySequence] = {}
    for k in result:
        if not k.isEmpty():
            unique.setdefault(k.toString(), k)
    return list(unique.values())


def menu_text(title: str) -> str:
    """``title`` for a menu item: a "&" in it is shown, not taken as a mnemonic marker."""
    return title.replace("&", "&&")


class WindowActions:
    """Creates every action of the main window and the menu bar that shows them.

    Each action shows its shortcut in its menu, so every command can be learnt from
    the menus and reached from the keyboard. The shortcuts win over the key bindings of
    text fields (:mod:`workbook.gui.shortcuts`): Ctrl+E exports even from a one-line field.
    """

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        w = window
        self.new = self._action("&New plan", w.files.new_plan, _keys(Key.New), "new")
        self.new_from_copy = self._action(
            "New plan from a &copy…", w.files.new_from_copy, _keys("Ctrl+Shift+N"), "copy"
        )
        self.open = self._action("&Open…", w.files.open_dialog, _keys(Key.Open), "open")
        self.open_new_window = self._action(
            "Open in New &Window…",
            lambda: windows.open_in_new_window(w),
            _keys("Ctrl+Shift+O"),
        )
        self.start_page = self._action(
            "S&tart page", w.show_start_page, _keys("Ctrl+Shift+H"), "home"
        )
        self.save = self._action("&Save", w.files.save, _keys(Key.Save), "save")
        self.save_as = self._action("Save &As…", w.files.save_as, _keys(Key.SaveAs, "Ctrl+Shift+S"))
        self.export = self._action("&Export PDF", w.export_pdf, _keys("Ctrl+E"), "export")
        self.export_as = self._action("Export PDF &As…", w.export_pdf_as, _keys("Ctrl+Shift+E"))
        self.take_snapshot = self._action(
            "Take &snapshot…", lambda: _snapshots().take_snapshot(w), _keys("Ctrl+Alt+S")
        )
        self.compare_snapshots = self._action(
            "Snapshots and &compare…",
            lambda: _snapshots().show_snapshots(w),
            _keys("Ctrl+Shift+D"),
        )
        self.write_handoff = self._action(
            "Write &hand-off bundle…",
            lambda: _handoff().write_handoff_bundle(w),
            _keys("Ctrl+Shift+B"),
        )
        self.close = self._action("&Close plan", w.close_plan, _keys(Key.Close, "Ctrl+W"))
        self.quit = self._action("&Quit", w.quit_app, _keys(Key.Quit, "Ctrl+Q"))

        stack = w.document.undo_stack
        self.undo = stack.createUndoAction(w, "&Undo")
        self.undo.setShortcuts(_keys(Key.Undo))
        self.redo = stack.createRedoAction(w, "&Redo")
        self.redo.setShortcuts(_keys(Key.Redo))
        w.addAction(self.undo)
        w.addAction(self.redo)
        self.add_row = self._action(
            "Add a &row", lambda: page_commands.add_row(w), [QKeySequence("Insert")], "add"
        )
        self.search_notes = self._action(
            "Search the &notes", lambda: page_commands.search_notes(w), _keys("Ctrl+F")
        )
        # Workshop captures: from any page, field or table, without leaving it.
        self.park_idea = self._action(
            "Par&k an idea…", lambda: _captures().park_idea(w), _keys("Ctrl+Shift+P")
        )
        self.capture_action = self._action(
            "Note an a&greed action…", lambda: _captures().capture_action(w), _keys("Ctrl+Shift+A")
        )
        self.preferences = self._action(
            "&Preferences…", w.edit_preferences, _keys(Key.Preferences, "Ctrl+,")
        )
        self.spell_check = self._action(
            "Check spe&lling as you type",
            lambda: w.statusBar().showMessage(
                _spelling().switch_spelling(w.settings, self.spell_check.isChecked()), 5000
            ),
            _keys("Ctrl+F7"),
        )
        self.spell_check.setCheckable(True)
        self.spell_check.setChecked(w.settings.spell_check)
        # The spell-checker's module loads after the first paint (no field needs it before;
        # a zero timer would fire before it); a field made sooner follows the stored switch
        # as soon as it is applied.
        after_first_paint(
            w, lambda: _spelling().follow_spelling_settings(w.settings, self.spell_check)
        )

        self.larger_text = self._action(
            "&Larger text",
            lambda: window_view.change_text_size(w, +1),
            _keys(Key.ZoomIn, "Ctrl+="),
        )
        self.smaller_text = self._action(
            "&Smaller text", lambda: window_view.change_text_size(w, -1), _keys(Key.ZoomOut)
        )
        self.normal_text = self._action(
            "&Normal text and window size", lambda: window_view.reset_text_size(w), _keys("Ctrl+0")
        )
        self.toggle_step_list = self._action(
            "Show the step &list",
            lambda: window_view.show_step_list(w, self.toggle_step_list.isChecked()),
            _keys("Ctrl+B"),
        )
        self.toggle_step_list.setCheckable(True)
        self.toggle_step_list.setChecked(w.settings.step_list_shown)
        self.workshop_mode = self._action(
            "&Workshop mode", lambda: w.workshop.toggle(), _keys("F11")
        )
        self.workshop_mode.setCheckable(True)
        self.workshop_pause = self._action(
            "&Pause or resume the timer",
            lambda: w.workshop.toggle_pause(),
            _keys("Ctrl+Alt+Space"),
        )
        self.workshop_extend = self._action(
            "Five &more minutes for this stage", lambda: w.workshop.extend(), _keys("Ctrl+Alt+Up")
        )
        self.workshop_pause.setEnabled(False)
        self.workshop_extend.setEnabled(False)

        self.go_to: dict[object, QAction] = {}
        for number, (page_id, title, _stage) in enumerate(STEPS, start=1):
            action = self._action(
                f"&{number} {menu_text(title)}",
                lambda _checked=False, p=page_id: w.go_to_page(p, focus=True),
                _keys(f"Ctrl+{number}"),
            )
            self.go_to[page_id] = action
        # Alt+arrows like a browser's back and forward. Ctrl+PgUp/PgDn stay with the
        # tab bars inside the pages, which use them to switch tabs.
        self.next_step = self._action(
            "Ne&xt step", lambda: w.go_relative(+1, focus=True), _keys("Alt+Right"), "next"
        )
        self.previous_step = self._action(
            "&Previous step", lambda: w.go_relative(-1, focus=True), _keys("Alt+Left"), "previous"
        )
        self.step_list = self._action("Go to the &step list", w.focus_step_list, _keys("F6"))
        self.go_to_table = self._action(
            "Go to this page's &table", lambda: page_commands.go_to_table(w), _keys("Ctrl+T")
        )
        self.action_plan = self._action(
            "&Action plan", lambda: _show_action_plan(w), _keys("Ctrl+Shift+L")
        )
        # The window's, so they work from inside a text field too (a field would keep them).
        self.next_tab = self._action(
            "Next &tab on the page",
            lambda: page_commands.switch_tab(w, +1),
            _keys(Key.NextChild, "Ctrl+PgDown"),
        )
        self.previous_tab = self._action(
            "Previous tab on the page",
            lambda: page_commands.switch_tab(w, -1),
            _keys("Ctrl+PgUp"),
        )

        self.getting_started = self._action(
            "&Getting started", lambda: _help_menu().show_getting_started(w), _keys("Shift+F1")
        )
        self.shortcuts = self._action(
            "&Keyboard shortcuts",
            lambda: _help_menu().show_shortcuts(w, self),
            _keys(Key.HelpContents, "F1"),
        )
        self.about_method = self._action(
            "About the &method", lambda: _help_menu().show_about_method(w), []
        )
        self.about = self._action("&About", lambda: _help_menu().show_about(w), [])

        self.plan_actions = [
            self.save,
            self.save_as,
            self.export,
            self.export_as,
            self.take_snapshot,
            self.compare_snapshots,
            self.close,
            *self.go_to.values(),
            self.next_step,
            self.previous_step,
            self.step_list,
            self.go_to_table,
            self.action_plan,
            self.next_tab,
            self.previous_tab,
            self.add_row,
            self.search_notes,
            self.park_idea,
            self.capture_action,
            self.write_handoff,
        ]
        """Actions that need an open plan."""
        self.adopted: list[QAction] = []
        self.reserved_keys = reserve_shortcuts(w, self.all_actions())

    def _action(
        self, text: str, slot: Callable, shortcuts: list[QKeySequence], icon_name: str | None = None
    ) -> QAction:
        action = QAction(text, self.window)
        if icon_name is not None:
            action.setIcon(icon(icon_name))
        action.setShortcuts(shortcuts)
        if shortcuts:
            shown = shortcuts[0].toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{plain_text(text).rstrip('…')} ({shown})")
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)  # shortcuts work even when the menu bar is hidden
        return action

    def build_menus(self, bar: QMenuBar) -> QMenu:
        """Fill the menu bar; returns the Open Recent submenu (filled when it opens)."""
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.new, self.new_from_copy, self.open, self.open_new_window])
        recent = file_menu.addMenu("Open &Recent")
        recent.setObjectName("recent_menu")
        file_menu.addAction(self.start_page)
        file_menu.addSeparator()
        file_menu.addActions([self.save, self.save_as, self.export, self.export_as])
        history = file_menu.addMenu("&History")
        history.setObjectName("history_menu")
        history.addActions([self.take_snapshot, self.compare_snapshots])
        file_menu.addAction(self.write_handoff)
        file_menu.addSeparator()
        file_menu.addActions([self.close, self.quit])

        edit_menu = bar.addMenu("&Edit")
        edit_menu.addActions([self.undo, self.redo])
        edit_menu.addSeparator()
        edit_menu.addActions([self.add_row, self.search_notes])
        edit_menu.addSeparator()
        edit_menu.addActions([self.park_idea, self.capture_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.spell_check, self.preferences])

        view_menu = bar.addMenu("&View")
        view_menu.addActions([self.larger_text, self.smaller_text, self.normal_text])
        view_menu.addSeparator()
        view_menu.addAction(self.toggle_step_list)
        view_menu.addSeparator()
        view_menu.addActions([self.workshop_mode, self.workshop_pause, self.workshop_extend])

        go_menu = bar.addMenu("&Go")
        go_menu.addActions(list(self.go_to.values()))
        go_menu.addSeparator()
        go_menu.addActions([self.previous_step, self.next_step, self.step_list])
        go_menu.addSeparator()
        go_menu.addActions([self.previous_tab, self.next_tab, self.go_to_table])
        go_menu.addSeparator()
        go_menu.addAction(self.action_plan)

        help_bar = bar.addMenu("&Help")
        help_bar.addActions([self.getting_started, self.shortcuts, self.about_method, self.about])
        return recent

    def all_actions(self) -> list[QAction]:
        return [
            *(a for a in vars(self).values() if isinstance(a, QAction)),
            *self.go_to.values(),
            *self.adopted,
        ]

    def adopt(self, *actions: QAction) -> None:
        """Count ``actions``, made by other modules (import, find in plan), among the
        window's: their keys then win in text fields too, like every other command's."""
        self.adopted.extend(actions)
        self.reserved_keys = reserve_shortcuts(self.window, self.all_actions())

    def set_plan_open(self, is_open: bool, read_only: bool) -> None:
        for action in self.plan_actions:
            action.setEnabled(is_open)
        self.workshop_mode.setEnabled(is_open or self.window.workshop.active)
        self.save.setEnabled(is_open and not read_only)
        self.add_row.setEnabled(is_open and not read_only)
        self.take_snapshot.setEnabled(is_open and not read_only)
        self.park_idea.setEnabled(is_open and not read_only)
        self.capture_action.setEnabled(is_open and not read_only)
