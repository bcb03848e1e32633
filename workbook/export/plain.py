"""The plain layout: the same document through reportlab's public surface only.

Used when the fast layout fails (a bug of ours, or a reportlab release whose internals
moved, see :mod:`workbook.export.rl_private`). User text is escaped into markup and
parsed by ``Paragraph``; tables are ``LongTable``s that split tall rows themselves; the
contents are reportlab's ``TableOfContents``, filled by ``multiBuild`` over two passes or
more (which also learns the page count for "Page X of Y"). Slower, same content.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, LongTable, Paragraph, TableStyle
from reportlab.platypus.tableofcontents import IndexingFlowable, TableOfContents

from workbook.export.blocks import BASE_TABLE_COMMANDS, Blocks
from workbook.export.frags import Look, markup_of
from workbook.export.options import ExportCancelled
from workbook.export.renderer import PlanRenderer, draw_page_number, layout_units
from workbook.export.story import Heading, ReportStory
from workbook.report import blocks as rb


class PlainTable(LongTable):
    """A ``LongTable`` that says how many body rows it holds (for progress); the parts
    reportlab makes when it splits the table are made through the same constructor."""

    def __init__(self, data, *args, **kwargs) -> None:
        super().__init__(data, *args, **kwargs)
        repeated = kwargs.get("repeatRows", 0)
        repeated = repeated if isinstance(repeated, int) else len(repeated)
        self.body_rows = max(1, len(data) - repeated)


class PlainBlocks(Blocks):
    """Paragraphs parsed from escaped markup, and one ``LongTable`` per table."""

    def fragments_of(self, pieces: list[tuple[Look, str]]) -> list | None:
        return None  # the paragraph parses its markup

    def literal(self, pieces: list[tuple[Look, str]], style) -> Paragraph:
        return Paragraph(markup_of(pieces), self.wrapping(pieces, style))

    def paragraph(self, text, style, width=None, bullet=None) -> Paragraph:
        text, para_style = self.laid_out(text, style, width)
        pieces = self.pieces(text, para_style)
        return Paragraph(markup_of(pieces), self.wrapping(pieces, para_style), bulletText=bullet)

    def table(
        self,
        table: rb.Table,
        progress: Callable[[float], None] | None = None,
        width: float | None = None,
    ) -> LongTable | None:
        made = super().table(table, progress, width)
        if made is None:
            return None
        layout = made.layout
        return PlainTable(
            [layout.header, *layout.rows],
            colWidths=layout.widths,
            repeatRows=1,
            splitInRow=1,  # a row taller than the page is cut, not refused
            style=TableStyle([*layout.commands, *layout.last_commands]),
            hAlign="LEFT",
            spaceBefore=layout.space_before,
            spaceAfter=layout.space_after,
        )


class PlainStory(ReportStory):
    """The same story, with reportlab's own contents (filled in by ``multiBuild``)."""

    def make_contents(self) -> Flowable:
        toc = TableOfContents(dotsMinLevel=0)
        toc.levelStyles = [self.styles["toc0"], self.styles["toc1"]]
        toc.tableStyle = TableStyle(
            [
                *BASE_TABLE_COMMANDS,
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
        return toc

    def prepare_contents(self) -> None:
        pass  # the headings tell the contents their pages as they are placed


class PageTotal(IndexingFlowable):
    """Knows how many pages the last layout pass made, and asks for another pass until
    that number is the one printed in "Page X of Y"."""

    def __init__(self, pages: Callable[[], int]) -> None:
        super().__init__()
        self.pages = pages
        self.total: int | None = None
        self.passes = 0
        self._settled = False

    def beforeBuild(self) -> None:  # noqa: N802 - reportlab's name
        self.passes += 1

    def afterBuild(self) -> None:  # noqa: N802 - reportlab's name
        pages = self.pages()
        self._settled = pages == self.total
        self.total = pages

    def isSatisfied(self) -> bool:  # noqa: N802 - reportlab's name
        return self._settled

    def draw(self) -> None:
        pass  # takes no room and prints nothing


class _PlainDocument(BaseDocTemplate):
    def __init__(self, buffer: io.BytesIO, renderer: PlanRenderer, **kwargs) -> None:
        super().__init__(buffer, **kwargs)
        self.renderer = renderer

    def beforeDocument(self) -> None:  # noqa: N802 - reportlab callback, once per pass
        self.renderer.start_pass()

    def afterFlowable(self, flowable) -> None:  # noqa: N802 - reportlab callback
        self.renderer.placed(flowable, self)


class PlainRenderer(PlanRenderer):
    """Renders a plan through reportlab's public surface only."""

    blocks_class = PlainBlocks
    story_class = PlainStory

    def placed(self, flowable: Flowable, doc: BaseDocTemplate) -> None:
        self._placed += 1
        self._done += layout_units(flowable)
        self.tick(self._done)
        if isinstance(flowable, Heading):
            key, canvas = flowable.toc_key, doc.canv
            canvas.bookmarkPage(key)
            canvas.addOutlineEntry(
                flowable.toc_text, key, level=flowable.toc_level, closed=flowable.toc_level > 0
            )
            if flowable.toc_level <= 1:
                style = self.styles["toc0" if flowable.toc_level == 0 else "toc1"]
                markup = self.fonts.markup(flowable.toc_text, style.fontName)
                doc.notify("TOCEntry", (flowable.toc_level, markup, doc.page, key))

    def tick(self, done: int) -> None:
        if self.is_cancelled is not None and self.is_cancelled():
            raise ExportCancelled()
        if self.progress is not None:
            # Usually two passes: the first lays out, the second prints the page numbers.
            share = min(1.0, done / self._story_length)
            passes = self._page_total.passes if self._page_total else 1
            overall = share / 2 if passes <= 1 else min(1.0, 0.5 + share / 2)
            self.progress(0.15 + 0.8 * overall, "Laying out pages")

    _page_total: PageTotal | None = None

    def build(self, buffer: io.BytesIO, story: list[Flowable]) -> int:
        doc = self.make_document(buffer, _PlainDocument)
        total = self._page_total = PageTotal(lambda: doc.page)
        renderer = self

        class _Canvas(Canvas):
            def showPage(self) -> None:  # noqa: N802 - reportlab's name
                number = self.getPageNumber()
                if number > 1:
                    draw_page_number(
                        self, number, total.total, renderer.page_size[0], renderer.margin_right
                    )
                super().showPage()

        doc.multiBuild([*story, total], canvasmaker=_Canvas)
        return doc.page


__all__ = ["PlainRenderer"]
