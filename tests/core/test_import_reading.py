"""Reading files for the notes import: encodings, delimiters, header rows, spreadsheets, and
every kind of bad file refused with a message that names it."""

from __future__ import annotations

import datetime
import zipfile
from pathlib import Path

import pytest

from tests.core import import_files
from workbook.importing.table import MAX_FILE_BYTES, ImportFileError, ReadOptions, read_table
from workbook.importing.text import NotTextError, decode, detect_delimiter, read_rows

# ---------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (b"\xef\xbb\xbfDate,Caf\xc3\xa9\n", "Date,Café\n", "UTF-8 with a byte order mark"),
        ("Date\tCafé\n".encode("utf-16"), "Date\tCafé\n", "UTF-16 (Excel “Unicode text”)"),
        ("Date;Café\n".encode(), "Date;Café\n", "UTF-8"),
        ("Date;Café €5\n".encode("cp1252"), "Date;Café €5\n", "Windows-1252 (Western European)"),
        # 0x81 has no character in Windows-1252: Latin-1 reads every byte.
        (b"Date;\x81x\n", "Date;\x81x\n", "Latin-1 (ISO 8859-1)"),
    ],
)
def test_encoding_detected_in_order(data: bytes, text: str, encoding: str) -> None:
    decoded = decode(data)
    assert (decoded.text, decoded.encoding) == (text, encoding)


@pytest.mark.parametrize(
    "data",
    [b"Date,Note\n\x00\x01\x02\x03binary", bytes(range(256)) * 4, b"\x01\x02\x03\x04" * 10],
)
def test_binary_data_is_not_text(data: bytes) -> None:
    with pytest.raises(NotTextError):
        decode(data)


# ---------------------------------------------------------------- delimiters


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Semicolons, with commas (and a decimal comma) inside the text.
        ("Date;Comment;Stars\n01.02.2024;Nice, warm, friendly;4,5\n02.02.2024;Meh, ok;3\n", ";"),
        # Commas, with semicolons inside the text.
        ("Date,Comment\n2024-01-01,Too slow; cold\n2024-01-02,Fine; really\n", ","),
        # Tabs, with commas and quoted line breaks.
        (import_files.TAB_QUOTED_NEWLINES, "\t"),
        ("Date|Comment|Who\n2024-01-01|Great, thanks|Ann\n2024-01-02|Fine|Bo\n", "|"),
        # Excel's hint line wins over what the rows suggest.
        ("sep=;\nDate,Comment;x\n2024-01-01,Nice;y\n", ";"),
        # One column: no delimiter, even though the words hold commas.
        ("Comment\nGreat cake\nLovely, lovely staff, kind\nSlow\n", None),
        (import_files.EXCEL_BOM_CSV, ","),
        (import_files.SEMICOLON_CP1252, ";"),
    ],
)
def test_delimiter_detection(text: str, expected: str | None) -> None:
    assert detect_delimiter(text) == expected


def test_delimiter_detection_judges_only_the_start_of_a_long_file() -> None:
    row = "2024-01-01;A comment, with commas, in it;4\n"
    text = "Date;Comment;Stars\n" + row * 20_000
    assert detect_delimiter(text) == ";"


def test_quoted_line_breaks_stay_in_their_cell() -> None:
    rows = read_rows(import_files.TAB_QUOTED_NEWLINES, "\t")
    assert len(rows) == 4
    assert rows[1][2] == "Loved the sourdough.\nWill come back, promise!"
    assert rows[2][2] == "Queue out the door,\n\nno seats, 20 min wait"


# ---------------------------------------------------------------- real-world-shaped files


def test_semicolon_file_in_windows_1252(tmp_path: Path) -> None:
    table = read_table(import_files.write_semicolon_cp1252(tmp_path / "export.csv"))
    assert table.encoding == "Windows-1252 (Western European)"
    assert table.delimiter == ";"
    assert table.headers == ["Datum", "Kunde", "Kommentar", "Sterne", "Themen"]
    assert table.rows[0][1] == "Renée Müller"
    assert table.rows[1][2] == "Zu lange gewartet; kalt serviert"
    assert table.rows[2][2] == "Preis 4,50 € ist okay"
    assert table.header_row == 1 and table.row_numbers == [2, 3, 4]
    assert "Windows-1252" in table.describe() and "semicolons" in table.describe()


