"""The listening page: the notes log with its filter bar and detail form, and the learnings."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt

from tests.gui.test_widgets_notes_filter import COUNT, generated_notes
from workbook.gui.document import PlanDocument
from workbook.gui.pages.listening_page import ListeningPage
from workbook.gui.widgets import clock
from workbook.gui.widgets.fields import TextField
from workbook.gui.widgets.row_model import display_date
from workbook.model import Listening, ListeningNote, Plan, Sentiment

pytestmark = pytest.mark.gui

NOTES = ("listening", "notes")
TODAY = date(2026, 5, 1)


@pytest.fixture
def today(monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    return TODAY


def make_page(qtbot, plan=None):
    document = PlanDocument(plan)
    page = ListeningPage(document)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    return document, page


@pytest.fixture(scope="module")
def big_plan_notes():
    return generated_notes()


@pytest.fixture
def big(qtbot, big_plan_notes):
    plan = Plan(listening=Listening(notes=[n.model_copy() for n in big_plan_notes]))
    document, page = make_page(qtbot, plan)
    page.tab_widget.setCurrentIndex(1)
    return document, page, page.notes_panel


def test_search_box_filters_after_a_pause_and_says_how_many_show(qtbot, big, big_plan_notes):
    _document, _page, panel = big
    assert panel.count_label.text() == f"{COUNT} notes"
    qtbot.keyClicks(panel.search, "pricey")
    assert panel.proxy.rowCount() == COUNT  # not on every key...
    expected = sum(1 for n in big_plan_notes if "pricey" in n.said)
    qtbot.waitUntil(lambda: panel.proxy.rowCount() == expected)  # ...but once typing pauses
    assert panel.count_label.text() == f"Showing {expected} of {COUNT} notes"


def test_theme_and_sentiment_drop_downs_filter(qtbot, big, big_plan_notes):
    _document, _page, panel = big
    combo = panel.theme_filter
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert labels[0] == "All themes"
    queues = sum(1 for n in big_plan_notes if "queues" in n.tags)
    assert f"queues ({queues})" in labels
    combo.setCurrentIndex(combo.findData("queues"))
    assert panel.proxy.rowCount() == queues
    sentiment = panel.sentiment_filter
    sentiment.setCurrentIndex(sentiment.findData(Sentiment.MIXED))
    both = sum(1 for n in big_plan_notes if "queues" in n.tags and n.sentiment is Sentiment.MIXED)
    assert panel.proxy.rowCount() == both
    sentiment.setCurrentIndex(sentiment.count() - 1)  # not judged yet
    assert panel.proxy.rowCount() == sum(
        1 for n in big_plan_notes if "queues" in n.tags and n.sentiment is None
    )
    qtbot.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
    assert panel.proxy.rowCount() == COUNT
    assert combo.currentIndex() == 0 and sentiment.currentIndex() == 0


def test_clicking_a_header_sorts_the_notes(qtbot, big, big_plan_notes):
    _document, _page, panel = big
    view = panel.table.view
    column = panel.table.model.column_of("noted_on")
    header = view.horizontalHeader()
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(header.sectionViewportPosition(column) + 5, header.height() // 2),
    )
    assert panel.proxy.sortColumn() == column
    earliest = min(n.noted_on for n in big_plan_notes)
    assert view.model().index(0, column).data() == display_date(earliest)
    assert not panel.table.buttons["Move up"].isEnabled()  # no reordering a sorted view


def test_adding_a_note_while_filtered_keeps_it_in_view_dated_today(qtbot, big, today):
    document, _page, panel = big
    panel.sentiment_filter.setCurrentIndex(panel.sentiment_filter.findData(Sentiment.POSITIVE))
    shown = panel.proxy.rowCount()
    panel.table.view.setFocus()
    qtbot.keyClick(panel.table.view, Qt.Key.Key_Insert)
    note = document.plan.listening.notes[-1]
    assert note.noted_on == today and note.sentiment is None
    assert panel.proxy.rowCount() == shown + 1
    assert panel.table.current_row_id() == note.id
    assert panel.detail.row_id == note.id
    assert panel.count_label.text() == f"Showing {shown + 1} of {COUNT + 1} notes"
    document.undo_stack.undo()
    assert len(document.plan.listening.notes) == COUNT


def test_the_detail_form_edits_the_selected_note(qtbot):
    notes = [ListeningNote(said="First"), ListeningNote(said="Second")]
    document, page = make_page(qtbot, Plan(listening=Listening(notes=notes)))
    page.tab_widget.setCurrentIndex(1)
    panel = page.notes_panel
    assert panel.detail.row_id == notes[0].id  # the first note is selected on arrival
    panel.table.select_row(notes[1].id)
    said = panel.detail.blocks["said"].editor
    assert isinstance(said, TextField) and said.toPlainText() == "Second"
    said.selectAll()
    qtbot.keyClicks(said, "Changed")
    assert notes[1].said == "Changed"
    assert panel.table.model.index(1, panel.table.model.column_of("said")).data() == "Changed"
    document.undo_stack.undo()
    assert said.toPlainText() == "Second"
    document.remove_rows(NOTES, [notes[1].id])
    assert panel.detail.row_id != notes[1].id


def test_learnings_count_themes_and_follow_tag_changes(qtbot):
    notes = [
        ListeningNote(tags=["prices"], sentiment=Sentiment.NEGATIVE),
        ListeningNote(tags=["Prices ", "queues"], sentiment=Sentiment.MIXED),
        ListeningNote(tags=["queues"]),
    ]
    document, page = make_page(qtbot, Plan(listening=Listening(notes=notes)))
    summary = page.learnings_summary
    assert summary.theme_names() == ["prices", "queues"]
    assert summary.count_of("prices") == 2
    document.set_value((*NOTES, notes[2].id, "tags"), ["prices", "allergies"])
    assert summary.count_of("prices") == 2  # recounted after a short pause, not at once
    qtbot.waitUntil(lambda: summary.count_of("prices") == 3)
    assert summary.count_of("queues") == 1 and summary.count_of("allergies") == 1
    theme_labels = [
        page.notes_panel.theme_filter.itemText(i)
        for i in range(page.notes_panel.theme_filter.count())
    ]
    assert "prices (3)" in theme_labels
    bars = summary.sentiment_bars
    assert bars[Sentiment.NEGATIVE].value() == 1 and bars[None].value() == 1
    document.set_value((*NOTES, notes[2].id, "sentiment"), Sentiment.NEGATIVE)
    qtbot.waitUntil(lambda: bars[Sentiment.NEGATIVE].value() == 2)
    document.insert_row(NOTES, row=ListeningNote(tags=["new theme"]))
    qtbot.waitUntil(lambda: summary.count_of("new theme") == 1)


def test_picking_a_theme_shows_its_notes(qtbot):
    notes = [ListeningNote(tags=["prices"]), ListeningNote(tags=["queues"])]
    _document, page = make_page(qtbot, Plan(listening=Listening(notes=notes)))
    page.tab_widget.setCurrentIndex(2)
    summary = page.learnings_summary
    row = summary.theme_names().index("queues")
    summary.themes_view.activated.emit(summary.themes_model.index(row, 0))
    assert page.tab_widget.currentIndex() == 1
    assert page.notes_panel.proxy.rowCount() == 1
    assert page.notes_panel.theme_filter.currentData() == "queues"


def test_five_learnings_are_multi_line_fields(qtbot):
    _document, page = make_page(qtbot)
    for name in ("market_wants", "want_us_to_say", "unlearn", "reputation", "give_results"):
        assert isinstance(page.findChild(TextField, f"listening.learnings.{name}"), TextField)


def test_focus_search_selects_what_was_searched(qtbot):
    # Ctrl+F is the window's "Search the notes", from anywhere (tests/x11).
    _document, page = make_page(qtbot, Plan(listening=Listening(notes=[ListeningNote()])))
    page.notes_panel.search.setText("rye")
    page.notes_panel.focus_search()
    assert page.notes_panel.search.selectedText() == "rye"


def test_a_new_plan_shows_its_first_note(qtbot):
    document, page = make_page(qtbot, Plan(listening=Listening(notes=[ListeningNote()])))
    page.tab_widget.setCurrentIndex(1)
    other = ListeningNote(said="From the other plan")
    document.replace_plan(Plan(listening=Listening(notes=[other])))
    assert page.notes_panel.detail.row_id == other.id
