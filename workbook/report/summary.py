"""The client document's executive summary: what we heard, what we decided, how we will
engage, how we will know, and the next 90 days. It states no completeness figures."""

from __future__ import annotations

from datetime import date, timedelta

from workbook.insights import normalise_tag, theme_counts
from workbook.model import Activity, Plan, SevenP
from workbook.report.blocks import (
    Block,
    BulletList,
    Column,
    KeyValues,
    Paragraph,
    Table,
    figure_with_unit,
)
from workbook.report.common import (
    Anchors,
    brief,
    first_sentence,
    format_date,
    format_short_date,
    is_blank,
    join_present,
    one_line,
    plural,
)
from workbook.report.quotes import mood_phrase, note_quote, representative_note

SUMMARY_THEMES = 3
"""Themes the summary quotes from: enough to show the range, few enough for one page."""
SUMMARY_ACTIVITIES = 6
HORIZON_DAYS = 90


def what_we_heard(plan: Plan, org: str, anchors: Anchors) -> list[Block]:
    notes = plan.listening.notes
    out: list[Block] = [anchors.heading(2, "What we heard", "what-we-heard")]
    if not notes:
        out.append(Paragraph(f"{org} has not logged any listening yet.", "note"))
        return out
    dated = sorted(n.noted_on for n in notes if n.noted_on)
    span = (
        f" between {format_date(dated[0])} and {format_date(dated[-1])}"
        if len(dated) > 1 and dated[0] != dated[-1]
        else ""
    )
    themes = theme_counts(notes)[:SUMMARY_THEMES]
    lead = f"{org} logged {plural(len(notes), 'listening note')}{span}."
    if themes:
        lead += " The themes that came up most often, each with a note that stands for it:"
    out.append(Paragraph(lead, "lead"))
    used: set[str] = set()
    for theme in themes:
        mood = mood_phrase(theme)
        facts = join_present((plural(theme.count, "note"), mood), ": ")
        out.append(Paragraph(f"{theme.name} ({facts})", "label"))
        note = representative_note(notes, theme, used)
        if note is not None:
            used.add(note.id)
            out.append(note_quote(note))
        answers = answered_by(plan, theme.name)
        if answers:
            out.append(Paragraph(f"What the plan does about it: {answers}.", "body"))
    wants = plan.listening.learnings.market_wants
    if not is_blank(wants):
        out.append(KeyValues((("What the market wants", first_sentence(wants, 300)),)))
    return out


def answered_by(plan: Plan, theme: str) -> str:
    """The entries drawn from ``theme``'s notes, in words: the thread from what was heard to
    what was decided ("the Purpose decision and the activity “Allergy answers”")."""
    from workbook.suggestions import linked_entries

    key = normalise_tag(theme)
    rows = {
        row.id: row
        for name in ("playbook", "activities", "measures")
        for row in getattr(plan.engagement, name)
    }
    names: list[str] = []
    for path, link in linked_entries(plan):
        if key not in {normalise_tag(t) for t in link.themes}:
            continue
        if path[0] == "planning":
            names.append(f"the {SevenP(path[2]).label} decision")
            continue
        row = rows.get(path[2])
        if isinstance(row, Activity):
            names.append(f"the activity \u201c{one_line(row.activity) or 'untitled'}\u201d")
        elif row is not None and path[1] == "playbook":
            names.append(f"the response to {row.situation.label.lower()}")
        elif row is not None:
            names.append(f"the {row.dimension.label} measure")
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def what_we_decided(plan: Plan, anchors: Anchors) -> list[Block]:
    pl = plan.planning
    out: list[Block] = [anchors.heading(2, "What we decided", "what-we-decided")]
    if not is_blank(pl.intent):
        out.append(Paragraph(brief(pl.intent, 400), "lead"))
    decided = tuple(
        (p.label, first_sentence(pl.seven_ps.get(p).decision))
        for p in SevenP
        if not is_blank(pl.seven_ps.get(p).decision)
    )
    if decided:
        out.append(KeyValues(decided))
    missing = [p.label for p in SevenP if is_blank(pl.seven_ps.get(p).decision)]
    if missing and len(missing) < len(SevenP):
        out.append(Paragraph(f"Still to decide: {', '.join(missing)}.", "note"))
    elif not decided and is_blank(pl.intent):
        out.append(Paragraph("The intent and the 7 P's have not been decided yet.", "note"))
    return out


