"""The report as CommonMark (with pipe tables): every user string escaped, so none of it
can become a heading, list, link, emphasis or HTML."""

from __future__ import annotations

import re
import unicodedata

from workbook.report.blocks import (
    AppendixStart,
    BarChart,
    Block,
    BulletList,
    Checklist,
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
    Run,
    Table,
    WriteIn,
)
from workbook.report.text import paragraphs, printable

# Characters with a meaning anywhere in a line. The rest of the ASCII punctuation only
# matters at the start of a line (list and heading markers, setext underlines), or after
# characters escaped here ("](" needs a "]"), so it is escaped only where it matters.
_INLINE = "`*_[]<>|&~#"
_LINE_START = re.compile(r"^(?:[-+=]|\d{1,9}(?=[.)]))")
# GitHub's Markdown also turns bare web and e-mail addresses into links; an escaped ":"
# or "." or "@" stops that without changing the text shown.
_AUTOLINK = re.compile(r"(?<=[A-Za-z])(:)(?=//)|(?<=www)(\.)|(?<=[\w.+-])(@)(?=[\w-]+\.)")
_WRITE_LINE = "\\_" * 48
CELL_LINE_BREAK = " · "
"""What a line break inside a table cell becomes (a pipe table row is one line)."""


def escape_line(line: str) -> str:
    """One line of user text as Markdown that shows exactly that text."""
    # str.replace per character is several times faster than translate or a regex here,
    # and every line of a 2,000-note log comes through.
    text = printable(line).replace("\t", " ").strip().replace("\\", "\\\\")
    for char in _INLINE:
        if char in text:
            text = text.replace(char, "\\" + char)
    if "://" in text or "@" in text or "www." in text:
        text = _AUTOLINK.sub(lambda m: "\\" + m.group(), text)
    if text and (text[0] in "-+=" or text[0].isdigit()):
        match = _LINE_START.match(text)
        if match:
            end = match.end()
            if text[:end].isdigit():
                return text[:end] + "\\" + text[end:]  # "1." or "1)" would start a list
            return "\\" + text
    return text


def escape_text(text: str) -> list[str]:
    """User text as Markdown paragraphs: blank lines part paragraphs, line breaks stay."""
    out = []
    for para in paragraphs(text):
        lines = [escape_line(line) for line in para.split("\n")]
        out.append("\\\n".join(line for line in lines if line))
    return [p for p in out if p]


def escape_cell(text: str) -> str:
    return CELL_LINE_BREAK.join(escape_line(line) for line in text.split("\n") if line.strip())


def marked_words(runs: tuple[Run, ...]) -> str:
    """A revision's runs as plain text that says what changed in words ("[added: …]"), for
    formats with no underline or strike-through. The result is user text: escape it."""
    words = {"insert": "added", "delete": "removed"}
    out = []
    for run in runs:
        if run.mark and run.text.strip():
            text = run.text
            lead = text[: len(text) - len(text.lstrip())]
            trail = text[len(text.rstrip()) :]
            out.append(f"{lead}[{words[run.mark]}: {text.strip()}]{trail}")
        else:
            out.append(run.text)
    return "".join(out)


def _wrap(marker: str, text: str) -> list[str]:
    """Each paragraph of ``text`` wrapped in an emphasis marker, line by line."""
    return [
        "\\\n".join(f"{marker}{line}{marker}" for line in para.split("\\\n") if line)
        for para in escape_text(text)
    ]


