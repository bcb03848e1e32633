"""Does a text look like a password, key or token? A small detector, and the hook that prefers
``workbook.secrets_check.find_secrets`` where that module is installed."""

from __future__ import annotations

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


def small_detector(text: str) -> list[str]:
    """What in ``text`` looks like a secret (the matched words), empty when nothing does."""
    found = []
    for match in _PHRASED.finditer(text):
        value = match.group("value")
        # "the password is in the safe" names a place; a secret has a digit or a symbol.
        if re.search(r"[\d!@#$%^&*?]", value):
            found.append(match.group(0))
    found += [m.group(0) for m in _KEY_SHAPES.finditer(text)]
    found += [m.group(0) for m in _TOKEN.finditer(text) if _looks_like_token(m.group(0))]
    return found


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


_QUICK = re.compile(r"\d|-----|pass|pin|key|token|secret|login", re.IGNORECASE)


def looks_secret(text: str) -> bool:
    """Whether ``text`` holds something that looks like a password, key or token."""
    # Nearly every text of a plan has neither a digit nor a telling word: skip those cheaply.
    if _QUICK.search(text) is None:
        return False
    return bool(detector()(text))
