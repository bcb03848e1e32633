"""Reading the rendered formats back the way a strict reader would: CommonMark tokens, an
HTML5 tree, and the Word file's paragraphs and XML."""

from __future__ import annotations

import io
import re
from collections import Counter
from xml.etree import ElementTree

import html5lib
from markdown_it import MarkdownIt

XHTML = "{http://www.w3.org/1999/xhtml}"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def fold(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------- Markdown


def markdown_parser() -> MarkdownIt:
    """Strict CommonMark, plus the pipe tables the renderer uses."""
    return MarkdownIt("commonmark").enable("table")


def markdown_tokens(text: str) -> list:
    """Every token, inline children included, in document order."""
    out = []
    for token in markdown_parser().parse(text):
        out.append(token)
        out += token.children or []
    return out


def markdown_shape(text: str) -> list[tuple[str, str, int]]:
    """The document's structure without its words: token types, tags and nesting."""
    return [(t.type, t.tag, t.level) for t in markdown_tokens(text) if t.type != "text"]


def markdown_text(text: str) -> str:
    parts = [t.content for t in markdown_tokens(text) if t.type == "text"]
    return fold(" ".join(parts))


# ---------------------------------------------------------------- HTML


def parse_html(text: str) -> ElementTree.Element:
    """The page as an HTML5 parser builds it; raises on any parse error (strict mode)."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True)
    return parser.parse(text)


def html_shape(root: ElementTree.Element) -> list[tuple[str, tuple[str, ...]]]:
    """Every element's tag and attribute names, in document order."""
    return [
        (element.tag.replace(XHTML, ""), tuple(sorted(element.attrib)))
        for element in root.iter()
        if isinstance(element.tag, str)
    ]


def html_text(root: ElementTree.Element) -> str:
    body = root.find(f"{XHTML}body")
    assert body is not None
    return fold(" ".join(body.itertext()))


def html_tags(root: ElementTree.Element) -> Counter:
    return Counter(tag for tag, _ in html_shape(root))


# ---------------------------------------------------------------- Word


def docx_document(data: bytes):
    from docx import Document

    return Document(io.BytesIO(data))


def docx_paragraph_texts(document) -> list[str]:
    """Every paragraph's text: the body's, each table cell's, the header's and footer's."""
    out = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                out += [p.text for p in cell.paragraphs]
    section = document.sections[0]
    out += [p.text for p in section.header.paragraphs] + [p.text for p in section.footer.paragraphs]
    return out


def docx_text(document) -> str:
    return fold(" ".join(docx_paragraph_texts(document)))


def docx_xml(data: bytes, part: str = "word/document.xml") -> str:
    import zipfile

    return zipfile.ZipFile(io.BytesIO(data)).read(part).decode("utf-8")


def docx_shape(data: bytes) -> Counter:
    """How many of each WordprocessingML element the body holds (its structure)."""
    root = ElementTree.fromstring(docx_xml(data))
    return Counter(
        element.tag.replace(W, "w:")
        for element in root.iter()
        # Right-to-left paragraphs are marked by the text's direction, not its markup.
        if element.tag not in (W + "bidi",)
    )


def field_instructions(data: bytes) -> list[str]:
    xml = docx_xml(data)
    return [fold(m) for m in re.findall(r"<w:instrText[^>]*>([^<]*)</w:instrText>", xml)]
