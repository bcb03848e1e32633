"""The bundled worked examples: listing them, loading them, and the example text for one field."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbook.resources import resource_path

if TYPE_CHECKING:
    from workbook.model import Plan, Row

# The plan model is imported where a plan is built: listing the examples (the start page,
# before any plan is opened) reads their files as plain JSON.

EXAMPLES_FOLDER = "examples"

# The column that says what kind of row it is: a user asking for example text in their
# "complaint" row wants the example's complaint reply, not its first reply.
_ROW_KIND_COLUMNS: dict[tuple[str, str], str] = {
    ("management", "presence"): "platform",
    ("listening", "places"): "kind",
    ("engagement", "playbook"): "situation",
    ("engagement", "measures"): "dimension",
}


@dataclass(frozen=True)
class ExampleInfo:
    """One worked example, as a chooser shows it."""

    name: str
    """File name without ``.json``; what :func:`load_example` takes."""
    title: str
    organisation: str
    description: str
    """One line, e.g. "Independent bakery and café in Wrenford — 34 listening notes"."""


@cache
def _example_files() -> dict[str, Path]:
    folder = resource_path(EXAMPLES_FOLDER)
    return {path.stem: path for path in sorted(folder.glob("*.json"))}


@cache
def _parsed(name: str) -> Plan:
    # Read-only master copy; callers get deep copies from load_example.
    from workbook.model import Plan

    return Plan.model_validate_json(_example_files()[name].read_text(encoding="utf-8"))


def _describe(details: dict[str, Any], note_count: int) -> str:
    what = details.get("industry") or details.get("organisation") or "A worked example"
    where = f" in {details['location']}" if details.get("location") else ""
    notes = f"{note_count} listening note" + ("" if note_count == 1 else "s")
    return f"{what}{where} — {notes}"


@cache
def list_examples() -> tuple[ExampleInfo, ...]:
    """Every bundled example, sorted by name. Read as plain JSON (the files are the app's
    own and tested to load): the start page lists nine of them without building a plan."""
    infos = []
    for name, path in _example_files().items():
        raw = json.loads(path.read_text(encoding="utf-8"))
        details = raw.get("details", {})
        infos.append(
            ExampleInfo(
                name=name,
                title=details.get("title", ""),
                organisation=details.get("organisation", ""),
                description=_describe(details, len(raw.get("listening", {}).get("notes", []))),
            )
        )
    return tuple(infos)


def load_example(name: str) -> Plan:
    """A fresh, editable copy of the example called ``name``.

    The example files hold no plan id, so each run of the app gives an example's plans
    an id of its own when it first reads the file: plans started from one example in
    different sessions never share calendar entries.

    Raises KeyError, naming the examples there are, when there is no such example.
    """
    if name not in _example_files():
        known = ", ".join(_example_files()) or "none"
        raise KeyError(f"There is no worked example called {name!r}. Examples: {known}.")
    return _parsed(name).model_copy(deep=True)


def _user_row(plan: Plan | None, list_path: tuple[str, str], row_id: str) -> Row | None:
    if plan is None:
        return None
    rows = getattr(getattr(plan, list_path[0]), list_path[1])
    return next((row for row in rows if row.id == row_id), None)


def _as_text(value: object) -> str | None:
    # Enum choices are str subclasses but not text a user types: leave them out.
    return value if type(value) is str and value.strip() else None


def _text_in(example: Plan, path: tuple[str, ...], user_plan: Plan | None) -> str | None:
    from pydantic import BaseModel

    from workbook.model import ROW_TYPES
    from workbook.paths import is_row_step

    node: Any = example
    index = 0
    while index < len(path):
        step = path[index]
        if isinstance(node, list):
            return None
        if not isinstance(node, BaseModel) or step not in type(node).model_fields:
            return None
        node = getattr(node, step)
        index += 1
        list_path = path[index - 2 : index]
        if isinstance(node, list) and len(list_path) == 2 and list_path in ROW_TYPES:
            rows: list[Row] = node
            user_row = None
            if index < len(path) and is_row_step(ROW_TYPES[list_path], path[index]):
                user_row = _user_row(user_plan, list_path, path[index])
                index += 1
            rest = path[index:]
            if len(rest) != 1:
                return None
            kind_column = _ROW_KIND_COLUMNS.get(list_path)
            if user_row is not None and kind_column is not None:
                kind = getattr(user_row, kind_column)
                same_kind = [r for r in rows if getattr(r, kind_column) == kind]
                rows = same_kind + [r for r in rows if r not in same_kind]
            for row in rows:
                text = _as_text(getattr(row, rest[0], None))
                if text is not None:
                    return text
            return None
    return _as_text(node)


def example_text(path: tuple[str, ...], plan: Plan | None = None) -> str | None:
    """What a worked example wrote in the field at ``path``, for "insert example".

    ``path`` is a field path into the user's plan: row ids in it are ignored, and for a
    list column the first example row with that column filled is used. Given the user's
    ``plan``, rows of the same kind (the same situation, the same A, ...) come first.
    Returns None when no example has text there or the field is not a text field.
    """
    for name in _example_files():
        text = _text_in(_parsed(name), tuple(path), plan)
        if text is not None:
            return text
    return None


def example_files() -> dict[str, Path]:
    """Every bundled example's file, by name."""
    return dict(_example_files())


