"""The client document: the strategy as a consultancy deliverable, built as report blocks.

Answers only, about the organisation: no prompts, no completeness figures in the body.
Summary first, one section per stage, then the appendices (the notes log, open items)
and the sources.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from workbook import guidance
from workbook.completeness import PlanStatus, assess
from workbook.insights import sentiment_counts, theme_counts
from workbook.model import FourA, Person, Plan, SevenP
from workbook.report.appendices import (
    has_open_items,
    notes_appendix,
    parking_lot_appendix,
    readiness_appendix,
    sources_section,
)
from workbook.report.blocks import (
    AppendixStart,
    Bar,
    BarChart,
    Block,
    Column,
    Contents,
    Cover,
    Heading,
    KeyValues,
    PageBreak,
    Paragraph,
    ReportDocument,
    Table,
)
from workbook.report.common import (
    SERIES,
    Anchors,
    brief,
    cover_details,
    format_short_date,
    is_blank,
    join_present,
    make_meta,
    one_line,
    organisation_name,
    plural,
    with_source,
)
from workbook.report.method_costs import method_costs
from workbook.report.options import Branding, NotesLog, ReportOptions, Section
from workbook.report.review import action_plan_blocks, measures_over_time, spending_blocks
from workbook.report.summary import (
    how_we_will_engage,
    how_we_will_know,
    next_90_days,
    review_lines,
    what_we_decided,
    what_we_heard,
)
from workbook.stages import Stage

HEADING_CHARS = 100
"""Most of an organisation's name a heading quotes."""
CHART_THEMES = 10
"""Themes the chart shows; a table lists every theme when there are more."""

NOTHING_YET = Paragraph("Nothing has been written for this stage yet.", "note")

PERMISSIONS = (
    ("can_listen", "listen"),
    ("can_draft", "draft"),
    ("can_publish", "publish"),
    ("can_answer_complaints", "answer complaints"),
    ("can_approve", "approve"),
)


def _kv(pairs: tuple[tuple[str, str], ...]) -> list[Block]:
    """A key-value block of the pairs that have an answer, or nothing."""
    kept = tuple((label, value.strip()) for label, value in pairs if not is_blank(value))
    return [KeyValues(kept)] if kept else []


def _any_text(*values: str) -> bool:
    return any(not is_blank(v) for v in values)


def permissions_of(person: Person) -> str:
    may = [word for name, word in PERMISSIONS if getattr(person, name)]
    lines = []
    if may:
        lines.append("May " + ", ".join(may))
    if person.accountable:
        lines.append("Accountable for what is posted")
    return "\n".join(lines)


