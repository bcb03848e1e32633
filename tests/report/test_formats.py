"""Each worked example in Markdown, HTML and Word, read back; and what each format promises."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from tests.report import readers
from tests.report.plans import expected_lines
from workbook.examples import list_examples, load_example
from workbook.export.options import ExportError
from workbook.model import Plan
from workbook.report import (
    Branding,
    ReportKind,
    ReportOptions,
    build_report,
    format_for_path,
    render_report,
    write_report,
)

TODAY = date(2026, 11, 27)
EXAMPLES = [e.name for e in list_examples()]


@pytest.fixture(scope="module")
def logo(tmp_path_factory) -> Path:
    from PIL import Image

    path = tmp_path_factory.mktemp("logo") / "logo.png"
    Image.new("RGB", (300, 100), "#1F6F8B").save(path)
    return path


@pytest.fixture(scope="module", params=EXAMPLES)
def example(request):
    plan = load_example(request.param)
    return plan, build_report(plan, today=TODAY)


# ---------------------------------------------------------------- every example, every format


def test_example_markdown_holds_every_word(example):
    plan, doc = example
    md = render_report(doc, "md").decode("utf-8")
    text = readers.markdown_text(md)
    assert [line for line in expected_lines(plan) if line not in text] == []
    kinds = {t.type for t in readers.markdown_tokens(md)}
    assert "table_open" in kinds and "blockquote_open" in kinds
    assert not kinds & {"html_inline", "html_block", "image"}


def test_example_html_is_valid_html5_and_holds_every_word(example):
    plan, doc = example
    root = readers.parse_html(render_report(doc, "html").decode("utf-8"))
    text = readers.html_text(root)
    assert [line for line in expected_lines(plan) if line not in text] == []


def test_example_word_file_reads_back_with_every_word(example):
    plan, doc = example
    document = readers.docx_document(render_report(doc, "docx"))
    text = readers.docx_text(document)
    assert [line for line in expected_lines(plan) if line not in text] == []


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
@pytest.mark.parametrize("name", EXAMPLES)
def test_example_worksheet_renders(name, fmt):
    doc = build_report(load_example(name), ReportOptions(kind=ReportKind.WORKSHEET), today=TODAY)
    data = render_report(doc, fmt)
    if fmt == "html":
        root = readers.parse_html(data.decode("utf-8"))
        rows = [e for e in root.iter() if e.get("class") == "write-in-row"]
        assert len(rows) >= 3 + 3 + 10, "the empty grid rows have room to write"
    elif fmt == "docx":
        assert readers.docx_document(data).tables
        assert readers.docx_xml(data).count('<w:trHeight w:val="560" w:hRule="atLeast"/>') >= 16
    else:
        assert "| Platform |" in data.decode("utf-8")


# ---------------------------------------------------------------- Markdown


def test_markdown_tables_and_charts_are_pipe_tables():
    doc = build_report(load_example("bakery"), today=TODAY)
    md = render_report(doc, "md").decode("utf-8")
    assert "| Theme | Notes |\n| --- | ---: |\n| community | 13 |" in md
    assert "| Sentiment | Notes |" in md
    assert "\n# Crumb \\& Co. social media plan 2026\n" in md


def test_markdown_contents_link_to_the_headings_as_editors_name_them():
    md = render_report(build_report(load_example("bakery"), today=TODAY), "md").decode("utf-8")
    assert "- [Management \\& Administration](#management--administration)" in md
    assert "## Management \\& Administration" in md


# ---------------------------------------------------------------- HTML


def test_html_is_self_contained_with_the_logo_inside(logo):
    doc = build_report(load_example("bakery"), branding=Branding(logo=logo), today=TODAY)
    page = render_report(doc, "html").decode("utf-8")
    root = readers.parse_html(page)
    images = [e for e in root.iter() if e.tag == f"{readers.XHTML}img"]
    assert len(images) == 1 and images[0].get("src").startswith("data:image/png;base64,")
    for element in root.iter():
        for name in ("src", "href"):
            value = element.get(name)
            if value is not None:
                assert value.startswith(("#", "data:")), value
    assert not re.search(r"url\((?!#)", page), "no external resources in the CSS"
    assert readers.html_tags(root)["script"] == 0


def test_html_has_language_ids_and_a_print_stylesheet():
    page = render_report(build_report(load_example("bakery"), today=TODAY), "html").decode()
    root = readers.parse_html(page)
    assert root.get("lang") == "en"
    headings = [e for e in root.iter() if e.tag in {f"{readers.XHTML}h{n}" for n in (2, 3, 4)}]
    assert headings and all(h.get("id") for h in headings)
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert len(ids) == len(set(ids))
    targets = {e.get("href")[1:] for e in root.iter() if (e.get("href") or "").startswith("#")}
    assert targets and targets <= set(ids)
    assert "@media print" in page and "break-before: page" in page and "@page" in page


def test_html_page_size_follows_the_option():
    letter = build_report(Plan(), ReportOptions(page_size="Letter"), today=TODAY)
    assert "size: letter" in render_report(letter, "html").decode()
    assert "size: A4" in render_report(build_report(Plan(), today=TODAY), "html").decode()


def test_html_table_header_text_reads_on_a_light_accent():
    doc = build_report(Plan(), branding=Branding(accent="#FFE600"), today=TODAY)
    page = render_report(doc, "html").decode()
    assert "--on-accent: #1A1A1A" in page
    from workbook.report.colour import TEXT_CONTRAST, contrast

    shade = re.search(r"--accent-text: (#[0-9A-F]{6})", page).group(1)
    assert contrast(shade, "#FFFFFF") >= TEXT_CONTRAST


# ---------------------------------------------------------------- Word


@pytest.fixture(scope="module")
def bakery_docx(logo) -> bytes:
    doc = build_report(
        load_example("bakery"), branding=Branding("Ana Ruiz", "Ruiz & Partners", logo), today=TODAY
    )
    return render_report(doc, "docx")


def test_word_uses_the_built_in_styles(bakery_docx):
    document = readers.docx_document(bakery_docx)
    used = {p.style.name for p in document.paragraphs}
    assert {"Title", "Heading 1", "Heading 2", "List Bullet", "Quote"} <= used
    assert {t.style.name for t in document.tables} == {"Light Grid Accent 1"}
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[:3] == [
        "Executive summary",
        "About Crumb & Co. Bakery",
        "Management & Administration",
    ]


def test_word_has_real_tables_with_repeating_headers(bakery_docx):
    document = readers.docx_document(bakery_docx)
    headers = [tuple(c.text for c in t.rows[0].cells) for t in document.tables]
    assert ("P", "Decision", "Owner", "Shared with everyone") in headers
    notes = next(t for t in document.tables if t.rows[0].cells[2].text == "What was said")
    assert len(notes.rows) == 1 + 35
    assert "<w:tblHeader/>" in readers.docx_xml(bakery_docx)


def test_word_properties_header_logo_and_page_numbers(bakery_docx):
    document = readers.docx_document(bakery_docx)
    props = document.core_properties
    assert props.title == "Crumb & Co. social media plan 2026"
    assert props.author == "Sam Ellis, Ellis Digital Advice"
    assert props.subject == "Social media strategy for Crumb & Co. Bakery"
    section = document.sections[0]
    assert section.different_first_page_header_footer
    header_xml = section.header._element.xml
    assert "<pic:pic" in header_xml, "the logo is in the header"
    footer = section.footer.paragraphs[0]
    assert "Page" in footer.text
    fields = re.findall(r"<w:instrText[^>]*>([^<]*)<", section.footer._element.xml)
    assert [f.strip() for f in fields] == ["PAGE", "NUMPAGES"]
    assert abs(section.page_width.mm - 210) < 0.5 and abs(section.page_height.mm - 297) < 0.5


def test_word_letter_page_size():
    doc = build_report(Plan(), ReportOptions(page_size="Letter"), today=TODAY)
    section = readers.docx_document(render_report(doc, "docx")).sections[0]
    assert abs(section.page_width.inches - 8.5) < 0.01


def test_word_takes_its_styles_from_a_reference_document(tmp_path):
    from docx import Document
    from docx.shared import Pt, RGBColor

    reference = Document()
    heading = reference.styles["Heading 1"]
    heading.font.size = Pt(31)
    heading.font.color.rgb = RGBColor(0x12, 0x34, 0x56)
    reference.add_paragraph("Template body text that must not appear")
    path = tmp_path / "house-style.docx"
    reference.save(path)
    doc = build_report(load_example("bakery"), today=TODAY)
    data = render_report(doc, "docx", reference_docx=path)
    document = readers.docx_document(data)
    assert document.styles["Heading 1"].font.size == Pt(31)
    assert document.styles["Heading 1"].font.color.rgb == RGBColor(0x12, 0x34, 0x56)
    assert "Template body text" not in readers.docx_text(document)
    assert "Executive summary" in [p.text for p in document.paragraphs]


def test_a_reference_that_is_not_a_word_file_is_a_clear_error(tmp_path):
    path = tmp_path / "not-a-template.docx"
    path.write_text("hello")
    with pytest.raises(ExportError, match="not-a-template.docx"):
        render_report(build_report(Plan(), today=TODAY), "docx", reference_docx=path)


def test_an_unreadable_logo_is_a_clear_error(tmp_path):
    path = tmp_path / "logo.gif"
    path.write_bytes(b"GIF89a not really")
    doc = build_report(Plan(), branding=Branding(logo=path), today=TODAY)
    for fmt in ("html", "docx"):
        with pytest.raises(ExportError, match="not a PNG or JPEG"):
            render_report(doc, fmt)


# ---------------------------------------------------------------- writing files


def test_write_report_writes_each_format(tmp_path):
    plan = load_example("physio")
    for fmt, suffix in (("md", ".md"), ("html", ".html"), ("docx", ".docx")):
        target = tmp_path / f"plan{suffix}"
        write_report(plan, target, fmt, today=TODAY)
        assert target.stat().st_size > 1000
        assert format_for_path(target) == fmt
    assert format_for_path(tmp_path / "plan.PDF") == "pdf"
    assert format_for_path(tmp_path / "plan.txt") is None
    assert format_for_path("x.markdown") == "md" and format_for_path("x.htm") == "html"


def test_a_failed_write_leaves_the_old_file(tmp_path):
    target = tmp_path / "plan.html"
    target.write_text("old")
    with pytest.raises(ExportError, match="is not one this export writes"):
        write_report(Plan(), target, "rtf", today=TODAY)
    assert target.read_text() == "old"
    with pytest.raises(ExportError, match="does not exist"):
        write_report(Plan(), tmp_path / "missing" / "plan.md", "md", today=TODAY)
