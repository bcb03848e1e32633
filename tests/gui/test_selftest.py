"""``workbook --self-test``: the whole run through the real window, the PDF it leaves (read
back here, as CI reads it with poppler), and its failure reports."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from tests.export import pdfcheck
from workbook.examples import load_example
from workbook.gui import selftest
from workbook.gui.selftest import (
    LOG_NAME,
    MIN_BYTES,
    PDF_NAME,
    run_self_test,
    written_pdf_problems,
)
from workbook.model import Plan

pytestmark = pytest.mark.gui


def _first_words(text: str, limit: int = 6) -> str:
    return " ".join(text.split()[:limit])


def expected_phrases(plan: Plan) -> list[str]:
    """Words from the plan that a complete PDF must contain: the organisation and title,
    and the start of a few answers from different stages."""
    details = plan.details
    answers = [
        plan.management.governance.brand_voice,
        plan.listening.learnings.market_wants,
        plan.planning.intent,
        plan.planning.seven_ps.purpose.decision,
        plan.engagement.review.feedback,
        *(note.said for note in plan.listening.notes[:1]),
        *(row.activity for row in plan.engagement.activities[:1]),
    ]
    phrases = [details.organisation, details.title, *map(_first_words, answers)]
    return [phrase.strip() for phrase in phrases if phrase and phrase.strip()]


def test_the_phrases_come_from_every_stage():
    phrases = expected_phrases(load_example("bakery"))
    assert "Crumb & Co. Bakery" in phrases
    assert len(phrases) >= 8


# ---------------------------------------------------------------- the cheap checks of the file


def _one_byte_changed(data: bytes) -> bytes:
    """The same size, start and end, one byte in the middle different."""
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 1]) + data[middle + 1 :]


@pytest.fixture(scope="module")
def bakery_pdf() -> bytes:
    from workbook.export import ExportOptions, render_pdf

    return render_pdf(load_example("bakery"), ExportOptions()).data


def test_a_whole_pdf_passes(bakery_pdf, tmp_path):
    target = tmp_path / "plan.pdf"
    target.write_bytes(bakery_pdf)
    assert len(bakery_pdf) >= MIN_BYTES
    assert written_pdf_problems(target, bakery_pdf) == []


def test_a_missing_file_fails(tmp_path):
    problems = written_pdf_problems(tmp_path / "gone.pdf", b"%PDF-")
    assert problems == ["the export reported success but the file does not exist"]


def test_something_that_is_not_a_pdf_fails(tmp_path):
    target = tmp_path / "plan.pdf"
    target.write_bytes(b"<html>error</html>%%EOF")
    assert "does not start like a PDF" in written_pdf_problems(target, b"")[0]


def test_a_pdf_cut_short_fails(bakery_pdf, tmp_path):
    target = tmp_path / "plan.pdf"
    target.write_bytes(bakery_pdf[:2000])
    problems = written_pdf_problems(target, bakery_pdf)
    assert "the file was cut short" in problems[0]
    assert f"it is only 2,000 bytes, at least {MIN_BYTES:,} were expected" in problems
    assert "it does not hold the PDF that was rendered" in problems


def test_a_pdf_other_than_the_one_rendered_fails(bakery_pdf, tmp_path):
    target = tmp_path / "plan.pdf"
    target.write_bytes(_one_byte_changed(bakery_pdf))
    assert written_pdf_problems(target, bakery_pdf) == [
        "it does not hold the PDF that was rendered"
    ]


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
    _assert_complete_pdf((tmp_path / PDF_NAME).read_bytes())
    # The run kept its settings away from the user's, and put the environment back.
    assert (tmp_path / "config").is_dir() or (tmp_path / "data").is_dir()
    assert os.environ["WORKBOOK_CONFIG_DIR"] == config_before


def _assert_complete_pdf(data: bytes) -> None:
    """What CI checks with poppler (.ci/check-pdf), here with the tests' reader."""
    assert pdfcheck.page_count(data) >= selftest.MIN_PAGES
    fonts = pdfcheck.font_report(data)
    assert fonts and all(fonts.values()), f"fonts not embedded: {fonts}"
    assert pdfcheck.image_count(data) >= 1, "the consultant's logo is not in it"
    text = pdfcheck.extract_text(data)
    assert pdfcheck.missing_strings(expected_phrases(load_example("bakery")), text) == []
    flat = pdfcheck.flat(text)
    assert pdfcheck.flat(selftest.SCRIPT_SAMPLE) in flat
    # Right-to-left text is drawn in display order; either order shows it is there.
    hebrew = pdfcheck.flat(selftest.SCRIPT_SAMPLE_RTL)
    assert hebrew in flat or hebrew[::-1] in flat


def test_self_test_folder_can_come_from_the_environment(qapp, tmp_path, monkeypatch):
    folder = tmp_path / "kept"
    monkeypatch.setenv(selftest.SELFTEST_DIR_ENV, str(folder))
    monkeypatch.setattr("workbook.examples.list_examples", lambda: [])
    assert run_self_test(stream=io.StringIO()) == 1
    assert "FAILED: no worked examples were found" in _log(folder)


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        (lambda data: data[:2000], "the file was cut short"),
        (lambda data: b"<html>error</html>", "it does not start like a PDF"),
        (_one_byte_changed, "does not hold the PDF that was rendered"),
    ],
    ids=["cut short", "not a PDF", "other bytes"],
)
def test_a_broken_export_fails_with_the_reason(qapp, tmp_path, monkeypatch, written, reason):
    import workbook.export as export

    real_export = export.export_pdf

    def broken_export(plan, target, options=None, **kwargs):
        result = real_export(plan, target, options, **kwargs)
        Path(target).write_bytes(written(result.data))
        return result

    monkeypatch.setattr(export, "export_pdf", broken_export)
    printed = io.StringIO()
    assert run_self_test(tmp_path, stream=printed) == 1
    last = printed.getvalue().rstrip().splitlines()[-1]
    assert last.startswith("FAILED: the PDF") and reason in last


def test_too_few_pages_fail(qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(selftest, "MIN_PAGES", 1000)
    printed = io.StringIO()
    assert run_self_test(tmp_path, stream=printed) == 1
    assert "pages, at least 1000 were expected" in printed.getvalue()


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


def test_the_script_sample_goes_into_a_copy_not_the_open_plan():
    plan = load_example("bakery")
    exported = selftest.with_script_sample(plan)
    assert len(exported.listening.notes) == len(plan.listening.notes) + 1
    added = exported.listening.notes[-1].said
    assert selftest.SCRIPT_SAMPLE in added and selftest.SCRIPT_SAMPLE_RTL in added
    assert not any(selftest.SCRIPT_SAMPLE in note.said for note in plan.listening.notes)


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
