"""User text made ready for print: cleaning, chunking, escaping, font fallback, bidi."""

from __future__ import annotations

import unicodedata

from workbook.export import text as txt
from workbook.export.fonts import BOLD, REGULAR, FontChooser


def test_clean_drops_control_characters_and_keeps_newlines():
    assert txt.clean("a\x00b\x07c\r\nd\re\x1b\u202e\tf ") == "abc\nd\ne    f"
    assert txt.clean(None) == ""
    assert txt.is_blank(" \n\t ")


def test_chunks_cut_long_text_without_losing_a_character():
    text = ("word " * 3000 + "\n\n") * 3 + "x" * 5000
    pieces = txt.chunks(text, 1000)
    assert all(len(p) <= 1000 for p in pieces)
    assert "".join(pieces).replace(" ", "").replace("\n", "") == text.replace(" ", "").replace(
        "\n", ""
    )
    assert txt.chunks("short") == ["short"]
    assert txt.chunks("   ") == []


def test_markup_prints_everything_literally():
    fonts = FontChooser()
    hostile = '<b>x<y>z AT&T &amp; &#99999999; <font size=80> <img src="/etc/passwd"/>'
    markup = fonts.markup(hostile)
    assert "<" not in markup.replace("&lt;", "")
    assert markup == (
        "&lt;b&gt;x&lt;y&gt;z AT&amp;T &amp;amp; &amp;#99999999; &lt;font size=80&gt; "
        '&lt;img src="/etc/passwd"/&gt;'
    )
    assert fonts.markup("one\ntwo") == "one<br/>two"


def test_characters_no_font_has_become_placeholders_and_are_counted():
    fonts = FontChooser()
    markup = fonts.markup("bread 🥖 and 🥖, smile 😀, \U000e0041 tag")
    # The bundled font has the smiley; the baguette is in no font here.
    assert "🥖" not in markup and markup.count("[emoji]") == 2
    assert "😀" in markup
    assert fonts.missing == {"🥖": 2}
    (warning,) = fonts.warnings()
    assert warning.startswith("2 characters could not be printed")
    assert "U+1F956" in warning
    # Measuring text for layout does not count the same characters again.
    fonts.measure("🥖", REGULAR, 10)
    assert fonts.missing == {"🥖": 2}


def test_invisible_joiners_and_variation_selectors_never_warn():
    fonts = FontChooser()
    assert fonts.markup("ok\ufe0f\u200d\U000e0100").startswith("ok")
    assert fonts.warnings() == []


def test_bold_text_falls_back_per_character():
    fonts = FontChooser()
    runs = fonts.runs("Hello Привет שלום", BOLD)
    assert runs == [(BOLD, "Hello Привет שלום")]


def test_hebrew_line_is_reversed_for_drawing():
    lines, rtl = txt.bidi_lines("שלום עולם", 500, lambda s: 5.0 * len(s))
    assert rtl
    assert lines == ["םלוע םולש"]


def test_arabic_is_joined_and_reordered():
    text = "مرحبا بالعالم"
    lines, rtl = txt.bidi_lines(text, 500, lambda s: 5.0 * len(s))
    assert rtl and len(lines) == 1
    # Joined letters are presentation forms; undoing the reordering and the joining
    # gives back what was typed.
    assert any("\ufe70" <= c <= "\ufeff" for c in lines[0])
    assert unicodedata.normalize("NFKC", lines[0][::-1]) == text


def test_rtl_lines_are_broken_before_reordering():
    # Three words, room for two per line: the first line must hold the first two words
    # the reader meets (reading right to left), not the last two.
    words = ["אחת", "שתיים", "שלוש"]
    lines, rtl = txt.bidi_lines(" ".join(words), 60, lambda s: 5.0 * len(s))
    assert rtl
    assert lines == ["םייתש תחא", "שולש"]


def test_mixed_line_keeps_latin_order():
    lines, rtl = txt.bidi_lines("Order שלום today", 500, lambda s: 5.0 * len(s))
    assert not rtl
    assert lines == ["Order םולש today"]


def test_break_lines_cuts_overlong_words():
    lines = txt.break_lines("a " + "x" * 25, 50, lambda s: 5.0 * len(s))
    assert lines == ["a", "x" * 10, "x" * 10, "x" * 5]
