"""A long table laid out a page at a time, with rows too tall for a page split in two.

reportlab splits a long table by building the whole rest of it again after every page
and measuring all of it, so a table of n rows over p pages costs about n × p: for a
2,000-note log that was a third of the export. Here only the rows that can go on the
current page are handed to reportlab as a table of their own (with the header row),
and the rest waits as a cheap reference into the row list.

reportlab cannot place a row taller than the page at all. A row is measured before it
is placed, and one taller than :attr:`TableLayout.max_row_height` (a long note in a
script whose characters are wider than the estimate that cut it into rows, or a word of
a thousand wide letters) is split: each cell's text up to that height stays, the rest
goes into a continuation row below it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.lib.colors import Color, white
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, LongTable, TableStyle

from workbook.export.rl_private import keep_row_heights, row_heights

MAX_ROW_HEIGHT = 400.0
"""Tallest body row (points) placed whole: well under a page's frame less the header row
(about 620 points on Letter), so that every row fits under the header on a fresh page."""
MEASURE_CHUNK = 16
"""Rows measured together in one table (one wrap of a small table each time)."""


def split_cell(content: object, width: float, height: float) -> tuple[object, object]:
    """A cell's content cut so its first part is at most ``height`` points tall when laid
    out ``width`` wide: (first, rest). Text that cannot be cut stays whole in ``first``;
    an empty ``first`` means nothing could be cut off."""
    items = content if isinstance(content, list) else [content]
    if not all(isinstance(item, Flowable) for item in items):
        return content, ""
    first: list[Flowable] = []
    used = 0.0
    for index, item in enumerate(items):
        _w, item_height = item.wrap(width, height - used)
        if used + item_height <= height:
            first.append(item)
            used += item_height + item.getSpaceAfter()
            continue
        parts = item.split(width, height - used)
        if len(parts) >= 2:
            return first + parts[:1], list(parts[1:]) + list(items[index + 1 :])
        return first, list(items[index:])
    return first, ""


class ContinuedMark(Flowable):
    """ "(continued)" at the top of the first cell of a row that goes on from the row
    above it; drawn only where that row starts a page (:meth:`TableLayout.part` says
    which), and taking no room of its own."""

    text = "(continued)"

    def __init__(self, style: ParagraphStyle) -> None:
        super().__init__()
        self.style = style
        self.visible = False

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's signature
        return 0, 0

    def draw(self) -> None:
        if not self.visible:
            return
        canvas, style = self.canv, self.style
        canvas.setFont(style.fontName, style.fontSize)
        canvas.setFillColor(style.textColor)
        canvas.drawString(0, -style.fontSize, self.text)

    def getPlainText(self, identify=None) -> str:  # noqa: N802 - reportlab's name
        return self.text if self.visible else ""


def _marks(row: list) -> list[ContinuedMark]:
    first = row[0] if row else None
    if isinstance(first, ContinuedMark):
        return [first]
    if isinstance(first, list):
        return [item for item in first if isinstance(item, ContinuedMark)]
    return []


@dataclass(frozen=True)
class Continued:
    """Physical rows ``first``..``last`` (0 = first body row) hold one logical row whose
    cells were too long for one: one shade, no rule and no padding between them."""

    first: int
    last: int
    shade: Color


@dataclass
class TableLayout:
    """What every page of one table shares: its rows and how they look."""

    header: list
    rows: list[list]
    widths: list[float]
    commands: list[tuple]
    """Style commands for any run of rows, with the header as row 0 (whole-table ranges)."""
    last_commands: list[tuple] = field(default_factory=list)
    """Commands that go after the ones for continued rows."""
    continued: Sequence[Continued] = ()
    space_before: float = 0
    space_after: float = 0
    max_row_height: float = MAX_ROW_HEIGHT
    padding: tuple[float, float] = (0.0, 0.0)
    """Each cell's padding (left and right, top and bottom), for cutting a row in two."""
    zebra: Color = white
    """The shade of odd body rows, given to a row that is cut in two."""
    mark_style: ParagraphStyle | None = None
    """The look of "(continued)" in a row cut in two (None: no mark)."""

    def __post_init__(self) -> None:
        self.continued = list(self.continued)
        self._heights: list[float | None] = [None] * len(self.rows)
        self._header_height: float | None = None
        # The last table measured, kept for when the same rows are wanted for a page
        # (a short table measured whole is then laid out as it is).
        self._probe: tuple[int, int, LongTable] | None = None

    def part(self, start: int, end: int, measured: bool = True) -> LongTable:
        """Body rows ``start`` to ``end`` (exclusive) under the header, as a table; with
        ``measured``, the row heights are given (see :meth:`measure`)."""
        # "(continued)" shows on the first row of a page only (the last part made for a
        # row is the one drawn: later parts only measure the rows after it).
        for index in range(start, end):
            for mark in _marks(self.rows[index]):
                mark.visible = index == start
        if measured and self._probe is not None and self._probe[:2] == (start, end):
            return self._probe[2]
        commands = list(self.commands)
        for group in self.continued:
            low, high = max(group.first, start), min(group.last, end - 1)
            if low > high:
                continue
            row = low - start + 1  # the header is row 0
            row_high = high - start + 1
            commands.append(("BACKGROUND", (0, row), (-1, row_high), group.shade))
            upper = min(high, group.last - 1) - start + 1
            if upper >= row:
                commands += [
                    ("LINEBELOW", (0, row), (-1, upper), 0, white),
                    ("BOTTOMPADDING", (0, row), (-1, upper), 0),
                ]
            lower = max(low, group.first + 1) - start + 1
            if lower <= row_high:
                commands.append(("TOPPADDING", (0, lower), (-1, row_high), 0))
        commands += self.last_commands
        heights = [self._header_height, *self._heights[start:end]] if measured else None
        table = LongTable(
            [self.header, *self.rows[start:end]],
            colWidths=self.widths,
            rowHeights=heights,
            repeatRows=1,
            style=TableStyle(commands),
            hAlign="LEFT",
            spaceBefore=self.space_before if start == 0 else 0,
            spaceAfter=self.space_after if end == len(self.rows) else 0,
        )
        table.body_rows = end - start  # how much of the document it is, for progress
        return table

    def measure(self, canvas, start: int, end: int) -> None:
        """Work out the heights of body rows ``start`` to ``end`` (and the header's), once:
        reportlab measures them in a table of just those rows. A row taller than
        :attr:`max_row_height` is cut in two first (so ``end`` may move down a row)."""
        while True:
            while start < end and self._heights[start] is not None:
                start += 1
            if start >= end:
                return
            probe = self.part(start, end, measured=False)
            probe.wrapOn(canvas, sum(self.widths), 1e9)
            header, *body = row_heights(probe)
            self._header_height = header
            tall = next((i for i, h in enumerate(body) if h > self.max_row_height), None)
            if tall is None:
                self._heights[start:end] = body
                keep_row_heights(probe)  # measured: never again
                self._probe = (start, end, probe)
                return
            self._heights[start : start + tall] = body[:tall]
            self._probe = None
            row = start + tall
            if self.split_row(row):
                start, end = row, end + 1
            else:  # nothing in it can be cut: placed as it is
                self._heights[row] = body[tall]
                start = row + 1

    def split_row(self, index: int) -> bool:
        """Cut body row ``index`` in two at :attr:`max_row_height`: each cell's text up to
        that height stays, the rest goes into a new row below, shaded as one with it.
        False when nothing could be cut (the row stays as it is)."""
        pad_x, pad_y = self.padding
        budget = self.max_row_height - 2 * pad_y
        firsts, rests = [], []
        for content, width in zip(self.rows[index], self.widths, strict=True):
            first, rest = split_cell(content, width - 2 * pad_x, budget)
            firsts.append(first)
            rests.append(rest)
        if not any(rests) or not any(firsts):
            return False
        if self.mark_style is not None and rests[0] == "":
            rests[0] = ContinuedMark(self.mark_style)
        self.rows[index : index + 1] = [firsts, rests]
        self._heights[index : index + 1] = [None, None]
        grown = False
        for number, group in enumerate(self.continued):
            if group.first <= index <= group.last:
                self.continued[number] = dataclasses.replace(group, last=group.last + 1)
                grown = True
            elif group.first > index:
                self.continued[number] = dataclasses.replace(
                    group, first=group.first + 1, last=group.last + 1
                )
        if not grown:
            shade = self.zebra if index % 2 == 1 else white
            self.continued.append(Continued(index, index + 1, shade))
        return True

    def rows_that_fit(self, canvas, start: int, height: float) -> tuple[int, float]:
        """How many body rows from ``start`` fit under the header in ``height`` points, and
        the height they take with it (taller than ``height`` when not all rows fit)."""
        self.measure(canvas, start, min(len(self.rows), start + MEASURE_CHUNK))
        used = self._header_height
        end = start
        while end < len(self.rows):
            if self._heights[end] is None:
                self.measure(canvas, end, min(len(self.rows), end + MEASURE_CHUNK))
            if used + self._heights[end] > height:
                return end - start, used + self._heights[end]
            used += self._heights[end]
            end += 1
        return end - start, used


