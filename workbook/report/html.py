"""The report as one self-contained HTML5 page: inline CSS, no scripts, no external
requests (the logo travels inside as a data: URI), a print stylesheet, and every user
string escaped so that none of it can become an element or an attribute."""

from __future__ import annotations

import base64
import functools
import html
import re

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
    ReportMeta,
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
from workbook.report.linechart import layout
from workbook.report.logo import read_logo
from workbook.report.text import paragraphs, printable, printable_all

_CLASS_UNSAFE = re.compile(r"[^a-z0-9-]")
_CELL = "\x00"
"""Between the cells of a table while they are escaped together; ``printable_all`` has
marked every such character in the text itself."""
WRITE_LINE_EM = 2.2
"""Height of one ruled write-in line: room for handwriting."""


def esc(text: str) -> str:
    """User (or our) text as HTML text or attribute value: nothing in it is markup."""
    return html.escape(printable(text), quote=True)


def esc_lines(text: str) -> str:
    """Text with its line breaks kept as ``<br>`` (the only markup added, and ours)."""
    escaped = esc(text.strip())
    return escaped.replace("\n", "<br>") if "\n" in escaped else escaped


@functools.cache
def css_class(value: str) -> str:
    return _CLASS_UNSAFE.sub("", value.casefold())


def stylesheet(meta: ReportMeta) -> str:
    colours = accent_colours(meta.accent)
    page = "A4" if meta.page_size == "A4" else "letter"
    moods = "\n".join(
        f".bar.role-{name} {{ background: {colour}; }}"
        for name, colour in SENTIMENT_COLOURS.items()
    )
    return f"""
:root {{
  --accent: {colours.base}; --on-accent: {colours.on_base};
  --accent-text: {colours.text}; --accent-line: {colours.graphic};
  --ink: #1a1a1a; --muted: #5a5a5a; --rule: #d5d9dc; --zebra: #f4f6f7;
}}
* {{ box-sizing: border-box; }}
html {{ -webkit-text-size-adjust: 100%; }}
body {{ margin: 0; color: var(--ink); background: #fff;
  font: 16px/1.55 "Segoe UI", "Helvetica Neue", Arial, "Noto Sans", "DejaVu Sans", sans-serif; }}
main {{ max-width: 60rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }}
h1, h2, h3, h4 {{ line-height: 1.25; color: var(--accent-text); overflow-wrap: break-word; }}
h2 {{ font-size: 1.75rem; margin: 2.5rem 0 .75rem; padding-bottom: .3rem;
  border-bottom: 3px solid var(--accent-line); }}
h3 {{ font-size: 1.25rem; margin: 1.75rem 0 .5rem; }}
h4 {{ font-size: 1.05rem; margin: 1.25rem 0 .4rem; color: var(--ink); }}
p, li, dd, td, th {{ overflow-wrap: break-word; }}
p {{ margin: .5rem 0; }}
.kicker {{ margin: 2.5rem 0 -1.75rem; text-transform: uppercase; letter-spacing: .08em;
  font-size: .8rem; font-weight: 600; color: var(--muted); }}
.lead {{ font-size: 1.08rem; }}
.note, .help {{ color: var(--muted); font-style: italic; }}
.warning {{ border-left: 4px solid #b45f06; background: #fdf3e7; padding: .5rem .75rem; }}
.question {{ font-weight: 600; margin-top: 1.25rem; }}
.answer {{ border-left: 3px solid var(--accent-line); padding-left: .75rem; }}
.label {{ font-weight: 600; margin-top: 1rem; }}
dl.kv {{ margin: .75rem 0; }}
dl.kv dt {{ font-weight: 600; margin-top: .75rem; }}
dl.kv dd {{ margin: .15rem 0 0; }}
dl.kv dd p {{ margin: 0 0 .4rem; }}
blockquote {{ margin: .5rem 0 1rem; padding: .4rem 1rem; border-left: 4px solid var(--accent-line);
  background: var(--zebra); }}
blockquote p {{ margin: .3rem 0; }}
blockquote footer {{ color: var(--muted); font-size: .9rem; }}
.table-wrap {{ overflow-x: auto; margin: .75rem 0 1.25rem; }}
table {{ border-collapse: collapse; width: 100%; font-size: .9rem; }}
caption {{ text-align: left; font-weight: 600; padding: .25rem 0; }}
th, td {{ text-align: left; vertical-align: top; padding: .4rem .5rem;
  border-bottom: 1px solid var(--rule); }}
thead th {{ background: var(--accent); color: var(--on-accent); font-weight: 600;
  overflow-wrap: normal; word-break: keep-all; hyphens: manual; }}
tbody tr:nth-child(even) {{ background: var(--zebra); }}
td.short, th.short {{ min-width: 6rem; }}
td.text {{ min-width: 9rem; }}
td.number, th.number {{ text-align: right; font-variant-numeric: tabular-nums; }}
td.date, th.date {{ white-space: nowrap; }}
td.check, th.check {{ text-align: center; }}
tr.write-in-row td {{ height: 2.4em; }}
figure.chart {{ margin: 1rem 0 1.5rem; }}
figure.chart figcaption {{ font-weight: 600; margin-bottom: .25rem; }}
.chart td.bar-cell {{ width: 55%; }}
.bar {{ display: block; height: .9rem; min-width: 2px; border-radius: 2px;
  background: var(--accent-line); }}
{moods}
.chart .caption {{ color: var(--muted); font-size: .85rem; margin-top: .25rem; }}
figure.line-chart figcaption {{ font-weight: normal; }}
figure.line-chart svg {{ display: block; width: 100%; max-width: 40rem; height: auto; }}
.revision ins {{ color: {INSERTED_COLOUR}; text-decoration: underline; }}
.revision del {{ color: {REMOVED_COLOUR}; text-decoration: line-through; }}
.revision del + ins {{ margin-left: .3em; }}
.revision .label {{ display: block; margin: 0; }}
ul.checklist {{ list-style: none; padding-left: 0; }}
ul.checklist li {{ margin: .25rem 0; padding-left: 1.6rem; text-indent: -1.6rem; }}
.box {{ display: inline-block; width: 1.6rem; text-indent: 0; }}
.write-in {{ margin: .25rem 0 1rem; border-bottom: 1px solid #9aa3a8;
  background: repeating-linear-gradient(to bottom, transparent 0,
    transparent calc({WRITE_LINE_EM}em - 1px), #9aa3a8 calc({WRITE_LINE_EM}em - 1px),
    #9aa3a8 {WRITE_LINE_EM}em); }}
.write-label {{ font-size: .85rem; color: var(--muted); }}
header.cover {{ padding: 3rem 0 2rem; border-bottom: 6px solid var(--accent-line);
  margin-bottom: 2rem; }}
header.cover img {{ max-height: 5rem; max-width: 16rem; display: block; margin-bottom: 2rem; }}
header.cover .cover-kicker {{ text-transform: uppercase; letter-spacing: .12em; font-weight: 600;
  color: var(--muted); margin: 0; }}
header.cover h1 {{ font-size: 2.6rem; margin: .5rem 0; }}
header.cover .subtitle {{ font-size: 1.4rem; margin: 0 0 1.5rem; }}
header.cover dl {{ display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1.25rem;
  margin: 0 0 1.5rem; }}
header.cover dt {{ font-weight: 600; text-transform: uppercase; font-size: .8rem;
  letter-spacing: .06em; color: var(--muted); padding-top: .2rem; }}
header.cover dd {{ margin: 0; }}
header.cover .cover-note {{ color: var(--muted); font-size: .9rem; }}
nav.contents ol {{ list-style: none; padding-left: 0; }}
nav.contents ol ol {{ padding-left: 1.25rem; }}
nav.contents li {{ margin: .2rem 0; }}
nav.contents a {{ color: var(--accent-text); }}
hr.appendix {{ border: 0; border-top: 1px solid var(--rule); margin: 3rem 0 0; }}
.page-break {{ height: 0; }}
@page {{ size: {page}; margin: 16mm 15mm 18mm; }}
@media print {{
  body {{ font-size: 10pt; }}
  main {{ max-width: none; padding: 0; }}
  header.cover {{ min-height: 240mm; border-bottom: 0; break-after: page; }}
  nav.contents {{ break-after: page; }}
  .page-break {{ break-before: page; }}
  h2, h3, h4, .question, .label, figcaption, .kicker, h3 + .help {{ break-after: avoid; }}
  tr, blockquote, .write-in, li, figure.chart {{ break-inside: avoid; }}
  thead {{ display: table-header-group; }}
  .table-wrap {{ overflow: visible; }}
  nav.contents a {{ color: inherit; text-decoration: none; }}
  thead th, .bar, tbody tr:nth-child(even), blockquote, .warning {{
    -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
}}
"""


