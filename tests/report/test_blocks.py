"""What goes into the report, block by block, before any format is involved."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from workbook import guidance
from workbook.completeness import assess
from workbook.examples import load_example
from workbook.model import Channel, FourA, Plan, Sentiment
from workbook.report import (
    Branding,
    NotesLog,
    ReportKind,
    ReportOptions,
    Section,
    build_report,
)
from workbook.report.blocks import (
    AppendixStart,
    BarChart,
    Checklist,
    Contents,
    Cover,
    Heading,
    KeyValues,
    PageBreak,
    Paragraph,
    Quote,
    ReportDocument,
    Table,
    WriteIn,
)
from workbook.report.common import format_date

TODAY = date(2026, 11, 27)
"""After the bakery's next review (29 June 2026) and its plan date (12 March 2026)."""


def texts(doc: ReportDocument) -> list[str]:
    """Every string the document prints, in order."""
    out: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Paragraph | Heading):
            out.append(block.text)
        elif isinstance(block, Cover):
            out += [block.kicker, block.title, block.subtitle, block.note]
            out += [f"{k}: {v}" for k, v in block.details]
        elif isinstance(block, KeyValues):
            out += [f"{k}: {v}" for k, v in block.items]
        elif isinstance(block, Table):
            out += [c.header for c in block.columns] + [c for row in block.rows for c in row]
        elif isinstance(block, Quote):
            out += [block.text, block.attribution]
        elif isinstance(block, Checklist):
            out += [i.text for i in block.items]
        elif hasattr(block, "items"):
            out += list(block.items)
    return out


def section(doc: ReportDocument, anchor: str) -> list:
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


@pytest.fixture(scope="module")
def bakery() -> Plan:
    return load_example("bakery")


@pytest.fixture(scope="module")
def bakery_doc(bakery: Plan) -> ReportDocument:
    return build_report(bakery, today=TODAY)


# ---------------------------------------------------------------- the executive summary


def test_summary_has_its_five_parts_in_order(bakery_doc):
    summary = section(bakery_doc, "summary")
    parts = [b.text for b in summary if isinstance(b, Heading) and b.level == 2]
    assert parts == [
        "What we heard",
        "What we decided",
        "How we will engage",
        "How we will know",
        "The next 90 days",
    ]


def test_what_we_heard_gives_the_top_themes_each_with_a_quote_from_its_notes(bakery, bakery_doc):
    heard = section(bakery_doc, "what-we-heard")
    labels = [b.text for b in heard if isinstance(b, Paragraph) and b.tone == "label"]
    assert labels[0] == "community (13 notes: mostly positive)"
    assert labels[1].startswith("bread quality (12 notes: 6 positive, 3 mixed")
    quotes = [b for b in heard if isinstance(b, Quote)]
    assert len(quotes) == len(labels) == 3
    notes = bakery.listening.notes
    for label, quote in zip(labels, quotes, strict=True):
        theme = label.split(" (")[0]
        note = next(n for n in notes if n.said.strip() == quote.text)
        assert theme in [t.casefold() for t in note.tags]
        assert note.who in quote.attribution
    assert len({q.text for q in quotes}) == 3, "each theme gets its own quote"


def test_the_quote_for_a_theme_shares_its_usual_mood(bakery, bakery_doc):
    community = next(b for b in section(bakery_doc, "what-we-heard") if isinstance(b, Quote))
    note = next(n for n in bakery.listening.notes if n.said.strip() == community.text)
    assert note.sentiment is Sentiment.POSITIVE


def test_what_we_decided_gives_the_intent_and_each_p_in_a_sentence(bakery, bakery_doc):
    decided = section(bakery_doc, "what-we-decided")
    assert decided[1] == Paragraph(bakery.planning.intent, "lead")
    pairs = next(b for b in decided if isinstance(b, KeyValues)).items
    assert [label for label, _ in pairs] == [
        "Purpose",
        "People",
        "Places",
        "Process",
        "Platform",
        "Practices",
        "Participate",
    ]
    purpose = dict(pairs)["Purpose"]
    assert purpose == (
        "We are online to help locals plan breakfasts, lunches and celebrations, and to be "
        "a good neighbour on Harbour Street, not to push discounts."
    )


