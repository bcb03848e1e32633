"""The hand-off bundle: one folder for the client with the strategy document, the action plan
for calendars and spreadsheets, the plan file itself, and a README.txt saying what each is.

The Word copy of the document comes from ``workbook.report.write_report``.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from workbook.csv_export import CsvTable, csv_bytes
from workbook.storage import plan_to_bytes, write_atomic

if TYPE_CHECKING:
    from workbook.export import ExportOptions
    from workbook.model import Plan

README_NAME = "README.txt"
WordWriter = Callable[["Plan", Path], object]
Progress = Callable[[float, str], None]
"""``progress(fraction, message)``, as the export reports it."""


class HandoffError(Exception):
    """The bundle cannot be written where asked; ``str(error)`` says why and what to do."""


@dataclass
class HandoffResult:
    folder: Path
    files: list[Path] = field(default_factory=list)
    """Every file written, README.txt last."""
    """What people should know: a part left out, and why."""


def word_writer() -> WordWriter:
    """Writes the client document as an editable Word file (workbook.report)."""
    from workbook.report import write_report

    return lambda plan, path: write_report(plan, path, "docx")


def bundle_names(stem: str) -> dict[str, str]:
    """The file names in a bundle for a plan called ``stem``."""
    return {
        "pdf": f"{stem}.pdf",
        "docx": f"{stem}.docx",
        "ics": f"{stem} action plan.ics",
        "csv": f"{stem} action plan.csv",
        "json": f"{stem}.json",
        "readme": README_NAME,
    }


def check_folder(folder: Path, names: dict[str, str], *, force: bool) -> None:
    """HandoffError unless ``folder`` is new, empty, or (with ``force``) only needs files
    of this bundle's names replaced."""
    if folder.exists() and not folder.is_dir():
        raise HandoffError(
            f"{folder} is a file, not a folder. Give the name of a new folder for the bundle."
        )
    if not folder.parent.is_dir():
        raise HandoffError(
            f"The folder {folder.parent} does not exist, so {folder.name} cannot be made in "
            "it. Choose a place inside an existing folder."
        )
    if not folder.exists():
        return
    # Files of other names are left alone: the folder may hold the consultant's own.
    present = [name for name in names.values() if (folder / name).exists()]
    if present and not force:
        raise HandoffError(
            f"The folder {folder} already holds a bundle ({', '.join(present)}). Add "
            "--force to replace those files, or choose a new folder."
        )
    for name in present:
        if not (folder / name).is_file() or (folder / name).is_symlink():
            raise HandoffError(
                f"{folder / name} is not an ordinary file, so it is not replaced. Choose a "
                "new folder."
            )


def _readme(
    plan: Plan,
    names: dict[str, str],
    *,
    events: int,
    rows: int,
    snapshots: int,
    now: datetime,
) -> str:
    details = plan.details
    who = details.organisation.strip() or "the business"
    title = details.title.strip() or f"Social media plan for {who}"
    lines = [title, "=" * min(len(title), 72), ""]
    intro = f"This folder was made on {now.day} {now:%B %Y}."
    if details.prepared_by.strip():
        intro = f"Prepared by {details.prepared_by.strip()}. {intro}"
    lines += [*textwrap.wrap(f"{intro} What each file is:", 76), ""]

    def entry(name: str | None, text: str) -> None:
        if name:
            lines.append(name)
        lines.extend(textwrap.wrap(text, 76, initial_indent="  ", subsequent_indent="  "))
        lines.append("")

    entry(
        names["pdf"],
        "The strategy document: what was heard, what was decided, how the business will take "
        "part in the conversation, and how it will know it is working. Read it on screen or "
        "print it.",
    )
    entry(names["docx"], "The same document as a Word file, to edit or to reuse.")
    entries = f"{events} entr{'y' if events == 1 else 'ies'}"
    entry(
        names["ics"],
        f"The action plan for a calendar, {entries}: activities with their repeats, agreed "
        "actions, the next review, and any of the 7 P's still to share. Import it into "
        "Outlook, Google Calendar or Apple Calendar. Importing a newer copy later updates "
        "the same entries instead of adding them twice.",
    )
    entry(
        names["csv"],
        f"The same action plan as a spreadsheet, {rows} row{'' if rows == 1 else 's'}, each "
        "with its date, owner and repeat. It opens in Excel, LibreOffice Calc or Numbers.",
    )
    history = (
        f" It keeps {snapshots} snapshot{'' if snapshots == 1 else 's'} of earlier versions, "
        "so the app can show what changed since each."
        if snapshots
        else ""
    )
    entry(
        names["json"],
        "The plan itself, to open in the Social Media Value Workbook app and carry on with "
        f"at the next review.{history}",
    )
    return "\n".join(lines).rstrip() + "\n"


def write_handoff(
    plan: Plan,
    folder: Path,
    *,
    stem: str,
    options: ExportOptions | None = None,
    force: bool = False,
    include_history: bool = True,
    now: datetime | None = None,
    word: WordWriter | None = None,
    progress: Progress | None = None,
) -> HandoffResult:
    """Write the bundle for ``plan`` into ``folder`` (made if new); files are named after
    ``stem``. ``word`` is the Word writer (default: :func:`word_writer`); ``progress`` hears
    how far it has got. Raises :class:`HandoffError`, or ``ExportError`` when the PDF cannot
    be made."""
    from workbook.calendar_export import plan_calendar
    from workbook.csv_export import table_rows
    from workbook.export import ExportOptions, export_pdf

    folder = Path(folder)
    names = bundle_names(stem)
    check_folder(folder, names, force=force)
    moment = (now or datetime.now(UTC)).astimezone()
    writer = word if word is not None else word_writer()
    kept = plan
    if not include_history and plan.history.snapshots:
        kept = plan.model_copy()
        kept.history = plan.history.model_copy(update={"snapshots": []})
    folder.mkdir(exist_ok=True)
    result = HandoffResult(folder)

    def say(fraction: float, message: str) -> None:
        if progress is not None:
            progress(fraction, message)

    # The PDF is most of the work: it gets the first 70% of the bar.
    pdf = folder / names["pdf"]
    pdf_progress = (lambda f, m: say(0.7 * f, f"The PDF: {m}")) if progress else None
    export_pdf(plan, pdf, options or ExportOptions(), progress=pdf_progress)
    result.files.append(pdf)
    say(0.7, "The Word document")
    docx = folder / names["docx"]
    writer(plan, docx)
    say(0.9, "The action plan and the plan file")
    result.files.append(docx)
    calendar = plan_calendar(plan, now=moment)
    ics = folder / names["ics"]
    write_atomic(ics, calendar.to_ical())
    result.files.append(ics)
    spreadsheet = folder / names["csv"]
    write_atomic(spreadsheet, csv_bytes(plan, CsvTable.ACTIONS))
    result.files.append(spreadsheet)
    plan_file = folder / names["json"]
    write_atomic(plan_file, plan_to_bytes(kept))
    result.files.append(plan_file)
    readme = folder / names["readme"]
    text = _readme(
        plan,
        names,
        events=len(calendar.walk("VEVENT")),
        rows=len(table_rows(plan, CsvTable.ACTIONS)[1]),
        snapshots=len(kept.history.snapshots),
        now=moment,
    )
    write_atomic(readme, text.replace("\n", "\r\n").encode("utf-8"))  # Notepad-friendly
    result.files.append(readme)
    say(1.0, "Done")
    return result
