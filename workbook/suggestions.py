"""Listening carried forward: from a top theme's notes, draft a 7 P decision, a playbook entry,
an engagement activity and a measure, each remembering the notes it was drawn from."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from workbook.insights import TOP_THEMES, Theme, normalise_tag, theme_notes, top_themes
from workbook.model import (
    Activity,
    FourA,
    FromListening,
    ListeningNote,
    PlaybookEntry,
    RelationshipMeasure,
    Row,
    Sentiment,
    SevenP,
    SituationType,
)

if TYPE_CHECKING:
    from workbook.model import Plan
    from workbook.paths import FieldPath

MAX_QUOTED = 3
"""How many distinct wants a draft quotes; more makes a paragraph nobody edits."""


class SuggestionKind(StrEnum):
    DECISION = "decision"
    PLAYBOOK = "playbook"
    ACTIVITY = "activity"
    MEASURE = "measure"

    @property
    def label(self) -> str:
        return {
            "decision": "A draft 7 P decision",
            "playbook": "A playbook entry",
            "activity": "An engagement activity",
            "measure": "A measure",
        }[self.value]


_ROW_LISTS: dict[SuggestionKind, tuple[type[Row], str]] = {
    SuggestionKind.PLAYBOOK: (PlaybookEntry, "playbook"),
    SuggestionKind.ACTIVITY: (Activity, "activities"),
    SuggestionKind.MEASURE: (RelationshipMeasure, "measures"),
}


@dataclass(frozen=True)
class Suggestion:
    """A draft entry built from one theme's notes, ready to insert and edit."""

    kind: SuggestionKind
    theme: str
    note_ids: tuple[str, ...]
    preview: str
    """The main text, as the suggestion list shows it."""
    values: dict[str, Any] = field(default_factory=dict)
    """Field values of the new entry (for a decision: ``p`` and ``decision``)."""

    @property
    def link(self) -> FromListening:
        return FromListening(themes=[self.theme], notes=list(self.note_ids))

    @property
    def source_label(self) -> str:
        return link_label(self.link)

    @property
    def target(self) -> FieldPath:
        """Where it goes: the decision of its P, or the list its row joins."""
        if self.kind is SuggestionKind.DECISION:
            return ("planning", "seven_ps", SevenP(self.values["p"]).value, "decision")
        return ("engagement", _ROW_LISTS[self.kind][1])

    def new_row(self) -> Row:
        """The entry as a new row, not yet in any plan (for a window that inserts rows
        through its own undoable edits). Not for a decision, which is not a row."""
        if self.kind is SuggestionKind.DECISION:
            raise ValueError("A decision draft fills a P; it is not a row.")
        row_type, _list_name = _ROW_LISTS[self.kind]
        return row_type(**self.values, from_listening=self.link)


def link_label(link: FromListening | None) -> str:
    """How an entry's listening is shown: "from 7 notes about allergies"."""
    if link is None or not link.notes:
        return ""
    count = len(link.notes)
    themes = [t for t in link.themes if t.strip()]
    about = ""
    if themes:
        about = " about " + (
            themes[0] if len(themes) == 1 else ", ".join(themes[:-1]) + " and " + themes[-1]
        )
    return f"from {count} note{'s' if count != 1 else ''}{about}"


# ---------------------------------------------------------------- reading a theme's notes


def _clean(text: str) -> str:
    return " ".join(text.split()).rstrip(" .;")


def _recent_first(notes: list[ListeningNote]) -> list[ListeningNote]:
    dated = sorted((n for n in notes if n.noted_on), key=lambda n: n.noted_on, reverse=True)
    return dated + [n for n in notes if not n.noted_on]


def _distinct(texts: list[str], limit: int) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    for text in texts:
        text = _clean(text)
        key = text.casefold()
        if text and key not in seen:
            seen.add(key)
            out.append(text)
        if len(out) == limit:
            break
    return out


def _most_common(texts: list[str]) -> str:
    cleaned = [_clean(t) for t in texts if t.strip()]
    if not cleaned:
        return ""
    return Counter(cleaned).most_common(1)[0][0]


def _days(notes: list[ListeningNote]) -> int:
    days = [n.noted_on for n in notes if n.noted_on]
    return (max(days) - min(days)).days + 1 if days else 0


# ---------------------------------------------------------------- the suggestions