class _Slugs:
    """Anchors as GitHub and most editors make them from heading text, for the contents."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}

    def make(self, text: str) -> str:
        kept = "".join(
            c for c in text.casefold() if c in " -_" or unicodedata.category(c)[0] in "LN"
        )
        base = kept.replace(" ", "-")
        count = self.counts.get(base, 0)
        self.counts[base] = count + 1
        return base if count == 0 else f"{base}-{count}"


class MarkdownRenderer:
    def __init__(self, doc: ReportDocument) -> None:
        self.doc = doc
        self.out: list[str] = []
        self.slugs: dict[int, str] = {}

    def render(self) -> str:
        self._plan_slugs()
        for block in self.doc.blocks:
            self.block(block)
        return "\n\n".join(self.out).rstrip() + "\n"

    def _plan_slugs(self) -> None:
        slugs = _Slugs()
        for index, block in enumerate(self.doc.blocks):
            if isinstance(block, Cover):
                slugs.make(printable(block.title))
            elif isinstance(block, Contents):
                slugs.make(block.title)
            elif isinstance(block, Heading):
                self.slugs[index] = slugs.make(" ".join(printable(block.text).split()))

    def heading(self, level: int, text: str) -> None:
        self.out.append("#" * level + " " + (escape_cell(text) or "\\-"))

    def block(self, block: Block) -> None:
        if isinstance(block, Paragraph):
            self.paragraph(block)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Heading):
            if block.kicker:
                self.out.append(f"*{escape_cell(block.kicker)}*")
            self.heading(min(block.level + 1, 6), block.text)
        elif isinstance(block, KeyValues):
            for label, value in block.items:
                parts = escape_text(value) or [""]
                self.out.append(f"**{escape_cell(label)}:** {parts[0]}".rstrip())
                self.out += parts[1:]
        elif isinstance(block, BulletList):
            self.out.append("\n".join(self.item("- ", text) for text in block.items))
        elif isinstance(block, Checklist):
            self.out.append(
                "\n".join(self.item("- [x] " if i.done else "- [ ] ", i.text) for i in block.items)
            )
        elif isinstance(block, Quote):
            lines = [f"> {p}".replace("\\\n", "\\\n> ") for p in escape_text(block.text)]
            quote = "\n>\n".join(lines)
            if block.attribution:
                quote += f"\n>\n> — {escape_cell(block.attribution)}"
            self.out.append(quote)
        elif isinstance(block, BarChart):
            self.out.append(f"**{escape_cell(block.title)}**")
            self.table(block.as_table())
            if block.caption:
                self.out += _wrap("*", block.caption)
        elif isinstance(block, LineChart):
            # No picture in Markdown: the points the chart is read by, as a table.
            self.out.append("*The chart in figures:*")
            self.table(block.as_table())
            if block.caption:
                self.out += _wrap("*", block.caption)
        elif isinstance(block, RevisionKey):
            self.out += _wrap(
                "*",
                "Words added since the snapshot are shown as [added: …] and words taken out "
                "as [removed: …].",
            )
        elif isinstance(block, Revision):
            parts = escape_text(marked_words(block.runs)) or ["(empty)"]
            self.out.append(f"**{escape_cell(block.label)}:** {parts[0]}")
            self.out += parts[1:]
        elif isinstance(block, WriteIn):
            label = f"{escape_cell(block.label)}: " if block.label else ""
            lines = [label + _WRITE_LINE] + [_WRITE_LINE] * (block.lines - 1)
            self.out.append("\\\n".join(lines))
        elif isinstance(block, Cover):
            self.cover(block)
        elif isinstance(block, Contents):
            self.contents(block)
        elif isinstance(block, AppendixStart):
            self.out.append("---")
        elif isinstance(block, PageBreak):
            pass
        else:  # pragma: no cover - a new block type must be taught to every renderer
            raise TypeError(f"Markdown cannot render {type(block).__name__}")

    def item(self, marker: str, text: str) -> str:
        parts = escape_text(text) or [""]
        indent = " " * len(marker)
        body = f"\n{indent}\n{indent}".join(p.replace("\\\n", "\\\n" + indent) for p in parts)
        return marker + body

    def paragraph(self, block: Paragraph) -> None:
        tone = block.tone
        if tone in ("note", "help"):
            self.out += _wrap("*", block.text)
        elif tone in ("question", "label", "warning"):
            self.out += _wrap("**", block.text)
        else:
            self.out += escape_text(block.text)

    def table(self, table: Table) -> None:
        if table.caption:
            self.out += _wrap("*", table.caption)
        header = "| " + " | ".join(escape_cell(c.header) for c in table.columns) + " |"
        rule = "| " + " | ".join("---:" if c.role == "number" else "---" for c in table.columns)
        rule += " |"
        rows = ["| " + " | ".join(escape_cell(cell) for cell in row) + " |" for row in table.rows]
        self.out.append("\n".join([header, rule, *rows]))

    def cover(self, cover: Cover) -> None:
        self.out.append(f"*{escape_cell(cover.kicker)}*")
        self.heading(1, cover.title)
        if cover.subtitle:
            self.out.append(f"**{escape_cell(cover.subtitle)}**")
        if cover.details:
            self.out.append(
                "\\\n".join(f"{escape_cell(k)}: {escape_cell(v)}" for k, v in cover.details)
            )
        if cover.note:
            self.out += _wrap("*", cover.note)

    def contents(self, block: Contents) -> None:
        self.heading(2, block.title)
        lines = []
        for index, heading in enumerate(self.doc.blocks):
            if isinstance(heading, Heading) and heading.level <= 2:
                indent = "  " * (heading.level - 1)
                lines.append(f"{indent}- [{escape_cell(heading.text)}](#{self.slugs[index]})")
        if lines:
            self.out.append("\n".join(lines))


def render_markdown(doc: ReportDocument) -> str:
    """``doc`` as one Markdown document (CommonMark with pipe tables)."""
    return MarkdownRenderer(doc).render()
