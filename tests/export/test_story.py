"""The PDF's story from the report's blocks, before any page is made: what each block becomes,
escaping, column widths, headings kept with what follows."""

from __future__ import annotations

from datetime import date

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Paragraph
from reportlab.platypus.flowables import KeepTogether
from reportlab.platypus.tables import Table

from workbook.examples import load_example
from workbook.export.blocks import CELL_PAD_X, Blocks
from workbook.export.flowing_table import ContinuedMark, FlowingTable
from workbook.export.fonts import FontChooser
from workbook.export.story import Heading, ReportStory, Ruled
from workbook.export.styles import Palette, StyleSheet
from workbook.model import Channel, ListeningNote, Plan
from workbook.report import blocks as rb
from workbook.report import build_report

TODAY = date(2026, 11, 27)
WIDTH = A4[0] - 120


def story_of(doc: rb.ReportDocument) -> ReportStory:
    blocks = Blocks(StyleSheet(Palette.from_hex(doc.meta.accent)), FontChooser(), WIDTH)
    story = ReportStory(doc, blocks)
    story.story = story.build()
    return story


def build(plan: Plan) -> ReportStory:
    return story_of(build_report(plan, today=TODAY))


def walk(flowables: list) -> list[Flowable]:
    """Every flowable, table cells, kept-together groups and quotes included."""
    out: list[Flowable] = []
    for f in flowables:
        if isinstance(f, list | tuple):
            out += walk(list(f))
            continue
        out.append(f)
        if isinstance(f, KeepTogether):
            out += walk(f._content)
        elif isinstance(f, Ruled):
            out += walk(f.content)
        elif isinstance(f, FlowingTable):
            out += walk([f.layout.header, *f.layout.rows])
        elif isinstance(f, Table):
            for row in f._cellvalues:
                out += walk([c for c in row if not isinstance(c, str)])
    return out


def texts(story: ReportStory) -> list[str]:
    return [f.getPlainText() for f in walk(story.story) if isinstance(f, Paragraph)]


@pytest.fixture(scope="module")
def bakery() -> ReportStory:
    return build(load_example("bakery"))


def test_every_string_is_printed_literally():
    plan = Plan()
    plan.details.title = "<b>x</b>"
    plan.management.presence = [Channel(handle='<img src="/etc/passwd"/>', purpose="AT&T")]
    plan.listening.learnings.market_wants = "&amp; <font size=80>"
    story = build(plan)
    # Each string comes back whole (a narrow column may lay it over lines).
    plain = {"".join(t.split()) for t in texts(story)}
    assert "<b>x</b>" in plain
    assert '<imgsrc="/etc/passwd"/>' in plain
    assert "AT&T" in plain
    assert "&amp;<fontsize=80>" in plain
    markup = "\n".join(f.text for f in walk(story.story) if isinstance(f, Paragraph))
    assert "<img" not in markup and "<font size=80>" not in markup


def test_the_story_follows_the_report(bakery):
    top = [h.toc_text for h in bakery.headings if h.toc_level == 0]
    doc = build_report(load_example("bakery"), today=TODAY)
    assert top == [h.text for h in doc.headings(max_level=1)]
    assert all(isinstance(h, Heading) for h in bakery.headings)


def test_contents_are_prefilled_with_the_first_two_levels(bakery):
    entries = bakery.toc.entries
    assert [e[1] for e in entries] == [h.toc_text for h in bakery.headings if h.toc_level <= 1]
    assert {e[0] for e in entries} == {0, 1}


def test_every_heading_asks_for_room_below_it(bakery):
    story = bakery.story
    for index, flowable in enumerate(story):
        if isinstance(flowable, Heading):
            before = story[index - 2 : index]
            assert any(isinstance(f, CondPageBreak) for f in before), flowable.toc_text


def test_the_seven_ps_are_tiles_and_the_four_as_bars(bakery):
    plain = texts(bakery)
    # Tiles: each P's owner and sharing date under its decision.
    assert any(t.startswith("Owner: Maria Okafor · Shared: ") for t in plain)
    # Bars: where each A is now (its latest reading), where it should be, and how it is doing.
    assert (
        "Now: 74 reactions a day (26 Jun 2026) → Target: 90 a day by September · On track" in plain
    )


def test_a_decision_too_long_for_a_tile_is_printed_in_a_table():
    plan = load_example("bakery")
    plan.planning.seven_ps.purpose.decision = "serve " * 400
    story = build(plan)
    assert not any(t.startswith("Owner: ") for t in texts(story))
    assert any(
        isinstance(f, FlowingTable) and f.layout.header[0].getPlainText() == "P"
        for f in walk(story.story)
    )


def test_header_words_are_never_split(bakery):
    tables = [f for f in walk(bakery.story) if isinstance(f, FlowingTable)]
    assert len(tables) >= 8
    for table in tables:
        for cell, width in zip(table.layout.header, table.layout.widths, strict=True):
            style = cell.style
            for word in cell.getPlainText().split():
                assert stringWidth(word, style.fontName, style.fontSize) <= width - 2 * CELL_PAD_X


def test_a_long_cell_continues_in_rows_marked_continued():
    plan = Plan()
    plan.listening.notes = [ListeningNote(said="a long quote " * 2400)]
    story = build(plan)
    notes = next(
        f
        for f in walk(story.story)
        if isinstance(f, FlowingTable) and f.layout.header[2].getPlainText() == "What was said"
    )
    assert len(notes.layout.rows) > 2
    assert all(isinstance(row[0], ContinuedMark) for row in notes.layout.rows[1:])
    (group,) = notes.layout.continued
    assert (group.first, group.last) == (0, len(notes.layout.rows) - 1)


def test_a_narrow_column_breaks_a_web_address_at_its_slashes():
    plan = Plan()
    url = "https://example.com/" + "/".join(f"segment{i:03d}" for i in range(12))
    plan.management.presence = [Channel(handle=url, purpose="Long address")] * 2
    story = build(plan)
    cell = next(p for p in walk(story.story) if isinstance(p, Paragraph) and "segment000" in p.text)
    lines = cell.text.split("<br/>")
    assert len(lines) > 1
    assert all(line.endswith("/") for line in lines[:-1]), lines
    assert "".join(lines) == url


def test_right_to_left_headings_and_contents_lines_are_reordered_like_body_text():
    plan = Plan()
    plan.details.organisation = "מאפיית השכונה"
    plan.details.offering = "לחם טרי כל בוקר"
    story = build(plan)
    about = next(h for h in story.headings if "מאפיית" in h.toc_text)
    # The outline keeps the words in reading order; the page draws them in visual order.
    assert about.toc_text == "About מאפיית השכונה"
    assert "הנוכשה תייפאמ" in about.getPlainText()
    # The contents line goes through the same layout.
    entry = story.toc.paragraph(about.toc_text, story.styles["toc0"])
    assert "הנוכשה תייפאמ" in entry.getPlainText()
