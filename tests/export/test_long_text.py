"""Long unbroken text exports: CJK notes and responses, words of a thousand wide letters.

Every text that ``validate`` accepts must export. A table row taller than a page is cut
into continuation rows, CJK text breaks between any two characters, long words are cut.
"""

from __future__ import annotations

import random

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from tests.export import pdfcheck
from workbook.export import render_pdf
from workbook.export.blocks import Blocks
from workbook.export.flowing_table import FlowingTable, TableLayout
from workbook.export.fonts import REGULAR, FontChooser, cjk_font, register_bundled_fonts
from workbook.export.paragraphs import Label, LabelledParagraph
from workbook.export.styles import Palette, StyleSheet
from workbook.model import Activity, ListeningNote, Plan

NOTES_HEADER = "DateWhereandwhoWhatwassaidThemesandmoodWantsandfollow-up"
PLAYBOOK_HEADER = "SituationHowwerespondWhoWithinToneExamplereply"
CONTINUED = "(continued)"


def _chinese(count: int) -> str:
    rng = random.Random(count)
    return "".join(chr(0x4E00 + rng.randrange(0, 3000)) for _ in range(count))


def _japanese(count: int) -> str:
    rng = random.Random(count)
    return "".join(
        rng.choice("あいうえおかきくけこさしすせそカタカナ日本語文章") for _ in range(count)
    )


def _body_text(data: bytes) -> str:
    """The PDF's text without whitespace, running header and footer, repeated table
    header rows or "(continued)": what is left of a cell cut over pages reads as one."""
    text = pdfcheck.flat(pdfcheck.extract_text(data, body_only=True))
    for repeated in (NOTES_HEADER, PLAYBOOK_HEADER, CONTINUED):
        text = text.replace(repeated, "")
    return text


@pytest.mark.parametrize("text", [_chinese(1500), _japanese(1500)], ids=["chinese", "japanese"])
def test_a_long_cjk_note_exports_whole(text):
    plan = Plan()
    plan.listening.notes = [ListeningNote(said=text, who="Li")]
    result = render_pdf(plan)
    assert all("simpler layout" not in w for w in result.warnings)
    assert pdfcheck.flat(pdfcheck.printable(text)) in _body_text(result.data)


def test_a_long_cjk_playbook_response_exports_whole():
    plan = Plan()
    response = _chinese(2000)
    plan.engagement.playbook[0].response = response
    result = render_pdf(plan)
    assert all("simpler layout" not in w for w in result.warnings)
    assert pdfcheck.flat(pdfcheck.printable(response)) in _body_text(result.data)
    # The row runs over pages: where it goes on, it says so.
    pages = pdfcheck.page_texts(result.data)
    assert sum(CONTINUED in page for page in pages) >= 1


@pytest.mark.parametrize("letter", ["W", "—", "😀"])
def test_a_long_unbroken_word_exports_in_every_kind_of_cell(letter):
    word = letter * 1100
    plan = Plan()
    plan.details.title = word
    plan.listening.notes = [ListeningNote(said=word, who=word, source=word, wants=word)]
    plan.engagement.activities = [Activity(activity=word, cadence=word, owner=word)]
    plan.planning.seven_ps.purpose.owner = word
    result = render_pdf(plan)
    assert all("simpler layout" not in w for w in result.warnings)
    text = pdfcheck.flat(pdfcheck.extract_text(result.data))
    assert text.count(letter) >= 1100 * 8  # every copy, cut into lines
    assert 5 <= result.page_count <= 200


def test_cjk_text_gets_cjk_line_breaking_and_other_text_does_not():
    styles = StyleSheet(Palette.from_hex("#1F6F8B"))
    blocks = Blocks(styles, FontChooser(), 400)
    cell = styles["cell"]
    cjk_pieces = [
        ((cell, REGULAR, None, None), "Bakery "),
        ((cell, "WorkbookCJK0", None, None), "面"),
    ]
    assert blocks.wrapping(cjk_pieces, cell).wordWrap == "CJK"
    assert blocks.wrapping(cjk_pieces, cell).fontSize == cell.fontSize
    assert blocks.wrapping([((cell, REGULAR, None, None), "Bakery")], cell) is cell
    # A space or tab that only the CJK font has is not CJK text.
    tab = [((cell, REGULAR, None, None), "Bakery"), ((cell, "WorkbookCJK0", None, None), "\t")]
    assert blocks.wrapping(tab, cell) is cell


