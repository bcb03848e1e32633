"""A long table laid out a page at a time.

reportlab splits a long table by building the whole rest of it again after every page
and measuring all of it, so a table of n rows over p pages costs about n × p: for a
2,000-note log that was a third of the export. Here only the rows that can go on the
current page are handed to reportlab as a table of their own (with the header row),
and the rest waits as a cheap reference into the row list.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.lib.colors import Color, white
from reportlab.platypus import Flowable, LongTable, TableStyle


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

    def __post_init__(self) -> None:
        self._heights: list[float | None] = [None] * len(self.rows)
        self._header_height: float | None = None
        # The last table measured, kept for when the same rows are wanted for a page
        # (a short table measured whole is then laid out as it is).
        self._probe: tuple[int, int, LongTable] | None = None

    def part(self, start: int, end: int, measured: bool = True) -> LongTable:
        """Body rows ``start`` to ``end`` (exclusive) under the header, as a table; with
        ``measured``, the row heights are given (see :meth:`measure`)."""
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
        return LongTable(
            [self.header, *self.rows[start:end]],
            colWidths=self.widths,
            rowHeights=heights,
            repeatRows=1,
            style=TableStyle(commands),
            hAlign="LEFT",
            spaceBefore=self.space_before if start == 0 else 0,
            spaceAfter=self.space_after if end == len(self.rows) else 0,
        )

    def measure(self, canvas, start: int, end: int) -> None:
        """Work out the heights of body rows ``start`` to ``end`` (and the header's), once:
        reportlab measures them in a table of just those rows."""
        while start < end and self._heights[start] is not None:
            start += 1
        if start >= end:
            return
        probe = self.part(start, end, measured=False)
        probe.wrapOn(canvas, sum(self.widths), 1e9)
        self._header_height = probe._rowHeights[0]
        self._heights[start:end] = probe._rowHeights[1:]
        probe._argH = list(probe._rowHeights)  # measured: never again
        self._probe = (start, end, probe)

    def rows_that_fit(self, canvas, start: int, height: float) -> tuple[int, float]:
        """How many body rows from ``start`` fit under the header in ``height`` points, and
        the height they take with it (taller than ``height`` when not all rows fit)."""
        total = len(self.rows)
        chunk = 16
        self.measure(canvas, start, min(total, start + chunk))
        used = self._header_height
        end = start
        while end < total:
            if self._heights[end] is None:
                self.measure(canvas, end, min(total, end + chunk))
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
        self.body_rows = len(layout.rows) - start
        self._whole: LongTable | None = None
        self.hAlign = "LEFT"
        if start == 0:
            self.spaceBefore = layout.space_before
        self.spaceAfter = layout.space_after

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

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's signature
        return self._rest.wrapOn(self.canv, availWidth, availHeight)

    def split(self, availWidth, availHeight):  # noqa: N803 - reportlab's signature
        return self._rest.splitOn(self.canv, availWidth, availHeight)

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802, N803 - reportlab's names
        self._rest.drawOn(canvas, x, y, _sW)
