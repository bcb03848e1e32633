"""``workbook --self-test``: open a worked example in the real window, export it, keep the PDF.

It lets a frozen build or an installed wheel be checked without a person: it opens a
worked example in the real main window, shows every stage page (and every tab on it),
exports the PDF, checks that a whole PDF was written, and returns 0 — or 1 with the
reason. Each step is printed and also written to ``self-test.log`` (a windowed Windows
build has no console).

The app carries no PDF reader: reading the PDF's text back (the organisation, the
extra note in five scripts, every font embedded, the logo) is left to CI, which runs
poppler's tools on the PDF the self-test leaves (``.ci/check-pdf``).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

SELFTEST_DIR_ENV = "WORKBOOK_SELFTEST_DIR"
"""Folder that keeps the self-test's PDF and log (CI sets it to inspect them)."""
PDF_NAME = "self-test.pdf"
LOG_NAME = "self-test.log"
WATCHDOG_SECONDS = 300.0
"""A hung self-test (a dialog nobody answers, a deadlock) ends with a failure instead."""
PREFERRED_EXAMPLES = ("bakery", "physio")
MIN_PAGES = 5
"""Fewest pages a complete strategy document has (cover, contents, summary, stages)."""
MIN_BYTES = 20_000
"""Smaller than this, the PDF cannot hold a worked example with its fonts and the logo."""


class SelfTestFailure(Exception):
    """One check failed; the message says what and, where it helps, what was found."""


# ---------------------------------------------------------------------------- the report


class _Report:
    """Prints each step and keeps the same lines in a log file."""

    def __init__(self, log_path: Path, stream: TextIO | None) -> None:
        self.log_path = log_path
        self.stream = stream
        self.lines: list[str] = []

    def line(self, text: str) -> None:
        self.lines.append(text)
        if self.stream is not None:  # a windowed Windows build has no stdout at all
            try:
                print(text, file=self.stream, flush=True)
            except (OSError, ValueError):
                self.stream = None
        try:
            self.log_path.write_text("\n".join(self.lines) + "\n", encoding="utf-8")
        except OSError:
            pass  # the printed report still stands; a log is a convenience


@contextmanager
def _environment(values: dict[str, str]) -> Iterator[None]:
    """Set environment variables for the duration of the self-test, then restore them."""
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, old in saved.items():
            if old is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = old


