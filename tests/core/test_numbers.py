"""Numbers as people type them (workbook.numbers): never rewritten, refused with a reason."""

from __future__ import annotations

import pytest

from workbook.numbers import NumberParseError, parse_number


@pytest.mark.parametrize(
    ("typed", "point", "value"),
    [
        ("2.5", ".", 2.5),
        ("2,5", ",", 2.5),
        ("2,5", ".", 2.5),  # a lone comma before one digit is a decimal point anywhere
        ("1,200", ".", 1200),
        ("1.200", ",", 1200),
        ("1 200,50", ",", 1200.5),
        ("1,200.50", ".", 1200.5),
        ("£40", ".", 40),
        ("40 €", ",", 40),
        (".5", ".", 0.5),
        ("0", ".", 0),
        ("", ".", None),
        ("  ", ".", None),
    ],
)
def test_numbers_as_typed(typed, point, value):
    assert parse_number(typed, decimal_point=point) == value


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("2-3", "is a range"),
        ("2 to 3", "is a range"),
        ("2–3", "is a range"),
        ("about 4", "is not a number"),
        ("1,2,3", "is not a number"),
        ("2..5", "is not a number"),
        ("-1", "cannot be less than 0"),
        ("200", "cannot be more than 168"),
    ],
)
def test_what_is_not_one_number_is_refused_never_rewritten(typed, says):
    with pytest.raises(NumberParseError) as caught:
        parse_number(typed, minimum=0, maximum=168, name="Hours per week")
    message = str(caught.value)
    assert says in message and "Hours per week" in message