class HtmlRenderer:
    def __init__(self, doc: ReportDocument) -> None:
        self.doc = doc
        self.out: list[str] = []

    def render(self) -> str:
        meta = self.doc.meta
        head = [
            "<!DOCTYPE html>",
            f'<html lang="{esc(meta.language)}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{esc(meta.title)}</title>",
            f'<meta name="author" content="{esc(meta.author)}">',
            f'<meta name="description" content="{esc(meta.subject)}">',
            f'<meta name="keywords" content="{esc(", ".join(meta.keywords))}">',
            '<meta name="generator" content="Social Media Value Workbook">',
            f"<style>{stylesheet(meta)}</style>",
            "</head>",
            "<body>",
            "<main>",
        ]
        self.out = head
        for block in self.doc.blocks:
            self.block(block)
        self.out += ["</main>", "</body>", "</html>", ""]
        return "\n".join(self.out)

    # ------------------------------------------------------------------ blocks

    def block(self, block: Block) -> None:
        if isinstance(block, Paragraph):
            tone = css_class(block.tone)
            for para in paragraphs(block.text):
                self.out.append(f'<p class="{tone}" dir="auto">{esc_lines(para)}</p>')
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Heading):
            self.heading(block)
        elif isinstance(block, KeyValues):
            items = "".join(
                f'<dt dir="auto">{esc(label)}</dt><dd>{self.paras(value)}</dd>'
                for label, value in block.items
            )
            self.out.append(f'<dl class="kv">{items}</dl>')
        elif isinstance(block, BulletList):
            items = "".join(f"<li>{self.paras(item)}</li>" for item in block.items)
            self.out.append(f"<ul>{items}</ul>")
        elif isinstance(block, Checklist):
            items = "".join(
                f'<li class="{"done" if i.done else "gap"}" dir="auto">'
                f'<span class="box" aria-hidden="true">{"☑" if i.done else "☐"}</span>'
                f"{esc_lines(i.text)}</li>"
                for i in block.items
            )
            self.out.append(f'<ul class="checklist">{items}</ul>')
        elif isinstance(block, Quote):
            footer = f"<footer>— {esc(block.attribution)}</footer>" if block.attribution else ""
            self.out.append(f"<blockquote>{self.paras(block.text)}{footer}</blockquote>")
        elif isinstance(block, BarChart):
            self.chart(block)
        elif isinstance(block, LineChart):
            self.line_chart(block)
        elif isinstance(block, RevisionKey):
            self.out.append(
                '<p class="note">Words added since the snapshot are <ins>underlined</ins>; '
                "words taken out are <del>struck through</del>.</p>"
            )
        elif isinstance(block, Revision):
            tags = {"insert": "ins", "delete": "del"}
            words = "".join(
                f"<{tags[r.mark]}>{esc_lines(r.text)}</{tags[r.mark]}>"
                if r.mark
                else esc(r.text).replace("\n", "<br>")
                for r in block.runs
            )
            self.out.append(
                f'<p class="revision" dir="auto"><span class="label">{esc(block.label)}</span>'
                f"{words}</p>"
            )
        elif isinstance(block, WriteIn):
            height = f"{block.lines * WRITE_LINE_EM:g}em"
            label = f'<span class="write-label">{esc(block.label)}</span>' if block.label else ""
            self.out.append(f'<div class="write-in" style="height:{height}">{label}</div>')
        elif isinstance(block, Cover):
            self.cover(block)
        elif isinstance(block, Contents):
            self.contents(block)
        elif isinstance(block, PageBreak):
            self.out.append('<div class="page-break"></div>')
        elif isinstance(block, AppendixStart):
            self.out.append('<hr class="appendix">')
        else:  # pragma: no cover - a new block type must be taught to every renderer
            raise TypeError(f"HTML cannot render {type(block).__name__}")

    @staticmethod
    def paras(text: str) -> str:
        parts = paragraphs(text)
        if len(parts) <= 1:
            return f'<span dir="auto">{esc_lines(parts[0])}</span>' if parts else ""
        return "".join(f'<p dir="auto">{esc_lines(p)}</p>' for p in parts)

    def heading(self, block: Heading) -> None:
        level = min(block.level + 1, 6)
        if block.kicker:
            self.out.append(f'<p class="kicker">{esc(block.kicker)}</p>')
        self.out.append(
            f'<h{level} id="{css_class(block.anchor)}" dir="auto">{esc(block.text)}</h{level}>'
        )

    def table(self, table: Table) -> None:
        roles = [css_class(c.role) for c in table.columns]
        width = len(roles)
        # The headers and cells of the whole table are made printable and escaped in one
        # call each, joined by ``_CELL`` and split again (a 2,000-note log is ten thousand
        # cells), and a row is one ``str.format`` of a template that holds our markup
        # (roles are [a-z0-9-] only, so it has no braces of its own).
        texts = [c.header for c in table.columns]
        texts += [cell for row in table.rows for cell in row]
        texts = [text.strip() for text in printable_all(texts)]
        escaped = html.escape(_CELL.join(texts), quote=True).replace("\n", "<br>")
        parts = escaped.split(_CELL)
        head = "".join(f'<th scope="col" class="{role}">{{}}</th>' for role in roles)
        cells = "".join(f'<td class="{role}" dir="auto">{{}}</td>' for role in roles)
        out = [f'<div class="table-wrap"><table class="t-{css_class(table.key) or "plain"}">']
        if table.caption:
            out.append(f"<caption>{esc(table.caption)}</caption>")
        out.append(f"<thead><tr>{head}</tr></thead><tbody>".format(*parts[:width]))
        template, blank = f"<tr>{cells}</tr>", f'<tr class="write-in-row">{cells}</tr>'
        first_blank = (1 + len(table.rows) - table.write_in_rows) * width
        out += [
            (template if start < first_blank else blank).format(*parts[start : start + width])
            for start in range(width, len(parts), width)
        ]
        out.append("</tbody></table></div>")
        self.out.append("\n".join(out))

    def chart(self, chart: BarChart) -> None:
        top = max((bar.value for bar in chart.bars), default=0) or 1
        rows = []
        for bar in chart.bars:
            width = f"{100 * bar.value / top:.1f}%"
            role = css_class(bar.role) or "plain"
            rows.append(
                f'<tr><th scope="row" dir="auto">{esc(bar.label)}</th>'
                f'<td class="bar-cell"><span class="bar role-{role}" style="width:{width}">'
                f'</span></td><td class="number">{esc(format_number(bar.value))}</td></tr>'
            )
        caption = f'<p class="caption">{esc(chart.caption)}</p>' if chart.caption else ""
        self.out.append(
            f'<figure class="chart"><figcaption>{esc(chart.title)}</figcaption>'
            f'<div class="table-wrap"><table>'
            f'<thead><tr><th scope="col">{esc(chart.label_header)}</th>'
            f'<th scope="col"><span class="note">Chart</span></th>'
            f'<th scope="col" class="number">{esc(chart.value_header)}</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>{caption}</figure>"
        )

    def line_chart(self, chart: LineChart) -> None:
        """An inline SVG of the readings (hidden from screen readers, which read the table
        of the chart's points after it). Only figures and dates we format go in it."""
        width, height = 560.0, 150.0
        shape = layout(chart, width, height)
        accent = accent_colours(self.doc.meta.accent).graphic
        left, bottom, right, _top = shape.plot

        def y(value: float) -> str:
            return f"{height - value:g}"

        parts = [
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:g} {height:g}" '
            'aria-hidden="true" focusable="false" font-size="10" '
            'font-family="Segoe UI, Helvetica Neue, Arial, sans-serif">'
        ]
        for tick in shape.value_ticks:
            parts.append(
                f'<line x1="{left:g}" y1="{y(tick.at)}" x2="{right:g}" y2="{y(tick.at)}" '
                'stroke="#d5d9dc" stroke-width="0.6"/>'
                f'<text x="{left - 5:g}" y="{y(tick.at - 3)}" text-anchor="end" '
                f'fill="#1a1a1a">{esc(tick.label)}</text>'
            )
        for index, tick in enumerate(shape.date_ticks):
            anchor = "start" if index == 0 else ("end" if tick.at > right - 30 else "middle")
            parts.append(
                f'<text x="{tick.at:g}" y="{y(bottom - 13)}" text-anchor="{anchor}" '
                f'fill="#1a1a1a">{esc(tick.label)}</text>'
            )
        parts.append(
            f'<line x1="{left:g}" y1="{y(bottom)}" x2="{right:g}" y2="{y(bottom)}" '
            'stroke="#1a1a1a" stroke-width="0.7"/>'
        )
        if shape.baseline and shape.target:
            (x1, y1), (x2, y2) = shape.baseline, shape.target
            parts.append(
                f'<line x1="{x1:g}" y1="{y(y1)}" x2="{x2:g}" y2="{y(y2)}" stroke="#6b747b" '
                'stroke-width="1" stroke-dasharray="4 3"/>'
            )
        if len(shape.readings) > 1:
            points = " ".join(f"{x:g},{y(v)}" for x, v in shape.readings)
            parts.append(
                f'<polyline points="{points}" fill="none" stroke="{accent}" stroke-width="2.2"/>'
            )
        for x, v in shape.readings:
            parts.append(f'<circle cx="{x:g}" cy="{y(v)}" r="3" fill="{accent}" stroke="#fff"/>')
        if shape.baseline:
            x, v = shape.baseline
            parts.append(
                f'<circle cx="{x:g}" cy="{y(v)}" r="4" fill="#fff" stroke="#6b747b" '
                'stroke-width="1.5"/>'
            )
        if shape.target:
            x, v = shape.target
            diamond = f"{x:g},{y(v + 5.5)} {x + 5.5:g},{y(v)} {x:g},{y(v - 5.5)} {x - 5.5:g},{y(v)}"
            parts.append(f'<polygon points="{diamond}" fill="{accent}"/>')
        parts.append("</svg>")
        self.out.append('<figure class="chart line-chart">' + "".join(parts))
        self.table(chart.as_table())
        if chart.caption:
            self.out.append(f'<figcaption class="caption">{esc(chart.caption)}</figcaption>')
        self.out.append("</figure>")

    def cover(self, cover: Cover) -> None:
        meta = self.doc.meta
        out = ['<header class="cover">']
        if meta.logo is not None:
            data, mime = read_logo(meta.logo)
            encoded = base64.b64encode(data).decode("ascii")
            alt = f"Logo of {meta.prepared_by}" if meta.prepared_by else "Logo"
            out.append(f'<img src="data:{mime};base64,{encoded}" alt="{esc(alt)}">')
        out.append(f'<p class="cover-kicker">{esc(cover.kicker)}</p>')
        out.append(f'<h1 dir="auto">{esc(cover.title)}</h1>')
        if cover.subtitle:
            out.append(f'<p class="subtitle" dir="auto">{esc(cover.subtitle)}</p>')
        if cover.details:
            out.append(
                "<dl>"
                + "".join(
                    f'<dt>{esc(k)}</dt><dd dir="auto">{esc(v)}</dd>' for k, v in cover.details
                )
                + "</dl>"
            )
        if cover.note:
            out.append(f'<p class="cover-note">{esc(cover.note)}</p>')
        out.append("</header>")
        self.out.append("\n".join(out))

    def contents(self, block: Contents) -> None:
        groups: list[tuple[Heading | None, list[Heading]]] = []
        for heading in self.doc.headings(max_level=2):
            if heading.level == 1 or not groups:
                groups.append((heading if heading.level == 1 else None, []))
            if heading.level == 2:
                groups[-1][1].append(heading)

        def link(heading: Heading) -> str:
            return f'<a href="#{css_class(heading.anchor)}">{esc(heading.text)}</a>'

        items = []
        for top, subs in groups:
            inner = "".join(f"<li>{link(h)}</li>" for h in subs)
            items.append(
                f"<li>{link(top) if top else ''}{f'<ol>{inner}</ol>' if inner else ''}</li>"
            )
        self.out.append(
            f'<nav class="contents" aria-labelledby="toc"><h2 id="toc">{esc(block.title)}</h2>'
            f"<ol>{''.join(items)}</ol></nav>"
        )


def render_html(doc: ReportDocument) -> str:
    """``doc`` as one self-contained HTML5 page."""
    return HtmlRenderer(doc).render()
