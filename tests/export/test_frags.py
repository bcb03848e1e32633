"""Paragraphs made from text without the markup parser: same result as parsing escaped
markup, user text never parsed, text in one font kept as one fragment."""

from __future__ import annotations

import re

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.platypus import Paragraph
from reportlab.platypus.paraparser import ParaParser

from tests.export.plans import EMOJI, LONG_URL, LONG_WORD, MARKUP, SCRIPTS
from workbook.export.blocks import Blocks
from workbook.export.fonts import BOLD, REGULAR, FontChooser
from workbook.export.fonts import EMOJI as EMOJI_FONT
from workbook.export.styles import Palette, StyleSheet

TEXTS = [
    *MARKUP,
    *SCRIPTS.values(),
    LONG_WORD,
    LONG_URL,
    EMOJI,
    "Line one\nLine two\n\nLine four",
    "  spaces   inside\tand around  ",
    "no\u00a0break\u00a0spaces and  more",
    " \n leading newline and trailing one \n",
    "a & b < c > d; " * 40,
    "",
    "   ",
]


@pytest.fixture
def blocks() -> Blocks:
    return Blocks(StyleSheet(Palette.from_hex("#1F6F8B")), FontChooser(), A4[0] - 120)


def _looks(paragraph: Paragraph) -> set[tuple]:
    """Every font, size, colour and line break among the fragments (before layout, which
    turns the fragments into words)."""
    return {
        (f.fontName, f.fontSize, f.textColor, bool(getattr(f, "lineBreak", False)))
        for f in paragraph.frags
    }


def _lines(paragraph: Paragraph, width: float) -> list[str]:
    """The printed lines of ``paragraph`` at ``width``, spaces tidied."""
    paragraph.wrap(width, 10_000)
    out = []
    for line in paragraph.blPara.lines:
        words = line[1] if isinstance(line, tuple) else [w.text for w in line.words]
        out.append(" ".join("".join(words).split() if not isinstance(line, tuple) else words))
    return out


@pytest.mark.parametrize("style", ["answer", "cell", "label"])
@pytest.mark.parametrize("text", TEXTS)
def test_fragments_lay_out_like_parsed_escaped_markup(blocks, text, style):
    para_style = blocks.styles[style]
    ours = blocks.literal(blocks.pieces(text, para_style), para_style)
    parsed = Paragraph(blocks.fonts.markup(text, para_style.fontName), para_style)
    assert ours.getPlainText() == parsed.getPlainText()
    assert _looks(ours) == _looks(parsed)
    for width in (60, 140, 400):
        assert _lines(ours, width) == _lines(parsed, width)


def test_user_text_never_reaches_the_parser(blocks, monkeypatch):
    seen: list[str] = []
    parse = ParaParser.parse

    def recording(self, text, style):
        seen.append(text)
        return parse(self, text, style)

    monkeypatch.setattr(ParaParser, "parse", recording)
    for text in TEXTS:
        blocks.paragraph(text.strip() or "x", "answer")
        blocks.paragraph(text.strip() or "x", "cell", 100)
    # Only the templates of each look are parsed: tags around two x's, nothing typed.
    assert seen
    assert {re.sub(r"<[^>]*>", "", parsed) for parsed in seen} == {"xx"}


def test_text_in_one_font_is_one_fragment(blocks):
    """reportlab breaks and draws one-fragment paragraphs on a much quicker path; parsing
    escaped markup would cut this text at every ampersand and angle bracket."""
    paragraph = blocks.paragraph("AT&T <b>bread</b> & x<y>z " * 20, "answer")
    assert len(paragraph.frags) == 1
    assert paragraph.frags[0].text.startswith("AT&T <b>bread</b> & x<y>z")


def test_characters_the_font_lacks_get_their_own_fragments(blocks):
    paragraph = blocks.paragraph("Bread 😀 and 🥖", "answer")
    fonts = [f.fontName for f in paragraph.frags]
    assert paragraph.getPlainText() == "Bread 😀 and 🥖"
    # The emoji in the bundled emoji font, the words around them in the text's own.
    assert fonts == [REGULAR, EMOJI_FONT, REGULAR, EMOJI_FONT]
    bold = blocks.literal(
        blocks.pieces("Привет שלום", blocks.styles["label"]), blocks.styles["label"]
    )
    assert [f.fontName for f in bold.frags] == [BOLD]
