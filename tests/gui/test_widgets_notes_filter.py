"""Filtering and sorting a large listening log: words, theme, sentiment, and new notes in view."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from workbook.gui.document import PlanDocument
from workbook.gui.widgets.columns import columns_for
from workbook.gui.widgets.notes_filter import ANY, NotesFilterProxy
from workbook.gui.widgets.row_model import ROW_ID_ROLE, RowTableModel
from workbook.model import Listening, ListeningNote, Plan, Sentiment

pytestmark = pytest.mark.gui

NOTES = ("listening", "notes")
THEMES = ["prices", "queues", "allergies", "community", "opening hours"]
COUNT = 2000


def generated_notes(count: int = COUNT) -> list[ListeningNote]:
    notes = []
    for i in range(count):
        tags = [THEMES[i % 5]] + (["Community "] if i % 3 == 0 else [])
        notes.append(
            ListeningNote(
                noted_on=date(2025, 1, 1) + timedelta(days=(i * 7) % 365),
                source=f"Group {i % 7}",
                who=f"Person {i}",
                said="Bread is pricey here" if i % 10 == 0 else f"Comment number {i}",
                tags=tags,
                sentiment=None if i % 8 == 0 else list(Sentiment)[i % 4],
            )
        )
    return notes


@pytest.fixture(scope="module")
def notes() -> list[ListeningNote]:
    return generated_notes()


@pytest.fixture
def setup(qapp, notes):
    document = PlanDocument(Plan(listening=Listening(notes=[n.model_copy() for n in notes])))
    model = RowTableModel(document, NOTES, columns_for(NOTES))
    proxy = NotesFilterProxy()
    proxy.setSourceModel(model)
    return document, model, proxy


def shown_ids(proxy) -> list[str]:
    return [proxy.index(r, 0).data(ROW_ID_ROLE) for r in range(proxy.rowCount())]


def test_nothing_is_hidden_without_a_filter(setup):
    _document, _model, proxy = setup
    assert proxy.rowCount() == COUNT
    assert not proxy.is_filtered()


def test_text_filter_finds_every_word_in_any_field(setup, notes):
    _document, _model, proxy = setup
    proxy.set_text("PRICEY bread")
    assert proxy.rowCount() == sum(1 for n in notes if "pricey" in n.said.lower())
    proxy.set_text("group 3")  # both words, anywhere in the note
    assert proxy.rowCount() == sum(
        1
        for n in notes
        if "group" in n.source.lower() and any("3" in text for text in (n.source, n.who, n.said))
    )
    proxy.set_text("community")  # a theme, found in the tags
    assert proxy.rowCount() == sum(1 for n in notes if any("ommunity" in t for t in n.tags))
    proxy.set_text("")
    assert proxy.rowCount() == COUNT


def test_theme_filter_matches_themes_however_they_were_typed(setup, notes):
    _document, _model, proxy = setup
    proxy.set_tag("  COMMUNITY")
    expected = sum(1 for n in notes if any(t.strip().lower() == "community" for t in n.tags))
    assert proxy.rowCount() == expected
    proxy.set_tag(None)
    assert proxy.rowCount() == COUNT


def test_sentiment_filter_including_not_judged(setup, notes):
    _document, _model, proxy = setup
    proxy.set_sentiment(Sentiment.NEGATIVE)
    assert proxy.rowCount() == sum(1 for n in notes if n.sentiment is Sentiment.NEGATIVE)
    proxy.set_sentiment(None)
    assert proxy.rowCount() == sum(1 for n in notes if n.sentiment is None)
    proxy.set_sentiment(ANY)
    assert proxy.rowCount() == COUNT


def test_filters_combine(setup, notes):
    _document, _model, proxy = setup
    proxy.set_text("pricey")
    proxy.set_tag("prices")
    proxy.set_sentiment(Sentiment.POSITIVE)
    expected = [
        n.id
        for n in notes
        if "pricey" in n.said and "prices" in n.tags and n.sentiment is Sentiment.POSITIVE
    ]
    assert sorted(shown_ids(proxy)) == sorted(expected)
    proxy.clear_filters()
    assert proxy.rowCount() == COUNT


def test_sorting_by_date_and_by_text(setup, notes):
    _document, model, proxy = setup
    proxy.sort(model.column_of("noted_on"), Qt.SortOrder.AscendingOrder)
    dates = [proxy.index(r, model.column_of("noted_on")).data(ROW_ID_ROLE) for r in range(3)]
    earliest = min(n.noted_on for n in notes)
    assert all(next(n for n in notes if n.id == i).noted_on == earliest for i in dates)
    proxy.sort(model.column_of("who"), Qt.SortOrder.DescendingOrder)
    top = proxy.index(0, model.column_of("who")).data()
    assert top == max((n.who for n in notes), key=str.casefold)


def test_sorting_follows_an_edit(setup):
    document, model, proxy = setup
    proxy.sort(model.column_of("who"), Qt.SortOrder.AscendingOrder)
    last = proxy.index(COUNT - 1, 0).data(ROW_ID_ROLE)
    document.set_value((*NOTES, last, "who"), "Aaron")
    assert proxy.index(0, 0).data(ROW_ID_ROLE) == last


def test_a_note_added_while_filtered_stays_in_view(setup):
    document, _model, proxy = setup
    proxy.set_text("pricey")
    before = proxy.rowCount()
    note = document.insert_row(NOTES)
    assert proxy.rowCount() == before  # a blank note does not match...
    proxy.pin(note.id)
    assert proxy.rowCount() == before + 1  # ...but the one just added is kept in view
    document.set_value((*NOTES, note.id, "said"), "Lovely")
    assert note.id in shown_ids(proxy)
    proxy.set_text("pricey ")  # the same words: the filter has not changed
    assert note.id in shown_ids(proxy)
    proxy.set_text("bread")  # a new filter forgets the pins
    assert note.id not in shown_ids(proxy)
