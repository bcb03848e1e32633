"""Where the benchmark runs: a display for the child processes, private app folders, and
running one child scenario (``python -m tests.benchmarks.child ...``) for its JSON result."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RESULT_MARK = "BENCH-RESULT "


@dataclass
class Environment:
    """What every child process gets: the Qt platform, a display, and app folders that
    are not the user's."""

    platform: str
    display: str | None
    work: Path
    _xvfb: subprocess.Popen | None = field(default=None, repr=False)

    def child_env(self) -> dict[str, str]:
        env = dict(os.environ)
        env["QT_QPA_PLATFORM"] = self.platform
        if self.display:
            env["DISPLAY"] = self.display
        env["WORKBOOK_CONFIG_DIR"] = str(self.work / "config")
        env["WORKBOOK_DATA_DIR"] = str(self.work / "data")
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
        env.pop("WORKBOOK_DEBUG", None)
        # As installed, with compiled bytecode beside the sources (see compile_app):
        # PYTHONDONTWRITEBYTECODE would make every start compile edited modules again.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env.pop("PYTHONPYCACHEPREFIX", None)
        return env

    def compile_app(self) -> None:
        """Byte-compile the app, as installing it does (the libraries already are)."""
        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", str(ROOT / "workbook")],
            env=self.child_env(),
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def describe(self) -> str:
        where = f" on {self.display}" if self.display else ""
        return f"Qt platform {self.platform}{where}"

    def close(self) -> None:
        if self._xvfb is not None:
            self._xvfb.terminate()
            try:
                self._xvfb.wait(5)
            except subprocess.TimeoutExpired:
                self._xvfb.kill()
        shutil.rmtree(self.work, ignore_errors=True)


def _start_xvfb() -> tuple[subprocess.Popen, str] | None:
    """A private X server (the display number is chosen by Xvfb itself), or None."""
    if shutil.which("Xvfb") is None:
        return None
    read_fd, write_fd = os.pipe()
    process = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    if not number.isdigit():
        process.kill()
        return None
    return process, f":{number}"


def open_environment(platform: str = "auto") -> Environment:
    """``auto``: the desktop's display if there is one, else a private Xvfb, else offscreen."""
    work = Path(tempfile.mkdtemp(prefix="workbook-bench-"))
    if platform == "offscreen":
        return Environment("offscreen", None, work)
    if platform in ("auto", "xcb") and os.environ.get("DISPLAY"):
        return Environment("xcb", os.environ["DISPLAY"], work)
    if platform in ("auto", "xcb"):
        started = _start_xvfb()
        if started is not None:
            return Environment("xcb", started[1], work, started[0])
        if platform == "xcb":
            raise SystemExit("No display and no Xvfb: use --platform offscreen")
    return Environment("offscreen", None, work)


def run_child(env: Environment, *args: str, timeout: float = 120) -> tuple[dict, float]:
    """Run one child scenario. Returns its result and the monotonic time just before the
    process was started (the child reports monotonic times too: same clock on Linux)."""
    started = time.monotonic()
    process = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.child", *args],
        cwd=ROOT,
        env=env.child_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    for line in process.stdout.splitlines():
        if line.startswith(RESULT_MARK):
            return json.loads(line[len(RESULT_MARK) :]), started
    raise RuntimeError(
        f"child {' '.join(args)} gave no result (exit {process.returncode}):\n"
        f"{process.stdout[-2000:]}\n{process.stderr[-4000:]}"
    )
