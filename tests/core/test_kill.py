"""Killing a process in the middle of saving: the file always holds one complete version.

A child process saves a plan that grows by one listening note per save, announcing
every file-system call it makes. The parent kills it with SIGKILL after a random number
of those announcements, so kills land at every step of a save (creating the temp file,
writing, flushing, renaming, rotating backups). After each kill the plan file must load
and equal one of the versions the child built; then the next save must leave no stray
temp file. The same is done for recovery copies.

Run ``pytest tests/core/test_kill.py --kill-iterations=200`` for the long version.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from workbook.backups import list_backups
from workbook.recovery import RecoveryStore
from workbook.storage import load_plan, save_plan

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX only"),
]

REPO = Path(__file__).resolve().parents[2]

CHILD = r"""
import os, sys
from pathlib import Path

from workbook.model import ListeningNote, Plan
from workbook.recovery import RecoveryStore
from workbook.storage import save_plan


def build(version):
    # Version n of the plan: deterministic, with n notes (so every version differs).
    plan = Plan(id="killtest")  # a new plan gets a random id
    plan.details.title = f"version {version}"
    plan.listening.notes = [
        ListeningNote(id=f"n{i}", said=f"note {i} " + "word " * 40, tags=["kill"])
        for i in range(version)
    ]
    for rows in (plan.engagement.playbook, plan.engagement.measures):
        for i, row in enumerate(rows):
            row.id = f"r{i}"  # the default rows get random ids
    return plan


def say(text):
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def announce(func):
    def wrapper(*args, **kwargs):
        say("step")
        return func(*args, **kwargs)
    return wrapper


def save_forever(mode, target, version):
    for name in ("open", "write", "fsync", "close", "replace", "unlink"):
        setattr(os, name, announce(getattr(os, name)))
    store = RecoveryStore(target.parent)
    while True:
        say(f"begin {version}")
        if mode == "plan":
            save_plan(build(version), target)
        else:
            store.write(build(version), Path("/somewhere/client.json"), "session-1")
        version += 1


if __name__ == "__main__":
    # A fork server: workbook is imported once, and each saving child is forked from
    # here, so a kill costs a fork rather than a Python start-up.
    for command in sys.stdin:
        mode, target, start = command.split("\t")
        pid = os.fork()
        if pid == 0:
            save_forever(mode, Path(target), int(start))
        say(f"child {pid}")
        _, status = os.waitpid(pid, 0)
        say(f"reaped {status}")
"""


def _build(version: int):
    namespace: dict = {"__name__": "kill_child"}
    exec(compile(CHILD, "kill_child", "exec"), namespace)
    return namespace["build"](version)


class ForkServer:
    # Started once per test; each run forks a saver and kills it.

    def __init__(self, script: Path, cwd: Path) -> None:
        env = dict(os.environ, PYTHONPATH=str(REPO))
        self.process = subprocess.Popen(
            [sys.executable, str(script)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            cwd=cwd,
        )

    def run_and_kill(self, mode: str, target: Path, start: int, rng: random.Random) -> int:
        # Fork a saver, kill it after a random number of announced steps; returns the
        # highest version it began to save.
        stdin, stdout = self.process.stdin, self.process.stdout
        assert stdin is not None and stdout is not None
        stdin.write(f"{mode}\t{target}\t{start}\n".encode())
        stdin.flush()
        steps_before_kill = rng.randrange(1, 60)
        begun, steps, pid, killed = start - 1, 0, None, False
        for line in stdout:
            word, _, value = line.decode().strip().partition(" ")
            if word == "begin":
                begun = int(value)
            elif word == "step":
                steps += 1
            elif word == "child":
                pid = int(value)
            elif word == "reaped":
                status = int(value)
                assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, (
                    self.process.stderr.read1().decode(errors="replace")
                )
                return begun
            else:
                raise AssertionError(f"unexpected output from the saver: {line!r}")
            if pid is not None and steps >= steps_before_kill and not killed:
                os.kill(pid, signal.SIGKILL)
                killed = True
        raise AssertionError(
            "the fork server stopped: " + self.process.stderr.read().decode(errors="replace")
        )

    def close(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        self.process.wait()
        for stream in (self.process.stdout, self.process.stderr):
            if stream:
                stream.close()


def _temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if ".tmp-" in p.name]


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ForkServer]:
    script = tmp_path / "kill_child.py"
    script.write_text(CHILD, encoding="utf-8")
    server = ForkServer(script, tmp_path)
    yield server
    server.close()


def test_killed_save_leaves_a_complete_version(
    server: ForkServer, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    iterations = request.config.getoption("--kill-iterations")
    rng = random.Random(7)
    folder = tmp_path / "plans"
    folder.mkdir()
    target = folder / "plan.json"
    save_plan(_build(1), target)
    version = 2
    strays_seen = 0
    for _ in range(iterations):
        begun = server.run_and_kill("plan", target, version, rng)
        loaded = load_plan(target).plan
        saved_version = int(loaded.details.title.split()[1])
        assert 1 <= saved_version <= begun
        assert loaded == _build(saved_version)
        for backup in list_backups(target):
            backup_version = int(load_plan(backup).plan.details.title.split()[1])
            assert load_plan(backup).plan == _build(backup_version)
        strays_seen += bool(_temp_files(folder))
        # The next save cleans up after the killed one.
        save_plan(loaded, target)
        assert _temp_files(folder) == []
        version = begun + 1
    # Kills must sometimes land mid-write, or this test proves nothing.
    assert strays_seen > 0 or iterations < 10


def test_killed_recovery_write_leaves_a_complete_copy(
    server: ForkServer, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    iterations = request.config.getoption("--kill-iterations")
    rng = random.Random(11)
    folder = tmp_path / "recovery"
    store = RecoveryStore(folder)
    store.write(_build(1), Path("/somewhere/client.json"), "session-1")
    target = folder / "session-1.recovery.json"
    version = 2
    strays_seen = 0
    for _ in range(iterations):
        begun = server.run_and_kill("recovery", target, version, rng)
        (copy,) = store.list()
        plan = store.load(copy).plan
        saved_version = int(plan.details.title.split()[1])
        assert 1 <= saved_version <= begun
        assert plan == _build(saved_version)
        assert copy.original_path == Path("/somewhere/client.json")
        strays_seen += bool(_temp_files(folder))
        store.write(plan, copy.original_path, "session-1")
        version = begun + 1
    assert strays_seen > 0 or iterations < 10
