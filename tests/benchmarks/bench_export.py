"""Export timings, run on demand: ``python -m tests.benchmarks.bench_export``.

For each worked example, a 2,000-note plan made from the examples' notes, and a plan
with one 200 KB answer: the time our export takes, and the time a bare reportlab build
of the same text takes in the same run (one paragraph per text, one font, no tables,
no contents, a single pass) so the ratio shows what our layout costs on top.
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from collections.abc import Callable

from workbook.examples import list_examples, load_example
from workbook.model import ListeningNote, Plan

REPEATS = 3


def _best(action: Callable[[], object]) -> float:
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def _strings(plan: Plan) -> list[str]:
    from tests.export.test_render import user_strings

    return [s for s in user_strings(plan) if s.strip()]


def bare_reportlab(texts: list[str]) -> bytes:
    """The same words through reportlab with nothing of ours: the floor to compare with."""
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from workbook.export.fonts import REGULAR, register_bundled_fonts
    from workbook.export.text import chunks

    register_bundled_fonts()
    style = ParagraphStyle("bare", fontName=REGULAR, fontSize=9.5, leading=13.5)
    story = [Paragraph(escape(chunk), style) for text in texts for chunk in chunks(text)]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story)
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
        texts = _strings(plan)
        bare_time = _best(lambda texts=texts: bare_reportlab(texts))
        rows.append((name, pages, ours_time, bare_time))
    print(f"{'plan':<16}{'pages':>7}{'export s':>11}{'bare s':>9}{'ratio':>8}")
    for name, pages, ours_time, bare_time in rows:
        print(f"{name:<16}{pages:>7}{ours_time:>11.2f}{bare_time:>9.2f}"
              f"{ours_time / bare_time:>8.1f}")
    print(f"(best of {REPEATS}; median ratio "
          f"{statistics.median(r[2] / r[3] for r in rows):.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
