"""The one helper that finds bundled resources, from source, installed, or frozen by PyInstaller."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def resources_root() -> Path:
    """Folder that holds the contents of the repository's ``resources/``.

    Looked for, in order: inside a PyInstaller bundle (``sys._MEIPASS/resources``),
    beside the package in a source checkout or editable install (``../resources``),
    and as the ``workbook_resources`` package a wheel install puts in site-packages.
    """
    candidates: list[Path] = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.append(Path(frozen_root) / "resources")
    candidates.append(_PACKAGE_DIR.parent / "resources")
    candidates.append(_PACKAGE_DIR.parent / "workbook_resources")
    for candidate in candidates:
        if (candidate / "examples").is_dir():
            return candidate
    raise FileNotFoundError(
        "The app's resources folder is missing; looked in: "
        + ", ".join(str(c) for c in candidates)
        + ". Reinstall the app."
    )


def resource_path(*parts: str) -> Path:
    """Path of one resource, e.g. ``resource_path("examples", "bakery.json")``."""
    return resources_root().joinpath(*parts)