def test_how_we_will_engage_lists_activities_with_the_value_they_give(bakery, bakery_doc):
    engage = section(bakery_doc, "how-we-will-engage")
    items = next(b for b in engage if hasattr(b, "items")).items
    first = bakery.engagement.activities[0]
    assert items[0] == f"{first.activity}: {first.value_offered}"
    assert len(items) == 6
    assert Paragraph("1 more activity in Engagement.", "note") in engage


def test_how_we_will_know_tables_the_four_as_from_the_latest_reading_to_target(bakery_doc):
    table = next(b for b in section(bakery_doc, "how-we-will-know") if isinstance(b, Table))
    assert table.key == "four_as"
    assert table.header == ("The A", "Indicator", "Now", "Target", "Status")
    # "Now" is the latest reading once there are readings; the status says how it is doing.
    assert table.rows[0] == (
        "Attention",
        "People who react to or reply to the noon update",
        "74 reactions a day (26 Jun 2026)",
        "90 a day by September",
        "On track",
    )


def test_how_we_will_know_shows_the_baseline_before_any_reading(bakery):
    plan = bakery.model_copy(deep=True)
    plan.engagement.readings = []
    doc = build_report(plan, today=date(2026, 11, 27))
    table = next(b for b in section(doc, "how-we-will-know") if isinstance(b, Table))
    assert table.rows[0][2:] == ("About 40 a day", "90 a day by September", "Not started")


def test_next_90_days_lists_dated_activities_in_order_from_the_plan_date(bakery, bakery_doc):
    days = section(bakery_doc, "next-90-days")
    table = next(b for b in days if isinstance(b, Table))
    start = bakery.details.plan_date
    dated = sorted(
        (a for a in bakery.engagement.activities if a.start_date),
        key=lambda a: a.start_date,
    )
    assert [row[1] for row in table.rows] == [a.activity for a in dated]
    assert [row[0] for row in table.rows] == [format_date(a.start_date) for a in dated], (
        "every activity starts after the plan date"
    )
    assert all(start <= a.start_date <= start + timedelta(days=90) for a in dated)
    review = next(b for b in days if isinstance(b, KeyValues))
    assert review.items[0] == ("Next review", format_date(bakery.engagement.review.next_review))


def test_an_activity_under_way_before_the_plan_date_says_so(bakery):
    plan = bakery.model_copy(deep=True)
    plan.engagement.activities[2].start_date = date(2026, 3, 1)
    rows = next(
        b for b in section(build_report(plan, today=TODAY), "next-90-days") if isinstance(b, Table)
    ).rows
    assert rows[0] == (
        "Under way since 1 March 2026",
        plan.engagement.activities[2].activity,
        plan.engagement.activities[2].owner,
    )


def test_a_review_date_in_the_past_is_called_out(bakery):
    past = build_report(bakery, today=TODAY)
    warnings = [b.text for b in past.blocks if isinstance(b, Paragraph) and b.tone == "warning"]
    assert warnings and all("29 June 2026 has already passed" in w for w in warnings)
    future = build_report(bakery, today=date(2026, 6, 1))
    assert not [b for b in future.blocks if isinstance(b, Paragraph) and b.tone == "warning"]


def test_an_activity_beyond_90_days_is_not_in_the_next_90_days(bakery):
    plan = bakery.model_copy(deep=True)
    plan.engagement.activities[0].start_date = date(2026, 12, 25)
    days = section(build_report(plan, today=TODAY), "next-90-days")
    rows = next(b for b in days if isinstance(b, Table)).rows
    assert plan.engagement.activities[0].activity not in [row[1] for row in rows]


def test_no_completeness_figures_in_the_body(bakery_doc):
    plan = Plan()
    plan.details.organisation = "Half Done Ltd"
    for doc in (bakery_doc, build_report(plan, today=TODAY)):
        for text in texts(doc):
            assert "%" not in text, text
            assert "complete" not in text.casefold(), text


