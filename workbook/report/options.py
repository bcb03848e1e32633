"""What a report is asked to contain (kept per plan) and the consultant's branding."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from workbook.export.options import (
    DEFAULT_ACCENT,
    ExportError,
    normalise_accent,
    normalise_page_size,
)
from workbook.stages import Stage


class ReportKind(StrEnum):
    CLIENT = "client"
    """The strategy document handed to the client: answers only, summary first."""
    WORKSHEET = "worksheet"
    """A printable workshop handout: guiding questions with space to write."""


class NotesLog(StrEnum):
    FULL = "full"
    """Every listening note, as an appendix after the strategy."""
    SUMMARY = "summary"
    """Statistics and a handful of representative quotes instead of the whole log."""


class Section(StrEnum):
    """The parts a user may leave out. The cover and contents are always there."""

    SUMMARY = "summary"
    ORGANISATION = "organisation"
    MANAGEMENT = "management"
    LISTENING = "listening"
    PLANNING = "planning"
    ENGAGEMENT = "engagement"
    NOTES = "notes"
    PARKING_LOT = "parking_lot"
    SOURCES = "sources"

    @property
    def label(self) -> str:
        return SECTION_LABELS[self]


SECTION_LABELS = {
    Section.SUMMARY: "Executive summary",
    Section.ORGANISATION: "The organisation",
    Section.MANAGEMENT: Stage.MANAGEMENT.title,
    Section.LISTENING: Stage.LISTENING.title,
    Section.PLANNING: Stage.PLANNING.title,
    Section.ENGAGEMENT: Stage.ENGAGEMENT.title,
    Section.NOTES: "Listening notes",
    Section.PARKING_LOT: "Parking lot",
    Section.SOURCES: "Sources",
}

ALL_SECTIONS: tuple[Section, ...] = tuple(Section)
MAX_QUOTES = 200


@dataclass(frozen=True)
class ReportOptions:
    """The user's choices for one plan's document. By default every word the user typed
    is in it; leaving something out is an explicit choice here."""

    kind: ReportKind = ReportKind.CLIENT
    sections: tuple[Section, ...] = ALL_SECTIONS
    notes_log: NotesLog = NotesLog.FULL
    notes_quotes: int = 10
    """How many representative quotes the summary form of the notes log gives."""
    guidance: bool | None = None
    """Explain the frameworks and questions beside the answers. ``None``: the kind's
    default (off in the client document, on in the worksheet)."""
    readiness_appendix: bool = True
    """List the plan's open items in an appendix (only printed when there are any)."""
    page_size: str = "A4"
    changes_since: str = ""
    """A snapshot's id or name: add "What changed since" that snapshot. Empty: no such
    section (the default)."""

    @property
    def show_guidance(self) -> bool:
        if self.guidance is None:
            return self.kind is ReportKind.WORKSHEET
        return self.guidance

    def includes(self, section: Section) -> bool:
        return section in self.sections

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form, to keep the choice with the plan."""
        return {
            "kind": self.kind.value,
            "sections": [s.value for s in self.sections],
            "notes_log": self.notes_log.value,
            "notes_quotes": self.notes_quotes,
            "guidance": self.guidance,
            "readiness_appendix": self.readiness_appendix,
            "page_size": self.page_size,
            "changes_since": self.changes_since,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ReportOptions:
        """Options from :meth:`to_dict`'s form. Forgiving: a value that is missing or not
        understood (a file from another version, say) falls back to its default."""
        default = cls()
        kind = _enum(ReportKind, data.get("kind"), default.kind)
        sections_value = data.get("sections")
        if isinstance(sections_value, list | tuple):
            known = {s.value for s in Section}
            wanted = {v for v in sections_value if isinstance(v, str) and v in known}
            sections = tuple(s for s in Section if s.value in wanted)
        else:
            sections = default.sections
        quotes = data.get("notes_quotes")
        if not isinstance(quotes, int) or isinstance(quotes, bool):
            quotes = default.notes_quotes
        guidance = data.get("guidance")
        readiness = data.get("readiness_appendix")
        try:
            page_size = normalise_page_size(str(data.get("page_size", default.page_size)))
        except ExportError:
            page_size = default.page_size
        return cls(
            kind=kind,
            sections=sections,
            notes_log=_enum(NotesLog, data.get("notes_log"), default.notes_log),
            notes_quotes=max(0, min(MAX_QUOTES, quotes)),
            guidance=guidance if isinstance(guidance, bool) else None,
            readiness_appendix=readiness if isinstance(readiness, bool) else True,
            page_size=page_size,
            changes_since=changes if isinstance(changes := data.get("changes_since"), str) else "",
        )

    def validated(self) -> ReportOptions:
        """The same options, normalised; ExportError (a message for people) if one is wrong."""
        return replace(
            self,
            kind=ReportKind(self.kind),
            sections=tuple(Section(s) for s in self.sections),
            notes_log=NotesLog(self.notes_log),
            notes_quotes=max(0, min(MAX_QUOTES, int(self.notes_quotes))),
            page_size=normalise_page_size(self.page_size),
            changes_since=" ".join((self.changes_since or "").split()),
        )


@dataclass(frozen=True)
class Branding:
    """The consultant's profile (from Preferences): who prepares documents and their look."""

    consultant_name: str = ""
    consultant_company: str = ""
    logo: Path | None = None
    accent: str = DEFAULT_ACCENT

    def validated(self) -> Branding:
        return replace(
            self,
            consultant_name=self.consultant_name or "",
            consultant_company=self.consultant_company or "",
            logo=Path(self.logo) if self.logo else None,
            accent=normalise_accent(self.accent),
        )


_E = TypeVar("_E", bound=StrEnum)


def _enum(kind: type[_E], value: object, default: _E) -> _E:
    try:
        return kind(value)  # type: ignore[call-arg]
    except ValueError:
        return default
