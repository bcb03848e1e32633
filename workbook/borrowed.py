"""Text borrowed and left unchanged: a field whose value is a worked example's answer (or the
guidance's placeholder) for the same field counts as "not yet yours" until it is edited."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workbook.model import Plan
    from workbook.paths import FieldPath

GUIDANCE = "guidance"
"""The source name of text that matches a field's placeholder."""

NAME_MIN_WORDS = 2
"""A full name ("Maria Okafor") is borrowed text; a lone first name may simply be shared."""
TEXT_MIN_WORDS = 4
"""Shorter answers ("Same day", "Every Monday") are ones anybody might write themselves."""

_NAME_COLUMNS = frozenset(
    {"owner", "backup_owner", "responder", "listener", "name", "prepared_for", "prepared_by"}
)
_DETAILS_PREFIX = "details."
_SEVEN_PS = ("planning", "seven_ps")
_SKIPPED_KEYS = frozenset({"id", "format", "schema_version", "from_listening", "tags"})


def normalise(text: str) -> str:
    """Spaces and line breaks folded: how words are counted and organisations compared."""
    return " ".join(text.split())


def _min_words(key: str) -> int:
    column = key.rsplit(".", 1)[-1]
    if column in _NAME_COLUMNS or key.startswith(_DETAILS_PREFIX):
        return NAME_MIN_WORDS
    return TEXT_MIN_WORDS


def _texts(node: Any, steps: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    """(guide key, text) for every text in a raw plan object; list rows share their key."""
    if isinstance(node, dict):
        if steps == _SEVEN_PS:  # the 7 P's share one key per column
            for decision in node.values():
                if isinstance(decision, dict):
                    for name, value in decision.items():
                        if name not in _SKIPPED_KEYS:
                            yield from _texts(value, (*steps, name))
            return
        for name, value in node.items():
            if name not in _SKIPPED_KEYS:
                yield from _texts(value, (*steps, name))
    elif isinstance(node, list):
        for item in node:
            if isinstance(item, dict):
                yield from _texts(item, steps)
    elif isinstance(node, str) and node.strip():
        yield ".".join(steps), node


class BorrowedText:
    """Looks up whether a value is text from an example or a placeholder at the same field."""

    def __init__(self, sources: dict[str, dict[str, frozenset[str]]], skip: str | None) -> None:
        self._sources = sources
        self._skip = skip
        self._origins: dict[str, dict[str, str]] = {}

    def origins(self, key: str) -> dict[str, str]:
        """Text → the source it came from, for every borrowed text at guide ``key``."""
        known = self._origins.get(key)
        if known is None:
            known = self._origins[key] = {
                text: min(names)
                for text, names in self._sources.get(key, {}).items()
                if self._skip not in names
            }
        return known

    def source(self, key: str, value: object) -> str | None:
        """The example name (or :data:`GUIDANCE`) the value at guide ``key`` came from."""
        known = self._sources.get(key)
        if not known or type(value) is not str:
            return None
        names = known.get(value)
        if not names or self._skip in names:
            # The plan's own example wrote it: its words, even where a placeholder agrees.
            return None
        return min(names)

    def is_borrowed(self, key: str, value: object) -> bool:
        return self.source(key, value) is not None


@cache
def _index() -> dict[str, dict[str, frozenset[str]]]:
    from workbook.examples import example_files
    from workbook.guidance import FIELD_GUIDES

    found: dict[str, dict[str, set[str]]] = {}

    def add(key: str, text: str, source: str) -> None:
        # Compared exactly as written: "left unchanged" means just that, and an exact
        # lookup keeps the lint of a 2,000-note plan fast. Any edit makes the text yours.
        if len(text.split()) >= _min_words(key):
            found.setdefault(key, {}).setdefault(text, set()).add(source)

    for key, guide in FIELD_GUIDES.items():
        add(key, guide.placeholder, GUIDANCE)
    # The raw JSON is enough and much quicker to walk than the validated plans.
    for name, path in example_files().items():
        for key, text in _texts(json.loads(path.read_text(encoding="utf-8")), ()):
            add(key, text, name)
    return {
        key: {text: frozenset(names) for text, names in texts.items()}
        for key, texts in found.items()
    }


@cache
def _organisations() -> dict[str, str]:
    from workbook.examples import example_files

    names = {}
    for name, path in example_files().items():
        raw = json.loads(path.read_text(encoding="utf-8"))
        organisation = normalise(str(raw.get("details", {}).get("organisation", ""))).casefold()
        if organisation:
            names[organisation] = name
    return names


def own_example(plan: Plan | None) -> str | None:
    """The worked example that *is* this plan's business, if any.

    A plan opened from the bakery example and still about the bakery holds the bakery's
    own words; once its organisation is renamed, the same words are borrowed.
    """
    if plan is None:
        return None
    return _organisations().get(normalise(plan.details.organisation).casefold())


@cache
def _checker(skip: str | None) -> BorrowedText:
    return BorrowedText(_index(), skip)


def borrowed_text(plan: Plan | None = None) -> BorrowedText:
    """The checker for ``plan`` (its own example's words, if it is one, do not count)."""
    return _checker(own_example(plan))


def is_example_text(path: FieldPath, value: object, plan: Plan | None = None) -> bool:
    """Whether ``value`` at field ``path`` (row ids and 7 P names allowed) is a worked
    example's or the placeholder's text, unchanged: shown greyed as "not yet yours"."""
    from workbook.guidance import guide_key

    return borrowed_text(plan).is_borrowed(guide_key(tuple(path)), value)


def example_source(path: FieldPath, value: object, plan: Plan | None = None) -> str | None:
    """Which example the unchanged text at ``path`` came from (:data:`GUIDANCE` for a
    placeholder), for the marker's tooltip; None when the text is the user's own."""
    from workbook.guidance import guide_key

    return borrowed_text(plan).source(guide_key(tuple(path)), value)
