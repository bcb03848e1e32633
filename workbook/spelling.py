"""Spell-checking in British or US English (Qt-free): misspelt words, suggestions, the user's words.

Words come from pyspellchecker's English dictionary (MIT; US English, from word frequencies)
with two small lists made from SCOWL for each language (``resources/spelling``, made by
``scripts/make_spelling_lists.py``): British spellings it lacks ("colour", "organise") and,
per language, the other country's spellings to flag ("color" in British, "travelled" in US).
Oxford spellings ("organize") are accepted in British English.

Not flagged: web addresses, e-mail addresses, @handles, #hashtags, numbers and words with
digits, ALL-CAPS acronyms, single letters, words in other scripts, and the user's own words
(a plain text file in the app's data folder, one word a line). Each word is judged once and
remembered, so checking a 2,000-character field is a regular expression and dict lookups.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterator
from functools import cache
from pathlib import Path

LANGUAGES = {"en_GB": "English (UK)", "en_US": "English (US)"}
"""The languages offered, by code, with their names for the Preferences."""
DEFAULT_LANGUAGE = "en_GB"
USER_DICTIONARY = "dictionary.txt"
"""The user's words, in :func:`workbook.appdirs.data_dir`."""
SUGGESTIONS = 6
_CACHE_LIMIT = 100_000
_SUGGEST_TOP = 60_000
"""Words (most frequent first) searched for suggestions two edits away."""
_ALPHABET = "abcdefghijklmnopqrstuvwxyz'"

# What is skipped comes first, so that "covid19", "www.crumb.co.uk" and "@crumb_bakes" are
# taken whole before a word could be found inside them.
_TOKENS = re.compile(
    r"""
    (?P<skip>
        (?:https?://|ftp://|www\.)\S+
      | [\w.+-]+@[\w-]+(?:\.[\w-]+)+
      | (?<![\w@#])[@#][\w.]*\w
      | (?:[\w-]+\.)+[a-z]{2,6}\b(?:/\S*)?
      | \w*\d\w*
    )
    | (?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)
    """,
    re.VERBOSE,
)
_LATIN_MAX = "\u024f"
"""Words with letters past Latin Extended-B (Greek, Cyrillic, CJK, ...) are not English."""


class SpellingUnavailable(RuntimeError):
    """The English dictionary could not be loaded (a damaged install); spell-check is off."""


def user_dictionary_path() -> Path:
    from workbook.appdirs import data_dir

    return data_dir() / USER_DICTIONARY


_load_lock = threading.Lock()


@cache
def _base_words() -> dict[str, int]:
    """pyspellchecker's English words with their frequencies (loaded once: ~0.3 s)."""
    with _load_lock:
        try:
            return _read_word_list() or _base_words_plain()
        except Exception as error:  # a missing or damaged data file in a broken install
            raise SpellingUnavailable(
                f"The English dictionary could not be loaded: {error}"
            ) from error


def _base_words_plain() -> dict[str, int]:
    """The words through pyspellchecker's public surface: one ``json.loads`` of the whole
    list, which keeps every other thread (the UI's) waiting for some 150 ms."""
    from spellchecker import SpellChecker

    return dict(SpellChecker(language="en", distance=1).word_frequency.dictionary)


_PIECE_BYTES = 64 * 1024
"""The word list is unpacked and read this much at a time (a few milliseconds each)."""


