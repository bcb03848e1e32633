"""One benchmark result per row, and the table they are printed as."""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


@dataclass
class Result:
    """A measure against its floor. ``limit_ratio`` and ``limit_value`` are the targets
    (either or both); a row with neither is shown for information."""

    measure: str
    ours: float
    unit: str = "s"
    floor: float | None = None
    floor_label: str = ""
    limit_ratio: float | None = None
    limit_value: float | None = None
    note: str = ""
    extra_checks: list[tuple[str, bool]] = field(default_factory=list)
    """Named conditions the target also requires (e.g. "no disk I/O on the UI thread")."""

    @property
    def ratio(self) -> float | None:
        if self.floor is None or self.floor <= 0:
            return None
        return self.ours / self.floor

    @property
    def target(self) -> str:
        parts = []
        if self.limit_ratio is not None:
            parts.append(f"≤ {self.limit_ratio:g}×")
        if self.limit_value is not None:
            parts.append(f"≤ {format_value(self.limit_value, self.unit)}")
        parts.extend(name for name, _ok in self.extra_checks)
        return "; ".join(parts) or "(info)"

    @property
    def met(self) -> bool | None:
        checks: list[bool] = []
        if self.limit_ratio is not None:
            ratio = self.ratio
            checks.append(ratio is not None and ratio <= self.limit_ratio)
        if self.limit_value is not None:
            checks.append(self.ours <= self.limit_value)
        checks.extend(ok for _name, ok in self.extra_checks)
        return all(checks) if checks else None


def format_value(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"
    if unit == "ms":
        return f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value:g} {unit}"


def median(values: Iterable[float]) -> float:
    return statistics.median(list(values))


def _cells(result: Result) -> list[str]:
    floor = "—"
    if result.floor is not None:
        floor = f"{result.floor_label}: {format_value(result.floor, result.unit)}"
    elif result.floor_label:
        floor = result.floor_label
    ratio = f"{result.ratio:.2f}×" if result.ratio is not None else "—"
    met = {True: "yes", False: "NO", None: "—"}[result.met]
    return [
        result.measure,
        floor,
        format_value(result.ours, result.unit),
        ratio,
        result.target,
        met,
    ]


HEADERS = ["measure", "floor (same run)", "ours", "ratio", "target", "met?"]


def markdown_table(results: Sequence[Result]) -> str:
    """The results as a Markdown table (readable in a terminal and in the docs)."""
    rows = [HEADERS, *(_cells(r) for r in results)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADERS))]

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    out = [line(rows[0]), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out.extend(line(row) for row in rows[1:])
    return "\n".join(out)


def notes(results: Sequence[Result]) -> str:
    return "\n".join(f"- {r.measure}: {r.note}" for r in results if r.note)
