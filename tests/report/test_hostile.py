"""The hostile plan through every format: each string comes back as text, and no element,
link or formatting is made from it (the neutral twin renders to the same structure)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.report import readers
from tests.report.plans import expected_lines, hostile_plan, neutral_twin
from workbook.report import ReportKind, ReportOptions, build_report, render_report

TODAY = date(2026, 11, 27)
KINDS = [ReportKind.CLIENT, ReportKind.WORKSHEET]


@pytest.fixture(scope="module")
def plans():
    plan = hostile_plan()
    return plan, neutral_twin(plan)


def rendered(plan, fmt: str, kind: ReportKind = ReportKind.CLIENT) -> bytes:
    return render_report(build_report(plan, ReportOptions(kind=kind), today=TODAY), fmt)


# ---------------------------------------------------------------- Markdown


def test_markdown_gives_back_every_string_as_text(plans):
    plan, _ = plans
    text = readers.markdown_text(rendered(plan, "md").decode("utf-8"))
    missing = [line for line in expected_lines(plan) if line not in text]
    assert missing == []


@pytest.mark.parametrize("kind", KINDS)
def test_markdown_makes_no_markup_from_user_text(plans, kind):
    plan, twin = plans
    hostile_md = rendered(plan, "md", kind).decode("utf-8")
    assert readers.markdown_shape(hostile_md) == readers.markdown_shape(
        rendered(twin, "md", kind).decode("utf-8")
    )
    tokens = readers.markdown_tokens(hostile_md)
    kinds = {t.type for t in tokens}
    assert not kinds & {"html_inline", "html_block", "image", "code_inline", "code_block", "fence"}
    links = [t.attrGet("href") for t in tokens if t.type == "link_open"]
    assert links and all(str(href).startswith("#") for href in links)


def test_markdown_escapes_the_troublemakers_exactly():
    from workbook.report.markdown import escape_line

    md = readers.markdown_parser()
    for line in (
        "# x",
        "- x",
        "12. x",
        "3) x",
        "> x",
        "<b>x</b>",
        "[a](b)",
        "![a](b)",
        "*a* _b_",
        "`c`",
        "a | b",
        "---",
        "===",
        "+ x",
        "&amp;",
        "\\",
        "www.example.com",
        "https://example.com",
        "a@example.com",
    ):
        html = md.render(escape_line(line))
        assert html == f"<p>{_html_escape(line)}</p>\n", line


def _html_escape(text: str) -> str:
    import html

    return html.escape(text, quote=True)


# ---------------------------------------------------------------- HTML


def test_html_gives_back_every_string_as_text(plans):
    plan, _ = plans
    root = readers.parse_html(rendered(plan, "html").decode("utf-8"))
    text = readers.html_text(root)
    missing = [line for line in expected_lines(plan) if line not in text]
    assert missing == []


@pytest.mark.parametrize("kind", KINDS)
def test_html_makes_no_element_or_attribute_from_user_text(plans, kind):
    plan, twin = plans
    root = readers.parse_html(rendered(plan, "html", kind).decode("utf-8"))
    twin_root = readers.parse_html(rendered(twin, "html", kind).decode("utf-8"))
    assert readers.html_shape(root) == readers.html_shape(twin_root)
    tags = readers.html_tags(root)
    for tag in ("script", "img", "iframe", "object", "embed", "link", "base", "form"):
        assert tags[tag] == 0, tag
    assert tags["style"] == 1
    for element in root.iter():
        for name, value in element.attrib.items():
            assert not name.casefold().startswith("on"), name
            if name == "href":
                assert value.startswith("#"), value


# ---------------------------------------------------------------- Word


def test_word_gives_back_every_string_verbatim(plans):
    plan, _ = plans
    document = readers.docx_document(rendered(plan, "docx"))
    paragraphs = readers.docx_paragraph_texts(document)
    text = readers.docx_text(document)
    missing = [line for line in expected_lines(plan) if line not in text]
    assert missing == []
    # Verbatim, not only after folding: a one-line answer is one paragraph or cell line.
    lines = {line for p in paragraphs for line in p.split("\n")}
    assert "<img src=x onerror=alert(1)>" in lines
    assert "<script>alert('x')</script>" in lines


@pytest.mark.parametrize("kind", KINDS)
def test_word_makes_no_element_link_or_field_from_user_text(plans, kind):
    plan, twin = plans
    data = rendered(plan, "docx", kind)
    assert readers.docx_shape(data) == readers.docx_shape(rendered(twin, "docx", kind))
    xml = readers.docx_xml(data)
    assert "<w:hyperlink" not in xml
    instructions = readers.field_instructions(data)
    assert instructions in ([], ['TOC \\o "1-2" \\h \\z \\u'])
    footer_fields = readers.field_instructions(data) + [
        i for part in ("word/footer1.xml", "word/footer2.xml") for i in _instructions(data, part)
    ]
    assert set(footer_fields) <= {'TOC \\o "1-2" \\h \\z \\u', "PAGE", "NUMPAGES"}


def _instructions(data: bytes, part: str) -> list[str]:
    import re

    try:
        xml = readers.docx_xml(data, part)
    except KeyError:
        return []
    return [readers.fold(m) for m in re.findall(r"<w:instrText[^>]*>([^<]*)</w:instrText>", xml)]


def test_right_to_left_paragraphs_are_marked_in_word(plans):
    plan, _ = plans
    xml = readers.docx_xml(rendered(plan, "docx"))
    assert "<w:bidi/>" in xml


def test_characters_a_format_cannot_hold_are_replaced_visibly():
    from workbook.model import Plan

    plan = Plan()
    plan.details.organisation = "Bad \ufffe\uffff\ufdd0\U0001ffff chars"
    for fmt in ("md", "html", "docx"):
        data = rendered(plan, fmt)
        if fmt == "docx":
            text = readers.docx_text(readers.docx_document(data))
        elif fmt == "html":
            text = readers.html_text(readers.parse_html(data.decode("utf-8")))
        else:
            text = readers.markdown_text(data.decode("utf-8"))
        assert "Bad \ufffd\ufffd\ufffd\ufffd chars" in text, fmt


# ---------------------------------------------------------------- PDF


@pytest.mark.parametrize("kind", KINDS)
def test_pdf_gives_back_every_string_and_makes_no_link_or_action_from_it(plans, kind):
    from tests.export import pdfcheck
    from tests.report.plans import user_strings

    plan, twin = plans
    data = rendered(plan, "pdf", kind)
    assert pdfcheck.structure_problems(data) == []
    if kind is ReportKind.CLIENT:
        text = pdfcheck.extract_text(data, body_only=True)
        assert pdfcheck.missing_strings(user_strings(plan), text) == []
    # Links only go to the document's own headings: nothing from the user's text
    # became a web link, an action or a script.
    for marker in (b"/URI", b"/JavaScript", b"/JS", b"/Launch", b"/SubmitForm"):
        assert marker not in data, marker
    twin_data = rendered(twin, "pdf", kind)
    assert len(pdfcheck.outline_titles(data)) == len(pdfcheck.outline_titles(twin_data))
    # The same links as the harmless twin (the pages differ: the words are longer).
    links = pdfcheck.link_pages(data, 2)
    assert len(links) == len(pdfcheck.link_pages(twin_data, 2))
    assert None not in links