def _choose_platform() -> None:
    """Run offscreen where there is no display (CI, a headless server), before Qt starts."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def _start_watchdog(report: _Report, seconds: float) -> threading.Timer:
    def give_up() -> None:
        report.line(
            f"FAILED: the self-test did not finish within {seconds:.0f} seconds "
            "(a window or dialog may be waiting for an answer)"
        )
        os._exit(1)

    timer = threading.Timer(seconds, give_up)
    timer.daemon = True
    timer.start()
    return timer


# ---------------------------------------------------------------------------- entry point


def default_folder() -> Path:
    """Where the PDF and log stay when no folder is named: beside the system's temporary
    files, replaced by each run."""
    return Path(tempfile.gettempdir()) / "social-media-value-workbook-self-test"


def run_self_test(
    out_dir: str | Path | None = None,
    *,
    example: str | None = None,
    stream: TextIO | None = None,
    watchdog_seconds: float = WATCHDOG_SECONDS,
) -> int:
    """Run the whole self-test; 0 when everything passed, 1 otherwise (the reason is printed).

    The PDF and the log go to ``out_dir``, else to the folder named by the
    ``WORKBOOK_SELFTEST_DIR`` environment variable, else to :func:`default_folder`.
    """
    _choose_platform()
    stream = sys.stdout if stream is None else stream
    chosen = out_dir if out_dir is not None else os.environ.get(SELFTEST_DIR_ENV)
    folder = Path(chosen).expanduser().resolve() if chosen else default_folder()
    try:
        if not chosen:
            # Our own folder: what an earlier run left there must not pass for this one.
            shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(
            f"self-test FAILED: cannot create the folder {folder}: {exc.strerror or exc}",
            file=stream or sys.stderr,
        )
        return 1
    return _run_in(folder, example, stream, watchdog_seconds)


def _run_in(
    folder: Path, example: str | None, stream: TextIO | None, watchdog_seconds: float
) -> int:
    report = _Report(folder / LOG_NAME, stream)
    watchdog = _start_watchdog(report, watchdog_seconds)
    # The test's settings, recovery copies and recent files stay out of the user's own.
    private = {
        "WORKBOOK_CONFIG_DIR": str(folder / "config"),
        "WORKBOOK_DATA_DIR": str(folder / "data"),
    }
    try:
        with _environment(private):
            _SelfTest(folder, report, example).run()
    except SelfTestFailure as exc:
        report.line(f"FAILED: {exc}")
        return 1
    except Exception as exc:  # noqa: BLE001 - every failure must become a reason and exit 1
        report.line(f"FAILED: unexpected {type(exc).__name__}: {exc}")
        for text in traceback.format_exc().rstrip().splitlines():
            report.line("    " + text)
        return 1
    finally:
        watchdog.cancel()
    report.line("self-test passed")
    return 0


# ---------------------------------------------------------------------------- the GUI walk


@dataclass
class _DialogGuard:
    """Closes any dialog that pops up during the test and remembers it as a failure."""

    seen: list[str] = field(default_factory=list)
    timer: Any = None

    def start(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(100)
        self.timer.timeout.connect(self._check)
        self.timer.start()

    def _check(self) -> None:
        from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

        widget = QApplication.activeModalWidget()
        if widget is None:
            return
        text = widget.windowTitle()
        if isinstance(widget, QMessageBox):
            text = f"{text}: {widget.text()}"
        self.seen.append(text or type(widget).__name__)
        if isinstance(widget, QDialog):
            widget.reject()
        else:
            widget.close()

    def stop(self) -> None:
        if self.timer is not None:
            self.timer.stop()
        self._check()
        if self.seen:
            raise SelfTestFailure("an unexpected dialog appeared: " + "; ".join(self.seen))


class _SelfTest:
    def __init__(self, folder: Path, report: _Report, example: str | None) -> None:
        self.folder = folder
        self.report = report
        self.example = example
        self.step_number = 0
        self.window: Any = None

    def step(self, text: str) -> None:
        self.step_number += 1
        self.report.line(f"[{self.step_number}] {text}")

    def run(self) -> None:
        from workbook import APP_NAME, __version__

        self.report.line(
            f"{APP_NAME} {__version__} self-test "
            f"(Python {sys.version.split()[0]}, {sys.platform}"
            f"{', frozen' if getattr(sys, 'frozen', False) else ''})"
        )
        self.report.line(f"output folder: {self.folder}")
        app = self._application()
        guard = _DialogGuard()
        guard.start()
        try:
            plan, name = self._load_example()
            window, document = self._open_window(app, plan, name)
            self._walk_pages(app, window, document)
            self._export(with_script_sample(document.plan))
            self._close(app, window, document)
        finally:
            self._discard_window(app)
            guard.stop()

    def _discard_window(self, app: Any) -> None:
        """After a failure the window may still be open; take it down without questions."""
        if self.window is not None and self.window.isVisible():
            self.window.hide()
            self.window.deleteLater()
            _settle(app)

    # -- steps

    def _application(self) -> Any:
        from PySide6.QtWidgets import QApplication

        from workbook import APP_ID, APP_NAME, ORG_NAME, __version__

        app = QApplication.instance()
        if app is None:
            app = QApplication([sys.argv[0] if sys.argv else APP_ID])
            app.setApplicationName(APP_ID)
            app.setApplicationDisplayName(APP_NAME)
            app.setOrganizationName(ORG_NAME)
            app.setApplicationVersion(__version__)
        self.step(f"Qt application ready (platform {app.platformName()})")
        return app

    def _load_example(self) -> tuple[Any, str]:
        from workbook.examples import list_examples, load_example

        names = [info.name for info in list_examples()]
        if not names:
            raise SelfTestFailure("no worked examples were found in the app's resources")
        if self.example is not None:
            if self.example not in names:
                raise SelfTestFailure(
                    f"there is no worked example called {self.example!r}; "
                    f"there are: {', '.join(names)}"
                )
            name = self.example
        else:
            name = next((n for n in PREFERRED_EXAMPLES if n in names), names[0])
        plan = load_example(name)
        if not plan.details.organisation.strip():
            raise SelfTestFailure(f"the worked example {name!r} has no organisation name")
        self.step(f"loaded the worked example {name!r} ({plan.details.organisation})")
        return plan, name

    def _open_window(self, app: Any, plan: Any, name: str) -> tuple[Any, Any]:
        from workbook.gui.main_window import MainWindow

        window = self.window = MainWindow()
        document = window.document
        window.show()
        _settle(app)
        window.files.open_example(name)  # the way the start page opens a worked example
        _settle(app)
        if document.plan != plan:
            raise SelfTestFailure(f"the main window does not show the worked example {name!r}")
        if not window.isVisible():
            raise SelfTestFailure("the main window is not showing")
        title = window.windowTitle().replace("[*]", "")
        self.step(f"main window shows {name!r}: {title!r}")
        return window, document

    def _walk_pages(self, app: Any, window: Any, document: Any) -> None:
        from workbook.gui.pages import PageId

        pages = window.pages
        missing = [page_id.name for page_id in PageId if page_id not in pages]
        if missing:
            raise SelfTestFailure("the main window has no page for: " + ", ".join(missing))
        for page_id in PageId:
            page = pages[page_id]
            window.go_to_page(page_id)
            _settle(app)
            if not page.isVisible():
                raise SelfTestFailure(f"the page {page.title!r} could not be shown")
            tabs = _visit_tabs(app, page)
            checked = _check_fields_show_plan(page, document.plan)
            extra = f", {tabs} tabs" if tabs else ""
            self.step(f"page {page.title!r} shown{extra}, {checked} answers on screen")
        if document.is_modified:
            raise SelfTestFailure(
                "looking through the pages changed the plan "
                f"({document.undo_stack.undoText() or 'no undo text'})"
            )

    def _export(self, plan: Any) -> Path:
        from workbook.export import ExportOptions, export_pdf
        from workbook.resources import resource_path

        target = self.folder / PDF_NAME
        # A logo exercises the image libraries a consultant's export needs in the bundle.
        options = ExportOptions(
            logo=resource_path("icon", "workbook.png"),
            consultant_name="Self-test",
            consultant_company="Workbook",
        )
        result = export_pdf(plan, target, options)
        unprintable = [w for w in result.warnings if "could not be printed" in w]
        if unprintable:
            raise SelfTestFailure(
                "the export could not print all of the text: " + "; ".join(unprintable)
            )
        notes = f"; {len(result.warnings)} warnings" if result.warnings else ""
        self.step(
            f"exported {target.name}: {result.page_count} pages, {len(result.data):,} bytes{notes}"
        )
        for warning in result.warnings:
            self.report.line(f"    export warning: {warning}")
        problems = written_pdf_problems(target, result.data)
        if result.page_count < MIN_PAGES:
            problems.append(f"it has {result.page_count} pages, at least {MIN_PAGES} were expected")
        if problems:
            raise SelfTestFailure(f"the PDF {target} is not right: " + "; ".join(problems))
        self.step("PDF written whole: it starts and ends like a PDF and holds what was rendered")
        return target

    def _close(self, app: Any, window: Any, document: Any) -> None:
        window.close()
        _settle(app)
        if window.isVisible():
            raise SelfTestFailure("the main window refused to close")
        window.deleteLater()
        _settle(app)
        self.step("main window closed")


def _settle(app: Any, rounds: int = 3) -> None:
    """Let queued events and zero-delay timers run (layouts, debounced refreshes)."""
    for _ in range(rounds):
        app.processEvents()
        app.sendPostedEvents()


def _visit_tabs(app: Any, page: Any) -> int:
    from PySide6.QtWidgets import QTabWidget

    count = 0
    for tabs in page.findChildren(QTabWidget):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            _settle(app, rounds=1)
            count += 1
        tabs.setCurrentIndex(0)
    return count


def _editor_text(widget: Any) -> str | None:
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit

    for candidate in [
        widget,
        *widget.findChildren(QLineEdit),
        *widget.findChildren(QPlainTextEdit),
        *widget.findChildren(QTextEdit),
    ]:
        if isinstance(candidate, QLineEdit):
            return candidate.text()
        if isinstance(candidate, QPlainTextEdit | QTextEdit):
            return candidate.toPlainText()
    return None


def _check_fields_show_plan(page: Any, plan: Any) -> int:
    """Every plain text field on the page shows what the plan holds; returns how many."""
    from PySide6.QtWidgets import QWidget

    from workbook.paths import get_value

    checked = 0
    for widget in page.findChildren(QWidget):
        name = widget.objectName()
        if "." not in name or name.startswith("qt_"):
            continue
        try:
            value = get_value(plan, tuple(name.split(".")))
        except (AttributeError, KeyError, TypeError):
            continue  # a table or a 7 P's field whose name leaves out the row or the P
        if not isinstance(value, str) or not value:
            continue
        shown = _editor_text(widget)
        if shown is None:
            continue
        if shown != value:
            raise SelfTestFailure(
                f"the field {name} shows {shown[:60]!r} instead of {value[:60]!r}"
            )
        checked += 1
    return checked


# ---------------------------------------------------------------------------- what to look for


SCRIPT_SAMPLE = "Ελληνικά · Кириллица · Ünïcödé"
SCRIPT_SAMPLE_RTL = "שלום עולם"
SCRIPT_SAMPLE_ARABIC = "مرحبا بالعالم"


def with_script_sample(plan: Any) -> Any:
    """A copy of the plan with one more listening note in Greek, Cyrillic, accented Latin,
    Hebrew and Arabic, so the export's fonts and right-to-left shaping are exercised too
    (in a bundle they are easy to leave out). The open document is not changed."""
    from workbook.model import ListeningNote

    copy = plan.model_copy(deep=True)
    copy.listening.notes.append(
        ListeningNote(
            source="Self-test",
            said=f"{SCRIPT_SAMPLE} · {SCRIPT_SAMPLE_RTL} · {SCRIPT_SAMPLE_ARABIC}",
        )
    )
    return copy


def written_pdf_problems(path: Path, rendered: bytes) -> list[str]:
    """What is wrong with the PDF file the export wrote (empty: nothing), by cheap checks
    that need no PDF reader: it exists, starts and ends like a PDF, is not tiny, and holds
    exactly the bytes that were rendered."""
    if not path.is_file():
        return ["the export reported success but the file does not exist"]
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [f"it cannot be read back: {exc.strerror or exc}"]
    if not data.startswith(b"%PDF-"):
        return [f"it does not start like a PDF (first bytes {data[:8]!r})"]
    problems = []
    if b"%%EOF" not in data[-1024:]:
        problems.append("it does not end like a PDF (no %%EOF marker): the file was cut short")
    if len(data) < MIN_BYTES:
        problems.append(f"it is only {len(data):,} bytes, at least {MIN_BYTES:,} were expected")
    if data != rendered:
        problems.append("it does not hold the PDF that was rendered")
    return problems
