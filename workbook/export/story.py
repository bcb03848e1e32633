"""The PDF's story: the report's blocks (:mod:`workbook.report`) as reportlab flowables.

Nothing here decides what goes into the document: the report builders did, once, for
every format. This module only chooses how each block looks on a page: tables with
widths from their content, the 7 P's as tiles, the four A's as bars, headings kept with
what follows them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

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

from workbook.export import text as txt
from workbook.export.blocks import BASE_TABLE_COMMANDS, Blocks
from workbook.export.charts import (
    BAR_HEIGHT,
    LINE_CHART_HEIGHT,
    bar_chart,
    four_as_bars,
    line_chart,
    p_tiles,
)
from workbook.export.contents import Contents
from workbook.export.frags import markup_of
from workbook.export.options import ExportCancelled
from workbook.export.styles import HAIRLINE, MUTED
from workbook.report import blocks as rb
from workbook.report.colour import INSERTED_COLOUR, REMOVED_COLOUR
from workbook.report.text import paragraphs as split_paragraphs

HEADING_NEED = {1: 150.0, 2: 130.0, 3: 200.0}
"""Room (points) a heading needs below it on the page, or it starts the next page: a
heading is never left alone at the foot of a page."""
TONE_STYLES = {
    "body": "body",
    "lead": "lead",
    "note": "note",
    "warning": "warning",
    "question": "question",
    "help": "intro",
    "answer": "answer",
    "label": "label_para",
}
WRITE_LINE_GAP = 24.0
"""Space between ruled write-in lines (points): room for handwriting."""
SHORT_VALUE = 70
"""Key-value answers all shorter than this (characters) are set as a two-column list."""


class Heading(Paragraph):
    """A heading that goes into the contents and the PDF outline (bookmarks)."""

    def __init__(
        self, text: str, style, level: int, key: str, outline: str, frags: list | None = None
    ) -> None:
        super().__init__(text, style, frags=frags)
        self.toc_level = level
        self.toc_key = key
        self.toc_text = outline


class WriteLines(Flowable):
    """Ruled lines to write an answer on by hand, after an optional short label."""

    def __init__(self, lines: int, label: str = "", font: str = "", size: float = 8) -> None:
        super().__init__()
        self.lines, self.label, self.font, self.size = lines, label, font, size

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's signature
        self.width, self.height = availWidth, self.lines * WRITE_LINE_GAP + 4
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(HAIRLINE)
        canvas.setLineWidth(0.6)
        for index in range(self.lines):
            y = self.height - (index + 1) * WRITE_LINE_GAP
            canvas.line(0, y, self.width, y)
        if self.label:
            canvas.setFont(self.font, self.size)
            canvas.setFillColor(MUTED)
            canvas.drawString(0, self.height - WRITE_LINE_GAP + 3, f"{self.label}:")


class Ruled(Flowable):
    """Flowables set in from the left with an accent bar beside them (quotes); splits
    between its flowables, or inside one, like the text it holds."""

    indent = 12.0

    def __init__(self, content: list[Flowable], colour: Any, width: float = 2.5) -> None:
        super().__init__()
        self.content, self.colour, self.bar = content, colour, width
        self._sizes: list[tuple[float, float]] = []

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's signature
        inner = availWidth - self.indent
        self._sizes = [f.wrapOn(self.canv, inner, availHeight) for f in self.content]
        spaces = sum(f.getSpaceAfter() for f in self.content[:-1])
        self.width = availWidth
        self.height = sum(h for _w, h in self._sizes) + spaces
        return self.width, self.height

    def split(self, availWidth, availHeight):  # noqa: N803 - reportlab's signature
        inner = availWidth - self.indent
        used = 0.0
        for index, flowable in enumerate(self.content):
            _w, height = flowable.wrapOn(self.canv, inner, availHeight)
            if used + height <= availHeight:
                used += height + flowable.getSpaceAfter()
                continue
            parts = flowable.splitOn(self.canv, inner, availHeight - used)
            head = self.content[:index] + list(parts[:1])
            tail = list(parts[1:]) + self.content[index + 1 :] if parts else self.content[index:]
            if not head:
                return []
            return [Ruled(head, self.colour, self.bar), Ruled(tail, self.colour, self.bar)]
        return [self]

    def getSpaceAfter(self):  # noqa: N802 - reportlab's name
        return 8

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(self.colour)
        canvas.setLineWidth(self.bar)
        canvas.line(self.bar / 2, 0, self.bar / 2, self.height)
        y = self.height
        for flowable, (_w, height) in zip(self.content, self._sizes, strict=True):
            y -= height
            flowable.drawOn(canvas, self.indent, y)
            y -= flowable.getSpaceAfter()


def _is_help(block: rb.Block) -> bool:
    return isinstance(block, rb.Paragraph) and block.tone == "help"


def _is_answer(block: rb.Block) -> bool:
    return isinstance(block, rb.WriteIn | rb.Checklist | rb.KeyValues) or (
        isinstance(block, rb.Paragraph) and block.tone == "answer"
    )


class ReportStory:
    """Turns a report document into the PDF's flowables. Override a ``block_*`` method to
    change how one kind of block looks."""

    def __init__(
        self,
        doc: rb.ReportDocument,
        blocks: Blocks,
        logo: Image | None = None,
        is_cancelled: Callable[[], bool] | None = None,
        progress: Callable[[float], None] | None = None,
    ) -> None:
        self.doc = doc
        self.blocks = blocks
        self.styles = blocks.styles
        self.logo = logo
        self._is_cancelled = is_cancelled
        self._progress = progress
        """Told the share (0..1) of the document made so far."""
        self.headings: list[Heading] = []
        self.toc = self.make_contents()
        self._rows_total = max(1, sum(len(b.rows) for b in doc.blocks if isinstance(b, rb.Table)))
        self._rows_done = 0
        self._next: tuple[rb.Block, ...] = ()
        """The blocks after the one being laid out (a heading looks ahead)."""

    # ------------------------------------------------------------------ helpers

    def _check_cancel(self) -> None:
        if self._is_cancelled is not None and self._is_cancelled():
            raise ExportCancelled()

    def _made_rows(self, rows: int, share: float = 1.0) -> None:
        self._check_cancel()
        if self._progress is not None:
            self._progress(min(1.0, (self._rows_done + rows * share) / self._rows_total))

    @property
    def width(self) -> float:
        return self.blocks.frame_width

    def rule(self, thickness: float = 1.2, before: float = 2, after: float = 8) -> HRFlowable:
        return HRFlowable(
            width="100%",
            thickness=thickness,
            color=self.styles.palette.accent_graphic,
            spaceBefore=before,
            spaceAfter=after,
        )

    def heading(self, text: str, level: int, style: str) -> Heading:
        """A heading for the contents (levels 1 and 2) and the outline (all levels). Right
        to left text is reordered as body text is."""
        laid, para_style = self.blocks.laid_out(" ".join(text.split()), style, None)
        pieces = self.blocks.pieces(laid, para_style)
        heading = Heading(
            markup_of(pieces),
            self.blocks.wrapping(pieces, para_style),
            level - 1,
            f"h{len(self.headings) + 1}",
            " ".join(text.split()),
            self.blocks.fragments_of(pieces),
        )
        self.headings.append(heading)
        return heading

    # ------------------------------------------------------------------ the story

    def build(self) -> list[Flowable]:
        story: list[Flowable] = []
        at_page_start = True
        blocks = self.doc.blocks
        index = 0
        while index < len(blocks):
            self._check_cancel()
            block = blocks[index]
            if isinstance(block, rb.PageBreak):
                if not at_page_start:
                    story.append(PageBreak())
                    at_page_start = True
                index += 1
                continue
            self._next = blocks[index + 1 : index + 3]
            if isinstance(block, rb.Paragraph) and block.tone == "question":
                # A question, its help and the room to answer it stay on one page.
                end = index + 1
                while end < len(blocks) and _is_help(blocks[end]):
                    end += 1
                if end < len(blocks) and _is_answer(blocks[end]):
                    end += 1
                made = [KeepTogether([f for b in blocks[index:end] for f in self.block(b)])]
                index = end
            else:
                made = self.block(block)
                index += 1
            if made:
                story += made
                at_page_start = isinstance(made[-1], PageBreak)
        self.prepare_contents()
        return story

    def block(self, block: rb.Block) -> list[Flowable]:
        handler = getattr(self, f"block_{type(block).__name__.lower()}", None)
        if handler is None:  # pragma: no cover - a new block type must be taught here
            raise TypeError(f"The PDF cannot lay out {type(block).__name__}")
        return handler(block)

    def make_contents(self) -> Contents:
        """The contents flowable, placed by :meth:`block_contents`. Its lines go through
        the same layout as any text: right-to-left ones are reordered."""
        blocks = self.blocks

        def entry(text: str, style) -> Paragraph:
            usable = self.width - Contents.number_room
            laid, para_style = blocks.laid_out(text, style.name, usable)
            return blocks.literal(blocks.pieces(laid, para_style), para_style)

        toc = Contents(entry)
        toc.level_styles = [self.styles["toc0"], self.styles["toc1"]]
        toc.table_style = TableStyle(
            [
                *BASE_TABLE_COMMANDS,
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
        return toc

    def prepare_contents(self) -> None:
        """Give the contents every level 1 and 2 entry up front, once the story is made:
        they take their final room in the one layout pass, and their page numbers are
        drawn when the last page is known."""
        self.toc.set_entries(
            [(h.toc_level, h.toc_text, h.toc_key) for h in self.headings if h.toc_level <= 1]
        )

    # ------------------------------------------------------------------ blocks

    def block_cover(self, cover: rb.Cover) -> list[Flowable]:
        b = self.blocks
        out: list[Flowable] = []
        if self.logo is not None:
            self.logo.hAlign = "LEFT"
            out += [self.logo, Spacer(1, 30)]
        else:
            out.append(Spacer(1, 60))
        out.append(b.paragraph(cover.kicker.upper(), "cover_kicker"))
        out += b.paragraphs(cover.title, "cover_title")
        out += b.paragraphs(cover.subtitle, "cover_org")
        out.append(
            HRFlowable(
                width="35%",
                thickness=3,
                color=self.styles.palette.accent_graphic,
                hAlign="LEFT",
                spaceBefore=14,
                spaceAfter=18,
            )
        )
        if cover.details:
            label_w = self.width * 0.24
            rows = [
                [
                    b.paragraph(label.upper(), "cover_label", label_w),
                    b.paragraphs(value, "cover_meta", self.width - label_w),
                ]
                for label, value in cover.details
            ]
            table = Table(rows, colWidths=[label_w, self.width - label_w], hAlign="LEFT")
            table.setStyle(
                TableStyle(
                    [
                        *BASE_TABLE_COMMANDS,
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("TOPPADDING", (0, 0), (-1, -1), 0),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                    ]
                )
            )
            out.append(table)
        if cover.note:
            out += [Spacer(1, 30), *b.paragraphs(cover.note, "note")]
        out += [NextPageTemplate("body"), PageBreak()]
        return out

    def block_contents(self, block: rb.Contents) -> list[Flowable]:
        return [self.blocks.paragraph(block.title, "h1"), self.rule(after=10), self.toc]

    def block_heading(self, block: rb.Heading) -> list[Flowable]:
        level = min(max(block.level, 1), 3)
        need = HEADING_NEED[level]
        # A chart right after the heading (and its lead line) goes with it whole.
        charts = [b for b in self._next if isinstance(b, rb.BarChart)]
        if charts:
            need += BAR_HEIGHT * len(charts[0].bars) + 50
        elif any(isinstance(b, rb.LineChart) for b in self._next):
            need += LINE_CHART_HEIGHT + 30
        out: list[Flowable] = [CondPageBreak(need)]
        if level == 1 and block.kicker:
            out.append(self.blocks.paragraph(block.kicker.upper(), "stage_kicker"))
        out.append(self.heading(block.text, level, f"h{level}"))
        if level == 1:
            out.append(self.rule())
        return out

    def block_paragraph(self, block: rb.Paragraph) -> list[Flowable]:
        style = TONE_STYLES.get(block.tone, "body")
        return [
            p for part in split_paragraphs(block.text) for p in self.blocks.paragraphs(part, style)
        ]

    def block_bulletlist(self, block: rb.BulletList) -> list[Flowable]:
        out: list[Flowable] = []
        for item in block.items:
            parts = [c for part in split_paragraphs(item) for c in txt.chunks(part)]
            for index, chunk in enumerate(parts):
                out.append(
                    self.blocks.paragraph(chunk, "bullet", bullet="•" if not index else None)
                )
        return out

    def block_keyvalues(self, block: rb.KeyValues) -> list[Flowable]:
        b = self.blocks
        if all(len(v) <= SHORT_VALUE and "\n" not in v for _k, v in block.items):
            label_w = min(self.width * 0.34, 170)
            rows = [
                [
                    b.paragraph(k, "label_para", label_w - 6),
                    b.paragraph(v, "body", self.width - label_w),
                ]
                for k, v in block.items
            ]
            table = Table(rows, colWidths=[label_w, self.width - label_w], hAlign="LEFT")
            table.setStyle(
                TableStyle(
                    [
                        *BASE_TABLE_COMMANDS,
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("TOPPADDING", (0, 0), (-1, -1), 0),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                    ]
                )
            )
            table.spaceBefore, table.spaceAfter = 2, 6
            return [table]
        out: list[Flowable] = []
        for label, value in block.items:
            out += b.field(label, value)
        return out

    def block_table(self, block: rb.Table) -> list[Flowable]:
        out: list[Flowable] = []
        if block.key == "seven_ps":
            tiles = p_tiles(block, self.blocks, self.width)
            if tiles is not None:
                self._rows_done += len(block.rows)
                return [tiles]
        if block.key == "four_as":
            self._rows_done += len(block.rows)
            return [four_as_bars(block, self.blocks, self.width)]
        if block.caption:
            out.append(self.blocks.paragraph(block.caption, "caption"))
        rows = len(block.rows)
        table = self.blocks.table(block, progress=lambda share: self._made_rows(rows, share))
        self._rows_done += rows
        self._made_rows(0)
        if table is not None:
            out.append(table)
        return out

    def block_barchart(self, block: rb.BarChart) -> list[Flowable]:
        b = self.blocks
        chart = bar_chart(block, self.width, self.styles.palette, b.fonts)
        group: list[Flowable] = [b.paragraph(block.title, "h3"), chart]
        if block.caption:
            group.append(b.paragraph(block.caption, "figure"))
        return [KeepTogether(group)]

    def block_linechart(self, block: rb.LineChart) -> list[Flowable]:
        b = self.blocks
        group: list[Flowable] = [
            Spacer(1, 4),
            line_chart(block, self.width, self.styles.palette, b.fonts),
        ]
        if block.caption:
            group.append(b.paragraph(block.caption, "figure"))
        return [KeepTogether(group)]

    def block_revisionkey(self, block: rb.RevisionKey) -> list[Flowable]:
        return [
            self.blocks.paragraph(
                "Words added since the snapshot are underlined; words taken out are struck "
                "through.",
                "note",
            )
        ]

    def block_revision(self, block: rb.Revision) -> list[Flowable]:
        """A field's label, then its words with the added ones underlined and the removed
        ones struck through. Each run is escaped and given its fonts, then wrapped in our
        own tags: no user text is ever read as markup."""
        b = self.blocks
        style = self.styles["body"]
        tags = {"insert": ("<u>", "</u>"), "delete": ("<strike>", "</strike>")}
        colours = {"insert": INSERTED_COLOUR, "delete": REMOVED_COLOUR}
        parts = []
        for run in block.runs:
            text = txt.clean(run.text)
            # Cleaning trims a run; the spaces between runs (report.changes puts them
            # outside the changes) are kept here.
            lead = " " if run.text[:1].isspace() else ""
            trail = " " if run.text[-1:].isspace() and text else ""
            if not text:
                parts.append(lead)
                continue
            markup = markup_of(b.pieces(text, style, colour=colours.get(run.mark)))
            if run.mark in tags:
                start, end = tags[run.mark]
                markup = f"{start}{markup}{end}"
            parts.append(f"{lead}{markup}{trail}")
        head = b.paragraph(block.label, "label_para")
        body = Paragraph("".join(parts) or "(empty)", style)
        return [KeepTogether([head, body]), Spacer(1, 4)]

    def block_checklist(self, block: rb.Checklist) -> list[Flowable]:
        out: list[Flowable] = []
        for item in block.items:
            box = "\u2611" if item.done else "\u2610"
            out += self.blocks.paragraphs(f"{box}  {item.text.strip()}", "check")
        return out

    def block_quote(self, block: rb.Quote) -> list[Flowable]:
        content: list[Flowable] = [
            p
            for part in split_paragraphs(block.text)
            for p in self.blocks.paragraphs(part, "quote")
        ]
        if block.attribution:
            content.append(self.blocks.paragraph(f"\u2014 {block.attribution}", "quote_by"))
        return [Ruled(content, self.styles.palette.accent_graphic)] if content else []

    def block_writein(self, block: rb.WriteIn) -> list[Flowable]:
        style = self.styles["note"]
        return [WriteLines(block.lines, block.label, style.fontName, style.fontSize)]

    def block_appendixstart(self, block: rb.AppendixStart) -> list[Flowable]:
        return []


__all__ = ["Heading", "ReportStory"]
