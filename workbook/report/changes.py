"""The client document's "What changed since <snapshot>": the plan compared with one of its
snapshots (:func:`workbook.diff.compare`), stage by stage, in words a client reads.

Field edits show the words added and removed (:class:`Revision`); rows added, removed,
changed or moved are listed in one table per stage. Long unchanged stretches are cut to a
few words either side of each change: the whole text is in its own section.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from workbook.diff import ChangeKind, Comparison, FieldChange, RowChange, Segment, compare
from workbook.model import Plan, Snapshot
from workbook.paths import SEPARATOR
from workbook.report.blocks import (
    Block,
    Column,
    Paragraph,
    Revision,
    RevisionKey,
    Run,
    Table,
)
from workbook.report.common import Anchors, format_date, plural

CONTEXT_WORDS = 12
"""Unchanged words kept either side of a change in a long text."""
MAX_CHANGES_PER_STAGE = 60
"""Changes shown in full per stage; the rest are counted. A document compared with a
snapshot from before a 2,000-note import would otherwise list two thousand rows."""
ROW_KIND_WORDS = {
    ChangeKind.ADDED: "Added",
    ChangeKind.REMOVED: "Removed",
    ChangeKind.CHANGED: "Changed",
    ChangeKind.MOVED: "Moved",
}


def _words_cut(text: str, keep: int, at_start: bool) -> str:
    """``text`` cut to its last (``at_start``: first) ``keep`` words, with "…"."""
    words = text.split(" ")
    if len(words) <= keep:
        return text
    return " ".join(words[:keep]) + " …" if at_start else "… " + " ".join(words[-keep:])


def trimmed_runs(segments: Sequence[Segment], context: int = CONTEXT_WORDS) -> tuple[Run, ...]:
    """The segments as runs, each unchanged stretch cut to ``context`` words either side
    of the changes around it (text with no change at all is kept whole)."""
    runs: list[Run] = []
    last = len(segments) - 1
    changed = any(s.kind != "equal" for s in segments)
    for index, segment in enumerate(segments):
        if segment.kind == "insert":
            runs.append(Run(segment.text, "insert"))
            continue
        if segment.kind == "delete":
            runs.append(Run(segment.text, "delete"))
            continue
        text = segment.text
        if changed:
            folded = " ".join(text.split())
            lead = " " if text[:1].isspace() else ""
            tail = " " if text[-1:].isspace() else ""
            if index == 0:
                folded = _words_cut(folded, context, at_start=False)
            elif index == last:
                folded = _words_cut(folded, context, at_start=True)
            elif len(folded.split(" ")) > 2 * context:
                words = folded.split(" ")
                folded = " ".join(words[:context]) + " … " + " ".join(words[-context:])
            text = lead + folded + tail if folded else lead or tail
        runs.append(Run(text))
    return _spaced(runs)


def _spaced(runs: list[Run]) -> tuple[Run, ...]:
    """The runs with the spaces around each added or removed stretch moved out of it, and a
    space between words taken out and those put in their place: every format then marks
    exactly the words, and no words run together."""
    out: list[Run] = []
    for run in runs:
        core = run.text.strip()
        if not run.mark or not core:
            out.append(run)
            continue
        lead = run.text[: len(run.text) - len(run.text.lstrip())]
        trail = run.text[len(run.text.rstrip()) :]
        if lead:
            out.append(Run(lead))
        elif run.mark == "insert" and out and out[-1].mark == "delete":
            out.append(Run(" "))
        out.append(Run(core, run.mark))
        if trail:
            out.append(Run(trail))
    return tuple(out)


def _field_label(label: str) -> str:
    return label.replace(SEPARATOR, " › ").strip() or "Value"


def _stage_blocks(changes: Sequence[FieldChange | RowChange]) -> list[Block]:
    """A stage's field edits as revisions, then its rows in one table."""
    out: list[Block] = []
    rows: list[tuple[str, str, str]] = []
    for change in changes:
        if isinstance(change, FieldChange):
            out.append(Revision(_field_label(change.label), trimmed_runs(change.segments)))
            continue
        what = change.summary
        if change.kind is ChangeKind.MOVED or (change.kind is ChangeKind.CHANGED and change.moved):
            moved = f"Moved from place {change.old_index + 1} to {change.new_index + 1}"  # type: ignore[operator]
            what = f"{what}\n{moved}" if what else moved
        rows.append((ROW_KIND_WORDS[change.kind], _field_label(change.label), what))
        if change.kind is ChangeKind.CHANGED:
            for field in change.fields:
                out.append(Revision(_field_label(field.label), trimmed_runs(field.segments)))
    if rows:
        out.append(
            Table(
                (Column("Change", "short"), Column("Row", "text"), Column("What it is", "text")),
                tuple(rows),
                key="changed_rows",
                caption="Rows added, removed, changed or moved",
            )
        )
    return out


def _counts_sentence(comparison: Comparison) -> str:
    counts = comparison.counts
    pieces = [
        f"{counts[kind]} {ROW_KIND_WORDS[kind].lower()}"
        for kind in (ChangeKind.CHANGED, ChangeKind.ADDED, ChangeKind.REMOVED, ChangeKind.MOVED)
        if counts.get(kind)
    ]
    if len(pieces) > 1:
        return ", ".join(pieces[:-1]) + " and " + pieces[-1]
    return pieces[0] if pieces else "no changes"


def changes_section(
    plan: Plan, snapshot: Snapshot, heading_level: int, anchors: Anchors
) -> list[Block]:
    """The section comparing ``snapshot`` with the plan as it is now."""
    title = snapshot.title
    comparison = compare(snapshot.state, plan, old_label=title, new_label="now")
    taken: date = snapshot.taken_at.date()
    out: list[Block] = [
        anchors.heading(heading_level, f"What changed since “{title}”", "what-changed")
    ]
    if snapshot.note.strip():
        out.append(Paragraph(snapshot.note.strip(), "note"))
    if comparison.is_empty:
        out.append(
            Paragraph(
                f"Nothing has changed since the snapshot “{title}” of {format_date(taken)}.",
                "body",
            )
        )
        return out
    out.append(
        Paragraph(
            f"The plan as it is now, compared with the snapshot “{title}” of "
            f"{format_date(taken)}, stage by stage: {_counts_sentence(comparison)}.",
            "body",
        )
    )
    out.append(RevisionKey())
    for stage in comparison.stages:
        out.append(anchors.heading(heading_level + 1, stage.title, f"changed-{stage.title}"))
        shown = stage.changes[:MAX_CHANGES_PER_STAGE]
        out += _stage_blocks(shown)
        more = len(stage.changes) - len(shown)
        if more > 0:
            out.append(
                Paragraph(
                    f"{plural(more, 'more change')} in this stage are not listed here; the "
                    "app's Compare view shows them all.",
                    "note",
                )
            )
    return out
