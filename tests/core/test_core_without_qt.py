"""The core runs without Qt: every module outside workbook.gui imports, and the command works,
in a Python where ``import PySide6`` fails."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

BLOCKER = '''
"""Installed as sitecustomize: this Python has no PySide6 (nor shiboken6)."""
import sys


class _NoQt:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6"):
            raise ModuleNotFoundError(f"No module named {name!r} (blocked)", name=name)
        return None


sys.meta_path.insert(0, _NoQt())
'''

NAMED_CORE = [
    "workbook",
    "workbook.model",
    "workbook.paths",
    "workbook.completeness",
    "workbook.insights",
    "workbook.storage",
    "workbook.migrations",
    "workbook.locking",
    "workbook.recovery",
    "workbook.appdirs",
    "workbook.cli",
    "workbook.examples",
    "workbook.guidance",
    "workbook.jsonfile",
    "workbook.resources",
    "workbook.export",
    "workbook.lint",
    "workbook.readiness",
    "workbook.borrowed",
    "workbook.facts",
    "workbook.suggestions",
    "workbook.costs",
    "workbook.about",
]

IMPORT_ALL = f"""
import importlib, pkgutil, sys

try:
    import PySide6  # noqa: F401
except ImportError:
    pass
else:
    raise SystemExit("the blocker did not work")

import workbook

names = set({NAMED_CORE!r})
for info in pkgutil.walk_packages(workbook.__path__, "workbook."):
    if info.name == "workbook.gui" or info.name.startswith("workbook.gui."):
        continue
    if info.name == "workbook.__main__":  # runs the command; exercised below instead
        continue
    names.add(info.name)
for name in sorted(names):
    importlib.import_module(name)
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
assert not qt, qt
print("imported", len(names))
"""


@pytest.fixture
def no_qt_env(tmp_path: Path) -> dict[str, str]:
    blocker = tmp_path / "blocker"
    blocker.mkdir()
    (blocker / "sitecustomize.py").write_text(BLOCKER, encoding="utf-8")
    return dict(
        os.environ, PYTHONPATH=os.pathsep.join([str(blocker), str(REPO)]), PYTHONIOENCODING="utf-8"
    )


def _run(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def test_every_core_module_imports_without_qt(no_qt_env: dict[str, str], tmp_path: Path) -> None:
    done = _run(["-c", IMPORT_ALL], no_qt_env, tmp_path)
    assert done.returncode == 0, done.stderr
    count = int(done.stdout.split()[-1])
    assert count >= len(NAMED_CORE)


def test_commands_work_without_qt(no_qt_env: dict[str, str], tmp_path: Path) -> None:
    workbook = ["-m", "workbook"]
    done = _run([*workbook, "examples"], no_qt_env, tmp_path)
    assert done.returncode == 0, done.stderr
    first_example = done.stdout.split()[0]

    done = _run(
        [*workbook, "new", "--example", first_example, "-o", "plan.json"], no_qt_env, tmp_path
    )
    assert done.returncode == 0, done.stderr
    done = _run([*workbook, "new", "-o", "blank.json"], no_qt_env, tmp_path)
    assert done.returncode == 0, done.stderr

    done = _run([*workbook, "validate", "plan.json"], no_qt_env, tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("plan.json: ")

    done = _run([*workbook, "lint", "plan.json", "--format", "json"], no_qt_env, tmp_path)
    assert done.returncode == 0, done.stderr  # an example has warnings at most, never errors
    assert '"counts"' in done.stdout

    done = _run([*workbook, "schema"], no_qt_env, tmp_path)
    assert done.returncode == 0 and '"properties"' in done.stdout

    done = _run([*workbook, "export", "plan.json", "-o", "plan.pdf"], no_qt_env, tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "plan.pdf").read_bytes().startswith(b"%PDF")


def test_window_without_qt_says_what_to_install(no_qt_env: dict[str, str], tmp_path: Path) -> None:
    from workbook.cli import PYSIDE_MISSING

    done = _run(["-m", "workbook", "plan.json"], no_qt_env, tmp_path)
    assert done.returncode == 1
    assert done.stderr.strip() == f"workbook: {PYSIDE_MISSING}"
    assert "Traceback" not in done.stderr


def test_light_commands_import_nothing_heavy(tmp_path: Path) -> None:
    """--version, validate, new and schema must stay quick: no Qt, no reportlab."""
    from workbook.model import Plan
    from workbook.storage import save_plan

    save_plan(Plan(), tmp_path / "p.json")
    script = (
        "import sys\n"
        "from workbook.cli import main\n"
        "for argv in (['--version'], ['validate', 'p.json'], ['schema'],\n"
        "             ['new', '-o', 'q.json']):\n"
        "    try:\n"
        "        main(argv)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules}\n"
        "               & {'PySide6', 'shiboken6', 'reportlab', 'PIL'})\n"
        "print('heavy:', heavy, file=sys.stderr)\n"
        "raise SystemExit(1 if heavy else 0)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = _run(["-c", script], env, tmp_path)
    assert done.returncode == 0, done.stderr


def test_version_and_help_do_not_load_the_plan_model(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from workbook.cli import main\n"
        "for argv in (['--version'], ['--help'], ['export', '--help']):\n"
        "    main(argv)\n"
        "loaded = sorted({m.split('.')[0] for m in sys.modules} & {'pydantic', 'reportlab'})\n"
        "print('loaded:', loaded, file=sys.stderr)\n"
        "raise SystemExit(1 if loaded else 0)\n"
    )
    done = _run(["-c", script], dict(os.environ, PYTHONPATH=str(REPO)), tmp_path)
    assert done.returncode == 0, done.stderr
