"""Workshop captures without Qt: a parked idea or an agreed action from what was typed, what a
parked idea becomes when the parking lot is reviewed, and what changed since a workshop
began, in plain words for the summary screen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from workbook.diff import ChangeKind, Comparison, FieldChange, RowChange
from workbook.model import (
    AgreedAction,
    ListeningNote,
    ParkedIdea,
    ParkingOutcome,
    SevenP,
    clean_text,
)
from workbook.paths import SEPARATOR, FieldPath
from workbook.stages import Stage

PARKING_LOT: FieldPath = ("workshop", "parking_lot")
ACTIONS: FieldPath = ("engagement", "actions")
NOTES: FieldPath = ("listening", "notes")
NOTE_SOURCE = "Workshop parking lot"
"""Where a note made from a parked idea says it was heard."""
SHORT = 60
"""Characters of a text quoted in one line of the summary."""


class CaptureError(ValueError):
    """What was typed cannot be kept; ``str(error)`` says what to type instead."""


def one_line(text: str) -> str:
    """``text`` cleaned as the plan cleans it, on one line with single spaces."""
    return " ".join(str(clean_text(text)).split())


def parked_idea(text: str, *, today: date, during: Stage | None) -> ParkedIdea:
    """The idea typed into the parking lot's line, raised today during ``during``."""
    idea = one_line(text)
    if not idea:
        raise CaptureError("Type the idea first, then press Enter (Esc to leave it).")
    return ParkedIdea(idea=idea, raised_on=today, raised_during=during)


def agreed_action(what: str, who: str, due: date | None) -> AgreedAction:
    """The action agreed in the room: what, by whom, by when (who and when may wait)."""
    task = one_line(what)
    if not task:
        raise CaptureError("Type what was agreed first, then press Enter (Esc to leave it).")
    return AgreedAction(what=task, who=one_line(who), due=due)


def note_from_idea(idea: ParkedIdea, today: date) -> ListeningNote:
    """A listening note of what was said when the idea was parked."""
    return ListeningNote(noted_on=today, source=NOTE_SOURCE, said=idea.idea)


def action_from_idea(idea: ParkedIdea, who: str = "", due: date | None = None) -> AgreedAction:
    return AgreedAction(what=idea.idea, who=one_line(who), due=due)


def decision_path(p: SevenP) -> FieldPath:
    """Where one P's decision is written."""
    return ("planning", "seven_ps", p.value, "decision")


def decision_with_idea(decision: str, idea: str) -> str:
    """One P's decision with the idea added as a paragraph of its own (nothing is lost)."""
    kept = decision.rstrip()
    return f"{kept}\n\n{idea}" if kept else idea


def open_ideas(ideas: list[ParkedIdea]) -> list[ParkedIdea]:
    """The ideas nobody has decided about yet."""
    return [idea for idea in ideas if idea.outcome is ParkingOutcome.OPEN]


# ---------------------------------------------------------------- what changed, in words


@dataclass(frozen=True)
class StageCount:
    """How many changes one stage had: "Listening & Learning: 3 added, 1 changed"."""

    title: str
    counts: dict[ChangeKind, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def text(self) -> str:
        parts = [f"{n} {kind.value}" for kind, n in self.counts.items() if n]
        return f"{self.title}: {', '.join(parts)}"


def stage_title(title: str, stage: Stage | None) -> str:
    """The heading a group of changes is shown under (the workshop part is not a stage)."""
    return title if stage is not None else "Workshop and other parts"


def stage_counts(comparison: Comparison) -> list[StageCount]:
    """Per stage with changes: how many rows or fields were added, removed, changed, moved."""
    result = []
    for stage in comparison.stages:
        counts = dict.fromkeys(ChangeKind, 0)
        for change in stage.changes:
            counts[change.kind] += 1
        result.append(StageCount(stage_title(stage.title, stage.stage), counts))
    return result


def quoted(text: str, limit: int = SHORT) -> str:
    """``text`` in quotes on one line, cut to ``limit`` characters: “Open earlier on Sat…”."""
    text = one_line(text)
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return f"“{text}”"


def change_sentence(change: FieldChange | RowChange) -> str:
    """One change as a sentence people read aloud: "Listening notes › note 4 added:
    “Open earlier on Saturdays”"."""
    if isinstance(change, FieldChange):
        if not change.new_text.strip():
            return f"{change.label}: cleared"
        if not change.old_text.strip():
            return f"{change.label}: filled in with {quoted(change.new_text)}"
        return f"{change.label}: now {quoted(change.new_text)}"
    if change.kind is ChangeKind.ADDED:
        return f"{change.label} added" + (f": {quoted(change.summary)}" if change.summary else "")
    if change.kind is ChangeKind.REMOVED:
        return f"{change.label} removed" + (f": {quoted(change.summary)}" if change.summary else "")
    if change.kind is ChangeKind.MOVED:
        return f"{change.label} moved"
    names = [f.label.rsplit(SEPARATOR, 1)[-1].lower() for f in change.fields]
    return f"{change.label}: {', '.join(names) or 'changed'} changed"


_WORKSHOP_PREFIX = f"workshop{SEPARATOR}"
"""How the diff names the workshop part, which is not a stage; its heading says it already."""


def change_lines(comparison: Comparison) -> list[tuple[str, list[str]]]:
    """Each stage's heading with its changes as sentences, in plan order."""
    result = []
    for stage in comparison.stages:
        sentences = [change_sentence(c) for c in stage.changes]
        if stage.stage is None:
            sentences = [s.removeprefix(_WORKSHOP_PREFIX) for s in sentences]
        result.append((stage_title(stage.title, stage.stage), sentences))
    return result
