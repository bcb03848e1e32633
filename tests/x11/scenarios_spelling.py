"""X11 scenarios for spell-check: Ctrl+F7 from inside a field, and typing through the X
server into fields while the dictionary loads and once it is loaded."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

from tests.x11.scenarios import focused, pump, shown_window, wait_until, xdotool, xdotool_type

__all__ = ["ctrl_f7_switches_spelling", "typing_with_spelling_on"]

TYPED = "Teh quick brown fox jumsp over www.crumb.co.uk, @crumb_bakes and anna@crumbx.com"


def _squiggles(field: Any) -> list[tuple[int, int]]:
    from workbook.gui.spell_highlighter import spellcheck_of

    return spellcheck_of(field).underlined


def ctrl_f7_switches_spelling() -> dict[str, Any]:
    """Ctrl+F7 in a one-line field, twice: off then on; the field keeps the keyboard and
    its text."""
    from workbook.gui.spell_highlighter import spelling_options

    window = shown_window()
    field = window.findChild(QLineEdit, "details.title")
    field.setFocus()
    field.setText("Teh plan")
    loaded = wait_until(lambda: _squiggles(field) == [(0, 3)])
    states = []
    for _ in range(2):
        xdotool(window, "ctrl+F7")
        states.append(
            {
                "enabled": spelling_options().enabled,
                "ticked": window.actions.spell_check.isChecked(),
                "stored": window.settings.spell_check,
                "squiggles": _squiggles(field),
                "focused": focused(),
                "text": field.text(),
            }
        )
    window.document.undo_stack.setClean()
    return {"loaded": loaded, "states": states}


def typing_with_spelling_on() -> dict[str, Any]:
    """Type a sentence with misspellings, a web address, a handle and an e-mail into a
    multi-line field (right after the plan opens: the dictionary loads meanwhile) and
    into a one-line field (once it is loaded); every character lands in its field."""
    window = shown_window()
    long_field = window.findChild(QPlainTextEdit, "details.offering")
    line_field = window.findChild(QLineEdit, "details.location")
    before = {"long": long_field.toPlainText(), "line": line_field.text()}
    long_field.setFocus()
    long_field.moveCursor(long_field.textCursor().MoveOperation.End)
    xdotool_type(window, " " + TYPED)
    long_focus = focused()
    line_field.setFocus()
    line_field.end(False)
    pump(50)
    xdotool_type(window, " " + TYPED)
    line_focus = focused()
    start = len(before["long"]) + 1
    long_done = wait_until(
        lambda: (
            [(start, start + 3), (start + 20, start + 25)]
            == [span for span in _spans(long_field) if span[0] >= start]
        )
    )
    line_start = len(before["line"]) + 1
    line_done = wait_until(
        lambda: (
            [(line_start, line_start + 3), (line_start + 20, line_start + 25)]
            == [span for span in _squiggles(line_field) if span[0] >= line_start]
        )
    )
    window.document.undo_stack.setClean()
    return {
        "long_text": long_field.toPlainText(),
        "line_text": line_field.text(),
        "before": before,
        "plan_long": window.document.plan.details.offering,
        "plan_line": window.document.plan.details.location,
        "focus": [long_focus, line_focus],
        "long_squiggles_right": long_done,
        "line_squiggles_right": line_done,
        "typed": TYPED,
        "active": QApplication.activeWindow() is window,
    }


def _spans(field: QPlainTextEdit) -> list[tuple[int, int]]:
    """The squiggles laid out in a multi-line field, as (start, end) in its text."""
    from PySide6.QtGui import QTextCharFormat

    found = []
    block = field.document().firstBlock()
    while block.isValid():
        for item in block.layout().formats():
            if item.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline:
                start = block.position() + item.start
                found.append((start, start + item.length))
        block = block.next()
    return sorted(found)
