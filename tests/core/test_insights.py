"""Themes and sentiment counted from listening notes."""

import pytest

from workbook.insights import (
    addresses_theme,
    mentions_theme,
    merge_themes,
    rename_theme,
    sentiment_counts,
    theme_counts,
    theme_rename_changes,
    top_themes,
)
from workbook.model import Activity, FromListening, ListeningNote, Plan, Sentiment
from workbook.paths import set_value


def _note(tags, sentiment=None):
    return ListeningNote(tags=tags, sentiment=sentiment)


def test_themes_are_counted_case_insensitively_most_frequent_first():
    notes = [
        _note(["Gluten free", "parking"], Sentiment.NEGATIVE),
        _note(["gluten  free"], Sentiment.POSITIVE),
        _note(["GLUTEN FREE", "gluten free"], Sentiment.NEGATIVE),  # counted once per note
        _note(["Parking"]),
        _note(["opening hours"]),
        _note([" ", ""]),
    ]
    themes = theme_counts(notes)
    assert [(t.name, t.count) for t in themes] == [
        ("Gluten free", 3),
        ("parking", 2),
        ("opening hours", 1),
    ]
    assert themes[0].sentiment == {Sentiment.NEGATIVE: 2, Sentiment.POSITIVE: 1}


def test_sentiment_counts_include_unjudged_notes_in_fixed_order():
    notes = [_note([], Sentiment.MIXED), _note([]), _note([], Sentiment.MIXED)]
    counts = sentiment_counts(notes)
    assert list(counts) == [*Sentiment, None]
    assert counts[Sentiment.MIXED] == 2
    assert counts[None] == 1
    assert counts[Sentiment.POSITIVE] == 0


# ---------------------------------------------------------------- top themes, and answering them


def _said(tags, said="something", **values):
    return ListeningNote(tags=tags, said=said, **values)


def test_top_themes_need_to_be_heard_a_few_times() -> None:
    notes = [_said(["parking"])] * 5 + [_said(["prices"])] * 3 + [_said(["queues"])] * 2
    notes += [_said(["hours"])] * 4
    assert [t.name for t in top_themes(notes)] == ["parking", "hours", "prices"]
    assert [t.name for t in top_themes(notes, limit=5)] == ["parking", "hours", "prices"]


@pytest.mark.parametrize(
    ("text", "theme", "expected"),
    [
        ("Answer allergy questions in the group", "allergies", True),
        ("We open earlier on weekdays; hours on the door", "opening hours", True),
        ("We open earlier on weekdays", "opening hours", False),
        ("Kids' bike swap", "kids' bikes", True),
        ("", "parking", False),
        ("anything", "  ", False),
    ],
)
def test_mentions_theme_matches_word_stems(text: str, theme: str, expected: bool) -> None:
    assert mentions_theme(text, theme) is expected


def test_addresses_theme_through_a_link() -> None:
    plan = Plan()
    assert not addresses_theme(plan, "Parking")
    plan.engagement.activities.append(
        Activity(activity="Map", from_listening=FromListening(themes=["parking"], notes=["a"]))
    )
    assert addresses_theme(plan, "Parking")


# ---------------------------------------------------------------- rename and merge


def _plan_with_themes() -> Plan:
    plan = Plan()
    plan.listening.notes = [
        ListeningNote(id="000000000001", tags=["gluten free", "prices"]),
        ListeningNote(id="000000000002", tags=["Gluten-free"]),
        ListeningNote(id="000000000003", tags=["Gluten  Free", "gluten-free"]),
        ListeningNote(id="000000000004", tags=["queues"]),
    ]
    plan.engagement.activities.append(
        Activity(
            id="00000000000a",
            activity="Gluten-free Fridays",
            answers="gluten free",
            from_listening=FromListening(themes=["gluten free"], notes=["000000000001"]),
        )
    )
    return plan


def test_rename_updates_every_note_link_and_answer() -> None:
    plan = _plan_with_themes()
    changes = rename_theme(plan, "gluten free", "Coeliac-safe")
    tags = [note.tags for note in plan.listening.notes]
    assert tags == [
        ["Coeliac-safe", "prices"],
        ["Gluten-free"],
        ["Coeliac-safe", "gluten-free"],
        ["queues"],
    ]
    activity = plan.engagement.activities[0]
    assert activity.answers == "Coeliac-safe"
    assert activity.from_listening.themes == ["Coeliac-safe"]
    assert {c.path for c in changes} == {
        ("listening", "notes", "000000000001", "tags"),
        ("listening", "notes", "000000000003", "tags"),
        ("engagement", "activities", "00000000000a", "from_listening"),
        ("engagement", "activities", "00000000000a", "answers"),
    }


def test_changes_can_be_undone_from_what_they_report() -> None:
    plan = _plan_with_themes()
    before = plan.model_dump()
    changes = rename_theme(plan, "gluten free", "Coeliac-safe")
    for change in reversed(changes):
        set_value(plan, change.path, change.before)
    assert plan.model_dump() == before


def test_merge_folds_spellings_into_one_and_keeps_each_note_once() -> None:
    plan = _plan_with_themes()
    merge_themes(plan, ["gluten free", "gluten-free"], "gluten-free")
    assert [note.tags for note in plan.listening.notes] == [
        ["gluten-free", "prices"],
        ["gluten-free"],
        ["gluten-free"],
        ["queues"],
    ]
    assert [(t.name, t.count) for t in theme_counts(plan.listening.notes)][0] == ("gluten-free", 3)


def test_planning_a_rename_changes_nothing() -> None:
    plan = _plan_with_themes()
    before = plan.model_dump()
    assert theme_rename_changes(plan, ["prices"], "cost")
    assert plan.model_dump() == before


def test_renaming_to_nothing_is_refused() -> None:
    with pytest.raises(ValueError):
        rename_theme(_plan_with_themes(), "prices", "  ")
