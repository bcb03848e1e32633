"""The start page: recent plans, worked examples, and starting a new plan from a copy."""

from __future__ import annotations

import os
from datetime import date

import pytest
from PySide6.QtCore import Qt

from tests.gui.conftest import write_plan
from workbook.examples import list_examples
from workbook.gui.dialogs import CopySource, CopySourceDialog
from workbook.gui.settings import RecentPlan
from workbook.gui.start_page import StartPage
from workbook.gui.theme import muted_text
from workbook.gui.widgets import clock
from workbook.model import Person, Plan
from workbook.resources import resource_path
from workbook.storage import load_plan, save_plan

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot, settings):
    widget = StartPage(settings)
    qtbot.addWidget(widget)
    return widget


def rows(page):
    tree = page.recent
    return [
        [tree.topLevelItem(i).text(c) for c in range(3)] for i in range(tree.topLevelItemCount())
    ]


def test_recent_plans_show_organisation_title_file_and_date(page, settings, tmp_path):
    path = write_plan(tmp_path / "bakery.json")
    os.utime(path, (1_780_000_000, 1_780_000_000))
    settings.add_recent(RecentPlan(tmp_path / "gone.json", "Old plan", "Closed shop"))
    settings.add_recent(RecentPlan(path, "Spring plan", "Wrenford Bakery"))
    page.refresh_recent()
    from datetime import datetime

    shown = datetime.fromtimestamp(1_780_000_000).strftime("%d %b %Y %H:%M")
    assert rows(page) == [
        ["Wrenford Bakery — Spring plan", "bakery.json", shown],
        ["Closed shop — Old plan", "gone.json", "file not found"],
    ]
    missing = page.recent.topLevelItem(1)
    assert missing.foreground(0).color() == muted_text(page.palette())
    assert page.recent_stack.currentWidget() is page.recent


def test_an_empty_recent_list_says_what_will_appear(page):
    assert page.recent_stack.currentWidget() is page.empty_recent
    assert not page.open_recent_button.isEnabled()


def test_remove_entries_but_not_files(page, settings, tmp_path):
    a = write_plan(tmp_path / "a.json")
    b = write_plan(tmp_path / "b.json")
    settings.add_recent(RecentPlan(a))
    settings.add_recent(RecentPlan(b))
    page.refresh_recent()
    page.recent.setCurrentItem(page.recent.topLevelItem(0))
    page.remove_selected_recent()
    assert [p.path for p in settings.recent_plans] == [a]
    assert b.exists()
    page.remove_recent_button.click()
    assert settings.recent_plans == [] and a.exists()


def test_delete_key_in_the_list(page, settings, qtbot, tmp_path):
    a = write_plan(tmp_path / "a.json")
    settings.add_recent(RecentPlan(a))
    page.refresh_recent()
    qtbot.keyClick(page.recent, Qt.Key.Key_Delete)
    assert settings.recent_plans == []


def test_enter_opens_the_selected_recent_plan(make_window, settings, qtbot, tmp_path):
    first = write_plan(tmp_path / "first.json", title="First")
    second = write_plan(tmp_path / "second.json", title="Second")
    settings.add_recent(RecentPlan(first))
    settings.add_recent(RecentPlan(second))
    window = make_window()
    window.show()
    page = window.start_page
    page.recent.setCurrentItem(page.recent.topLevelItem(1))
    qtbot.keyClick(page.recent, Qt.Key.Key_Return)
    assert window.document.plan.details.title == "First"
    assert window.document.file_path == first


def test_buttons_start_a_plan(make_window, answers, qtbot, tmp_path):
    window = make_window()
    window.show()
    qtbot.mouseClick(window.start_page.new_button, Qt.MouseButton.LeftButton)
    assert window.has_plan and window.document.file_path is None
    window.close_plan()
    path = write_plan(tmp_path / "plan.json", title="From the button")
    answers.set("ask_open_path", path)
    qtbot.mouseClick(window.start_page.open_button, Qt.MouseButton.LeftButton)
    assert window.document.plan.details.title == "From the button"


def test_worked_examples_are_listed_and_open_untitled(make_window, answers, tmp_path):
    window = make_window()
    page = window.start_page
    page.load_examples()
    infos = list_examples()
    assert page.examples.count() == len(infos) > 0
    first = page.examples.item(0)
    assert infos[0].description in first.text()
    resource = resource_path("examples", f"{infos[0].name}.json")
    before = resource.read_bytes()

    page.examples.itemActivated.emit(first)
    assert window.document.file_path is None and not window.isWindowModified()
    assert window.document.plan.details.title == infos[0].title
    window.document.set_value(("details", "prepared_for"), "A client")
    answers.set(
        "ask_save_path",
        lambda _parent, suggested: (
            (suggested.parent != resource.parent or pytest.fail("suggested the resource folder"))
            and tmp_path / "mine.json"
        ),
    )
    assert window.files.save()  # an untitled plan: Save asks where
    assert resource.read_bytes() == before
    assert load_plan(tmp_path / "mine.json").plan.details.prepared_for == "A client"


