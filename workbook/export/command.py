"""The ``workbook export`` command: a plan file in, a PDF strategy document out.

Only argparse and pathlib are imported at module level, so registering the command
costs nothing; the renderer (and reportlab) load when the command runs.

The window runs this command in a child process with ``--progress json``: progress,
then the outcome, as JSON lines on stdout (:mod:`workbook.export.protocol`).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from workbook.branding import DEFAULT_ACCENT

if TYPE_CHECKING:
    from workbook.export import ExportOptions

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
PROGRESS_STEP = 0.005
"""Smallest change of progress worth a line of output (the window's bar has 1,000 steps)."""


PROFILE_NOTE = (
    "Branding comes from the app's saved profile: unless given here, the logo, accent "
    "colour, consultant name and company are those of Edit > Preferences in the window, "
    "and the page size and guiding questions those of the last Export PDF As. Use "
    "--no-profile to leave the saved profile out."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = PROFILE_NOTE
    parser.add_argument("file", metavar="FILE", type=Path, help="the plan (.json) to export")
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT.pdf",
        help="where to write the PDF (default: beside the plan, same name); a new file, or "
        "an existing PDF with --force",
    )
    parser.add_argument("--force", action="store_true", help="replace OUT.pdf if it already exists")
    parser.add_argument(
        "--page-size",
        metavar="A4|Letter",
        help="paper size (default: the saved choice, else A4)",
    )
    prompts = parser.add_mutually_exclusive_group()
    prompts.add_argument(
        "--no-prompts",
        dest="prompts",
        action="store_false",
        default=None,
        help="print only the answers, without the guiding questions",
    )
    prompts.add_argument(
        "--prompts",
        dest="prompts",
        action="store_true",
        help="print each answer's guiding question (the default unless saved otherwise)",
    )
    parser.add_argument(
        "--logo",
        metavar="IMAGE",
        type=Path,
        help="the consultant's logo (PNG or JPEG) for the cover and header "
        "(default: the saved one)",
    )
    parser.add_argument(
        "--accent",
        metavar="#RRGGBB",
        help=f"brand colour for headings, rules and table headers (default: the saved one, "
        f"else {DEFAULT_ACCENT})",
    )
    parser.add_argument(
        "--consultant",
        metavar="NAME",
        help="the consultant's name, on the cover and in the footer (default: the saved one)",
    )
    parser.add_argument(
        "--company",
        metavar="NAME",
        help="the consultant's company, on the cover and in the footer (default: the saved one)",
    )
    parser.add_argument(
        "--no-profile",
        action="store_true",
        help="ignore the saved profile: no logo, name or company, the default colour",
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


def options_from(args: argparse.Namespace) -> ExportOptions:
    """The export options: what the command line gives, else the saved profile (unless
    ``--no-profile``), else the defaults. Raises ExportError for a bad colour or size."""
    from workbook.export import ExportOptions
    from workbook.export.options import normalise_accent, normalise_page_size
    from workbook.profile import SavedProfile, read_profile

    saved = SavedProfile() if args.no_profile else read_profile()

    def given(value, fallback):  # noqa: ANN001, ANN202 - an argument or its saved value
        return fallback if value is None else value

    return ExportOptions(
        page_size=normalise_page_size(given(args.page_size, saved.page_size)),
        include_prompts=given(args.prompts, saved.include_prompts),
        logo=given(args.logo, saved.logo),
        accent=normalise_accent(given(args.accent, saved.accent)),
        consultant_name=given(args.consultant, saved.name),
        consultant_company=given(args.company, saved.company),
    )


def run(args: argparse.Namespace) -> int:
    """Export the plan; 0 on success, 1 with a message when it cannot be done."""
    from workbook.export import ExportError, default_pdf_path, export_pdf
    from workbook.export.targets import TargetError, check_target
    from workbook.storage import PlanFileError, load_plan

    report = _Report(as_json=args.progress == "json")
    if report.as_json:
        _stop_on_terminate()
    source: Path = args.file
    if args.output is not None and not args.output.strip():
        report.fail("-o was given an empty name; give the PDF's file name, ending in .pdf.")
        return EXIT_USAGE
    target = Path(args.output) if args.output is not None else default_pdf_path(source)
    try:
        options = options_from(args)
        if check_target(target, plan=source) and not args.force:
            raise TargetError(
                f"{target} already exists. Add --force to replace it, or choose another "
                "name with -o."
            )
        loaded = load_plan(source)
        for warning in loaded.warnings:
            report.note(warning)
        progress = report.progress if report.as_json else None
        result = export_pdf(loaded.plan, target, options, progress=progress)
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
    return report.done(target, result.page_count, result.warnings)
