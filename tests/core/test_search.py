"""Search across the plan: every field and row holding all the words, case and accents ignored,
grouped by stage, each hit with its field path and a snippet."""

from __future__ import annotations

import datetime

import pytest

from workbook.model import ListeningNote, Plan, Sentiment, SituationType
from workbook.paths import get_value
from workbook.search import PlanIndex, fold, query_words, search, snippet
from workbook.stages import Stage


@pytest.fixture
def plan() -> Plan:
    plan = Plan()
    plan.details.title = "Café Crème social plan"
    plan.details.organisation = "Crumb & Co."
    plan.listening.notes = [
        ListeningNote(
            id="n1",
            noted_on=datetime.date(2024, 3, 5),
            source="Facebook group",
            said="Does anywhere do gluten-free bread that doesn't taste of cardboard?",
            tags=["allergies", "bread"],
            sentiment=Sentiment.NEGATIVE,
        ),
        ListeningNote(id="n2", said="Lovely cafe, friendly staff", tags=["staff"]),
        ListeningNote(id="n3", said="Bread was stale", who="A regular at the CAFÉ"),
    ]
    plan.planning.intent = "Be the café people trust with allergies."
    return plan


def _paths(plan: Plan, query: str) -> list[tuple[str, ...]]:
    return [hit.path for hit in search(plan, query).hits]


def test_case_and_accents_are_ignored(plan: Plan) -> None:
    expected = [
        ("details", "title"),
        ("listening", "notes", "n2", "said"),
        ("listening", "notes", "n3", "who"),
        ("planning", "intent"),
    ]
    assert _paths(plan, "cafe") == expected
    assert _paths(plan, "CAFÉ") == expected


def test_every_word_must_be_there(plan: Plan) -> None:
    assert _paths(plan, "gluten bread") == [("listening", "notes", "n1", "said")]
    assert _paths(plan, "gluten stale") == []  # in two different notes


def test_a_row_holding_the_words_across_its_fields_is_a_hit(plan: Plan) -> None:
    results = search(plan, "stale regular")
    assert [(h.path, h.whole_row) for h in results.hits] == [
        (("listening", "notes", "n3", "who"), True)  # its first field with one of them
    ]
    # A field holding every word is listed as itself, not again as its row.
    results = search(plan, "allergies")
    assert [(h.path, h.whole_row) for h in results.hits] == [
        (("listening", "notes", "n1", "tags"), False),
        (("planning", "intent"), False),
    ]


def test_hits_are_grouped_by_stage_in_workbook_order(plan: Plan) -> None:
    groups = search(plan, "cafe").by_stage()
    assert [stage for stage, _hits in groups] == [Stage.DETAILS, Stage.LISTENING, Stage.PLANNING]
    assert [len(hits) for _stage, hits in groups] == [1, 2, 1]
    assert search(plan, "cafe").summary() == "4 places in 3 stages"


def test_each_hit_has_its_path_place_and_snippet(plan: Plan) -> None:
    hit = search(plan, "cardboard").hits[0]
    assert get_value(plan, hit.path) == plan.listening.notes[0].said
    assert hit.stage == Stage.LISTENING
    assert hit.where == "Listening notes › note 1 › What was said"
    assert hit.snippet[hit.span[0] : hit.span[1]] == "cardboard"
    assert search(plan, "crumb").hits[0].where == "Organisation"


def test_choices_dates_and_themes_are_searchable(plan: Plan) -> None:
    assert _paths(plan, "negative") == [("listening", "notes", "n1", "sentiment")]
    assert _paths(plan, "2024-03") == [("listening", "notes", "n1", "noted_on")]
    assert ("engagement", "playbook", plan.engagement.playbook[2].id, "situation") in _paths(
        plan, SituationType.COMPLAINT.label
    )


def test_row_ids_and_file_keys_are_not_searched(plan: Plan) -> None:
    assert search(plan, "n1").hits == []
    assert search(plan, "social-media-value-workbook").hits == []


def test_snapshot_names_and_notes_are_not_searched(plan: Plan) -> None:
    from workbook.snapshots import take_snapshot

    take_snapshot(plan, "Zebra review", "zebra crossing")
    assert search(PlanIndex(plan), "zebra").total == 0


def test_quoted_phrase_and_empty_query(plan: Plan) -> None:
    assert query_words('"friendly  staff" Lovely') == ("friendly staff", "lovely")
    assert _paths(plan, '"friendly staff"') == [("listening", "notes", "n2", "said")]
    assert _paths(plan, '"staff friendly"') == []
    assert search(plan, "   ").hits == [] and search(plan, "").summary() == ""


def test_listing_stops_at_the_limit_but_counts_everything() -> None:
    plan = Plan()
    plan.listening.notes = [ListeningNote(said=f"cake number {n}") for n in range(30)]
    results = search(PlanIndex(plan), "cake", limit=10)
    assert (results.total, len(results.hits)) == (30, 10)
    assert results.summary() == "30 places in 1 stage (the first 10 listed)"
    assert results.hits[9].where == "Listening notes › note 10 › What was said"


def test_snippet_of_long_text_is_cut_at_words_with_ellipses() -> None:
    text = "word " * 50 + "needle in the haystack " + "more " * 60
    shown, (start, end) = snippet(text, fold(text), ("needle",))
    assert shown.startswith("…") and shown.endswith("…")
    assert shown[start:end] == "needle"
    assert len(shown) < 180 and "  " not in shown


def test_snippet_span_survives_folding_that_changes_length() -> None:
    text = "Die Straße am ﬁnsteren Café"  # ß folds to "ss", ﬁ to "fi"
    shown, (start, end) = snippet(text, fold(text), ("cafe",))
    assert shown[start:end] == "Café"
    shown, (start, end) = snippet(text, fold(text), ("strasse",))
    assert shown[start:end] == "Straße"