def _source_plan() -> Plan:
    plan = Plan()
    plan.details.title = "Autumn plan"
    plan.details.organisation = "Riverbank Physio"
    plan.details.prepared_for = "Dr Ahmed"
    plan.details.plan_date = date(2026, 9, 1)
    plan.details.revision_note = "Final"
    plan.planning.intent = "Help people move without pain"
    plan.management.people = [Person(name="Dr Ahmed", role="Physio", can_publish=True)]
    return plan


def test_new_plan_from_a_copy_of_a_file_keeps_structure_not_words(
    make_window, answers, settings, tmp_path
):
    settings.consultant_name = "Sam Consultant"
    source = tmp_path / "autumn.json"
    save_plan(_source_plan(), source)
    before = source.read_bytes()
    window = make_window()
    answers.set("ask_copy_source", CopySource(path=source))
    window.actions.new_from_copy.trigger()
    plan = window.document.plan
    # The previous client's words stay behind; the consultant signs and dates the copy.
    assert (plan.details.title, plan.details.organisation, plan.planning.intent) == ("", "", "")
    assert (plan.details.prepared_for, plan.details.revision_note) == ("", "")
    assert plan.details.prepared_by == "Sam Consultant"
    assert plan.details.plan_date == clock.today()
    assert [p.role for p in plan.management.people] == ["Physio"]
    assert [p.name for p in plan.management.people] == [""]
    assert window.document.file_path is None and window.isWindowModified()
    assert source.read_bytes() == before


def test_ticked_parts_of_the_copy_are_kept(make_window, answers, tmp_path):
    source = tmp_path / "autumn.json"
    save_plan(_source_plan(), source)
    window = make_window()
    answers.set(
        "ask_copy_source",
        CopySource(path=source, keep=frozenset({"details", "planning", "names"})),
    )
    window.files.new_from_copy()
    plan = window.document.plan
    assert (plan.details.title, plan.details.organisation) == ("Autumn plan", "Riverbank Physio")
    assert plan.planning.intent == "Help people move without pain"
    assert [p.name for p in plan.management.people] == ["Dr Ahmed"]
    assert plan.details.prepared_for == "" and plan.details.plan_date == clock.today()
    window.document.set_value(("planning", "intent"), "changed in the copy")
    assert load_plan(source).plan.planning.intent == "Help people move without pain"


def test_new_plan_from_a_copy_of_an_example(make_window, answers):
    name = list_examples()[0].name
    window = make_window()
    answers.set("ask_copy_source", CopySource(example=name))
    window.start_page.copy_button.click()
    plan = window.document.plan
    assert plan.details.prepared_for == "" and plan.details.organisation == ""
    assert plan.management.presence  # the platforms came along
    assert all(not c.handle for c in plan.management.presence)
    assert window.document.file_path is None


def test_a_blank_plan_is_prepared_by_the_profile_and_dated_today(make_window, settings):
    settings.consultant_name = "Sam Consultant"
    settings.consultant_company = "Harbour Advisory"
    window = make_window()
    window.files.new_plan()
    details = window.document.plan.details
    assert details.prepared_by == "Sam Consultant, Harbour Advisory"
    assert details.plan_date == clock.today()
    assert not window.isWindowModified()  # nothing to save yet: these are its defaults


def test_copy_source_dialog_offers_examples_recent_plans_and_parts(
    make_window, answers, settings, tmp_path
):
    recent = write_plan(tmp_path / "recent.json")
    settings.add_recent(RecentPlan(recent))
    settings.add_recent(RecentPlan(tmp_path / "gone.json"))
    answers.set("ask_copy_source", None)
    make_window().files.new_from_copy()
    ((_parent, examples, recent_paths, _folder, parts),) = answers.messages("ask_copy_source")
    assert [name for name, _title in examples] == [i.name for i in list_examples()]
    assert recent_paths == [recent]  # a missing file is not offered
    offered = {name for name, _label, _on in parts}
    assert {name for name, _label, on in parts if on} == {
        "platforms",
        "roles",
        "policy_headings",
        "situations",
        "indicators",
    }
    assert "notes" in offered and "learnings" in offered


def test_copy_source_dialog_returns_the_ticked_parts(qtbot, tmp_path):
    dialog = CopySourceDialog(
        [("bakery", "Bakery")],
        [],
        tmp_path,
        parts=[("platforms", "Platforms", True), ("notes", "Listening notes", False)],
    )
    qtbot.addWidget(dialog)
    dialog.part_boxes["notes"].setChecked(True)
    dialog.part_boxes["platforms"].setChecked(False)
    dialog._accept_selected()
    assert dialog.choice == CopySource(example="bakery", keep=frozenset({"notes"}))


def test_worked_examples_open_with_a_button(make_window):
    window = make_window()
    page = window.start_page
    page.load_examples()
    assert not page.open_example_button.isEnabled()  # nothing chosen yet
    page.examples.setCurrentRow(1)
    assert page.open_example_button.isEnabled()
    page.open_example_button.click()
    assert window.document.plan.details.title == list_examples()[1].title


def test_a_broken_source_is_reported_and_nothing_changes(make_window, answers, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    window = make_window()
    answers.set("ask_copy_source", CopySource(path=broken))
    window.files.new_from_copy()
    ((_parent, title, message),) = answers.messages("show_error")
    assert title == "Could not copy the plan" and "broken.json" in message
    assert not window.has_plan
