"""What goes into the document, before any PDF is made: sections, headings, escaping."""

from __future__ import annotations

from datetime import date

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.flowables import KeepTogether
from reportlab.platypus.tables import Table

from workbook.examples import load_example
from workbook.export import ExportOptions
from workbook.export.blocks import Blocks
from workbook.export.fonts import FontChooser
from workbook.export.story import Heading, StoryBuilder
from workbook.export.styles import Palette, StyleSheet
from workbook.model import Channel, ListeningNote, Plan, Sentiment


def build(plan: Plan, **options) -> StoryBuilder:
    styles = StyleSheet(Palette.from_hex("#1F6F8B"))
    blocks = Blocks(styles, FontChooser(), A4[0] - 120)
    builder = StoryBuilder(plan, ExportOptions(**options), blocks)
    builder.story = builder.build()
    return builder


def walk(flowables: list) -> list[Flowable]:
    """Every flowable, table cells and kept-together groups included."""
    out: list[Flowable] = []
    for f in flowables:
        if isinstance(f, (list, tuple)):
            out += walk(list(f))
            continue
        out.append(f)
        if isinstance(f, KeepTogether):
            out += walk(f._content)
        elif isinstance(f, Table):
            for row in f._cellvalues:
                out += walk([c for c in row if not isinstance(c, str)])
    return out


def texts(builder: StoryBuilder) -> list[str]:
    return [f.getPlainText() for f in walk(builder.story) if isinstance(f, Paragraph)]


def raw(builder: StoryBuilder) -> list[str]:
    return [f.text for f in walk(builder.story) if isinstance(f, Paragraph)]


def labels(builder: StoryBuilder) -> list[str]:
    style = builder.styles["label"]
    return [
        f.getPlainText()
        for f in walk(builder.story)
        if isinstance(f, Paragraph) and f.style is style
    ]


def test_blank_fields_print_no_headings():
    plan = Plan()
    plan.management.governance.brand_voice = "Warm and plain"
    builder = build(plan, include_prompts=False)
    assert labels(builder) == ["BRAND VOICE"]
    headings = [h.toc_text for h in builder.headings]
    # Only the stage headings, the summary, the governance part and the checklist.
    assert "Governance" in headings
    for empty in (
        "Presence inventory",
        "Resources",
        "Learnings",
        "Listening notes",
        "Response playbook",
        "The 7 P's at a glance",
        "Themes and sentiment",
    ):
        assert empty not in headings


def test_whitespace_only_answers_count_as_blank():
    plan = Plan()
    plan.listening.learnings.unlearn = "  \n\t "
    assert "WHAT WE MUST UNLEARN" not in labels(build(plan))


def test_every_user_string_is_escaped_in_the_story():
    plan = Plan()
    plan.details.title = "<b>x</b>"
    plan.management.presence = [Channel(handle='<img src="/etc/passwd"/>', purpose="AT&T")]
    plan.listening.learnings.market_wants = "&amp; <font size=80>"
    builder = build(plan)
    markup = "\n".join(raw(builder))
    assert "<img" not in markup and "<font size=80>" not in markup
    plain = texts(builder)
    assert "<b>x</b>" in plain
    assert '<img src="/etc/passwd"/>' in plain
    assert "AT&T" in plain
    assert "&amp; <font size=80>" in plain


def test_prompts_can_be_left_out():
    plan = load_example("bakery")
    with_prompts = texts(build(plan))
    without = texts(build(plan, include_prompts=False))
    assert "What shall we call this plan?" not in without
    assert any(t.startswith("Before you say anything online") for t in with_prompts)
    assert not any(t.startswith("Before you say anything online") for t in without)
    # The answers are there either way.
    answer = plan.management.governance.brand_voice
    assert answer in with_prompts and answer in without


def test_sections_follow_the_series():
    builder = build(load_example("bakery"))
    top = [h.toc_text for h in builder.headings if h.toc_level == 0]
    assert top == [
        "Executive summary",
        "Management & Administration",
        "Listening & Learning",
        "Thinking & Planning",
        "Engagement",
        "Readiness checklist",
    ]
    assert all(isinstance(h, Heading) for h in builder.headings)


def test_contents_are_prefilled_with_every_heading():
    builder = build(load_example("bakery"))
    entries = builder.toc.entries
    assert [e[1] for e in entries] == [h.toc_text for h in builder.headings]


def test_summary_quotes_long_answers_briefly():
    plan = Plan()
    plan.planning.seven_ps.purpose.decision = "serve " * 400
    builder = build(plan)
    summary_cells = [t for t in texts(builder) if t.startswith("serve serve") and t.endswith("…")]
    assert summary_cells, "the summary should quote the decision in brief"
    total = sum(t.count("serve") for t in texts(builder))
    assert total >= 400 + summary_cells[0].count("serve"), "full text in stage 3"


def test_checklist_comes_from_completeness():
    from workbook.completeness import assess

    plan = Plan()
    plan.listening.notes = [
        ListeningNote(
            noted_on=date(2026, 1, 2), said="Hi", sentiment=Sentiment.POSITIVE, tags=["price"]
        )
    ]
    gaps = [g.label for g in assess(plan).gaps]
    plain = {" ".join(t.split()) for t in texts(build(plan))}
    for label in gaps:
        assert f"☐ {label}" in plain


@pytest.mark.parametrize("size", [1, 3])
def test_long_cells_continue_in_extra_rows(size):
    plan = Plan()
    plan.listening.notes = [ListeningNote(said=("a long quote " * 800) * size)]
    builder = build(plan)
    tables = [f for f in walk(builder.story) if isinstance(f, Table)]
    notes_table = next(
        t
        for t in tables
        if isinstance(t._cellvalues[0][0], Paragraph)
        and t._cellvalues[0][0].getPlainText() == "Date"
    )
    assert len(notes_table._cellvalues) > 2  # header plus continuation rows
