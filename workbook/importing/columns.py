"""Which column of a file goes into which field of a note: guessed from the headers (in
several languages), from presets for common exports, and from what the columns hold."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from workbook.importing.values import fold

NOTE_FIELDS = (
    "noted_on",
    "source",
    "who",
    "said",
    "tags",
    "sentiment",
    "wants",
    "opportunity",
    "follow_up",
)
"""The fields of a listening note a column can fill, by their keys in the plan file."""

Mapping = dict[str, int]
"""Note field -> index of the column it is read from; fields not in it stay empty."""


def field_title(field: str) -> str:
    """The field's name as the app shows it ("What was said")."""
    from workbook.model import ListeningNote

    return ListeningNote.model_fields[field].title or field


def _key(header: str) -> str:
    """A header reduced for matching: "Review Date (UTC)" -> "review date utc"."""
    return " ".join(re.sub(r"[^\w]+", " ", fold(header).replace("_", " ")).split())


# Each field's header spellings, most specific first, folded as _key folds them. A header
# is matched whole; the field's key and its title in the app are always included.
ALIASES: dict[str, list[str]] = {
    "noted_on": [
        "noted on",
        "date",
        "day",
        "time",
        "timestamp",
        "posted",
        "posted on",
        "published",
        "published on",
        "published at",
        "created",
        "created at",
        "review date",
        "date posted",
        "date published",
        "publish date",
        "creation date",
        "date of review",
        "review created utc",
        "review created",
        "datum",
        "erstellt am",
        "veroffentlicht",
        "date de publication",
        "fecha",
        "fecha de publicacion",
        "data",
    ],  # fmt: skip
    "source": [
        "source",
        "place or source",
        "platform",
        "site",
        "website",
        "channel",
        "network",
        "source name",
        "source type",
        "page type",
        "domain",
        "place",
        "where",
        "medium",
        "quelle",
        "plattform",
        "kanal",
        "plateforme",
        "canal",
        "fuente",
        "origem",
        "origine",
        "fonte",
        "bron",
        "review site",
        "social network",
    ],  # fmt: skip
    "who": [
        "who",
        "author",
        "author name",
        "reviewer",
        "reviewer name",
        "user",
        "user name",
        "username",
        "name",
        "customer",
        "customer name",
        "client",
        "handle",
        "screen name",
        "posted by",
        "by",
        "from",
        "consumer",
        "review consumer user",
        "profile",
        "autor",
        "auteur",
        "nom",
        "benutzer",
        "kunde",
        "usuario",
        "nombre",
        "cliente",
        "utente",
        "nome",
        "naam",
    ],  # fmt: skip
    "said": [
        "said",
        "what was said",
        "review",
        "review text",
        "review content",
        "text",
        "full text",
        "content",
        "comment",
        "comments",
        "message",
        "body",
        "mention",
        "post",
        "post text",
        "feedback",
        "note",
        "notes",
        "snippet",
        "description",
        "opinion",
        "quote",
        "kommentar",
        "text der bewertung",
        "rezension",
        "nachricht",
        "inhalt",
        "commentaire",
        "avis",
        "texte",
        "contenu",
        "comentario",
        "resena",
        "texto",
        "mensaje",
        "opinione",
        "commento",
        "testo",
        "opmerking",
        "tekst",
        "comentarios",
    ],  # fmt: skip
    "tags": [
        "tags",
        "tag",
        "themes",
        "theme",
        "topics",
        "topic",
        "labels",
        "label",
        "categories",
        "category",
        "keywords",
        "hashtags",
        "themen",
        "thema",
        "schlagworter",
        "kategorie",
        "etiquettes",
        "themes abordes",
        "categorie",
        "etiquetas",
        "temas",
        "categoria",
        "etichette",
    ],  # fmt: skip
    "sentiment": [
        "sentiment",
        "tone",
        "polarity",
        "mood",
        "feeling",
        "stimmung",
        "tonalitat",
        "tonalite",
        "sentimiento",
        "tono",
        "rating",
        "stars",
        "star rating",
        "score",
        "review stars",
        "review rating",
        "overall rating",
        "sterne",
        "bewertung",
        "etoiles",
        "note sur 5",
        "estrellas",
        "puntuacion",
        "valoracion",
        "valutazione",
        "stelle",
        "beoordeling",
    ],  # fmt: skip
    "wants": [
        "wants",
        "what they want",
        "want",
        "need",
        "needs",
        "request",
        "wish",
        "wunsch",
        "besoin",
        "necesidad",
    ],  # fmt: skip
    "opportunity": [
        "opportunity",
        "opportunity to serve",
        "opportunities",
        "idea",
        "ideas",
        "chance",
        "gelegenheit",
        "opportunite",
        "oportunidad",
    ],  # fmt: skip
    "follow_up": [
        "follow up",
        "followup",
        "follow-up",
        "next step",
        "next steps",
        "action",
        "actions",
        "reply",
        "response",
        "owner response",
        "review reply",
        "our reply",
        "antwort",
        "reponse",
        "respuesta",
        "risposta",
    ],  # fmt: skip
}


