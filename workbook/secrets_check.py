"""Finding text that looks like a password, a PIN, an access key or a token in a plan."""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbook.model import BOOKKEEPING_FIELDS
from workbook.paths import FieldPath, walk_fields

if TYPE_CHECKING:
    from workbook.model import Plan

# A plan is shared, printed and handed to agencies: it may say where a login is kept,
# never the password itself. These checks only warn; the text is always kept.

_ADVICE = (
    "A plan is shared and printed: keep passwords and keys in a password manager, and "
    "write here only where they are kept."
)

_SECRET_WORD = r"pass(?:word|wd|code|phrase)?|pwd|pw"

# "password is Plumb1ng2015!", "pw: hunter2", "passcode 0420".
_PHRASED = re.compile(
    rf"\b(?P<word>{_SECRET_WORD})\b\s*(?P<sep>is|was|=|:|-)?\s*[\"'“‘]?(?P<value>[^\s\"'”’]+)",
    re.IGNORECASE,
)
# "PIN 4821", "pin code: 4821", "PIN is 4821"; not "pin the post" or "pin 3 posts".
_PIN = re.compile(
    r"(?:\bPIN\b|\b[Pp]in (?:code|number)\b|\b[Pp]in\b(?=\s*[:=]))\s*(?:is|:|=|-)?\s*"
    r"(?P<value>\d{4,8})\b"
)

_KEY_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        ("an API key", r"\bsk-(?:proj-|live-|test-)?[A-Za-z0-9_-]{16,}"),
        ("an API key", r"\b[spr]k_(?:live|test)_[A-Za-z0-9]{10,}"),
        ("a GitHub token", r"\bgh[pousr]_[A-Za-z0-9]{20,}|\bgithub_pat_[A-Za-z0-9_]{20,}"),
        ("an Amazon access key", r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"),
        ("a Slack token", r"\bxox[abposr]-[A-Za-z0-9-]{10,}"),
        ("a Google API key", r"\bAIza[0-9A-Za-z_-]{35}"),
        ("a Facebook access token", r"\bEAA[A-Za-z0-9]{30,}"),
        ("a private key", r"-----BEGIN [A-Z ]*PRIVATE KEY-----"),
        ("a login token", r"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"),
        ("a password inside a web address", r"://[^/\s:@]+:[^/\s@]+@"),
    )
)

# Words that follow "password is" in a sentence about where it is, not what it is.
_NOT_A_VALUE = frozenset(
    "in on at with kept stored held saved managed shared changed reset known the a an our "
    "their his her its my your same not never only also now being written set required "
    "needed".split()
)
# Field names that ask for a credential; the model has none, but a hand-edited file may.
_CREDENTIAL_NAME = re.compile(
    r"pass(?:word|wd|code)?|pwd|secret|token|api_?key|credential|login|\bpin\b", re.IGNORECASE
)
# Where a login is kept: tools, not secrets.
_KNOWN_TOOLS = frozenset(
    "1password lastpass keepass keepassxc bitwarden dashlane keeper nordpass protonpass".split()
)

_TOKEN_MIN = 20
_WORDLIKE_VALUE_MIN = 6


@dataclass(frozen=True)
class Finding:
    """A field whose text looks like it holds a secret."""

    path: FieldPath
    message: str
    """e.g. "This looks like a password (“Pl…”). A plan is shared and printed: ..."."""


def _hint(secret: str) -> str:
    # Never repeat the secret: two characters are enough to find it.
    return f"“{secret[:2]}…”"


def _classes(token: str) -> int:
    return sum(
        (
            any(c.islower() for c in token),
            any(c.isupper() for c in token),
            any(c.isdigit() for c in token),
            any(not c.isalnum() for c in token),
        )
    )


def _letter_digit_switches(token: str) -> int:
    kinds = ["d" if c.isdigit() else "a" if c.isalpha() else "" for c in token]
    return sum(1 for a, b in zip(kinds, kinds[1:], strict=False) if a and b and a != b)


def _entropy(token: str) -> float:
    counts = Counter(token)
    return -sum(n / len(token) * math.log2(n / len(token)) for n in counts.values())


