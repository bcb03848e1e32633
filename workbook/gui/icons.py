"""The app's own icons (resources/icon/ui/*.svg): one look on every platform and theme,
drawn to read on light and dark palettes alike.

They replace the style's standard icons, which cost the first window 20 ms before it could
be painted: making ``QStyle``'s Python enums and reading the desktop's icon theme
(tests/benchmarks). An SVG icon is only read when it is first drawn, at the size drawn.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from workbook.resources import resource_path

ICON_NAMES = (
    "add",
    "borrowed",
    "calendar",
    "clear",
    "copy",
    "delete",
    "done",
    "down",
    "error",
    "export",
    "hint",
    "home",
    "new",
    "next",
    "open",
    "previous",
    "save",
    "up",
    "warning",
)
"""Every icon there is; each is ``resources/icon/ui/<name>.svg``."""


@cache
def icon(name: str) -> QIcon:
    """The icon called ``name`` (one of :data:`ICON_NAMES`)."""
    if name not in ICON_NAMES:
        raise KeyError(f"no icon called {name!r}")
    return QIcon(str(resource_path("icon", "ui", f"{name}.svg")))
