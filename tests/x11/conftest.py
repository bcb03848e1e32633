"""Fixtures for the X11 tests: an Xvfb server per screen size, and a runner for scenarios.

The rest of the suite runs on Qt's offscreen platform, which has no desktop key bindings
and no screen size; these tests need both. Qt picks its platform once per process, so each
scenario (a function in :mod:`tests.x11.scenarios`) runs in a fresh Python on the xcb
platform against an Xvfb server, and returns what the test asserts on as JSON.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
TIMEOUT_SECONDS = 90
REQUIRE_ENV = "WORKBOOK_TESTS_NEED_X11"
"""When set (CI sets it), a machine without Xvfb fails these tests instead of skipping."""


def _unavailable(reason: str) -> None:
    if os.environ.get(REQUIRE_ENV):
        pytest.fail(f"X11 tests cannot run: {reason}")
    pytest.skip(reason)


class Xvfb:
    """One virtual X server with one screen of the given size."""

    def __init__(self, width: int, height: int) -> None:
        read_fd, write_fd = os.pipe()
        self.process = subprocess.Popen(
            [
                "Xvfb",
                "-displayfd",
                str(write_fd),
                "-screen",
                "0",
                f"{width}x{height}x24",
                "-nolisten",
                "tcp",
                "-dpi",
                "96",
            ],
            pass_fds=(write_fd,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write_fd)
        with os.fdopen(read_fd) as stream:
            number = stream.readline().strip()
        if not number:
            self.process.kill()
            raise RuntimeError("Xvfb did not start")
        self.display = f":{number}"

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture(scope="session")
def x_servers() -> Iterator[Callable[[int, int], Xvfb]]:
    """Xvfb servers by screen size, started when first asked for, stopped at the end."""
    servers: dict[tuple[int, int], Xvfb] = {}

    def server(width: int, height: int) -> Xvfb:
        if (width, height) not in servers:
            servers[(width, height)] = Xvfb(width, height)
        return servers[(width, height)]

    yield server
    for running in servers.values():
        running.stop()


@pytest.fixture
def run_x11(x_servers, tmp_path) -> Callable[..., Any]:
    """``run_x11("scenario", *args, screen=(1280, 720))``: the scenario's JSON result."""
    if sys.platform != "linux":
        pytest.skip("X11 tests run on Linux")
    if shutil.which("Xvfb") is None:
        _unavailable("Xvfb is not installed (Debian: xvfb)")

    def run(scenario: str, *args: Any, screen: tuple[int, int] = (1280, 720)) -> Any:
        server = x_servers(*screen)
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("QT_", "WORKBOOK_"))},
            "QT_QPA_PLATFORM": "xcb",
            "DISPLAY": server.display,
            "WORKBOOK_CONFIG_DIR": str(tmp_path / "config"),
            "WORKBOOK_DATA_DIR": str(tmp_path / "data"),
            "HOME": str(tmp_path),
            "PYTHONPATH": str(REPO),
        }
        env.pop("XAUTHORITY", None)
        result = subprocess.run(
            [sys.executable, "-m", "tests.x11.child", scenario, json.dumps(args)],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            timeout=TIMEOUT_SECONDS,
        )
        lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
        if result.returncode != 0 or not lines:
            pytest.fail(
                f"scenario {scenario} exited with {result.returncode}\n"
                f"stdout:\n{result.stdout[-3000:]}\nstderr:\n{result.stderr[-6000:]}"
            )
        return json.loads(lines[-1])["result"]

    return run
