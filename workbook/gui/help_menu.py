"""The Help menu's windows: Getting started, the keyboard shortcuts, About the method and
About."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from workbook import APP_NAME, __version__
from workbook.gui.actions import plain_text
from workbook.gui.plan_files import dialogs_module

if TYPE_CHECKING:
    from workbook.gui.actions import WindowActions

Section = tuple[str, list[tuple[str, str]]]
"""A heading and its (what, keys) lines."""

TABLE_KEYS: list[tuple[str, str]] = [
    ("Add a row (from the table, or from any field of its page)", "Insert"),
    ("Edit the cell", "type, or F2"),
    ("Next cell, previous cell while editing", "Tab, Shift+Tab"),
    ("Finish a long cell; put back what was there", "Ctrl+Enter; Esc"),
    ("Delete the selected rows (with Undo at hand)", "Del"),
    ("Move the row up, down", "Alt+↑, Alt+↓"),
    ("Tick or untick a yes/no cell", "Space"),
]
DATE_KEYS: list[tuple[str, str]] = [
    ("Type a date", "12/03/2026, 2026-03-12, 12 Mar 2026"),
    ("Open the calendar", "Alt+↓"),
    ("Today", "Ctrl+; (T in the calendar)"),
    ("Clear the date", "Ctrl+Del"),
]
FIELD_KEYS: list[tuple[str, str]] = [
    ("Next answer, previous answer", "Tab, Shift+Tab"),
    ("Insert the worked example's answer into a field", "F4"),
]
WORKSHOP_KEYS: list[tuple[str, str]] = [
    ("In workshop mode: the agenda bar (stages, timer, End workshop)", "F6, then Tab"),
    ("In the capture bar: keep what was typed; leave it", "Enter; Esc"),
]
STEP_LIST_KEYS: list[tuple[str, str]] = [
    ("In the step list: choose a step, open it", "↑ ↓, then Enter"),
]
COMPARE_KEYS: list[tuple[str, str]] = [
    ("In Snapshots and compare: next change, previous change", "F8, Shift+F8"),
    ("Undo a restore from a snapshot", "Ctrl+Z"),
]


def _typeable(sequence: QKeySequence) -> bool:
    """Keys on every keyboard: not the dedicated Save, Open or Help keys some have."""
    return sequence.count() == 1 and sequence[0].key().value < Qt.Key.Key_Help.value


def _keys(action: QAction) -> str:
    native = QKeySequence.SequenceFormat.NativeText
    return ", ".join(k.toString(native) for k in action.shortcuts() if _typeable(k))


def _lines(
    actions: list[QAction], names: dict[QAction, str] | None = None
) -> list[tuple[str, str]]:
    names = names or {}
    return [
        (names.get(a) or plain_text(a.text()).rstrip("…"), _keys(a)) for a in actions if _keys(a)
    ]


def _added_actions(actions: WindowActions) -> tuple[list[QAction], list[QAction]]:
    """The commands other modules add to the window: (File's import, Edit's find in plan)."""
    from workbook.gui.search_panel import PlanSearch

    window = actions.window
    imports = window.findChildren(QAction, "import_notes_action")
    search = window.findChild(PlanSearch)
    return imports, list(search.actions) if search is not None else []


def shortcut_sections(actions: WindowActions) -> list[Section]:
    """Every key of the app, grouped as a newcomer looks for them. Undo and Redo are named
    plainly (their menu text names the last edit)."""
    a = actions
    imports, finds = _added_actions(a)
    return [
        (
            "Plans and files",
            _lines(
                [a.new, a.new_from_copy, a.open, a.open_new_window, a.start_page, a.save]
                + [a.save_as, a.export, a.export_as, *imports, a.close, a.quit]
            ),
        ),
        (
            "Snapshots and compare",
            _lines([a.take_snapshot, a.compare_snapshots]) + COMPARE_KEYS,
        ),
        (
            "Moving around",
            _lines([*a.go_to.values(), a.previous_step, a.next_step, a.step_list])
            + _lines([a.next_tab, a.previous_tab, a.go_to_table, a.action_plan])
            + STEP_LIST_KEYS,
        ),
        (
            "Editing",
            _lines(
                [a.undo, a.redo, a.search_notes, *finds, a.add_row, a.spell_check]
                + [a.preferences],
                {a.undo: "Undo", a.redo: "Redo"},
            )
            + FIELD_KEYS,
        ),
        ("In a table", TABLE_KEYS),
        ("In a date", DATE_KEYS),
        (
            "Workshop",
            _lines([a.workshop_mode, a.workshop_pause, a.workshop_extend])
            + _lines([a.park_idea, a.capture_action, a.write_handoff])
            + WORKSHOP_KEYS,
        ),
        (
            "View and help",
            _lines([a.larger_text, a.smaller_text, a.normal_text, a.toggle_step_list, a.shortcuts]),
        ),
    ]


def shortcut_lines(actions: WindowActions) -> list[str]:
    """The sections as plain lines ("Save: Ctrl+S"), for reading aloud and for tests."""
    lines = []
    for heading, entries in shortcut_sections(actions):
        lines.append(f"{heading}:")
        lines.extend(f"  {what}: {keys}" for what, keys in entries)
    return lines


def show_shortcuts(parent: QWidget, actions: WindowActions) -> None:
    dialogs_module().show_shortcuts(parent, "Keyboard shortcuts", shortcut_sections(actions))


GETTING_STARTED_TITLE = "Getting started"


def getting_started_html() -> str:
    """The Getting started page: the four stages, how to move, how to export."""
    return f"""