class ClientBuilder:
    """Plan and options to the client document's blocks. Override a ``section_*`` method
    to change a section, or :meth:`body_sections` to change their order."""

    def __init__(self, plan: Plan, options: ReportOptions, branding: Branding, today: date) -> None:
        self.plan = plan
        self.options = options
        self.branding = branding
        self.today = today
        self.anchors = Anchors()
        self.status: PlanStatus = assess(plan)
        self.org = organisation_name(plan) or "The organisation"
        self.guidance = options.show_guidance
        self.appendix_letters = self._letter_appendices()

    # ------------------------------------------------------------------ structure

    def _letter_appendices(self) -> dict[str, str]:
        names = []
        if self.options.includes(Section.NOTES) and self.plan.listening.notes:
            names.append("notes")
        if self.options.readiness_appendix and has_open_items(self.status):
            names.append("readiness")
        if self.options.includes(Section.PARKING_LOT) and self.plan.workshop.parking_lot:
            names.append("parking")
        return {name: "ABCDEFGH"[i] for i, name in enumerate(names)}

    def body_sections(self) -> list[tuple[Section, Callable[[], list[Block]]]]:
        return [
            (Section.SUMMARY, self.section_summary),
            (Section.ORGANISATION, self.section_organisation),
            (Section.MANAGEMENT, self.section_management),
            (Section.LISTENING, self.section_listening),
            (Section.PLANNING, self.section_planning),
            (Section.ENGAGEMENT, self.section_engagement),
        ]

    def build(self) -> ReportDocument:
        meta = make_meta(self.plan, self.options, self.branding)
        blocks: list[Block] = [
            Cover(
                "Social media strategy",
                meta.title,
                meta.organisation,
                cover_details(meta, self.plan.details.revision_note),
                f"Organised in the four stages of the {SERIES} series: management and "
                "administration, listening and learning, thinking and planning, and engagement.",
            ),
            Contents(),
        ]
        follows_on = False
        for section, make in self.body_sections():
            if self.options.includes(section):
                made = make()
                # The short "About" section and stage 1 share a page, and a stage with
                # nothing in it yet takes no page of its own.
                empty = bool(made) and made[-1] is NOTHING_YET
                self._append_section(blocks, made, new_page=not (follows_on or empty))
                follows_on = section is Section.ORGANISATION and bool(made)
        if self.options.changes_since:
            self._append_section(blocks, self.section_changes())
        appendix: list[Block] = []
        if "notes" in self.appendix_letters:
            self._append_section(appendix, self.section_notes())
        if "readiness" in self.appendix_letters:
            self._append_section(appendix, self.section_readiness())
        if "parking" in self.appendix_letters:
            self._append_section(appendix, self.section_parking_lot())
        if appendix:
            blocks += [PageBreak(), AppendixStart(), *appendix]
        if self.options.includes(Section.SOURCES):
            self._append_section(blocks, self.section_sources())
        return ReportDocument(meta, tuple(blocks))

    @staticmethod
    def _append_section(blocks: list[Block], section: list[Block], new_page: bool = True) -> None:
        """A level 1 section, on a new page unless ``new_page`` is false."""
        if not section:
            return
        if new_page and blocks and not isinstance(blocks[-1], PageBreak):
            blocks.append(PageBreak())
        blocks += section

    def stage(self, number: int, stage: Stage, body: list[Block]) -> list[Block]:
        out: list[Block] = [
            self.anchors.heading(1, stage.title, f"stage-{number}-{stage.value}", f"Stage {number}")
        ]
        if self.guidance:
            out.append(Paragraph(guidance.STAGE_INTROS[stage], "help"))
        return out + (body or [NOTHING_YET])

    def part(self, title: str, body: list[Block], intro_key: str = "") -> list[Block]:
        """A titled part of a section; nothing at all when it has no content."""
        if not body:
            return []
        out: list[Block] = [self.anchors.heading(2, title, title)]
        if self.guidance and intro_key in guidance.SECTION_INTROS:
            out.append(Paragraph(guidance.SECTION_INTROS[intro_key], "help"))
        return out + body

    # ------------------------------------------------------------------ summary

    def section_summary(self) -> list[Block]:
        plan = self.plan
        out: list[Block] = [self.anchors.heading(1, "Executive summary", "summary")]
        out += what_we_heard(plan, self.org, self.anchors)
        out += what_we_decided(plan, self.anchors)
        out += how_we_will_engage(plan, self.anchors)
        out += how_we_will_know(plan, self.anchors)
        out += next_90_days(plan, self.anchors, self.today)
        letter = self.appendix_letters.get("readiness")
        if letter:
            out.append(
                Paragraph(
                    f"Some parts of the plan are still open; Appendix {letter} lists them "
                    "by stage.",
                    "note",
                )
            )
        return out

    def section_organisation(self) -> list[Block]:
        d = self.plan.details
        body = _kv(
            (
                ("What it offers", d.offering),
                ("Whom it serves", d.audience),
                ("Line of work", d.industry),
                ("Location", d.location),
                ("Website", d.website),
            )
        )
        if not body:
            return []
        # The name in full is on the cover; a heading (and its line in the contents) has
        # to fit on a page.
        name = brief(organisation_name(self.plan), HEADING_CHARS)
        title = f"About {name}" if name else "About the organisation"
        return [self.anchors.heading(1, title, "organisation"), *body]

    # ------------------------------------------------------------------ stage 1

    def section_management(self) -> list[Block]:
        m = self.plan.management
        body: list[Block] = []
        presence = tuple(
            (
                c.platform.label,
                one_line(c.handle),
                c.purpose.strip(),
                join_present(
                    (c.owner, f"Backup: {c.backup_owner}" if c.backup_owner.strip() else ""), "\n"
                ),
                c.status.label,
                c.credentials_location.strip(),
            )
            for c in m.presence
        )
        body += self.part(
            "Presence inventory",
            [
                Table(
                    (
                        Column("Platform", "short"),
                        Column("Handle or address", "text"),
                        Column("Purpose", "text"),
                        Column("Looked after by", "short"),
                        Column("Status", "short"),
                        Column("Login kept", "text"),
                    ),
                    presence,
                    key="presence",
                )
            ]
            if presence
            else [],
            "management.presence",
        )
        people = tuple(
            (one_line(p.name), one_line(p.role), permissions_of(p), p.notes.strip())
            for p in m.people
            if _any_text(p.name, p.role, p.notes) or permissions_of(p)
        )
        body += self.part(
            "People and permissions",
            [
                Table(
                    (
                        Column("Name", "short"),
                        Column("Role", "short"),
                        Column("Permissions", "text"),
                        Column("Notes", "text"),
                    ),
                    people,
                    key="people",
                )
            ]
            if people
            else [],
            "management.people",
        )
        g = m.governance
        gov = _kv(
            (
                ("Social media policy", g.policy_status.label if g.policy_status else ""),
                ("The policy in brief", g.policy_summary),
                ("Approval of posts", g.approval_process),
                ("Complaints and crises", g.escalation_path),
                ("Accountability", g.accountability),
                ("Brand voice", g.brand_voice),
                ("Legal and compliance", g.legal_notes),
            )
        )
        body += self.part("Governance", gov, "management.governance")
        r = m.resources
        hours = f"{r.hours_per_week:g} hours a week" if r.hours_per_week is not None else ""
        res = _kv(
            (
                ("Monitoring tools", r.monitoring_tools),
                ("Scheduling tools", r.scheduling_tools),
                ("Time", hours),
                ("Budget", r.budget),
            )
        )
        body += self.part("Resources", res, "management.resources")
        return self.stage(1, Stage.MANAGEMENT, body)

    # ------------------------------------------------------------------ stage 2

    def section_listening(self) -> list[Block]:
        li = self.plan.listening
        body: list[Block] = []
        if not is_blank(li.intent):
            body += self.part("What we listen for", [Paragraph(li.intent.strip())])
        places = tuple(
            (
                p.kind.label,
                p.where.strip(),
                p.listen_for.strip(),
                one_line(p.frequency),
                one_line(p.listener),
            )
            for p in li.places
            if _any_text(p.where, p.listen_for, p.frequency, p.listener)
        )
        body += self.part(
            "Listening plan",
            [
                Table(
                    (
                        Column("Kind", "short"),
                        Column("Where", "text"),
                        Column("Listening for", "text"),
                        Column("How often", "short"),
                        Column("Who", "short"),
                    ),
                    places,
                    key="listening_places",
                )
            ]
            if places
            else [],
            "listening.places",
        )
        body += self.part("Themes and sentiment", self.themes_and_sentiment())
        lr = li.learnings
        body += self.part(
            "Learnings",
            _kv(
                (
                    ("What the market wants", lr.market_wants),
                    ("What people want to hear from us", lr.want_us_to_say),
                    ("What we must unlearn", lr.unlearn),
                    ("What people say about our reputation", lr.reputation),
                    ("From getting results to giving results", lr.give_results),
                )
            ),
            "listening.learnings",
        )
        return self.stage(2, Stage.LISTENING, body)

    def themes_and_sentiment(self) -> list[Block]:
        notes = self.plan.listening.notes
        if not notes:
            return []
        out: list[Block] = []
        lead = f"{plural(len(notes), 'listening note')} logged."
        letter = self.appendix_letters.get("notes")
        if letter:
            which = "every note" if self.options.notes_log is NotesLog.FULL else "a selection"
            lead += f" Appendix {letter} gives {which}."
        out.append(Paragraph(lead, "body"))
        themes = theme_counts(notes)
        if themes:
            shown = themes[:CHART_THEMES]
            out.append(
                BarChart(
                    f"The {plural(len(shown), 'most frequent theme')}"
                    if len(themes) > len(shown)
                    else "Themes in the listening notes",
                    tuple(Bar(t.name, t.count, "theme") for t in shown),
                    "Theme",
                    "Notes",
                    "Number of notes tagged with each theme.",
                    key="themes",
                )
            )
        counts = sentiment_counts(notes)
        bars = tuple(
            Bar(mood.label if mood else "Not judged", count, mood.value if mood else "unknown")
            for mood, count in counts.items()
            if count or mood is not None
        )
        out.append(
            BarChart(
                "Sentiment across all notes",
                bars,
                "Sentiment",
                "Notes",
                "How many notes express each mood.",
                key="sentiment",
            )
        )
        if len(themes) > CHART_THEMES:
            order = ("positive", "neutral", "negative", "mixed")
            rows = []
            for t in themes:
                moods = {s.value: n for s, n in t.sentiment.items()}
                rows.append((t.name, str(t.count), *[str(moods.get(k, 0) or "") for k in order]))
            out.append(
                Table(
                    (
                        Column("Theme", "text"),
                        Column("Notes", "number"),
                        Column("Positive", "number"),
                        Column("Neutral", "number"),
                        Column("Negative", "number"),
                        Column("Mixed", "number"),
                    ),
                    tuple(rows),
                    key="every_theme",
                    caption="Every theme, by the mood of its notes",
                )
            )
        return out

    # ------------------------------------------------------------------ stage 3

    def section_planning(self) -> list[Block]:
        pl = self.plan.planning
        body: list[Block] = []
        if not is_blank(pl.intent):
            body += self.part(
                "Intent: the value we will give", [Paragraph(pl.intent.strip(), "lead")]
            )
        ps = pl.seven_ps
        rows = []
        for p in SevenP:
            d = ps.get(p)
            if not (_any_text(d.decision, d.owner) or d.communicated):
                continue
            if d.communicated:
                shared = format_short_date(d.communicated_on) or "Yes"
            else:
                shared = "Not yet"
            decision = with_source(d.decision.strip() or "Not decided yet", d.from_listening)
            rows.append((p.label, decision, one_line(d.owner), shared))
        seven: list[Block] = []
        if rows:
            if self.guidance:
                seven.append(Paragraph(guidance.SEVEN_P_ATTRIBUTION, "help"))
            seven.append(
                Table(
                    (
                        Column("P", "short"),
                        Column("Decision", "text"),
                        Column("Owner", "short"),
                        Column("Shared with everyone", "date"),
                    ),
                    tuple(rows),
                    key="seven_ps",
                )
            )
        body += self.part("The 7 P's", seven)
        a = pl.assessment
        body += self.part(
            "Assessment",
            _kv(
                (
                    ("The organisation's attributes", a.attributes),
                    ("The value of its products and services", a.offering_value),
                    ("Its market relations", a.market_relations),
                )
            ),
            "planning.assessment",
        )
        return self.stage(3, Stage.PLANNING, body)

    # ------------------------------------------------------------------ stage 4

    def section_engagement(self) -> list[Block]:
        e = self.plan.engagement
        body: list[Block] = []
        play = tuple(
            (
                p.situation.label,
                with_source(p.response, p.from_listening),
                one_line(p.responder),
                one_line(p.response_time),
                one_line(p.tone),
                p.example_reply.strip(),
            )
            for p in e.playbook
            if _any_text(p.response, p.responder, p.response_time, p.tone, p.example_reply)
        )
        body += self.part(
            "Response playbook",
            [
                Table(
                    (
                        Column("Situation", "short"),
                        Column("How we respond", "text"),
                        Column("Who", "short"),
                        Column("Within", "short"),
                        Column("Tone", "short"),
                        Column("Example reply", "text"),
                    ),
                    play,
                    key="playbook",
                )
            ]
            if play
            else [],
            "engagement.playbook",
        )
        acts = tuple(
            (
                with_source(a.activity, a.from_listening),
                a.channel.strip(),
                a.audience.strip(),
                a.value_offered.strip(),
                a.cadence.strip(),
                one_line(a.owner),
                format_short_date(a.start_date),
            )
            for a in e.activities
        )
        body += self.part(
            "Engagement activities",
            [
                Table(
                    (
                        Column("Activity", "text"),
                        Column("Where", "text"),
                        Column("Audience", "text"),
                        Column("Value offered", "text"),
                        Column("Cadence", "text"),
                        Column("Owner", "short"),
                        Column("Start", "date"),
                    ),
                    acts,
                    key="activities",
                )
            ]
            if acts
            else [],
            "engagement.activities",
        )
        measures = tuple(
            (
                m.dimension.label,
                with_source(m.indicator, m.from_listening),
                m.baseline.strip(),
                m.target.strip(),
                m.method.strip(),
                one_line(m.review_cadence),
            )
            for m in e.measures
            if _any_text(m.indicator, m.baseline, m.target, m.method, m.review_cadence)
        )
        four: list[Block] = []
        if measures:
            if self.guidance:
                four.append(KeyValues(tuple((a.label, guidance.FOUR_A_GUIDES[a]) for a in FourA)))
            four.append(
                Table(
                    (
                        Column("The A", "short"),
                        Column("Indicator", "text"),
                        Column("Baseline", "text"),
                        Column("Target", "text"),
                        Column("How it is measured", "text"),
                        Column("Reviewed", "short"),
                    ),
                    measures,
                    key="four_as_plan",
                )
            )
        body += self.part("The four A's", four, "engagement.measures")
        body += self.part("The four A's over time", measures_over_time(self.plan, self.anchors))
        q = e.quality
        body += self.part(
            "Relationship quality",
            _kv(
                (("Trust", q.trust), ("Sincerity", q.sincerity), ("Common values", q.common_values))
            ),
            "engagement.quality",
        )
        body += self.part("What each method costs and builds", method_costs(self.plan))
        c = e.cost
        body += self.part(
            "Cost of building relationships",
            _kv(
                (
                    ("Time outside the activities", c.time),
                    ("Money outside the activities", c.money),
                    ("What builds the most for what it costs", c.best_value),
                )
            ),
            "engagement.cost",
        )
        body += self.part("Spending against the plan", spending_blocks(self.plan))
        r = e.review
        review: list[Block] = []
        if r.next_review is not None or not is_blank(r.cadence):
            review += review_lines(self.plan, self.today, full=True)
        review += _kv((("How new listening feeds back", r.feedback),))
        body += self.part("Review loop", review, "engagement.review")
        body += self.part("Action plan", action_plan_blocks(self.plan))
        return self.stage(4, Stage.ENGAGEMENT, body)

    # ------------------------------------------------------------------ appendices

    def appendix_heading(self, name: str, title: str) -> Heading:
        letter = self.appendix_letters[name]
        return self.anchors.heading(1, f"Appendix {letter}: {title}", f"appendix-{letter}")

    def section_notes(self) -> list[Block]:
        return notes_appendix(
            self.appendix_heading("notes", "Listening notes"),
            self.plan.listening.notes,
            self.options.notes_log,
            self.options.notes_quotes,
        )

    def section_readiness(self) -> list[Block]:
        heading = self.appendix_heading("readiness", "Readiness checklist")
        return readiness_appendix(heading, self.status, self.anchors)

    def section_parking_lot(self) -> list[Block]:
        heading = self.appendix_heading("parking", "Parking lot")
        return parking_lot_appendix(heading, self.plan.workshop.parking_lot)

    def section_changes(self) -> list[Block]:
        """ "What changed since" the snapshot the options name; ExportError (naming the
        plan's snapshots) when it has none of that name."""
        from workbook.export.options import ExportError
        from workbook.report.changes import changes_section
        from workbook.snapshots import SnapshotNotFoundError, find_snapshot

        try:
            snapshot = find_snapshot(self.plan, self.options.changes_since)
        except SnapshotNotFoundError as error:
            raise ExportError(error.message) from None
        return changes_section(self.plan, snapshot, 1, self.anchors)

    def section_sources(self) -> list[Block]:
        return sources_section(self.anchors, about=self.guidance)
