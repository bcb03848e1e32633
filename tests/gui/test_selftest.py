"""``workbook --self-test``: the whole run through the real window, its failure reports, and the
small PDF reader it checks the export with."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from workbook.examples import load_example
from workbook.gui import selftest
from workbook.gui.selftest import (
    LOG_NAME,
    PDF_NAME,
    expected_phrases,
    run_self_test,
)
from workbook.pdfcheck import MiniPdf, check_pdf, normalise_text, parse_to_unicode

pytestmark = pytest.mark.gui

FONT = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "DejaVuSans.ttf"


# ---------------------------------------------------------------- PDFs to check


@pytest.fixture(scope="module")
def bakery_pdf() -> tuple[bytes, list[str]]:
    """The real export of the bakery example, and the phrases the self-test looks for."""
    from workbook.export import ExportOptions, render_pdf

    plan = load_example("bakery")
    return render_pdf(plan, ExportOptions()).data, expected_phrases(plan)


def _reportlab_pdf(pages: int, font: str, text: str) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    if font == "TestSans" and "TestSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("TestSans", str(FONT)))
    out = io.BytesIO()
    canvas = Canvas(out)
    for number in range(pages):
        canvas.setFont(font, 12)
        canvas.drawString(72, 720, f"{text} (page {number + 1})")
        canvas.showPage()
    canvas.save()
    return out.getvalue()


# ---------------------------------------------------------------- the PDF check


def test_a_complete_export_passes_the_check(bakery_pdf):
    data, phrases = bakery_pdf
    assert "Crumb & Co. Bakery" in phrases
    assert len(phrases) >= 6
    assert check_pdf(data, phrases) == []


def test_reader_reads_the_same_text_as_pypdf(bakery_pdf):
    """The reader stands in for pypdf in the bundle, so it must agree with it."""
    pypdf = pytest.importorskip("pypdf")
    data, _phrases = bakery_pdf
    reader = pypdf.PdfReader(io.BytesIO(data))
    theirs = normalise_text(" ".join(page.extract_text() for page in reader.pages))
    ours = MiniPdf(data)
    assert normalise_text(ours.text()) == theirs
    assert ours.page_count() == len(reader.pages)


def test_reader_reads_text_in_any_script():
    text = "Ελληνικά кириллица (brackets) \\ back-slash ünïcødé"
    data = _reportlab_pdf(5, "TestSans", text)
    assert check_pdf(data, [text, "page 5"]) == []


def test_a_pdf_cut_short_fails(bakery_pdf):
    data, phrases = bakery_pdf
    problems = check_pdf(data[: len(data) // 2], phrases)
    assert problems and "cut short" in problems[0]


def test_something_that_is_not_a_pdf_fails():
    assert "does not start like a PDF" in check_pdf(b"<html>error</html>%%EOF")[0]


def test_too_few_pages_fail():
    data = _reportlab_pdf(3, "TestSans", "Short plan")
    assert check_pdf(data, ["Short plan"]) == ["it has 3 pages, at least 5 were expected"]


def test_missing_words_are_named(bakery_pdf):
    data, phrases = bakery_pdf
    problems = check_pdf(data, [*phrases, "Words nobody typed"])
    assert problems == ["these words are missing from its text: 'Words nobody typed'"]


def test_text_in_a_font_that_is_not_embedded_fails():
    data = _reportlab_pdf(5, "Helvetica", "Crumb & Co.")
    assert check_pdf(data, ["Crumb & Co."]) == ["the font Helvetica is not embedded"]


def test_a_listed_but_unused_standard_font_is_not_a_failure(bakery_pdf):
    """reportlab lists Helvetica on every page; no text is drawn with it in our export."""
    data, _phrases = bakery_pdf
    pdf = MiniPdf(data)
    assert pdf.fonts_not_embedded(used_only=True) == []
    assert pdf.fonts_used()


def test_to_unicode_maps_single_codes_and_ranges():
    cmap = b"""
    1 begincodespacerange <00> <FF> endcodespacerange
    2 beginbfchar <01> <0041> <02> <00E9> endbfchar
    2 beginbfrange <10> <12> <03B1> <20> <21> [<0416> <D83DDE00>] endbfrange
    """
    table = parse_to_unicode(cmap)
    assert table[b"\x01"] == "A"
    assert table[b"\x02"] == "é"
    assert [table[bytes([c])] for c in (0x10, 0x11, 0x12)] == ["α", "β", "γ"]
    assert table[b"\x20"] == "Ж"
    assert table[b"\x21"] == "😀"


# ---------------------------------------------------------------- choosing the platform


def test_offscreen_is_chosen_when_there_is_no_display(monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    selftest._choose_platform()
    assert os.environ["QT_QPA_PLATFORM"] == "offscreen"


def test_a_display_or_a_chosen_platform_is_left_alone(monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    selftest._choose_platform()
    assert "QT_QPA_PLATFORM" not in os.environ
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    selftest._choose_platform()
    assert os.environ["QT_QPA_PLATFORM"] == "xcb"


# ---------------------------------------------------------------- the whole run


def _log(folder: Path) -> str:
    return (folder / LOG_NAME).read_text(encoding="utf-8")


def test_self_test_walks_the_window_and_leaves_a_complete_pdf(qapp, tmp_path):
    from workbook.gui.pages import PageId

    config_before = os.environ["WORKBOOK_CONFIG_DIR"]
    printed = io.StringIO()
    assert run_self_test(tmp_path, stream=printed) == 0
    log = _log(tmp_path)
    assert log == printed.getvalue()
    assert log.rstrip().endswith("self-test passed")
    assert log.count("] page ") == len(PageId), log
    pdf = (tmp_path / PDF_NAME).read_bytes()
    assert check_pdf(pdf, expected_phrases(load_example("bakery"))) == []
    # The run kept its settings away from the user's, and put the environment back.
    assert (tmp_path / "config").is_dir() or (tmp_path / "data").is_dir()
    assert os.environ["WORKBOOK_CONFIG_DIR"] == config_before


def test_self_test_folder_can_come_from_the_environment(qapp, tmp_path, monkeypatch):
    folder = tmp_path / "kept"
    monkeypatch.setenv(selftest.SELFTEST_DIR_ENV, str(folder))
    monkeypatch.setattr("workbook.examples.list_examples", lambda: [])
    assert run_self_test(stream=io.StringIO()) == 1
    assert "FAILED: no worked examples were found" in _log(folder)


def test_a_broken_export_fails_with_the_reason(qapp, tmp_path, monkeypatch):
    import workbook.export as export

    real_export = export.export_pdf

    def export_cut_short(plan, target, options=None, **kwargs):
        result = real_export(plan, target, options, **kwargs)
        Path(target).write_bytes(result.data[:2000])
        return result

    monkeypatch.setattr(export, "export_pdf", export_cut_short)
    printed = io.StringIO()
    assert run_self_test(tmp_path, stream=printed) == 1
    last = printed.getvalue().rstrip().splitlines()[-1]
    assert last.startswith("FAILED:") and "does not hold the PDF that was rendered" in last


def test_an_unexpected_dialog_is_closed_and_fails_the_test(qapp, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    real_walk = selftest._SelfTest._walk_pages

    def walk_with_a_question(self, app, window, document):
        QMessageBox.question(window, "Surprise", "Did anyone expect this?")
        real_walk(self, app, window, document)

    monkeypatch.setattr(selftest._SelfTest, "_walk_pages", walk_with_a_question)
    printed = io.StringIO()
    assert run_self_test(tmp_path, stream=printed) == 1
    assert "an unexpected dialog appeared: Surprise: Did anyone expect this?" in printed.getvalue()


def test_the_export_must_show_text_in_every_script(qapp, tmp_path, monkeypatch):
    """Without the extra note the Hebrew words are missing: the check is real."""
    monkeypatch.setattr(selftest, "with_script_sample", lambda plan: plan)
    printed = io.StringIO()
    assert run_self_test(tmp_path, stream=printed) == 1
    assert f"the Hebrew words {selftest.SCRIPT_SAMPLE_RTL!r} are missing" in printed.getvalue()


def test_the_script_sample_goes_into_a_copy_not_the_open_plan():
    plan = load_example("bakery")
    exported = selftest.with_script_sample(plan)
    assert len(exported.listening.notes) == len(plan.listening.notes) + 1
    assert selftest.SCRIPT_SAMPLE in expected_phrases(exported)
    assert selftest.SCRIPT_SAMPLE not in expected_phrases(plan)


def test_a_failed_run_leaves_no_window_open(qapp, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QApplication

    from workbook.gui.main_window import MainWindow

    def broken_walk(self, app, window, document):
        raise selftest.SelfTestFailure("a page is broken")

    monkeypatch.setattr(selftest._SelfTest, "_walk_pages", broken_walk)
    assert run_self_test(tmp_path, stream=io.StringIO()) == 1
    assert "FAILED: a page is broken" in _log(tmp_path)
    assert not [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]


def test_without_a_folder_the_report_stays_in_the_temporary_folder(qapp, tmp_path, monkeypatch):
    monkeypatch.delenv(selftest.SELFTEST_DIR_ENV, raising=False)
    monkeypatch.setattr(selftest.tempfile, "gettempdir", lambda: str(tmp_path))
    folder = tmp_path / "social-media-value-workbook-self-test"
    folder.mkdir()
    (folder / PDF_NAME).write_bytes(b"%PDF- left by an earlier run")
    monkeypatch.setattr("workbook.examples.list_examples", lambda: [])
    assert run_self_test(stream=io.StringIO()) == 1
    assert "FAILED: no worked examples were found" in _log(folder)
    assert not (folder / PDF_NAME).exists(), "an old PDF must not pass for this run's"
