"""The keyboard-only walk: a consultant starts a new client's plan from a copy, fills a
field on every page, adds a listening note and a playbook row, and exports the PDF,
without touching the mouse. Every key that is not text is counted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from tests.x11.scenarios import Keyboard, focused, pump, shown_window, wait_until


def keyboard_walk() -> dict[str, Any]:
    from workbook.gui.pages import PageId

    (Path.home() / "Documents").mkdir(exist_ok=True)  # where an unsaved plan's PDF goes
    window = shown_window(example=None)
    window.settings.consultant_name = "Sam Rivers"
    keys = Keyboard()
    steps: list[dict[str, Any]] = []

    def step(name: str) -> None:
        steps.append({"step": name, "focus": focused(), "keys so far": len(keys.command_keys)})

    # A new client's plan from a copy of the first worked example.
    keys.answer_dialog("Return")
    keys.press("Ctrl+Shift+N")
    pump(100)
    step("copied")
    keys.type("Harbour Physio plan")  # the keyboard is in the plan's title
    step("details")

    keys.press("Ctrl+2")  # the presence inventory: the platforms came along
    keys.type("@harbourphysio")  # typing opens the current cell (its handle)
    keys.press("Return")
    step("management")

    keys.press("Ctrl+3")
    keys.type("Hear what runners and office workers ask about aches")
    keys.press("Ctrl+PgDown")  # the notes tab
    keys.press("Insert")  # a new note, dated today, its "what was said" open
    keys.type("Asked whether we treat running injuries at weekends")
    keys.press("Ctrl+Return")
    step("listening")

    keys.press("Ctrl+4")
    keys.type("Help people in Harbour move without pain")
    step("planning")

    keys.press("Ctrl+5")  # the playbook
    keys.press("Insert")  # a new situation, its response open
    keys.type("Thank them, answer in the thread, offer a call")
    keys.press("Ctrl+Return")
    step("engagement")

    keys.press("Ctrl+E")
    controller = window.export_controller
    done = wait_until(lambda: not controller.is_running(), seconds=60)
    pump(200)
    plan = window.document.plan
    notes = plan.listening.notes
    pdf = Path.home() / "Documents" / "Harbour Physio plan.pdf"
    return {
        "keys": keys.command_keys,
        "count": len(keys.command_keys),
        "steps": steps,
        "title": plan.details.title,
        "prepared by": plan.details.prepared_by,
        "handle": plan.management.presence[0].handle if plan.management.presence else "",
        "intent": plan.listening.intent,
        "notes": [n.said for n in notes],
        "planning": plan.planning.intent,
        "playbook": [e.response for e in plan.engagement.playbook],
        "export finished": done,
        "pdf": pdf.is_file() and pdf.read_bytes().startswith(b"%PDF"),
        "dialogs left": QApplication.activeModalWidget() is not None,
        "page": window.current_page() is PageId.ENGAGEMENT,
    }
