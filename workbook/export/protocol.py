"""What ``workbook export --progress json`` prints: one JSON object a line, read by the window.

``{"progress": 0.42, "message": "Laying out pages"}`` as the document is made, then exactly
one of ``{"done": "/path/plan.pdf", "pages": 23, "warnings": [...]}`` (``pages`` is 0 for
formats a word processor or browser paginates: Word, Markdown, HTML) or
``{"error": "a message for people"}``. Anything else on the line is not ours (a library
printing to stdout, a crash) and is reported as such, never shown as it is.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

MAX_LINE_BYTES = 256 * 1024
"""Longer lines are not ours (a done line with many warnings is a few kilobytes)."""


@dataclass(frozen=True)
class Progress:
    fraction: float
    message: str


@dataclass(frozen=True)
class Done:
    path: Path
    pages: int
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class Failed:
    message: str


Event = Progress | Done | Failed


def progress_line(fraction: float, message: str) -> str:
    return json.dumps({"progress": round(float(fraction), 4), "message": message})


def done_line(path: Path, pages: int, warnings: tuple[str, ...]) -> str:
    return json.dumps({"done": str(path), "pages": pages, "warnings": list(warnings)})


def error_line(message: str) -> str:
    return json.dumps({"error": message})


def parse_line(line: bytes) -> Event | None:
    """The event a line stands for; None when the line is not one of ours."""
    if len(line) > MAX_LINE_BYTES:
        return None
    try:
        value = json.loads(line)
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(value, dict):
        return None
    if "progress" in value:
        fraction, message = value.get("progress"), value.get("message", "")
        if isinstance(fraction, int | float) and isinstance(message, str):
            return Progress(max(0.0, min(1.0, float(fraction))), message)
        return None
    if "done" in value:
        path, pages, warnings = value.get("done"), value.get("pages"), value.get("warnings", [])
        if (
            isinstance(path, str)
            and isinstance(pages, int)
            and isinstance(warnings, list)
            and all(isinstance(w, str) for w in warnings)
        ):
            return Done(Path(path), pages, tuple(warnings))
        return None
    if "error" in value and isinstance(value["error"], str) and value["error"].strip():
        return Failed(value["error"])
    return None
