"""Listening carried forward in the window: the top themes' drafts inserted as ordinary entries
that remember their notes (one undo step each), and themes renamed or merged everywhere."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from workbook.gui import questions
from workbook.gui.document import PlanDocument
from workbook.gui.pages.engagement_page import EngagementPage
from workbook.gui.pages.listening_page import ListeningPage
from workbook.gui.pages.planning_page import PlanningPage
from workbook.gui.pages.theme_suggestions import insert_suggestion, rename_themes
from workbook.model import Listening, ListeningNote, Plan, SevenP
from workbook.suggestions import SuggestionKind, link_label, suggestions_for_theme

pytestmark = pytest.mark.gui


def note(day: int, tags: list[str], said: str, wants: str = "", opportunity: str = ""):
    return ListeningNote(
        noted_on=date(2025, 3, day),
        source="Village Facebook group",
        who="Parent",
        said=said,
        tags=tags,
        wants=wants,
        opportunity=opportunity,
    )


def listening_plan() -> Plan:
    notes = [
        note(1, ["allergies"], "Is the seeded loaf nut free?", "Clear allergen labels", "Label"),
        note(3, ["Allergies"], "Can my son eat the brownies?", "Know before they queue", "Post"),
        note(6, ["allergies", "prices"], "Gluten free options?", "Clear allergen labels"),
        note(9, ["allergy"], "Sesame in the buns?", "Answers the same day"),
        note(10, ["parking"], "Nowhere to park on Saturday"),
        note(12, ["parking"], "Parked on the double yellows again"),
        note(14, ["parking"], "Could you deliver?"),
    ]
    return Plan(listening=Listening(notes=notes))


def show(qtbot, page):
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_the_learnings_tab_offers_drafts_for_each_top_theme(qtbot):
    page = show(qtbot, ListeningPage(PlanDocument(listening_plan())))
    panel = page.theme_suggestions
    assert list(panel.theme_boxes) == ["allergies", "parking"]  # "prices": heard once
    assert {kind for theme, kind in panel.add_buttons if theme == "allergies"} == set(
        SuggestionKind
    )
    answered = panel.theme_boxes["allergies"].findChild(QLabel, "theme_answered")
    assert answered.text().startswith("Nothing in the plan answers it yet")


def test_adding_a_draft_activity_is_one_undo_step_that_remembers_its_notes(qtbot):
    plan = listening_plan()
    document = PlanDocument(plan)
    page = show(qtbot, ListeningPage(document))
    panel = page.theme_suggestions
    steps = document.undo_stack.count()
    qtbot.mouseClick(
        panel.add_buttons[("allergies", SuggestionKind.ACTIVITY)], Qt.MouseButton.LeftButton
    )
    assert document.undo_stack.count() == steps + 1
    (activity,) = plan.engagement.activities
    allergy_notes = [n.id for n in plan.listening.notes[:3]]
    assert activity.from_listening.themes == ["allergies"]
    assert activity.from_listening.notes[:3] == list(reversed(allergy_notes))  # newest first
    assert activity.answers == "allergies"
    assert not panel.done_link.isHidden()
    assert "from 3 notes about allergies" in panel.done_link.text()
    with qtbot.waitSignal(panel.navigate_requested) as signal:
        qtbot.mouseClick(panel.done_link, Qt.MouseButton.LeftButton)
    assert signal.args == [("engagement", "activities", activity.id, "activity")]
    qtbot.waitUntil(
        lambda: (
            panel.theme_boxes["allergies"]
            .findChild(QLabel, "theme_answered")
            .text()
            .startswith("The plan answers it")
        )
    )
    document.undo_stack.undo()
    assert plan.engagement.activities == []


def test_the_draft_is_an_ordinary_entry_shown_with_its_notes(qtbot):
    document = PlanDocument(listening_plan())
    draft = next(
        s
        for s in suggestions_for_theme(document.plan, "allergies")
        if s.kind is SuggestionKind.ACTIVITY
    )
    path = insert_suggestion(document, draft)
    page = show(qtbot, EngagementPage(document))
    assert page.focus_path(path)
    table = page.tables[("engagement", "activities")]
    link = table.model.index(0, table.model.column_of("from_listening"))
    assert link.data() == "from 3 notes about allergies"
    assert not link.flags() & Qt.ItemFlag.ItemIsEditable
    assert page.activity_detail.link_label.text() == "From 3 notes about allergies"
    # Ordinary and editable: rewrite it, and the link stays.
    document.set_value((*path[:3], "activity"), "Allergen cards on every shelf")
    assert link_label(document.plan.engagement.activities[0].from_listening)


def test_a_draft_decision_goes_after_what_the_p_says_as_one_step(qtbot):
    plan = listening_plan()
    plan.planning.seven_ps.practices.decision = "We answer within a day."
    document = PlanDocument(plan)
    page = show(qtbot, ListeningPage(document))
    panel = page.theme_suggestions
    path = panel.add_decision("allergies", SevenP.PRACTICES)
    assert path == ("planning", "seven_ps", "practices", "decision")
    practices = plan.planning.seven_ps.practices
    assert practices.decision.startswith("We answer within a day.\n\nAllergies, heard in 3 notes")
    assert practices.from_listening.themes == ["allergies"]
    document.undo_stack.undo()
    assert practices.decision == "We answer within a day."
    assert practices.from_listening is None


def test_the_planning_page_drafts_the_p_on_show_and_names_its_notes(qtbot):
    document = PlanDocument(listening_plan())
    page = show(qtbot, PlanningPage(document))
    page.tab_widget.setCurrentWidget(page.seven_ps)
    page.seven_ps.show_p(SevenP.PEOPLE)
    strip = page.seven_ps.strip
    assert list(strip.buttons) == ["allergies", "parking"]
    qtbot.mouseClick(strip.buttons["parking"], Qt.MouseButton.LeftButton)
    people = document.plan.planning.seven_ps.people
    assert people.decision.startswith("Parking, heard in 3 notes")
    label = page.seven_ps.links[SevenP.PEOPLE]
    assert not label.isHidden()
    assert label.text() == "Drawn from 3 notes about parking: rewrite it in your words."


def test_the_engagement_tabs_add_drafts_and_select_them(qtbot):
    document = PlanDocument(listening_plan())
    page = show(qtbot, EngagementPage(document))
    strip = page.strips[SuggestionKind.MEASURE]
    page.focus_path(("engagement", "measures"))
    qtbot.mouseClick(strip.buttons["allergies"], Qt.MouseButton.LeftButton)
    measure = document.plan.engagement.measures[-1]
    assert measure.from_listening is not None and "allergies" in measure.indicator
    table = page.tables[("engagement", "measures")]
    assert table.current_row_id() == measure.id
    assert page.measure_detail.link_label.text() == "From 3 notes about allergies"
    playbook = page.strips[SuggestionKind.PLAYBOOK]
    assert "Adds it as a new row, from 3 notes about parking" in (
        playbook.buttons["parking"].toolTip()
    )


def test_renaming_a_theme_changes_every_note_and_link_in_one_step(qtbot, monkeypatch):
    plan = listening_plan()
    document = PlanDocument(plan)
    draft = suggestions_for_theme(plan, "allergies")[2]
    insert_suggestion(document, draft)
    page = show(qtbot, ListeningPage(document))
    summary = page.learnings_summary
    summary.select_themes(["allergies"])
    monkeypatch.setattr(questions, "ask_theme_name", lambda *args: "food allergies")
    steps = document.undo_stack.count()
    qtbot.mouseClick(summary.rename_button, Qt.MouseButton.LeftButton)
    assert document.undo_stack.count() == steps + 1
    assert [n.tags for n in plan.listening.notes[:3]] == [
        ["food allergies"],
        ["food allergies"],
        ["food allergies", "prices"],
    ]
    assert plan.engagement.activities[0].from_listening.themes == ["food allergies"]
    assert "food allergies" in summary.theme_names()
    assert summary.selected_themes() == ["food allergies"]
    document.undo_stack.undo()
    assert plan.listening.notes[0].tags == ["allergies"]
    assert plan.engagement.activities[0].from_listening.themes == ["allergies"]


def test_merging_themes_whose_spelling_drifted(qtbot, monkeypatch):
    plan = listening_plan()
    document = PlanDocument(plan)
    page = show(qtbot, ListeningPage(document))
    summary = page.learnings_summary
    assert summary.count_of("allergies") == 3 and summary.count_of("allergy") == 1
    summary.select_themes(["allergies", "allergy"])
    assert summary.merge_button.isEnabled() and not summary.rename_button.isEnabled()
    asked = []
    monkeypatch.setattr(
        questions, "ask_theme_name", lambda *args: asked.append(args) or "allergies"
    )
    qtbot.mouseClick(summary.merge_button, Qt.MouseButton.LeftButton)
    assert "“allergies”, “allergy”" in asked[0][2]
    assert summary.count_of("allergies") == 4 and summary.count_of("allergy") is None
    document.undo_stack.undo()
    summary.summary.recount()
    assert summary.count_of("allergy") == 1


def test_a_cancelled_rename_changes_nothing(qtbot, monkeypatch):
    document = PlanDocument(listening_plan())
    page = show(qtbot, ListeningPage(document))
    page.learnings_summary.select_themes(["parking"])
    monkeypatch.setattr(questions, "ask_theme_name", lambda *args: None)
    page.learnings_summary.rename_selected()
    assert document.undo_stack.count() == 0
    assert rename_themes(document, ["no such theme"], "anything") == 0
