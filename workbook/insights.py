"""What the listening notes add up to: themes with counts and the sentiment mix."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from workbook.model import ListeningNote, Sentiment


def normalise_tag(tag: str) -> str:
    """The form a theme is counted under: trimmed, inner spaces folded, case-insensitive."""
    return " ".join(tag.split()).casefold()


@dataclass(frozen=True, slots=True)
class Theme:
    name: str
    """The theme as first written in the notes."""
    count: int
    sentiment: dict[Sentiment, int]


def theme_counts(notes: Iterable[ListeningNote]) -> list[Theme]:
    """Themes (tags) across ``notes``, most frequent first, then alphabetical."""
    # Recounted after every theme or sentiment edit: written for speed (2,000 notes in
    # about 2 ms). The same few themes recur on every note, so each spelling is folded once.
    counts: dict[str, int] = {}
    first_spelling: dict[str, str] = {}
    moods: dict[str, dict[Sentiment, int]] = {}
    key_of: dict[str, str] = {}
    for note in notes:
        seen: set[str] = set()
        sentiment = note.sentiment
        for tag in note.tags:
            key = key_of.get(tag)
            if key is None:
                key = key_of[tag] = normalise_tag(tag)
            if not key or key in seen:
                continue
            seen.add(key)
            if key in counts:
                counts[key] += 1
            else:
                counts[key] = 1
                first_spelling[key] = " ".join(tag.split())
            if sentiment is not None:
                mood = moods.get(key)
                if mood is None:
                    mood = moods[key] = {}
                mood[sentiment] = mood.get(sentiment, 0) + 1
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [Theme(first_spelling[key], count, dict(moods.get(key, {}))) for key, count in ordered]


def sentiment_counts(notes: Iterable[ListeningNote]) -> dict[Sentiment | None, int]:
    """How many notes carry each sentiment (``None``: not yet judged), in a fixed order."""
    counts: Counter[Sentiment | None] = Counter(note.sentiment for note in notes)
    order: list[Sentiment | None] = [*Sentiment, None]
    return {key: counts.get(key, 0) for key in order}
