"""Typing with spell-check on, in the real window with the 2,000-note plan open:
``python -m tests.benchmarks.spelling`` (offscreen unless QT_QPA_PLATFORM says otherwise).

The editor is the selected note's "What was said" field, holding about 2,000 characters
with misspellings; spell-check is attached to it as the window would. Each key is timed
from the key press to the end of the work it posted (the repaint included), with spell-check
on and, shown beside it, off (in turns, in the same run); the target is one frame (16 ms)
at the 95th percentile. The check of the whole field after a pause, and suggestions for one word
(when the context menu opens), are shown beside it, and how late a 60 Hz timer on the UI
thread comes while the dictionary loads on its worker thread (read in small pieces), against
the same load done as one ``json.loads`` (pyspellchecker's own way). ``python -m
tests.benchmarks --only spelling`` runs it in a child process with the other sections.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.report import Result, markdown_table, median, notes

FRAME_S = 0.016
KEYS = 90
ROUNDS = 3
FIELD_TEXT = (
    "We asked at the counter and online, and the anwser was the same: people want to know "
    "what is in the bread before they buy it. Several parents mentioned allergys, and one "
    "said the labels were to small to read. Visit www.crumb.example or mail hello@crumb.example. "
)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _type(app, editor, keys: int) -> list[float]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    times = []
    for index in range(keys):
        key = Qt.Key.Key_Space if index % 6 == 5 else Qt.Key.Key_E
        start = time.perf_counter()
        QTest.keyClick(editor, key)
        app.processEvents()
        times.append(time.perf_counter() - start)
    return times


def _said_editor(window):
    from workbook.gui.pages import PageId
    from workbook.gui.widgets.fields import TextField

    window.go_to_page(PageId.LISTENING)
    page = window.pages[PageId.LISTENING]
    page.tab_widget.setCurrentIndex(1)
    first = window.document.plan.listening.notes[0].id
    page.notes_panel.table.select_row(first)
    editors = [
        field
        for field in page.notes_panel.detail.findChildren(TextField)
        if field.binding.path is not None and field.binding.path[-1] == "said"
    ]
    return editors[0]


def _latest_frame_until(app, done) -> float:
    """How late a 60 Hz timer on the UI thread came at worst until ``done()``."""
    from tests.benchmarks.child import FrameClock

    clock = FrameClock()
    clock.start()
    while not done():
        app.processEvents()
        time.sleep(0.001)
    clock.stop()
    return clock.latest


def _loading_stalls(app) -> tuple[float, float, float]:
    """(ours, one json.loads, idle): the latest 60 Hz frame while the dictionary loads."""
    import threading

    from workbook import spelling
    from workbook.gui.spell_highlighter import loader

    idle_until = time.perf_counter() + 0.5
    idle = _latest_frame_until(app, lambda: time.perf_counter() > idle_until)
    plain = threading.Thread(target=spelling._base_words_plain)
    plain.start()
    whole = _latest_frame_until(app, lambda: not plain.is_alive())
    loader().delay_ms = 0
    loader().speller("en_GB")
    ours = _latest_frame_until(app, lambda: loader().speller("en_GB") is not None)
    return ours, whole, idle


def measure_spelling(keys: int = KEYS) -> list[Result]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    work = Path(tempfile.mkdtemp(prefix="workbook-spelling-"))
    os.environ["WORKBOOK_CONFIG_DIR"] = str(work / "config")
    os.environ["WORKBOOK_DATA_DIR"] = str(work / "data")

    from PySide6.QtWidgets import QApplication

    from tests.benchmarks.plans import BIG_NOTES, write_big_plan
    from workbook.gui.main_window import MainWindow
    from workbook.gui.spell_highlighter import (
        CHECK_DELAY_MS,
        attach_spellcheck,
        set_spelling_options,
    )

    app = QApplication.instance() or QApplication([])
    plan = write_big_plan(work)
    window = MainWindow()
    # Off in the window's other fields: the dictionary's load is measured below, on its own.
    set_spelling_options(False, "en_GB")
    window.resize(1280, 800)
    window.files.open_path(plan)
    window.show()
    editor = _said_editor(window)
    text = (FIELD_TEXT * 10)[:2000]
    window.document.set_value(tuple(editor.binding.path), text)
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    app.processEvents()

    handle = attach_spellcheck(editor, False, "en_GB")
    loading, loading_whole, idle = _loading_stalls(app)
    # Off and on in turns, so a busy moment of the machine falls on both alike.
    floor: list[float] = []
    ours: list[float] = []
    checks_while_typing = 0
    for _round in range(ROUNDS):
        handle.set_enabled(False)
        app.processEvents()
        floor += _type(app, editor, keys // ROUNDS)
        handle.set_enabled(True)
        handle.highlighter.check_typed()
        app.processEvents()
        before = handle.highlighter.full_checks
        ours += _type(app, editor, keys // ROUNDS)
        checks_while_typing += handle.highlighter.full_checks - before

    # The check after a pause: the field checked in full, as the timer does it.
    pause = []
    for _ in range(7):
        handle.highlighter._typed.add(0)
        start = time.perf_counter()
        handle.highlighter.check_typed()
        app.processEvents()
        pause.append(time.perf_counter() - start)
    speller = handle.speller
    suggest = []
    for word in ("anwser", "allergys", "ocasionaly"):
        speller._judged.clear()
        start = time.perf_counter()
        speller.suggestions(word)
        suggest.append(time.perf_counter() - start)
    window.document.undo_stack.setClean()
    window.close()

    p95, floor95 = _percentile(ours, 0.95), _percentile(floor, 0.95)
    return [
        Result(
            f"one keystroke in a 2,000-character field, spell-check on, {BIG_NOTES:,} notes "
            "open (95th percentile)",
            p95,
            floor=FRAME_S,
            floor_label="one frame",
            limit_value=FRAME_S,
            note=f"{keys} keys: median {median(ours) * 1000:.1f} ms; with spell-check off "
            f"{floor95 * 1000:.1f} ms (95th), {median(floor) * 1000:.1f} ms (median); "
            f"paragraphs checked in full while typing: {checks_while_typing}",
        ),
        Result(
            f"after typing pauses ({CHECK_DELAY_MS} ms): check the 2,000-character field",
            median(pause),
            floor=FRAME_S,
            floor_label="one frame",
            limit_value=FRAME_S,
            note="median of 7, the repaint included",
        ),
        Result(
            "while the dictionary loads (worker thread): latest 60 Hz frame",
            loading,
            floor=FRAME_S,
            floor_label="one frame",
            limit_value=FRAME_S,
            note=f"read in pieces; as one json.loads (pyspellchecker's way) "
            f"{loading_whole * 1000:.0f} ms late; the idle window {idle * 1000:.1f} ms late",
        ),
        Result(
            "suggestions for a misspelt word (the context menu)",
            max(suggest),
            note="slowest of three words; one edit away, or two when nothing nearer",
        ),
    ]


def spelling_child() -> None:
    """``python -m tests.benchmarks.child spelling``: the rows as one JSON line."""
    from dataclasses import asdict

    from tests.benchmarks.child import emit

    emit({"rows": [asdict(result) for result in measure_spelling()]})


def measure_spelling_in_child(env) -> list[Result]:  # noqa: ANN001 - an Environment
    from tests.benchmarks.environment import run_child

    rows = run_child(env, "spelling", timeout=300)[0]["rows"]
    return [Result(**row) for row in rows]


def main() -> int:
    results = measure_spelling()
    print(markdown_table(results))
    print()
    print(notes(results))
    return 0 if all(r.met is not False for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
