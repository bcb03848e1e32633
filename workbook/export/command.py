"""The ``workbook export`` command: a plan file in; a PDF strategy document, a calendar of the
action plan (ICS) or one of its tables as a spreadsheet (CSV) out.

Only argparse and pathlib are imported at module level, so registering the command
costs nothing; the renderer (and reportlab) load when the command runs. Each format is one
entry of :data:`WRITERS`; ``--format`` is their names, and defaults to -o's extension.

The window runs this command in a child process with ``--progress json``: progress,
then the outcome, as JSON lines on stdout (:mod:`workbook.export.protocol`).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from workbook.branding import DEFAULT_ACCENT

if TYPE_CHECKING:
    from workbook.model import Plan

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
PROGRESS_STEP = 0.005
"""Smallest change of progress worth a line of output (the window's bar has 1,000 steps)."""


FORMATS = ("pdf", "ics", "csv")
"""The formats ``--format`` offers, each written by its entry in :data:`WRITERS`."""
CSV_TABLES = ("actions", "notes", "activities", "playbook")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", type=Path, help="the plan (.json) to export")
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="where to write it (default: beside the plan, same name); a new file, or an "
        "existing file of the same format with --force",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help="pdf: the strategy document; ics: the action plan for a calendar; csv: one "
        "table for a spreadsheet (default: from OUT's extension, else pdf)",
    )
    parser.add_argument(
        "--table",
        choices=CSV_TABLES,
        help="the table a CSV holds: the action plan (default), the listening notes, the "
        "activities or the response playbook",
    )
    parser.add_argument("--force", action="store_true", help="replace OUT if it already exists")
    parser.add_argument(
        "--page-size", default="A4", metavar="A4|Letter", help="paper size (default: A4)"
    )
    parser.add_argument(
        "--no-prompts",
        action="store_true",
        help="print only the answers, without the guiding questions",
    )
    parser.add_argument(
        "--logo",
        metavar="IMAGE",
        type=Path,
        help="the consultant's logo (PNG or JPEG) for the cover and header",
    )
    parser.add_argument(
        "--accent",
        default=DEFAULT_ACCENT,
        metavar="#RRGGBB",
        help="brand colour for headings, rules and table headers",
    )
    parser.add_argument(
        "--consultant",
        default="",
        metavar="NAME",
        help="the consultant's name, on the cover and in the footer",
    )
    parser.add_argument(
        "--company",
        default="",
        metavar="NAME",
        help="the consultant's company, on the cover and in the footer",
    )
    parser.add_argument(
        "--progress",
        choices=("json",),
        help="print progress and the outcome as JSON lines on stdout (for programs)",
    )


class _Report:
    """Says how the export goes: for people (stderr, then the PDF's path), or for the
    window (JSON lines on stdout)."""

    def __init__(self, as_json: bool) -> None:
        self.as_json = as_json
        self._shown: tuple[float, str] = (-1.0, "")

    def _line(self, text: str) -> None:
        print(text, flush=True)

    def progress(self, fraction: float, message: str) -> None:
        from workbook.export.protocol import progress_line

        last, last_message = self._shown
        if message == last_message and fraction < 1.0 and fraction - last < PROGRESS_STEP:
            return
        self._shown = (fraction, message)
        self._line(progress_line(fraction, message))

    def note(self, message: str) -> None:
        if not self.as_json:  # the window told the user when it opened the plan
            import sys

            print(f"note: {message}", file=sys.stderr)

    def fail(self, message: str) -> int:
        import sys

        from workbook.export.protocol import error_line

        if self.as_json:
            self._line(error_line(message))
        else:
            print(f"workbook export: {message}", file=sys.stderr)
        return EXIT_FAILED

    def done(self, target: Path, pages: int, warnings: tuple[str, ...]) -> int:
        import sys

        from workbook.export.protocol import done_line

        if self.as_json:
            self._line(done_line(target, pages, warnings))
        else:
            print(target)
            for warning in warnings:
                print(f"warning: {warning}", file=sys.stderr)
        return EXIT_OK


def _stop_on_terminate() -> None:
    """End at once, and tidily, when the window stops the export: SIGTERM raises
    SystemExit where the export is, so a half-written temporary file is removed."""
    import signal

    def stop(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, stop)


