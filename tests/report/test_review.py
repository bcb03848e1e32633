"""The review cycle in the document: the four A's over time (status, chart and its text
equivalent, readings), spending against the plan, the action plan, "What changed since" a
snapshot, and the workshop's parking lot, in the model and in every format."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest

from tests.export import pdfcheck
from tests.report import readers
from tests.report.plans import HTML_TROUBLE, hostile_plan
from workbook.examples import load_example
from workbook.export.options import ExportError
from workbook.model import AgreedAction, ListeningNote, ParkedIdea, ParkingOutcome, Plan
from workbook.report import ReportOptions, Section, build_report, render_report
from workbook.report.blocks import (
    Heading,
    LineChart,
    Paragraph,
    Revision,
    RevisionKey,
    Run,
    Table,
    figure_with_unit,
)
from workbook.report.changes import trimmed_runs
from workbook.report.markdown import marked_words
from workbook.snapshots import take_snapshot
from workbook.stages import Stage

TODAY = date(2026, 11, 27)
SNAPSHOT = "Before the spring workshop"


@pytest.fixture(scope="module")
def bakery() -> Plan:
    return load_example("bakery")


@pytest.fixture(scope="module")
def bakery_doc(bakery):
    return build_report(bakery, today=TODAY)


def section(doc, anchor: str) -> list:
    """The blocks from the heading with ``anchor`` to the next heading of its level."""
    blocks = list(doc.blocks)
    start = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.anchor == anchor)
    level = blocks[start].level
    end = next(
        (
            i
            for i in range(start + 1, len(blocks))
            if isinstance(blocks[i], Heading) and blocks[i].level <= level
        ),
        len(blocks),
    )
    return blocks[start:end]


# ---------------------------------------------------------------- the four A's over time


def test_each_measure_has_its_status_in_words_a_chart_and_its_readings(bakery, bakery_doc):
    part = section(bakery_doc, "the-four-a-s-over-time")
    first = bakery.engagement.measures[0]
    start = next(i for i, b in enumerate(part) if isinstance(b, Heading) and b.level == 3)
    heading, status, chart, readings = part[start : start + 4]
    assert heading.text == f"Attention: {first.indicator}"
    assert isinstance(status, Paragraph)
    assert status.text.startswith("On track: the latest reading, 74 reactions a day on 26 Jun")
    assert "Measured in reactions a day; higher is better." in status.text
    assert isinstance(chart, LineChart)
    assert [p.value for p in chart.readings] == [52, 61, 74]
    assert chart.baseline is not None and chart.baseline.value == 40
    assert chart.target is not None and chart.target.on == date(2026, 9, 30)
    assert isinstance(readings, Table) and readings.key == "readings"
    assert readings.header == ("Date", "Figure", "Note")
    notes = [r for r in bakery.engagement.readings if r.measure == first.id]
    assert readings.rows[0] == ("24 Apr 2026", "52 reactions a day", notes[0].note)
    # Every measure with readings is there, each with its status.
    words = [b.text.split(":")[0] for b in part if isinstance(b, Paragraph)]
    assert len(words) == len(bakery.engagement.measures)
    assert set(words) <= {"On track", "Behind", "Achieved", "Not started", "No target figure"}
    assert "Behind" in words and "Achieved" in words


def test_a_lower_is_better_measure_is_judged_the_other_way():
    plan = Plan()
    measure = plan.engagement.measures[0]
    measure.indicator, measure.unit = "Complaints", "a month"
    measure.direction = "down"
    measure.baseline_value, measure.baseline_on = 20, date(2026, 1, 1)
    measure.target_value, measure.target_on = 4, date(2026, 12, 31)
    from workbook.model import Reading

    plan.engagement.readings = [
        Reading(measure=measure.id, taken_on=date(2026, 7, 1), value=9),
        Reading(measure=measure.id, taken_on=date(2026, 3, 1), value=18),
    ]
    doc = build_report(plan, today=TODAY)
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    status = next(t for t in texts if t.endswith("Measured in a month; lower is better."))
    assert status.startswith("On track: the latest reading, 9 a month on 1 Jul 2026")
    table = next(b for b in doc.blocks if isinstance(b, Table) and b.key == "readings")
    assert [row[0] for row in table.rows] == ["1 Mar 2026", "1 Jul 2026"]  # oldest first


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (62, "a day", "62 a day"),
        (45, "%", "45%"),
        (120, "£ a month", "£120 a month"),
        (1.5, "", "1.5"),
    ],
)
def test_figures_carry_their_unit_as_people_write_it(value, unit, shown):
    assert figure_with_unit(value, unit) == shown


def test_the_chart_has_a_text_equivalent_in_markdown_html_and_word(bakery_doc):
    chart = next(b for b in bakery_doc.blocks if isinstance(b, LineChart))
    table = chart.as_table()
    assert table.rows == (
        ("Baseline", "12 Mar 2026", "40 reactions a day"),
        ("First reading", "24 Apr 2026", "52 reactions a day"),
        ("Latest reading", "26 Jun 2026", "74 reactions a day"),
        ("Target", "30 Sep 2026", "90 reactions a day"),
    )
    md = render_report(bakery_doc, "md").decode("utf-8")
    assert "| Latest reading | 26 Jun 2026 | 74 reactions a day |" in md
    root = readers.parse_html(render_report(bakery_doc, "html").decode("utf-8"))
    figures = [f for f in root.iter(f"{readers.XHTML}figure") if "line-chart" in f.get("class", "")]
    assert len(figures) == len(bakery_doc.find(LineChart))
    svg = figures[0].find("{http://www.w3.org/2000/svg}svg")
    assert svg is not None and svg.get("aria-hidden") == "true"
    cells = [" ".join(td.itertext()) for td in figures[0].iter(f"{readers.XHTML}td")]
    assert cells[-3:] == ["Target", "30 Sep 2026", "90 reactions a day"]
    document = readers.docx_document(render_report(bakery_doc, "docx"))
    rows = [
        tuple(cell.text for cell in row.cells)
        for table in document.tables
        for row in table.rows
        if row.cells[0].text == "Latest reading"
    ]
    assert ("Latest reading", "26 Jun 2026", "74 reactions a day") in rows


def test_the_pdf_draws_the_chart_and_prints_the_readings(bakery):
    from workbook.export import ExportOptions, render_pdf

    data = render_pdf(bakery, ExportOptions()).data
    text = " ".join(pdfcheck.extract_text(data).split())
    assert "The four A's over time" in text
    assert "Readings over time: the open circle is the baseline" in text
    assert "74 reactions a day" in text


# ---------------------------------------------------------------- spending and actions


def test_spending_is_set_against_the_plan(bakery, bakery_doc):
    part = section(bakery_doc, "spending-against-the-plan")
    lead = part[1]
    assert lead.text == (
        "Over the 2 periods recorded, the activities took 37.5 h of time against 36 h "
        "planned (1.5 h over), and 53 in money against 50 planned (3 over)."
    )
    table = next(b for b in part if isinstance(b, Table))
    assert table.header == (
        "Period",
        "Hours spent",
        "Hours planned",
        "Money spent",
        "Money planned",
        "Note",
    )
    first = bakery.engagement.spending[0]
    assert table.rows[0][0] == "1 Apr 2026 to 30 Apr 2026"
    assert table.rows[0][1] == "20 h" and table.rows[0][-1] == first.note


def test_spending_says_when_the_activities_plan_no_money(bakery):
    from workbook.report.review import spending_blocks

    plan = bakery.model_copy(deep=True)
    for activity in plan.engagement.activities:
        activity.money_per_month = None
    lead = spending_blocks(plan)[0].text
    assert lead.endswith("and 53 in money, where the activities plan no money.")


def test_the_action_plan_lists_agreed_actions_with_who_due_and_done(bakery, bakery_doc):
    table = next(b for b in bakery_doc.blocks if isinstance(b, Table) and b.key == "action_plan")
    assert table.header == ("When", "What", "Kind", "Who", "Repeats", "Done")
    by_what = {row[1]: row for row in table.rows}
    for action in bakery.engagement.actions:
        row = by_what[" ".join(action.what.split())]
        assert row[2] == "Agreed action"
        assert row[3] == action.who
        assert row[4] == ""
        assert row[5] == ("Done" if action.done else "")
    dated = [row[0] for row in table.rows if row[0] != "Not dated"]
    days = [datetime.strptime(d, "%d %b %Y").date() for d in dated]
    assert days == sorted(days)


# ---------------------------------------------------------------- what changed since


@pytest.fixture(scope="module")
def changed_plan() -> Plan:
    """The bakery before and after a workshop: an edited intent, a note added, one removed."""
    plan = load_example("bakery")
    take_snapshot(plan, SNAPSHOT, "Taken at the door", now=datetime(2026, 3, 1, tzinfo=UTC))
    plan.planning.intent = plan.planning.intent.replace(
        "good bread", "good sourdough bread"
    ).replace("honest allergy information", "labels we trust")
    plan.listening.notes.append(ListeningNote(said="Please keep the rye on Saturdays"))
    del plan.listening.notes[3]
    return plan


def test_changes_since_a_snapshot_shows_words_and_rows(changed_plan):
    removed_note = load_example("bakery").listening.notes[3].said
    doc = build_report(changed_plan, ReportOptions(changes_since=SNAPSHOT), today=TODAY)
    part = section(doc, "what-changed")
    assert part[0].text == f"What changed since “{SNAPSHOT}”"
    assert Paragraph("Taken at the door", "note") in part
    assert any(isinstance(b, RevisionKey) for b in part)
    lead = next(b for b in part if isinstance(b, Paragraph) and b.tone == "body")
    assert "1 March 2026" in lead.text and "1 changed, 1 added and 1 removed" in lead.text
    revision = next(b for b in part if isinstance(b, Revision))
    assert revision.label == "Intent: the value we will give"
    inserted = [r.text.strip() for r in revision.runs if r.mark == "insert"]
    removed = [r.text.strip() for r in revision.runs if r.mark == "delete"]
    assert "sourdough" in inserted and "labels we trust" in inserted
    assert "honest allergy information" in removed
    rows = next(b for b in part if isinstance(b, Table) and b.key == "changed_rows")
    assert ("Added", "Listening notes › note 35", "Please keep the rye on Saturdays") in rows.rows
    gone = [row for row in rows.rows if row[0] == "Removed"]
    assert len(gone) == 1 and removed_note.startswith(gone[0][2].rstrip("…"))
    # Stage headings follow the stages with changes, in plan order.
    stages = [b.text for b in part if isinstance(b, Heading) and b.level == 2]
    assert stages == [Stage.LISTENING.title, Stage.PLANNING.title]


def test_changes_are_marked_in_every_format(changed_plan):
    doc = build_report(changed_plan, ReportOptions(changes_since=SNAPSHOT), today=TODAY)
    md = render_report(doc, "md").decode("utf-8")
    assert "good \\[added: sourdough\\] bread" in md
    assert "\\[removed: honest allergy information\\]" in md
    html = render_report(doc, "html").decode("utf-8")
    root = readers.parse_html(html)
    assert [e.text for e in root.iter(f"{readers.XHTML}ins")][1:] == [
        "sourdough",
        "labels we trust",
    ]
    assert "honest allergy information" in [e.text for e in root.iter(f"{readers.XHTML}del")]
    xml = readers.docx_xml(render_report(doc, "docx"))
    underlined = re.findall(r'<w:u w:val="single"/></w:rPr><w:t[^>]*>([^<]*)</w:t>', xml)
    struck = re.findall(r"<w:strike/>.*?<w:t[^>]*>([^<]*)</w:t>", xml)
    assert "sourdough " in underlined or "sourdough" in underlined
    assert any("honest allergy information" in s for s in struck)
    text = pdfcheck.extract_text(render_report(doc, "pdf"))
    assert f"What changed since “{SNAPSHOT}”" in " ".join(text.split())
    assert "good sourdough bread" in " ".join(text.split())


def test_no_changes_section_unless_asked(changed_plan):
    doc = build_report(changed_plan, today=TODAY)
    assert not [b for b in doc.blocks if isinstance(b, Heading) and b.anchor == "what-changed"]


def test_an_unknown_snapshot_is_an_error_naming_the_plans_snapshots(changed_plan):
    with pytest.raises(ExportError) as raised:
        build_report(changed_plan, ReportOptions(changes_since="Last year"), today=TODAY)
    assert "no snapshot called “Last year”" in str(raised.value)
    assert f"“{SNAPSHOT}”" in str(raised.value)


def test_long_unchanged_text_is_cut_around_the_change():
    from workbook.diff import word_diff

    old = " ".join(f"word{i}" for i in range(100))
    new = old.replace("word50", "changed")
    runs = trimmed_runs(word_diff(old, new), context=3)
    text = "".join(r.text for r in runs)
    # Three words either side of the change; the rest of the text is cut with "…". The
    # words taken out and those put in their place are kept apart by a space of their own.
    assert text == "… word47 word48 word49 word50 changed word51 word52 word53 …"
    assert [r.text for r in runs if r.mark] == ["word50", "changed"]


def test_marked_words_keep_the_spaces_outside_the_brackets():
    runs = (Run("good "), Run("sourdough ", "insert"), Run("bread"))
    assert marked_words(runs) == "good [added: sourdough] bread"


def test_report_options_keep_the_snapshot_choice():
    options = ReportOptions(changes_since="  Before   the workshop ")
    assert options.validated().changes_since == "Before the workshop"
    assert ReportOptions.from_dict(options.to_dict()) == options
    assert ReportOptions.from_dict({"changes_since": 3}).changes_since == ""


# ---------------------------------------------------------------- the parking lot


def test_the_parking_lot_is_an_appendix_with_what_became_of_each_idea():
    plan = load_example("bakery")
    plan.workshop.parking_lot = [
        ParkedIdea(
            idea="A loyalty card?", raised_on=date(2026, 3, 12), raised_during=Stage.PLANNING
        ),
        ParkedIdea(idea="Ask the school", outcome=ParkingOutcome.ACTION),
    ]
    doc = build_report(plan, today=TODAY)
    heading = next(b for b in doc.blocks if isinstance(b, Heading) and "Parking lot" in b.text)
    assert heading.text == "Appendix B: Parking lot"  # after the notes log
    table = next(b for b in doc.blocks if isinstance(b, Table) and b.key == "parking_lot")
    assert table.header == ("Idea", "Raised on", "During", "What became of it")
    assert table.rows == (
        ("A loyalty card?", "12 Mar 2026", Stage.PLANNING.title, "Not reviewed yet"),
        ("Ask the school", "", "", "Turned into an agreed action"),
    )
    lead = next(b for b in section(doc, heading.anchor) if isinstance(b, Paragraph))
    assert lead.text.endswith("1 of 2 ideas reviewed so far.")


def test_no_parking_lot_appendix_when_empty_or_left_out(bakery):
    empty = bakery.model_copy(deep=True)
    empty.workshop.parking_lot = []
    for doc in (
        build_report(empty, today=TODAY),
        build_report(
            bakery,
            ReportOptions(sections=tuple(s for s in Section if s is not Section.PARKING_LOT)),
            today=TODAY,
        ),
    ):
        assert not [b for b in doc.blocks if isinstance(b, Table) and b.key == "parking_lot"]


# ---------------------------------------------------------------- hostile text


@pytest.fixture(scope="module")
def hostile_changes():
    plan = hostile_plan()
    name = "<script>alert('snap')</script> & [x](y)"
    take_snapshot(plan, name, now=datetime(2026, 3, 1, tzinfo=UTC))
    plan.planning.intent = "<img src=x onerror=alert(2)> " + plan.planning.intent
    plan.engagement.actions.append(AgreedAction(what="<b>new</b> **action**", who="# Sam"))
    doc = build_report(plan, ReportOptions(changes_since=name), today=TODAY)
    return plan, name, doc


def test_hostile_review_text_comes_back_as_text_in_html(hostile_changes):
    plan, name, doc = hostile_changes
    root = readers.parse_html(render_report(doc, "html").decode("utf-8"))  # strict HTML5
    tags = readers.html_tags(root)
    for tag in ("script", "img", "iframe", "object", "embed", "form"):
        assert tags[tag] == 0, tag
    for element in root.iter():
        for attribute, value in element.attrib.items():
            assert not attribute.casefold().startswith("on"), attribute
            assert attribute != "href" or value.startswith("#"), value
    text = readers.html_text(root)
    assert f"What changed since “{name}”" in text
    assert "<img src=x onerror=alert(2)>" in text
    assert "<b>new</b> **action**" in text
    assert plan.workshop.parking_lot[0].idea in text
    note = next(r.note for r in plan.engagement.readings if r.note.strip())
    assert readers.fold(note) in text


def test_hostile_review_text_makes_no_markdown_or_word_markup(hostile_changes):
    plan, name, doc = hostile_changes
    md = render_report(doc, "md").decode("utf-8")
    tokens = readers.markdown_tokens(md)
    kinds = {t.type for t in tokens}
    assert not kinds & {"html_inline", "html_block", "image", "code_inline", "fence"}
    assert all(str(t.attrGet("href")).startswith("#") for t in tokens if t.type == "link_open")
    text = readers.markdown_text(md)
    assert f"What changed since “{name}”" in text
    assert "[added: <img src=x onerror=alert(2)>]" in text
    document = readers.docx_document(render_report(doc, "docx"))
    assert f"What changed since “{name}”" in readers.docx_text(document)
    assert "<w:hyperlink" not in readers.docx_xml(render_report(doc, "docx"))
    assert any(s in readers.docx_text(document) for s in HTML_TROUBLE)


def test_html_keeps_the_spaces_around_added_and_removed_words():
    """An added sentence after a full stop: its space stays, outside the underline."""
    plan = load_example("bakery")
    take_snapshot(plan, SNAPSHOT, now=datetime(2026, 3, 1, tzinfo=UTC))
    plan.planning.intent += " We answer allergy questions the same day."
    plan.planning.intent = plan.planning.intent.replace("Make it easy", "Make it simple")
    doc = build_report(plan, ReportOptions(changes_since=SNAPSHOT), today=TODAY)
    root = readers.parse_html(render_report(doc, "html").decode("utf-8"))
    revision = next(p for p in root.iter(f"{readers.XHTML}p") if "revision" in p.get("class", ""))
    text = "".join(revision.itertext())
    assert "town. We answer allergy questions the same day." in text
    assert "Make it easy simple and" in text
    assert [e.text for e in revision.iter(f"{readers.XHTML}ins")] == [
        "simple",
        "We answer allergy questions the same day.",
    ]
