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
    counts: Counter[str] = Counter()
    first_spelling: dict[str, str] = {}
    moods: dict[str, Counter[Sentiment]] = {}
    for note in notes:
        seen: set[str] = set()
        for tag in note.tags:
            key = normalise_tag(tag)
            if not key or key in seen:
                continue
            seen.add(key)
            counts[key] += 1
            first_spelling.setdefault(key, " ".join(tag.split()))
            if note.sentiment is not None:
                moods.setdefault(key, Counter())[note.sentiment] += 1
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [
        Theme(first_spelling[key], count, dict(moods.get(key, {})))
        for key, count in ordered
    ]


def sentiment_counts(notes: Iterable[ListeningNote]) -> dict[Sentiment | None, int]:
    """How many notes carry each sentiment (``None``: not yet judged), in a fixed order."""
    counts: Counter[Sentiment | None] = Counter(note.sentiment for note in notes)
    order: list[Sentiment | None] = [*Sentiment, None]
    return {key: counts.get(key, 0) for key in order}
