"""The client document as a PDF, read back: no word broken across lines (long web addresses
and handles, a CJK plan), the accent's contrast fallback, the readiness appendix."""

from __future__ import annotations

import pytest

from tests.export import pdfcheck
from tests.export.test_render import assert_sound_pdf, user_strings
from workbook.export import ExportOptions, render_pdf
from workbook.export.fonts import cjk_font
from workbook.model import Activity, Channel, ListeningNote, Person, Plan
from workbook.report.colour import TEXT_CONTRAST, accent_colours, contrast

HANDLES = [
    "@crumbandco_bakes_sourdough_every_morning",
    "https://www.instagram.com/crumbandco_bakery_wrenford/reels/dough-at-dawn-behind-the-scenes",
    "orders.and.celebration-cakes@crumbandco-bakery.example.co.uk",
    "https://crumbandco.example.com/journal/allergen-sheets/2026/nut-free-celebration-cakes",
]


def long_token_plan() -> Plan:
    plan = Plan()
    plan.details.organisation = "Crumb & Co. Bakery"
    plan.details.website = HANDLES[3]
    plan.management.presence = [
        Channel(platform="instagram", handle=HANDLES[0], purpose=HANDLES[1], owner="Priya"),
        Channel(platform="other", handle=HANDLES[2], purpose="Orders by e-mail", owner="Maria"),
        Channel(platform="blog", handle=HANDLES[3], purpose="Allergen sheets", owner="Tom"),
    ]
    plan.management.people = [Person(name="Priya", role=HANDLES[2], can_publish=True)]
    plan.listening.notes = [
        ListeningNote(source=HANDLES[1], who=HANDLES[0], said=f"See {HANDLES[3]} please")
    ]
    plan.engagement.activities = [Activity(activity="Clips", channel=HANDLES[1], owner=HANDLES[0])]
    return plan


def test_long_web_addresses_and_handles_break_only_where_they_may():
    plan = long_token_plan()
    result = render_pdf(plan)
    assert_sound_pdf(result.data)
    text = pdfcheck.extract_text(result.data)
    assert pdfcheck.broken_words(user_strings(plan), text) == []
    flat = pdfcheck.flat(text)
    for token in HANDLES:
        assert pdfcheck.flat(token) in flat, token
    # Every one of them broke at a / . _ - or @ where it had to: none needed a hyphen.
    assert pdfcheck.SOFT_HYPHEN not in text
    assert any(line.endswith("/") for line in text.splitlines())


def test_a_cjk_plan_keeps_its_latin_words_whole():
    if cjk_font() is None:
        pytest.skip("no TrueType CJK font on this computer (Debian: fonts-wqy-zenhei)")
    plan = Plan()
    plan.details.title = "面包店 社交媒体计划 2026"
    plan.details.organisation = "東京ベーカリー Tokyo Bakery"
    plan.listening.learnings.market_wants = (
        "顾客希望每天早上都能买到新鲜的面包，并且希望知道哪些面包含有坚果。Customers want "
        "allergen information 과 신선한 빵을 원합니다. " * 6
    )
    plan.listening.notes = [
        ListeningNote(
            said="日本語のテキストと長い文章が続きます。" * 20 + " sourdough please", who="Li"
        )
    ]
    result = render_pdf(plan)
    assert result.warnings == ()
    text = pdfcheck.extract_text(result.data)
    assert pdfcheck.broken_words(user_strings(plan), text) == []
    assert (
        pdfcheck.missing_strings(user_strings(plan), pdfcheck.extract_text(result.data, True)) == []
    )


@pytest.mark.parametrize("accent", ["#FFE600", "#FFFFFF"])
def test_an_accent_too_light_to_read_is_darkened_and_said(accent):
    result = render_pdf(Plan(), ExportOptions(accent=accent))
    (warning,) = result.warnings
    assert accent in warning and "too light" in warning
    shades = accent_colours(accent)
    assert contrast(shades.text, "#FFFFFF") >= TEXT_CONTRAST
    assert contrast(shades.on_base, accent) >= TEXT_CONTRAST
    # Headings are drawn in the darker shade; the accent itself never colours text.
    drawn = pdfcheck.page_content(result.data, range(1, pdfcheck.page_count(result.data) + 1))
    assert _fill(shades.text) in drawn


def _fill(hex_colour: str) -> bytes:
    """How reportlab writes a fill colour in a page's drawing instructions."""

    def number(value: float) -> str:
        text = f"{value:.6f}".rstrip("0").rstrip(".")
        return text[1:] if text.startswith("0.") else text

    parts = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return (" ".join(number(v) for v in parts) + " rg").encode()


def test_an_accent_that_reads_is_used_as_it_is():
    assert render_pdf(Plan(), ExportOptions(accent="#1F6F8B")).warnings == ()


def test_the_readiness_appendix_lists_each_open_item_once():
    plan = Plan()
    plan.management.presence = [Channel(platform="facebook", handle="@same") for _ in range(2)]
    result = render_pdf(plan)
    pages = pdfcheck.page_texts(result.data)
    start = next(i for i, p in enumerate(pages) if "Appendix A: Readiness checklist" in p and i > 1)
    items = [line for page in pages[start:] for line in page.splitlines() if line.startswith("☐")]
    assert len(items) > 10
    assert len(items) == len(set(items)), "no item listed twice"


def test_the_notes_log_of_2000_notes_comes_after_the_strategy():
    from workbook.examples import list_examples, load_example

    examples = [load_example(e.name) for e in list_examples()]
    pool = [n for plan in examples for n in plan.listening.notes]
    plan = load_example("bakery")
    plan.listening.notes = [
        ListeningNote.model_validate(pool[i % len(pool)].model_dump() | {"id": f"{i:012x}"})
        for i in range(2000)
    ]
    result = render_pdf(plan)
    outline = pdfcheck.outline_pages(result.data)
    first = {}
    for title, page in outline:
        first.setdefault(title, page)
    # The strategy first; the 2,000 notes (hundreds of pages) in an appendix after it.
    assert first["Thinking & Planning"] <= 30
    assert first["Engagement"] < first["Appendix A: Listening notes"]
    assert result.page_count > 150
