"""From a table to new listening notes: dates, sentiment, themes, the column guess and presets,
duplicates, and what each row's problems say."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from tests.core import import_files
from workbook.importing.columns import PRESETS, column_index, guess_mapping
from workbook.importing.notes import RowStatus, convert, existing_keys
from workbook.importing.table import Table, read_table
from workbook.importing.values import (
    DateOrder,
    DateReader,
    Scale,
    SentimentReader,
    ValueProblem,
    decide_order,
    decide_scale,
    read_tags,
)
from workbook.model import ListeningNote, Sentiment

D = datetime.date

# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-31", D(2024, 3, 31)),
        ("2024-03-31T23:15:00Z", D(2024, 3, 31)),
        ("2024-03-31 08:00:00+02:00", D(2024, 3, 31)),
        ("2024/3/5", D(2024, 3, 5)),
        ("20240331", D(2024, 3, 31)),
        ("31/03/2024", D(2024, 3, 31)),
        ("31.03.24", D(2024, 3, 31)),
        ("31-03-2024 14:02", D(2024, 3, 31)),
        ("31 March 2024", D(2024, 3, 31)),
        ("March 31, 2024", D(2024, 3, 31)),
        ("Mar 31 2024 10:00 PM", D(2024, 3, 31)),
        ("Sun, 31 Mar 2024 10:00:00 +0000", D(2024, 3, 31)),
        ("31st March 2024", D(2024, 3, 31)),
        ("31. März 2024", D(2024, 3, 31)),
        ("le 31 mars 2024", D(2024, 3, 31)),
        ("31 de marzo de 2024", D(2024, 3, 31)),
        ("1 Sept 24", D(2024, 9, 1)),
        (" ", None),
        (datetime.datetime(2024, 3, 31, 12, 0), D(2024, 3, 31)),
        (D(2024, 3, 31), D(2024, 3, 31)),
    ],
)
def test_dates_in_many_formats(text, expected) -> None:
    assert DateReader(None).read(text) == expected


@pytest.mark.parametrize(
    "text",
    ["yesterday", "31/02/2024", "2024-13-01", "March 2024", "12:30", "soon-ish", "4.5"],
)
def test_dates_that_cannot_be_read(text: str) -> None:
    with pytest.raises(ValueProblem):
        DateReader(None).read(text)


def test_serial_numbers_are_dates_only_in_a_spreadsheet() -> None:
    assert DateReader(None, from_sheet=True).read(45352.0) == D(2024, 3, 1)
    with pytest.raises(ValueProblem):
        DateReader(None).read(45352.0)


def test_day_or_month_first_is_decided_from_the_whole_column() -> None:
    assert decide_order(["01/02/2024", "13/02/2024"]) == DateOrder.DAY_FIRST
    assert decide_order(["01/02/2024", "02/13/2024"]) == DateOrder.MONTH_FIRST
    assert decide_order(["01/02/2024", "2024-03-01"]) is None
    assert decide_order(["01/02/2024", "13/02/2024", "02/13/2024"]) is None  # it says both


def test_a_column_decided_month_first_reads_every_row_month_first() -> None:
    reader = DateReader(DateOrder.MONTH_FIRST)
    assert reader.read("01/02/2024") == D(2024, 1, 2)
    assert reader.ambiguous == 0


def test_undecided_dates_are_read_day_first_and_counted() -> None:
    reader = DateReader(None)
    assert reader.read("01/02/2024") == D(2024, 2, 1)
    assert reader.read("05/05/2024") == D(2024, 5, 5)  # the same either way
    assert reader.ambiguous == 1


# ---------------------------------------------------------------- sentiment and themes


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Positive", Sentiment.POSITIVE),
        ("NEGATIVE", Sentiment.NEGATIVE),
        ("neutral", Sentiment.NEUTRAL),
        ("Mixed", Sentiment.MIXED),
        ("positiv", Sentiment.POSITIVE),
        ("Négatif", Sentiment.NEGATIVE),
        ("neutro", Sentiment.NEUTRAL),
        ("Positive (0.82)", Sentiment.POSITIVE),
        ("★★★★☆", Sentiment.POSITIVE),
        ("★★", Sentiment.NEGATIVE),
        ("4/5", Sentiment.POSITIVE),
        ("3 out of 5", Sentiment.NEUTRAL),
        ("2 stars", Sentiment.NEGATIVE),
        ("8/10", Sentiment.POSITIVE),
        ("👍", Sentiment.POSITIVE),
        ("n/a", None),
        ("", None),
    ],
)
def test_sentiment_words_and_ratings(value, expected) -> None:
    assert SentimentReader(None).read(value) == expected


@pytest.mark.parametrize(
    ("column", "scale", "readings"),
    [
        ([1, 2, 3, 4, 5], Scale.STARS, ["negative", "negative", "neutral", "positive", "positive"]),
        (["4,5", "2,5", "3"], Scale.STARS, ["positive", "neutral", "neutral"]),
        ([-0.8, 0.0, 0.6, 1], Scale.POLARITY, ["negative", "neutral", "positive", "positive"]),
        ([0, 5, 9, 10], Scale.TEN, ["negative", "neutral", "positive", "positive"]),
    ],
)
def test_numbers_are_read_on_the_columns_scale(column, scale, readings) -> None:
    assert decide_scale(column) == scale
    reader = SentimentReader(scale)
    assert [reader.read(value).value for value in column] == readings


def test_unknown_sentiment_is_a_problem() -> None:
    with pytest.raises(ValueProblem, match="meh"):
        SentimentReader(None).read("meh")
    with pytest.raises(ValueProblem, match="scale"):
        SentimentReader(decide_scale([70, 80])).read(70)


@pytest.mark.parametrize(
    ("cell", "tags"),
    [
        ("cake, staff", ["cake", "staff"]),
        ("cake; Staff;staff | price", ["cake", "Staff", "price"]),
        ("#bread #sourdough", ["bread", "sourdough"]),
        ("", []),
    ],
)
def test_themes_from_a_cell(cell: str, tags: list[str]) -> None:
    assert read_tags(cell) == tags


# ---------------------------------------------------------------- which column is which


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (
            ["Date", "Author", "Review", "Rating", "Tags"],
            {"noted_on": 0, "who": 1, "said": 2, "tags": 4, "sentiment": 3},
        ),
        (
            ["Datum", "Kunde", "Kommentar", "Sterne", "Themen"],
            {"noted_on": 0, "who": 1, "said": 2, "tags": 4, "sentiment": 3},
        ),
        (
            ["Date de publication", "Auteur", "Commentaire", "Plateforme"],
            {"noted_on": 0, "source": 3, "who": 1, "said": 2},
        ),
        (
            ["Fecha", "Usuario", "Comentario", "Sentimiento"],
            {"noted_on": 0, "who": 1, "said": 2, "sentiment": 3},
        ),  # fmt: skip
        (
            ["Created At", "Screen Name", "Snippet", "Polarity"],
            {"noted_on": 0, "who": 1, "said": 2, "sentiment": 3},
        ),  # fmt: skip
        (["Unrelated", "Columns"], {}),
    ],
)
def test_columns_guessed_from_headers_in_several_languages(headers, expected) -> None:
    assert guess_mapping(headers)[0] == expected


def test_review_site_preset() -> None:
    headers = ["Review Date", "Reviewer Name", "Rating", "Review Text", "Owner Response"]
    mapping, preset = guess_mapping(headers)
    assert preset == "review_site"
    assert mapping == {"noted_on": 0, "who": 1, "said": 3, "sentiment": 2, "follow_up": 4}


def test_listening_tool_preset_prefers_the_full_text_over_the_snippet() -> None:
    headers = ["Date", "Snippet", "Full Text", "Author", "Sentiment", "Page Type", "Categories"]
    mapping, preset = guess_mapping(headers)
    assert preset == "listening_tool"
    assert mapping == {"noted_on": 0, "source": 5, "who": 3, "said": 2, "tags": 6, "sentiment": 4}


def test_our_own_notes_csv_by_key_and_by_title() -> None:
    keys = ["id", "noted_on", "source", "who", "said", "tags", "sentiment", "wants",
            "opportunity", "follow_up"]  # fmt: skip
    mapping, preset = guess_mapping(keys)
    assert preset == "workbook"
    assert mapping == {name: index for index, name in enumerate(keys) if name != "id"}
    titles = ["Date", "Place or source", "Who", "What was said", "Themes", "Sentiment",
              "What they want", "Opportunity to serve", "Follow-up"]  # fmt: skip
    assert list(guess_mapping(titles)[0].values()) == list(range(9))


def test_a_chosen_preset_comes_first() -> None:
    headers = ["Date", "Comment", "Review Text"]
    assert guess_mapping(headers) == ({"noted_on": 0, "said": 1}, None)
    assert guess_mapping(headers, "review_site")[0] == {"noted_on": 0, "said": 2}
    assert {p.key for p in PRESETS} == {"review_site", "listening_tool", "workbook"}


def test_column_named_by_header_or_number() -> None:
    headers = ["Date", "Commentaire"]
    assert column_index(headers, "Commentaire") == 1
    assert column_index(headers, "commentaire") == 1
    assert column_index(headers, "2") == 1
    assert column_index(headers, "Nope") is None


# ---------------------------------------------------------------- rows to notes


def _table(rows: list[list[object]], headers: list[str] | None = None) -> Table:
    headers = headers or ["Date", "Review", "Rating", "Tags"]
    return Table(
        path=Path("notes.csv"),
        format="CSV text",
        headers=headers,
        rows=rows,
        row_numbers=list(range(2, len(rows) + 2)),
        header_row=1,
    )


def test_rows_become_notes_with_each_rows_outcome() -> None:
    table = _table(
        [
            ["01/03/2024", "Great cake", "5", "cake"],
            ["13/03/2024", "Too slow", "2", ""],
            ["", "", "", ""],
            ["yesterday", "Bad date", "1", ""],
            ["14/03/2024", "Meh", "so-so", ""],
            ["01/03/2024", "great   CAKE", "5", ""],
        ]
    )
    mapping, _preset = guess_mapping(table.headers)
    result = convert(table, mapping)
    assert [o.status for o in result.outcomes] == [
        RowStatus.NEW,
        RowStatus.NEW,
        RowStatus.EMPTY,
        RowStatus.FAILED,
        RowStatus.NEW,
        RowStatus.DUPLICATE,
    ]
    assert (result.imported, result.skipped, result.failed) == (3, 2, 1)
    first = result.notes[0]
    assert (first.noted_on, first.said, first.sentiment, first.tags) == (
        D(2024, 3, 1),
        "Great cake",
        Sentiment.POSITIVE,
        ["cake"],
    )
    assert result.date_order == DateOrder.DAY_FIRST
    assert "yesterday" in result.outcomes[3].problems[0]
    # An unknown sentiment word does not stop the note: it is left empty, and said.
    assert result.notes[2].sentiment is None
    assert (
        "so-so" in result.outcomes[4].problems[0] and "left empty" in result.outcomes[4].problems[0]
    )
    assert result.outcomes[5].problems == ("the same note as row 2",)
    assert result.summary() == "3 new notes; 2 skipped; 1 not imported"


def test_notes_already_in_the_plan_are_skipped() -> None:
    plan_notes = [ListeningNote(noted_on=D(2024, 3, 1), said="Great  Cake")]
    table = _table([["2024-03-01", "great cake", "", ""], ["2024-03-02", "great cake", "", ""]])
    result = convert(table, {"noted_on": 0, "said": 1}, existing=existing_keys(plan_notes))
    assert [o.status for o in result.outcomes] == [RowStatus.DUPLICATE, RowStatus.NEW]
    assert result.outcomes[0].problems == ("already in the plan",)


def test_chosen_date_order_wins_over_the_columns() -> None:
    table = _table([["01/02/2024", "a", "", ""], ["13/02/2024", "b", "", ""]])
    result = convert(table, {"noted_on": 0, "said": 1}, order=DateOrder.MONTH_FIRST)
    assert result.notes[0].noted_on == D(2024, 1, 2)
    assert result.failed == 1  # there is no 13th month


def test_preview_converts_only_the_first_rows_but_judges_the_whole_column() -> None:
    rows = [["01/02/2024", f"note {n}", "", ""] for n in range(100)] + [["25/02/2024", "x", "", ""]]
    result = convert(_table(rows), {"noted_on": 0, "said": 1}, limit=5)
    assert len(result.outcomes) == 5
    assert result.notes[0].noted_on == D(2024, 2, 1)  # day first, from the last row


def test_formula_cells_are_flagged_and_kept_as_text(tmp_path: Path) -> None:
    table = read_table(import_files.write_xlsx(tmp_path / "notes.xlsx"))
    result = convert(table, guess_mapping(table.headers)[0])
    flagged = result.outcomes[1]
    assert flagged.status == RowStatus.NEW
    assert flagged.note is not None and flagged.note.said == '=CONCATENATE("Too ", "loud")'
    assert any("spreadsheet formula" in p and "never worked out" in p for p in flagged.problems)
    # The date typed as words is this row's problem; the other rows still come in.
    assert result.outcomes[2].status == RowStatus.FAILED
    assert "sometime in March" in result.outcomes[2].problems[0]
    assert result.notes[1].noted_on == D(2024, 3, 6)
    assert [n.sentiment for n in result.notes] == [Sentiment.POSITIVE, Sentiment.NEGATIVE]
    assert [n.source for n in result.notes] == ["Google", "Instagram"]


def test_csv_formula_text_is_flagged(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text('Date,Comment\n2024-01-01,"=1+2"\n2024-01-02,= is fine\n', encoding="utf-8")
    table = read_table(path)
    result = convert(table, guess_mapping(table.headers)[0])
    assert result.notes[0].said == "=1+2"
    assert "spreadsheet formula" in result.outcomes[0].problems[0]
    assert len(result.with_problems) == 2


@pytest.mark.parametrize(
    ("writer", "said", "sentiment", "noted_on"),
    [
        (import_files.write_semicolon_cp1252, "Der Kuchen war großartig, das Café gemütlich",
         Sentiment.POSITIVE, D(2024, 2, 3)),
        (import_files.write_tab_quoted, "Loved the sourdough.\nWill come back, promise!",
         Sentiment.POSITIVE, D(2024, 4, 1)),
        (import_files.write_excel_bom, "Best croissant in town, hands down", Sentiment.POSITIVE,
         D(2024, 3, 14)),
        (import_files.write_ods, "Très bon accueil", Sentiment.POSITIVE, D(2024, 5, 2)),
    ],
)  # fmt: skip
def test_real_world_files_end_to_end(tmp_path: Path, writer, said, sentiment, noted_on) -> None:
    table = read_table(writer(tmp_path / f"file.{writer.__name__}"))
    result = convert(table, guess_mapping(table.headers)[0])
    assert result.failed == 0 and result.imported == len(table.rows)
    first = result.notes[0]
    assert (first.said, first.sentiment, first.noted_on) == (said, sentiment, noted_on)


def test_excel_export_dates_are_read_month_first(tmp_path: Path) -> None:
    table = read_table(import_files.write_excel_bom(tmp_path / "reviews.csv"))
    result = convert(table, guess_mapping(table.headers)[0])
    assert result.date_order == DateOrder.MONTH_FIRST
    assert [n.noted_on for n in result.notes] == [D(2024, 3, 14), D(2024, 3, 2), D(2024, 2, 28)]
    assert result.notes[0].follow_up == "Thank you Sam!"