# ---------------------------------------------------------------- answers only


def test_client_document_prints_no_prompts_or_guidance(bakery_doc):
    printed = "\n".join(texts(bakery_doc))
    for guide in guidance.FIELD_GUIDES.values():
        assert guide.prompt not in printed
        assert guide.help not in printed
    for intro in (*guidance.STAGE_INTROS.values(), *guidance.SECTION_INTROS.values()):
        assert intro not in printed
    for p_guide in guidance.SEVEN_P_GUIDES.values():
        assert not any(q in printed for q in p_guide.questions)


def test_guidance_on_adds_the_stage_introductions(bakery):
    doc = build_report(bakery, ReportOptions(guidance=True), today=TODAY)
    helps = [b.text for b in doc.blocks if isinstance(b, Paragraph) and b.tone == "help"]
    assert guidance.STAGE_INTROS[next(iter(guidance.STAGE_INTROS))] not in helps  # details
    for stage, intro in guidance.STAGE_INTROS.items():
        if stage.value != "details":
            assert intro in helps


def test_the_document_speaks_about_the_organisation_not_to_the_reader(bakery_doc, bakery):
    ours = [
        b.text
        for b in bakery_doc.blocks
        if isinstance(b, Paragraph) and b.tone in ("body", "note", "lead", "warning")
    ]
    user = {bakery.planning.intent, bakery.listening.intent}
    for text in ours:
        if text not in user:
            assert " you " not in f" {text.casefold()} ", text
            assert "your " not in text.casefold(), text


def test_one_preparer_from_the_plan_or_else_the_consultant(bakery):
    branding = Branding("Ana Ruiz", "Ruiz & Partners")
    doc = build_report(bakery, branding=branding, today=TODAY)
    cover = doc.blocks[0]
    assert isinstance(cover, Cover)
    assert [v for k, v in cover.details if k == "Prepared by"] == [
        "Sam Ellis, Ellis Digital Advice"
    ]
    assert doc.meta.author == "Sam Ellis, Ellis Digital Advice"
    blank = build_report(Plan(), branding=branding, today=TODAY)
    assert dict(blank.blocks[0].details)["Prepared by"] == "Ana Ruiz, Ruiz & Partners"
    assert blank.meta.author == "Ana Ruiz, Ruiz & Partners"


# ---------------------------------------------------------------- order and appendices


def test_notes_log_is_an_appendix_after_the_strategy(bakery, bakery_doc):
    blocks = list(bakery_doc.blocks)
    appendix = next(i for i, b in enumerate(blocks) if isinstance(b, AppendixStart))
    engagement = next(
        i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.text == "Engagement"
    )
    notes = next(i for i, b in enumerate(blocks) if isinstance(b, Table) and b.key == "notes")
    assert engagement < appendix < notes
    table = blocks[notes]
    assert len(table.rows) == len(bakery.listening.notes)
    assert table.rows[0][2] == bakery.listening.notes[0].said
    assert isinstance(blocks[appendix - 1], PageBreak)


def test_notes_summary_gives_statistics_and_n_quotes_from_different_themes(bakery):
    options = ReportOptions(notes_log=NotesLog.SUMMARY, notes_quotes=4)
    notes_part = section(build_report(bakery, options, today=TODAY), "appendix-a")
    assert not [b for b in notes_part if isinstance(b, Table)]
    quotes = [b for b in notes_part if isinstance(b, Quote)]
    assert len(quotes) == 4
    stats = notes_part[1].text
    assert stats.startswith("35 notes from 3 November 2025 to 27 February 2026")
    assert "14 positive" in stats


def test_readiness_appendix_only_when_there_are_gaps(bakery_doc):
    assert not [b for b in bakery_doc.blocks if isinstance(b, Checklist)]
    assert "readiness" not in "".join(b.anchor for b in bakery_doc.headings())


