"""PySide6's import hook must not read (and keep) the source of every module imported after
it: the app answers its question without the scan (workbook.gui.pyside_setup)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

PROBE = textwrap.dedent("""
    import linecache, sys
    sys.path.insert(0, {folder!r})
    {setup}
    import PySide6.QtWidgets  # the app's Qt modules still import and work
    import probe_module_abc
    print("CACHED" if {probe!r} in linecache.cache else "NOT-CACHED")
    print(probe_module_abc.VALUE)
""")


def _run(folder: Path, setup: str) -> list[str]:
    probe = folder / "probe_module_abc.py"
    probe.write_text("VALUE = 'PySide6 is mentioned here'\n", encoding="utf-8")
    code = PROBE.format(folder=str(folder), setup=setup, probe=str(probe))
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stdout.split("\n")[:2]


def test_pyside_alone_reads_and_keeps_each_imported_modules_source(tmp_path: Path) -> None:
    """The control: without the app's setting, PySide6 scans and linecache keeps the lines
    (if a PySide6 release drops the scan, this says so and the setting can go)."""
    assert _run(tmp_path, "import PySide6.QtCore") == ["CACHED", "PySide6 is mentioned here"]


def test_the_gui_package_skips_the_scan(tmp_path: Path) -> None:
    assert _run(tmp_path, "import workbook.gui") == ["NOT-CACHED", "PySide6 is mentioned here"]


def test_skip_reports_whether_the_hook_was_there(monkeypatch: pytest.MonkeyPatch) -> None:
    from workbook.gui import pyside_setup

    monkeypatch.delitem(sys.modules, pyside_setup.FEATURE_MODULE)
    assert pyside_setup.skip_feature_source_scan() is False
    monkeypatch.undo()
    assert pyside_setup.skip_feature_source_scan() is True
