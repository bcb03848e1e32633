"""Cell values read as note fields: dates in many formats, sentiment words and ratings, themes."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from workbook.model import Sentiment

Cell = str | int | float | bool | date | datetime | time | timedelta | None
"""What a reader hands over for one cell: text from a text file, typed values from a sheet."""


class ValueProblem(ValueError):
    """A cell that cannot become the field's value; the message is for the user."""


def fold(text: str) -> str:
    """``text`` for matching: lower case, accents dropped, runs of spaces made one."""
    text = text.casefold()
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(text.split())


def cell_text(value: Cell) -> str:
    """A cell as the text a person saw in the file: ``4`` not ``4.0``, dates as YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


# ---------------------------------------------------------------- dates


class DateOrder(StrEnum):
    """How a date such as 03/04/2024 is read."""

    DAY_FIRST = "day_first"
    MONTH_FIRST = "month_first"

    @property
    def label(self) -> str:
        return {"day_first": "day first (31/12/2024)", "month_first": "month first (12/31/2024)"}[
            self.value
        ]


_MONTHS_BY_LANGUAGE = {
    "en": "january february march april may june july august september october november december",
    "de": "januar februar marz april mai juni juli august september oktober november dezember",
    "fr": "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
    "diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
    "dicembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "pt": "janeiro fevereiro marco abril maio junho julho agosto setembro outubro novembro "
    "dezembro",
}
MONTHS: dict[str, int] = {}
for _names in _MONTHS_BY_LANGUAGE.values():
    for _number, _name in enumerate(_names.split(), start=1):
        MONTHS[_name] = _number
        MONTHS.setdefault(_name[:3], _number)
MONTHS.update(
    {"sept": 9, "janv": 1, "fevr": 2, "juil": 7, "jan": 1, "mrz": 3, "mrt": 3, "jaen": 1,
     "janner": 1, "setiembre": 9, "ene": 1, "dic": 12, "dez": 12, "okt": 10}
)  # fmt: skip

_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s,])")
_NUMERIC = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?:$|[T\s,])")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})$")
_CLOCK = re.compile(r"\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?|[+-]\d{2}:?\d{2}\b")
_TOKENS = re.compile(r"[^\W\d_]+|\d+")

EXCEL_EPOCH = date(1899, 12, 30)
"""Day 0 of the 1900 date system; a spreadsheet date cell without its date style is a count
of days since then."""
SERIAL_RANGE = (2, 109_574)
"""Serial numbers taken as dates: from 1900 to 2199."""


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:  # 24 -> 2024, 85 -> 1985
        year += 2000 if year < 70 else 1900
    return year


def _make(year: int, month: int, day: int, raw: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueProblem(f"“{raw}” is not a day of the calendar") from None


def numeric_parts(text: str) -> tuple[int, int] | None:
    """The two leading numbers of a date such as 03/04/2024, which the column's order reads."""
    match = _NUMERIC.match(text)
    return (int(match.group(1)), int(match.group(2))) if match else None


def decide_order(values: Iterable[Cell]) -> DateOrder | None:
    """Day first or month first, decided from a whole column: a first number over 12 means
    day first, a second number over 12 month first. None when nothing tells them apart."""
    day_first = month_first = False
    for value in set(values):  # a column repeats its dates
        if isinstance(value, str):
            parts = numeric_parts(value.strip())
            if parts is not None:
                day_first |= parts[0] > 12
                month_first |= parts[1] > 12
    if day_first and not month_first:
        return DateOrder.DAY_FIRST
    if month_first and not day_first:
        return DateOrder.MONTH_FIRST
    return None


def _from_words(text: str, raw: str) -> date | None:
    """A date written with its month's name: "1 March 2024", "Mar 1, 2024", "1. März 2024",
    "le 1er mars 2024", "Fri, 01 Mar 2024 10:00:00 +0000"."""
    tokens = _TOKENS.findall(fold(_CLOCK.sub(" ", text)))
    months = [MONTHS[t] for t in tokens if t in MONTHS]
    numbers = [t for t in tokens if t.isdigit()]
    if len(months) != 1 or not numbers:
        return None
    years = [n for n in numbers if len(n) == 4]
    small = [n for n in numbers if len(n) <= 2]
    if len(years) == 1 and len(small) == 1:
        return _make(int(years[0]), months[0], int(small[0]), raw)
    if not years and len(small) == 2:  # "1 Mar 24"
        return _make(_year(small[1]), months[0], int(small[0]), raw)
    return None


