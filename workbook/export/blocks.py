"""Building blocks of the PDF: text as literal paragraphs laid out without breaking a word,
labelled answers, and tables whose column widths come from their content and whose long
cells are spread over continuation rows."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer
from reportlab.platypus.flowables import KeepTogether

from workbook.export import text as txt
from workbook.export.flowing_table import Continued, ContinuedMark, FlowingTable, TableLayout
from workbook.export.fonts import REGULAR, FontChooser, has_cjk, is_cjk_font
from workbook.export.frags import FragmentMaker, Look, markup_of
from workbook.export.paragraphs import UserParagraph
from workbook.export.styles import HAIRLINE, StyleSheet
from workbook.report import blocks as rb
from workbook.report.widths import column_widths

CELL_PAD_X = 5.0
CELL_PAD_Y = 4.0
CELL_LINES_PER_PIECE = 36
"""Lines of a long cell that go in one physical table row; the rest continue below, so
no row is ever taller than a page."""
WRITE_IN_ROW = 22.0
"""Height of an empty row left for writing in by hand (points): about 8 mm."""
MIN_TABLE_SCALE = 0.72
"""Smallest size a table's text is set at (of its usual size) to fit its columns."""
SAFETY = 0.97
"""Share of a width that text laid out by us may fill: reportlab measures the same
text a hair differently when it draws it."""

BASE_TABLE_COMMANDS: list[tuple] = [("FONTNAME", (0, 0), (-1, -1), REGULAR)]
"""Every table starts with these: a table's default font is Helvetica, which would be named
(though never drawn) and is not embedded."""

_ALIGNED = {
    "number": ("cell_right", "cell_head_right"),
    "check": ("cell_center", "cell_head_center"),
}