# ---------------------------------------------------------------- the formats

Writer = Callable[[argparse.Namespace, "Plan", Path, _Report], tuple[int, tuple[str, ...]]]
"""Writes the plan in one format to a target already checked; returns (pages or rows or
events, warnings). Raises ExportError, OSError or PlanFileError for the caller to report."""


def _pdf_options(args: argparse.Namespace):  # -> ExportOptions
    from workbook.export import ExportOptions
    from workbook.export.options import normalise_accent, normalise_page_size

    return ExportOptions(
        page_size=normalise_page_size(args.page_size),
        include_prompts=not args.no_prompts,
        logo=args.logo,
        accent=normalise_accent(args.accent),
        consultant_name=args.consultant,
        consultant_company=args.company,
    )


def _write_pdf(
    args: argparse.Namespace, plan: Plan, target: Path, report: _Report
) -> tuple[int, tuple[str, ...]]:
    from workbook.export import export_pdf

    progress = report.progress if report.as_json else None
    result = export_pdf(plan, target, _pdf_options(args), progress=progress)
    return result.page_count, result.warnings


def _write_ics(
    args: argparse.Namespace, plan: Plan, target: Path, report: _Report
) -> tuple[int, tuple[str, ...]]:
    from workbook.calendar_export import write_calendar

    events = write_calendar(plan, target)
    warnings = () if events else ("The plan has no dated items yet, so the calendar is empty.",)
    return events, warnings


def _write_csv(
    args: argparse.Namespace, plan: Plan, target: Path, report: _Report
) -> tuple[int, tuple[str, ...]]:
    from workbook.csv_export import CsvTable, write_csv

    return write_csv(plan, CsvTable(args.table or "actions"), target), ()


WRITERS: dict[str, Writer] = {"pdf": _write_pdf, "ics": _write_ics, "csv": _write_csv}


def _format_of(args: argparse.Namespace) -> str:
    if args.format:
        return args.format
    suffix = Path(args.output).suffix.lower().lstrip(".") if args.output else ""
    return suffix if suffix in WRITERS else "pdf"


def _default_target(source: Path, fmt: str, args: argparse.Namespace) -> Path:
    if fmt == "csv":
        return source.with_name(f"{source.stem}-{args.table or 'actions'}.csv")
    return source.with_suffix(f".{fmt}")


def run(args: argparse.Namespace) -> int:
    """Export the plan; 0 on success, 1 with a message when it cannot be done."""
    from workbook.export import ExportError
    from workbook.export.targets import TargetError, check_target
    from workbook.storage import PlanFileError, load_plan

    report = _Report(as_json=args.progress == "json")
    if report.as_json:
        _stop_on_terminate()
    source: Path = args.file
    if args.output is not None and not args.output.strip():
        report.fail("-o was given an empty name; give the file's name, such as plan.pdf.")
        return EXIT_USAGE
    fmt = _format_of(args)
    if args.table and fmt != "csv":
        report.fail("--table chooses the table of a CSV export; add --format csv.")
        return EXIT_USAGE
    target = Path(args.output) if args.output is not None else _default_target(source, fmt, args)
    try:
        if fmt == "pdf":
            _pdf_options(args)  # a wrong colour or page size is reported before any work
        if check_target(target, plan=source, suffix=f".{fmt}") and not args.force:
            raise TargetError(
                f"{target} already exists. Add --force to replace it, or choose another "
                "name with -o."
            )
        loaded = load_plan(source)
        for warning in loaded.warnings:
            report.note(warning)
        if fmt != "pdf" and not target.parent.is_dir():
            raise ExportError(
                f"{target} cannot be saved: the folder {target.parent} does not exist. "
                "Choose another place to save it."
            )
        count, warnings = WRITERS[fmt](args, loaded.plan, target, report)
    except (PlanFileError, ExportError) as error:
        return report.fail(str(error))
    except OSError as error:
        return report.fail(f"{error.strerror or error} ({error.filename or target}).")
    except Exception as error:
        if not report.as_json:
            raise  # the command line says it plainly (workbook.cli.main)
        return report.fail(
            f"Something went wrong inside the app ({type(error).__name__}: {error}). "
            f"{target} was not changed. Please report it."
        )
    return report.done(target, count, warnings)