<h2>Getting started with {APP_NAME}</h2>
<p>This workbook helps you build a social media plan that gives people something of value
before it asks anything of them. You work through four stages, in order if you can, but
you may jump between them whenever the conversation moves on.</p>
<h3>The four stages</h3>
<ol>
<li><b>Management &amp; Administration</b>: list the accounts you have and who looks after
them, who may post, answer and approve, and the rules you keep. Write down where logins
are kept, never the passwords themselves.</li>
<li><b>Listening &amp; Learning</b>: before saying anything, listen. Note where your
customers talk, what they say and what they want, then sum up what you learnt.</li>
<li><b>Thinking &amp; Planning</b>: decide the 7 P's (purpose, people, places, process,
platform, practices, participate), give each an owner, and share each decision with
everyone in the organisation.</li>
<li><b>Engagement</b>: only then take part: how you answer each kind of message, what you
will do and how often, and how you will know the relationships are growing (the four
A's: attention, attraction, affinity, audience).</li>
</ol>
<p><b>Plan details</b> comes first (who the plan is for), and <b>Review &amp; export</b>
last (what is still missing, and the PDF).</p>
<h3>Moving around</h3>
<ul>
<li>The step list on the left shows every stage and how complete it is; click a step,
or press Ctrl+1 to Ctrl+6. Alt+Right and Alt+Left go to the next and previous step.</li>
<li>Tab goes from answer to answer. Ctrl+T goes to the page's table; in a table, Insert
adds a row and Tab moves from cell to cell. Ctrl+F searches the listening notes.</li>
<li>Every question has a line of help and a greyed example; F4 puts the worked example's
answer into the field for you to change.</li>
<li>Ctrl+B hides the step list, and Ctrl++ makes the text larger, for a projector.</li>
</ul>
<h3>Saving and exporting</h3>
<ul>
<li>Ctrl+S saves the plan as a file on this computer. A recovery copy is kept while you
type, so nothing is lost if the computer stops.</li>
<li>Ctrl+E exports the PDF strategy document beside the plan, with your name, logo and
colour from Edit ▸ Preferences. Ctrl+Shift+E asks where to put it and what to include.</li>
</ul>
<p>F1 lists every keyboard shortcut.</p>
"""


def show_getting_started(parent: QWidget) -> None:
    dialogs_module().show_document(parent, GETTING_STARTED_TITLE, getting_started_html())


def show_about(parent: QWidget) -> None:
    dialogs_module().show_info(
        parent,
        f"About {APP_NAME}",
        f"{APP_NAME} {__version__}\n\nOrganise, listen, plan with the 7 P's, then engage: "
        "a workbook for social media strategies that create value. Your plans stay on "
        "this computer; nothing is sent anywhere.",
    )


def _escape(text: str) -> str:
    return html.escape(text, quote=False)  # text, not attributes: apostrophes stay as typed


def about_method_html() -> str:
    """The "About the method" page: the app's own words on where the method comes from."""
    from workbook.about import ABOUT_THE_METHOD, ABOUT_TITLE, SOURCES, SOURCES_NOTE

    parts = [f"<h2>{_escape(ABOUT_TITLE)}</h2>"]
    parts += [f"<p>{_escape(paragraph)}</p>" for paragraph in ABOUT_THE_METHOD]
    parts.append("<h3>Sources</h3><ul>")
    for source in SOURCES:
        parts.append(
            f"<li><b>{_escape(source.author)}</b>, <i>{_escape(source.title)}</i>: "
            f"{_escape(source.what_we_took)}</li>"
        )
    parts.append(f"</ul><p>{_escape(SOURCES_NOTE)}</p>")
    return "".join(parts)


def show_about_method(parent: QWidget) -> QDialog:
    """Help ▸ About the method: a window to read beside the plan (not modal)."""
    from workbook.about import ABOUT_TITLE

    dialog = QDialog(parent)
    dialog.setObjectName("about_method")
    dialog.setWindowTitle(ABOUT_TITLE)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    text = QTextBrowser(dialog)
    text.setObjectName("about_method_text")
    text.setAccessibleName(ABOUT_TITLE)
    text.setOpenLinks(False)
    text.setHtml(about_method_html())
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(text, 1)
    layout.addWidget(buttons)
    metrics = dialog.fontMetrics()
    dialog.resize(metrics.averageCharWidth() * 80, metrics.lineSpacing() * 34)
    dialog.show()
    return dialog