class RemainingRows(Flowable):
    """The rows of a table from ``start`` on, not yet placed."""

    def __init__(self, layout: TableLayout, start: int) -> None:
        super().__init__()
        self.layout = layout
        self.start = start
        self._whole: LongTable | None = None
        self.hAlign = "LEFT"
        if start == 0:
            self.spaceBefore = layout.space_before
        self.spaceAfter = layout.space_after

    @property
    def body_rows(self) -> int:
        """Rows still to place (grows when a row too tall for a page is cut in two)."""
        return len(self.layout.rows) - self.start

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's signature
        count, height = self.layout.rows_that_fit(self.canv, self.start, availHeight)
        self._whole = None
        self.width, self.height = sum(self.layout.widths), height
        if count == self.body_rows:
            self._whole = self.layout.part(self.start, self.start + count)
            self.width, self.height = self._whole.wrapOn(self.canv, availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth, availHeight):  # noqa: N803 - reportlab's signature
        count, _height = self.layout.rows_that_fit(self.canv, self.start, availHeight)
        if count == 0:
            return []
        end = self.start + count
        part = self.layout.part(self.start, end)
        if count == self.body_rows:
            return [part]
        return [part, RemainingRows(self.layout, end)]

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802, N803 - reportlab's names
        if self._whole is None:  # drawn without being measured whole first
            self.wrapOn(canvas, self.width, 1e9)
        self._whole.drawOn(canvas, x, y, _sW)


class FlowingTable(LongTable):
    """A table with a header row repeated on every page, laid out a page at a time.

    It holds every row like any table (so the story can be read back), but leaves the
    layout to :class:`RemainingRows`.
    """

    def __init__(self, layout: TableLayout) -> None:
        super().__init__(
            [layout.header, *layout.rows],
            colWidths=layout.widths,
            repeatRows=1,
            hAlign="LEFT",
            spaceBefore=layout.space_before,
            spaceAfter=layout.space_after,
        )
        self.layout = layout
        self._rest = RemainingRows(layout, 0)

    @property
    def body_rows(self) -> int:
        return self._rest.body_rows

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's signature
        return self._rest.wrapOn(self.canv, availWidth, availHeight)

    def split(self, availWidth, availHeight):  # noqa: N803 - reportlab's signature
        return self._rest.splitOn(self.canv, availWidth, availHeight)

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802, N803 - reportlab's names
        self._rest.drawOn(canvas, x, y, _sW)
