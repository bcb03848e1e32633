"""What both report builders share: dates and short forms of text, anchors, the cover facts."""

from __future__ import annotations

import re
from datetime import date

from workbook.dates import MONTHS
from workbook.model import FromListening, Plan
from workbook.report.blocks import Heading, ReportMeta
from workbook.report.options import Branding, ReportKind, ReportOptions

SERIES = "Creating Social Media Value"
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s")


def is_blank(text: str | None) -> bool:
    return text is None or not text.strip()


def one_line(text: str) -> str:
    """``text`` with every run of whitespace (line breaks included) folded to one space."""
    return " ".join(text.split())


# English month names (workbook.dates): strftime's follow the process locale, which Qt sets
# from the system, and the document is in English.


def format_date(value: date | None) -> str:
    # Day first, month in words: unambiguous on both sides of the Atlantic.
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}" if value else ""


def format_short_date(value: date | None) -> str:
    return f"{value.day} {MONTHS[value.month - 1][:3]} {value.year}" if value else ""


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else (many or word + 's')}"


def brief(text: str, limit: int = 220) -> str:
    """``text`` on one line, cut at a word boundary with "…" when longer than ``limit``."""
    text = one_line(text)
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(",;:. ") + " …"


def first_sentence(text: str, limit: int = 220) -> str:
    """The first sentence of ``text`` (or its first ``limit`` characters): a summary line.
    The whole answer is always printed in its own section."""
    text = one_line(text)
    match = _SENTENCE_END.search(text)
    if match and match.start() <= limit:
        return text[: match.start()].rstrip()
    return brief(text, limit)


def format_hours(value: float) -> str:
    """ "3 h", "1.5 h": hours a month, as the activities give them."""
    return f"{value:g} h"


def format_money(value: float) -> str:
    """ "1,250", "12.50", "0": the plan does not say which currency, the figure is the user's."""
    if not value:
        return "0"
    return f"{value:,.2f}".removesuffix(".00")


def join_present(parts: list[str] | tuple[str, ...], separator: str = "; ") -> str:
    """The non-blank ``parts``, each on one line, joined."""
    return separator.join(one_line(p) for p in parts if not is_blank(p))


def labelled_lines(pairs: tuple[tuple[str, str], ...]) -> str:
    """ "Label: value" lines for the pairs whose value is not blank (a table cell's text)."""
    return "\n".join(f"{label}: {one_line(value)}" for label, value in pairs if not is_blank(value))


def drawn_from(link: FromListening | None) -> str:
    """ "Drawn from 5 notes about allergies" for an entry made from listening, else ""."""
    from workbook.suggestions import link_label

    label = link_label(link)
    return f"Drawn {label}" if label else ""


def with_source(text: str, link: FromListening | None) -> str:
    """A cell's ``text`` with, on a line of its own, the listening it was drawn from."""
    label, text = drawn_from(link), text.strip()
    return f"{text}\n{label}" if label and text else (label or text)


class Anchors:
    """Unique anchor ids for headings, made from our own words (``[a-z0-9-]`` only)."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def make(self, base: str) -> str:
        slug = re.sub(r"[^a-z0-9]+", "-", base.casefold()).strip("-") or "section"
        anchor, number = slug, 2
        while anchor in self._used:
            anchor = f"{slug}-{number}"
            number += 1
        self._used.add(anchor)
        return anchor

    def heading(self, level: int, text: str, anchor_base: str, kicker: str = "") -> Heading:
        return Heading(level, text, self.make(anchor_base), kicker)


def preparer(plan: Plan, branding: Branding) -> str:
    """The one "Prepared by": the plan's own answer if given, else the consultant's profile."""
    if not is_blank(plan.details.prepared_by):
        return one_line(plan.details.prepared_by)
    return join_present((branding.consultant_name, branding.consultant_company), ", ")


def organisation_name(plan: Plan) -> str:
    return one_line(plan.details.organisation)


def make_meta(plan: Plan, options: ReportOptions, branding: Branding) -> ReportMeta:
    d = plan.details
    org = organisation_name(plan)
    worksheet = options.kind is ReportKind.WORKSHEET
    default_title = "Social media strategy workshop" if worksheet else "Social media strategy"
    title = one_line(d.title) or default_title
    what = "Workshop worksheet" if worksheet else "Social media strategy"
    return ReportMeta(
        title=title,
        subject=f"{what} for {org}" if org else what,
        author=preparer(plan, branding),
        organisation=org,
        prepared_for=one_line(d.prepared_for),
        prepared_by=preparer(plan, branding),
        plan_date=d.plan_date,
        kind=options.kind.value,
        accent=branding.accent,
        logo=branding.logo,
        page_size="Letter" if options.page_size == "Letter" else "A4",
        keywords=("social media strategy", SERIES),
    )


def cover_details(meta: ReportMeta, revision: str) -> tuple[tuple[str, str], ...]:
    pairs = (
        ("Prepared for", meta.prepared_for),
        ("Prepared by", meta.prepared_by),
        ("Date", format_date(meta.plan_date)),
        ("Revision", one_line(revision)),
    )
    return tuple((label, value) for label, value in pairs if value)
