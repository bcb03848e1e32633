"""Long tables laid out a page at a time: every row once and in order, the header on each
page, continued rows kept together in look, and work that grows with the rows, not
with rows times pages."""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate

from tests.export import pdfcheck
from workbook.export import flowing_table
from workbook.export.flowing_table import Continued, FlowingTable, TableLayout
from workbook.export.fonts import REGULAR, register_bundled_fonts

COMMANDS = [("FONTNAME", (0, 0), (-1, -1), REGULAR), ("VALIGN", (0, 0), (-1, -1), "TOP")]


def _layout(rows: int, continued=()) -> TableLayout:
    register_bundled_fonts()
    style = ParagraphStyle("t", fontName=REGULAR, fontSize=9, leading=12)
    header = [Paragraph("HEAD-A", style), Paragraph("HEAD-B", style)]
    body = [
        [Paragraph(f"row-{i:04d}", style), Paragraph("text " * (i % 7 + 1), style)]
        for i in range(rows)
    ]
    return TableLayout(
        header, body, [200, 250], COMMANDS, continued=continued, space_before=4, space_after=10
    )


def _render(table) -> list[str]:
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build([Paragraph("Before"), table, Paragraph("After")])
    return pdfcheck.page_texts(buffer.getvalue())


def test_every_row_once_in_order_with_the_header_on_every_page():
    pages = _render(FlowingTable(_layout(300)))
    assert len(pages) > 5
    rows = [line for page in pages for line in page.splitlines() if line.startswith("row-")]
    assert rows == [f"row-{i:04d}" for i in range(300)]
    for page in pages:
        assert page.splitlines()[0 if page is not pages[0] else 1] == "HEAD-A"
    assert pages[-1].splitlines()[-1] == "After"


def test_a_short_table_is_laid_out_whole():
    pages = _render(FlowingTable(_layout(5)))
    assert len(pages) == 1
    lines = pages[0].splitlines()
    assert lines[:2] == ["Before", "HEAD-A"]
    assert lines.count("HEAD-A") == 1 and lines[-1] == "After"


def test_work_grows_with_the_rows_not_with_rows_times_pages(monkeypatch):
    built = {"rows": 0}

    class Counting(LongTable):
        def __init__(self, data, *args, **kwargs):
            built["rows"] += len(data)
            super().__init__(data, *args, **kwargs)

    monkeypatch.setattr(flowing_table, "LongTable", Counting)
    rows = 1500
    pages = _render(FlowingTable(_layout(rows)))
    # Each row is measured once and laid out once, plus a header per table made;
    # reportlab's own split would rebuild the rest of the table on every page.
    assert built["rows"] <= 2 * rows + 4 * len(pages) + 200


def test_continued_rows_keep_one_shade_and_no_gap_across_a_page():
    # Body rows 2 to 5 are one logical row; a page breaks after body row 3.
    layout = _layout(10, continued=[Continued(2, 5, colors.red)])

    def paddings(table: LongTable) -> list[tuple[float, float]]:
        return [(row[0].topPadding, row[0].bottomPadding) for row in table._cellStyles]

    first = layout.part(0, 4)  # table rows 3 and 4 are body rows 2 and 3
    assert first._bkgrndcmds == [("BACKGROUND", (0, 3), (-1, 4), colors.red)]
    assert [c[:5] for c in first._linecmds] == [("LINEBELOW", (0, 3), (-1, 4), 0, colors.white)]
    assert paddings(first) == [(3, 3), (3, 3), (3, 3), (3, 0), (0, 0)]
    second = layout.part(4, 8)  # table rows 1 and 2 are body rows 4 and 5
    assert second._bkgrndcmds == [("BACKGROUND", (0, 1), (-1, 2), colors.red)]
    assert [c[:5] for c in second._linecmds] == [("LINEBELOW", (0, 1), (-1, 1), 0, colors.white)]
    assert paddings(second) == [(3, 3), (0, 0), (0, 3), (3, 3), (3, 3)]
