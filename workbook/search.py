"""Search across a whole plan: every field and row holding all the words, grouped by stage.

Matching ignores case and accents ("cafe" finds "Café") and takes parts of words ("allerg"
finds "allergies"); a phrase in double quotes is matched as one. A field holding every word
is a hit; so is a row whose fields hold them between them (one word in the note's words,
another in its themes). :class:`PlanIndex` folds the plan's texts once, so a search while
typing only scans them; the window builds a new index after the plan changes.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, Any, NamedTuple

from workbook.paths import ROW_NOUNS, SEPARATOR, FieldPath, field_title, walk_fields
from workbook.stages import Stage

if TYPE_CHECKING:
    from workbook.model import Plan

MAX_HITS = 500
"""More hits than anyone reads; the rest are counted, not listed."""
SNIPPET_BEFORE = 40
SNIPPET_AFTER = 100

_SKIPPED = frozenset({"id", "format", "schema_version", "from_listening"})
"""Fields that are the app's bookkeeping, not the user's words."""
_QUERY = re.compile(r'"([^"]+)"|(\S+)')
_GAP = "\x00"
"""Between texts in the index's one string: no word holds it, so no match spans two."""

_folded: dict[str, str] = {}
"""Texts folded before, kept between indexes: an edit changes one text, not the others."""
_FOLDED_LIMIT = 200_000


def fold(text: str) -> str:
    """``text`` lower case and without accents, for matching. For ASCII text the result is
    as long as the text, so positions carry over."""
    if text.isascii():
        return text.lower()
    folded = _folded.get(text)
    if folded is None:
        decomposed = unicodedata.normalize("NFKD", text.casefold())
        folded = "".join(c for c in decomposed if not unicodedata.combining(c))
        if len(_folded) > _FOLDED_LIMIT:
            _folded.clear()
        _folded[text] = folded
    return folded


def query_words(query: str) -> tuple[str, ...]:
    """The folded words (and quoted phrases) of ``query``, each once."""
    words: list[str] = []
    for phrase, word in _QUERY.findall(query):
        folded = fold(" ".join((phrase or word).split()))
        if folded and folded not in words:
            words.append(folded)
    return tuple(words)


def _searchable(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, Enum):
        return str(getattr(value, "label", value.value))
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return ", ".join(value)
    return ""


class Entry(NamedTuple):
    path: FieldPath
    stage: Stage
    row: FieldPath | None
    """The row's path (list path and row id) for a field of a row, else None."""
    number: int
    """The row's position in its list, from 1 (0 outside a list)."""
    text: str
    folded: str


_STAGES = {stage.value: stage for stage in Stage}


class PlanIndex:
    """Every searchable text of a plan, with its path and stage, folded once."""

    def __init__(self, plan: Plan) -> None:
        from workbook.model import ROW_TYPES

        self.entries: list[Entry] = []
        add = self.entries.append
        numbers: dict[FieldPath, int] = {}
        rows_in_list: dict[FieldPath, int] = {}
        for path, value in walk_fields(plan, unknown=False):
            if path[-1] in _SKIPPED or (len(path) > 3 and "from_listening" in path):
                continue
            text = value if type(value) is str else _searchable(value)
            if not text or text.isspace():
                continue
            row: FieldPath | None = None
            number = 0
            if len(path) > 3 and path[:2] in ROW_TYPES:
                row = path[:3]
                number = numbers.get(row, 0)
                if not number:
                    number = rows_in_list[path[:2]] = rows_in_list.get(path[:2], 0) + 1
                    numbers[row] = number
            stage = _STAGES.get(path[0])
            if stage is None:
                continue  # outside the stages: the history's snapshot names and notes
            folded = text.lower() if text.isascii() else fold(text)
            add(Entry(path, stage, row, number, text, folded))
        # One string of every folded text: str.find runs through it at C speed, and only
        # the texts it lands in are looked at (a search is then a few milliseconds).
        self._blob = _GAP.join(entry.folded for entry in self.entries)
        self._starts: list[int] = []
        offset = 0
        for entry in self.entries:
            self._starts.append(offset)
            offset += len(entry.folded) + len(_GAP)

    def holding(self, word: str) -> set[int]:
        """The positions (in :attr:`entries`) of the texts that hold ``word``."""
        found: set[int] = set()
        blob, starts = self._blob, self._starts
        at = blob.find(word)
        while at != -1:
            position = bisect_right(starts, at) - 1
            found.add(position)
            following = position + 1
            if following >= len(starts):
                break
            at = blob.find(word, starts[following])
        return found


@dataclass(frozen=True, slots=True)
class Hit:
    """One place that holds the words."""

    path: FieldPath
    """The field (rows by id): hand it to the window to go there."""
    stage: Stage
    where: str
    """Where it is within its stage: "Listening notes › note 12 › What was said"."""
    snippet: str
    """The text around the first word found, on one line."""
    span: tuple[int, int]
    """Where that word is in ``snippet``."""
    whole_row: bool = False
    """True when the row holds the words between its fields, no one field all of them."""