def example_value(name: str, path: tuple[str, ...], plan: Plan | None = None) -> str | None:
    """What the example called ``name`` wrote in the field at ``path`` (as
    :func:`example_text`, for one chosen example); None when it has no text there."""
    if name not in _example_files():
        raise KeyError(f"There is no worked example called {name!r}.")
    return _text_in(_parsed(name), tuple(path), plan)


DEFAULT_EXAMPLE = "bakery"
"""The example offered when a plan's industry matches none (the one the placeholders follow)."""

TRADE_WORDS: dict[str, tuple[str, ...]] = {
    "accountant": (
        "account",
        "bookkeep",
        "tax",
        "payroll",
        "vat",
        "audit",
        "financ",
        "adviser",
        "advisor",
        "solicitor",
        "lawyer",
        "legal",
        "insurance",
        "mortgage",
        "consult",
    ),
    "bakery": (
        "baker",
        "bakery",
        "bread",
        "cake",
        "café",
        "cafe",
        "coffee",
        "restaurant",
        "food",
        "deli",
        "pub",
        "catering",
        "patisserie",
        "tea room",
        "butcher",
        "grocer",
    ),
    "bike_shop": (
        "bike",
        "bicycle",
        "cycl",
        "sport",
        "outdoor",
        "running shop",
        "repair shop",
        "garage",
        "motor",
        "scooter",
        "retail",
    ),
    "charity": (
        "charity",
        "charit",
        "non-profit",
        "nonprofit",
        "not-for-profit",
        "voluntary",
        "volunteer",
        "community group",
        "food bank",
        "trust",
        "foundation",
        "church",
        "club",
        "association",
    ),
    "dental": (
        "dental",
        "dentist",
        "orthodont",
        "hygienist",
        "optician",
        "optometr",
        "clinic",
        "surgery",
        "pharmac",
        "vet",
    ),
    "florist": (
        "florist",
        "flower",
        "floral",
        "garden",
        "plant",
        "nursery",
        "wedding",
        "gift",
        "bouquet",
        "event",
    ),
    "hair_salon": (
        "hair",
        "salon",
        "barber",
        "beauty",
        "nail",
        "stylist",
        "spa",
        "makeup",
        "tattoo",
        "lash",
        "brow",
    ),
    "physio": (
        "physio",
        "osteopath",
        "chiropract",
        "massage",
        "therap",
        "health",
        "fitness",
        "gym",
        "pilates",
        "yoga",
        "rehab",
        "podiat",
    ),
    "plumber": (
        "plumb",
        "heating",
        "boiler",
        "gas",
        "drain",
        "electric",
        "builder",
        "joiner",
        "carpent",
        "roof",
        "trades",
        "handyman",
        "decorat",
        "locksmith",
        "bathroom",
        "kitchen fit",
    ),
}
"""Words (or the start of words) that point a plan's industry at each example."""


def _word_in(word: str, text: str) -> bool:
    # Trade words match the start of a word ("plumb" in "plumbing"); short ones only whole
    # words, so "gas" is not found in "gastropub".
    tail = r"\b" if len(word) <= 3 else ""
    return re.search(rf"\b{re.escape(word)}{tail}", text) is not None


def rank_examples(industry_text: str) -> list[tuple[str, int]]:
    """Every bundled example with how well it matches ``industry_text``, best first.

    A simple keyword match: each of the example's trade words found in the text scores 10
    plus its length (so "food bank" beats "food"), each longer word of the example's own
    industry line scores 5. Ties keep name order.
    """
    text = " ".join(industry_text.casefold().split())
    ranked = []
    for info in list_examples():
        trade = TRADE_WORDS.get(info.name, ())
        score = sum(10 + len(word) for word in trade if _word_in(word, text))
        own = _parsed(info.name).details.industry.casefold()
        score += sum(5 for word in set(own.split()) if len(word) >= 5 and _word_in(word, text))
        ranked.append((info.name, score))
    ranked.sort(key=lambda pair: -pair[1])
    return ranked


def nearest_example(industry_text: str) -> str:
    """The example whose trade is nearest the plan's industry, for "Insert example";
    :data:`DEFAULT_EXAMPLE` (when bundled) if nothing matches."""
    ranked = rank_examples(industry_text)
    if ranked and ranked[0][1] > 0:
        return ranked[0][0]
    names = [name for name, _score in ranked]
    return DEFAULT_EXAMPLE if DEFAULT_EXAMPLE in names else (names[0] if names else "")
