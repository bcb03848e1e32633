"""Workshop captures without Qt: what a typed line becomes, what a parked idea turns into, and
what changed since a workshop began, in plain words."""

from __future__ import annotations

from datetime import date

import pytest

from workbook.diff import compare
from workbook.model import ListeningNote, ParkedIdea, Plan
from workbook.stages import Stage
from workbook.workshop_review import (
    NOTE_SOURCE,
    CaptureError,
    agreed_action,
    change_lines,
    decision_with_idea,
    note_from_idea,
    parked_idea,
    quoted,
    stage_counts,
)

TODAY = date(2026, 3, 12)


def test_a_parked_idea_is_one_clean_line_dated_with_its_stage():
    idea = parked_idea("  Ask the\tmarket\n about a stall\x07 ", today=TODAY, during=Stage.PLANNING)
    assert (idea.idea, idea.raised_on, idea.raised_during) == (
        "Ask the market about a stall",
        TODAY,
        Stage.PLANNING,
    )
    with pytest.raises(CaptureError, match="Type the idea first"):
        parked_idea(" \n ", today=TODAY, during=None)


def test_an_agreed_action_needs_what_but_may_wait_for_who_and_when():
    action = agreed_action(" Print the menu ", "  Sam ", date(2026, 4, 3))
    assert (action.what, action.who, action.due, action.done) == (
        "Print the menu",
        "Sam",
        date(2026, 4, 3),
        False,
    )
    assert agreed_action("Call the printer", "", None).who == ""
    with pytest.raises(CaptureError, match="what was agreed"):
        agreed_action("", "Sam", None)


def test_what_a_parked_idea_becomes():
    idea = ParkedIdea(idea="Regulars want earlier opening")
    note = note_from_idea(idea, TODAY)
    assert (note.said, note.noted_on, note.source) == (idea.idea, TODAY, NOTE_SOURCE)
    assert decision_with_idea("", "Post what we bake") == "Post what we bake"
    assert decision_with_idea("Answer in a day.\n", "Post what we bake") == (
        "Answer in a day.\n\nPost what we bake"
    )


def test_what_changed_is_counted_per_stage_and_said_in_words():
    before = Plan()
    before.listening.notes = [ListeningNote(id="n1", said="Too noisy at lunch")]
    after = before.model_copy(deep=True)
    after.details.title = "Plan for the Corner Café"
    after.listening.notes.append(ListeningNote(id="n2", said="Best scones in town"))
    after.listening.notes[0].said = "Too noisy at lunch on Fridays"
    after.workshop.parking_lot.append(ParkedIdea(idea="A stall at the market"))

    comparison = compare(before, after)
    counts = [count.text() for count in stage_counts(comparison)]
    assert counts == [
        "Plan details: 1 changed",
        "Listening & Learning: 1 added, 1 changed",
        "Workshop and other parts: 1 added",
    ]
    lines = dict(change_lines(comparison))
    assert any("filled in with “Plan for the Corner Café”" in s for s in lines["Plan details"])
    listening = " | ".join(lines["Listening & Learning"])
    assert "added: “Best scones in town”" in listening and "what was said changed" in listening
    assert lines["Workshop and other parts"] == [
        "Parking lot › idea 1 added: “A stall at the market”"
    ]


def test_quotes_are_cut_to_fit():
    assert quoted("short") == "“short”"
    assert quoted("word " * 30, 20) == "“word word word word…”"
