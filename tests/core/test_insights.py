"""Themes and sentiment counted from listening notes."""

from workbook.insights import sentiment_counts, theme_counts
from workbook.model import ListeningNote, Sentiment


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
