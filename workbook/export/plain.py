"""The plain layout: the same document through reportlab's public surface only.

Used when the fast layout fails (a bug of ours, or a reportlab release whose internals
moved, see :mod:`workbook.export.rl_private`). User text is escaped into markup and
parsed by ``Paragraph``; tables are ``LongTable``s that split tall rows themselves; the
contents are reportlab's ``TableOfContents``, filled by ``multiBuild`` over two passes or
more (which also learns the page count for "Page X of Y"). Slower, same content.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from xml.sax.saxutils import escape

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, LongTable, Paragraph, TableStyle
from reportlab.platypus.tableofcontents import IndexingFlowable, TableOfContents

from workbook.export.blocks import Blocks, Cell
from workbook.export.frags import Look, font_tag, markup_of
from workbook.export.options import ExportCancelled
from workbook.export.renderer import PlanRenderer, draw_page_number, layout_units
from workbook.export.story import Heading, StoryBuilder


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

    def _labelled(self, label: str, text: str, width: float) -> list[Flowable]:
        text, para_style = self._in_reading_order(text, "cell", width)
        pieces = self.pieces(text, para_style)
        head = self._label(label)
        colour = "#" + head.colour.hexval()[2:]
        markup = f"{font_tag(head.font, head.size, colour)}{escape(head.text)}</font><br/>"
        return [Paragraph(markup + markup_of(pieces), self.wrapping(pieces, para_style))]

    def table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[Cell]],
        fractions: Sequence[float],
        centred: Sequence[int] = (),
        right: Sequence[int] = (),
        progress: Callable[[float], None] | None = None,
    ) -> LongTable | None:
        if not rows:
            return None
        widths, head_cells, commands = self.table_frame(headers, fractions, centred, right)
        body: list[list] = []
        for index, row in enumerate(rows):
            if progress is not None and index % 100 == 0:
                progress(index / len(rows))
            body.append(
                [
                    [f for piece in self._cell_pieces(cell, w) for f in piece] or ""
                    for cell, w in zip(row, widths, strict=True)
                ]
            )
        accent_dark = self.styles.palette.accent_dark
        commands.append(("LINEBELOW", (0, 0), (-1, 0), 0.8, accent_dark))
        return PlainTable(
            [head_cells, *body],
            colWidths=widths,
            repeatRows=1,
            splitInRow=1,  # a row taller than the page is cut, not refused
            style=TableStyle(commands),
            hAlign="LEFT",
            spaceBefore=4,
            spaceAfter=10,
        )


class PlainStoryBuilder(StoryBuilder):
    """The same story, with reportlab's own contents (filled in by ``multiBuild``)."""

    def make_contents(self) -> Flowable:
        toc = TableOfContents(dotsMinLevel=0)
        toc.levelStyles = [self.styles["toc0"], self.styles["toc1"]]
        toc.tableStyle = self.contents_table_style()
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
    story_class = PlainStoryBuilder

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
