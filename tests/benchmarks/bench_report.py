"""Word, Markdown and HTML export timings: ``python -m tests.benchmarks.bench_report``.

For each worked example and the 2,000-note plan, in the same run, both starting from the
plan:

- **export**: our export in memory, ``build_report`` (the document's text and structure
  made from the plan: the editorial choices, shared by all four formats) then the renderer.
- **bare**: the same text from the plan, set with the same library and nothing else:
  ``build_report``, then every string the document prints as one plain paragraph.

The target is export/bare of 1.5 or less. Both sides make the text from the plan, so the
ratio is what our rendering adds to a bare build of the same text. Two more figures keep
the rest in sight: ``build`` alone in milliseconds (it is most of an HTML or Markdown
export: the readiness assessment, the summary's quotes, the notes log's rows), and
``render/text``, our renderer against the bare build given the text already made (the
strictest form; before 27 November 2026 the table's ratio was export against that, which
put the shared build on one side only).

The floor's text is every string the document prints (the user's words and ours alike:
headings, labels, table headers and cells, quotes), each as one plain paragraph:

- Word: ``python-docx``'s ``Document()``, one ``add_paragraph(text)`` per string, saved.
- HTML: each string through ``html.escape`` in a ``<p>``, in a minimal page.
- Markdown: each string through the renderer's own escaping (the only "library" Markdown
  has), as a paragraph.

Left out of the floor, because they are what our renderers add: tables and their column
widths, styles, the contents, the cover, charts, header and footer.
"""

from __future__ import annotations

import html
import io
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date

from workbook.examples import list_examples, load_example
from workbook.model import Plan
from workbook.report import build_report, render_report
from workbook.report.blocks import (
    BarChart,
    BulletList,
    Checklist,
    Cover,
    Heading,
    KeyValues,
    LineChart,
    Paragraph,
    Quote,
    ReportDocument,
    Revision,
    Table,
)

REPEATS = 5
"""Rounds for a pair that takes a while (the 2,000-note Word file); quick pairs get
QUICK_REPEATS, which steadies the minimum on a busy machine."""
QUICK_REPEATS = 15
FORMATS = ("docx", "md", "html")
TODAY = date(2026, 11, 27)
TARGET = 1.5


def _best(action: Callable[[], object]) -> float:
    return _best_pair(action, lambda: None)[0]


def _best_pair(ours: Callable[[], object], bare: Callable[[], object]) -> tuple[float, float]:
    """The best time of each, run in turn (ours, bare, ours, …) so that a busy spell on the
    machine falls on both sides alike."""
    times: tuple[list[float], list[float]] = ([], [])
    rounds = REPEATS
    while len(times[0]) < rounds:
        for action, kept in zip((ours, bare), times, strict=True):
            start = time.perf_counter()
            action()
            kept.append(time.perf_counter() - start)
        if len(times[0]) == 1 and times[0][0] + times[1][0] < 0.05:
            rounds = QUICK_REPEATS
    return min(times[0]), min(times[1])


def printed_strings(doc: ReportDocument) -> list[str]:
    """Every string the document prints, in order."""
    out: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Paragraph | Heading):
            out.append(block.text)
        elif isinstance(block, Cover):
            out += [block.kicker, block.title, block.subtitle, block.note]
            out += [f"{label}: {value}" for label, value in block.details]
        elif isinstance(block, KeyValues):
            out += [f"{label}: {value}" for label, value in block.items]
        elif isinstance(block, Table):
            out += [c.header for c in block.columns] + [c for row in block.rows for c in row]
        elif isinstance(block, BarChart):
            out.append(block.title)
            out += [f"{bar.label} {bar.value:g}" for bar in block.bars]
        elif isinstance(block, Quote):
            out += [block.text, block.attribution]
        elif isinstance(block, Checklist):
            out += [item.text for item in block.items]
        elif isinstance(block, BulletList):
            out += list(block.items)
        elif isinstance(block, LineChart):
            table = block.as_table()
            out += [block.caption, *(c for row in table.rows for c in row)]
        elif isinstance(block, Revision):
            out += [block.label, "".join(run.text for run in block.runs)]
    return [s for s in out if s.strip()]


def bare_docx(strings: list[str]) -> bytes:
    from docx import Document

    document = Document()
    for text in strings:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def bare_html(strings: list[str]) -> bytes:
    body = "\n".join(f"<p>{html.escape(text, quote=True)}</p>" for text in strings)
    head = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>x</title></head>'
    page = f"{head}<body>{body}</body></html>"
    return page.encode("utf-8")


def bare_markdown(strings: list[str]) -> bytes:
    from workbook.report.markdown import escape_text

    return "\n\n".join(p for text in strings for p in escape_text(text)).encode("utf-8")


BARE = {"docx": bare_docx, "html": bare_html, "md": bare_markdown}


def many_notes(count: int) -> Plan:
    """The first example with its notes log grown to ``count`` from every example's notes."""
    from tests.benchmarks.bench_export import many_notes as grow

    return grow(count)


def main() -> int:
    render_report(build_report(Plan(), today=TODAY), "docx")  # imports done: time the work
    cases = [(e.name, load_example(e.name)) for e in list_examples()]
    cases.append(("2,000 notes", many_notes(2000)))
    print(
        f"{'plan':<14}{'format':>7}{'build ms':>10}{'export ms':>11}{'bare ms':>9}"
        f"{'export/bare':>13}{'render/text':>13}"
    )
    ratios: dict[str, list[float]] = {fmt: [] for fmt in FORMATS}
    strict: dict[str, list[float]] = {fmt: [] for fmt in FORMATS}
    for name, plan in cases:
        build_time = _best(lambda plan=plan: build_report(plan, today=TODAY))
        doc = build_report(plan, today=TODAY)
        strings = printed_strings(doc)  # outside the timings: the benchmark's own reading
        for fmt in FORMATS:

            def export(plan=plan, fmt=fmt) -> None:
                render_report(build_report(plan, today=TODAY), fmt)

            def bare(plan=plan, fmt=fmt, strings=strings) -> None:
                build_report(plan, today=TODAY)
                BARE[fmt](strings)

            export_time, bare_time = _best_pair(export, bare)
            render_time, text_time = _best_pair(
                lambda doc=doc, fmt=fmt: render_report(doc, fmt),
                lambda fmt=fmt, strings=strings: BARE[fmt](strings),
            )
            ratio = export_time / bare_time
            ratios[fmt].append(ratio)
            strict[fmt].append(render_time / text_time)
            flag = "" if ratio <= TARGET else "  over target"
            print(
                f"{name:<14}{fmt:>7}{build_time * 1000:>10.1f}{export_time * 1000:>11.1f}"
                f"{bare_time * 1000:>9.1f}{ratio:>13.2f}{render_time / text_time:>13.2f}{flag}"
            )
    medians = ", ".join(f"{fmt} {statistics.median(r):.2f}" for fmt, r in ratios.items())
    strict_medians = ", ".join(f"{fmt} {statistics.median(r):.2f}" for fmt, r in strict.items())
    print(
        f"(best of {QUICK_REPEATS}, or {REPEATS} when slow, run in turn; "
        "export = build + render, bare = build + the text set bare; "
        f"median export/bare: {medians}; median render/text: {strict_medians})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
