"""Export of a plan: options, result, errors, and the render/export entry points.

:func:`render_pdf` and :func:`export_pdf` make the PDF; :func:`export_document` writes any
format of :data:`workbook.export.formats.FORMATS` (PDF, Word, Markdown, HTML).

Importing this package is cheap: reportlab (slow to import) is loaded only when
:func:`render_pdf` or :func:`export_pdf` is first called.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from workbook.export.options import (
    ExportCancelled,
    ExportError,
    ExportOptions,
    ExportResult,
    default_pdf_path,
)

if TYPE_CHECKING:
    from workbook.model import Plan

ProgressCallback = Callable[[float, str], None]
CancelCheck = Callable[[], bool]

__all__ = [
    "ExportCancelled",
    "ExportError",
    "ExportOptions",
    "ExportResult",
    "default_pdf_path",
    "export_document",
    "export_pdf",
    "render_pdf",
]


def render_pdf(
    plan: Plan,
    options: ExportOptions = ExportOptions(),  # noqa: B008 - frozen dataclass, safe default
    progress: ProgressCallback | None = None,
    is_cancelled: CancelCheck | None = None,
) -> ExportResult:
    """The plan as a PDF strategy document, in memory.

    ``progress(fraction, message)`` is called as the document is laid out;
    ``is_cancelled()`` is polled and, once true, ExportCancelled is raised.
    Raises ExportError (with a message for people) when an option is unusable.
    """
    from workbook.export.renderer import render

    return render(plan, options, progress, is_cancelled)


def export_document(
    plan: Plan,
    target: Path,
    fmt: str,
    options: ExportOptions = ExportOptions(),  # noqa: B008 - frozen dataclass, safe default
    progress: ProgressCallback | None = None,
    is_cancelled: CancelCheck | None = None,
) -> ExportResult:
    """Write the plan to ``target`` in format ``fmt`` ("pdf", "docx", "md", "html"…),
    atomically; see :func:`workbook.export.formats.export_document`."""
    from workbook.export.formats import export_document as export

    return export(plan, target, fmt, options, progress, is_cancelled)


def export_pdf(
    plan: Plan,
    target: Path,
    options: ExportOptions = ExportOptions(),  # noqa: B008 - frozen dataclass, safe default
    progress: ProgressCallback | None = None,
    is_cancelled: CancelCheck | None = None,
) -> ExportResult:
    """Render the plan and write the PDF to ``target`` atomically.

    A failed export leaves whatever was at ``target`` untouched. Raises ExportError
    when the file cannot be written (locked, read-only, missing folder).
    """
    from workbook.export.writing import write_pdf

    result = render_pdf(plan, options, progress, is_cancelled)
    write_pdf(Path(target), result.data)
    return result
