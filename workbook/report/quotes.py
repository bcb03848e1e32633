"""Choosing listening notes to quote: one that stands for a theme, or a few across themes."""

from __future__ import annotations

from collections.abc import Sequence

from workbook.insights import Theme, normalise_tag
from workbook.model import ListeningNote, Sentiment
from workbook.report.blocks import Quote
from workbook.report.common import format_date, is_blank, join_present, one_line

IDEAL_QUOTE_CHARS = 140
"""A quote of about this length reads well in a summary: a sentence or two."""


def top_mood(theme: Theme) -> Sentiment | None:
    """The sentiment most of a theme's notes carry (the first in order on a tie)."""
    if not theme.sentiment:
        return None
    order = list(Sentiment)
    return max(theme.sentiment.items(), key=lambda kv: (kv[1], -order.index(kv[0])))[0]


def mood_phrase(theme: Theme) -> str:
    """ "mostly positive" when one mood holds most notes, else the count of each mood."""
    mood = top_mood(theme)
    if mood is None:
        return ""
    if theme.sentiment[mood] * 2 > sum(theme.sentiment.values()):
        return f"mostly {mood.value}"
    ranked = sorted(theme.sentiment.items(), key=lambda kv: (-kv[1], list(Sentiment).index(kv[0])))
    return ", ".join(f"{count} {s.value}" for s, count in ranked)


def _score(note: ListeningNote, mood: Sentiment | None) -> tuple[int, int]:
    """Lower is better: matching the theme's mood first, then closeness to a good length."""
    return (
        0 if mood is None or note.sentiment == mood else 1,
        abs(len(note.said) - IDEAL_QUOTE_CHARS),
    )


def representative_note(
    notes: Sequence[ListeningNote], theme: Theme, used: set[str]
) -> ListeningNote | None:
    """The note that best stands for ``theme``: tagged with it, something was said, the
    theme's usual mood, a readable length; never one in ``used`` (ids). Ties go to the
    earlier note, so the choice is the same every time."""
    key = normalise_tag(theme.name)
    mood = top_mood(theme)
    best: ListeningNote | None = None
    best_score: tuple[int, int] | None = None
    for note in notes:
        if note.id in used or is_blank(note.said):
            continue
        if key not in {normalise_tag(t) for t in note.tags}:
            continue
        score = _score(note, mood)
        if best_score is None or score < best_score:
            best, best_score = note, score
    return best


def spread_quotes(
    notes: Sequence[ListeningNote], themes: Sequence[Theme], count: int
) -> list[ListeningNote]:
    """Up to ``count`` notes to quote, taken in turn from the most frequent themes so the
    quotes cover the range of what was heard; untagged notes fill any room left."""
    chosen: list[ListeningNote] = []
    used: set[str] = set()
    if count <= 0:
        return chosen
    progress = True
    while len(chosen) < count and progress:
        progress = False
        for theme in themes:
            if len(chosen) >= count:
                break
            note = representative_note(notes, theme, used)
            if note is not None:
                chosen.append(note)
                used.add(note.id)
                progress = True
    for note in notes:
        if len(chosen) >= count:
            break
        if note.id not in used and not is_blank(note.said):
            chosen.append(note)
            used.add(note.id)
    return chosen


def note_quote(note: ListeningNote) -> Quote:
    """A note as a quote: what was said, credited to who said it, where and when."""
    attribution = join_present(
        (one_line(note.who), one_line(note.source), format_date(note.noted_on)), ", "
    )
    return Quote(note.said.strip(), attribution)
