"""Keys, focus and shortcuts on a real X11 display (see tests/x11/conftest.py)."""

from __future__ import annotations

import pytest

from tests.gui.conftest import write_plan

pytestmark = [pytest.mark.gui, pytest.mark.x11]


def test_ctrl_e_exports_from_a_one_line_field(run_x11):
    result = run_x11("ctrl_e_from_a_line_edit")
    assert result["focused"]
    assert result["calls"] == ["export"]
    assert result["cursor"] == 0  # the field did not take it as "end of line"


def test_every_app_shortcut_wins_in_every_kind_of_text_widget(run_x11):
    result = run_x11("app_shortcuts_from_text_widgets")
    assert result["checked"] > 30
    assert result["widgets"]["date field"] == "DateLineEdit"
    assert result["widgets"]["number cell"] == "_CellLineEdit"
    assert result["missed"] == {}


def test_the_keyboard_lands_in_the_first_answer(run_x11, tmp_path):
    plan = write_plan(tmp_path / "plan.json", title="Saved plan")
    result = run_x11("focus_after_moving", str(plan))
    assert result["Ctrl+1"] == "details.title"
    assert result["Ctrl+2"] == "management.presence"
    assert result["Ctrl+3"] == "listening.intent"
    assert result["Ctrl+4"] == "planning.intent"
    assert result["Ctrl+5"] == "engagement.playbook"
    assert result["Ctrl+6"] == "review_checklist"
    assert result["Alt+Right"] == "management.presence"
    assert result["Alt+Left"] == "details.title"
    assert result["step list click"] == "planning.intent"
    assert result["step list Enter"] == "engagement.playbook"
    assert result["step list arrow"] == "step_list_view"
    assert result["New plan"] == "details.title"
    assert result["typed after New plan"] == "Typed at once"
    assert result["Open"] == "details.title" and result["page after Open"] == "DETAILS"
    assert result["Ctrl+1 then typing"] == "Saved planHello"  # after the answer, not over it


def test_typing_after_tab_lands_in_the_answer_on_screen(run_x11):
    result = run_x11("typing_after_tab_lands_in_the_answer")
    assert result["7 P's after Tab"] == "seven_ps_list"
    assert result["7 P's typed"].endswith("Zeal")
    assert result["7 P's shown"] == 0  # still Purpose: letters did not pick another P
    assert result["Engagement after Tab"] == "engagement.playbook"
    assert result["Engagement typed"].endswith("Zeal")


def test_tab_stops_only_on_what_is_on_screen(run_x11):
    result = run_x11("tab_order_on_pages")
    assert result["bad"] == []
    assert result["stops"]["DETAILS/0"][:3] == [
        "details.title",
        "details.organisation",
        "details.industry",
    ]
    playbook = result["stops"]["ENGAGEMENT/0"]
    assert playbook[0] == "engagement.playbook"
    assert playbook[1] == "engagement.playbook.situation"  # then the selected row in full


def test_a_reopened_plan_shows_the_page_and_tab_where_it_was_left(run_x11, tmp_path):
    plan = write_plan(tmp_path / "plan.json", title="Saved plan")
    result = run_x11("reopened_plan_returns_to_its_place", str(plan))
    assert (result["page"], result["tab"]) == ("LISTENING", 1)
    assert result["focus"] == "listening.notes"


def test_dates_can_be_typed_picked_and_cleared(run_x11):
    result = run_x11("date_typing")
    assert result["cleared"] is None and result["clear shown"] == ""
    for typed, outcome in result["typed"].items():
        expected = "2026-04-03" if typed == "3/4/26" else "2026-03-12"
        assert outcome["stored"] == expected, typed
        assert outcome["left the field"], typed
    assert result["typed"]["12/03/2026"]["shown"] == "12 Mar 2026"
    half = result["half typed"]
    assert half["shown"] == "12/0"  # kept as typed, never "No date2/03/2026"
    assert half["stored"] == "2026-04-03"  # the plan keeps the date it had
    assert "not a whole date" in half["problem"] and "keeps 3 Apr 2026" in half["problem"]
    assert "not a whole date" in half["label"]
    assert half["left the field"]
    assert result["Ctrl+;"] == result["today"]
    today = result["today"]
    calendar = result["calendar"]
    assert calendar["shown"] and calendar["inside screen"]
    assert calendar["month"] == [int(today[:4]), int(today[5:7])]
    near_the_bottom = result["calendar near the bottom"]
    assert near_the_bottom["inside screen"] and near_the_bottom["above the field"]
    assert result["T in the calendar"] == today