def _is_address(token: str) -> bool:
    """A web address, an e-mail address, a handle or a hashtag: public, not secret."""
    lowered = token.lower()
    return (
        "://" in token
        or lowered.startswith("www.")
        or token[0] in "@#"
        or re.fullmatch(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}", token.strip(".,;:!?)")) is not None
    )


def _looks_random(token: str) -> bool:
    """A long run of letters and digits with no word in it: a key or a token."""
    token = token.strip(".,;:!?()[]{}<>\"'“”‘’")
    if len(token) < _TOKEN_MIN or _is_address(token):
        return False
    if not any(c.isdigit() for c in token) or not any(c.isalpha() for c in token):
        return False
    # Hyphenated words and dates ("spring-menu-2026") switch between letters and digits
    # once or twice; random keys do it all along.
    return _letter_digit_switches(token) >= 4 and _classes(token) >= 2 and _entropy(token) >= 3.5


def _looks_like_a_password(value: str) -> bool:
    """A single word a person would choose as a password: letters with digits or marks."""
    value = value.strip(".,;:!?()[]{}")
    if len(value) < _WORDLIKE_VALUE_MIN or _is_address(value):
        return False
    if value.lower() in _KNOWN_TOOLS:
        return False
    # Hyphens and apostrophes join words ("self-managed", "owner's"); they make no password.
    plain = value.replace("-", "").replace("'", "").replace("’", "")
    return _classes(value) >= 2 and any(c.isalpha() for c in value) and not plain.isalpha()


def _phrased_secret(match: re.Match[str]) -> bool:
    word, sep = match.group("word").lower(), match.group("sep")
    value = match.group("value").strip(".,;:!?()")
    labelled = sep in (":", "=")
    if value.lower() in _NOT_A_VALUE or value.lower() in _KNOWN_TOOLS:
        return False
    if word == "pass" and not labelled:
        return False  # "we pass 1000 followers"
    if value.isdigit():
        # "passcode 0420", "password is 1234"; not "password 2024 policy".
        return len(value) >= 4 and (sep is not None or word == "passcode")
    if _looks_like_a_password(value):
        return True
    # "pw: sunshine" on its own is the password; "password: letters with digits" is prose.
    rest = match.string[match.end() :].split("\n", 1)[0].strip()
    alone = not rest or match.group("value")[-1] in ",;)"
    return labelled and alone and value.islower() and len(value) >= 6


def secret_reason(text: str, field_name: str = "") -> str | None:
    """Why ``text`` (the value of a field called ``field_name``) looks like it holds a
    password, a PIN, a key or a token, in one message for the user; ``None`` if it does
    not. Only the first two characters of what was found are repeated."""
    if not text or not text.strip():
        return None
    for name, pattern in _KEY_PATTERNS:
        match = pattern.search(text)
        if match:
            return f"This looks like {name} ({_hint(match.group())}). {_ADVICE}"
    for match in _PHRASED.finditer(text):
        if _phrased_secret(match):
            return f"This looks like a password ({_hint(match.group('value'))}). {_ADVICE}"
    match = _PIN.search(text)
    if match:
        return f"This looks like a PIN ({_hint(match.group('value'))}). {_ADVICE}"
    for token in text.split():
        if _looks_random(token):
            return f"This looks like a key or a token ({_hint(token)}). {_ADVICE}"
    words = text.split()
    if _CREDENTIAL_NAME.search(field_name) and len(words) == 1:
        # A field about logins: a lone password-like word in it is the password.
        if _looks_like_a_password(words[0]):
            what = (
                "This field is for where the login is kept, but this looks like the password itself"
                if field_name == "credentials_location"
                else "This looks like a password"
            )
            return f"{what} ({_hint(words[0])}). {_ADVICE}"
    return None


def _texts(value: Any, name: str) -> Iterator[tuple[str, str]]:
    """(field name, text) for every string in a field's value, JSON nesting included."""
    if isinstance(value, str):
        yield name, value
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item, name)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, str(key))


RULE_ID = "secret-like-text"
"""The plan check's name for these findings; dismissing one for a field's text (see
:func:`workbook.lint.dismissal_key`) silences it here too."""