def test_tab_separated_file_with_quoted_line_breaks(tmp_path: Path) -> None:
    table = read_table(import_files.write_tab_quoted(tmp_path / "mentions.tsv"))
    assert (table.encoding, table.delimiter, table.format) == ("UTF-8", "\t", "TSV text")
    assert len(table.rows) == 3
    assert table.rows[1][2] == "Queue out the door,\n\nno seats, 20 min wait"


def test_excel_csv_with_a_byte_order_mark(tmp_path: Path) -> None:
    table = read_table(import_files.write_excel_bom(tmp_path / "reviews.csv"))
    assert table.encoding == "UTF-8 with a byte order mark"
    assert table.headers[0] == "Review Date"  # the mark is not part of the first header
    assert table.rows[1][3] == "Rude staff; won't return"


def test_title_lines_above_the_header_are_left_out(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        "Reviews for Crumb & Co.\nExported 2024-03-01\n\nDate,Review,Rating\n"
        "2024-02-01,Great,5\n2024-02-02,Bad,1\n",
        encoding="utf-8",
    )
    table = read_table(path)
    assert table.header_row == 4
    assert table.headers == ["Date", "Review", "Rating"]
    assert table.row_numbers == [5, 6]


def test_a_file_without_a_header_gets_numbered_columns(tmp_path: Path) -> None:
    path = tmp_path / "plain.csv"
    path.write_text(
        "2024-02-01,Anna,The cake was lovely and the staff were kind to us\n"
        "2024-02-02,Ben,We waited far too long for a table on Saturday\n",
        encoding="utf-8",
    )
    table = read_table(path)
    assert table.header_row is None
    assert table.headers == ["Column 1", "Column 2", "Column 3"]
    assert len(table.rows) == 2


def test_a_header_in_an_unknown_language_is_found_by_the_data_under_it(tmp_path: Path) -> None:
    path = tmp_path / "pl.csv"
    path.write_text(
        "Kiedy,Kto,Opinia\n2024-02-01,Ola,Bardzo dobre ciasto i miła obsługa w kawiarni\n",
        encoding="utf-8",
    )
    table = read_table(path)
    assert table.header_row == 1 and table.headers == ["Kiedy", "Kto", "Opinia"]


def test_short_rows_are_padded_and_repeated_headers_told_apart(tmp_path: Path) -> None:
    path = tmp_path / "ragged.csv"
    path.write_text("Date,Comment,Comment\n2024-01-01,Hi\n", encoding="utf-8")
    table = read_table(path)
    assert table.headers == ["Date", "Comment", "Comment (2)"]
    assert table.rows == [["2024-01-01", "Hi", ""]]


