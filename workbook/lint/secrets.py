"""Does a text look like a password, key or token? A small detector, and the hook that prefers
``workbook.secrets_check.find_secrets`` where that module is installed."""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections.abc import Callable
from functools import cache

_KEYWORD = (
    r"(?:password|passwd|passcode|pass word|pwd|pin(?: code| number)?|api[ _-]?key|secret key"
    r"|access key|token|login code)"
)
_PHRASED = re.compile(
    rf"\b{_KEYWORD}\b\s*(?:is|was|=|:|-)\s*[\"'“‘]?(?P<value>[^\s\"'”’,;]+)", re.IGNORECASE
)
"""Something named as a password: "password is Plumb1ng2015!", "PIN: 4821"."""

_KEY_SHAPES = re.compile(
    "|".join(
        (
            r"\b(?:sk|pk|rk)_(?:live|test)_[0-9A-Za-z]{16,}",
            r"\bAKIA[0-9A-Z]{16}\b",
            r"\bgh[pousr]_[0-9A-Za-z]{30,}",
            r"\bxox[abprs]-[0-9A-Za-z-]{10,}",
            r"\bAIza[0-9A-Za-z_-]{35}",
            r"-----BEGIN [A-Z ]*PRIVATE KEY-----",
        )
    )
)
"""The shapes of well-known service keys."""

_TOKEN = re.compile(r"[0-9A-Za-z+/=_\-]{24,}")
_LETTERS_AND_DIGITS = re.compile(r"(?=.*\d)(?=.*[A-Za-z])")


def _entropy(text: str) -> float:
    counts: dict[str, int] = {}
    for char in text:
        counts[char] = counts.get(char, 0) + 1
    size = len(text)
    return -sum(n / size * math.log2(n / size) for n in counts.values())


def _looks_like_token(word: str) -> bool:
    # Long, mixed letters and digits, and varied: a key, not a word or a row id.
    return (
        _LETTERS_AND_DIGITS.match(word) is not None
        and not word.startswith(("http", "www"))
        and _entropy(word) >= 4.0
    )


_DIGIT_OR_SYMBOL = re.compile(r"[\d!@#$%^&*?]")


def small_detector(text: str) -> list[str]:
    """What in ``text`` looks like a secret (the matched words), empty when nothing does."""
    # Every secret the detector knows holds a digit or a symbol, or starts like a key:
    # test that first, cheaply.
    if _DIGIT_OR_SYMBOL.search(text) is None and "AKIA" not in text and "-----" not in text:
        return []
    found = []
    for match in _PHRASED.finditer(text):
        value = match.group("value")
        # "the password is in the safe" names a place; a secret has a digit or a symbol.
        if re.search(r"[\d!@#$%^&*?]", value):
            found.append(match.group(0))
    found += [m.group(0) for m in _KEY_SHAPES.finditer(text)]
    for match in _TOKEN.finditer(text):
        if _looks_like_token(match.group(0)) and not _in_address(text, match.start()):
            found.append(match.group(0))
    return found


def _in_address(text: str, position: int) -> bool:
    # A web or mail address holds long runs of letters and digits too ("/journal/2026/03/…").
    start = max(text.rfind(" ", 0, position), text.rfind("\n", 0, position)) + 1
    end = len(text)
    for stop in (" ", "\n"):
        found = text.find(stop, position)
        if found != -1:
            end = min(end, found)
    word = text[start:end]
    return "://" in word or word.startswith("www.") or "@" in word


@cache
def detector() -> Callable[[str], list[str]]:
    """The detector the lint uses: the app's shared secrets check when it is installed
    (it also warns in the field and in ``validate``), else :func:`small_detector`."""
    try:
        from workbook.secrets_check import find_secrets  # type: ignore[import-not-found]
    except ImportError:
        return small_detector

    def shared(text: str) -> list[str]:
        try:
            return [str(hit) for hit in find_secrets(text) or ()]
        except (TypeError, ValueError, AttributeError):
            # A different signature than this hook expects: fall back rather than fail.
            return small_detector(text)

    return shared


_WORD_STARTS = (b"pass", b"pwd", b"pin", b"api", b"secret", b"token", b"login", b"access key")
"""The start of every word the detectors look for (lower case): "pass" finds "password"."""
_KEY_STARTS = (b"AKIA", b"-----BEGIN")
"""Key shapes too short for :data:`_RUN`; the longer ones are all runs of 24 or more."""
_SEPARATOR = b"\x00"  # never in a plan's text: the model drops control characters
_TOKEN_CHARS = bytes(range(48, 58)) + bytes(range(65, 91)) + bytes(range(97, 123)) + b"+/=_-"
# Every byte that may be part of a key becomes "a", every other byte a space: a run of 24
# key-like characters is then a plain substring search, done in C.
_TO_RUNS = bytes(ord("a") if byte in _TOKEN_CHARS else ord(" ") for byte in range(256))
_RUN = b"a" * 24


def candidates(texts: list[str]) -> list[int]:
    """Positions in ``texts`` of those worth a closer look: with a run of key-like
    characters, a word starting like a telling word, or the start of a short key. The
    rest cannot hold what the detectors look for."""
    # One scan per needle over all the texts joined, as bytes, is far quicker than any
    # work per text: a 2,000-note plan has some 12,000 of them, and only a handful matter.
    encoded = [text.encode("utf-8", "surrogatepass") for text in texts]
    joined = _SEPARATOR.join(encoded)
    starts = list(itertools.accumulate([len(e) + 1 for e in encoded], initial=0))
    hits: set[int] = set()

    def find_all(haystack: bytes, needle: bytes, word_start: bool = False) -> None:
        position = haystack.find(needle)
        while position != -1:
            # At the start of a word only: "pin" in "pinned", not in "shopping".
            if not word_start or not haystack[position - 1 : position].isalnum():
                hits.add(bisect.bisect_right(starts, position) - 1)
            position = haystack.find(needle, position + len(needle))

    find_all(joined.translate(_TO_RUNS), _RUN)
    for key_start in _KEY_STARTS:
        find_all(joined, key_start)
    lowered = joined.lower()  # ASCII letters only: byte positions stay the same
    for word in _WORD_STARTS:
        find_all(lowered, word, word_start=True)
    return sorted(hits)


def looks_secret(text: str) -> bool:
    """Whether ``text`` holds something that looks like a password, key or token."""
    return bool(detector()(text))


def secret_positions(texts: list[str]) -> list[int]:
    """Positions in ``texts`` of those that look like a password, key or token."""
    check = detector()
    return [index for index in candidates(texts) if texts[index] and check(texts[index])]