def test_readiness_gaps_are_grouped_by_stage_without_duplicates(bakery):
    plan = bakery.model_copy(deep=True)
    # Two channels alike, with no purpose or owners: their gaps read the same.
    twins = [Channel(platform="facebook", handle="@crumb_twin") for _ in range(2)]
    plan.management.presence += twins
    # An owner left out is a gap of the plan and a condition for engaging, in other words.
    plan.planning.seven_ps.purpose.owner = ""
    status = assess(plan)
    labels = [g.label for g in status.gaps]
    assert len(labels) > len(set(labels)), "the plan should have gaps that read the same"
    readiness = [g.label for g in status.readiness_gaps]
    assert readiness == ["The 7 P's › Purpose › no owner yet"]
    doc = build_report(plan, today=TODAY)
    part = section(doc, "appendix-b")
    assert part[0].text == "Appendix B: Readiness checklist"
    stages = [b.text for b in part if isinstance(b, Heading) and b.level == 2]
    assert stages == ["Management & Administration", "Thinking & Planning"]
    items = [i.text for b in part if isinstance(b, Checklist) for i in b.items]
    assert len(items) == len(set(items)), "each open item once"
    assert not any(i.done for b in part if isinstance(b, Checklist) for i in b.items)
    # The owner is named once, in the words of the condition for engaging.
    assert "The 7 P's › Purpose › no owner yet" in items
    assert "The 7 P's › Purpose › Owner, from the People list" not in items
    assert set(items) == set(readiness) | (
        set(labels) - {"The 7 P's › Purpose › Owner, from the People list"}
    )
    planning = section(doc, "open-planning")
    assert Paragraph("Before engaging", "label") in planning
    summary = section(doc, "summary")
    assert any("Appendix B" in b.text for b in summary if isinstance(b, Paragraph))


def test_readiness_appendix_can_be_left_out(bakery):
    plan = bakery.model_copy(deep=True)
    plan.planning.seven_ps.purpose.owner = ""
    doc = build_report(plan, ReportOptions(readiness_appendix=False), today=TODAY)
    assert not [b for b in doc.blocks if isinstance(b, Checklist)]


def test_sources_credit_the_series_telligent_and_the_four_as(bakery_doc):
    sources = " ".join(
        texts(ReportDocument(bakery_doc.meta, tuple(section(bakery_doc, "sources"))))
    )
    assert "Jay Deragon" in sources and "Creating Social Media Value" in sources
    assert "Telligent" in sources
    assert "attention, attraction, affinity and audience" in sources.casefold()
    from workbook.about import SOURCES, SOURCES_NOTE

    assert all(source.what_we_took in sources for source in SOURCES)
    assert SOURCES_NOTE in sources


def test_sections_left_out_are_not_there(bakery):
    keep = (Section.SUMMARY, Section.PLANNING)
    doc = build_report(bakery, ReportOptions(sections=keep), today=TODAY)
    top = [h.text for h in doc.headings(max_level=1)]
    assert top == ["Executive summary", "Thinking & Planning"]


def test_every_top_level_section_starts_a_page(bakery_doc):
    blocks = list(bakery_doc.blocks)
    for index, block in enumerate(blocks):
        if (
            isinstance(block, Heading)
            and block.level == 1
            and block.text != "Management & Administration"
        ):
            assert isinstance(blocks[index - 1], PageBreak | AppendixStart), block.text


def test_charts_are_data_with_a_text_equivalent(bakery_doc):
    charts = {b.key: b for b in bakery_doc.blocks if isinstance(b, BarChart)}
    assert set(charts) == {"themes", "sentiment"}
    themes = charts["themes"].as_table()
    assert themes.rows[0] == ("community", "13")
    moods = dict(charts["sentiment"].as_table().rows)
    assert moods == {"Positive": "14", "Neutral": "6", "Negative": "8", "Mixed": "7"}
    assert {bar.role for bar in charts["sentiment"].bars} == {
        "positive",
        "neutral",
        "negative",
        "mixed",
    }


def test_anchors_are_unique_and_safe(bakery_doc):
    anchors = [h.anchor for h in bakery_doc.headings()]
    assert len(anchors) == len(set(anchors))
    assert all(a and set(a) <= set("abcdefghijklmnopqrstuvwxyz0123456789-") for a in anchors)