def test_chosen_delimiter_overrides_the_detection(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("Date,Comment;Who\n2024-01-01,Hi;Ann\n", encoding="utf-8")
    assert read_table(path, ReadOptions(delimiter=";")).headers == ["Date,Comment", "Who"]


def test_xlsx_workbook(tmp_path: Path) -> None:
    table = read_table(import_files.write_xlsx(tmp_path / "notes.xlsx"))
    assert table.format == "Excel workbook" and table.from_sheet
    assert (table.sheet, table.sheets) == ("Notes", ("About", "Notes"))
    assert table.headers == ["Date", "Comment", "Stars", "Source"]
    assert table.header_row == 3 and table.row_numbers == [4, 5, 6]
    assert table.rows[0][0] == datetime.date(2024, 3, 5)
    # The formula was saved without a value: its text is kept, and it is marked.
    assert table.rows[1][1] == '=CONCATENATE("Too ", "loud")'
    assert table.formulas == {(1, 1): '=CONCATENATE("Too ", "loud")'}


def test_xlsx_sheet_with_the_notes_unless_one_is_chosen(tmp_path: Path) -> None:
    path = import_files.write_xlsx(tmp_path / "notes.xlsx")
    assert read_table(path).sheet == "Notes"  # its header names note fields
    about = read_table(path, ReadOptions(sheet="About"))
    assert about.sheet == "About" and about.rows == [["Exported from our shared sheet"]]


def test_ods_spreadsheet(tmp_path: Path) -> None:
    table = read_table(import_files.write_ods(tmp_path / "avis.ods"))
    assert table.format == "OpenDocument spreadsheet"
    assert table.headers == ["Date", "Auteur", "Commentaire", "Note sur 5"]
    assert table.rows[0][:2] == [datetime.date(2024, 5, 2), "Élodie"]
    # The value saved with the formula is what is imported, never a calculation of ours.
    assert table.rows[1][2] == "Trop cher"
    assert table.formulas == {(1, 2): '=CONCATENATE("Trop ";"cher")'}


def test_a_spreadsheet_under_another_name_is_read_as_one(tmp_path: Path) -> None:
    source = import_files.write_xlsx(tmp_path / "notes.xlsx")
    renamed = tmp_path / "notes.dat"
    renamed.write_bytes(source.read_bytes())
    assert read_table(renamed, ReadOptions(sheet="Notes")).headers[0] == "Date"


# ---------------------------------------------------------------- bad files


def _refused(path: Path, *words: str) -> str:
    with pytest.raises(ImportFileError) as caught:
        read_table(path)
    message = str(caught.value)
    assert f"“{path.name}” cannot be imported" in message
    for word in words:
        assert word in message
    return message


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    _refused(path, "empty")


def test_file_of_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "blank.csv"
    path.write_bytes(b"\xef\xbb\xbf\r\n  \r\n\r\n")
    _refused(path, "empty")


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "data.csv"
    path.write_bytes(bytes(range(256)) * 8)
    _refused(path, "binary", "CSV")


@pytest.mark.parametrize(
    ("magic", "what"),
    [(b"%PDF-1.7\n", "PDF"), (b"\x89PNG\r\n\x1a\n", "PNG"), (b"\x7fELF\x02", "program")],
)
def test_other_kinds_of_file_are_named(tmp_path: Path, magic: bytes, what: str) -> None:
    path = tmp_path / "notes.csv"
    path.write_bytes(magic + b"\x00" * 100)
    _refused(path, what)


def test_header_without_rows(tmp_path: Path) -> None:
    path = tmp_path / "header.csv"
    path.write_text("Date,Review,Rating\n\n", encoding="utf-8")
    _refused(path, "no rows of notes")


def test_spreadsheet_without_rows(tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "blank.xlsx"
    openpyxl.Workbook().save(path)
    _refused(path, "no rows")


def test_a_200_mb_file_is_refused_before_it_is_read(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "huge.csv"
    with open(path, "wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: no disk space is used

    def no_reading(*_args, **_kwargs):
        raise AssertionError("the file was read")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    monkeypatch.setattr("builtins.open", no_reading)
    message = _refused(path, "200 MB", f"{MAX_FILE_BYTES // (1024 * 1024)} MB")
    assert "Split it" in message


def test_text_file_named_as_a_spreadsheet(tmp_path: Path) -> None:
    path = tmp_path / "notes.xlsx"
    path.write_text("Date,Review\n2024-01-01,Hi\n", encoding="utf-8")
    _refused(path, "not a spreadsheet")


def test_zip_archive_that_is_not_a_spreadsheet(tmp_path: Path) -> None:
    path = tmp_path / "notes.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    _refused(path, "zip archive, not a spreadsheet")


def test_word_document(tmp_path: Path) -> None:
    path = tmp_path / "notes.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    _refused(path, "Word document")


def test_damaged_spreadsheet(tmp_path: Path) -> None:
    source = import_files.write_xlsx(tmp_path / "good.xlsx")
    path = tmp_path / "damaged.xlsx"
    path.write_bytes(source.read_bytes()[:900])
    _refused(path)


def test_folder_and_missing_file(tmp_path: Path) -> None:
    _refused(tmp_path, "folder")
    _refused(tmp_path / "nowhere.csv", "no such file")