class DateReader:
    """Reads one column's dates, each distinct text once (a column repeats its dates)."""

    def __init__(self, order: DateOrder | None, from_sheet: bool = False) -> None:
        self.order = order
        """None when the column never said: then 03/04/2024 is read day first, as most of
        the world writes it, and counted in :attr:`ambiguous`."""
        self.from_sheet = from_sheet
        self.ambiguous = 0
        self._cache: dict[str, date | None] = {}

    def read(self, value: Cell) -> date | None:
        """The date in ``value``, None for an empty cell; raises ValueProblem."""
        if type(value) is str and value in self._cache:  # a column repeats its dates
            return self._cache[value]
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        if value is None or isinstance(value, bool | time | timedelta):
            if value is None:
                return None
            raise ValueProblem(f"“{cell_text(value)}” is not a date")
        if isinstance(value, int | float):
            if self.from_sheet and SERIAL_RANGE[0] <= value <= SERIAL_RANGE[1]:
                return EXCEL_EPOCH + timedelta(days=int(value))
            raise ValueProblem(f"“{cell_text(value)}” is a number, not a date")
        text = value.strip()
        result = self._parse(text) if text else None
        self._cache[value] = result
        return result

    def _parse(self, text: str) -> date:
        match = _ISO.match(text)
        if match:
            return _make(int(match.group(1)), int(match.group(2)), int(match.group(3)), text)
        match = _NUMERIC.match(text)
        if match:
            first, second, year = int(match.group(1)), int(match.group(2)), match.group(3)
            order = self.order
            if order is None:
                if first <= 12 and second <= 12 and first != second:
                    self.ambiguous += 1
                order = DateOrder.MONTH_FIRST if first <= 12 < second else DateOrder.DAY_FIRST
            day, month = (first, second) if order == DateOrder.DAY_FIRST else (second, first)
            return _make(_year(year), month, day, text)
        match = _COMPACT.match(text)
        if match:
            return _make(int(match.group(1)), int(match.group(2)), int(match.group(3)), text)
        found = _from_words(text, text)
        if found is not None:
            return found
        raise ValueProblem(
            f"“{text}” is not a date format the import knows "
            "(for example 2024-03-31, 31/03/2024 or 31 March 2024)"
        )


# ---------------------------------------------------------------- sentiment

_WORDS = {
    Sentiment.POSITIVE: "positive pos good great happy praise love loved like liked satisfied "
    "favourable favorable positiv positif positivo positiva gut bien bueno buena buono "
    "👍 😀 😊 🙂 ❤️",
    Sentiment.NEGATIVE: "negative neg bad poor unhappy angry complaint dislike disliked "
    "dissatisfied unfavourable unfavorable negativ negatif negativo negativa schlecht mal malo "
    "mala cattivo 👎 😞 😠 🙁",
    Sentiment.NEUTRAL: "neutral neu neutre neutro neutra ok okay 0 😐",
    Sentiment.MIXED: "mixed mix both ambivalent gemischt mixte mixto mixta misto",
}
SENTIMENT_WORDS: dict[str, Sentiment] = {
    word: sentiment for sentiment, words in _WORDS.items() for word in words.split()
}
"""Every sentiment word the import knows, folded, with the sentiment it means."""
NO_SENTIMENT = frozenset({"-", "--", "—", "n/a", "na", "none", "null", "nan", "?"})
"""What spreadsheets write for "not judged": the sentiment is left empty, without a problem."""

_STARS = "★⭐"
_OUT_OF = re.compile(r"(-?\d+(?:[.,]\d+)?)\s*(?:/|of|out of|von|sur|de)\s*(\d+)")
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


class Scale(StrEnum):
    """What a column of plain numbers rates on."""

    STARS = "stars"
    """1 to 5 (a review site's stars)."""
    TEN = "ten"
    """0 to 10."""
    POLARITY = "polarity"
    """-1 to 1 (a listening tool's sentiment score)."""


def _number(text: str) -> float | None:
    match = _NUMBER.fullmatch(text)
    return float(match.group().replace(",", ".")) if match else None


