"""The ``workbook export`` command: a plan file in; a PDF, Word, Markdown or HTML document out.

Only argparse and pathlib are imported at module level, so registering the command
costs nothing; the renderer (and reportlab) load when the command runs.

The window runs this command in a child process with ``--progress json``: progress,
then the outcome, as JSON lines on stdout (:mod:`workbook.export.protocol`).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from workbook.branding import DEFAULT_ACCENT

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
PROGRESS_STEP = 0.005
"""Smallest change of progress worth a line of output (the window's bar has 1,000 steps)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from workbook.export.formats import FORMATS

    formats = ", ".join(f"{name} ({f.help})" for name, f in FORMATS.items())
    parser.epilog = PROFILE_NOTE
    parser.add_argument("file", metavar="FILE", type=Path, help="the plan (.json) to export")
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="where to write the document (default: beside the plan, same name); a new "
        "file, or an existing file of the same format with --force. Its ending gives the "
        "format unless --format is given",
    )
    parser.add_argument(
        "--format",
        choices=tuple(FORMATS),
        help=f"the kind of file: {formats}",
    )
    parser.add_argument("--force", action="store_true", help="replace OUT if it already exists")
    parser.add_argument(
        "--table",
        choices=("actions", "notes", "activities", "playbook"),
        help="the table a CSV holds: the action plan (default), the listening notes, the "
        "activities or the response playbook",
    )
    parser.add_argument(
        "--kind",
        choices=("client", "worksheet"),
        default="client",
        help="client: the strategy document, answers only (default); worksheet: the "
        "guiding questions with room to write, for a workshop",
    )
    parser.add_argument(
        "--notes",
        choices=("full", "summary"),
        default="full",
        help="the listening notes appendix: every note (default), or statistics and a "
        "few representative quotes",
    )
    parser.add_argument(
        "--quotes",
        type=int,
        default=10,
        metavar="N",
        help="how many quotes the summary of the notes gives (default: 10)",
    )
    parser.add_argument(
        "--guidance",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="explain the frameworks and questions beside the answers (default: off in "
        "the client document, on in the worksheet)",
    )
    parser.add_argument("--no-prompts", action="store_true", help="the same as --no-guidance")
    parser.add_argument(
        "--leave-out",
        metavar="SECTION[,SECTION…]",
        default="",
        help="sections to leave out, from: summary, organisation, management, listening, "
        "planning, engagement, notes, parking_lot, sources",
    )
    parser.add_argument(
        "--no-readiness",
        action="store_true",
        help="leave out the appendix of what is still open in the plan",
    )
    parser.add_argument(
        "--changes-since",
        metavar="NAME",
        default="",
        help='add a "What changed since NAME" section comparing the plan with one of its '
        "snapshots (a name or id, as `workbook snapshots FILE` lists them)",
    )
    parser.add_argument(
        "--page-size", metavar="A4|Letter", help="paper size (default: the saved one, else A4)"
    )
    parser.add_argument(
        "--logo",
        metavar="IMAGE",
        type=Path,
        help="the consultant's logo (PNG or JPEG) for the cover and header",
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
        help='the consultant\'s name: "Prepared by" when the plan does not name anyone '
        "(default: the saved one)",
    )
    parser.add_argument(
        "--company",
        metavar="NAME",
        help="the consultant's company, beside their name (default: the saved one)",
    )
    parser.add_argument(
        "--no-profile",
        action="store_true",
        help="ignore the saved profile: no logo, name or company, the default colour",
    )
    parser.add_argument(
        "--reference-docx",
        metavar="FILE",
        type=Path,
        help="a Word file whose styles the Word document takes",
    )
    parser.add_argument(
        "--progress",
        choices=("json",),
        help="print progress and the outcome as JSON lines on stdout (for programs)",
    )


class UsageError(Exception):
    """The command line asks for something that cannot be (exit status 2)."""


