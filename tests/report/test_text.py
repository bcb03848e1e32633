"""The text every renderer prints: unusable characters marked, never dropped, and the same
result whether a string is cleaned alone or with a table's other cells."""

from __future__ import annotations

import html

import pytest

from workbook.report.blocks import Column, ReportDocument, ReportMeta, Table
from workbook.report.html import HtmlRenderer
from workbook.report.text import printable, printable_all

CASES = [
    "plain words",
    "two\nlines\tand a tab",
    "Windows\r\nline\rends",
    "bell\x07 and escape\x1b",
    "C1 \x85 control and DEL \x7f",
    "lone \ud800 surrogate",
    "nonchar \ufdd0 \ufffe \U0001ffff",
    "emoji 🍞 and 中文 stay",
    "",
    "  spaces kept by printable  ",
]


@pytest.mark.parametrize("text", CASES)
def test_printable_marks_what_no_file_may_hold_and_keeps_the_rest(text):
    out = printable(text)
    assert "\r" not in out
    for bad in "\x07\x1b\x85\x7f\ud800\ufdd0\ufffe\U0001ffff":
        assert bad not in out
    if text.isprintable():
        assert out is text  # nothing to do: the same string back
    assert out.count("\ufffd") == sum(1 for c in text if not (c.isprintable() or c in "\t\n\r"))


def test_printable_all_is_printable_of_each():
    assert printable_all(CASES) == [printable(text) for text in CASES]
    assert printable_all([]) == []
    assert printable_all(["only one \x01"]) == ["only one \ufffd"]


def test_a_nul_typed_in_a_cell_is_marked_and_does_not_split_the_cell():
    texts = ["a\x00b", "c", "\x00"]
    assert printable_all(texts) == ["a\ufffdb", "c", "\ufffd"]


def test_an_html_table_keeps_each_cell_in_its_column_whatever_the_cells_hold():
    rows = (("a\x00b", "<b>x</b>"), ("line\none", "🍞 & 'q'"), ("", "\x07"))
    table = Table((Column("H\x00<1>", "text"), Column("H2", "short")), rows)
    meta = ReportMeta(title="t", subject="s", author="a")
    renderer = HtmlRenderer(ReportDocument(meta, (table,)))
    renderer.table(table)
    out = renderer.out[-1]
    assert '<th scope="col" class="text">H\ufffd&lt;1&gt;</th>' in out
    assert '<td class="text" dir="auto">a\ufffdb</td><td class="short" dir="auto">' in out
    assert f'<td class="short" dir="auto">{html.escape("<b>x</b>")}</td>' in out
    assert '<td class="text" dir="auto">line<br>one</td>' in out
    assert '<td class="short" dir="auto">🍞 &amp; &#x27;q&#x27;</td>' in out
    assert out.count("<tr>") == 1 + len(rows)  # the header row and one per row
    assert '<td class="short" dir="auto">\ufffd</td>' in out