def suggestions_for_theme(
    plan: Plan, theme: str, p: SevenP = SevenP.PARTICIPATE
) -> list[Suggestion]:
    """Four drafts for ``theme`` (a decision for the P ``p``, a playbook entry, an activity
    and a measure), built from what its notes say people want and how we could serve."""
    notes = _recent_first([n for n in theme_notes(plan.listening.notes, theme) if n.said.strip()])
    if not notes:
        return []
    name = " ".join(theme.split())
    ids = tuple(n.id for n in notes)
    count = len(notes)
    wants = _distinct([n.wants for n in notes], MAX_QUOTED)
    serve = _distinct([n.opportunity for n in notes], 2)
    wants_text = "; ".join(wants) or "not written down yet"
    serve_text = "; ".join(serve) or "still to decide"
    heard = f"{count} note{'s' if count != 1 else ''}"

    decision = (
        f"{name[:1].upper()}{name[1:]}, heard in {heard}. What people want: {wants_text}. "
        f"How we will serve it: {serve_text}."
    )
    negative = sum(1 for n in notes if n.sentiment in (Sentiment.NEGATIVE, Sentiment.MIXED))
    situation = SituationType.COMPLAINT if negative * 2 > count else SituationType.QUESTION
    response = (
        f"When {name} comes up, start from what people want: {wants_text}. Then: {serve_text}."
    )
    days = _days(notes)
    baseline = f"{heard} about {name}" + (f" in {days} days of listening" if days else "")
    return [
        Suggestion(SuggestionKind.DECISION, name, ids, decision, {"p": p, "decision": decision}),
        Suggestion(
            SuggestionKind.PLAYBOOK,
            name,
            ids,
            response,
            {"situation": situation, "response": response},
        ),
        Suggestion(
            SuggestionKind.ACTIVITY,
            name,
            ids,
            serve[0] if serve else f"Help with {name}",
            {
                "activity": serve[0] if serve else f"Help with {name}",
                "channel": _most_common([n.source for n in notes]),
                "audience": _most_common([n.who for n in notes]),
                "value_offered": wants[0] if wants else "",
                "answers": name,
                "moves": FourA.AFFINITY,
            },
        ),
        Suggestion(
            SuggestionKind.MEASURE,
            name,
            ids,
            f"People who come to us about {name}, or recommend us for it, each month",
            {
                "dimension": FourA.AFFINITY,
                "indicator": f"People who come to us about {name}, or recommend us for it, "
                "each month",
                "baseline": baseline,
                "method": f"Count the notes tagged “{name}” in the listening log each month",
            },
        ),
    ]


def theme_suggestions(plan: Plan, limit: int = TOP_THEMES) -> list[tuple[Theme, list[Suggestion]]]:
    """The top themes, each with its suggestions (what the Learnings tab offers)."""
    return [
        (theme, suggestions_for_theme(plan, theme.name))
        for theme in top_themes(plan.listening.notes, limit)
    ]


def merge_links(old: FromListening | None, new: FromListening) -> FromListening:
    """One link holding both: the themes and notes of ``old``, then any new ones."""
    if old is None:
        return new
    themes = list(old.themes)
    keys = {normalise_tag(t) for t in themes}
    themes += [t for t in new.themes if normalise_tag(t) not in keys]
    notes = list(old.notes) + [n for n in new.notes if n not in set(old.notes)]
    return FromListening(themes=themes, notes=notes)


def decision_edit(plan: Plan, suggestion: Suggestion) -> tuple[str, FromListening]:
    """The decision text and link a decision draft leaves on its P (for a window that makes
    the change through its own undoable edits): the draft alone, or after the text there."""
    decision = plan.planning.seven_ps.get(SevenP(suggestion.values["p"]))
    text = decision.decision.rstrip()
    draft = suggestion.values["decision"]
    return (f"{text}\n\n{draft}" if text else draft), merge_links(
        decision.from_listening, suggestion.link
    )


def apply_suggestion(plan: Plan, suggestion: Suggestion) -> FieldPath:
    """Insert ``suggestion`` as an ordinary, editable entry that remembers its notes; returns
    the path of what was made (a new row, or the decision of the P).

    A decision that already has text keeps it: the draft is added as a new paragraph.
    """
    if suggestion.kind is SuggestionKind.DECISION:
        decision = plan.planning.seven_ps.get(SevenP(suggestion.values["p"]))
        decision.decision, decision.from_listening = decision_edit(plan, suggestion)
        return suggestion.target
    row = suggestion.new_row()
    list_name = _ROW_LISTS[suggestion.kind][1]
    getattr(plan.engagement, list_name).append(row)
    return ("engagement", list_name, row.id)


def linked_entries(plan: Plan) -> list[tuple[FieldPath, FromListening]]:
    """Every entry drawn from listening, with its link: for the document's footnotes and
    the summary's "what we heard → what we decided" thread."""
    found: list[tuple[FieldPath, FromListening]] = []
    for p in SevenP:
        link = plan.planning.seven_ps.get(p).from_listening
        if link is not None:
            found.append((("planning", "seven_ps", p.value), link))
    for list_name in ("playbook", "activities", "measures"):
        for row in getattr(plan.engagement, list_name):
            if row.from_listening is not None:
                found.append((("engagement", list_name, row.id), row.from_listening))
    return found