@dataclass(frozen=True)
class Preset:
    """The columns of a common export, each field's header spellings in order of preference."""

    key: str
    label: str
    columns: dict[str, tuple[str, ...]]


PRESETS: tuple[Preset, ...] = (
    Preset(
        "review_site",
        "Review site export (Google, Trustpilot, Tripadvisor and similar)",
        {
            "noted_on": (
                "review date",
                "review created utc",
                "review created",
                "date",
                "published",
                "created at",
            ),
            "who": (
                "reviewer name",
                "reviewer",
                "review consumer user",
                "author name",
                "author",
                "name",
            ),
            "said": ("review text", "review content", "review", "comment", "text"),
            "sentiment": ("rating", "review stars", "stars", "star rating", "score"),
            "follow_up": ("owner response", "review reply", "reply", "response"),
            "source": ("site", "source", "platform"),
        },
    ),  # fmt: skip
    Preset(
        "listening_tool",
        "Listening tool export (mentions with date, author, text and sentiment)",
        {
            "noted_on": ("date", "published", "published at", "created at", "timestamp"),
            "source": ("source", "platform", "network", "page type", "domain", "source name"),
            "who": ("author", "author name", "screen name", "username", "user", "handle"),
            "said": ("full text", "snippet", "content", "mention", "text", "message"),
            "sentiment": ("sentiment", "polarity", "tone"),
            "tags": ("tags", "categories", "topics", "keywords", "labels"),
        },
    ),  # fmt: skip
    Preset(
        "workbook",
        "Listening notes from this app (CSV)",
        {name: (name.replace("_", " "),) for name in NOTE_FIELDS},
    ),
)
PRESET_BY_KEY = {preset.key: preset for preset in PRESETS}

_ALIAS_FIELD: dict[str, str] = {}
for _field, _aliases in ALIASES.items():
    for _alias in _aliases:
        _ALIAS_FIELD.setdefault(_alias, _field)


def _title_keys() -> dict[str, str]:
    return {_key(field_title(name)): name for name in NOTE_FIELDS}


def header_matches(headers: Sequence[str]) -> int:
    """How many of ``headers`` name a note field (used to find the header row)."""
    return sum(1 for header in headers if _key(header) in _ALIAS_FIELD)


def _find(keys: list[str], spellings: Sequence[str], taken: set[int]) -> int | None:
    for spelling in spellings:
        for index, key in enumerate(keys):
            if key == spelling and index not in taken:
                return index
    return None


def preset_mapping(headers: Sequence[str], preset: Preset) -> Mapping:
    """The columns ``preset`` names that ``headers`` has."""
    keys = [_key(h) for h in headers]
    mapping: Mapping = {}
    taken: set[int] = set()
    for name, spellings in preset.columns.items():
        index = _find(keys, spellings, taken)
        if index is not None:
            mapping[name] = index
            taken.add(index)
    return mapping


def guess_mapping(headers: Sequence[str], preset: str | None = None) -> tuple[Mapping, str | None]:
    """The mapping guessed from ``headers``, and the preset it follows (its key) if any.

    With ``preset`` given, that preset's columns come first; otherwise the preset that
    names most of the headers (at least three) is taken. Every field still empty is then
    matched against the spellings of :data:`ALIASES` and the field titles of the app.
    """
    keys = [_key(h) for h in headers]
    chosen: Preset | None = PRESET_BY_KEY.get(preset) if preset else None
    if chosen is None and preset is None:
        scored = [(len(preset_mapping(headers, p)), p) for p in PRESETS]
        count, best = max(scored, key=lambda item: item[0])
        chosen = best if count >= 3 else None
    mapping = preset_mapping(headers, chosen) if chosen is not None else {}
    taken = set(mapping.values())
    titles = _title_keys()
    for index, key in enumerate(keys):
        name = _ALIAS_FIELD.get(key) or titles.get(key) or (key if key in NOTE_FIELDS else None)
        name = name or (key.replace(" ", "_") if key.replace(" ", "_") in NOTE_FIELDS else None)
        if name is not None and name not in mapping and index not in taken:
            mapping[name] = index
            taken.add(index)
    return _in_field_order(mapping), chosen.key if chosen is not None else None


def _in_field_order(mapping: Mapping) -> Mapping:
    return {name: mapping[name] for name in NOTE_FIELDS if name in mapping}


def column_index(headers: Sequence[str], column: str) -> int | None:
    """The index of the column named ``column`` (exact first, then ignoring case and
    accents), or of "Column 3" / "3" by number from 1."""
    if column in headers:
        return list(headers).index(column)
    key = _key(column)
    for index, header in enumerate(headers):
        if _key(header) == key:
            return index
    if column.strip().isdigit() and 1 <= int(column) <= len(headers):
        return int(column) - 1
    return None