def decide_scale(values: Iterable[Cell]) -> Scale | None:
    """The scale of a column's plain numbers: 1-5 stars, -1..1 polarity, else 0-10."""
    numbers = []
    for value in set(values):
        if isinstance(value, int | float) and not isinstance(value, bool):
            numbers.append(float(value))
        elif isinstance(value, str):
            text = value.strip()
            number = _number(text) if text and (text[0].isdigit() or text[0] in "+-") else None
            if number is not None:
                numbers.append(number)
    if not numbers:
        return None
    low, high = min(numbers), max(numbers)
    if low >= 1 and high <= 5:
        return Scale.STARS
    if low >= -1 and high <= 1:
        return Scale.POLARITY
    if low >= 0 and high <= 10:
        return Scale.TEN
    return None


def _from_rating(value: float, scale: Scale | None, raw: str) -> Sentiment:
    if scale == Scale.POLARITY:
        if value < -0.1:
            return Sentiment.NEGATIVE
        return Sentiment.POSITIVE if value > 0.1 else Sentiment.NEUTRAL
    if scale == Scale.TEN:
        value = value / 2
    elif scale != Scale.STARS:
        raise ValueProblem(f"the rating “{raw}” is not on a scale the import knows (1 to 5)")
    stars = math.floor(value + 0.5)
    if stars <= 2:
        return Sentiment.NEGATIVE
    return Sentiment.NEUTRAL if stars == 3 else Sentiment.POSITIVE


class SentimentReader:
    """Reads one column's sentiment: words in several languages, stars, ratings and scores."""

    def __init__(self, scale: Scale | None) -> None:
        self.scale = scale
        self._cache: dict[str, Sentiment | None] = {}

    def read(self, value: Cell) -> Sentiment | None:
        """The sentiment, None for an empty cell; raises ValueProblem for one it cannot read
        (the caller leaves the sentiment empty and says so)."""
        if type(value) is str and value in self._cache:
            return self._cache[value]
        if value is None or isinstance(value, bool):
            return None
        if isinstance(value, int | float):
            return _from_rating(float(value), self.scale, cell_text(value))
        if not isinstance(value, str):
            raise ValueProblem(f"“{cell_text(value)}” is not a sentiment")
        text = value.strip()
        result = self._parse(text) if text else None
        self._cache[value] = result
        return result

    def _parse(self, text: str) -> Sentiment:
        folded = fold(text)
        if folded in NO_SENTIMENT:
            return None
        if folded in SENTIMENT_WORDS:
            return SENTIMENT_WORDS[folded]
        filled = sum(text.count(star) for star in _STARS)
        if filled:
            return _from_rating(filled, Scale.STARS, text)
        out_of = _OUT_OF.search(folded)
        if out_of:
            value, top = float(out_of.group(1).replace(",", ".")), float(out_of.group(2))
            if 0 < top and 0 <= value <= top:
                stars = value if top == 5 else 1 + 4 * value / top
                return _from_rating(stars, Scale.STARS, text)
        number = _NUMBER.match(folded)
        if number is not None:
            unit = folded[number.end() :].strip()
            value = float(number.group().replace(",", "."))
            if unit in _STAR_WORDS:
                return _from_rating(value, Scale.STARS, text)
            if not unit:
                return _from_rating(value, self.scale, text)
        found = {SENTIMENT_WORDS[w] for w in re.findall(r"[^\W\d_]+", folded) if w in _KEY_WORDS}
        if len(found) == 1:
            return found.pop()
        raise ValueProblem(
            f"the sentiment “{text}” is not one the import knows "
            "(positive, negative, neutral, mixed, or a rating of 1 to 5)"
        )


_STAR_WORDS = {"stars", "star", "sterne", "stern", "etoiles", "etoile", "estrellas", "stelle"}
_KEY_WORDS = {word for word in SENTIMENT_WORDS if word.isalpha() and len(word) > 3}


# ---------------------------------------------------------------- themes

_TAG_SPLIT = re.compile(r"[;,|\n]+")


def read_tags(value: Cell) -> list[str]:
    """Themes from one cell: separated by commas, semicolons, bars or lines, or as #hashtags."""
    text = cell_text(value)
    if not text:
        return []
    parts = _TAG_SPLIT.split(text)
    if len(parts) == 1 and text.count("#") > 1:
        parts = text.split()
    tags: list[str] = []
    seen: set[str] = set()
    for part in parts:
        tag = part.strip().lstrip("#").strip()
        key = tag.casefold()
        if tag and key not in seen:
            seen.add(key)
            tags.append(tag)
    return tags


def looks_like_formula(value: Any) -> bool:
    """Text that a spreadsheet program would run as a formula (``=SUM(A1:A3)``)."""
    return isinstance(value, str) and len(value) > 1 and value.lstrip().startswith("=")