def test_a_blank_plan_makes_a_short_honest_document():
    doc = build_report(Plan(), today=TODAY)
    printed = texts(doc)
    assert "The organisation has not logged any listening yet." in printed
    assert "No engagement activities have been planned yet." in printed
    assert not [b for b in doc.blocks if isinstance(b, Table) and b.key == "notes"]
    # A stage with nothing in it yet takes no page of its own.
    blocks = list(doc.blocks)
    for index, block in enumerate(blocks):
        if isinstance(block, Heading) and block.kicker.startswith("Stage"):
            assert blocks[index + 1].text == "Nothing has been written for this stage yet."
            assert not isinstance(blocks[index - 1], PageBreak), block.text


def test_contents_come_after_the_cover(bakery_doc):
    assert isinstance(bakery_doc.blocks[0], Cover)
    assert isinstance(bakery_doc.blocks[1], Contents)


# ---------------------------------------------------------------- the worksheet


@pytest.fixture(scope="module")
def blank_sheet() -> ReportDocument:
    return build_report(Plan(), ReportOptions(kind=ReportKind.WORKSHEET), today=TODAY)


def test_worksheet_asks_every_guiding_question_with_room_to_write(blank_sheet):
    blocks = list(blank_sheet.blocks)
    questions = [
        i for i, b in enumerate(blocks) if isinstance(b, Paragraph) and b.tone == "question"
    ]
    assert len(questions) > 30
    for index in questions:
        following = blocks[index + 1 : index + 4]
        assert any(isinstance(b, WriteIn) for b in following) or isinstance(
            blocks[index + 1], Checklist
        ), blocks[index].text
    printed = texts(blank_sheet)
    assert guidance.FIELD_GUIDES["listening.learnings.unlearn"].prompt in printed
    for p_guide in guidance.SEVEN_P_GUIDES.values():
        assert all(q in printed for q in p_guide.questions)


def test_worksheet_has_empty_grids_with_the_right_columns(blank_sheet):
    grids = {b.key: b for b in blank_sheet.blocks if isinstance(b, Table)}
    presence = grids["presence"]
    assert presence.header[:3] == ("Platform", "Handle or address", "Purpose")
    assert len(presence.rows) == 3 and all(not any(c for c in row) for row in presence.rows)
    assert presence.write_in_rows == 3
    assert len(grids["notes"].rows) == 10
    assert [row[0] for row in grids["four_as_plan"].rows] == [
        "Attention",
        "Attraction",
        "Affinity",
        "Audience",
    ]
    assert [row[0] for row in grids["playbook"].rows][:6] == [
        "Question",
        "Praise",
        "Complaint",
        "Crisis",
        "Misinformation",
        "Idea / suggestion",
    ]


def test_worksheet_prints_answers_already_given_instead_of_space(bakery):
    plan = Plan()
    plan.details.organisation = "Crumb & Co. Bakery"
    plan.management.presence = [bakery.management.presence[0]]
    sheet = build_report(plan, ReportOptions(kind=ReportKind.WORKSHEET), today=TODAY)
    blocks = list(sheet.blocks)
    prompt = guidance.FIELD_GUIDES["details.organisation"].prompt
    index = next(i for i, b in enumerate(blocks) if getattr(b, "text", None) == prompt)
    answer = next(
        b for b in blocks[index + 1 : index + 3] if not isinstance(b, Paragraph) or b.tone != "help"
    )
    assert answer == Paragraph("Crumb & Co. Bakery", "answer")
    presence = next(b for b in blocks if isinstance(b, Table) and b.key == "presence")
    assert presence.rows[0][1] == "@crumbandco_bakes"
    assert len(presence.rows) == 4 and presence.write_in_rows == 3


def test_worksheet_help_follows_the_guidance_option():
    on = build_report(Plan(), ReportOptions(kind=ReportKind.WORKSHEET), today=TODAY)
    off = build_report(
        Plan(), ReportOptions(kind=ReportKind.WORKSHEET, guidance=False), today=TODAY
    )
    assert [b for b in on.blocks if isinstance(b, Paragraph) and b.tone == "help"]
    assert not [b for b in off.blocks if isinstance(b, Paragraph) and b.tone == "help"]


