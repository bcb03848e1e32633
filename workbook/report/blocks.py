"""The format-neutral report: document metadata and an ordered list of typed blocks.

Every editorial choice (what goes in, in what order, what is summarised) is made by the
builders that produce these blocks; renderers only turn them into a format. Every string
here is plain text, never markup: each renderer escapes it for its own format.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from workbook.branding import DEFAULT_ACCENT

ColumnRole = Literal["text", "short", "number", "date", "check"]
"""How a table column behaves: ``text`` wraps and takes the spare width, ``short`` is a few
words (never split mid-word), ``number`` is right-aligned, ``date`` stays on one line,
``check`` is a narrow centred tick."""

ParagraphTone = Literal["body", "lead", "note", "warning", "question", "help", "answer", "label"]
"""What a paragraph is for; renderers map each tone to a style. ``question`` and ``help``
only appear in worksheets and when guidance is switched on."""


@dataclass(frozen=True, slots=True)
class Block:
    """Base of every block."""


@dataclass(frozen=True, slots=True)
class Cover(Block):
    """The title page: kicker line, title, subtitle, a few labelled details and a note."""

    kicker: str
    title: str
    subtitle: str = ""
    details: tuple[tuple[str, str], ...] = ()
    note: str = ""


@dataclass(frozen=True, slots=True)
class Contents(Block):
    """Where the table of contents goes; renderers list the level 1 and 2 headings."""

    title: str = "Contents"


@dataclass(frozen=True, slots=True)
class Heading(Block):
    """A heading. ``level`` 1 is a section, 2 a part of it, 3 a sub-part.
    ``anchor`` is a unique id made of ``[a-z0-9-]`` (safe as an HTML id or a bookmark)."""

    level: int
    text: str
    anchor: str
    kicker: str = ""
    """A short line printed above a level 1 heading, such as "Stage 2"."""


@dataclass(frozen=True, slots=True)
class Paragraph(Block):
    """Text; a newline is a line break and a blank line starts a new paragraph."""

    text: str
    tone: ParagraphTone = "body"


@dataclass(frozen=True, slots=True)
class BulletList(Block):
    items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class KeyValues(Block):
    """Labelled answers, each label followed by its (possibly long) value."""

    items: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    role: ColumnRole = "text"


@dataclass(frozen=True, slots=True)
class Table(Block):
    """A table whose cells are plain strings (a newline is a line break in a cell)."""

    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]
    key: str = ""
    """What the table shows, e.g. ``"seven_ps"`` or ``"four_as"``, for renderers that draw
    some tables another way (the PDF's tiles and bars) and for tests."""
    caption: str = ""
    write_in_rows: int = 0
    """How many of the last rows are left for writing in by hand (worksheets): renderers
    give them room for handwriting."""

    @property
    def header(self) -> tuple[str, ...]:
        return tuple(c.header for c in self.columns)


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: float
    role: str = ""
    """What the bar stands for (``"positive"``, ``"theme"``…): renderers colour by role."""


@dataclass(frozen=True, slots=True)
class BarChart(Block):
    """A horizontal bar chart given as data. Its text equivalent is a small table of
    ``label_header`` and ``value_header`` (see :meth:`as_table`)."""

    title: str
    bars: tuple[Bar, ...]
    label_header: str
    value_header: str
    caption: str = ""
    key: str = ""

    def as_table(self) -> Table:
        return Table(
            (Column(self.label_header, "text"), Column(self.value_header, "number")),
            tuple((bar.label, format_number(bar.value)) for bar in self.bars),
            key=self.key,
        )


@dataclass(frozen=True, slots=True)
class ChartPoint:
    on: date
    value: float


@dataclass(frozen=True, slots=True)
class LineChart(Block):
    """A measure's readings over time as a line, with its dated baseline and target marked.
    Its text equivalent (:meth:`as_table`) names the points the chart is read by: the
    baseline, the first and latest readings, the target."""

    title: str
    unit: str
    readings: tuple[ChartPoint, ...]
    """Oldest first."""
    baseline: ChartPoint | None = None
    target: ChartPoint | None = None
    caption: str = ""
    key: str = ""

    def figure(self, value: float) -> str:
        """A value with the measure's unit: "62 a day", "45%", "£120"."""
        return figure_with_unit(value, self.unit)

    def as_table(self) -> Table:
        from workbook.report.common import format_short_date as short_date

        rows: list[tuple[str, str, str]] = []
        if self.baseline is not None:
            rows.append(
                ("Baseline", short_date(self.baseline.on), self.figure(self.baseline.value))
            )
        if self.readings:
            first, latest = self.readings[0], self.readings[-1]
            if len(self.readings) > 1:
                rows.append(("First reading", short_date(first.on), self.figure(first.value)))
            rows.append(("Latest reading", short_date(latest.on), self.figure(latest.value)))
        if self.target is not None:
            rows.append(("Target", short_date(self.target.on), self.figure(self.target.value)))
        return Table(
            (Column("Point", "short"), Column("Date", "date"), Column("Figure", "short")),
            tuple(rows),
            key=self.key,
        )


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of text in a :class:`Revision`: unchanged, added or removed."""

    text: str
    mark: Literal["", "insert", "delete"] = ""


@dataclass(frozen=True, slots=True)
class Revision(Block):
    """A field's words as they are now, with the words added since a snapshot marked as
    inserted and those taken out kept and marked as removed."""

    label: str
    runs: tuple[Run, ...]


@dataclass(frozen=True, slots=True)
class RevisionKey(Block):
    """Where the reader is told how each format marks added and removed words."""


@dataclass(frozen=True, slots=True)
class CheckItem:
    text: str
    done: bool = False


@dataclass(frozen=True, slots=True)
class Checklist(Block):
    items: tuple[CheckItem, ...]


@dataclass(frozen=True, slots=True)
class Quote(Block):
    text: str
    attribution: str = ""


@dataclass(frozen=True, slots=True)
class WriteIn(Block):
    """Ruled space to write an answer by hand (worksheets): ``lines`` lines, after an
    optional short ``label`` such as "Owner"."""

    lines: int = 3
    label: str = ""


@dataclass(frozen=True, slots=True)
class PageBreak(Block):
    """Start the next block on a new page (where the format has pages)."""


@dataclass(frozen=True, slots=True)
class AppendixStart(Block):
    """Everything after this is an appendix: supporting material after the strategy."""


@dataclass(frozen=True, slots=True)
class ReportMeta:
    """What a document says about itself: its cover facts, properties and branding."""

    title: str
    subject: str
    author: str
    """The one preparer (the consultant, or the plan's own "Prepared by")."""
    organisation: str = ""
    prepared_for: str = ""
    prepared_by: str = ""
    plan_date: date | None = None
    kind: Literal["client", "worksheet"] = "client"
    language: str = "en"
    accent: str = DEFAULT_ACCENT
    logo: Path | None = None
    page_size: Literal["A4", "Letter"] = "A4"
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ReportDocument:
    meta: ReportMeta
    blocks: tuple[Block, ...]
    warnings: tuple[str, ...] = field(default=())
    """Things the user should hear about (a review date in the past is not one: that is
    said in the document itself)."""

    def headings(self, max_level: int = 3) -> Iterator[Heading]:
        return (b for b in self.blocks if isinstance(b, Heading) and b.level <= max_level)

    def find(self, kind: type[Block]) -> list[Block]:
        return [b for b in self.blocks if isinstance(b, kind)]


def format_number(value: float) -> str:
    """``12`` for whole numbers, else one decimal: chart values read as counts."""
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def figure_with_unit(value: float, unit: str) -> str:
    """A figure and its unit as people write them: "45%", "£120 a month", "62 a day"."""
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    unit = " ".join(unit.split())
    if not unit:
        return number
    if unit[0] in "£$€":
        rest = unit[1:].strip()
        return f"{unit[0]}{number}" + (f" {rest}" if rest else "")
    if unit == "%" or unit.startswith("%"):
        return f"{number}{unit}"
    return f"{number} {unit}"
