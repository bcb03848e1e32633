"""Building blocks of the story: user text as safe paragraphs, labelled fields, and tables
whose long cells are spread over continuation rows."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer
from reportlab.platypus.flowables import KeepTogether

from workbook.export import text as txt
from workbook.export.flowing_table import Continued, FlowingTable, TableLayout
from workbook.export.fonts import REGULAR, FontChooser, has_cjk, is_cjk_font
from workbook.export.frags import FragmentMaker, Look, markup_of
from workbook.export.paragraphs import Label, LabelledParagraph, UserParagraph
from workbook.export.styles import HAIRLINE, StyleSheet

CELL_PAD_X = 5.0
CELL_PAD_Y = 4.0
CELL_LINES_PER_PIECE = 36
"""Lines of a long cell that go in one physical table row; the rest continue below, so
no row is ever taller than a page."""


@dataclass(frozen=True)
class Ours:
    """Words the app writes (labels, enum names, check marks), not typed by the user."""

    text: str
    style: str = "cell"


@dataclass(frozen=True)
class Parts:
    """Several labelled pieces of user text in one cell, e.g. want / opportunity / follow-up."""

    items: tuple[tuple[str, str], ...]


Cell = str | Ours | Parts | None

BASE_TABLE_COMMANDS: list[tuple] = [("FONTNAME", (0, 0), (-1, -1), REGULAR)]
"""Every table starts with these: a table's default font is Helvetica, which would be named
(though never drawn) and is not embedded."""


class Blocks:
    """Makes flowables for one export; every piece of user text goes through :meth:`paragraphs`."""

    def __init__(self, styles: StyleSheet, fonts: FontChooser, frame_width: float) -> None:
        self.styles = styles
        self.fonts = fonts
        self.frame_width = frame_width
        self.fragments = FragmentMaker()
        self._labels: dict[str, Label] = {}
        self._cjk_styles: dict[int, tuple[ParagraphStyle, ParagraphStyle]] = {}

    # ------------------------------------------------------------------ text

    def paragraph(self, text: str, style: str, width: float | None = None) -> Paragraph:
        """One paragraph of (already chunk-sized, cleaned) text, printed literally."""
        text, para_style = self._in_reading_order(text, style, width)
        return self.literal(self.pieces(text, para_style), para_style)

    def _in_reading_order(
        self, text: str, style: str, width: float | None
    ) -> tuple[str, ParagraphStyle]:
        """``text`` ready to lay out in ``style``: a paragraph with Hebrew or Arabic comes
        back broken into lines in visual order, with the style right-aligned when it reads
        right to left; other text as it is."""
        para_style = self.styles[style]
        if not txt.has_rtl(text):
            return text, para_style
        width = self.frame_width if width is None else width
        usable = (width - para_style.leftIndent - para_style.rightIndent) * 0.97
        lines, rtl = txt.bidi_lines(
            text, usable, lambda s: self.fonts.measure(s, para_style.fontName, para_style.fontSize)
        )
        return "\n".join(lines), self._rtl_variant(style) if rtl else para_style

    def pieces(
        self,
        text: str,
        style: ParagraphStyle,
        font: str | None = None,
        size: float | None = None,
        colour: str | None = None,
    ) -> list[tuple[Look, str]]:
        """``text`` as runs in ``style`` (or ``font``, ``size``, ``colour``), each in a font
        that has its characters."""
        base = font or style.fontName
        return [
            ((style, run_font, size, colour), run) for run_font, run in self.fonts.runs(text, base)
        ]

    def literal(self, pieces: list[tuple[Look, str]], style: ParagraphStyle) -> UserParagraph:
        """A paragraph of ``pieces`` printed as typed: its fragments are made from the text,
        which never goes through the markup parser."""
        return UserParagraph(
            markup_of(pieces), self.wrapping(pieces, style), frags=self.fragments_of(pieces)
        )

    def fragments_of(self, pieces: list[tuple[Look, str]]) -> list | None:
        """The fragments a paragraph of ``pieces`` is made of (None: parse its markup)."""
        return self.fragments.make(pieces)

    def wrapping(self, pieces: list[tuple[Look, str]], style: ParagraphStyle) -> ParagraphStyle:
        """``style``, or for text with Chinese, Japanese or Korean in it, a variant that
        breaks lines between any two of those characters (they have no spaces to break
        at). reportlab's CJK line breaking still breaks other words at their spaces."""
        for look, text in pieces:  # nearly always one piece, in the style's own font
            if is_cjk_font(look[1]) and has_cjk(text):
                break
        else:
            return style
        known = self._cjk_styles.get(id(style))
        if known is None:
            variant = ParagraphStyle(f"{style.name}_cjk", parent=style, wordWrap="CJK")
            # The style itself is kept with its variant, so its id is never reused.
            known = self._cjk_styles[id(style)] = (style, variant)
        return known[1]

    def _rtl_variant(self, style: str) -> ParagraphStyle:
        """The style right-aligned, for paragraphs that read right to left."""
        name = style + "_rtl"
        if name not in self.styles.styles:
            self.styles.add(name, parent=style, alignment=TA_RIGHT)
        return self.styles[name]

    def paragraphs(
        self,
        text: str | None,
        style: str = "answer",
        width: float | None = None,
        limit: int = txt.CHUNK_CHARS,
    ) -> list[Paragraph]:
        """User text as paragraphs: cleaned, cut into chunks so long answers lay out fast."""
        return [self.paragraph(chunk, style, width) for chunk in txt.chunks(text or "", limit)]

    def ours(self, text: str, style: str = "body", width: float | None = None) -> Paragraph:
        """Our own words; still escaped, so an ampersand in a label prints as one."""
        return self.paragraph(text, style, width)

    def field(self, label: str, value: str | None, prompt: str | None = None) -> list[Flowable]:
        """A labelled answer; nothing at all when the answer is blank (no empty headings)."""
        if txt.is_blank(value):
            return []
        head: list[Flowable] = [self.ours(label.upper(), "label")]
        if prompt:
            head.append(self.ours(prompt, "prompt"))
        body = self.paragraphs(value, "answer")
        # Keep the label with the first lines of the answer, never alone at a page foot.
        return [KeepTogether(head + body[:1]), *body[1:]]

    def spacer(self, height: float = 6) -> Spacer:
        return Spacer(1, height)

    # ------------------------------------------------------------------ tables

    def _label(self, text: str) -> Label:
        label = self._labels.get(text)
        if label is None:
            head = self.styles["cell_label"]
            printed, font = self.fonts.single_font(text.upper(), head.fontName)
            label = self._labels[text] = Label(
                printed, font, head.fontSize, head.textColor, head.leading
            )
        return label

    def _labelled(self, label: str, text: str, width: float) -> list[Flowable]:
        """A small-caps label over a piece of user text, in one flowable."""
        text, para_style = self._in_reading_order(text, "cell", width)
        pieces = self.pieces(text, para_style)
        return [
            LabelledParagraph(
                markup_of(pieces),
                self.wrapping(pieces, para_style),
                self.fragments_of(pieces),
                self._label(label),
            )
        ]

    def _cell_pieces(self, cell: Cell, width: float) -> list[list[Flowable]]:
        inner = width - 2 * CELL_PAD_X
        if cell is None:
            return []
        if isinstance(cell, Ours):
            return [[self.ours(cell.text, cell.style, inner)]]
        style = self.styles["cell"]
        per_line = max(8, int(inner / (style.fontSize * 0.5)))
        limit = per_line * CELL_LINES_PER_PIECE
        units: list[tuple[list[Flowable], int]] = []
        if isinstance(cell, Parts):
            for label, value in cell.items:
                chunks = txt.chunks(value or "", limit)
                if not chunks:
                    continue
                units.append((self._labelled(label, chunks[0], inner), len(chunks[0]) + per_line))
                units.extend(([self.paragraph(c, "cell", inner)], len(c)) for c in chunks[1:])
        else:
            units = [([self.paragraph(c, "cell", inner)], len(c)) for c in txt.chunks(cell, limit)]
        # Pack small pieces together so a cell only continues in another row when it
        # really holds more than one block of text.
        pieces: list[list[Flowable]] = []
        size = limit + 1
        for flowables, length in units:
            if size + length > limit:
                pieces.append([])
                size = 0
            pieces[-1].extend(flowables)
            size += length
        return pieces

    def table_frame(
        self,
        headers: Sequence[str],
        fractions: Sequence[float],
        centred: Sequence[int] = (),
        right: Sequence[int] = (),
    ) -> tuple[list[float], list[Paragraph], list[tuple]]:
        """What any full-width table shares: column widths, header cells, style commands."""
        total = sum(fractions)
        widths = [self.frame_width * f / total for f in fractions]

        def head_style(index: int) -> str:
            if index in centred:
                return "cell_head_center"
            return "cell_head_right" if index in right else "cell_head"

        head_cells = [
            self.ours(h, head_style(i), w - 2 * CELL_PAD_X)
            for i, (h, w) in enumerate(zip(headers, widths, strict=True))
        ]
        p = self.styles.palette
        commands: list[tuple] = [
            *BASE_TABLE_COMMANDS,
            ("BACKGROUND", (0, 0), (-1, 0), p.accent),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD_X),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD_X),
            ("TOPPADDING", (0, 0), (-1, -1), CELL_PAD_Y),
            ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PAD_Y),
            # Zebra and rules go by physical row (and start afresh on each page); only
            # the rare continuation rows of a huge cell get commands of their own.
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, p.zebra]),
            ("LINEBELOW", (0, 1), (-1, -1), 0.4, HAIRLINE),
        ]
        return widths, head_cells, commands

    def table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[Cell]],
        fractions: Sequence[float],
        centred: Sequence[int] = (),
        right: Sequence[int] = (),
        progress: Callable[[float], None] | None = None,
    ) -> FlowingTable | None:
        """A full-width table with a repeated header row and zebra rows; None without rows.

        A row whose cells hold more text than fits in one block continues in extra rows
        below it (same shading, no rule between), so even a 200 KB cell flows over pages.
        ``progress(share)`` is called every hundred rows with the share made so far.
        """
        if not rows:
            return None
        widths, head_cells, commands = self.table_frame(headers, fractions, centred, right)
        p = self.styles.palette
        body: list[list] = []
        continued: list[Continued] = []
        for index, row in enumerate(rows):
            if progress is not None and index % 100 == 0:
                progress(index / len(rows))
            pieces = [self._cell_pieces(cell, w) for cell, w in zip(row, widths, strict=True)]
            height = max([1, *(len(cell) for cell in pieces)])
            first = len(body)
            for k in range(height):
                body.append([cell[k] if k < len(cell) else "" for cell in pieces])
            if height > 1:
                shade = p.zebra if first % 2 == 1 else colors.white
                continued.append(Continued(first, len(body) - 1, shade))
        return FlowingTable(
            TableLayout(
                head_cells,
                body,
                widths,
                commands,
                last_commands=[("LINEBELOW", (0, 0), (-1, 0), 0.8, p.accent_dark)],
                continued=continued,
                space_before=4,
                space_after=10,
                padding=(CELL_PAD_X, CELL_PAD_Y),
                zebra=p.zebra,
            )
        )