# ---------------------------------------------------------------- options


def test_options_survive_a_round_trip_through_json():
    import json

    options = ReportOptions(
        kind=ReportKind.WORKSHEET,
        sections=(Section.LISTENING, Section.NOTES),
        notes_log=NotesLog.SUMMARY,
        notes_quotes=7,
        guidance=False,
        readiness_appendix=False,
        page_size="Letter",
    )
    assert ReportOptions.from_dict(json.loads(json.dumps(options.to_dict()))) == options


def test_options_from_a_damaged_or_newer_file_fall_back_to_defaults():
    options = ReportOptions.from_dict(
        {
            "kind": "poster",
            "sections": ["summary", "timeline", 3],
            "notes_log": None,
            "notes_quotes": "many",
            "guidance": "yes",
            "page_size": "A3",
        }
    )
    assert options == ReportOptions(sections=(Section.SUMMARY,))


def test_a_light_accent_is_reported():
    doc = build_report(Plan(), branding=Branding(accent="#FFE600"), today=TODAY)
    assert doc.warnings and "#FFE600" in doc.warnings[0]
    assert not build_report(Plan(), today=TODAY).warnings


# ---------------------------------------------------------------- costs and listening threads


def test_what_each_method_costs_and_builds(bakery, bakery_doc):
    from workbook.costs import cost_report

    part = section(bakery_doc, "what-each-method-costs-and-builds")
    table = next(b for b in part if isinstance(b, Table) and b.key == "method_costs")
    report = cost_report(bakery)
    assert [row[0] for row in table.rows] == [a.name for a in report.activities]
    first = bakery.engagement.activities[0]
    assert table.rows[0] == (
        " ".join(first.activity.split()),
        first.answers,
        first.moves.label,
        f"{first.hours_per_month:g} h",
        "0",
    )
    totals = next(b for b in part if isinstance(b, Table) and b.key == "cost_totals")
    by_a = {row[0]: row for row in totals.rows}
    affinity = report.by_a[FourA.AFFINITY]
    assert by_a["Affinity"][1:] == (
        f"{affinity.activities} activities",
        f"{affinity.hours:g} h",
        f"{affinity.money:g}",
    )
    assert totals.rows[-1][0] == "All activities"
    assert totals.rows[-1][2] == f"{report.total.hours:g} h"


def test_the_cost_section_gives_which_methods_build_the_most(bakery, bakery_doc):
    part = section(bakery_doc, "cost-of-building-relationships")
    pairs = dict(next(b for b in part if isinstance(b, KeyValues)).items)
    assert pairs["What builds the most for what it costs"] == bakery.engagement.cost.best_value


def test_entries_drawn_from_listening_say_so(bakery, bakery_doc):
    from workbook.suggestions import link_label

    activities = next(
        b for b in bakery_doc.blocks if isinstance(b, Table) and b.key == "activities"
    )
    linked = [a for a in bakery.engagement.activities if a.from_listening]
    assert linked
    for activity in linked:
        cell = next(row[0] for row in activities.rows if row[0].startswith(activity.activity))
        assert cell == f"{activity.activity}\nDrawn {link_label(activity.from_listening)}"
    # The summary ties what was heard to what was decided.
    heard = section(bakery_doc, "what-we-heard")
    community = [b.text for b in heard if isinstance(b, Paragraph) and b.tone == "body"]
    assert any(t.startswith("What the plan does about it: the activity “") for t in community), (
        community
    )


def test_guidance_on_explains_the_method_in_the_sources(bakery):
    from workbook.about import ABOUT_THE_METHOD

    doc = build_report(bakery, ReportOptions(guidance=True), today=TODAY)
    printed = texts(ReportDocument(doc.meta, tuple(section(doc, "sources"))))
    assert all(paragraph in printed for paragraph in ABOUT_THE_METHOD)
    assert ABOUT_THE_METHOD[0] not in texts(build_report(bakery, today=TODAY))
