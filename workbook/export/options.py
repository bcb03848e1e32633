"""What an export is asked to do and what it gives back: options, result, errors (no reportlab)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from workbook.branding import DEFAULT_ACCENT, parse_accent

if TYPE_CHECKING:
    from workbook.report.options import Branding, ReportOptions

PAGE_SIZES = ("A4", "Letter")


class ExportError(Exception):
    """An export that could not be done; ``str(error)`` is a message for people."""


class ExportCancelled(Exception):
    """The user cancelled the export before it finished."""


@dataclass(frozen=True)
class ExportOptions:
    """One export: the document asked for (:attr:`report`) and the consultant's branding."""

    page_size: str = "A4"
    """"A4" or "Letter"."""
    include_prompts: bool = True
    """False leaves out all guidance (the guiding questions and the explanations). True
    leaves it to :attr:`report`: the client document speaks without it by default, the
    worksheet with it."""
    logo: Path | None = None
    """The consultant's logo (PNG or JPEG) for the cover and the running header."""
    accent: str = DEFAULT_ACCENT
    """The consultant's brand colour as "#RRGGBB": headings, rules, table headers."""
    consultant_name: str = ""
    consultant_company: str = ""
    report: ReportOptions | None = None
    """What the document holds (:class:`workbook.report.ReportOptions`); None: the client
    document with every word of the plan."""
    reference_docx: Path | None = None
    """A Word file whose styles the Word document takes (Preferences)."""
    table: str = "actions"
    """The table a CSV export holds: actions, notes, activities or playbook."""

    def report_inputs(self) -> tuple[ReportOptions, Branding]:
        """The report options and branding this export builds its document with."""
        from workbook.report.options import Branding, ReportOptions

        report = replace(self.report or ReportOptions(), page_size=self.page_size)
        if not self.include_prompts:
            report = replace(report, guidance=False)
        branding = Branding(
            consultant_name=self.consultant_name,
            consultant_company=self.consultant_company,
            logo=self.logo,
            accent=self.accent,
        )
        return report.validated(), branding.validated()


@dataclass(frozen=True)
class ExportResult:
    data: bytes
    page_count: int
    warnings: tuple[str, ...]


def normalise_accent(value: str) -> str:
    """``value`` as "#RRGGBB" (upper case); ExportError if it is not a colour like that."""
    colour = parse_accent(value)
    if colour is None:
        raise ExportError(
            f"The accent colour {value!r} is not a colour code like {DEFAULT_ACCENT} "
            "(a # followed by six hexadecimal digits). Pick another colour."
        )
    return colour


def normalise_page_size(value: str) -> str:
    """ "A4" or "Letter" whatever the case; ExportError for anything else."""
    for size in PAGE_SIZES:
        if value.strip().casefold() == size.casefold():
            return size
    raise ExportError(f"The page size {value!r} is not one the export knows; choose A4 or Letter.")


def validate_options(options: ExportOptions) -> ExportOptions:
    """The same options with accent and page size normalised; ExportError if one is wrong.

    The logo is checked by the renderer, which has to read it anyway.
    """
    return replace(
        options,
        page_size=normalise_page_size(options.page_size),
        include_prompts=bool(options.include_prompts),
        logo=Path(options.logo) if options.logo else None,
        accent=normalise_accent(options.accent),
        consultant_name=options.consultant_name or "",
        consultant_company=options.consultant_company or "",
    )


def default_pdf_path(plan_path: Path) -> Path:
    """Where a plan's PDF goes unless the user says otherwise: beside it, same name, ``.pdf``."""
    return Path(plan_path).with_suffix(".pdf")
