"""The workshop worksheet: the guiding questions with room to write, empty table grids with
the right columns, and whatever answers the plan already has. Printed to hand out."""

from __future__ import annotations

from datetime import date

from workbook import guidance
from workbook.model import FourA, Plan, PolicyStatus, SevenP
from workbook.report.blocks import (
    Block,
    BulletList,
    CheckItem,
    Checklist,
    Column,
    Contents,
    Cover,
    KeyValues,
    PageBreak,
    Paragraph,
    ReportDocument,
    Table,
    WriteIn,
)
from workbook.report.common import (
    Anchors,
    cover_details,
    format_date,
    format_hours,
    format_money,
    format_short_date,
    is_blank,
    make_meta,
    one_line,
    plural,
)
from workbook.report.options import Branding, ReportOptions, Section
from workbook.stages import Stage

TICK = "☑"
BOX = "☐"
BLANK_ROWS = 3
"""Empty rows under a list's answers, to add to it by hand."""
BLANK_NOTE_ROWS = 10
SHORT_LINES = 1
LONG_LINES = 4


def _tick(value: bool) -> str:
    return TICK if value else BOX


class WorksheetBuilder:
    """Plan and options to the worksheet's blocks."""

    def __init__(self, plan: Plan, options: ReportOptions, branding: Branding, today: date) -> None:
        self.plan = plan
        self.options = options
        self.branding = branding
        self.today = today
        self.anchors = Anchors()
        self.guidance = options.show_guidance

    # ------------------------------------------------------------------ pieces

    def question(self, path: tuple[str, ...], answer: str, lines: int = LONG_LINES) -> list[Block]:
        """A field's question, its help (with guidance on), and the answer or ruled space."""
        guide = guidance.guide_for(path)
        out: list[Block] = [Paragraph(guide.prompt if guide else path[-1], "question")]
        if self.guidance and guide is not None:
            out.append(Paragraph(f"{guide.help} For example: {guide.placeholder}", "help"))
        if is_blank(answer):
            out.append(WriteIn(lines))
        else:
            out.append(Paragraph(answer.strip(), "answer"))
        return out

    def questions(
        self,
        base: tuple[str, ...],
        part: object,
        names: tuple[str, ...],
        short: tuple[str, ...] = (),
    ) -> list[Block]:
        out: list[Block] = []
        for name in names:
            value = getattr(part, name)
            if isinstance(value, date):
                value = format_date(value)
            elif value is None:
                value = ""
            elif not isinstance(value, str):
                value = f"{value:g}" if isinstance(value, float) else str(value)
            out += self.question(
                base + (name,), value, SHORT_LINES if name in short else LONG_LINES
            )
        return out

    def part(self, title: str, intro_key: str, body: list[Block]) -> list[Block]:
        out: list[Block] = [self.anchors.heading(2, title, title)]
        if self.guidance and intro_key in guidance.SECTION_INTROS:
            out.append(Paragraph(guidance.SECTION_INTROS[intro_key], "help"))
        return out + body

    @staticmethod
    def grid(
        columns: tuple[Column, ...],
        rows: list[tuple[str, ...]],
        key: str,
        blank_rows: int = BLANK_ROWS,
        blank: tuple[str, ...] | None = None,
    ) -> Table:
        """A table of the rows given plus ``blank_rows`` empty ones to fill in by hand."""
        empty = blank or tuple("" for _ in columns)
        return Table(
            columns, tuple(rows) + (empty,) * blank_rows, key=key, write_in_rows=blank_rows
        )

    def stage(self, number: int, stage: Stage, body: list[Block]) -> list[Block]:
        kicker = f"Stage {number}" if number else ""
        # The plan details follow the short "how to" page; each stage starts a page.
        out: list[Block] = [PageBreak()] if number else []
        out.append(self.anchors.heading(1, stage.title, f"stage-{number}-{stage.value}", kicker))
        if self.guidance:
            out.append(Paragraph(guidance.STAGE_INTROS[stage], "help"))
        return out + body

    # ------------------------------------------------------------------ the worksheet

    def build(self) -> ReportDocument:
        meta = make_meta(self.plan, self.options, self.branding)
        blocks: list[Block] = [
            Cover(
                "Workshop worksheet",
                meta.title,
                meta.organisation,
                cover_details(meta, self.plan.details.revision_note),
                "Questions to talk through and answer, stage by stage. Write in the ruled "
                "space and the empty rows; answers already in the plan are printed.",
            ),
            Contents(),
            PageBreak(),
            *self.section_how_to(),
        ]
        o = self.options
        if o.includes(Section.ORGANISATION):
            blocks += self.section_details()
        if o.includes(Section.MANAGEMENT):
            blocks += self.section_management()
        if o.includes(Section.LISTENING):
            blocks += self.section_listening()
        if o.includes(Section.PLANNING):
            blocks += self.section_planning()
        if o.includes(Section.ENGAGEMENT):
            blocks += self.section_engagement()
        return ReportDocument(meta, tuple(blocks))

    def section_how_to(self) -> list[Block]:
        return [
            self.anchors.heading(1, "How to use this worksheet", "how-to"),
            Paragraph(
                "The worksheet follows the four stages of the plan: organise the presence, "
                "listen and learn, think and plan with the 7 P's, then engage. Work through "
                "the questions in order, or jump to the stage the conversation is about.",
                "body",
            ),
            BulletList(
                (
                    "Write each answer in the ruled space under its question.",
                    "Add rows to a table by filling in its empty lines.",
                    "Where an answer is already printed, note changes beside it.",
                    "Afterwards, type the answers into the workbook to build the strategy.",
                )
            ),
        ]

    # ------------------------------------------------------------------ plan details

    def section_details(self) -> list[Block]:
        d = self.plan.details
        body = self.questions(
            ("details",),
            d,
            (
                "title",
                "organisation",
                "industry",
                "location",
                "website",
                "offering",
                "audience",
                "prepared_for",
                "prepared_by",
                "plan_date",
                "revision_note",
            ),
            short=(
                "title",
                "organisation",
                "industry",
                "location",
                "website",
                "prepared_for",
                "prepared_by",
                "plan_date",
            ),
        )
        return self.stage(0, Stage.DETAILS, body)

    # ------------------------------------------------------------------ stage 1

    def section_management(self) -> list[Block]:
        m = self.plan.management
        body: list[Block] = []
        presence = [
            (
                c.platform.label,
                one_line(c.handle),
                c.purpose.strip(),
                one_line(c.owner),
                one_line(c.backup_owner),
                c.status.label,
                c.credentials_location.strip(),
            )
            for c in m.presence
        ]
        body += self.part(
            "Presence inventory",
            "management.presence",
            [
                self.grid(
                    (
                        Column("Platform", "short"),
                        Column("Handle or address", "text"),
                        Column("Purpose", "text"),
                        Column("Owner", "short"),
                        Column("Backup", "short"),
                        Column("Status", "short"),
                        Column("Login kept (never the password)", "text"),
                    ),
                    presence,
                    "presence",
                )
            ],
        )
        flags = (
            "can_listen",
            "can_draft",
            "can_publish",
            "can_answer_complaints",
            "can_approve",
            "accountable",
        )
        people = [
            (
                one_line(p.name),
                one_line(p.role),
                *[_tick(getattr(p, f)) for f in flags],
                p.notes.strip(),
            )
            for p in m.people
        ]
        columns = (
            Column("Name", "short"),
            Column("Role", "short"),
            Column("Listen", "check"),
            Column("Draft", "check"),
            Column("Publish", "check"),
            Column("Complaints", "check"),
            Column("Approve", "check"),
            Column("Accountable", "check"),
            Column("Notes", "text"),
        )
        body += self.part(
            "People and permissions",
            "management.people",
            [self.grid(columns, people, "people", blank=("", "", *[BOX] * len(flags), ""))],
        )
        g = m.governance
        gov: list[Block] = [
            Paragraph(
                guidance.FIELD_GUIDES["management.governance.policy_status"].prompt, "question"
            ),
            Checklist(tuple(CheckItem(s.label, g.policy_status is s) for s in PolicyStatus)),
        ]
        gov += self.questions(
            ("management", "governance"),
            g,
            (
                "policy_summary",
                "approval_process",
                "escalation_path",
                "accountability",
                "brand_voice",
                "legal_notes",
            ),
        )
        body += self.part("Governance", "management.governance", gov)
        body += self.part(
            "Resources",
            "management.resources",
            self.questions(
                ("management", "resources"),
                m.resources,
                ("monitoring_tools", "scheduling_tools", "hours_per_week", "budget"),
                short=("hours_per_week", "budget"),
            ),
        )
        return self.stage(1, Stage.MANAGEMENT, body)

    # ------------------------------------------------------------------ stage 2

    def section_listening(self) -> list[Block]:
        li = self.plan.listening
        body: list[Block] = self.questions(("listening",), li, ("intent",))
        places = [
            (
                p.kind.label,
                p.where.strip(),
                p.listen_for.strip(),
                one_line(p.frequency),
                one_line(p.listener),
            )
            for p in li.places
        ]
        body += self.part(
            "Listening plan",
            "listening.places",
            [
                self.grid(
                    (
                        Column("Kind", "short"),
                        Column("Where", "text"),
                        Column("What we listen for", "text"),
                        Column("How often", "short"),
                        Column("Who listens", "short"),
                    ),
                    places,
                    "listening_places",
                )
            ],
        )
        if self.options.includes(Section.NOTES):
            count = len(li.notes)
            notes: list[Block] = []
            if count:
                notes.append(
                    Paragraph(
                        f"{plural(count, 'note is', 'notes are')} already in the plan; "
                        "log new ones here.",
                        "note",
                    )
                )
            notes.append(
                self.grid(
                    (
                        Column("Date", "date"),
                        Column("Where", "short"),
                        Column("Who", "short"),
                        Column("What was said", "text"),
                        Column("Themes", "short"),
                        Column("Mood", "short"),
                        Column("Opportunity to serve", "text"),
                    ),
                    [],
                    "notes",
                    blank_rows=BLANK_NOTE_ROWS,
                )
            )
            body += self.part("Listening notes", "listening.notes", notes)
        body += self.part(
            "Learnings",
            "listening.learnings",
            self.questions(
                ("listening", "learnings"),
                li.learnings,
                ("market_wants", "want_us_to_say", "unlearn", "reputation", "give_results"),
            ),
        )
        return self.stage(2, Stage.LISTENING, body)

    # ------------------------------------------------------------------ stage 3

    def section_planning(self) -> list[Block]:
        pl = self.plan.planning
        body: list[Block] = self.questions(("planning",), pl, ("intent",))
        seven: list[Block] = []
        if self.guidance:
            seven.append(Paragraph(guidance.SEVEN_P_ATTRIBUTION, "help"))
        for p in SevenP:
            g = guidance.SEVEN_P_GUIDES[p]
            d = pl.seven_ps.get(p)
            seven.append(self.anchors.heading(3, p.label, f"p-{p.value}"))
            if self.guidance:
                seven.append(Paragraph(g.summary, "help"))
            seven.append(BulletList(g.questions))
            seven.append(Paragraph("Our decision", "question"))
            if is_blank(d.decision):
                seven.append(WriteIn(LONG_LINES))
            else:
                seven.append(Paragraph(d.decision.strip(), "answer"))
            if is_blank(d.owner):
                seven.append(WriteIn(SHORT_LINES, "Owner"))
            else:
                seven.append(KeyValues((("Owner", one_line(d.owner)),)))
            shared = "Shared with the whole organisation"
            if d.communicated and d.communicated_on:
                shared += f" on {format_date(d.communicated_on)}"
            seven.append(Checklist((CheckItem(shared, d.communicated),)))
        body += self.part("The 7 P's", "", seven)
        body += self.part(
            "Assessment",
            "planning.assessment",
            self.questions(
                ("planning", "assessment"),
                pl.assessment,
                ("attributes", "offering_value", "market_relations"),
            ),
        )
        return self.stage(3, Stage.PLANNING, body)

    # ------------------------------------------------------------------ stage 4

    def section_engagement(self) -> list[Block]:
        e = self.plan.engagement
        body: list[Block] = []
        play = [
            (
                p.situation.label,
                p.response.strip(),
                one_line(p.responder),
                one_line(p.response_time),
                one_line(p.tone),
                p.example_reply.strip(),
            )
            for p in e.playbook
        ]
        body += self.part(
            "Response playbook",
            "engagement.playbook",
            [
                self.grid(
                    (
                        Column("Situation", "short"),
                        Column("How we respond", "text"),
                        Column("Who", "short"),
                        Column("Within", "short"),
                        Column("Tone", "short"),
                        Column("Example reply", "text"),
                    ),
                    play,
                    "playbook",
                    blank_rows=1,
                )
            ],
        )
        acts = [
            (
                a.activity.strip(),
                a.channel.strip(),
                a.audience.strip(),
                a.value_offered.strip(),
                one_line(a.cadence),
                one_line(a.owner),
                format_short_date(a.start_date),
            )
            for a in e.activities
        ]
        body += self.part(
            "Engagement activities",
            "engagement.activities",
            [
                self.grid(
                    (
                        Column("Activity", "text"),
                        Column("Where", "text"),
                        Column("Audience", "text"),
                        Column("Value offered", "text"),
                        Column("Cadence", "short"),
                        Column("Owner", "short"),
                        Column("Start", "date"),
                    ),
                    acts,
                    "activities",
                    blank_rows=max(BLANK_ROWS, 5 - len(acts)),
                )
            ],
        )
        costs = [
            (
                a.activity.strip(),
                a.answers.strip(),
                a.moves.label if a.moves else "",
                format_hours(a.hours_per_month) if a.hours_per_month is not None else "",
                format_money(a.money_per_month) if a.money_per_month is not None else "",
            )
            for a in e.activities
        ]
        body += self.part(
            "What each method costs and builds",
            "",
            [
                Paragraph(
                    "For each activity: the theme or need it answers, the A it should move "
                    "(attention, attraction, affinity or audience) and what it takes a month.",
                    "note",
                ),
                self.grid(
                    (
                        Column("Activity", "text"),
                        Column("What it answers", "text"),
                        Column("The A it moves", "short"),
                        Column("Hours a month", "number"),
                        Column("Money a month", "number"),
                    ),
                    costs,
                    "method_costs",
                    blank_rows=max(BLANK_ROWS, 5 - len(costs)),
                ),
            ],
        )
        measured = {m.dimension for m in e.measures}
        measures = [
            (
                m.dimension.label,
                m.indicator.strip(),
                m.baseline.strip(),
                m.target.strip(),
                one_line(m.method),
                one_line(m.review_cadence),
            )
            for m in e.measures
        ] + [(a.label, "", "", "", "", "") for a in FourA if a not in measured]
        four: list[Block] = []
        if self.guidance:
            four.append(KeyValues(tuple((a.label, guidance.FOUR_A_GUIDES[a]) for a in FourA)))
        four.append(
            self.grid(
                (
                    Column("The A", "short"),
                    Column("Indicator", "text"),
                    Column("Baseline", "short"),
                    Column("Target", "short"),
                    Column("How it is measured", "text"),
                    Column("Reviewed", "short"),
                ),
                measures,
                "four_as_plan",
                blank_rows=0,
            )
        )
        body += self.part("The four A's", "engagement.measures", four)
        body += self.part(
            "Relationship quality",
            "engagement.quality",
            self.questions(
                ("engagement", "quality"), e.quality, ("trust", "sincerity", "common_values")
            ),
        )
        body += self.part(
            "Cost of building relationships",
            "engagement.cost",
            self.questions(("engagement", "cost"), e.cost, ("time", "money", "best_value")),
        )
        body += self.part(
            "Review loop",
            "engagement.review",
            self.questions(
                ("engagement", "review"),
                e.review,
                ("cadence", "next_review", "feedback"),
                short=("cadence", "next_review"),
            ),
        )
        return self.stage(4, Stage.ENGAGEMENT, body)
