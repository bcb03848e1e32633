"""File ▸ Import listening notes… in the menu: the action alone, so that the window shows
without loading the import dialog (its widgets' classes cost about 4 ms before the first
paint, callgrind); :mod:`workbook.gui.import_wizard` loads when the action is chosen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from workbook.gui.main_window import MainWindow

IMPORT_KEY = "Ctrl+Shift+I"


def _import_notes(window: MainWindow) -> None:
    from workbook.gui.import_wizard import import_notes

    import_notes(window)


def install_import_action(window: MainWindow) -> QAction:
    """Add File ▸ Import listening notes… after Export PDF; on while a plan is open."""
    action = QAction("&Import listening notes…", window)
    action.setObjectName("import_notes_action")
    action.setShortcut(QKeySequence(IMPORT_KEY))
    action.setToolTip(
        "Add listening notes from a CSV, TSV, Excel or OpenDocument file "
        f"({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
    )
    action.triggered.connect(lambda _checked=False: _import_notes(window))
    export = getattr(window.actions, "export_as", window.actions.export)  # after the exports
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is not None and export in menu.actions():
            following = menu.actions()[menu.actions().index(export) + 1 :]
            if following:
                menu.insertAction(following[0], action)
            else:
                menu.addAction(action)
            break
    window.addAction(action)
    window.actions.plan_actions.append(action)
    action.setEnabled(window.has_plan)
    return action
