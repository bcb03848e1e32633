"""The plain-reportlab layout, used when the fast one fails: forced here, read back whole."""

from __future__ import annotations

import re

import pytest

from tests.export import pdfcheck
from tests.export.plans import hostile_plan
from tests.export.test_render import assert_sound_pdf, user_strings
from workbook.examples import load_example
from workbook.export import ExportCancelled, ExportError, ExportOptions, render_pdf
from workbook.export import flowing_table as fast_tables
from workbook.export.plain import PlainRenderer
from workbook.export.renderer import PlanRenderer


def break_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the fast layout fail the way a moved reportlab internal would."""

    def fail(*args, **kwargs):
        raise AttributeError("'LongTable' object has no attribute '_rowHeights'")

    monkeypatch.setattr(fast_tables, "row_heights", fail)


@pytest.fixture
def broken_fast_path(monkeypatch):
    break_fast_path(monkeypatch)


def test_a_failing_fast_path_falls_back_to_a_correct_plain_pdf(monkeypatch):
    plan = load_example("bakery")
    usual = render_pdf(plan)
    break_fast_path(monkeypatch)
    with pytest.raises(AttributeError):
        PlanRenderer(plan, ExportOptions()).render()
    result = render_pdf(plan)
    assert_sound_pdf(result.data)
    # Said, once, in words.
    (note,) = [w for w in result.warnings if "simpler layout" in w]
    assert "AttributeError" in note and "Please report" in note
    # Every word the user wrote is there, whole. reportlab's own tables split a row that
    # does not fit at the foot of a page, cell by cell, so its strings are read as words.
    text = pdfcheck.extract_text(result.data)
    assert pdfcheck.broken_words(user_strings(plan), text) == []
    # The page count is that of the usual layout, give or take a few pages.
    assert abs(result.page_count - usual.page_count) <= 3
    pages = pdfcheck.page_texts(result.data)
    assert f"Page 2 of {result.page_count}" in pages[1]
    assert f"Page {result.page_count} of {result.page_count}" in pages[-1]
    # The contents list the headings with the pages they are on, and link to them.
    outline = pdfcheck.outline_pages(result.data, levels=2)  # as the contents
    # reportlab's own contents are roomier: they may take two pages.
    contents = "\n".join(pages[1 : dict(outline)["Executive summary"] - 1])
    assert contents.startswith("Contents") or "\nContents\n" in contents
    assert [title for title, _page in outline][:2] == ["Executive summary", "What we heard"]
    numbers = [int(n) for n in re.findall(r"\.\s*(\d+)\s*$", contents, re.MULTILINE)]
    assert numbers == [page for _title, page in outline]
    for title, page in outline:
        assert title in contents
        assert title.split()[0] in pages[page - 1]


def test_the_plain_path_prints_hostile_text_literally():
    plan = hostile_plan(notes=150, big=False)
    result = PlainRenderer(plan, ExportOptions(page_size="Letter")).render()
    assert_sound_pdf(result.data)
    text = pdfcheck.extract_text(result.data, body_only=True)
    assert pdfcheck.missing_strings([s for s in user_strings(plan) if s.strip()], text) == []
    flat = pdfcheck.flat(text)
    for literal in ("<b>", "x<y>z", "AT&T", "&amp;", "&#99999999;", '<imgsrc="/etc/passwd"/>'):
        assert literal in flat


def test_the_plain_path_cuts_rows_taller_than_a_page():
    plan = load_example("bakery")
    plan.listening.notes[0].said = "W" * 3000
    result = PlainRenderer(plan, ExportOptions()).render()
    assert pdfcheck.flat(pdfcheck.extract_text(result.data)).count("W") >= 3000


def test_cancel_is_not_mistaken_for_a_failure(broken_fast_path):
    with pytest.raises(ExportCancelled):
        render_pdf(load_example("bakery"), is_cancelled=lambda: True)


def test_when_both_layouts_fail_the_user_gets_a_message(broken_fast_path, monkeypatch):
    def fail(self, buffer, story):
        raise ValueError("plain layout broken too")

    monkeypatch.setattr(PlainRenderer, "build", fail)
    with pytest.raises(ExportError) as caught:
        render_pdf(load_example("bakery"))
    message = str(caught.value)
    assert "could not be laid out" in message and "Please report" in message
    assert "AttributeError" in message and "plain layout broken too" in message