def choose_format(output: str | None, asked: str | None, plan: Path) -> tuple[str, Path]:
    """The format and the file to write: from ``--format``, else from the ending of
    ``-o``, else a PDF (beside the plan without ``-o``). UsageError when they disagree."""
    from workbook.export.formats import DEFAULT_FORMAT, FORMATS, default_path, format_of

    if output is None:
        fmt = asked or DEFAULT_FORMAT
        return fmt, default_path(plan, fmt)
    if not output.strip():
        raise UsageError(
            "-o was given an empty name; give the file name, ending in .pdf, .docx, .md or .html."
        )
    target = Path(output)
    named = format_of(target)
    if asked is None:
        # A name that says no format (none, or an ending of its own) gets the default.
        return named or DEFAULT_FORMAT, target
    if named is not None and named != asked:
        raise UsageError(
            f"{target} is named as a {FORMATS[named].output.noun}, but --format {asked} asks "
            f"for a {FORMATS[asked].output.noun}. Change the name or the format."
        )
    return asked, target


def _report_options(args: argparse.Namespace):
    from workbook.report.options import NotesLog, ReportKind, ReportOptions, Section

    wanted = [w.strip().casefold() for w in args.leave_out.split(",") if w.strip()]
    known = {s.value for s in Section}
    unknown = [w for w in wanted if w not in known]
    if unknown:
        raise UsageError(
            f"--leave-out does not know {', '.join(unknown)}; choose from "
            f"{', '.join(s.value for s in Section)}."
        )
    if not 0 <= args.quotes <= 200:
        raise UsageError("--quotes takes a number from 0 to 200.")
    return ReportOptions(
        kind=ReportKind(args.kind),
        sections=tuple(s for s in Section if s.value not in wanted),
        notes_log=NotesLog(args.notes),
        notes_quotes=args.quotes,
        guidance=False if args.no_prompts else args.guidance,
        readiness_appendix=not args.no_readiness,
        page_size=args.page_size,
        changes_since=args.changes_since.strip(),
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


PROFILE_NOTE = (
    "Branding comes from the app's saved profile: unless given here, the logo, accent "
    "colour, consultant name and company are those of Edit > Preferences in the window, "
    "and the page size and guiding questions those of the last Export As. Use "
    "--no-profile to leave the saved profile out."
)


def _check_snapshot(plan: object, name: str) -> None:
    """ExportError naming the plan's snapshots when it has none called ``name``: said
    before any work is done."""
    from workbook.export import ExportError
    from workbook.snapshots import SnapshotNotFoundError, find_snapshot

    try:
        find_snapshot(plan, name)  # type: ignore[arg-type]
    except SnapshotNotFoundError as error:
        raise ExportError(
            f"{error.message} Leave out --changes-since, or use one of them."
        ) from None


def options_from(args: argparse.Namespace, contents: object = None):  # noqa: ANN201
    # -> workbook.export.ExportOptions (imported when the command runs)
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
        include_prompts=False
        if args.no_prompts
        else (True if args.guidance else saved.include_prompts),
        logo=given(args.logo, saved.logo),
        accent=normalise_accent(given(args.accent, saved.accent)),
        consultant_name=given(args.consultant, saved.name),
        consultant_company=given(args.company, saved.company),
        report=contents,
        reference_docx=args.reference_docx,
        table=args.table or "actions",
    )


def run(args: argparse.Namespace) -> int:
    """Export the plan; 0 on success, 1 with a message when it cannot be done, 2 when the
    command line asks for something that cannot be."""
    from workbook.export import ExportError
    from workbook.export.formats import FORMATS, export_document
    from workbook.export.targets import TargetError, check_target
    from workbook.storage import PlanFileError, load_plan

    report = _Report(as_json=args.progress == "json")
    if report.as_json:
        _stop_on_terminate()
    source: Path = args.file
    try:
        fmt, target = choose_format(args.output, args.format, source)
        if args.table and fmt != "csv":
            raise UsageError("--table chooses the table of a CSV export; add --format csv.")
        if fmt == "csv" and args.output is None:
            target = source.with_name(f"{source.stem}-{args.table or 'actions'}.csv")
        contents = _report_options(args)
    except UsageError as error:
        report.fail(str(error))
        return EXIT_USAGE
    output = FORMATS[fmt].output
    try:
        options = options_from(args, contents)
        if check_target(target, plan=source, output=output) and not args.force:
            raise TargetError(
                f"{target} already exists. Add --force to replace it, or choose another "
                "name with -o."
            )
        loaded = load_plan(source)
        for warning in loaded.warnings:
            report.note(warning)
        if contents.changes_since:
            _check_snapshot(loaded.plan, contents.changes_since)
        progress = report.progress if report.as_json else None
        result = export_document(loaded.plan, target, fmt, options, progress=progress)
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