def test_cjk_lines_are_filled_and_latin_words_kept_whole():
    if cjk_font() is None:
        pytest.skip("no TrueType CJK font on this computer (Debian: fonts-wqy-zenhei)")
    styles = StyleSheet(Palette.from_hex("#1F6F8B"))
    blocks = Blocks(styles, FontChooser(), 300)
    text = "Our bakery 面包店的顾客很喜欢我们的早餐面包和咖啡 " * 12
    paragraph = blocks.paragraph(text.strip(), "body", 300)
    paragraph.wrap(300, 10_000)
    lines = [
        "".join(getattr(w, "text", w) for w in line[1])
        if isinstance(line, tuple)
        else "".join(getattr(w, "text", "") for w in line.words)
        for line in paragraph.blPara.lines
    ]
    assert len(lines) > 3
    words = {w for line in lines for w in line.split() if w.isascii()}
    assert words <= {"Our", "bakery"}  # no English word cut in two
    # Lines end wherever they are full, mostly between two Chinese characters.
    assert sum(1 for line in lines[:-1] if not line.rstrip().isascii()) >= len(lines) // 2


# ---------------------------------------------------------------- rows taller than a page


def _words(paragraph: Paragraph) -> str:
    """A paragraph's text, also for the parts of a split one (their fragments hold words)."""
    label = paragraph.label.text if isinstance(paragraph, LabelledParagraph) else ""
    words = [getattr(f, "text", None) or " ".join(getattr(f, "words", [])) for f in paragraph.frags]
    return " ".join([label, *words])


def _tall_layout(max_row_height: float = 200) -> TableLayout:
    register_bundled_fonts()
    style = ParagraphStyle("t", fontName=REGULAR, fontSize=9, leading=12)
    tall = " ".join(f"word{i:03d}" for i in range(400))
    label = Label("WHO", REGULAR, 7, style.textColor, 12)
    rows = [
        [Paragraph("first", style), Paragraph("short", style)],
        [Paragraph("tall", style), [LabelledParagraph(tall, style, None, label)]],
        [Paragraph("last", style), Paragraph("short", style)],
    ]
    header = [Paragraph("HEAD-A", style), Paragraph("HEAD-B", style)]
    return TableLayout(header, rows, [100, 150], [], max_row_height=max_row_height)


def test_a_row_taller_than_the_limit_is_cut_into_continuation_rows():
    from reportlab.pdfgen.canvas import Canvas

    layout = _tall_layout()
    canvas = Canvas(None)
    count, _height = layout.rows_that_fit(canvas, 0, 1e9)
    assert count == len(layout.rows) > 3
    assert all(height <= 200 for height in layout._heights)
    # The tall row is now several rows, shaded and kept as one.
    (group,) = layout.continued
    assert (group.first, group.last) == (1, len(layout.rows) - 2)
    texts = []
    for row in layout.rows[group.first : group.last + 1]:
        cell = row[1]
        texts += [_words(p) for p in (cell if isinstance(cell, list) else [cell])]
    joined = " ".join(" ".join(texts).split())
    assert joined == "WHO " + " ".join(f"word{i:03d}" for i in range(400))
    assert layout.rows[-1][0].getPlainText() == "last"


def test_a_table_with_a_row_taller_than_a_page_is_placed():
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    buffer = io.BytesIO()
    # 130 lines in one cell: taller than an A4 page, cut at the 200-point limit.
    SimpleDocTemplate(buffer, pagesize=A4).build([FlowingTable(_tall_layout())])
    text = pdfcheck.flat(pdfcheck.extract_text(buffer.getvalue()))
    assert "word000" in text and "word399" in text and text.index("last") > text.index("word399")