@dataclass
class SearchResults:
    query: str
    words: tuple[str, ...]
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    """Every hit, also those past :data:`MAX_HITS` that are not listed."""

    def by_stage(self) -> list[tuple[Stage, list[Hit]]]:
        """The hits grouped by stage, in the order of the workbook."""
        groups: dict[Stage, list[Hit]] = {}
        for hit in self.hits:
            groups.setdefault(hit.stage, []).append(hit)
        return [(stage, groups[stage]) for stage in Stage if stage in groups]

    def summary(self) -> str:
        if not self.words:
            return ""
        if not self.total:
            return "No matches"
        places = f"{self.total:,} place{'s' if self.total != 1 else ''}"
        stages = len(self.by_stage())
        shown = f" (the first {len(self.hits):,} listed)" if self.total > len(self.hits) else ""
        return f"{places} in {stages} stage{'s' if stages != 1 else ''}{shown}"


def _where(entry: Entry) -> str:
    path = entry.path
    if entry.row is None:
        return SEPARATOR.join(field_title(path[: n + 1]) for n in range(1, len(path)))
    noun = ROW_NOUNS.get(path[1], "item")
    return SEPARATOR.join(
        [field_title(path[:2]), f"{noun} {entry.number}"]
        + [field_title(path[: n + 1]) for n in range(3, len(path))]
    )


def _original_span(text: str, folded: str, start: int, end: int) -> tuple[int, int]:
    """``folded[start:end]`` as a span of ``text`` (folding may change lengths)."""
    if len(text) == len(folded):
        return start, end
    position = 0
    begin = None
    for index, char in enumerate(text):
        if begin is None and position >= start:
            begin = index
        if position >= end:
            return begin or 0, index
        position += len(fold(char))
    return (begin if begin is not None else len(text)), len(text)


def snippet(text: str, folded: str, words: tuple[str, ...]) -> tuple[str, tuple[int, int]]:
    """The text around the first of ``words`` found, on one line, and that word's span in it."""
    found = [(folded.find(w), w) for w in words if w in folded]
    if not found:
        return " ".join(text[: SNIPPET_BEFORE + SNIPPET_AFTER].split()), (0, 0)
    position, word = min(found)
    start, end = _original_span(text, folded, position, position + len(word))
    left = max(0, start - SNIPPET_BEFORE)
    if left:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    right = min(len(text), end + SNIPPET_AFTER)
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    prefix = "…" if left else ""
    suffix = "…" if right < len(text) else ""
    before = " ".join(text[left:start].split()) + (" " if text[left:start][-1:].isspace() else "")
    match = " ".join(text[start:end].split())
    after = (" " if text[end:right][:1].isspace() else "") + " ".join(text[end:right].split())
    begin = len(prefix) + len(before)
    return f"{prefix}{before}{match}{after}{suffix}", (begin, begin + len(match))


def _hit(entry: Entry, words: tuple[str, ...], whole_row: bool = False) -> Hit:
    text, span = snippet(entry.text, entry.folded, words)
    return Hit(entry.path, entry.stage, _where(entry), text, span, whole_row)


def _matches(index: PlanIndex, words: tuple[str, ...]) -> list[tuple[int, Entry, bool]]:
    """(position, entry, whole_row) for every field hit, and for each row that holds the
    words only across its fields (its first field holding one of them stands for it)."""
    holding = [index.holding(word) for word in words]
    every = set.intersection(*holding)
    entries = index.entries
    hits = [(position, entries[position], False) for position in every]
    if len(words) > 1:
        row_hit = {entries[position].row for position in every}
        row_words: dict[FieldPath, set[int]] = {}
        row_first: dict[FieldPath, int] = {}
        for number, positions in enumerate(holding):
            for position in positions:
                row = entries[position].row
                if row is not None and row not in row_hit:
                    row_words.setdefault(row, set()).add(number)
                    row_first[row] = min(position, row_first.get(row, position))
        for row, found in row_words.items():
            if len(found) == len(words):
                position = row_first[row]
                hits.append((position, entries[position], True))
    hits.sort(key=lambda hit: hit[0])
    return hits


def search(plan: Plan | PlanIndex, query: str, limit: int = MAX_HITS) -> SearchResults:
    """Every field and row of ``plan`` holding all the words of ``query``, in the order of
    the workbook (at most ``limit`` listed)."""
    index = plan if isinstance(plan, PlanIndex) else PlanIndex(plan)
    words = query_words(query)
    results = SearchResults(query, words)
    if not words:
        return results
    found = _matches(index, words)
    results.total = len(found)
    results.hits = [_hit(entry, words, whole) for _position, entry, whole in found[:limit]]
    return results
