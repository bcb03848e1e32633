"""The strategy document as a format-neutral report, and its Word, Markdown and HTML forms.

:func:`build_report` makes every editorial choice once (plan + options → blocks); the
renderers only turn those blocks into a format, so the formats never disagree.
No Qt here, and python-docx is imported only when a Word file is made.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from workbook.export.options import ExportError
from workbook.report.blocks import ReportDocument
from workbook.report.options import (
    Branding,
    NotesLog,
    ReportKind,
    ReportOptions,
    Section,
)

if TYPE_CHECKING:
    from workbook.model import Plan

__all__ = [
    "FORMATS",
    "Branding",
    "NotesLog",
    "ReportDocument",
    "ReportKind",
    "ReportOptions",
    "Section",
    "build_report",
    "format_for_path",
    "render_report",
    "write_report",
]

FORMATS: dict[str, str] = {"pdf": ".pdf", "md": ".md", "html": ".html", "docx": ".docx"}
"""The formats a report is rendered in, with the file extension each gets."""

_SUFFIXES = {
    ".pdf": "pdf",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
}


def build_report(
    plan: Plan,
    options: ReportOptions = ReportOptions(),  # noqa: B008 - frozen dataclass, safe default
    branding: Branding = Branding(),  # noqa: B008 - frozen dataclass, safe default
    today: date | None = None,
) -> ReportDocument:
    """The document ``options`` asks for, as blocks. ``today`` (default: the clock) is when
    the document is made: a review date before it is called out as past."""
    from workbook.report.client import ClientBuilder
    from workbook.report.colour import accent_warning
    from workbook.report.worksheet import WorksheetBuilder

    options = options.validated()
    branding = branding.validated()
    day = today or date.today()
    builder = WorksheetBuilder if options.kind is ReportKind.WORKSHEET else ClientBuilder
    doc = builder(plan, options, branding, day).build()
    warning = accent_warning(branding.accent)
    return replace(doc, warnings=(*doc.warnings, warning)) if warning else doc


def format_for_path(path: Path | str) -> str | None:
    """The format a file name asks for by its extension ("pdf", "md", "html", "docx"), or
    None."""
    return _SUFFIXES.get(Path(path).suffix.casefold())


def render_report(doc: ReportDocument, fmt: str, reference_docx: Path | None = None) -> bytes:
    """``doc`` in format ``fmt`` ("pdf", "md", "html" or "docx"), as the bytes of the file.
    (The PDF with progress and cancel: :func:`workbook.export.render_pdf`.)"""
    if fmt == "pdf":
        from workbook.export.options import ExportOptions
        from workbook.export.renderer import render

        meta = doc.meta
        options = ExportOptions(page_size=meta.page_size, accent=meta.accent, logo=meta.logo)
        return render(None, options, doc=doc).data
    if fmt == "md":
        from workbook.report.markdown import render_markdown

        return render_markdown(doc).encode("utf-8")
    if fmt == "html":
        from workbook.report.html import render_html

        return render_html(doc).encode("utf-8")
    if fmt == "docx":
        import io

        from workbook.report.docx import render_docx

        buffer = io.BytesIO()
        render_docx(doc, buffer, reference_docx)
        return buffer.getvalue()
    known = ", ".join(FORMATS)
    raise ExportError(f"The format {fmt!r} is not one this export writes; choose one of {known}.")


def write_report(
    plan: Plan,
    target: Path,
    fmt: str,
    options: ReportOptions = ReportOptions(),  # noqa: B008 - frozen dataclass, safe default
    branding: Branding = Branding(),  # noqa: B008 - frozen dataclass, safe default
    reference_docx: Path | None = None,
    today: date | None = None,
) -> ReportDocument:
    """Build the document and write it to ``target`` atomically in format ``fmt``.

    A failed export leaves whatever was at ``target`` untouched. Raises ExportError, with a
    message for people, when an option is unusable or the file cannot be written.
    """
    from workbook.export.formats import FORMATS as OUTPUTS
    from workbook.report.writing import write_file

    doc = build_report(plan, options, branding, today)
    data = render_report(doc, fmt, reference_docx)
    write_file(Path(target), data, OUTPUTS[fmt].output)
    return doc
