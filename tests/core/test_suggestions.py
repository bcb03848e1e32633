"""Listening carried forward: suggestions drawn from a theme's notes, inserted as entries that
remember the notes behind them."""

from __future__ import annotations

from datetime import date

import pytest

from workbook.examples import load_example
from workbook.insights import theme_notes
from workbook.model import (
    Activity,
    FourA,
    FromListening,
    ListeningNote,
    Plan,
    PlaybookEntry,
    RelationshipMeasure,
    Sentiment,
    SevenP,
    SituationType,
)
from workbook.paths import get_value
from workbook.suggestions import (
    SuggestionKind,
    apply_suggestion,
    decision_edit,
    link_label,
    linked_entries,
    suggestions_for_theme,
    theme_suggestions,
)


def allergy_plan() -> Plan:
    plan = Plan()
    plan.listening.notes = [
        ListeningNote(
            id=f"00000000000{i}",
            noted_on=date(2026, 3, 1 + i),
            source="Parents group" if i < 3 else "Counter",
            who="A parent",
            said=f"Question {i} about nuts",
            tags=["Allergies"],
            sentiment=Sentiment.NEGATIVE if i < 3 else Sentiment.NEUTRAL,
            wants="A cake that is safe" if i % 2 else "Clear labels",
            opportunity="Share the allergen sheet",
        )
        for i in range(5)
    ]
    plan.listening.notes.append(ListeningNote(said="", tags=["allergies"]))  # nothing said
    plan.listening.notes.append(ListeningNote(said="Parking is hard", tags=["parking"]))
    return plan


def test_four_suggestions_built_from_the_themes_notes() -> None:
    plan = allergy_plan()
    suggestions = suggestions_for_theme(plan, "allergies")
    assert [s.kind for s in suggestions] == list(SuggestionKind)
    ids = tuple(f"00000000000{i}" for i in (4, 3, 2, 1, 0))  # the latest first
    assert all(s.note_ids == ids for s in suggestions)
    decision, reply, activity, measure = suggestions
    assert "heard in 5 notes" in decision.preview
    assert "Clear labels; A cake that is safe" in decision.preview  # the latest first
    assert "Share the allergen sheet" in decision.preview
    assert reply.values["situation"] is SituationType.COMPLAINT  # 3 of 5 were unhappy
    assert activity.values["channel"] == "Parents group"
    assert activity.values["answers"] == "allergies"
    assert activity.values["moves"] is FourA.AFFINITY
    assert measure.values["baseline"] == "5 notes about allergies in 5 days of listening"
    assert activity.source_label == "from 5 notes about allergies"


def test_a_theme_nobody_said_anything_about_has_no_suggestions() -> None:
    plan = Plan()
    plan.listening.notes = [ListeningNote(tags=["parking"])]
    assert suggestions_for_theme(plan, "parking") == []


@pytest.mark.parametrize(
    ("kind", "row_type"),
    [
        (SuggestionKind.PLAYBOOK, PlaybookEntry),
        (SuggestionKind.ACTIVITY, Activity),
        (SuggestionKind.MEASURE, RelationshipMeasure),
    ],
)
def test_inserting_makes_an_ordinary_row_that_remembers_its_notes(kind, row_type) -> None:
    plan = allergy_plan()
    suggestion = next(s for s in suggestions_for_theme(plan, "allergies") if s.kind is kind)
    path = apply_suggestion(plan, suggestion)
    row = get_value(plan, path)
    assert isinstance(row, row_type)
    assert row.from_listening == FromListening(
        themes=["allergies"], notes=list(suggestion.note_ids)
    )
    assert link_label(row.from_listening) == "from 5 notes about allergies"
    assert (path[:2], row.from_listening) in [(p[:2], link) for p, link in linked_entries(plan)]


def test_a_decision_draft_fills_an_empty_p_or_adds_a_paragraph() -> None:
    plan = allergy_plan()
    draft = suggestions_for_theme(plan, "allergies", p=SevenP.PRACTICES)[0]
    assert apply_suggestion(plan, draft) == ("planning", "seven_ps", "practices", "decision")
    assert plan.planning.seven_ps.practices.decision == draft.values["decision"]
    plan.planning.seven_ps.purpose.decision = "Our own words."
    draft = suggestions_for_theme(plan, "allergies", p=SevenP.PURPOSE)[0]
    apply_suggestion(plan, draft)
    assert plan.planning.seven_ps.purpose.decision == f"Our own words.\n\n{draft.preview}"


def test_links_from_two_themes_merge() -> None:
    plan = allergy_plan()
    for note in plan.listening.notes[:3]:
        note.tags.append("labels")
    apply_suggestion(plan, suggestions_for_theme(plan, "allergies")[0])
    apply_suggestion(plan, suggestions_for_theme(plan, "labels")[0])
    link = plan.planning.seven_ps.participate.from_listening
    assert link.themes == ["allergies", "labels"]
    assert len(link.notes) == 5
    assert link_label(link) == "from 5 notes about allergies and labels"


def test_link_label_words() -> None:
    assert link_label(None) == ""
    assert link_label(FromListening(themes=["x"], notes=[])) == ""
    assert link_label(FromListening(themes=[], notes=["a"])) == "from 1 note"
    assert link_label(FromListening(themes=["a", "b", "c"], notes=["1", "2"])) == (
        "from 2 notes about a, b and c"
    )


def test_every_example_offers_suggestions_for_its_top_themes() -> None:
    plan = load_example("bakery")
    offered = theme_suggestions(plan)
    assert len(offered) == 3
    for theme, suggestions in offered:
        assert len(suggestions) == 4
        notes = [n for n in theme_notes(plan.listening.notes, theme.name) if n.said.strip()]
        assert len(suggestions[0].note_ids) == len(notes) == theme.count


def test_a_window_can_make_the_same_edits_itself() -> None:
    plan = allergy_plan()
    activity, _measure = suggestions_for_theme(plan, "allergies")[2:]
    assert activity.target == ("engagement", "activities")
    row = activity.new_row()
    assert row.answers == "allergies" and row.from_listening == activity.link
    assert plan.engagement.activities == []  # nothing inserted until the window does it
    draft = suggestions_for_theme(plan, "allergies")[0]
    plan.planning.seven_ps.participate.decision = "Ours."
    text, link = decision_edit(plan, draft)
    assert text == f"Ours.\n\n{draft.preview}" and link == draft.link
    assert plan.planning.seven_ps.participate.decision == "Ours."
    with pytest.raises(ValueError):
        draft.new_row()
