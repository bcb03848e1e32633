"""Numbers as people type them into a number field ("2.5", "2,5" where the comma is the
decimal point, "1,200", "£40"), and a plain message for text that is not one number.

A number field never rewrites what was typed: "2-3" is not read as 23 (or as 2); it is
refused with a message that says why and what to type, and the plan keeps what it had.
"""

from __future__ import annotations

import re


class NumberParseError(ValueError):
    """Text that is not one number the field accepts; ``str(error)`` says what to type."""


_CURRENCY = "$£€¥₹"
_RANGE = re.compile(r"^\s*[\d.,]+\s*(?:-|–|—|to|or)\s*[\d.,]+\s*$", re.IGNORECASE)


def _plain(value: float) -> str:
    return f"{value:g}"


def parse_number(
    text: str,
    *,
    decimal_point: str = ".",
    minimum: float | None = None,
    maximum: float | None = None,
    name: str = "This field",
) -> float | None:
    """The number ``text`` stands for; None for empty text. ``decimal_point`` is the
    locale's; ``name`` (the field's title) goes into the messages. Raises
    :class:`NumberParseError`."""
    typed = text.strip()
    if not typed:
        return None
    if _RANGE.match(typed):
        raise NumberParseError(
            f"“{typed}” is a range, but {name} takes one number. Type one number, such as "
            f"{_example(decimal_point)}."
        )
    cleaned = typed.strip(_CURRENCY + " \u00a0")
    for space in (" ", "\u00a0", "\u202f"):
        cleaned = cleaned.replace(space, "")
    number = _normalised(cleaned, decimal_point)
    if number is None:
        raise NumberParseError(
            f"“{typed}” is not a number. {name} takes one number, such as "
            f"{_example(decimal_point)}."
        )
    value = float(number)
    if minimum is not None and value < minimum:
        raise NumberParseError(f"{name} cannot be less than {_plain(minimum)}.")
    if maximum is not None and value > maximum:
        raise NumberParseError(f"{name} cannot be more than {_plain(maximum)}.")
    return value


def _normalised(text: str, decimal_point: str) -> str | None:
    """``text`` with "." as its decimal point and no group separators, or None when it is
    not one number. Groups of thousands must have three digits ("1,200"); a lone "," or
    "." before one or two digits is the decimal point, whatever the locale ("2,5")."""
    sign = text[:1] if text[:1] in "+-" else ""
    body = text[len(sign) :]
    marks = [c for c in body if c in ".,"]
    decimal = ""
    if len(set(marks)) == 2:
        decimal = body[max(body.rfind("."), body.rfind(","))]
    elif len(marks) == 1:
        tail = body.rsplit(marks[0], 1)[1]
        decimal = marks[0] if len(tail) != 3 or marks[0] == decimal_point else ""
    whole, _, fraction = body.rpartition(decimal) if decimal else (body, "", "")
    groups = whole.replace(",", ".").split(".") if whole else [""]
    if len(groups) > 1 and (
        not groups[0] or len(groups[0]) > 3 or any(len(g) != 3 for g in groups[1:])
    ):
        return None
    digits = "".join(groups)
    if not re.fullmatch(r"\d*", digits) or not re.fullmatch(r"\d*", fraction):
        return None
    if not digits and not fraction:
        return None
    return f"{sign}{digits or '0'}.{fraction or '0'}"


def _example(decimal_point: str) -> str:
    return f"2{decimal_point}5"
