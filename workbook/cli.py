"""The ``workbook`` command: open the desktop window, or work with plan files from a terminal."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import stat
import sys
from collections.abc import Sequence
from pathlib import Path

from workbook import __version__

COMMANDS = (
    "examples",
    "new",
    "validate",
    "lint",
    "schema",
    "export",
    "import-notes",
    "snapshot",
    "snapshots",
    "diff",
    "handoff",
)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

PYSIDE_MISSING = "The desktop window needs PySide6: pip install PySide6-Essentials"


class CommandError(Exception):
    """A failure with a message for the person at the terminal (exit status 1)."""


def _print_error(message: str) -> None:
    print(f"workbook: {message}" if "\n" not in message else message, file=sys.stderr)


# ---------------------------------------------------------------- commands


def _cmd_examples(args: argparse.Namespace) -> int:
    from workbook.examples import list_examples

    for example in list_examples():
        print(example.name)
    return EXIT_OK


def _check_new_target(output: str, force: bool) -> Path:
    """The file ``new`` may write, or a CommandError saying why not. Only an ordinary file
    is ever replaced, and only with --force, when it is writable and not open in the app."""
    from workbook.jsonfile import file_kind
    from workbook.locking import PlanLock

    if not output.strip():
        raise CommandError(
            "The file name is empty. Give the plan a file name, for example: "
            "workbook new -o plan.json"
        )
    target = Path(output)
    try:
        info = target.stat()
    except FileNotFoundError:
        return target  # a new file (or a link to one still to be made)
    except OSError as error:
        raise CommandError(f"{target} cannot be used: {error.strerror or error}.") from None
    kind = file_kind(info.st_mode)
    if kind == "a folder":
        raise CommandError(
            f"{target} is a folder. Give a file name inside it, for example: "
            f"-o {target / 'plan.json'}"
        )
    if kind is not None:
        raise CommandError(
            f"{target} is {kind}, not an ordinary file, so no plan is written there. "
            "Choose an ordinary file name."
        )
    if not force:
        raise CommandError(
            f"{target} already exists. Choose another name, or add --force to replace it "
            "(the old file is kept as a backup)."
        )
    if not info.st_mode & stat.S_IWUSR or not os.access(target, os.W_OK):
        raise CommandError(
            f"{target} is read-only, so it was not replaced. If you mean to replace it, "
            "make it writable first, then run the command again."
        )
    try:
        holder = PlanLock(target).holder()
    except OSError:
        holder = None  # an unreadable lock file says nothing about anyone
    if holder is not None and not holder.is_stale:
        raise CommandError(
            f"{target} is open in the app ({holder.describe()}), so it was not replaced. "
            "Close it there first, or choose another name."
        )
    return target


def _cmd_new(args: argparse.Namespace) -> int:
    from workbook.model import Plan
    from workbook.storage import save_plan

    target = _check_new_target(args.output, args.force)
    if args.example:
        from workbook.examples import list_examples, load_example

        names = [example.name for example in list_examples()]
        if args.example not in names:
            raise CommandError(
                f"There is no worked example called “{args.example}”. "
                f"Choose one of: {', '.join(names) or '(none installed)'}."
            )
        plan = load_example(args.example)
    else:
        plan = Plan()
    result = save_plan(plan, target)
    for warning in result.warnings:
        print(f"Note: {warning}", file=sys.stderr)
    what = f"worked example “{args.example}”" if args.example else "blank plan"
    print(f"Wrote a {what} to {target}")
    return EXIT_OK


def _cmd_validate(args: argparse.Namespace) -> int:
    from workbook.completeness import assess
    from workbook.paths import describe_location
    from workbook.secrets_check import find_secrets
    from workbook.storage import load_plan

    loaded = load_plan(args.file)
    for warning in loaded.warnings:
        print(f"Warning: {warning}", file=sys.stderr)
    # The text is kept and the file still counts as valid: this is advice, not an error.
    for finding in find_secrets(loaded.plan):
        where = describe_location(finding.path, loaded.plan)
        print(f"Warning: {where}: {finding.message}", file=sys.stderr)
    print(f"{loaded.path.name}: {assess(loaded.plan).summary()}")
    return EXIT_OK


def _cmd_lint(args: argparse.Namespace) -> int:
    import json

    from workbook.lint import has_errors, lint, report_json, report_text
    from workbook.storage import load_plan

    loaded = load_plan(args.file)
    for warning in loaded.warnings:
        print(f"Note: {warning}", file=sys.stderr)
    findings = lint(loaded.plan)
    name = loaded.path.name
    if args.format == "json":
        print(json.dumps(report_json(loaded.plan, findings, name), indent=2, ensure_ascii=False))
    else:
        print(report_text(loaded.plan, findings, name))
    return EXIT_FAILED if has_errors(findings) else EXIT_OK


def _cmd_schema(args: argparse.Namespace) -> int:
    from workbook.model import Plan

    print(json.dumps(Plan.model_json_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK


# ---------------------------------------------------------------- snapshots and compare


def _when(moment) -> str:  # a snapshot's time, in the user's own time zone
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _cmd_snapshot(args: argparse.Namespace) -> int:
    from workbook.session import PlanSession

    name = " ".join(args.name.split())
    if not name:
        raise CommandError('The snapshot needs a name, for example: --name "Before the workshop"')
    session = PlanSession.open(args.file)
    try:
        for warning in session.load_warnings:
            print(f"Note: {warning}", file=sys.stderr)
        snapshot = session.take_snapshot(name, args.note or "")
        result = session.save()
    finally:
        session.close()
    for warning in result.warnings:
        print(f"Note: {warning}", file=sys.stderr)
    count = len(session.snapshots())
    print(f"Took the snapshot “{snapshot.title}” of {session.name} ({count} in its history).")
    return EXIT_OK


def _cmd_snapshots(args: argparse.Namespace) -> int:
    from workbook.storage import load_plan

    loaded = load_plan(args.file)
    snapshots = loaded.plan.history.snapshots
    if not snapshots:
        print(
            f"{loaded.path.name} has no snapshots yet. Take one with: "
            f"workbook snapshot {args.file} --name NAME"
        )
        return EXIT_OK
    for snapshot in reversed(snapshots):  # newest first, as people look for them
        kind = "" if not snapshot.kind.automatic else f"  ({snapshot.kind.label.lower()})"
        note = f"  — {' '.join(snapshot.note.split())}" if snapshot.note.strip() else ""
        mark = "" if snapshot.rebuilt_exactly else "  [changed by hand since]"
        print(f"{_when(snapshot.taken_at)}  {snapshot.title}{kind}{note}{mark}")
    return EXIT_OK


def _cmd_diff(args: argparse.Namespace) -> int:
    from workbook.diff import compare, comparison_text
    from workbook.model import plan_state
    from workbook.snapshots import SnapshotNotFoundError, find_snapshot
    from workbook.storage import load_plan

    loaded = load_plan(args.file)
    plan = loaded.plan
    snapshots = plan.history.snapshots
    wants_now = {None, "now"}
    if not snapshots and not (args.from_ in wants_now and args.to in wants_now):
        raise CommandError(
            f"{loaded.path.name} has no snapshots to compare. Take one with: "
            f"workbook snapshot {args.file} --name NAME"
        )

    def version(key: str | None, default_newest: bool):
        if key is None and default_newest:
            if not snapshots:
                raise CommandError(
                    f"{loaded.path.name} has no snapshots to compare with. Take one with: "
                    f"workbook snapshot {args.file} --name NAME"
                )
            key = snapshots[-1].id
        if key is None or key.strip().casefold() == "now":
            return plan_state(plan), "now", None
        try:
            snapshot = find_snapshot(plan, key)
        except SnapshotNotFoundError as error:
            raise CommandError(error.message) from None
        return snapshot.state, f"“{snapshot.title}” ({_when(snapshot.taken_at)})", snapshot

    old_state, old_label, old_snapshot = version(args.from_, True)
    new_state, new_label, new_snapshot = version(args.to, False)
    comparison = compare(old_state, new_state, old_label=old_label, new_label=new_label)
    if args.format == "json":
        out = comparison.to_json()
        out["from"] = _version_json(old_snapshot)
        out["to"] = _version_json(new_snapshot)
        print(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        print(comparison_text(comparison))
    return EXIT_OK


def _version_json(snapshot) -> object:
    if snapshot is None:
        return "now"
    return {
        "id": snapshot.id,
        "name": snapshot.title,
        "kind": snapshot.kind.value,
        "taken_at": snapshot.taken_at.isoformat(),
    }


def _cmd_handoff(args: argparse.Namespace) -> int:
    from workbook.export import ExportError, ExportOptions
    from workbook.export.command import _Report, _stop_on_terminate
    from workbook.export.options import normalise_accent, normalise_page_size
    from workbook.handoff import HandoffError, write_handoff
    from workbook.storage import PlanFileError, load_plan

    # --progress json: the window's way (JSON lines on stdout), as `workbook export` does.
    report = _Report(as_json=True) if args.progress == "json" else None
    if report is not None:
        _stop_on_terminate()
    try:
        if not args.output.strip():
            raise HandoffError("-o was given an empty name; give the folder for the bundle.")
        stem = args.name
        if stem is not None and (
            not stem.strip() or Path(stem).name != stem or stem in (".", "..")
        ):
            raise HandoffError(
                f"--name {stem!r} is not a plain file name. Give a name without folders, "
                "for example: --name 'Harbour Bikes'."
            )
        options = ExportOptions(
            page_size=normalise_page_size(args.page_size),
            logo=args.logo,
            accent=normalise_accent(args.accent),
            consultant_name=args.consultant,
            consultant_company=args.company,
        )
        loaded = load_plan(args.file)
        if report is None:
            for warning in loaded.warnings:
                print(f"Note: {warning}", file=sys.stderr)
        result = write_handoff(
            loaded.plan,
            Path(args.output),
            stem=stem or loaded.path.stem or "plan",
            options=options,
            force=args.force,
            include_history=not args.no_history,
            progress=report.progress if report is not None else None,
        )
    except (HandoffError, ExportError) as error:
        if report is not None:
            return report.fail(str(error))
        raise CommandError(str(error)) from None
    except (PlanFileError, OSError) as error:
        if report is None:
            raise
        text = str(error) if isinstance(error, PlanFileError) else (error.strerror or str(error))
        return report.fail(f"The bundle could not be written: {text}.")
    except Exception as error:
        if report is None:
            raise  # the command line says it plainly (main)
        return report.fail(
            f"Something went wrong inside the app ({type(error).__name__}: {error}). "
            "Please report it."
        )
    if report is not None:
        return report.done(result.folder, 0, ())
    print(f"Wrote the hand-off bundle to {result.folder}:")
    for path in result.files:
        print(f"  {path.name}")
    return EXIT_OK


def _add_review_commands(subparsers: argparse._SubParsersAction) -> None:
    from workbook.branding import DEFAULT_ACCENT

    sub = subparsers.add_parser(
        "snapshot",
        help="keep the plan as it is now, under a name, in its own history",
        description="Add a named snapshot to the plan file's history and save the plan.",
    )
    sub.add_argument("file", metavar="FILE")
    sub.add_argument("--name", required=True, metavar="NAME", help="what to call the snapshot")
    sub.add_argument("--note", metavar="TEXT", help="a note to keep with it")
    sub.set_defaults(handler=_cmd_snapshot)

    sub = subparsers.add_parser("snapshots", help="list a plan's snapshots, newest first")
    sub.add_argument("file", metavar="FILE")
    sub.set_defaults(handler=_cmd_snapshots)

    sub = subparsers.add_parser(
        "diff",
        help="what changed between a snapshot and now, or between two snapshots",
        description="Compare two versions of a plan stage by stage. Without --from, the "
        "newest snapshot; without --to, the plan as it is now.",
    )
    sub.add_argument("file", metavar="FILE")
    sub.add_argument("--from", dest="from_", metavar="NAME", help="a snapshot's name (or id)")
    sub.add_argument("--to", metavar="NAME|now", help="a snapshot's name (or id), or now")
    sub.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    sub.set_defaults(handler=_cmd_diff)

    sub = subparsers.add_parser(
        "handoff",
        help="write a folder for the client: the document, the action plan and the plan",
        description="Write the hand-off bundle: the strategy document (PDF, and Word when "
        "available), the action plan for calendars (ICS) and spreadsheets (CSV), the plan "
        "file, and a README.txt saying what each is.",
    )
    sub.add_argument("file", metavar="FILE")
    sub.add_argument("-o", "--output", required=True, metavar="FOLDER", help="the folder to write")
    sub.add_argument("--force", action="store_true", help="replace the bundle's files if there")
    sub.add_argument(
        "--no-history", action="store_true", help="leave the snapshots out of the plan file"
    )
    sub.add_argument("--page-size", default="A4", metavar="A4|Letter", help="paper size")
    sub.add_argument("--logo", metavar="IMAGE", type=Path, help="the consultant's logo")
    sub.add_argument("--accent", default=DEFAULT_ACCENT, metavar="#RRGGBB", help="brand colour")
    sub.add_argument("--consultant", default="", metavar="NAME", help="the consultant's name")
    sub.add_argument("--company", default="", metavar="NAME", help="the consultant's company")
    sub.add_argument(
        "--name", metavar="NAME", help="what to call the files (default: the plan file's name)"
    )
    sub.add_argument(
        "--progress",
        choices=("json",),
        help="print progress and the outcome as JSON lines on stdout (for programs)",
    )
    sub.set_defaults(handler=_cmd_handoff)


def _export_unavailable(reason: str):
    def handler(args: argparse.Namespace) -> int:
        raise CommandError(reason)

    return handler


def _add_export(subparsers: argparse._SubParsersAction) -> None:
    help_text = "write the plan as a document: PDF, Word, Markdown or web page (HTML)"
    try:
        command = importlib.import_module("workbook.export.command")
    except ModuleNotFoundError as error:
        if error.name not in ("workbook.export", "workbook.export.command"):
            reason = f"PDF export needs a module that is not installed: {error.name}."
        else:
            reason = "PDF export is not available in this version of the app."
        command = None
    except Exception as error:  # a broken export module must not take `validate` down with it
        reason = f"PDF export could not be loaded ({type(error).__name__}: {error})."
        command = None
    if command is None:
        parser = subparsers.add_parser("export", help=help_text)
        parser.add_argument("rest", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
        parser.set_defaults(handler=_export_unavailable(reason))
        return
    parser = subparsers.add_parser("export", help=help_text, description=help_text)
    command.add_arguments(parser)
    parser.set_defaults(handler=command.run)


def _cmd_import_notes(args: argparse.Namespace) -> int:
    from workbook.importing.command import ImportCommandError, run

    try:
        return run(args)
    except ImportCommandError as error:
        raise CommandError(str(error)) from None


def _add_import_notes(subparsers: argparse._SubParsersAction) -> None:
    from workbook.importing import command

    help_text = "add listening notes from a CSV, TSV, XLSX or ODS file to a plan"
    parser = subparsers.add_parser(
        "import-notes",
        help=help_text,
        description=f"{help_text[0].upper()}{help_text[1:]}. Prints how many rows were "
        "imported, skipped and not imported, and why. Exit status 0 when the file was read.",
    )
    command.add_arguments(parser)
    parser.set_defaults(handler=_cmd_import_notes)


def build_parser() -> argparse.ArgumentParser:
    """The parser for the file commands (``workbook COMMAND ...``)."""
    parser = argparse.ArgumentParser(
        prog="workbook",
        description="Social Media Value Workbook: build a social media strategy in four "
        "stages. Without a command, opens the desktop window (with the plans named, if any).",
        epilog="Desktop window: workbook [PLAN.json ...]",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")

    sub = subparsers.add_parser("examples", help="list the worked examples")
    sub.set_defaults(handler=_cmd_examples)

    sub = subparsers.add_parser("new", help="write a blank plan, or a worked example, to a file")
    sub.add_argument("-o", "--output", required=True, metavar="FILE", help="the file to write")
    sub.add_argument("--example", metavar="NAME", help="start from this worked example")
    sub.add_argument("--force", action="store_true", help="replace FILE if it exists")
    sub.set_defaults(handler=_cmd_new)

    sub = subparsers.add_parser("validate", help="check that a plan file opens; show progress")
    sub.add_argument("file", metavar="FILE")
    sub.set_defaults(handler=_cmd_validate)

    sub = subparsers.add_parser(
        "lint",
        help="check a plan's thinking: errors, warnings and hints, each with its field",
        description="Check a plan across its stages. Exit status 0 when there are no "
        "errors, 1 when there are errors or the file cannot be read.",
    )
    sub.add_argument("file", metavar="FILE")
    sub.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    sub.set_defaults(handler=_cmd_lint)

    sub = subparsers.add_parser("schema", help="print the JSON Schema of plan files")
    sub.set_defaults(handler=_cmd_schema)

    _add_export(subparsers)
    _add_import_notes(subparsers)
    _add_review_commands(subparsers)
    return parser


def build_gui_parser() -> argparse.ArgumentParser:
    """The parser for starting the desktop window (``workbook [PLAN.json ...]``)."""
    parser = argparse.ArgumentParser(
        prog="workbook",
        usage="workbook [--self-test] [PLAN.json ...]\n       workbook COMMAND ... "
        f"(one of: {', '.join(COMMANDS)}; see workbook --help)",
        description="Open the desktop window, with the plans named, if any.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--self-test", action="store_true", help="start, check that the window works, and quit"
    )
    parser.add_argument("paths", nargs="*", metavar="PLAN.json")
    return parser


# ---------------------------------------------------------------- the desktop window


def _run_gui(paths: list[str], self_test: bool) -> int:
    try:
        from workbook.gui.app import run
    except ModuleNotFoundError as error:
        if (error.name or "").split(".")[0] in ("PySide6", "shiboken6"):
            raise CommandError(PYSIDE_MISSING) from None
        if error.name in ("workbook.gui", "workbook.gui.app"):
            raise CommandError(
                "The desktop window is not part of this version of the app."
            ) from None
        raise
    except ImportError as error:
        # PySide6 present but broken, e.g. a missing system library.
        if "PySide6" in str(error) or "shiboken6" in str(error) or "libGL" in str(error):
            raise CommandError(f"The desktop window could not start: {error}") from None
        raise
    return int(run(paths, self_test=self_test))


# ---------------------------------------------------------------- entry points


def _dispatch(argv: list[str]) -> int:
    if not argv:
        # The plain launch (a desktop icon): nothing to parse, and building the parser
        # would be 5 ms of the window's start-up (tests/benchmarks).
        return _run_gui([], False)
    first_word = next((arg for arg in argv if not arg.startswith("-")), None)
    wants_help = any(arg in ("-h", "--help") for arg in argv)
    if first_word in COMMANDS or (wants_help and first_word is None):
        args = build_parser().parse_args(argv)
        if args.command is None:
            return _run_gui([], False)
        return int(args.handler(args))
    args = build_gui_parser().parse_args(argv)
    return _run_gui(list(args.paths), args.self_test)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 failed, 2 usage, 130 ^C)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        return _dispatch(argv)
    except SystemExit as done:  # argparse: --help, --version, usage errors
        code = done.code
        return code if isinstance(code, int) else (EXIT_OK if code is None else EXIT_USAGE)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception as error:
        # Imported here so that --version and --help never load the plan model.
        from workbook.storage import PlanFileError

        if isinstance(error, PlanFileError | CommandError):
            _print_error(str(error))
        elif isinstance(error, OSError):
            where = f" ({error.filename})" if error.filename else ""
            _print_error(f"{error.strerror or error}{where}.")
        elif os.environ.get("WORKBOOK_DEBUG"):
            raise
        else:  # a bug: say so plainly; the traceback only on request
            _print_error(
                f"Something went wrong inside the app ({type(error).__name__}: {error}). "
                "Nothing was changed. Run again with WORKBOOK_DEBUG=1 for details, and "
                "please report it."
            )
        return EXIT_FAILED


def gui_main() -> int:
    """Entry point of the windowed launcher (``workbook-gui``), which has no console."""
    if sys.stderr is None:  # pythonw on Windows: keep prints from failing
        sys.stderr = open(os.devnull, "w")  # lives as long as the process
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w")
    return main()
