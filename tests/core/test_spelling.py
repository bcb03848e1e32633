"""Spell-check core: which words are flagged in British and US English, what is never
flagged, suggestions, and the user's own dictionary."""

from __future__ import annotations

import pytest

from workbook import spelling
from workbook.appdirs import data_dir
from workbook.spelling import Speller, get_speller, tokens


def _flagged(text: str, language: str = "en_GB") -> list[str]:
    return [text[a:b] for a, b in Speller(language).misspelled_spans(text)]


def test_misspelt_words_are_found_with_their_positions() -> None:
    text = "Teh cake was lovley, we will recieve more."
    spans = Speller().misspelled_spans(text)
    assert spans == [(0, 3), (13, 19), (29, 36)]
    assert [text[a:b] for a, b in spans] == ["Teh", "lovley", "recieve"]


@pytest.mark.parametrize(
    "text",
    [
        "Visit https://crumb.example/menu?day=mon or www.crumbexample.com today",
        "Mail anna.smyth@crumbexmple.co.uk please",
        "Follow @crumbbakesxyz and #glutenfreexyz",
        "Order 20 boxes, 3.5kg flour, covid19 rules, B2B, 2nd time",
        "The NHS and HMRC and GDPR rules",
        "crumbexmple.co.uk is our site",
        "a b c x y z",
        "Привет мир 你好",
    ],
)
def test_never_flagged(text: str) -> None:
    assert _flagged(text) == []


def test_british_and_us_english_differ() -> None:
    british = "The colour of our organisation, the centre, travelled"
    american = "The color of our organization, the center, traveled"
    assert _flagged(british, "en_GB") == []
    assert _flagged(american, "en_GB") == ["color", "center", "traveled"]  # Oxford "-ize" is fine
    assert _flagged(american, "en_US") == []
    assert _flagged(british, "en_US") == ["colour", "organisation", "centre", "travelled"]


def test_apostrophes_accents_and_case() -> None:
    assert _flagged("The bakery’s cakes don’t last; Anna's scones") == []
    assert _flagged("A naïve café menu, our résumé") == []
    assert _flagged("LOVELY Lovely lovely LOVLEY Lovley") == ["Lovley"]  # capitals: acronyms


def test_suggestions_nearest_and_commonest_first_in_the_words_case() -> None:
    speller = Speller()
    assert speller.suggestions("recieve")[0] == "receive"
    assert speller.suggestions("Teh")[0] == "The"
    assert speller.suggestions("organisaton")[0] == "organisation"
    assert Speller("en_US").suggestions("organizaton")[0] == "organization"
    # Two edits away, found by the slower search only when nothing nearer is.
    assert speller.suggestions("ocasionaly")[0] == "occasionally"
    assert len(speller.suggestions("recieve")) <= spelling.SUGGESTIONS


def test_add_to_dictionary_is_kept_for_later_sessions() -> None:
    speller = get_speller("en_GB")
    assert speller.misspelled_spans("Crumbly Crumbworth") == [(8, 18)]
    spelling.add_to_dictionary("Crumbworth")
    assert speller.misspelled_spans("Crumbly Crumbworth") == []
    assert get_speller("en_US").is_correct("crumbworth")
    saved = (data_dir() / spelling.USER_DICTIONARY).read_text(encoding="utf-8")
    assert saved.splitlines()[-1] == "crumbworth" and saved.startswith("#")
    assert Speller("en_US").is_correct("Crumbworth")  # a new session reads the file
    spelling.add_to_dictionary("crumbworth")
    assert (data_dir() / spelling.USER_DICTIONARY).read_text(encoding="utf-8") == saved


def test_ignore_lasts_for_the_session_only() -> None:
    speller = Speller()
    speller.ignore("Zorbly")
    assert speller.is_correct("zorbly")
    assert not Speller().is_correct("zorbly")
    assert not (data_dir() / spelling.USER_DICTIONARY).exists()


def test_known_spans_show_only_words_judged_before() -> None:
    speller = Speller()
    text = "Lovley cake, recieve"
    assert speller.known_misspelled_spans(text) == []
    speller.misspelled_spans("lovley")
    assert speller.known_misspelled_spans(text) == [(0, 6)]
    assert speller.misspelled_spans(text) == [(0, 6), (13, 20)]


def test_tokens_skip_what_is_not_a_word() -> None:
    text = "Hi @ann, see www.x.com — B2B is 2x; #tag."
    assert [word for _s, _e, word in tokens(text)] == ["Hi", "see", "is"]


def test_unknown_language() -> None:
    with pytest.raises(ValueError, match="en_GB, en_US"):
        Speller("fr")


def test_the_word_list_read_in_pieces_is_the_one_pyspellchecker_loads() -> None:
    # Read in small pieces so that the UI thread is never held for long (the loader runs
    # on a worker thread); the words and counts must be exactly pyspellchecker's.
    assert spelling._read_word_list() == spelling._base_words_plain()


def test_a_word_list_laid_out_otherwise_falls_back_to_the_plain_load(monkeypatch, tmp_path):
    import gzip
    import importlib.resources

    (tmp_path / "resources").mkdir()
    # Not the "word": count lines of version 0.9: the plain load (json.loads) takes over.
    (tmp_path / "resources" / "en.json.gz").write_bytes(gzip.compress(b'{\n"cake" 7\n}\n'))
    monkeypatch.setattr(importlib.resources, "files", lambda package: tmp_path)
    assert spelling._read_word_list() is None
    (tmp_path / "resources" / "en.json.gz").write_bytes(
        gzip.compress(b'{\n"Cake": 7,\n"cake": 2\n}')
    )
    # Lower case, and the counts of one word in two cases added, as pyspellchecker does.
    assert spelling._read_word_list() == {"cake": 9}
