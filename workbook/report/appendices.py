"""The client document's appendices and closing section: the notes log, the readiness
checklist and the sources. Supporting material, after the strategy."""

from __future__ import annotations

from workbook.about import ABOUT_THE_METHOD, ABOUT_TITLE, SOURCES, SOURCES_NOTE
from workbook.completeness import Check, PlanStatus
from workbook.insights import sentiment_counts, theme_counts
from workbook.model import ListeningNote, ParkedIdea, ParkingOutcome
from workbook.report.blocks import (
    Block,
    BulletList,
    CheckItem,
    Checklist,
    Column,
    Heading,
    Paragraph,
    Table,
)
from workbook.report.common import (
    Anchors,
    format_date,
    format_short_date,
    is_blank,
    join_present,
    labelled_lines,
    one_line,
    plural,
)
from workbook.report.options import NotesLog
from workbook.report.quotes import note_quote, spread_quotes
from workbook.stages import Stage

# ---------------------------------------------------------------- the notes log


def notes_appendix(
    heading: Heading, notes: list[ListeningNote], log: NotesLog, quotes: int
) -> list[Block]:
    """Every note in a table (``NotesLog.FULL``), or the statistics and ``quotes`` notes
    chosen across the most frequent themes."""
    out: list[Block] = [heading, Paragraph(notes_statistics(notes), "body")]
    if log is NotesLog.SUMMARY:
        chosen = spread_quotes(notes, theme_counts(notes), quotes)
        if chosen:
            out.append(
                Paragraph(
                    f"{plural(len(chosen), 'note')} chosen to show the range of what was "
                    "heard, across the most frequent themes:",
                    "body",
                )
            )
            out += [note_quote(n) for n in chosen]
        return out
    out.append(Paragraph("Every note, in the order it was logged.", "note"))
    out.append(
        Table(
            (
                Column("Date", "date"),
                Column("Where and who", "text"),
                Column("What was said", "text"),
                Column("Themes and mood", "text"),
                Column("Wants and follow-up", "text"),
            ),
            tuple(note_row(n) for n in notes),
            key="notes",
        )
    )
    return out


def note_row(n: ListeningNote) -> tuple[str, ...]:
    tags = ", ".join(t for t in (one_line(x) for x in n.tags) if t)
    return (
        format_short_date(n.noted_on),
        join_present((n.source, n.who), "\n"),
        n.said.strip(),
        join_present((tags, n.sentiment.label if n.sentiment else ""), "\n"),
        labelled_lines(
            (("Wants", n.wants), ("Opportunity", n.opportunity), ("Follow-up", n.follow_up))
        ),
    )


def notes_statistics(notes: list[ListeningNote]) -> str:
    dated = sorted(n.noted_on for n in notes if n.noted_on)
    text = plural(len(notes), "note")
    if dated:
        text += f" from {format_date(dated[0])} to {format_date(dated[-1])}"
    sources = {one_line(n.source).casefold() for n in notes if not is_blank(n.source)}
    if sources:
        text += f", in {plural(len(sources), 'place')}"
    moods = [
        f"{count} {mood.value if mood else 'not judged'}"
        for mood, count in sentiment_counts(notes).items()
        if count
    ]
    return text + (". Sentiment: " + ", ".join(moods) + "." if moods else ".")


# ---------------------------------------------------------------- the readiness checklist


def open_items(status: PlanStatus) -> dict[Stage, tuple[list[Check], list[Check]]]:
    """What is still open, by stage: the conditions the series sets before engaging that
    are not met (:mod:`workbook.readiness`), then the rest of the plan's gaps.

    Each open item is listed once. A gap of the plan at a field where a readiness
    condition already names what is missing says the same thing in other words, so it
    is left out; two gaps that read the same (two rows alike) are one item.
    """
    readiness = status.readiness_gaps
    covered = {check.path for check in readiness}
    seen: set[str] = set()
    grouped: dict[Stage, tuple[list[Check], list[Check]]] = {}

    def add(check: Check, first: bool) -> None:
        key = one_line(check.label).casefold()
        if key in seen:
            return
        seen.add(key)
        before, rest = grouped.setdefault(check.stage, ([], []))
        (before if first else rest).append(check)

    for check in readiness:
        add(check, True)
    for check in status.gaps:
        if check.path not in covered:
            add(check, False)
    return {stage: grouped[stage] for stage in Stage if stage in grouped}


def readiness_appendix(heading: Heading, status: PlanStatus, anchors: Anchors) -> list[Block]:
    """The open items of the plan, grouped by stage, each once."""
    out: list[Block] = [
        heading,
        Paragraph(
            "These parts of the plan are still open, stage by stage. The series asks for "
            "the first group in each stage before engaging: the house in order, real "
            "listening, and the 7 P's decided, owned and shared.",
            "body",
        ),
    ]
    for stage, (before, rest) in open_items(status).items():
        out.append(anchors.heading(2, stage.title, f"open-{stage.value}"))
        if before:
            out.append(Paragraph("Before engaging", "label"))
            out.append(Checklist(tuple(CheckItem(c.label) for c in before)))
        if rest:
            if before:
                out.append(Paragraph("Also still to write", "label"))
            out.append(Checklist(tuple(CheckItem(c.label) for c in rest)))
    return out


def has_open_items(status: PlanStatus) -> bool:
    return bool(status.readiness_gaps or status.gaps)


# ---------------------------------------------------------------- sources


def sources_section(anchors: Anchors, about: bool) -> list[Block]:
    """Where the method comes from (:mod:`workbook.about`, the one source of these words);
    with ``about``, the method explained first, as the Help page explains it."""
    out: list[Block] = [anchors.heading(1, "Sources", "sources")]
    if about:
        out.append(anchors.heading(2, ABOUT_TITLE, "about-the-method"))
        out += [Paragraph(text, "help") for text in ABOUT_THE_METHOD]
        out.append(anchors.heading(2, "The works this plan draws on", "works"))
    out.append(BulletList(tuple(f"{s.author}: {s.title}. {s.what_we_took}" for s in SOURCES)))
    out.append(Paragraph(SOURCES_NOTE, "note"))
    return out


# ---------------------------------------------------------------- the parking lot


def parking_lot_appendix(heading: Heading, ideas: list[ParkedIdea]) -> list[Block]:
    """The workshop's parked ideas, in the order they were raised, with what became of each."""
    reviewed = sum(1 for i in ideas if i.outcome is not ParkingOutcome.OPEN)
    lead = (
        "Ideas raised during the workshop that did not belong to the step being discussed, "
        "parked so the room could move on. "
        + (
            f"All {plural(len(ideas), 'idea')} have been reviewed."
            if reviewed == len(ideas) and len(ideas) > 1
            else f"{reviewed} of {plural(len(ideas), 'idea')} reviewed so far."
        )
    )
    rows = tuple(
        (
            idea.idea.strip(),
            format_short_date(idea.raised_on),
            idea.raised_during.title if idea.raised_during else "",
            idea.outcome.label,
        )
        for idea in ideas
    )
    return [
        heading,
        Paragraph(lead, "body"),
        Table(
            (
                Column("Idea", "text"),
                Column("Raised on", "date"),
                Column("During", "short"),
                Column("What became of it", "short"),
            ),
            rows,
            key="parking_lot",
        ),
    ]
