"""The contents: laid out with every heading up front, drawn once every heading's page is known.

The page numbers are printed after each entry's text, so they never change how the
contents wrap: the contents take their final room in the one layout pass and are drawn
when the document is saved (see ``NumberedCanvas.defer``). A second layout pass of a
300-page document only to learn the page numbers would cost as much as the first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab import rl_config
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle


class Deferred(Flowable):
    """Takes its room on the page now; drawn on that page when the canvas is saved."""

    def __init__(self, inner: Flowable) -> None:
        super().__init__()
        self.inner = inner

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's signature
        self.width, self.height = self.inner.wrapOn(self.canv, availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth, availHeight):  # noqa: N803 - reportlab's signature
        parts = self.inner.splitOn(self.canv, availWidth, availHeight)
        return [Deferred(part) for part in parts]

    def getSpaceBefore(self):  # noqa: N802 - reportlab's name
        return self.inner.getSpaceBefore()

    def getSpaceAfter(self):  # noqa: N802 - reportlab's name
        return self.inner.getSpaceAfter()

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802, N803 - reportlab's names
        inner = self.inner
        canvas.defer(lambda: inner.drawOn(canvas, x, y, _sW))


class ContentsEntry(Flowable):
    """One line of the contents: the heading's text, dots, and the page it is on (known
    by the time the contents are drawn); clicking the line goes to the heading."""

    dots = " . "
    number_room = 34.0
    """Room kept free at the right of every line for the page number (points), so the
    number is always printed at the entry's own size, however long the entry."""

    def __init__(self, text: Paragraph, key: str, pages: dict[str, int]) -> None:
        super().__init__()
        self.text = text
        self.key = key
        self.pages = pages

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's signature
        _width, self.height = self.text.wrapOn(
            self.canv, availWidth - self.number_room, availHeight
        )
        self.width = availWidth
        return self.width, self.height

    def draw(self) -> None:
        canvas, paragraph = self.canv, self.text
        paragraph.drawOn(canvas, 0, 0)
        page = self.pages.get(self.key)
        if page is not None:
            self._draw_page_number(str(page))
        # Named after its heading: the canvas's own numbering of unnamed links starts
        # again on each page it replays when it is saved.
        canvas.linkRect(
            "", self.key, (0, 0, self.width, self.height), relative=1, name=f"toc-{self.key}"
        )

    def _draw_page_number(self, number: str) -> None:
        """Dots from the end of the last line to the page number at the right edge."""
        paragraph, style = self.text, self.text.style
        lines = paragraph.blPara.lines
        if not lines:
            return
        last = lines[-1]
        extra = last[0] if isinstance(last, tuple) else last.extraSpace
        indent = style.leftIndent + (style.firstLineIndent if len(lines) == 1 else 0)
        usable = self.width - self.number_room - style.leftIndent - style.rightIndent
        # Right to left entries are set against the right edge of their room.
        end = indent + usable - (0 if style.alignment == TA_RIGHT else extra)
        drop = (
            style.fontSize
            if rl_config.paraFontSizeHeightOffset
            else pdfmetrics.getAscent(style.fontName, style.fontSize)
        )
        baseline = paragraph.height - drop - (len(lines) - 1) * style.leading
        size = style.fontSize
        number_width = stringWidth(number, style.fontName, size)
        dot_width = stringWidth(self.dots, style.fontName, size)
        count = max(0, int((self.width - end - number_width) / dot_width))
        canvas = self.canv
        canvas.setFont(style.fontName, size)
        canvas.setFillColor(style.textColor)
        canvas.drawString(
            self.width - count * dot_width - number_width, baseline, count * self.dots + number
        )


class Contents(Flowable):
    """Every heading with its page; entries are set before layout, pages noted during it.

    ``number_room``: the room each line keeps for its page number.

    ``paragraph(text, style)`` makes an entry's text into a paragraph that prints it as
    typed, so a heading with ``<`` or ``&`` in it (an organisation's name) stays literal.
    """

    number_room = ContentsEntry.number_room

    def __init__(self, paragraph: Callable[[str, ParagraphStyle], Paragraph]) -> None:
        super().__init__()
        self.paragraph = paragraph
        self.level_styles: list[ParagraphStyle] = []
        """Paragraph style of the entries of each level (the last one serves deeper levels)."""
        self.table_style: TableStyle | None = None
        self.entries: list[tuple[int, str, str]] = []
        """(level, text, key) of every heading, in order."""
        self.pages: dict[str, int] = {}
        self._table: Table | None = None
        self._table_width: float | None = None

    def set_entries(self, entries: Sequence[tuple[int, str, str]]) -> None:
        self.entries = list(entries)
        self._table = None

    def note_page(self, key: str, page: int) -> None:
        """The heading ``key`` was placed on ``page``."""
        self.pages[key] = page

    def level_style(self, level: int) -> ParagraphStyle:
        return self.level_styles[min(level, len(self.level_styles) - 1)]

    def _table_for(self, width: float) -> Table:
        rows: list[list[Flowable]] = []
        for level, text, key in self.entries:
            style = self.level_style(level)
            if style.spaceBefore:
                rows.append([Spacer(1, style.spaceBefore)])
            rows.append([ContentsEntry(self.paragraph(text, style), key, self.pages)])
        if not rows:
            rows.append([Spacer(1, 1)])
        return Table(rows, colWidths=(width,), style=self.table_style)

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's signature
        if self._table is None or self._table_width != availWidth:
            self._table, self._table_width = self._table_for(availWidth), availWidth
        self.width, self.height = self._table.wrapOn(self.canv, availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth, availHeight):  # noqa: N803 - reportlab's signature
        self.wrap(availWidth, availHeight)
        return [Deferred(part) for part in self._table.splitOn(self.canv, availWidth, availHeight)]

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802, N803 - reportlab's names
        Deferred(self._table).drawOn(canvas, x, y, _sW)
