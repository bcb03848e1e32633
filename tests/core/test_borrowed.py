"""Text from an example or a placeholder, left unchanged, is "not yet yours"."""

from __future__ import annotations

import pytest

from workbook.borrowed import GUIDANCE, example_source, is_example_text, own_example
from workbook.examples import example_value, list_examples, load_example
from workbook.guidance import FIELD_GUIDES
from workbook.model import Plan, SevenP

ROW = "0123456789ab"


@pytest.mark.parametrize(
    "path",
    [
        ("listening", "learnings", "market_wants"),
        ("planning", "intent"),
        ("listening", "notes", ROW, "said"),
        ("engagement", "playbook", ROW, "example_reply"),
        ("planning", "seven_ps", "practices", "decision"),
    ],
)
def test_an_examples_text_is_found_at_its_field_with_any_row_id(path) -> None:
    text = example_value("physio", path)
    assert text
    assert is_example_text(path, text)
    assert example_source(path, text) == "physio"
    assert not is_example_text(path, text + " For us, also the school run.")


def test_the_same_words_in_another_field_are_the_users() -> None:
    text = example_value("physio", ("listening", "learnings", "market_wants"))
    assert not is_example_text(("listening", "learnings", "unlearn"), text)


def test_a_p_decision_counts_under_any_p() -> None:
    text = example_value("bakery", ("planning", "seven_ps", "purpose", "decision"))
    for p in SevenP:
        assert is_example_text(("planning", "seven_ps", p.value, "decision"), text)


def test_placeholders_count_too() -> None:
    placeholder = FIELD_GUIDES["engagement.review.feedback"].placeholder
    path = ("engagement", "review", "feedback")
    assert is_example_text(path, placeholder)
    assert example_source(path, placeholder) == GUIDANCE


def test_short_common_answers_are_anybodys() -> None:
    assert not is_example_text(("engagement", "measures", ROW, "review_cadence"), "Monthly")
    assert not is_example_text(("planning", "seven_ps", "purpose", "owner"), "Maria")


def test_full_names_from_an_example_are_borrowed() -> None:
    assert is_example_text(("planning", "seven_ps", "purpose", "owner"), "Maria Okafor")


def test_non_text_is_never_example_text() -> None:
    assert not is_example_text(("management", "resources", "hours_per_week"), 4.5)
    assert not is_example_text(("details", "plan_date"), None)


@pytest.mark.parametrize("name", [info.name for info in list_examples()])
def test_an_example_is_its_own_words_until_it_is_another_business(name: str) -> None:
    plan = load_example(name)
    assert own_example(plan) == name
    path = ("listening", "learnings", "reputation")
    text = plan.listening.learnings.reputation
    assert not is_example_text(path, text, plan)
    plan.details.organisation = "Somebody Else Ltd"
    assert own_example(plan) is None
    assert is_example_text(path, text, plan)


def test_a_blank_plan_has_no_own_example() -> None:
    assert own_example(Plan()) is None
    assert own_example(None) is None