def find_secrets(plan: Plan) -> list[Finding]:
    """Every field of ``plan`` that looks like it holds a secret, in plan order; at most
    one finding per field, leaving out those the user dismissed for the text as it is."""
    found: dict[FieldPath, str] = {}
    named: list[tuple[FieldPath, str, str]] = []
    for path, value in walk_fields(plan):
        if path[-1] in BOOKKEEPING_FIELDS or path[0] in BOOKKEEPING_FIELDS:
            continue
        named.extend((path, name, text) for name, text in _texts(value, path[-1]))
    texts = [text for _path, _name, text in named]
    # Fields named like a credential are always read; the rest only when the quick scan
    # finds something a secret could start with.
    worth = set(candidates(texts))
    credential = {name for name in {n for _p, n, _t in named} if _CREDENTIAL_NAME.search(name)}
    worth.update(i for i, (_p, name, _t) in enumerate(named) if name in credential)
    for index in sorted(worth):
        path, name, text = named[index]
        if path not in found:
            reason = secret_reason(text, name)
            if reason is not None:
                found[path] = reason
    in_order = dict.fromkeys(path for path, _name, _text in named)
    findings = [Finding(path, found[path]) for path in in_order if path in found]
    if plan.dismissed_checks:
        from workbook.lint import dismissal_key

        dismissed = set(plan.dismissed_checks)
        findings = [f for f in findings if dismissal_key(plan, RULE_ID, f.path) not in dismissed]
    return findings


def secret_positions(texts: Sequence[str]) -> list[int]:
    """Positions in ``texts`` of those that look like a password, key or token."""
    return [i for i in candidates(texts) if secret_reason(texts[i]) is not None]


# ---------------------------------------------------------------- the quick scan

_WORD_STARTS = (b"pass", b"pwd", b"pw", b"pin")
"""Words the phrased checks look for, lower case, at the start of a word."""
_KEY_STARTS = (
    b"sk-",
    b"sk_",
    b"pk_",
    b"rk_",
    b"gh",
    b"github_pat",
    b"AKIA",
    b"ASIA",
    b"xox",
    b"AIza",
    b"EAA",
    b"-----BEGIN",
    b"eyJ",
)
"""How every key shape of :data:`_KEY_PATTERNS` starts, at the start of a word."""
_ANYWHERE = (b"-----BEGIN", b"://")
"""Starts of the key shapes that need no word boundary."""
_SEPARATOR = b"\x00"  # never in a plan's text: the model drops control characters
_TOKEN_CHARS = bytes(range(33, 127))
# Every printable ASCII byte becomes "a", every other byte a space: a run of
# _TOKEN_MIN of them (a token :func:`_looks_random` could accept) is then a plain
# substring search, done in C.
_TO_RUNS = bytes(ord("a") if byte in _TOKEN_CHARS else ord(" ") for byte in range(256))
_RUN = b"a" * _TOKEN_MIN


def candidates(texts: Sequence[str]) -> list[int]:
    """Positions in ``texts`` worth reading with :func:`secret_reason`: with a run of
    token-like characters, a word starting like a telling word, or the start of a key
    shape. The rest cannot hold what the checks look for (all but the field-name check,
    which :func:`find_secrets` applies itself)."""
    # One scan per needle over all the texts joined, as bytes, is far quicker than any
    # work per text: a 2,000-note plan has some 12,000 of them, and only a handful matter.
    encoded = [text.encode("utf-8", "surrogatepass") for text in texts]
    joined = _SEPARATOR.join(encoded)
    starts = list(itertools.accumulate([len(e) + 1 for e in encoded], initial=0))
    hits: set[int] = set()

    def find_all(haystack: bytes, needle: bytes, word_start: bool = False) -> None:
        position = haystack.find(needle)
        while position != -1:
            if not word_start or not haystack[position - 1 : position].isalnum():
                hits.add(bisect.bisect_right(starts, position) - 1)
            position = haystack.find(needle, position + len(needle))

    find_all(joined.translate(_TO_RUNS), _RUN)
    for key_start in _KEY_STARTS:
        find_all(joined, key_start, word_start=True)
    for needle in _ANYWHERE:
        find_all(joined, needle)
    lowered = joined.lower()  # ASCII letters only: byte positions stay the same
    for word in _WORD_STARTS:
        find_all(lowered, word, word_start=True)
    return sorted(hits)
