"""The ``workbook export`` command: a plan file in, a PDF strategy document out.

Only argparse and pathlib are imported at module level, so registering the command
costs nothing; the renderer (and reportlab) load when the command runs.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from workbook.branding import DEFAULT_ACCENT


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", type=Path, help="the plan (.json) to export")
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT.pdf",
        type=Path,
        help="where to write the PDF (default: beside the plan, same name)",
    )
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


def run(args: argparse.Namespace) -> int:
    """Export the plan; 0 on success, 1 with a message on stderr when it cannot be done."""
    import sys

    from workbook.export import ExportError, ExportOptions, default_pdf_path, export_pdf
    from workbook.export.options import normalise_accent, normalise_page_size
    from workbook.storage import PlanFileError, load_plan

    def fail(message: str) -> int:
        print(f"workbook export: {message}", file=sys.stderr)
        return 1

    source: Path = args.file
    target: Path = args.output if args.output is not None else default_pdf_path(source)
    try:
        options = ExportOptions(
            page_size=normalise_page_size(args.page_size),
            include_prompts=not args.no_prompts,
            logo=args.logo,
            accent=normalise_accent(args.accent),
            consultant_name=args.consultant,
            consultant_company=args.company,
        )
        loaded = load_plan(source)
        for warning in loaded.warnings:
            print(f"note: {warning}", file=sys.stderr)
        if target.resolve() == source.resolve():
            return fail(
                f"the PDF would replace the plan itself ({source}); choose another name with -o."
            )
        result = export_pdf(loaded.plan, target, options)
    except (PlanFileError, ExportError) as error:
        return fail(str(error))
    except OSError as error:
        return fail(f"{error.strerror or error} ({error.filename or target}).")
    print(target)
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return 0
