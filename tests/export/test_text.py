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


def test_characters_no_font_has_are_left_out_and_counted_once():
    fonts = FontChooser()
    markup = fonts.markup("bread 🥖 and क and क, smile 😀, \U000e0041 tag")
    # The emoji are in the bundled Noto Emoji; no font here has the Devanagari letter.
    assert markup.count('<font name="WorkbookEmoji">') == 2
    assert "क" not in markup and "[U+" not in markup and "[emoji]" not in markup
    assert fonts.missing == {"क": 2}
    (warning,) = fonts.warnings()
    assert warning.startswith("2 characters could not be printed and were left out")
    assert "U+0915" in warning and "Noto Sans Devanagari" in warning
    # Measuring text for layout does not count the same characters again.
    fonts.measure("क", REGULAR, 10)
    assert fonts.missing == {"क": 2}


def test_the_warning_names_a_cjk_font_for_chinese_japanese_and_korean():
    from workbook.export.fonts import font_advice

    assert "WenQuanYi Zen Hei" in font_advice({"中": 1})
    assert "fonts-wqy-zenhei" in font_advice({"中": 1})


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


def test_break_lines_cuts_overlong_words_with_a_hyphen():
    lines = txt.break_lines("a " + "x" * 25, 50, lambda s: 5.0 * len(s))
    assert lines == ["a", "x" * 9 + txt.HYPHEN, "x" * 9 + txt.HYPHEN, "x" * 7]


def test_long_tokens_break_at_slashes_dots_underscores_hyphens_and_before_at():
    def measure(text: str) -> float:
        return 5.0 * len(text)

    url = "https://example.com/segment000/segment001?q=1"
    assert txt.split_token(url, 100, measure) == [
        "https://example.com/",
        "segment000/",
        "segment001?q=1",
    ]
    assert txt.split_token("someone@example.com", 50, measure) == ["someone", "@example.", "com"]
    assert txt.split_token("@crumbandco_bakes", 70, measure) == ["@crumbandco_", "bakes"]
    assert txt.split_token("well-known-bakery-name", 60, measure) == ["well-known-", "bakery-name"]
