"""Files shaped like the ones people bring to the import, written by the tests themselves:
a European Excel CSV, a tab-separated export with quoted line breaks, an Excel CSV with a
byte order mark, and real XLSX and ODS workbooks."""

from __future__ import annotations

import datetime
from pathlib import Path

SEMICOLON_CP1252 = (
    "Datum;Kunde;Kommentar;Sterne;Themen\r\n"
    "03.02.2024;Renée Müller;Der Kuchen war großartig, das Café gemütlich;5;Kuchen, Café\r\n"
    '14.02.2024;Jörg;"Zu lange gewartet; kalt serviert";2;Service\r\n'
    "01.03.2024;Ana;Preis 4,50 € ist okay;3;Preis\r\n"
)
"""What German Excel writes as "CSV (Trennzeichen-getrennt)": semicolons, Windows-1252,
CRLF, a decimal comma, and semicolons and commas inside the text."""

TAB_QUOTED_NEWLINES = (
    "Date\tAuthor\tFull Text\tSentiment\tTags\n"
    '2024-04-01T09:15:00Z\t@crumbfan\t"Loved the sourdough.\nWill come back, promise!"\tPositive\t'
    "bread, sourdough\n"
    '2024-04-02T18:40:00Z\t@grumpy\t"Queue out the door,\n\nno seats, 20 min wait"\tNegative\t'
    "queue\n"
    "2024-04-03T07:05:00Z\tmaria_k\tDo you do gluten-free?\tNeutral\tallergies\n"
)
"""A listening tool's TSV export: ISO timestamps, handles, and text with line breaks,
commas and blank lines inside quotes."""

EXCEL_BOM_CSV = (
    "Review Date,Reviewer Name,Rating,Review Text,Owner Response\r\n"
    '3/14/2024,Sam Lee,5,"Best croissant in town, hands down",Thank you Sam!\r\n'
    '3/2/2024,Jo,1,"Rude staff; won\'t return",We are sorry to hear this\r\n'
    '2/28/2024,Kim,4,"Good coffee, slow service",\r\n'
)
"""A review site's export saved by Excel as "CSV UTF-8": a byte order mark, CRLF, commas in
quoted text, dates month first."""


def write_semicolon_cp1252(path: Path) -> Path:
    path.write_bytes(SEMICOLON_CP1252.encode("cp1252"))
    return path


def write_tab_quoted(path: Path) -> Path:
    path.write_text(TAB_QUOTED_NEWLINES, encoding="utf-8", newline="")
    return path


def write_excel_bom(path: Path) -> Path:
    path.write_bytes(b"\xef\xbb\xbf" + EXCEL_BOM_CSV.encode("utf-8"))
    return path


def write_xlsx(path: Path) -> Path:
    """An Excel workbook: a cover sheet first, then the notes starting at B3 under a title,
    a real date cell, a number rating, a formula with no saved value."""
    import openpyxl

    book = openpyxl.Workbook()
    cover = book.active
    cover.title = "About"
    cover["A1"] = "Exported from our shared sheet"
    sheet = book.create_sheet("Notes")
    sheet["B1"] = "Customer feedback, spring 2024"
    for column, header in zip("BCDE", ("Date", "Comment", "Stars", "Source"), strict=True):
        sheet[f"{column}3"] = header
    sheet["B4"] = datetime.date(2024, 3, 5)
    sheet["C4"] = "Lovely flat white"
    sheet["D4"] = 5
    sheet["E4"] = "Google"
    sheet["B5"] = datetime.datetime(2024, 3, 6, 14, 30)
    sheet["C5"] = '=CONCATENATE("Too ", "loud")'
    sheet["D5"] = 2
    sheet["E5"] = "Instagram"
    sheet["B6"] = "sometime in March"
    sheet["C6"] = "Date typed as words"
    sheet["D6"] = 3
    book.save(path)
    return path


def write_ods(path: Path) -> Path:
    """An OpenDocument spreadsheet with a date cell, a float rating and a formula cell whose
    value was saved with it."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="Avis")

    def add_row(*cells: object) -> None:
        row = TableRow()
        for cell in cells:
            if isinstance(cell, datetime.date):
                item = TableCell(valuetype="date", datevalue=cell.isoformat())
                item.addElement(P(text=cell.isoformat()))
            elif isinstance(cell, int | float):
                item = TableCell(valuetype="float", value=str(cell))
                item.addElement(P(text=str(cell)))
            elif isinstance(cell, tuple):
                formula, shown = cell
                item = TableCell(valuetype="string", formula=formula)
                item.addElement(P(text=shown))
            else:
                item = TableCell(valuetype="string")
                item.addElement(P(text=str(cell)))
            row.addElement(item)
        table.addElement(row)

    add_row("Date", "Auteur", "Commentaire", "Note sur 5")
    add_row(datetime.date(2024, 5, 2), "Élodie", "Très bon accueil", 4.5)
    add_row(datetime.date(2024, 5, 3), "Luc", ('of:=CONCATENATE("Trop ";"cher")', "Trop cher"), 2)
    document.spreadsheet.addElement(table)
    document.save(str(path))
    return path
