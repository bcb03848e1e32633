"""The formats ``workbook export`` writes, in one table: a name, what its files are called
and end in, and the function that makes one from a plan.

Adding a format is one entry in :data:`FORMATS` (and its render function); the command's
``--format`` choices, the format read from ``-o``'s ending, the target rules and the
writing all follow from it. Render functions import their libraries when they run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from workbook.export.options import ExportOptions, ExportResult
from workbook.export.targets import PDF, Output

if TYPE_CHECKING:
    from workbook.model import Plan

ProgressCallback = Callable[[float, str], None]
CancelCheck = Callable[[], bool]
Render = Callable[
    ["Plan", ExportOptions, ProgressCallback | None, CancelCheck | None], ExportResult
]


@dataclass(frozen=True)
class Format:
    name: str
    output: Output
    help: str
    """A few words for ``--help``."""
    render: Render


def _pdf(
    plan: Plan,
    options: ExportOptions,
    progress: ProgressCallback | None,
    is_cancelled: CancelCheck | None,
) -> ExportResult:
    from workbook.export.renderer import render

    return render(plan, options, progress, is_cancelled)


def _report(fmt: str, making: str) -> Render:
    """A render function for one of the report's own formats (Word, Markdown, HTML)."""

    def render(
        plan: Plan,
        options: ExportOptions,
        progress: ProgressCallback | None,
        is_cancelled: CancelCheck | None,
    ) -> ExportResult:
        from workbook.export.options import ExportCancelled
        from workbook.report import build_report, render_report

        def step(fraction: float, message: str) -> None:
            if is_cancelled is not None and is_cancelled():
                raise ExportCancelled()
            if progress is not None:
                progress(fraction, message)

        step(0.05, "Preparing the document")
        report, branding = options.report_inputs()
        doc = build_report(plan, report, branding)
        step(0.4, making)
        data = render_report(doc, fmt, options.reference_docx)
        step(1.0, "Done")
        # A word processor or browser lays out the pages: there is no page count to give.
        return ExportResult(data, 0, doc.warnings)

    return render


def _ics(
    plan: Plan,
    options: ExportOptions,
    progress: ProgressCallback | None,
    is_cancelled: CancelCheck | None,
) -> ExportResult:
    from workbook.calendar_export import plan_calendar

    calendar = plan_calendar(plan)
    events = len(calendar.walk("VEVENT"))
    empty = ("The plan has no dated items yet, so the calendar is empty.",)
    return ExportResult(calendar.to_ical(), 0, () if events else empty)


def _csv(
    plan: Plan,
    options: ExportOptions,
    progress: ProgressCallback | None,
    is_cancelled: CancelCheck | None,
) -> ExportResult:
    from workbook.csv_export import CsvTable, csv_bytes

    return ExportResult(csv_bytes(plan, CsvTable(options.table)), 0, ())


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("pdf", PDF, "a PDF to print or send (the default)", _pdf),
        Format(
            "docx",
            Output("Word document", (".docx",)),
            "an editable Word document",
            _report("docx", "Writing the Word document"),
        ),
        Format(
            "md",
            Output("Markdown file", (".md", ".markdown")),
            "Markdown text",
            _report("md", "Writing the Markdown"),
        ),
        Format(
            "html",
            Output("web page", (".html", ".htm")),
            "one self-contained web page",
            _report("html", "Writing the web page"),
        ),
        Format(
            "ics",
            Output("calendar", (".ics",)),
            "the action plan for a calendar program",
            _ics,
        ),
        Format(
            "csv",
            Output("CSV file", (".csv",)),
            "one table for a spreadsheet (see --table)",
            _csv,
        ),
    )
}
"""Every format, by the name ``--format`` takes."""

DEFAULT_FORMAT = "pdf"


def format_of(path: Path | str) -> str | None:
    """The format a file name asks for by its ending, or None when it names none."""
    ending = Path(path).suffix.casefold()
    return next((f.name for f in FORMATS.values() if ending in f.output.suffixes), None)


def default_path(plan_path: Path, fmt: str = DEFAULT_FORMAT) -> Path:
    """Where a plan's document goes unless the user says otherwise: beside it, same name."""
    return Path(plan_path).with_suffix(FORMATS[fmt].output.suffix)


def export_document(
    plan: Plan,
    target: Path,
    fmt: str,
    options: ExportOptions = ExportOptions(),  # noqa: B008 - frozen dataclass, safe default
    progress: ProgressCallback | None = None,
    is_cancelled: CancelCheck | None = None,
) -> ExportResult:
    """Make the document in format ``fmt`` and write it to ``target`` atomically.

    A failed export leaves whatever was at ``target`` untouched. Raises ExportError, with a
    message for people, when an option is unusable or the file cannot be written.
    """
    from workbook.export.writing import write_output

    chosen = FORMATS[fmt]
    result = chosen.render(plan, options, progress, is_cancelled)
    write_output(Path(target), result.data, chosen.output)
    return result
