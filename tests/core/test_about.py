"""The series named: the "About the method" text and the document's Sources credit it."""

from __future__ import annotations

from tests.core.test_guidance import copied_runs
from workbook.about import ABOUT_THE_METHOD, ABOUT_TITLE, SOURCES, SOURCES_NOTE


def test_about_credits_the_series_the_seven_ps_and_the_four_as() -> None:
    text = " ".join(ABOUT_THE_METHOD)
    assert "Jay Deragon" in text and "Creating Social Media Value" in text
    assert "Telligent" in text and "7 P's" in text
    for a in ("attention", "attraction", "affinity", "audience"):
        assert a in text.lower()
    assert ABOUT_TITLE == "About the method"


def test_sources_name_author_work_and_what_was_taken() -> None:
    authors = {source.author for source in SOURCES}
    assert {"Jay Deragon", "Telligent"} <= authors
    assert all(s.title.strip() and s.what_we_took.strip() for s in SOURCES)
    assert "own" in SOURCES_NOTE


def test_the_words_are_the_apps_own() -> None:
    texts = [*ABOUT_THE_METHOD, *(s.what_we_took for s in SOURCES), SOURCES_NOTE]
    assert copied_runs(texts) == []
