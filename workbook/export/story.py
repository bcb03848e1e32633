"""The story of the strategy document: every section, built from the plan as flowables."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from pydantic import BaseModel
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable, KeepTogether

from workbook import guidance
from workbook.completeness import PlanStatus, assess
from workbook.costs import cost_report
from workbook.export import text as txt
from workbook.export.blocks import BASE_TABLE_COMMANDS, Blocks, Cell, Ours, Parts
from workbook.export.charts import sentiment_chart, themes_chart
from workbook.export.contents import Contents
from workbook.export.frags import markup_of
from workbook.export.options import ExportCancelled, ExportOptions
from workbook.insights import sentiment_counts, theme_counts
from workbook.model import FourA, Plan, SevenP
from workbook.stages import Stage

CHECK = "✓"
GAP = "☐"
HEADING_CHARS = 100
"""Most of an organisation's name a heading quotes."""
BRIEF_CHARS = 220
"""How much of a long answer the executive summary quotes; the full text is in its stage."""


def format_date(value: date | None) -> str:
    # Day first, month in words: unambiguous for readers on both sides of the Atlantic.
    return f"{value.day} {value:%B %Y}" if value else ""


def format_short_date(value: date | None) -> str:
    return f"{value.day} {value:%b %Y}" if value else ""


def brief(text: str, limit: int = BRIEF_CHARS) -> str:
    text = " ".join(txt.clean(text).split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(",;:. ") + " …"


def _hours(value: float) -> str:
    return f"{value:g} h"


def _activities(count: int) -> str:
    return f"{count} activit{'y' if count == 1 else 'ies'}"


def _money(value: float) -> str:
    # The plan does not say which currency; the figure is the user's own.
    return f"{value:,.2f}".rstrip("0").rstrip(".") if value else "0"


def title_of(model: BaseModel | type[BaseModel], name: str) -> str:
    return (
        type(model).model_fields[name].title
        if isinstance(model, BaseModel)
        else model.model_fields[name].title
    )


def _any_text(*values: Any) -> bool:
    return any(isinstance(v, str) and not txt.is_blank(v) for v in values)


class Heading(Paragraph):
    """A heading that goes into the contents and the PDF outline (bookmarks)."""

    def __init__(
        self, text: str, style, level: int, key: str, outline: str, frags: list | None = None
    ) -> None:
        super().__init__(text, style, frags=frags)
        self.toc_level = level
        self.toc_key = key
        self.toc_text = outline


class StoryBuilder:
    """Turns a plan into the document's flowables. Override a ``section_*`` method to change
    a section, or :meth:`sections` to change their order."""

    def __init__(
        self,
        plan: Plan,
        options: ExportOptions,
        blocks: Blocks,
        logo: Image | None = None,
        is_cancelled: Callable[[], bool] | None = None,
        progress: Callable[[float], None] | None = None,
    ) -> None:
        self.plan = plan
        self.options = options
        self.blocks = blocks
        self.styles = blocks.styles
        self.logo = logo
        self.status: PlanStatus = assess(plan)
        self._is_cancelled = is_cancelled
        self._progress = progress
        """Told the share (0..1) of the notes log made so far: the one long part."""
        self.headings: list[Heading] = []
        self.toc = self.make_contents()

    # ------------------------------------------------------------------ helpers

    def _made(self, share: float) -> None:
        """Part of the notes log is made: cancel if asked, else say how far it is."""
        self._check_cancel()
        if self._progress is not None:
            self._progress(share)

    def _check_cancel(self) -> None:
        if self._is_cancelled is not None and self._is_cancelled():
            raise ExportCancelled()

    def heading(self, text: str, level: int = 0, style: str | None = None) -> Heading:
        name = style or ("h1" if level == 0 else "h2")
        pieces = self.blocks.pieces(text, self.styles[name])
        heading = Heading(
            markup_of(pieces),
            self.styles[name],
            level,
            f"h{len(self.headings) + 1}",
            text,
            self.blocks.fragments_of(pieces),
        )
        self.headings.append(heading)
        return heading

    def stage_heading(self, number: int, stage: Stage) -> list[Flowable]:
        out: list[Flowable] = [
            self.blocks.ours(f"STAGE {number}", "stage_kicker"),
            self.heading(stage.title, 0),
            HRFlowable(
                width="100%",
                thickness=1.2,
                color=self.styles.palette.accent,
                spaceBefore=2,
                spaceAfter=8,
            ),
        ]
        if self.options.include_prompts:
            out.append(self.blocks.ours(guidance.STAGE_INTROS[stage], "intro"))
        return out

    def section_intro(self, key: str) -> list[Flowable]:
        if not self.options.include_prompts or key not in guidance.SECTION_INTROS:
            return []
        return [self.blocks.ours(guidance.SECTION_INTROS[key], "intro")]

    def prompt(self, path: tuple[str, ...]) -> str | None:
        if not self.options.include_prompts:
            return None
        guide = guidance.guide_for(path)
        return guide.prompt if guide else None

    def fields(
        self,
        part: BaseModel,
        path: tuple[str, ...],
        names: tuple[str, ...],
        labels: dict[str, str] | None = None,
    ) -> list[Flowable]:
        out: list[Flowable] = []
        for name in names:
            label = (labels or {}).get(name) or title_of(part, name)
            out += self.blocks.field(label, getattr(part, name), self.prompt(path + (name,)))
        return out

    def subsection(
        self, title: str, body: list[Flowable], intro_key: str = "", need: float = 120
    ) -> list[Flowable]:
        """A titled part of a stage; nothing when it has no content (no empty headings).

        ``need``: room (points) the start of the part takes, so its heading is never
        left alone at the foot of a page.
        """
        if not body:
            return []
        return [CondPageBreak(need), self.heading(title, 1), *self.section_intro(intro_key), *body]

    def nothing_yet(self, what: str) -> list[Flowable]:
        return [
            self.blocks.ours(
                f"Nothing has been written for {what} yet. The readiness checklist at the end "
                "of this document lists what is still to do.",
                "note",
            )
        ]

    def table(self, *args, **kwargs) -> list[Flowable]:
        table = self.blocks.table(*args, **kwargs)
        return [table] if table is not None else []

    # ------------------------------------------------------------------ the story

    def sections(self) -> list[Callable[[], list[Flowable]]]:
        return [
            self.section_cover,
            self.section_contents,
            self.section_summary,
            self.section_management,
            self.section_listening,
            self.section_planning,
            self.section_engagement,
            self.section_checklist,
        ]

    def build(self) -> list[Flowable]:
        story: list[Flowable] = []
        for section in self.sections():
            self._check_cancel()
            story += section()
        self.prepare_contents()
        return story

    def make_contents(self) -> Flowable:
        """The contents flowable, placed by :meth:`section_contents`."""
        blocks = self.blocks
        toc = Contents(lambda text, style: blocks.literal(blocks.pieces(text, style), style))
        toc.level_styles = [self.styles["toc0"], self.styles["toc1"]]
        toc.table_style = self.contents_table_style()
        return toc

    def contents_table_style(self) -> TableStyle:
        return TableStyle(
            [
                *BASE_TABLE_COMMANDS,
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )

    def prepare_contents(self) -> None:
        """Give the contents every entry up front, once the story is made: they take their
        final room in the one layout pass, and their page numbers are drawn when the last
        page is known."""
        self.toc.set_entries([(h.toc_level, h.toc_text, h.toc_key) for h in self.headings])

    # ------------------------------------------------------------------ cover and contents

    def section_cover(self) -> list[Flowable]:
        d = self.plan.details
        b = self.blocks
        out: list[Flowable] = []
        if self.logo is not None:
            self.logo.hAlign = "LEFT"
            out += [self.logo, Spacer(1, 36)]
        else:
            out.append(Spacer(1, 60))
        consultant = " · ".join(
            x
            for x in (
                txt.clean(self.options.consultant_name),
                txt.clean(self.options.consultant_company),
            )
            if x
        )
        out.append(b.ours("SOCIAL MEDIA STRATEGY", "cover_kicker"))
        title = d.title if not txt.is_blank(d.title) else "Social media strategy"
        out += b.paragraphs(title, "cover_title")
        out += b.paragraphs(d.organisation, "cover_org")
        out.append(
            HRFlowable(
                width="35%",
                thickness=3,
                color=self.styles.palette.accent,
                hAlign="LEFT",
                spaceBefore=14,
                spaceAfter=18,
            )
        )
        rows: list[list[Flowable]] = []
        width = b.frame_width
        for label, value in (
            ("Prepared for", d.prepared_for),
            ("Prepared by", d.prepared_by),
            ("Date", format_date(d.plan_date)),
            ("Revision", d.revision_note),
        ):
            paras = b.paragraphs(value, "cover_meta", width * 0.72)
            if paras:
                rows.append([b.ours(label.upper(), "label", width * 0.25), paras])
        if rows:
            table = Table(rows, colWidths=[width * 0.25, width * 0.75], hAlign="LEFT")
            table.setStyle(
                TableStyle(
                    [
                        *BASE_TABLE_COMMANDS,
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("TOPPADDING", (0, 0), (0, -1), 0),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                    ]
                )
            )
            out.append(table)
        if consultant:
            out += [Spacer(1, 40), *b.paragraphs(consultant, "cover_consultant")]
        out += [
            Spacer(1, 30),
            b.ours(
                "Organised in the four stages of the Creating Social Media Value series: "
                "management & administration, listening & learning, thinking & planning, "
                "and engagement.",
                "note",
            ),
        ]
        out += [NextPageTemplate("body"), PageBreak()]
        return out

    def section_contents(self) -> list[Flowable]:
        return [
            self.blocks.ours("Contents", "h1"),
            HRFlowable(
                width="100%",
                thickness=1.2,
                color=self.styles.palette.accent,
                spaceBefore=2,
                spaceAfter=10,
            ),
            self.toc,
            PageBreak(),
        ]

    # ------------------------------------------------------------------ executive summary

    def section_summary(self) -> list[Flowable]:
        plan, b = self.plan, self.blocks
        out: list[Flowable] = [
            self.heading("Executive summary", 0),
            HRFlowable(
                width="100%",
                thickness=1.2,
                color=self.styles.palette.accent,
                spaceBefore=2,
                spaceAfter=8,
            ),
        ]
        out += self.key_figures()
        d = plan.details
        about = self.fields(
            d, ("details",), ("offering", "audience", "industry", "location", "website")
        )
        # The name in full is on the cover; a heading (and its line in the contents) has
        # to fit on a page.
        org = brief(d.organisation, HEADING_CHARS)
        out += self.subsection(f"About {org}" if org else "About the organisation", about)
        purpose = plan.planning.seven_ps.purpose.decision
        intent_body = [
            *b.field("Intent: the value we will give", brief(plan.planning.intent, 600)),
            *b.field("Purpose", brief(purpose, 600)),
        ]
        out += self.subsection("Intent and purpose", intent_body)
        themes = theme_counts(plan.listening.notes)[:5]
        if themes:
            body = self.table(
                ["Theme", "Notes"],
                [[t.name, Ours(str(t.count), "cell_right")] for t in themes],
                [5, 1],
                right=(1,),
            )
            out += self.subsection("Top listening themes", body)
        ps = plan.planning.seven_ps
        p_rows = [
            [
                Ours(p.label, "cell"),
                brief(ps.get(p).decision) or None,
                Ours(CHECK if ps.get(p).communicated else "", "cell_center"),
            ]
            for p in SevenP
            if _any_text(ps.get(p).decision)
        ]
        out += self.subsection(
            "The 7 P's in brief",
            self.table(["P", "Our decision", "Shared"], p_rows, [1.1, 6, 0.8], centred=(2,))
            if p_rows
            else [],
        )
        a_rows = [
            [Ours(m.dimension.label), m.indicator, m.target]
            for m in plan.engagement.measures
            if _any_text(m.indicator, m.target)
        ]
        out += self.subsection(
            "The four A's: what we aim for",
            self.table(["The A", "Indicator", "Target"], a_rows, [1.1, 3.5, 3]) if a_rows else [],
        )
        out.append(PageBreak())
        return out

    def key_figures(self) -> list[Flowable]:
        """Four headline numbers in boxes across the page."""
        plan, b = self.plan, self.blocks
        communicated = sum(1 for p in SevenP if plan.planning.seven_ps.get(p).communicated)
        figures = [
            (f"{self.status.percent}%", "of the plan complete"),
            (str(len(plan.management.presence)), "channels in the inventory"),
            (str(len(plan.listening.notes)), "listening notes"),
            (f"{communicated}/7", "P's shared with everyone"),
        ]
        width = b.frame_width / 4
        big = self.styles.add(
            "figure_big",
            parent="h1",
            fontSize=20,
            leading=24,
            spaceAfter=0,
            textColor=self.styles.palette.accent,
        )
        cells = [
            [Paragraph(value, big), b.ours(caption, "note", width - 12)]
            for value, caption in figures
        ]
        table = Table([cells], colWidths=[width] * 4, hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    *BASE_TABLE_COMMANDS,
                    ("BACKGROUND", (0, 0), (-1, -1), self.styles.palette.accent_pale),
                    ("LINEAFTER", (0, 0), (-2, -1), 2, self.styles.palette.zebra),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 0), (-1, -1), 8),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                ]
            )
        )
        ready = self.status.ready_to_engage
        gaps = len(self.status.readiness_gaps)
        line = (
            "Listening and the 7 P's are complete: the plan is ready for engagement."
            if ready
            else f"Before engaging, {gaps} item{'s' if gaps != 1 else ''} in listening and "
            "planning still need attention (see the readiness checklist)."
        )
        out: list[Flowable] = [table, Spacer(1, 8), b.ours(line, "summary_lead")]
        review = plan.engagement.review
        if review.next_review:
            when = format_date(review.next_review)
            out.append(b.ours(f"Next review of this plan: {when}.", "summary_lead"))
        out += b.paragraphs(brief(review.cadence, 400), "answer")
        return out

    # ------------------------------------------------------------------ stage 1

    def section_management(self) -> list[Flowable]:
        m = self.plan.management
        out = self.stage_heading(1, Stage.MANAGEMENT)
        body: list[Flowable] = []
        rows: list[list[Cell]] = [
            [
                Ours(c.platform.label),
                c.handle,
                c.purpose,
                Parts((("Owner", c.owner), ("Backup", c.backup_owner))),
                Ours(c.status.label),
                c.credentials_location,
            ]
            for c in m.presence
        ]
        body += self.subsection(
            "Presence inventory",
            self.table(
                ["Platform", "Handle or URL", "Purpose", "Owner", "Status", "Login kept"],
                rows,
                [1.15, 1.7, 2.05, 1.4, 1.0, 1.5],
            ),
            "management.presence",
        )
        flags = (
            "can_listen",
            "can_draft",
            "can_publish",
            "can_answer_complaints",
            "can_approve",
            "accountable",
        )
        people_rows: list[list[Cell]] = [
            [
                p.name,
                p.role,
                *[Ours(CHECK if getattr(p, f) else "", "cell_center") for f in flags],
                p.notes,
            ]
            for p in m.people
        ]
        body += self.subsection(
            "People and permissions",
            self.table(
                [
                    "Name",
                    "Role",
                    "Listen",
                    "Draft",
                    "Publish",
                    "Answers complaints",
                    "Approve",
                    "Accountable",
                    "Notes",
                ],
                people_rows,
                [58, 70, 37, 33, 43, 58, 47, 64, 73],
                centred=(2, 3, 4, 5, 6, 7),
            ),
            "management.people",
        )
        g = m.governance
        gov = []
        if g.policy_status is not None:
            gov += self.blocks.field(
                title_of(g, "policy_status"),
                g.policy_status.label,
                self.prompt(("management", "governance", "policy_status")),
            )
        gov += self.fields(
            g,
            ("management", "governance"),
            (
                "policy_summary",
                "approval_process",
                "escalation_path",
                "accountability",
                "brand_voice",
                "legal_notes",
            ),
        )
        body += self.subsection("Governance", gov, "management.governance")
        r = m.resources
        res = self.fields(r, ("management", "resources"), ("monitoring_tools", "scheduling_tools"))
        if r.hours_per_week is not None:
            hours = f"{r.hours_per_week:g} hours a week"
            res += self.blocks.field(
                title_of(r, "hours_per_week"),
                hours,
                self.prompt(("management", "resources", "hours_per_week")),
            )
        res += self.fields(r, ("management", "resources"), ("budget",))
        body += self.subsection("Resources", res, "management.resources")
        return out + (body or self.nothing_yet("management and administration")) + [PageBreak()]

    # ------------------------------------------------------------------ stage 2

    def section_listening(self) -> list[Flowable]:
        li = self.plan.listening
        b = self.blocks
        out = self.stage_heading(2, Stage.LISTENING)
        body: list[Flowable] = self.fields(li, ("listening",), ("intent",))
        place_rows: list[list[Cell]] = [
            [Ours(p.kind.label), p.where, p.listen_for, p.frequency, p.listener] for p in li.places
        ]
        body += self.subsection(
            "Listening plan",
            self.table(
                ["Kind", "Where", "What we listen for", "How often", "Who listens"],
                place_rows,
                [1.2, 2.0, 3.0, 1.3, 1.3],
            ),
            "listening.places",
        )
        body += self.section_themes()
        body += self.subsection(
            "Learnings",
            self.fields(
                li.learnings,
                ("listening", "learnings"),
                ("market_wants", "want_us_to_say", "unlearn", "reputation", "give_results"),
            ),
            "listening.learnings",
        )
        note_rows: list[list[Cell]] = []
        for index, n in enumerate(li.notes):
            if index % 200 == 0:
                self._check_cancel()
            tags = ", ".join(t for t in (" ".join(x.split()) for x in n.tags) if t)
            note_rows.append(
                [
                    Ours(format_short_date(n.noted_on) or "—", "cell"),
                    Parts((("Where", n.source), ("Who", n.who))),
                    n.said,
                    Parts(
                        (("Themes", tags), ("Sentiment", n.sentiment.label if n.sentiment else ""))
                    ),
                    Parts(
                        (
                            ("Wants", n.wants),
                            ("Opportunity", n.opportunity),
                            ("Follow-up", n.follow_up),
                        )
                    ),
                ]
            )
        if note_rows:
            count = len(note_rows)
            lead = b.ours(
                f"{count} note{'s' if count != 1 else ''}, in the order they were logged.", "note"
            )
            body += self.subsection(
                "Listening notes",
                [
                    lead,
                    *self.table(
                        ["Date", "Source", "What was said", "Mood", "Follow-through"],
                        note_rows,
                        [0.95, 1.45, 2.9, 1.3, 3.0],
                        progress=self._made,
                    ),
                ],
                "listening.notes",
            )
        return out + (body or self.nothing_yet("listening and learning")) + [PageBreak()]

    def section_themes(self) -> list[Flowable]:
        notes = self.plan.listening.notes
        themes = theme_counts(notes)
        b = self.blocks
        body: list[Flowable] = []
        chart = themes_chart(themes, b.frame_width, self.styles.palette, b.fonts)
        if chart is not None:
            shown = min(len(themes), 10)
            body += [
                KeepTogether(
                    [
                        b.ours(f"The {shown} most frequent themes in the listening notes", "h3"),
                        chart,
                        b.ours("Number of notes tagged with each theme.", "figure"),
                    ]
                )
            ]
        counts = sentiment_counts(notes)
        mix = sentiment_chart(counts, b.frame_width)
        if mix is not None:
            body += [
                KeepTogether(
                    [
                        b.ours("Sentiment across all notes", "h3"),
                        mix,
                        b.ours("Share of notes by the mood they express.", "figure"),
                    ]
                )
            ]
        if themes:
            order = ("positive", "neutral", "negative", "mixed")
            rows: list[list[Cell]] = []
            for t in themes:
                moods = {s.value: n for s, n in t.sentiment.items()}
                rows.append(
                    [
                        t.name,
                        Ours(str(t.count), "cell_right"),
                        *[Ours(str(moods.get(k, 0) or ""), "cell_right") for k in order],
                    ]
                )
            body += [
                b.ours("Every theme", "h3"),
                *self.table(
                    ["Theme", "Notes", "Positive", "Neutral", "Negative", "Mixed"],
                    rows,
                    [4, 0.9, 1, 1, 1, 0.9],
                    right=(1, 2, 3, 4, 5),
                ),
            ]
        need = (chart.height + 80) if chart is not None else 120
        return self.subsection("Themes and sentiment", body, need=need)

    # ------------------------------------------------------------------ stage 3

    def section_planning(self) -> list[Flowable]:
        pl = self.plan.planning
        b = self.blocks
        out = self.stage_heading(3, Stage.PLANNING)
        body: list[Flowable] = self.fields(pl, ("planning",), ("intent",))
        ps = pl.seven_ps
        if any(
            _any_text(ps.get(p).decision, ps.get(p).owner) or ps.get(p).communicated for p in SevenP
        ):
            rows: list[list[Cell]] = []
            for p in SevenP:
                d = ps.get(p)
                if d.communicated:
                    shared = f"{CHECK} Shared" + (
                        f" {format_date(d.communicated_on)}" if d.communicated_on else ""
                    )
                else:
                    shared = "Not yet"
                rows.append(
                    [
                        Ours(p.label, "cell"),
                        d.decision
                        if not txt.is_blank(d.decision)
                        else Ours("Not decided yet", "cell"),
                        d.owner,
                        Ours(shared, "cell"),
                    ]
                )
            glance = self.table(
                ["P", "Our decision", "Owner", "Communicated"], rows, [1.1, 5.2, 1.4, 1.3]
            )
            note = [b.ours(guidance.SEVEN_P_ATTRIBUTION, "intro")]
            body += self.subsection("The 7 P's at a glance", note + glance)
        if self.options.include_prompts:
            questions: list[Flowable] = []
            for p in SevenP:
                g = guidance.SEVEN_P_GUIDES[p]
                questions.append(
                    KeepTogether(
                        [
                            b.ours(p.label.upper(), "label"),
                            b.ours(g.summary, "prompt"),
                            *[b.ours(f"•  {q}", "check") for q in g.questions],
                        ]
                    )
                )
            body += self.subsection("Guiding questions for the 7 P's", questions)
        body += self.subsection(
            "Assessment",
            self.fields(
                pl.assessment,
                ("planning", "assessment"),
                ("attributes", "offering_value", "market_relations"),
            ),
            "planning.assessment",
        )
        return out + (body or self.nothing_yet("thinking and planning")) + [PageBreak()]

    # ------------------------------------------------------------------ stage 4

    def section_engagement(self) -> list[Flowable]:
        e = self.plan.engagement
        b = self.blocks
        out = self.stage_heading(4, Stage.ENGAGEMENT)
        body: list[Flowable] = []
        gaps = self.status.readiness_gaps
        if gaps:
            body.append(
                b.ours(
                    f"Readiness: {len(gaps)} item{'s' if len(gaps) != 1 else ''} in listening "
                    "and the 7 P's are still open. The series advises finishing them before "
                    "engaging; the checklist at the end lists them.",
                    "note",
                )
            )
        play_rows: list[list[Cell]] = [
            [
                Ours(p.situation.label, "cell"),
                p.response,
                p.responder,
                p.response_time,
                p.tone,
                p.example_reply,
            ]
            for p in e.playbook
            if _any_text(p.response, p.responder, p.response_time, p.tone, p.example_reply)
        ]
        body += self.subsection(
            "Response playbook",
            self.table(
                ["Situation", "How we respond", "Who", "Time", "Tone", "Example reply"],
                play_rows,
                [1.2, 2.6, 1.1, 0.9, 1.0, 2.4],
            ),
            "engagement.playbook",
        )
        act_rows: list[list[Cell]] = [
            [
                a.activity,
                a.channel,
                a.audience,
                a.value_offered,
                a.cadence,
                a.owner,
                Ours(format_short_date(a.start_date), "cell"),
            ]
            for a in e.activities
        ]
        body += self.subsection(
            "Engagement activities",
            self.table(
                ["Activity", "Where", "Audience", "Value offered", "Cadence", "Owner", "Start"],
                act_rows,
                [1.8, 1.2, 1.2, 2.0, 1.0, 1.0, 1.0],
            ),
            "engagement.activities",
        )
        measure_rows: list[list[Cell]] = [
            [
                Ours(m.dimension.label, "cell"),
                m.indicator,
                m.baseline,
                m.target,
                m.method,
                m.review_cadence,
            ]
            for m in e.measures
            if _any_text(m.indicator, m.baseline, m.target, m.method, m.review_cadence)
        ]
        meaning: list[Flowable] = []
        if self.options.include_prompts and measure_rows:
            for a in FourA:
                meaning.append(b.ours(f"{a.label}: {guidance.FOUR_A_GUIDES[a]}", "prompt"))
            meaning.append(Spacer(1, 4))
        body += self.subsection(
            "The four A's measurement plan",
            meaning
            + self.table(
                ["The A", "Indicator", "Baseline", "Target", "How measured", "Reviewed"],
                measure_rows,
                [1.0, 2.0, 1.3, 1.3, 2.0, 1.1],
            ),
            "engagement.measures",
        )
        body += self.subsection(
            "Relationship quality",
            self.fields(
                e.quality, ("engagement", "quality"), ("trust", "sincerity", "common_values")
            ),
            "engagement.quality",
        )
        body += self.subsection(
            "What each method costs and builds",
            self.method_costs(),
            "engagement.method_costs",
        )
        body += self.subsection(
            "Cost of building relationships",
            self.fields(e.cost, ("engagement", "cost"), ("time", "money", "best_value")),
            "engagement.cost",
        )
        review = self.fields(e.review, ("engagement", "review"), ("cadence",))
        if e.review.next_review:
            review += b.field(
                title_of(e.review, "next_review"),
                format_date(e.review.next_review),
                self.prompt(("engagement", "review", "next_review")),
            )
        review += self.fields(e.review, ("engagement", "review"), ("feedback",))
        body += self.subsection("Review loop", review, "engagement.review")
        return out + (body or self.nothing_yet("engagement")) + [PageBreak()]

    def method_costs(self) -> list[Flowable]:
        """Each activity with what it answers, the A it should move and what it costs a
        month, then the totals by A: which methods build the most for what they cost."""
        report = cost_report(self.plan)
        if not report.activities:
            return []
        rows: list[list[Cell]] = [
            [
                item.name,
                item.answers,
                Ours(item.moves.label if item.moves else "", "cell"),
                Ours(_hours(item.hours) if item.priced else "", "cell"),
                Ours(_money(item.money) if item.priced else "", "cell"),
            ]
            for item in report.activities
        ]
        for a, totals in report.by_a.items():
            rows.append(
                [
                    Ours(f"All for {a.label}" if a else "Not tied to an A", "cell"),
                    Ours(
                        f"{totals.activities} activit{'y' if totals.activities == 1 else 'ies'}",
                        "cell",
                    ),
                    Ours(a.label if a else "", "cell"),
                    Ours(_hours(totals.hours), "cell"),
                    Ours(_money(totals.money), "cell"),
                ]
            )
        return self.table(
            ["Activity", "What it answers", "Moves", "Hours a month", "Money a month"],
            rows,
            [2.0, 2.4, 1.0, 1.0, 1.0],
        )

    # ------------------------------------------------------------------ checklist

    def section_checklist(self) -> list[Flowable]:
        b = self.blocks
        status = self.status
        out: list[Flowable] = [
            self.heading("Readiness checklist", 0),
            HRFlowable(
                width="100%",
                thickness=1.2,
                color=self.styles.palette.accent,
                spaceBefore=2,
                spaceAfter=8,
            ),
            b.ours(status.summary(), "summary_lead"),
        ]
        if status.ready_to_engage:
            out.append(
                b.ours(f"{CHECK} Listening and the 7 P's are complete: ready to engage.", "body")
            )
        else:
            count = len(status.readiness_gaps)
            out.append(
                b.ours(
                    f"Not yet ready to engage: {count} open item{'s' if count != 1 else ''} in "
                    "listening and the 7 P's.",
                    "body",
                )
            )
        for stage_status in status.stages:
            # Not in the contents: five more entries there would push them onto a second page.
            heading = self.blocks.ours(stage_status.stage.title, "h2")
            line = f"{stage_status.done} of {stage_status.total} done ({stage_status.percent}%)"
            items: list[Flowable] = [b.ours(line, "note")]
            if stage_status.complete:
                items.append(b.ours(f"{CHECK}  Complete", "check"))
            for gap in stage_status.gaps:
                items.append(b.ours(f"{GAP}  {gap.label}", "check"))
            out += [KeepTogether([heading, *items[:3]]), *items[3:]]
        return out
