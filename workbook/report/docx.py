"""The report as an editable Word file (python-docx).

Built from Word's named built-in styles (Title, Heading 1-3, List Bullet, Quote, Light
Grid Accent 1) so a consultant can restyle it, or from the styles of their own reference
``.docx``. Real tables, the logo in the header, "Page X of Y" in the footer, and the
document's properties. Paragraphs and tables are written as WordprocessingML through
python-docx's own XML tree: the per-paragraph API looks styles up by name each time and
inserts before the section properties by searching, which a 2,000-note log cannot afford.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.opc.exceptions import PackageNotFoundError
from docx.shared import Mm, Pt
from lxml import etree

from workbook.export.options import ExportError
from workbook.report.blocks import (
    AppendixStart,
    BarChart,
    Block,
    BulletList,
    Checklist,
    Column,
    Contents,
    Cover,
    Heading,
    KeyValues,
    LineChart,
    PageBreak,
    Paragraph,
    Quote,
    ReportDocument,
    Revision,
    RevisionKey,
    Table,
    WriteIn,
    format_number,
)
from workbook.report.colour import (
    INSERTED_COLOUR,
    REMOVED_COLOUR,
    SENTIMENT_COLOURS,
    accent_colours,
)
from workbook.report.docx_template import branded_template
from workbook.report.logo import read_logo
from workbook.report.text import is_rtl, paragraphs, printable
from workbook.report.widths import column_shares

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
PAGE_SIZES = {"A4": (Mm(210), Mm(297)), "Letter": (Mm(215.9), Mm(279.4))}
MARGIN = Mm(20)
TWIPS_PER_EMU = 1 / 635
BODY_CHAR_TWIPS = 105
"""Rough width of one character of 9 pt table text, in twips, for sharing out columns."""
BAR_BLOCKS = 24
TABLE_STYLES = ("Light Grid Accent 1", "Table Grid")
SHORT_ROW_CHARS = 600
HEADER_CHARS = 60
TABLE_TEXT = "Table Text"
WRITE_IN = "Write-in Line"


def _el(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    if not attrs:
        return etree.SubElement(parent, W + tag)
    return etree.SubElement(parent, W + tag, {W + name: value for name, value in attrs.items()})


def _add_text(run: etree._Element, text: str) -> None:
    """``text`` into a run; its line breaks become ``<w:br/>``."""
    for index, line in enumerate(text.split("\n")):
        if index:
            _el(run, "br")
        if line:
            t = _el(run, "t")
            t.text = line
            if line[0] == " " or line[-1] == " ":
                t.set(XML_SPACE, "preserve")


def _field(paragraph: etree._Element, instruction: str, shown: str) -> None:
    """A Word field (PAGE, NUMPAGES…) showing ``shown`` until Word updates it."""
    _el(_el(paragraph, "r"), "fldChar", fldCharType="begin")
    instr = _el(_el(paragraph, "r"), "instrText")
    instr.text = f" {instruction} "
    instr.set(XML_SPACE, "preserve")
    _el(_el(paragraph, "r"), "fldChar", fldCharType="separate")
    _add_text(_el(paragraph, "r"), shown)
    _el(_el(paragraph, "r"), "fldChar", fldCharType="end")


class DocxRenderer:
    def __init__(self, doc: ReportDocument, reference_docx: Path | None = None) -> None:
        self.doc = doc
        self.meta = doc.meta
        self.colours = accent_colours(doc.meta.accent)
        self.reference = reference_docx is not None
        if reference_docx is not None:
            self.document = _open_reference(Path(reference_docx))
        else:
            self.document = Document(io.BytesIO(branded_template(self.colours.text)))
        self.body = self.document.element.body
        for child in list(self.body):
            if child.tag != W + "sectPr":
                self.body.remove(child)
        end = self.body.find(W + "sectPr")
        self.end = end if end is not None else _el(self.body, "sectPr")
        self._style_ids: dict[tuple[str, WD_STYLE_TYPE], str] = {}
        self._add_own_styles()
        self.pending_break = False
        width, _ = PAGE_SIZES[self.meta.page_size]
        section = self.document.sections[0]
        margins = (section.left_margin or MARGIN) + (section.right_margin or MARGIN)
        if not self.reference:
            margins = 2 * MARGIN
        self.text_width_twips = int((width - margins) * TWIPS_PER_EMU)

    # ------------------------------------------------------------------ styles

    def style_id(self, name: str, kind: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH) -> str | None:
        """The id of the style called ``name``, or None if this template lacks it."""
        if not self._style_ids:
            # One pass over the styles: python-docx looks a name up by XPath every time.
            for style in self.document.styles:
                self._style_ids[(style.name.casefold(), style.type)] = style.style_id
        return self._style_ids.get((name.casefold(), kind))

    def _add_own_styles(self) -> None:
        """Two small named styles the built-in set lacks (kept if the template has them)."""
        styles = self.document.styles
        if self.style_id(TABLE_TEXT) is None:
            style = styles.add_style(TABLE_TEXT, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = styles["Normal"]
            style.font.size = Pt(9)
            style.paragraph_format.space_before = Pt(1)
            style.paragraph_format.space_after = Pt(1)
            style.paragraph_format.line_spacing = 1.0
            self._style_ids.clear()
        for level in (1, 2):
            name = f"toc {level}"  # Word's own contents styles, used when it updates the field
            if self.style_id(name) is None:
                style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
                style.base_style = styles["Normal"]
                style.paragraph_format.space_before = Pt(0)
                style.paragraph_format.space_after = Pt(2 if level == 2 else 4)
                style.paragraph_format.left_indent = Pt(14 * (level - 1))
                self._style_ids.clear()
        if self.style_id(WRITE_IN) is None:
            style = styles.add_style(WRITE_IN, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = styles["Normal"]
            style.paragraph_format.space_before = Pt(14)
            style.paragraph_format.space_after = Pt(0)
            ppr = style.element.get_or_add_pPr()
            border = etree.Element(W + "pBdr")
            # "between" as well as "bottom": Word and LibreOffice draw one border around a
            # run of paragraphs that share it, so each line needs the between-rule.
            _el(border, "bottom", val="single", sz="4", space="1", color="8C8C8C")
            _el(border, "between", val="single", sz="4", space="1", color="8C8C8C")
            ppr.insert(0, border)
            self._style_ids.clear()

    # ------------------------------------------------------------------ paragraphs

    def para(
        self,
        style: str | None = None,
        keep_next: bool = False,
        text_for_direction: str = "",
        indent_twips: int = 0,
        align: str = "",
        parent: etree._Element | None = None,
    ) -> etree._Element:
        """A new paragraph (in the body, or in ``parent``), its properties in schema order."""
        p = etree.Element(W + "p")
        ppr = _el(p, "pPr")
        style_id = self.style_id(style) if style else None
        if style_id:
            _el(ppr, "pStyle", val=style_id)
        if keep_next:
            _el(ppr, "keepNext")
        if parent is None and self.pending_break:
            _el(ppr, "pageBreakBefore")
            self.pending_break = False
        if text_for_direction and is_rtl(text_for_direction):
            _el(ppr, "bidi")
        if indent_twips:
            _el(ppr, "ind", left=str(indent_twips))
        if align:
            _el(ppr, "jc", val=align)
        if parent is None:
            self.end.addprevious(p)
        else:
            parent.append(p)
        return p

    def run(
        self,
        p: etree._Element,
        text: str,
        char_style: str | None = None,
        bold: bool = False,
        italic: bool = False,
        colour: str = "",
        mark: str = "",
    ) -> etree._Element:
        """A run of ``text``; ``mark`` "insert" underlines it, "delete" strikes it through
        (a revision's added and removed words)."""
        r = _el(p, "r")
        style_id = self.style_id(char_style, WD_STYLE_TYPE.CHARACTER) if char_style else None
        if style_id or bold or italic or colour or mark or (char_style and not style_id):
            rpr = _el(r, "rPr")
            if style_id:
                _el(rpr, "rStyle", val=style_id)
            elif char_style:  # the template lacks the style: say the same thing directly
                bold = bold or char_style in ("Strong", "Intense Emphasis")
                italic = italic or "Emphasis" in char_style
            if bold:
                _el(rpr, "b")
            if italic:
                _el(rpr, "i")
            if mark == "delete":  # the schema's order: b, i, strike, color, u
                _el(rpr, "strike")
            if colour:
                _el(rpr, "color", val=colour.lstrip("#"))
            if mark == "insert":
                _el(rpr, "u", val="single")
        _add_text(r, printable(text))
        return r

    def text_paragraphs(
        self, text: str, style: str | None = None, char_style: str | None = None
    ) -> None:
        for part in paragraphs(text):
            self.run(self.para(style, text_for_direction=part), part, char_style)

    # ------------------------------------------------------------------ document

    def render(self, target: str | IO[bytes]) -> None:
        self.page_setup()
        self.properties()
        for block in self.doc.blocks:
            self.block(block)
        self.header_footer()
        self.document.save(target)

    def page_setup(self) -> None:
        section = self.document.sections[0]
        section.page_width, section.page_height = PAGE_SIZES[self.meta.page_size]
        if not self.reference:
            section.left_margin = section.right_margin = MARGIN
            section.top_margin = Mm(24)
            section.bottom_margin = Mm(20)
            section.header_distance = Mm(10)
            section.footer_distance = Mm(10)
        section.different_first_page_header_footer = True

    def properties(self) -> None:
        meta = self.meta
        props = self.document.core_properties
        props.title = printable(meta.title)
        props.subject = printable(meta.subject)
        props.author = printable(meta.author)
        props.last_modified_by = printable(meta.author)
        props.keywords = ", ".join(meta.keywords)
        props.category = "Social media strategy"
        props.comments = ""
        props.language = meta.language
        props.revision = 1
        now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
        props.created = props.modified = now

    def header_footer(self) -> None:
        """The organisation and logo above a rule; the preparer and "Page X of Y" below.
        python-docx has no call to empty a header, border a paragraph or add a field, so
        this reaches the XML behind ``_element`` and ``_p``: the only private attributes
        used, hence the version cap in pyproject.toml."""
        section = self.document.sections[0]
        tab = section.page_width - section.left_margin - section.right_margin
        header = section.header
        header.is_linked_to_previous = False
        for p in list(header._element):
            header._element.remove(p)
        hp = header.add_paragraph(style=self._existing("Header"))
        self._right_tab(hp, tab)
        hp.add_run(printable(_header_text(self.meta.organisation or self.meta.title)))
        if self.meta.logo is not None:
            data, _ = read_logo(self.meta.logo)
            hp.add_run("\t").add_picture(io.BytesIO(data), height=Mm(10))
        ppr = hp._p.get_or_add_pPr()
        border = etree.Element(W + "pBdr")
        _el(border, "bottom", val="single", sz="6", space="4", color=self.colours.text.lstrip("#"))
        ppr.insert(1 if ppr.find(W + "pStyle") is not None else 0, border)
        footer = section.footer
        footer.is_linked_to_previous = False
        fp = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        for child in list(fp._p):
            if child.tag != W + "pPr":
                fp._p.remove(child)
        style = self._existing("Footer")
        if style:
            fp.style = style
        self._right_tab(fp, tab)
        if self.meta.prepared_by:
            fp.add_run(printable(f"Prepared by {self.meta.prepared_by}"))
        fp.add_run("\tPage ")
        _field(fp._p, "PAGE", "1")
        fp.add_run(" of ")
        _field(fp._p, "NUMPAGES", "1")

    @staticmethod
    def _right_tab(paragraph, position: int) -> None:
        """One right-aligned tab stop at ``position``: the style's own stops (set for
        another page width) are cleared so the tab goes to the margin."""
        stops = paragraph.paragraph_format.tab_stops
        style = paragraph.style
        while style is not None:
            for stop in style.paragraph_format.tab_stops:
                if stop.position != position:
                    stops.add_tab_stop(stop.position, WD_TAB_ALIGNMENT.CLEAR)
            style = style.base_style
        stops.add_tab_stop(position, WD_TAB_ALIGNMENT.RIGHT)

    def _existing(self, name: str) -> str | None:
        return name if self.style_id(name) else None

    # ------------------------------------------------------------------ blocks

    def block(self, block: Block) -> None:
        if isinstance(block, Paragraph):
            self.paragraph(block)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Heading):
            self.heading(block)
        elif isinstance(block, KeyValues):
            for label, value in block.items:
                parts = paragraphs(value) or [""]
                p = self.para()  # the label leads: the paragraph reads left to right
                self.run(p, f"{label}: ", "Strong")
                self.run(p, parts[0])
                for part in parts[1:]:
                    self.run(self.para(text_for_direction=part), part)
        elif isinstance(block, BulletList):
            for item in block.items:
                text = "\n".join(paragraphs(item))
                self.run(self.para("List Bullet", text_for_direction=text), text)
        elif isinstance(block, Checklist):
            for item in block.items:
                p = self.para("List Paragraph", text_for_direction=item.text)
                self.run(p, "☑  " if item.done else "☐  ")
                self.run(p, printable(item.text).strip())
        elif isinstance(block, Quote):
            self.text_paragraphs(block.text, "Quote")
            if block.attribution:
                self.run(self.para("Quote", align="right"), f"— {block.attribution}")
        elif isinstance(block, BarChart):
            self.chart(block)
        elif isinstance(block, LineChart):
            # Word gets the chart's points as a table: its text equivalent.
            self.run(self.para(keep_next=True), "The chart in figures", "Strong")
            self.table(block.as_table(), keep_together=True)
            if block.caption:
                caption = self._existing("Caption")
                self.text_paragraphs(block.caption, caption, None if caption else "Subtle Emphasis")
        elif isinstance(block, RevisionKey):
            p = self.para()
            self.run(p, "Words added since the snapshot are ", "Subtle Emphasis")
            self.run(p, "underlined", "Subtle Emphasis", mark="insert")
            self.run(p, "; words taken out are ", "Subtle Emphasis")
            self.run(p, "struck through", "Subtle Emphasis", mark="delete")
            self.run(p, ".", "Subtle Emphasis")
        elif isinstance(block, Revision):
            self.run(self.para(keep_next=True), block.label, "Strong")
            p = self.para(text_for_direction="".join(r.text for r in block.runs))
            colours = {"insert": INSERTED_COLOUR, "delete": REMOVED_COLOUR}
            for part in block.runs:  # spaced in the report model (report.changes)
                self.run(p, part.text, colour=colours.get(part.mark, ""), mark=part.mark)
        elif isinstance(block, WriteIn):
            for index in range(block.lines):
                p = self.para(WRITE_IN)
                if index == 0 and block.label:
                    self.run(p, f"{block.label}:", "Subtle Emphasis")
        elif isinstance(block, Cover):
            self.cover(block)
        elif isinstance(block, Contents):
            self.contents(block)
        elif isinstance(block, PageBreak):
            self.pending_break = True
        elif isinstance(block, AppendixStart):
            pass  # appendices start on a new page, given by the page break before them
        else:  # pragma: no cover - a new block type must be taught to every renderer
            raise TypeError(f"Word cannot render {type(block).__name__}")

    def paragraph(self, block: Paragraph) -> None:
        tone = block.tone
        if tone in ("note", "help"):
            self.text_paragraphs(block.text, None, "Subtle Emphasis")
        elif tone == "warning":
            self.text_paragraphs(block.text, None, "Intense Emphasis")
        elif tone in ("question", "label"):
            for part in paragraphs(block.text):
                self.run(self.para(keep_next=True, text_for_direction=part), part, "Strong")
        elif tone == "answer":
            self.text_paragraphs(block.text, "Body Text")
        else:
            self.text_paragraphs(block.text)

    def heading(self, block: Heading) -> None:
        if block.kicker:
            self.run(self.para(keep_next=True), block.kicker.upper(), "Subtle Emphasis")
        level = min(max(block.level, 1), 3)
        style = f"Heading {level}"
        text = " ".join(printable(block.text).split())
        p = self.para(style, keep_next=True, text_for_direction=text)
        if self.style_id(style) is None:
            self.run(p, text, bold=True)
        else:
            self.run(p, text)

    def cover(self, cover: Cover) -> None:
        if self.meta.logo is not None:
            data, _ = read_logo(self.meta.logo)
            logo = self.document.add_paragraph()
            logo.add_run().add_picture(io.BytesIO(data), height=Mm(22))
            logo.paragraph_format.space_after = Pt(36)
        self.run(self.para(), cover.kicker.upper(), "Subtle Emphasis")
        self.run(self.para("Title", text_for_direction=cover.title), " ".join(cover.title.split()))
        if cover.subtitle:
            self.run(self.para("Subtitle", text_for_direction=cover.subtitle), cover.subtitle)
        for label, value in cover.details:
            p = self.para(text_for_direction=value)
            self.run(p, f"{label}: ", "Strong")
            self.run(p, value)
        if cover.note:
            self.text_paragraphs(cover.note, None, "Subtle Emphasis")
        self.pending_break = True

    def contents(self, block: Contents) -> None:
        """A contents field: Word fills in page numbers when it is updated (F9); until
        then it lists the headings."""
        title = self.para("TOC Heading") if self.style_id("TOC Heading") else self.para("Heading 1")
        self.run(title, block.title)
        headings = list(self.doc.headings(max_level=2))
        first = self.para()
        _el(_el(first, "r"), "fldChar", fldCharType="begin")
        instr = _el(_el(first, "r"), "instrText")
        instr.text = ' TOC \\o "1-2" \\h \\z \\u '
        instr.set(XML_SPACE, "preserve")
        _el(_el(first, "r"), "fldChar", fldCharType="separate")
        last = first
        for index, heading in enumerate(headings):
            style_id = self.style_id(f"toc {heading.level}")
            p = first if index == 0 else self.para()
            if style_id:
                ppr = p.find(W + "pPr")
                ppr.insert(0, etree.Element(W + "pStyle"))
                ppr[0].set(W + "val", style_id)
            self.run(p, " ".join(heading.text.split()))
            last = p
        _el(_el(last, "r"), "fldChar", fldCharType="end")
        self.pending_break = True

    # ------------------------------------------------------------------ tables

    def table(
        self,
        table: Table,
        colours: list[list[str]] | None = None,
        keep_together: bool = False,
    ) -> None:
        """A real Word table; ``keep_together`` keeps it on one page with what follows."""
        if self.pending_break:
            self.para()  # a table cannot start a page by itself: an empty paragraph does
        if table.caption:
            self.run(self.para(keep_next=True), table.caption, "Strong")
        columns = table.columns
        shares = column_shares(table, self.text_width_twips / BODY_CHAR_TWIPS)
        widths = [str(int(self.text_width_twips * s)) for s in shares]
        tbl = etree.Element(W + "tbl")
        tblpr = _el(tbl, "tblPr")
        style_id = next((s for s in map(self.style_id_table, TABLE_STYLES) if s), None)
        if style_id:
            _el(tblpr, "tblStyle", val=style_id)
        _el(tblpr, "tblW", w=str(self.text_width_twips), type="dxa")
        _el(tblpr, "tblLayout", type="fixed")
        _el(
            tblpr,
            "tblLook",
            val="0420",
            firstRow="1",
            lastRow="0",
            firstColumn="0",
            lastColumn="0",
            noHBand="0",
            noVBand="1",
        )
        grid = _el(tbl, "tblGrid")
        for width in widths:
            _el(grid, "gridCol", w=width)
        text_style = self.style_id(TABLE_TEXT)
        aligns = [_align(c) for c in columns]
        self._row(tbl, [c.header for c in columns], widths, text_style, aligns, header=True)
        first_blank = len(table.rows) - table.write_in_rows
        for index, row in enumerate(table.rows):
            self._row(
                tbl,
                row,
                widths,
                text_style,
                aligns,
                blank=index >= first_blank,
                colours=colours[index] if colours else None,
                keep_next=keep_together,
            )
        self.end.addprevious(tbl)
        # Word needs a paragraph between two tables, and after a table before a heading
        # it reads better with a little space.
        self.para(keep_next=keep_together)

    def style_id_table(self, name: str) -> str | None:
        return self.style_id(name, WD_STYLE_TYPE.TABLE)

    @staticmethod
    def _row(
        tbl: etree._Element,
        cells: tuple[str, ...] | list[str],
        widths: list[str],
        text_style: str | None,
        aligns: list[str],
        header: bool = False,
        blank: bool = False,
        colours: list[str] | None = None,
        keep_next: bool = False,
    ) -> None:
        tr = _el(tbl, "tr")
        # A short row stays on one page; a long one may split, or it could never fit.
        short = sum(len(c) for c in cells) < SHORT_ROW_CHARS
        if header or blank or short:
            trpr = _el(tr, "trPr")
            if short:
                _el(trpr, "cantSplit")
            if blank:
                _el(trpr, "trHeight", val="560", hRule="atLeast")
            if header:
                _el(trpr, "tblHeader")
        for index, text in enumerate(cells):
            tc = _el(tr, "tc")
            _el(_el(tc, "tcPr"), "tcW", w=widths[index], type="dxa")
            p = _el(tc, "p")
            ppr = _el(p, "pPr")
            if text_style:
                _el(ppr, "pStyle", val=text_style)
            if header or keep_next:
                _el(ppr, "keepNext")
            text = printable(text)
            if text and is_rtl(text):
                _el(ppr, "bidi")
            if aligns[index]:
                _el(ppr, "jc", val=aligns[index])
            if text:
                r = _el(p, "r")
                colour = colours[index] if colours else ""
                if colour:
                    _el(_el(r, "rPr"), "color", val=colour)
                _add_text(r, text.strip())

    def chart(self, chart: BarChart) -> None:
        self.run(self.para(keep_next=True, text_for_direction=chart.title), chart.title, "Strong")
        top = max((bar.value for bar in chart.bars), default=0) or 1
        rows = []
        colours = []
        for bar in chart.bars:
            blocks = max(1, round(BAR_BLOCKS * bar.value / top)) if bar.value else 0
            rows.append((bar.label, "█" * blocks, format_number(bar.value)))
            colour = SENTIMENT_COLOURS.get(bar.role, self.colours.text).lstrip("#")
            colours.append(["", colour, ""])
        table = Table(
            (
                Column(chart.label_header, "short"),
                Column("Chart", "text"),
                Column(chart.value_header, "number"),
            ),
            tuple(rows),
            key=chart.key,
        )
        self.table(table, colours, keep_together=True)
        if chart.caption:
            caption = self._existing("Caption")
            self.text_paragraphs(chart.caption, caption, None if caption else "Subtle Emphasis")


def _header_text(text: str, limit: int = HEADER_CHARS) -> str:
    """The running header's words: one line, so the logo beside them stays on it."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(",;:. ") + " …"


def _align(column: Column) -> str:
    return {"number": "right", "check": "center"}.get(column.role, "")


def _open_reference(path: Path):
    try:
        return Document(str(path))
    except (OSError, PackageNotFoundError, KeyError, ValueError) as exc:
        raise ExportError(
            f"The Word template {path} cannot be used: it is missing or is not a .docx "
            "file. Choose another template in Preferences, or none."
        ) from exc
    except Exception as exc:  # a damaged file can fail deep inside the zip or XML reader
        raise ExportError(
            f"The Word template {path} cannot be read ({type(exc).__name__}). Choose "
            "another template in Preferences, or none."
        ) from exc


def render_docx(
    doc: ReportDocument, path_or_stream: str | Path | IO[bytes], reference_docx: Path | None = None
) -> None:
    """Write ``doc`` as a Word file. With ``reference_docx``, its styles, margins and theme
    are used (its body is left out); otherwise python-docx's template in the accent colour."""
    target = str(path_or_stream) if isinstance(path_or_stream, Path) else path_or_stream
    DocxRenderer(doc, reference_docx).render(target)
