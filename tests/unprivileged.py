"""Run part of a test as an ordinary user, so file permissions apply even when the tests run
as root (root writes into read-only folders, so a read-only test would prove nothing).

As root on Linux the part runs under ``setpriv`` (util-linux) as ``nobody``; as any other
user on a POSIX system it runs as that user. Where neither works, the test is skipped
with the reason, unless ``WORKBOOK_TESTS_NEED_PERMISSIONS`` is set (CI sets it): then it
fails, so CI never passes by skipping.

The part is a plain function of the test module, called in a fresh Python with JSON
arguments; it returns what the test asserts on (anything ``json`` can write).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest

NOBODY = 65534
"""User and group id of ``nobody`` on Debian and most Linux systems."""
REQUIRE_ENV = "WORKBOOK_TESTS_NEED_PERMISSIONS"
"""When set, a test that cannot drop root's override fails instead of skipping."""
ROOT = Path(__file__).resolve().parent.parent
TIMEOUT_SECONDS = 120

_CALL = """\
import importlib, json, sys
module, name = sys.argv[1].split(":")
function = getattr(importlib.import_module(module), name)
print(json.dumps(function(*json.loads(sys.argv[2]))))
"""
_PROBE = """\
import pathlib, sys
import workbook
locked = pathlib.Path(sys.argv[1]) / "locked"
locked.mkdir()
locked.chmod(0o500)
try:
    (locked / "x").write_text("x")
except PermissionError:
    print("permissions apply")
finally:
    locked.chmod(0o700)
"""


def _is_root() -> bool:
    return os.geteuid() == 0


def _prefix() -> list[str]:
    """The command that drops root's override, or nothing when it does not apply anyway."""
    if not _is_root():
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        raise _Impossible(
            "running as root, and setpriv (util-linux) is not installed to run as an ordinary user"
        )
    return [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]


class _Impossible(Exception):
    """File permissions cannot be made to apply on this machine; the message says why."""


@dataclass(frozen=True)
class OrdinaryUser:
    """A fresh folder the ordinary user owns, and a way to call a function as that user."""

    folder: Path
    prefix: tuple[str, ...]

    def _run(self, code: str, *args: str) -> subprocess.CompletedProcess[str]:
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
            "PYTHONDONTWRITEBYTECODE": "1",
            "HOME": str(self.folder),
            "WORKBOOK_CONFIG_DIR": str(self.folder / "config"),
            "WORKBOOK_DATA_DIR": str(self.folder / "data"),
        }
        return subprocess.run(
            [*self.prefix, sys.executable, "-c", code, *args],
            cwd=self.folder,
            env=env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_SECONDS,
            check=False,
        )

    def call(self, function: Callable[..., Any], *args: Any) -> Any:
        """``function(*args)`` as the ordinary user; Paths among the arguments go as text."""
        name = f"{function.__module__}:{function.__qualname__}"
        plain = [str(arg) if isinstance(arg, Path) else arg for arg in args]
        done = self._run(_CALL, name, json.dumps(plain))
        assert done.returncode == 0, f"{name} failed as an ordinary user:\n{done.stderr}"
        return json.loads(done.stdout.strip().splitlines()[-1])


def _make_folder(prefix: tuple[str, ...]) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="workbook-unprivileged-"))
    if prefix:
        os.chown(folder, NOBODY, NOBODY)
    return folder


def _remove_folder(folder: Path) -> None:
    # A test that failed halfway may leave a read-only folder behind; its owner may open it.
    for path in [folder, *folder.rglob("*")]:
        if path.is_dir() and not path.is_symlink():
            try:
                path.chmod(0o700)
            except OSError:
                pass
    shutil.rmtree(folder, ignore_errors=True)


@cache
def why_permissions_cannot_apply() -> str | None:
    """None when file permissions can be made to apply here, else the reason why not."""
    if not hasattr(os, "geteuid"):
        return "file permissions as these tests use them are POSIX only"
    try:
        prefix = tuple(_prefix())
    except _Impossible as exc:
        return str(exc)
    folder = _make_folder(prefix)
    try:
        done = OrdinaryUser(folder, prefix)._run(_PROBE, str(folder))
        if done.stdout.strip() == "permissions apply":
            return None
        lines = done.stderr.strip().splitlines()
        detail = lines[-1] if lines else "a read-only folder was written to"
    except (OSError, subprocess.SubprocessError) as exc:
        detail = str(exc)
    finally:
        _remove_folder(folder)
    user = f"user {NOBODY} (nobody)" if prefix else "this user"
    return (
        f"file permissions could not be made to apply as {user}: {detail} (the checkout "
        "and its Python environment must be readable by that user)"
    )


@contextmanager
def ordinary_user() -> Iterator[OrdinaryUser]:
    """An ordinary user with a fresh folder of its own; skips the test where impossible."""
    reason = why_permissions_cannot_apply()
    if reason is not None:
        if os.environ.get(REQUIRE_ENV):
            pytest.fail(f"{REQUIRE_ENV} is set, but {reason}")
        pytest.skip(reason)
    prefix = tuple(_prefix())
    folder = _make_folder(prefix)
    try:
        yield OrdinaryUser(folder, prefix)
    finally:
        _remove_folder(folder)