def _read_word_list() -> dict[str, int] | None:
    """pyspellchecker's English word list read in small pieces, or None when its data file
    is not where its version 0.9 keeps it, or not as it writes it (then
    :func:`_base_words_plain` loads it).

    The list is loaded on a worker thread while the window runs. One ``json.loads`` of the
    whole list holds the interpreter lock for ~150 ms, so the UI thread could not answer a
    key for that long; between small pieces it gets its turn. The file is a JSON object
    with one ``"word": frequency`` pair a line, so a piece cut after a line break, with
    its trailing comma dropped and braces put round it, is JSON too."""
    import json
    import zlib
    from importlib.resources import files

    try:
        packed = (files("spellchecker") / "resources" / "en.json.gz").read_bytes()
    except (OSError, ModuleNotFoundError):
        return None
    unpacker = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)  # gzip
    words: dict[str, int] = {}
    pending = b""
    offset = 0
    while True:
        step = packed[offset : offset + _PIECE_BYTES // 4]
        offset += len(step)
        pending += unpacker.decompress(step)
        finished = offset >= len(packed)
        cut = len(pending) if finished else pending.rfind(b"\n") + 1
        if cut:
            piece, pending = pending[:cut], pending[cut:]
            piece = piece.strip().removeprefix(b"{").removesuffix(b"}").strip()
            if piece:
                try:
                    chunk = json.loads(b"{" + piece.removesuffix(b",") + b"}")
                except ValueError:
                    return None
                for word, count in chunk.items():  # lower case, as pyspellchecker keeps them
                    key = word.lower()
                    words[key] = words.get(key, 0) + count
        if finished:
            return words or None


@cache
def _listed(name: str) -> frozenset[str]:
    from workbook.resources import resource_path

    path = resource_path("spelling", name)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    return frozenset(line.strip() for line in lines if line.strip() and line[0] != "#")


def read_user_words(path: Path) -> set[str]:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return set()
    return {line.strip().lower() for line in text.splitlines() if line.strip()[:1] not in "#"}


def tokens(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, word) of each word to check in ``text``."""
    for match in _TOKENS.finditer(text):
        word = match.group("word")
        if word is None or len(word) < 2 or word.isupper():
            continue
        if max(word) > _LATIN_MAX:
            continue
        yield match.start(), match.end(), word


def _unaccented(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _edits(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in _ALPHABET]
    inserts = [a + c + b for a, b in splits for c in _ALPHABET]
    return set(deletes + transposes + replaces + inserts)


def _distance(a: str, b: str, limit: int) -> int:
    """Edit distance with adjacent swaps (optimal string alignment), or ``limit + 1`` once
    it is sure to be more than ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def _match_case(suggestion: str, word: str) -> str:
    if word[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


class Speller:
    """Judges words in one language; remembers each judgement."""

    def __init__(self, language: str = DEFAULT_LANGUAGE, user_words: Path | None = None) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}; one of {', '.join(LANGUAGES)}")
        self.language = language
        self.user_words_path = user_words or user_dictionary_path()
        self._words = _base_words()
        british = language == "en_GB"
        self._allow = _listed("en_GB-allow.txt") if british else frozenset()
        self._deny = _listed("en_GB-deny.txt" if british else "en_US-deny.txt")
        self._user = read_user_words(self.user_words_path)
        self._ignored: set[str] = set()
        self._judged: dict[str, bool] = {}

    # ------------------------------------------------------------ judging

    def _is_word(self, key: str) -> bool:
        if key in self._user or key in self._ignored:
            return True
        if key in self._deny:
            return False
        if key in self._allow or key in self._words:
            return True
        # "naïve", "résumé": the dictionary has them without their accents.
        return not key.isascii() and _unaccented(key) in self._words

    def is_correct(self, word: str) -> bool:
        key = word.replace("’", "'").lower()
        judged = self._judged.get(key)
        if judged is None:
            judged = self._is_word(key)
            if not judged and key.endswith("'s"):  # a possessive: "the bakery's"
                judged = self._is_word(key[:-2])
            if len(self._judged) > _CACHE_LIMIT:
                self._judged.clear()
            self._judged[key] = judged
        return judged

    def misspelled_spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of every misspelt word of ``text``."""
        return [(start, end) for start, end, word in tokens(text) if not self.is_correct(word)]

    def known_misspelled_spans(self, text: str) -> list[tuple[int, int]]:
        """Like :meth:`misspelled_spans`, but only words judged before: what can be shown
        while the user is typing, before the text is checked anew."""
        judged = self._judged
        return [
            (start, end)
            for start, end, word in tokens(text)
            if judged.get(word.replace("’", "'").lower()) is False
        ]

    # ------------------------------------------------------------ suggestions

    def suggestions(self, word: str, limit: int = SUGGESTIONS) -> list[str]:
        """Likely meant words, nearest and most common first."""
        key = word.replace("’", "'").lower()
        frequency = self._words.get
        near = [w for w in _edits(key) if w != key and self._is_word(w)]
        near.sort(key=lambda w: -frequency(w, 1))
        found = near[:limit]
        if not found and len(key) > 3:  # two edits away: a slower search, so only if needed
            seen = set(found)
            farther = [w for w in self._two_edits(key) if w not in seen]
            found += farther[: limit - len(found)]
        return [_match_case(w, word) for w in found]

    def prepare_suggestions(self) -> None:
        """Build what suggestions two edits away search (~0.1 s), so that the first context
        menu does not wait for it; the loader does this on its worker thread."""
        _buckets(self.language)

    def _two_edits(self, key: str) -> list[str]:
        """Common words two edits from ``key`` that start with the same letter."""
        found = []
        for length in range(len(key) - 2, len(key) + 3):
            for candidate in _buckets(self.language).get((key[0], length), "").split():
                if not self._is_word(candidate):
                    continue
                if _distance(key, candidate, 2) <= 2:
                    found.append(candidate)
        found.sort(key=lambda w: -self._words.get(w, 1))
        return found

    # ------------------------------------------------------------ the user's words

    def add_to_dictionary(self, word: str) -> None:
        """Keep ``word`` as correct from now on, in this and later sessions. Raises OSError
        when the user's dictionary cannot be written (the word is still accepted now)."""
        key = word.replace("’", "'").strip().lower()
        if not key:
            return
        self._accept(key)
        for other in _spellers.values():
            if other is not self and other.user_words_path == self.user_words_path:
                other._accept(key)
        _write_user_words(self.user_words_path, key)

    def ignore(self, word: str) -> None:
        """Accept ``word`` until the app closes."""
        key = word.replace("’", "'").lower()
        self._ignored.add(key)
        self._judged.pop(key, None)

    def _accept(self, key: str) -> None:
        self._user.add(key)
        self._judged.pop(key, None)
        self._judged.pop(f"{key}'s", None)


@cache
def _buckets(language: str) -> dict[tuple[str, int], str]:
    """The most frequent words (and the language's own list) by first letter and length,
    each bucket one string of words separated by spaces.

    Made by a loop rather than one sort of the words by frequency: on the loader's worker
    thread, a loop lets the UI thread have its turn, a sort of 160,000 words would not.
    One string a bucket, not a tuple of words: the garbage collector's next pass, on
    whichever thread comes next (the UI's), would visit each of the 56,000 words once,
    some 6 ms of scattered memory reads; a string it never visits."""
    words = _base_words()
    counts = sorted(words.values(), reverse=True)  # plain numbers: a quick sort
    # The rarest words all share one count; those at the edge are left out, not some of them.
    edge = counts[min(_SUGGEST_TOP, len(counts) - 1)]
    buckets: dict[tuple[str, int], list[str]] = {}
    for word, count in words.items():
        if count > edge and word.isalpha():
            buckets.setdefault((word[0], len(word)), []).append(word)
    if language == "en_GB":
        for word in sorted(_listed("en_GB-allow.txt")):
            if word.isalpha():
                buckets.setdefault((word[0], len(word)), []).append(word)
    return {key: " ".join(value) for key, value in buckets.items()}


def _write_user_words(path: Path, key: str) -> None:
    from workbook.storage import write_atomic

    words = read_user_words(path)
    if key in words:
        return
    words.add(key)
    path.parent.mkdir(parents=True, exist_ok=True)
    header = "# Words the spell-check accepts (one a line), added with “Add to dictionary”.\n"
    write_atomic(path, (header + "\n".join(sorted(words)) + "\n").encode("utf-8"))


# ---------------------------------------------------------------- one speller per language

_spellers: dict[str, Speller] = {}


def get_speller(language: str = DEFAULT_LANGUAGE) -> Speller:
    """The app's speller for ``language`` (made on first use; loading takes ~0.3 s)."""
    speller = _spellers.get(language)
    if speller is None or speller.user_words_path != user_dictionary_path():
        speller = _spellers[language] = Speller(language)
    return speller


def misspelled_spans(text: str, language: str = DEFAULT_LANGUAGE) -> list[tuple[int, int]]:
    return get_speller(language).misspelled_spans(text)


def suggestions(word: str, language: str = DEFAULT_LANGUAGE) -> list[str]:
    return get_speller(language).suggestions(word)


def add_to_dictionary(word: str, language: str = DEFAULT_LANGUAGE) -> None:
    get_speller(language).add_to_dictionary(word)
