"""Paragraph fragments made straight from text, so user text never goes through a markup parser.

reportlab turns paragraph markup into "fragments" (runs of text in one font, size and
colour, and line breaks) with an HTML parser; for thousands of table cells that parsing
is most of the cost of building the document. Here the fragments are cloned from
templates parsed once per style and font, and filled with the text as typed. The result
matches what parsing the escaped markup gives (same fragment attributes, same whitespace
rules), except that text in one font stays one fragment, which lets reportlab break and
draw it on its quick single-fragment path.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus.paragraph import cleanBlockQuotedText
from reportlab.platypus.paraparser import ParaFrag, ParaParser

from workbook.export.rl_private import clone_frag

# Stand-ins while whitespace is tidied: where one font or style gives way to another
# (a tag in markup) and where a line breaks (<br/>). Neither counts as whitespace, and
# neither can be in the text (cleaning removes control characters).
_BOUNDARY = "\x00"
_BREAK = "\x01"
_STAND_INS = re.compile("([\x00\x01])")
_NO_STAND_INS = {0: None, 1: None}

Look = tuple[ParagraphStyle, str, float | None, str | None]
"""How a run of text looks: paragraph style, font, and size and colour when not the style's."""


def font_tag(font: str, size: float | None = None, colour: str | None = None) -> str:
    """The opening ``<font>`` tag that gives ``font`` (and ``size``, ``colour``)."""
    attrs = f' name="{font}"'
    if size is not None:
        attrs += f' size="{size}"'
    if colour is not None:
        attrs += f' color="{colour}"'
    return f"<font{attrs}>"


def markup_of(pieces: Iterable[tuple[Look, str]]) -> str:
    """The paragraph markup that the fragments of ``pieces`` stand for (kept as the
    paragraph's text, for reading and debugging; never parsed)."""
    out: list[str] = []
    for (style, font, size, colour), text in pieces:
        escaped = escape(text).replace("\n", "<br/>")
        if font == style.fontName and size is None and colour is None:
            out.append(escaped)
        else:
            # A leading newline belongs outside the tag, as in the labelled cells.
            lead = ""
            while escaped.startswith("<br/>"):
                lead += "<br/>"
                escaped = escaped[5:]
            out.append(f"{lead}{font_tag(font, size, colour)}{escaped}</font>")
    return "".join(out)


class FragmentMaker:
    """Makes the fragments of paragraphs for one export (templates are cached per look)."""

    def __init__(self) -> None:
        self._templates: dict[tuple, tuple[ParagraphStyle, ParaFrag, ParaFrag]] = {}

    def _templates_for(self, look: Look) -> tuple[ParaFrag, ParaFrag]:
        style, font, size, colour = look
        # The style object itself is part of the key (and kept alive by the cache): two
        # styles may share a name.
        key = (id(style), font, size, colour)
        try:
            return self._templates[key][1:]
        except KeyError:
            pass
        if font == style.fontName and size is None and colour is None:
            markup = "x<br/>x"
        else:
            markup = f"{font_tag(font, size, colour)}x<br/>x</font>"
        _style, frags, _bullet = ParaParser().parse(markup, style)
        text, line_break = frags[0], frags[1]
        self._templates[key] = (style, text, line_break)
        return text, line_break

    def make(self, pieces: list[tuple[Look, str]]) -> list[ParaFrag]:
        """The fragments of ``pieces`` of text, each in its look, "\\n" breaking lines.

        Whitespace is tidied as reportlab tidies markup before parsing it: runs of spaces
        become one, and the ends of the whole paragraph are trimmed.
        """
        if not pieces:
            return []
        if len(pieces) == 1:
            look, text = pieces[0]
            if "\n" not in text and _BOUNDARY not in text and _BREAK not in text:
                # Most paragraphs: one line in one font. For ASCII, Python's whitespace
                # is reportlab's, and its own split is quicker.
                tidy = " ".join(text.split()) if text.isascii() else cleanBlockQuotedText(text)
                return [clone_frag(self._templates_for(look)[0], tidy)] if tidy else []
        joined = _BOUNDARY.join(
            text.translate(_NO_STAND_INS).replace("\n", _BREAK) for _look, text in pieces
        )
        tidy = cleanBlockQuotedText(joined)
        out: list[ParaFrag] = []
        index = 0
        text_template, break_template = self._templates_for(pieces[0][0])
        for part in _STAND_INS.split(tidy):
            if part == _BOUNDARY:
                index += 1
                text_template, break_template = self._templates_for(pieces[index][0])
            elif part == _BREAK:
                out.append(clone_frag(break_template, ""))
            elif part:
                out.append(clone_frag(text_template, part))
        return out