def _activity_line(a: Activity) -> str:
    """What the activity is and the good it does; where and when are in its section."""
    head = one_line(a.activity) or "An activity"
    value = one_line(a.value_offered)
    return f"{head}: {value}" if value else head


def how_we_will_engage(plan: Plan, anchors: Anchors) -> list[Block]:
    activities = [a for a in plan.engagement.activities if not is_blank(a.activity)]
    out: list[Block] = [anchors.heading(2, "How we will engage", "how-we-will-engage")]
    if not activities:
        out.append(Paragraph("No engagement activities have been planned yet.", "note"))
        return out
    items = [_activity_line(a) for a in activities[:SUMMARY_ACTIVITIES]]
    out.append(BulletList(tuple(items)))
    more = len(activities) - SUMMARY_ACTIVITIES
    if more > 0:
        out.append(
            Paragraph(f"{plural(more, 'more activity', 'more activities')} in Engagement.", "note")
        )
    return out


def how_we_will_know(plan: Plan, anchors: Anchors) -> list[Block]:
    from workbook.measures import MeasureStatus, all_progress

    out: list[Block] = [anchors.heading(2, "How we will know", "how-we-will-know")]
    rows = []
    for m, progress in zip(plan.engagement.measures, all_progress(plan), strict=True):
        if is_blank(m.indicator) and is_blank(m.target):
            continue
        latest = progress.latest
        # Once there are readings, "now" is the latest of them: the baseline is history.
        now = (
            f"{figure_with_unit(latest.value, progress.figures.unit)} "
            f"({format_short_date(latest.on)})"
            if latest is not None
            else one_line(m.baseline)
        )
        status = "" if progress.status is MeasureStatus.NO_TARGET else progress.status.label
        rows.append((m.dimension.label, one_line(m.indicator), now, one_line(m.target), status))
    if not rows:
        out.append(Paragraph("No relationship measures have been set yet.", "note"))
        return out
    out.append(
        Paragraph(
            "Progress is measured by the relationships built, using the four A's: "
            "attention, attraction, affinity and audience.",
            "body",
        )
    )
    out.append(
        Table(
            (
                Column("The A", "short"),
                Column("Indicator", "text"),
                Column("Now", "short"),
                Column("Target", "short"),
                Column("Status", "short"),
            ),
            tuple(rows),
            key="four_as",
        )
    )
    return out


def next_90_days(plan: Plan, anchors: Anchors, today: date) -> list[Block]:
    """Dated activities from the plan's date (else today) to 90 days on, then the review."""
    start = plan.details.plan_date or today
    end = start + timedelta(days=HORIZON_DAYS)
    out: list[Block] = [anchors.heading(2, "The next 90 days", "next-90-days")]
    dated = sorted(
        (a for a in plan.engagement.activities if a.start_date and a.start_date <= end),
        key=lambda a: a.start_date or start,
    )
    rows = []
    for a in dated:
        assert a.start_date is not None
        when = (
            f"Under way since {format_date(a.start_date)}"
            if a.start_date < start
            else format_date(a.start_date)
        )
        rows.append((when, one_line(a.activity) or "An activity", one_line(a.owner)))
    if rows:
        out.append(
            Table(
                (Column("From", "date"), Column("Activity", "text"), Column("Owner", "short")),
                tuple(rows),
                key="next_90_days",
            )
        )
    else:
        out.append(
            Paragraph(
                f"No activity has a start date between {format_date(start)} and "
                f"{format_date(end)}.",
                "note",
            )
        )
    out += review_lines(plan, today)
    return out


def review_lines(plan: Plan, today: date, full: bool = False) -> list[Block]:
    """When the plan is next reviewed; a date already past is said to be past. ``full``:
    the cadence in full (the summary shortens it)."""
    review = plan.engagement.review
    cadence = review.cadence.strip() if full else brief(review.cadence, 300)
    when = format_date(review.next_review) or "Not set yet"
    pairs = (("Next review", when),) + ((("How often", cadence),) if cadence else ())
    out: list[Block] = [KeyValues(pairs)]
    if review.next_review is not None and review.next_review < today:
        out.append(
            Paragraph(
                f"The review date of {when} has already passed: a new date should be agreed.",
                "warning",
            )
        )
    return out
