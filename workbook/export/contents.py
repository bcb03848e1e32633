"""The contents: laid out with every heading up front, drawn once every heading's page is known.

The page numbers are printed after each entry's text, so they never change how the
contents wrap: the contents take their final room in the one layout pass and are drawn
when the document is saved (see ``NumberedCanvas.defer``). A second layout pass of a
300-page document only to learn the page numbers would cost as much as the first.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.platypus import Flowable, Paragraph, Spacer, Table
from reportlab.platypus.tableofcontents import TableOfContents, drawPageNumbers

ENTRY_END = "workbookContentsEntryEnd"
"""Name of the paragraph callback that draws the dots and the page number of an entry."""


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


class Contents(TableOfContents):
    """Every heading with its page; entries are set before layout, pages noted during it.

    ``markup(text, font)`` turns an entry's plain text into safe paragraph markup, so a
    heading with ``<`` or ``&`` in it (an organisation's name) prints as typed.
    """

    def __init__(self, markup: Callable[[str, str], str]) -> None:
        super().__init__(dotsMinLevel=0)
        self.markup = markup
        self.pages: dict[str, int] = {}

    def notify(self, kind, stuff) -> None:
        if kind == "TOCEntry":
            _level, _text, page, key = stuff
            self.pages[key] = page

    def _table_for(self, availWidth: float, availHeight: float) -> Table:  # noqa: N803
        levels: dict[str, int] = {}

        def entry_end(canvas, _kind, key: str) -> None:
            page = self.pages.get(key)
            if page is not None:
                style = self.getLevelStyle(levels[key])
                drawPageNumbers(canvas, style, [(page, key)], availWidth, availHeight, " . ")

        self.canv.setNamedCB(ENTRY_END, entry_end)
        rows: list[list[Flowable]] = []
        for level, text, _page, key in self._entries:
            style = self.getLevelStyle(level)
            levels[key] = level
            markup = (f'<a href="#{key}">{self.markup(text, style.fontName)}</a>'
                      f'<onDraw name="{ENTRY_END}" label="{key}"/>')
            if style.spaceBefore:
                rows.append([Spacer(1, style.spaceBefore)])
            rows.append([Paragraph(markup, style)])
        if not rows:
            rows.append([Spacer(1, 1)])
        return Table(rows, colWidths=(availWidth,), style=self.tableStyle)

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's signature
        self._table = self._table_for(availWidth, availHeight)
        self.width, self.height = self._table.wrapOn(self.canv, availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth, availHeight):  # noqa: N803 - reportlab's signature
        if self._table is None:
            self.wrap(availWidth, availHeight)
        return [Deferred(part) for part in self._table.splitOn(self.canv, availWidth,
                                                                 availHeight)]

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802, N803 - reportlab's names
        Deferred(self._table).drawOn(canvas, x, y, _sW)
