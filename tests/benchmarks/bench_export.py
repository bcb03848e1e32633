"""Export timings, run on demand: ``python -m tests.benchmarks.bench_export``.

For each worked example, a 2,000-note plan made from the examples' notes, and a plan
with one 200 KB answer: the time our export takes, and the time a bare reportlab build
of the same text takes in the same run, so the ratio shows what our layout costs on top.

The floor ("bare") is every string our PDF prints from its story, the user's words and
ours alike (labels, headings, table headers, contents entries), each set as one plain
paragraph in the font and size our document gives it, on the same page size and frame
width, with the same fonts embedded, in one platypus pass, the way reportlab is usually
given text: as escaped markup that its own parser reads. Left out, because they are what
our layout adds: tables, the contents' page numbers, charts, running header and footer,
bookmarks.

``bare (user)`` is the earlier floor, kept for comparison: the user's strings only, parsed
from escaped markup, in one font and size, with reportlab's default margins.
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from collections.abc import Callable, Sequence

from workbook.examples import list_examples, load_example
from workbook.model import ListeningNote, Plan

REPEATS = 3

Printed = tuple[str, str, float]
"""A string as the PDF prints it: text, font name, size in points."""


def _best(action: Callable[[], object]) -> float:
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def user_strings(plan: Plan) -> list[str]:
    """The user's own strings in ``plan`` (the earlier floor's text)."""
    from tests.export.test_render import user_strings as strings

    return [s for s in strings(plan) if s.strip()]


def printed_strings(plan: Plan) -> list[Printed]:
    """Every string our export prints from its story, with its font and size."""
    from reportlab.graphics.shapes import Drawing
    from reportlab.platypus import Flowable, Paragraph, Table
    from reportlab.platypus.flowables import KeepTogether

    from workbook.export import ExportOptions
    from workbook.export.contents import Contents
    from workbook.export.flowing_table import FlowingTable
    from workbook.export.renderer import PlanRenderer
    from workbook.export.story import Ruled

    out: list[Printed] = []

    def text_of(paragraph: Paragraph) -> str:
        return "".join(
            " " if getattr(f, "lineBreak", False) else getattr(f, "text", "")
            for f in paragraph.frags
        )

    def visit(item: object) -> None:
        if isinstance(item, (list, tuple)):
            for part in item:
                visit(part)
        elif isinstance(item, str):
            if item.strip():
                out.append((item, "WorkbookSans", 8.3))
        elif isinstance(item, Paragraph):
            out.append((text_of(item), item.style.fontName, item.style.fontSize))
        elif isinstance(item, KeepTogether):
            visit(item._content)
        elif isinstance(item, Ruled):
            visit(item.content)
        elif isinstance(item, FlowingTable):
            visit([item.layout.header, *item.layout.rows])
        elif isinstance(item, Table):
            visit(item._cellvalues)
        elif isinstance(item, Contents):
            for level, text, _key in item.entries:
                style = item.level_style(level)
                out.append((text, style.fontName, style.fontSize))
        elif isinstance(item, (Flowable, Drawing)):
            return  # rules, spacers, page breaks, the logo, charts

    visit(PlanRenderer(plan, ExportOptions()).story())
    return [item for item in out if item[0].strip()]


def _strings(plan: Plan) -> list[Printed]:
    """The floor's text for ``plan`` (what :func:`bare_reportlab` is given)."""
    return printed_strings(plan)


def bare_reportlab(texts: Sequence[str | Printed]) -> bytes:
    """The same words through reportlab with nothing of ours: the floor to compare with.

    ``texts``: (text, font, size) as :func:`printed_strings` gives them, set on our
    page and frame, one fragment each; or plain strings, set as the earlier floor did
    (escaped markup, body font and size, reportlab's default margins).
    """
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from workbook.export.fonts import REGULAR, register_bundled_fonts
    from workbook.export.renderer import PlanRenderer
    from workbook.export.text import chunks

    register_bundled_fonts()
    buffer = io.BytesIO()
    if all(isinstance(t, str) for t in texts):
        style = ParagraphStyle("bare", fontName=REGULAR, fontSize=9.5, leading=13.5)
        story = [Paragraph(escape(chunk), style) for text in texts for chunk in chunks(text)]
        SimpleDocTemplate(buffer, pagesize=A4).build(story)
        return buffer.getvalue()
    styles: dict[tuple[str, float], ParagraphStyle] = {}
    story = []
    for item in texts:
        text, font, size = (item, REGULAR, 9.5) if isinstance(item, str) else item
        key = (font, size)
        if key not in styles:
            styles[key] = ParagraphStyle(
                f"bare{len(styles)}", fontName=font, fontSize=size, leading=size * 1.42
            )
        # As reportlab is usually given text: escaped markup, read by its own parser.
        story.append(Paragraph(escape(text), styles[key]))
    r = PlanRenderer
    SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=r.margin_left,
        rightMargin=r.margin_right,
        topMargin=r.margin_top,
        bottomMargin=r.margin_bottom,
    ).build(story)
    return buffer.getvalue()


def many_notes(count: int) -> Plan:
    """The first example with its notes log grown to ``count`` from every example's notes."""
    examples = [load_example(e.name) for e in list_examples()]
    pool = [n for plan in examples for n in plan.listening.notes]
    plan = examples[0]
    plan.listening.notes = [
        ListeningNote.model_validate(pool[i % len(pool)].model_dump() | {"id": f"{i:012x}"})
        for i in range(count)
    ]
    return plan


def big_answer_plan() -> Plan:
    from tests.export.plans import big_answer

    plan = Plan()
    plan.listening.learnings.market_wants = big_answer()
    return plan


def main() -> int:
    from workbook.export import render_pdf

    render_pdf(Plan())  # fonts registered, modules imported: time the work, not the start-up
    cases = [(e.name, load_example(e.name)) for e in list_examples()]
    cases += [("2,000 notes", many_notes(2000)), ("200 KB answer", big_answer_plan())]
    rows = []
    for name, plan in cases:
        pages = 0

        def ours(plan=plan) -> None:
            nonlocal pages
            pages = render_pdf(plan).page_count

        ours_time = _best(ours)
        printed = printed_strings(plan)
        bare_time = _best(lambda printed=printed: bare_reportlab(printed))
        users = user_strings(plan)
        old_time = _best(lambda users=users: bare_reportlab(users))
        rows.append((name, pages, ours_time, bare_time, old_time))
    print(
        f"{'plan':<16}{'pages':>7}{'export s':>11}{'bare s':>9}{'ratio':>8}"
        f"{'bare (user) s':>16}{'ratio':>8}"
    )
    for name, pages, ours_time, bare_time, old_time in rows:
        print(
            f"{name:<16}{pages:>7}{ours_time:>11.2f}{bare_time:>9.2f}"
            f"{ours_time / bare_time:>8.2f}{old_time:>16.2f}{ours_time / old_time:>8.2f}"
        )
    print(
        f"(best of {REPEATS}; median ratio {statistics.median(r[2] / r[3] for r in rows):.2f}"
        f" against bare, {statistics.median(r[2] / r[4] for r in rows):.2f} against "
        "bare (user))"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
