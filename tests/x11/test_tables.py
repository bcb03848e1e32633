"""Tables on a real X11 display: they never eat typing or rows (see tests/x11/conftest.py)."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.gui, pytest.mark.x11]


def test_tab_goes_from_cell_to_cell_like_a_spreadsheet(run_x11):
    result = run_x11("tab_from_cell_to_cell")
    assert result["visited"] == ["said", "tags", "sentiment", "wants", "sentiment", "source", "who"]
    assert result["said"] == "Asked about rye"
    assert result["tags"] == ["allergies", "bread"]
    assert result["wants"] == "Wants a list"
    assert result["date"] == "2026-03-12"
    assert result["source"] == "Market stall"
    assert result["focus in table"]


def test_no_stray_key_deletes_rows(run_x11):
    result = run_x11("no_stray_key_deletes_rows")
    assert result["buttons in the Tab chain"] == []
    assert not any(stop.startswith("table button") for stop in result["stops"])
    assert result["after spaces"] == result["before"]
    assert result["notice"].startswith("Deleted person 1")
    assert result["first name"] in result["notice"]
    assert result["undo shown"]
    assert result["after undo"] == result["before"] and not result["notice after undo"]


def test_clicking_a_selected_cell_and_typing_keeps_every_character(run_x11):
    result = run_x11("click_a_selected_cell_and_type")
    assert result["role"].startswith("Baker ")


def test_the_notes_count_is_right_after_deletes_undo_and_search(run_x11):
    result = run_x11("notes_count_after_delete_and_undo")
    total, shown = result["total"], result["shown"]
    assert result["counts"] == [
        f"{total - 3} notes",
        f"{total} notes",
        f"Showing {shown} of {total} notes",
        f"Showing {shown - 1} of {total - 1} notes",
        f"Showing {shown} of {total} notes",
    ]


def test_keys_reach_the_table_from_the_fields(run_x11):
    result = run_x11("keys_reach_the_table")
    assert result["start"] == "listening.intent"
    assert result["Ctrl+T"] == "listening.places"
    assert result["Insert added a place"]
    assert result["new place"] == "Harbour Street market"
    assert result["Ctrl+F from the learnings"] == "notes_search"
    assert result["tab after Ctrl+F"] == 1
    assert result["Ctrl+F from the details"] == "notes_search"
    assert result["Ctrl+T on the details"] == "details.title"
    assert result["status"] == "This page has no table."
    assert result["Ctrl+T from a form tab"] == "engagement.playbook"
    assert result["Insert on the activities"] == 1
