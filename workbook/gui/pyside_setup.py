"""Settings of PySide6 itself that the app makes once, before its first window.

PySide6 replaces ``__import__`` with a hook that, for every module imported after it,
reads the module's whole source (``inspect.getsource``) to look for the word "PySide6"
(PYSIDE-2029). The answer only matters to modules that opt into ``from __feature__
import snake_case`` or ``true_property``; this app uses neither. Measured again when the
other start-up workarounds went (callgrind, the start until the window answers): the scan
is 77 million instructions, about 20 ms, of which 22 million come before the first paint;
and ``linecache`` keeps every line it read, 8 MB more resident memory once the window
answers. ``tests/gui/test_pyside_setup.py`` notices when a PySide6 release drops the scan.
"""

from __future__ import annotations

import sys

import PySide6.QtCore  # noqa: F401  (installs the import hook and its feature module)

FEATURE_MODULE = "PySide6.support.feature"


def _uses_pyside(module: object) -> bool:
    # 0 ("uses PySide, no feature selected") for every module: what the scan concludes for
    # each of the app's own Qt modules, and the only selection there is without __feature__.
    return True


def skip_feature_source_scan() -> bool:
    """Answer PySide6's per-import question without reading the module's source. Returns
    whether it could (False on a PySide6 without that hook: nothing to skip there)."""
    feature = sys.modules.get(FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = _uses_pyside
    return True
