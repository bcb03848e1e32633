"""File ▸ Import listening notes…: the dialog reads the file off the UI thread, shows how it was
read, maps the columns, previews the rows with their problems, and imports as one undo step."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from tests.core import import_files
from workbook.gui import import_wizard
from workbook.gui.document import PlanDocument
from workbook.gui.import_wizard import NOT_IMPORTED, ImportDialog
from workbook.gui.pages import PageId
from workbook.model import ListeningNote, Plan

pytestmark = pytest.mark.gui

NOTES = ("listening", "notes")

CSV = (
    "Reviews, March 2024\n"
    "Date;Author;Review;Rating;Tags\n"
    "01/03/2024;Anna;Great cake, lovely staff;5;cake, staff\n"
    "13/03/2024;Bob;Too slow;2;service\n"
    "soon;Cara;Bad date;4;\n"
    "14/03/2024;Dan;Nice;meh;\n"
    "02/03/2024;Eve;Already noted;4;\n"
)


@pytest.fixture
def csv_path(tmp_path: Path) -> Path:
    path = tmp_path / "reviews.csv"
    path.write_text(CSV, encoding="utf-8")
    return path


@pytest.fixture
def document() -> PlanDocument:
    from datetime import date

    plan = Plan()
    plan.listening.notes.append(ListeningNote(noted_on=date(2024, 3, 2), said="already noted"))
    return PlanDocument(plan)


def make_dialog(qtbot, document: PlanDocument, tmp_path: Path) -> ImportDialog:
    dialog = ImportDialog(document, tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def read(qtbot, dialog: ImportDialog, path: Path) -> None:
    dialog.start_read(path)
    qtbot.waitUntil(lambda: dialog.table is not None or dialog.error_label.isVisibleTo(dialog))


def cell(dialog: ImportDialog, row: int, header: str) -> str:
    headers = [
        dialog.preview.horizontalHeaderItem(c).text() for c in range(dialog.preview.columnCount())
    ]
    return dialog.preview.item(row, headers.index(header)).text()


def test_reading_shows_the_encoding_delimiter_header_and_guessed_columns(
    qtbot, document, csv_path, tmp_path
) -> None:
    dialog = make_dialog(qtbot, document, tmp_path)
    read(qtbot, dialog, csv_path)
    text = dialog.read_label.text()
    assert "CSV text, UTF-8, separated by semicolons, header on row 2, 5 rows" in text
    assert "Review site export" in text  # the preset the columns follow
    dialog.preset_combo.activated.emit(0)  # guessing again says it once
    assert dialog.read_label.text() == text
    combos = dialog.field_combos
    assert combos["noted_on"].currentText() == "Date"
    assert combos["said"].currentText() == "Review"
    assert combos["sentiment"].currentText() == "Rating"
    assert combos["source"].currentText() == NOT_IMPORTED
    assert dialog.import_button.isEnabled()


def test_preview_shows_each_rows_problems(qtbot, document, csv_path, tmp_path) -> None:
    dialog = make_dialog(qtbot, document, tmp_path)
    read(qtbot, dialog, csv_path)
    assert dialog.preview.rowCount() == 5
    assert cell(dialog, 0, "Status") == "New"
    assert cell(dialog, 0, "Sentiment") == "Positive"
    assert cell(dialog, 0, "Date") == "2024-03-01"
    assert cell(dialog, 2, "Status") == "Not imported"
    assert "“soon” is not a date format" in cell(dialog, 2, "Problems")
    assert cell(dialog, 2, "What was said") == "Bad date"  # what the file holds
    assert "“meh”" in cell(dialog, 3, "Problems") and cell(dialog, 3, "Status") == "New"
    assert cell(dialog, 4, "Status") == "Already there"
    summary = dialog.summary_label.text()
    assert "5 rows in the file: 3 new notes; 1 skipped; 1 not imported." in summary
    assert "day first" in summary


def test_changing_the_columns_and_dates_updates_the_preview(
    qtbot, document, csv_path, tmp_path
) -> None:
    dialog = make_dialog(qtbot, document, tmp_path)
    read(qtbot, dialog, csv_path)
    sentiment = dialog.field_combos["sentiment"]
    sentiment.setCurrentIndex(0)
    assert "Sentiment" not in [
        dialog.preview.horizontalHeaderItem(c).text() for c in range(dialog.preview.columnCount())
    ]
    # A column chosen for one field is taken from the field that had it.
    dialog.field_combos["who"].setCurrentIndex(dialog.field_combos["who"].findText("Review"))
    assert dialog.field_combos["said"].currentText() == NOT_IMPORTED
    assert cell(dialog, 0, "Who") == "Great cake, lovely staff"
    dialog.dates_combo.setCurrentIndex(dialog.dates_combo.findData("month_first"))
    assert cell(dialog, 0, "Date") == "2024-01-03"
    assert cell(dialog, 1, "Status") == "Not imported"  # month 13
    for combo in dialog.field_combos.values():
        combo.setCurrentIndex(0)
    assert not dialog.import_button.isEnabled()
    assert "Choose at least one column" in dialog.summary_label.text()


def test_import_adds_the_notes_as_one_undo_step(qtbot, document, csv_path, tmp_path) -> None:
    dialog = make_dialog(qtbot, document, tmp_path)
    read(qtbot, dialog, csv_path)
    steps = document.undo_stack.count()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.imported is not None)
    assert dialog.result() == QDialog.DialogCode.Accepted
    rows = document.rows(NOTES)
    assert [n.said for n in rows] == [
        "already noted",
        "Great cake, lovely staff",
        "Too slow",
        "Nice",
    ]
    assert rows[1].tags == ["cake", "staff"] and rows[1].who == "Anna"
    assert document.undo_stack.count() == steps + 1
    assert document.undo_stack.undoText() == "Import 3 notes"
    document.undo_stack.undo()
    assert [n.said for n in document.rows(NOTES)] == ["already noted"]
    document.undo_stack.redo()
    assert len(document.rows(NOTES)) == 4


def test_reading_and_importing_run_off_the_ui_thread(
    qtbot, document, tmp_path, monkeypatch
) -> None:
    from workbook.importing import notes, table

    threads: list[threading.Thread] = []
    real_read, real_convert = table.read_table, notes.convert

    def spy_read(*args, **kwargs):
        threads.append(threading.current_thread())
        return real_read(*args, **kwargs)

    def spy_convert(*args, **kwargs):
        if kwargs.get("limit") is None:
            threads.append(threading.current_thread())
        return real_convert(*args, **kwargs)

    monkeypatch.setattr(table, "read_table", spy_read)
    monkeypatch.setattr(notes, "convert", spy_convert)
    path = tmp_path / "many.csv"
    path.write_text(
        "Date,Comment\n" + "".join(f"2024-01-{1 + n % 28:02d},note {n}\n" for n in range(3000)),
        encoding="utf-8",
    )
    dialog = make_dialog(qtbot, document, tmp_path)
    read(qtbot, dialog, path)
    reported: list[tuple[int, int]] = []
    dialog._signals.progress.connect(lambda done, total: reported.append((done, total)))
    dialog.start_import()
    qtbot.waitUntil(lambda: dialog.imported is not None)
    assert len(threads) == 2
    assert all(thread is not threading.main_thread() for thread in threads)
    assert reported and reported[-1] == (3000, 3000)
    assert len(document.rows(NOTES)) == 3001


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "the file is empty"),
        (bytes(range(256)) * 8, "binary data"),
        (b"Date,Review\n", "no rows of notes"),
        (b"%PDF-1.4\n\x00", "a PDF document"),
    ],
)
def test_bad_files_are_explained_and_change_nothing(
    qtbot, document, tmp_path, content, words
) -> None:
    path = tmp_path / "notes.csv"
    path.write_bytes(content)
    dialog = make_dialog(qtbot, document, tmp_path)
    read(qtbot, dialog, path)
    assert dialog.error_label.isVisibleTo(dialog)
    assert "“notes.csv” cannot be imported" in dialog.error_label.text()
    assert words in dialog.error_label.text()
    assert not dialog.import_button.isEnabled()
    assert len(document.rows(NOTES)) == 1 and document.undo_stack.count() == 0


def test_a_spreadsheet_sheet_can_be_chosen(qtbot, document, tmp_path) -> None:
    path = import_files.write_xlsx(tmp_path / "notes.xlsx")
    dialog = make_dialog(qtbot, document, tmp_path)
    read(qtbot, dialog, path)
    assert dialog.sheet_combo.isEnabled() and dialog.sheet_combo.currentText() == "Notes"
    assert not dialog.delimiter_combo.isEnabled()
    assert "spreadsheet formula" in cell(dialog, 1, "Problems")
    dialog.sheet_combo.setCurrentIndex(dialog.sheet_combo.findText("About"))
    dialog.sheet_combo.activated.emit(dialog.sheet_combo.currentIndex())
    qtbot.waitUntil(lambda: dialog.table is not None and dialog.table.sheet == "About")
    assert dialog.table.rows == [["Exported from our shared sheet"]]


def test_the_delimiter_can_be_chosen(qtbot, document, tmp_path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("Date,Comment|Who\n2024-01-01,Hi|Ann\n", encoding="utf-8")
    dialog = make_dialog(qtbot, document, tmp_path)
    read(qtbot, dialog, path)
    dialog.delimiter_combo.setCurrentIndex(dialog.delimiter_combo.findData("|"))
    dialog.delimiter_combo.activated.emit(dialog.delimiter_combo.currentIndex())
    qtbot.waitUntil(lambda: dialog.table is not None and dialog.table.delimiter == "|")
    assert dialog.table.headers == ["Date,Comment", "Who"]


# ---------------------------------------------------------------- from the window's menu


def _file_menu_texts(window) -> list[str]:
    menu = window.menuBar().actions()[0].menu()
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_the_file_menu_offers_it_while_a_plan_is_open(window) -> None:
    texts = _file_menu_texts(window)
    assert texts.index("&Import listening notes…") == texts.index("Export PDF &As…") + 1
    action = window.findChild(type(window.actions.export), "import_notes_action")
    assert action.shortcut().toString() == "Ctrl+Shift+I"
    assert not action.isEnabled()
    window.files.new_plan()
    assert action.isEnabled()


def test_import_from_the_window(window, qtbot, csv_path, monkeypatch) -> None:
    window.files.new_plan()
    monkeypatch.setattr(import_wizard, "ask_import_path", lambda parent, folder: csv_path)

    def run_dialog(dialog: ImportDialog) -> int:
        qtbot.waitUntil(lambda: dialog.table is not None)
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.imported is not None)
        return dialog.result()

    monkeypatch.setattr(ImportDialog, "exec", run_dialog)
    window.findChild(type(window.actions.export), "import_notes_action").trigger()
    assert len(window.document.rows(NOTES)) == 4
    assert window.current_page() == PageId.LISTENING
    message = window.statusBar().currentMessage()
    assert message.startswith("Imported 4 notes from reviews.csv (0 skipped, 1 not imported)")
    window.actions.undo.trigger()
    assert window.document.rows(NOTES) == []


def test_cancelling_the_file_dialog_changes_nothing(window, monkeypatch) -> None:
    window.files.new_plan()
    monkeypatch.setattr(import_wizard, "ask_import_path", lambda parent, folder: None)
    assert import_wizard.import_notes(window) is None
    assert window.document.undo_stack.count() == 0


def test_in_a_workshop_the_file_box_names_the_file_not_its_folders(
    qtbot, document, csv_path, tmp_path, monkeypatch
) -> None:
    from workbook.gui import privacy

    dialog = make_dialog(qtbot, document, tmp_path)
    read(qtbot, dialog, csv_path)
    assert dialog.path_edit.text() == str(csv_path)  # at the desk: the whole path
    monkeypatch.setattr(privacy, "is_private", lambda: True)  # on the projector
    read(qtbot, dialog, csv_path)
    assert dialog.path_edit.text() == csv_path.name