class Blocks:
    """Makes flowables for one export; every piece of text goes through :meth:`paragraph`."""

    def __init__(self, styles: StyleSheet, fonts: FontChooser, frame_width: float) -> None:
        self.styles = styles
        self.fonts = fonts
        self.frame_width = frame_width
        self.fragments = FragmentMaker()
        self._cjk_styles: dict[int, tuple[ParagraphStyle, ParagraphStyle]] = {}
        self._scaled: dict[tuple[str, float], str] = {}
        self._widths: dict[tuple[str, float], dict[str, float]] = {}

    # ------------------------------------------------------------------ text

    def paragraph(
        self, text: str, style: str, width: float | None = None, bullet: str | None = None
    ) -> Paragraph:
        """One paragraph of (already chunk-sized) text, printed literally and laid out so
        that no word is cut anywhere but at ``/ . _ - @`` or with a hyphen."""
        text, para_style = self.laid_out(text, style, width)
        pieces = self.pieces(text, para_style)
        return UserParagraph(
            markup_of(pieces),
            self.wrapping(pieces, para_style),
            bulletText=bullet,
            frags=self.fragments_of(pieces),
        )

    def laid_out(self, text: str, style: str, width: float | None) -> tuple[str, ParagraphStyle]:
        """``text`` ready to lay out in ``style`` at ``width``.

        A paragraph with Hebrew or Arabic comes back broken into lines in visual order,
        right-aligned when it reads right to left. One with a word wider than the line
        (a web address in a narrow column) is broken into lines here, the word cut at
        ``/ . _ - @`` or with a hyphen: reportlab would cut it anywhere. Other text is
        left to reportlab as it is.
        """
        para_style = self.styles[style]
        width = self.frame_width if width is None else width
        usable = (width - para_style.leftIndent - para_style.rightIndent) * SAFETY
        rtl = txt.has_rtl(text)
        if not rtl and not txt.too_wide(
            text, usable, para_style.fontSize, self._measurer(para_style)
        ):
            return text, para_style
        measure = self._measurer(para_style)
        if rtl:
            lines, right_to_left = txt.bidi_lines(text, usable, measure)
            return "\n".join(lines), self._rtl_variant(style) if right_to_left else para_style
        lines = [
            line for source in text.split("\n") for line in txt.break_lines(source, usable, measure)
        ]
        return "\n".join(lines), para_style

    def _measurer(self, style: ParagraphStyle) -> Callable[[str], float]:
        """Width of a piece of text in ``style``, as printed (with font fallback). Widths
        are remembered per font and size: the words of a notes log repeat."""
        font, size, fonts = style.fontName, style.fontSize, self.fonts
        known = self._widths.setdefault((font, size), {})

        def measure(text: str) -> float:
            width = known.get(text)
            if width is None:
                if text.isascii():
                    width = stringWidth(text, font, size)
                else:
                    width = fonts.measure(text, font, size)
                if len(text) < 40:
                    known[text] = width
            return width

        return measure

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
        """Text as paragraphs: cleaned, cut into chunks so long answers lay out fast."""
        return [self.paragraph(chunk, style, width) for chunk in txt.chunks(text or "", limit)]

    def ours(self, text: str, style: str = "body", width: float | None = None) -> Paragraph:
        """Our own words; still literal, so an ampersand in a label prints as one."""
        return self.paragraph(text, style, width)

    def field(self, label: str, value: str | None, width: float | None = None) -> list[Flowable]:
        """A labelled answer; nothing at all when the answer is blank (no empty headings)."""
        if txt.is_blank(value):
            return []
        head = self.paragraph(label.upper(), "label", width)
        body = self.paragraphs(value, "answer", width)
        # Keep the label with the first lines of the answer, never alone at a page foot.
        return [KeepTogether([head, *body[:1]]), *body[1:]]

    def spacer(self, height: float = 6) -> Spacer:
        return Spacer(1, height)

    # ------------------------------------------------------------------ tables

    def scaled(self, style: str, factor: float) -> str:
        """The name of ``style`` set at ``factor`` of its size (made once)."""
        if factor >= 0.999:
            return style
        key = (style, round(factor, 3))
        name = self._scaled.get(key)
        if name is None:
            base = self.styles[style]
            name = self._scaled[key] = f"{style}@{key[1]}"
            self.styles.add(
                name,
                parent=style,
                fontSize=base.fontSize * factor,
                leading=base.leading * factor,
            )
        return name

    def column_widths(
        self, table: rb.Table, width: float | None = None
    ) -> tuple[list[float], float]:
        """The table's column widths (points) from its content, and the size its text is
        set at (1: as usual; less when the columns' minimums do not fit the width)."""
        width = self.frame_width if width is None else width
        factor = 1.0
        while True:
            cell = self.styles[self.scaled("cell", factor)]
            head = self.styles[self.scaled("cell_head", factor)]
            text_width, head_text_width = self._measurer(cell), self._measurer(head)

            # A word as wide as its column's minimum must still fit what laid_out allows.
            def cell_measure(word: str, measure=text_width) -> float:
                return measure(word) / SAFETY + 0.5

            def head_measure(word: str, measure=head_text_width) -> float:
                return measure(word) / SAFETY + 0.5

            widths, fits = column_widths(
                table,
                width,
                char_width=cell.fontSize * 0.5,
                word_width=cell_measure,
                header_width=head_measure,
                padding=2 * CELL_PAD_X + 1,
            )
            if fits or factor <= MIN_TABLE_SCALE:
                return widths, factor
            factor = max(MIN_TABLE_SCALE, factor * 0.92)

    def cell_pieces(self, text: str, style: str, width: float) -> list[list[Flowable]]:
        """A cell's text as the contents of one physical row or more: each holds at most
        :data:`CELL_LINES_PER_PIECE` lines' worth, so no row is taller than a page.

        Each line of the cell is a paragraph of its own: a paragraph in one piece is laid
        out on reportlab's quick path, one with line breaks in it on the slow one, and a
        2,000-note log has some 10,000 cells of a few lines each."""
        if not text.strip():
            return []
        inner = width - 2 * CELL_PAD_X
        para_style = self.styles[style]
        per_line = max(8, int(inner / (para_style.fontSize * 0.5)))
        limit = per_line * CELL_LINES_PER_PIECE
        pieces: list[list[Flowable]] = []
        size = limit + 1
        for line in txt.clean(text).split("\n"):
            for chunk in txt.chunks(line, limit) or [""]:
                if size + len(chunk) > limit:
                    pieces.append([])
                    size = 0
                pieces[-1].append(
                    self.paragraph(chunk, style, inner)
                    if chunk.strip()
                    else Spacer(1, para_style.leading)
                )
                size += len(chunk) + per_line // 2
        return pieces

    def table(
        self,
        table: rb.Table,
        progress: Callable[[float], None] | None = None,
        width: float | None = None,
    ) -> FlowingTable | None:
        """A table with a repeated header row and zebra rows; None without rows.

        Column widths come from the content; a row whose cells hold more text than fits
        in one block continues in extra rows below it (same shading, no rule between,
        "(continued)" where it starts a page), so even a 200 KB cell flows over pages.
        ``progress(share)`` is called every hundred rows with the share made so far.
        """
        if not table.rows:
            return None
        widths, factor = self.column_widths(table, width)
        cell_styles, head_styles = [], []
        for column in table.columns:
            cell_style, head_style = _ALIGNED.get(column.role, ("cell", "cell_head"))
            cell_styles.append(self.scaled(cell_style, factor))
            head_styles.append(self.scaled(head_style, factor))
        head_cells = [
            self.paragraph(column.header, style, w - 2 * CELL_PAD_X)
            for column, style, w in zip(table.columns, head_styles, widths, strict=True)
        ]
        p = self.styles.palette
        body: list[list] = []
        continued: list[Continued] = []
        blank_from = len(table.rows) - table.write_in_rows
        mark_style = self.styles["cell_note"]
        for index, row in enumerate(table.rows):
            if progress is not None and index % 100 == 0:
                progress(index / len(table.rows))
            if index >= blank_from and not any(c.strip() for c in row):
                body.append([Spacer(1, WRITE_IN_ROW), *[""] * (len(row) - 1)])
                continue
            pieces = [
                self.cell_pieces(cell, style, w)
                for cell, style, w in zip(row, cell_styles, widths, strict=True)
            ]
            height = max([1, *(len(cell) for cell in pieces)])
            first = len(body)
            for k in range(height):
                cells: list = [cell[k] if k < len(cell) else "" for cell in pieces]
                if k and cells[0] == "":
                    cells[0] = ContinuedMark(mark_style)
                body.append(cells)
            if height > 1:
                shade = p.zebra if first % 2 == 1 else colors.white
                continued.append(Continued(first, len(body) - 1, shade))
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
        if table.write_in_rows:
            commands.append(("GRID", (0, 0), (-1, -1), 0.4, HAIRLINE))
        return FlowingTable(
            TableLayout(
                head_cells,
                body,
                widths,
                commands,
                last_commands=[
                    # The header row's edge in the accent's readable shade: it shows even
                    # when the accent is as light as the page.
                    ("LINEBELOW", (0, 0), (-1, 0), 0.8, p.accent_graphic),
                    ("LINEABOVE", (0, 0), (-1, 0), 0.4, p.accent_graphic),
                ],
                continued=continued,
                space_before=4,
                space_after=10,
                padding=(CELL_PAD_X, CELL_PAD_Y),
                zebra=p.zebra,
                mark_style=mark_style,
            )
        )
