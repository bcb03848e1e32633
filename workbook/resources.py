"""The one helper that finds bundled resources, from source, installed, or frozen by PyInstaller."""

from __future__ import annotations

import importlib.resources
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path

RESOURCE_PACKAGE = "workbook_resources"
"""The repository's ``resources/`` folder, installed under this package name (pyproject.toml)."""

_PACKAGE_DIR = Path(__file__).resolve().parent


def _installed_root() -> Path | None:
    """The ``workbook_resources`` package on disk (a wheel or an editable install), if any."""
    try:
        root = importlib.resources.files(RESOURCE_PACKAGE)
    except ModuleNotFoundError:
        return None
    # Fonts and icons are handed to reportlab and Qt by file name, so only a package that
    # sits in a real folder will do (not one inside a zip file).
    return root if isinstance(root, Path) else None


def _candidates() -> Iterator[Path]:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        yield Path(frozen_root) / "resources"
    installed = _installed_root()
    if installed is not None:
        yield installed
    yield _PACKAGE_DIR.parent / "resources"


@cache
def resources_root() -> Path:
    """Folder that holds the contents of the repository's ``resources/``.

    Looked for, in order: inside a PyInstaller bundle (``sys._MEIPASS/resources``), as the
    ``workbook_resources`` package that a wheel or an editable install provides, and
    beside the package in a source checkout that was not installed (``../resources``).
    """
    looked: list[Path] = []
    for candidate in _candidates():
        if (candidate / "examples").is_dir():
            return candidate
        looked.append(candidate)
    raise FileNotFoundError(
        "The app's resources folder is missing; looked in: "
        + ", ".join(str(c) for c in looked)
        + ". Reinstall the app."
    )


def resource_path(*parts: str) -> Path:
    """Path of one resource, e.g. ``resource_path("examples", "bakery.json")``."""
    return resources_root().joinpath(*parts)
