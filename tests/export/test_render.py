"""Real PDFs read back: worked examples, a blank plan, a hostile plan, options, failures."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.export import pdfcheck
from tests.export.plans import EMOJI, LONG_URL, LONG_WORD, SCRIPTS, hostile_plan
from tests.report.plans import user_strings
from workbook.examples import list_examples, load_example
from workbook.export import (
    ExportCancelled,
    ExportError,
    ExportOptions,
    default_pdf_path,
    export_pdf,
    render_pdf,
)
from workbook.export.fonts import cjk_font
from workbook.model import ListeningNote, Plan


def assert_sound_pdf(data: bytes) -> None:
    assert data.startswith(b"%PDF-")
    assert pdfcheck.structure_problems(data) == []
    fonts = pdfcheck.font_report(data)
    assert fonts, "no fonts at all"
    not_embedded = [name for name, embedded in fonts.items() if not embedded]
    assert not_embedded == []


# ---------------------------------------------------------------- worked examples


@pytest.fixture(scope="module", params=[e.name for e in list_examples()])
def example(request):
    plan = load_example(request.param)
    options = ExportOptions(consultant_name="Ana Ruiz", consultant_company="Ruiz & Partners")
    return plan, render_pdf(plan, options)


def test_example_has_every_word_the_user_typed_whole(example):
    plan, result = example
    text = pdfcheck.extract_text(result.data, body_only=True)
    strings = user_strings(plan)
    assert pdfcheck.missing_strings(strings, text) == []
    # No word of four letters or more is cut between two lines.
    assert pdfcheck.broken_words(strings, pdfcheck.extract_text(result.data)) == []
    assert result.warnings == ()


def test_example_is_a_sound_pdf_with_contents_outline_and_metadata(example):
    plan, result = example
    assert_sound_pdf(result.data)
    assert pdfcheck.page_count(result.data) == result.page_count
    assert 10 <= result.page_count <= 80
    text = pdfcheck.extract_text(result.data)
    for heading in (
        "Contents",
        "Executive summary",
        "What we heard",
        "Management & Administration",
        "Listening & Learning",
        "Thinking & Planning",
        "Engagement",
        "The 7 P's",
        "The four A's",
        "What each method costs and builds",
        "Themes and sentiment",
        "Appendix A: Listening notes",
        "Sources",
    ):
        assert heading in text
    assert f"Page 2 of {result.page_count}" in text
    assert f"Page {result.page_count} of {result.page_count}" in text
    titles = pdfcheck.outline_titles(result.data)
    assert titles[:2] == ["Executive summary", "What we heard"]
    assert f"About {plan.details.organisation}" in titles
    meta = pdfcheck.metadata(result.data)
    assert meta["Title"] == plan.details.title
    # One preparer: the plan's own, else the consultant's profile.
    assert meta["Author"] == (plan.details.prepared_by or "Ana Ruiz, Ruiz & Partners")
    assert plan.details.organisation in meta["Subject"]
    assert meta["Creator"].startswith("Social Media Value Workbook")


def test_contents_lists_the_pages_the_headings_are_on(example):
    _plan, result = example
    pages = pdfcheck.page_texts(result.data)
    contents = pages[1]
    assert contents.splitlines()[2] == "Contents", "the contents fit on one page"
    numbers = [int(n) for n in re.findall(r"\.\s*(\d+)\s*$", contents, re.MULTILINE)]
    outline = pdfcheck.outline_pages(result.data, levels=2)  # as the contents
    assert numbers == [page for _title, page in outline]
    assert max(numbers) == next(
        i + 1 for i, text in enumerate(pages) if i > 1 and "\nSources\n" in f"\n{text}\n"
    )
    # Each entry's link goes to the page it names.
    assert pdfcheck.link_pages(result.data, 2) == numbers


def test_bookmarks_open_the_page_of_their_heading(example):
    _plan, result = example
    pages = pdfcheck.page_texts(result.data)
    bookmarks = dict(pdfcheck.outline_pages(result.data))
    assert bookmarks["Executive summary"] == 3
    for title, page in bookmarks.items():
        assert title in pages[page - 1].replace("\n", " "), (title, page)


# ---------------------------------------------------------------- blank plan


def test_blank_plan_gives_a_short_pdf_listing_what_is_open():
    result = render_pdf(Plan())
    assert_sound_pdf(result.data)
    text = pdfcheck.extract_text(result.data)
    assert "Social media strategy" in text
    assert "Appendix A: Readiness checklist" in text
    assert "Plan title" in text and "Presence inventory: at least one channel" in text
    assert "Nothing has been written for this stage yet." in text
    # Headings of blank fields are left out: no label without an answer.
    assert "WHAT THE MARKET WANTS" not in text
    assert result.page_count < 15
    assert result.warnings == ()


# ---------------------------------------------------------------- hostile plan


@pytest.fixture(scope="module")
def hostile():
    """2,000 notes, a 200 KB answer, markup, every script, emoji: built once per session."""
    plan = hostile_plan(notes=2000, big=True)
    result = render_pdf(plan)
    return plan, result, pdfcheck.extract_text(result.data, body_only=True)


def test_hostile_plan_prints_every_string_literally(hostile):
    plan, result, text = hostile
    strings = user_strings(plan)
    assert EMOJI in strings
    assert pdfcheck.missing_strings(strings, text) == []
    flat = pdfcheck.flat(text)
    for literal in (
        "<b>",
        "x<y>z",
        "AT&T",
        "&amp;",
        "&#99999999;",
        "<fontsize=80>",
        '<imgsrc="/etc/passwd"/>',
    ):
        assert literal in flat
    assert pdfcheck.flat(LONG_URL) in flat
    assert pdfcheck.flat(LONG_WORD) in flat
    assert "Line one\nLine two\nLine three" in text  # newlines kept


def test_hostile_plan_is_sound_and_plausible(hostile):
    _plan, result, _text = hostile
    assert_sound_pdf(result.data)
    # 2,000 notes at a handful per page, plus ~55 pages of the 200 KB answer.
    assert 250 <= result.page_count <= 1500


def test_emoji_are_printed_from_the_bundled_emoji_font(hostile):
    _plan, result, text = hostile
    assert "🥖" in text and "😀" in text
    assert "[emoji]" not in text
    assert result.warnings == ()
    fonts = pdfcheck.font_report(result.data)
    assert any("NotoEmoji" in name for name in fonts)
    assert all("DejaVuSans" in name or "NotoEmoji" in name for name in fonts)


def test_characters_no_font_has_are_left_out_with_one_warning_naming_the_font():
    plan = Plan()
    plan.details.industry = "Bakery क्ष and 𓀀 hieroglyph"
    plan.listening.learnings.market_wants = "More क"
    result = render_pdf(plan)
    text = pdfcheck.extract_text(result.data)
    assert "Bakery and hieroglyph" in " ".join(text.split())
    assert "[U+" not in text and "[emoji]" not in text
    (warning,) = result.warnings
    assert "U+0915" in warning and "U+13000" in warning
    assert "left out" in warning and "Noto Sans Devanagari" in warning


def test_scripts_render_with_the_bundled_font(hostile):
    _plan, _result, text = hostile
    for script in ("latin", "greek", "cyrillic"):
        assert pdfcheck.flat(SCRIPTS[script]) in pdfcheck.flat(text)


def test_markup_in_title_and_metadata_stays_literal(hostile):
    plan, result, _text = hostile
    meta = pdfcheck.metadata(result.data)
    assert meta["Title"] == plan.details.title == "Plan <b>bold</b> & AT&T"


def test_headings_in_the_contents_stay_literal(hostile):
    plan, result, _text = hostile
    (contents,) = pdfcheck.page_texts(result.data, range(2, 3))
    assert f"About {plan.details.organisation}" in contents
    assert "About Crumb & Co. <i>Bakery</i>" in contents


def test_a_very_long_organisation_name_still_exports():
    plan = Plan()
    plan.details.organisation = "Harbour Bikes and Repairs " * 400
    plan.details.offering = "Repairs"
    result = render_pdf(plan)
    about = next(t for t in pdfcheck.outline_titles(result.data) if t.startswith("About"))
    # The heading (and its contents line) quotes the name briefly; the cover has it all.
    assert about.startswith("About Harbour Bikes and Repairs") and about.endswith("…")
    assert len(about) < 120
    # The cover runs over several pages (no running header there, page numbers after
    # the first): read them up to the contents.
    pages = pdfcheck.page_texts(result.data)
    cover = pages[: next(i for i, p in enumerate(pages) if "\nContents\n" in f"\n{p}\n")]
    lines = [
        line
        for page in cover
        for line in page.splitlines()
        if not re.fullmatch(r"Page \d+ of \d+", line)
    ]
    assert pdfcheck.flat(plan.details.organisation) in pdfcheck.flat("".join(lines))


def test_emoji_outside_the_basic_plane_is_found_as_typed():
    """Our fonts' Unicode maps, read by a PDF reader: an emoji outside the Basic
    Multilingual Plane is found as typed."""
    plan = Plan()
    plan.details.industry = EMOJI
    result = render_pdf(plan)
    assert "😀" in pdfcheck.extract_text(result.data)


# ---------------------------------------------------------------- CJK


def test_cjk_renders_when_the_computer_has_a_font():
    if cjk_font() is None:
        pytest.skip("no TrueType CJK font on this computer (Debian: fonts-wqy-zenhei)")
    plan = Plan()
    plan.details.title = "面包店 社交媒体计划"
    plan.listening.learnings.market_wants = "日本語のテキスト と 한국어 텍스트"
    result = render_pdf(plan)
    text = pdfcheck.extract_text(result.data)
    assert "面包店" in text
    assert pdfcheck.flat("日本語のテキスト") in pdfcheck.flat(text)
    assert "한국어" in text
    assert result.warnings == ()
    assert_sound_pdf(result.data)


# ---------------------------------------------------------------- options


def test_letter_page_size_and_guidance():
    from workbook import guidance
    from workbook.report import ReportOptions

    plan = load_example(list_examples()[0].name)
    letter = render_pdf(plan, ExportOptions(page_size="Letter"))
    assert pdfcheck.page_size(letter.data) == (612, 792)
    intro = " ".join(guidance.SECTION_INTROS["listening.places"].split()[:8])
    answers_only = " ".join(pdfcheck.extract_text(letter.data).split())
    assert intro not in answers_only
    guided = render_pdf(plan, ExportOptions(report=ReportOptions(guidance=True)))
    assert intro in " ".join(pdfcheck.extract_text(guided.data).split())
    no_prompts = ExportOptions(include_prompts=False, report=ReportOptions(guidance=True))
    assert intro not in " ".join(pdfcheck.extract_text(render_pdf(plan, no_prompts).data).split())


def test_accent_colour_is_used():
    data = render_pdf(Plan(), ExportOptions(accent="#ff0000")).data
    assert b"1 0 0 rg" in pdfcheck.page_content(data, range(1, 3))


@pytest.mark.parametrize("accent", ["red", "#12345", "#GGGGGG", ""])
def test_bad_accent_is_refused(accent):
    with pytest.raises(ExportError, match="colour"):
        render_pdf(Plan(), ExportOptions(accent=accent))


def test_bad_page_size_is_refused():
    with pytest.raises(ExportError, match="A4 or Letter"):
        render_pdf(Plan(), ExportOptions(page_size="A3"))


def test_logo_is_drawn(tmp_path):
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (300, 100), "#336699").save(logo)
    data = render_pdf(Plan(), ExportOptions(logo=logo)).data
    assert pdfcheck.drawn_object_count(data) >= 2  # cover and running header
    assert pdfcheck.image_count(data) <= pdfcheck.page_count(data)  # the picture once


@pytest.mark.parametrize("content", [b"", b"not an image", b"GIF89a" + b"\0" * 40])
def test_unreadable_logo_is_a_clear_error(tmp_path, content):
    logo = tmp_path / "logo.png"
    logo.write_bytes(content)
    with pytest.raises(ExportError, match="logo") as info:
        render_pdf(Plan(), ExportOptions(logo=logo))
    assert str(logo) in str(info.value)


def test_missing_logo_is_a_clear_error(tmp_path):
    with pytest.raises(ExportError, match="not found"):
        render_pdf(Plan(), ExportOptions(logo=tmp_path / "nope.png"))


# ---------------------------------------------------------------- progress and cancel


def test_progress_rises_to_done():
    seen: list[float] = []
    render_pdf(load_example(list_examples()[0].name), progress=lambda f, m: seen.append(f))
    assert seen[0] < 0.2 and seen[-1] == 1.0
    assert seen == sorted(seen)
    assert len(seen) > 3


def test_progress_moves_all_through_a_long_notes_log():
    plan = Plan()
    plan.listening.notes = [
        ListeningNote(said=f"Note {i}: " + "what they said " * 12, wants="to be heard " * 5)
        for i in range(300)
    ]
    seen: list[float] = []
    render_pdf(plan, progress=lambda f, m: seen.append(f))
    assert seen == sorted(seen) and seen[-1] == 1.0
    laying_out = [f for f in seen if 0.15 <= f <= 0.95]
    # Page by page through the log, not one jump when the whole table is placed.
    assert len(set(laying_out)) >= 30
    assert max(b - a for a, b in zip(laying_out, laying_out[1:], strict=False)) < 0.05


def test_cancel_during_layout_stops_the_export():
    calls = {"n": 0}

    def cancelled() -> bool:
        calls["n"] += 1
        return calls["n"] > 3  # a few checks in: the story is built, layout has begun

    with pytest.raises(ExportCancelled):
        render_pdf(load_example(list_examples()[0].name), is_cancelled=cancelled)


# ---------------------------------------------------------------- writing


def test_export_writes_atomically_and_keeps_a_good_pdf_on_failure(tmp_path):
    target = tmp_path / "plan.pdf"
    export_pdf(Plan(), target)
    good = target.read_bytes()
    assert good.startswith(b"%PDF")
    with pytest.raises(ExportError):
        export_pdf(Plan(), target, ExportOptions(accent="nonsense"))
    with pytest.raises(ExportCancelled):
        export_pdf(Plan(), target, is_cancelled=lambda: True)
    assert target.read_bytes() == good
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.pdf"]


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        export_pdf(Plan(), tmp_path / "gone" / "plan.pdf")


def test_locked_target_is_a_clear_error(tmp_path, monkeypatch):
    import workbook.export.writing as writing

    def locked(path, data):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(writing, "write_atomic", locked)
    with pytest.raises(ExportError, match="close it and export again"):
        export_pdf(Plan(), tmp_path / "plan.pdf")


def test_default_pdf_path_is_beside_the_plan():
    assert default_pdf_path(Path("/x/y/client plan.json")) == Path("/x/y/client plan.pdf")
