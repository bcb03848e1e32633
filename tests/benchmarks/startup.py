"""Start-up and memory: the app's real start path against a bare PySide6 window, each in a
fresh process, alternating so that a busy moment of the machine hits both alike."""

from __future__ import annotations

from pathlib import Path

from tests.benchmarks.environment import Environment, run_child
from tests.benchmarks.report import Result, median


def measure_startup(env: Environment, runs: int) -> list[Result]:
    bare_shown, bare_idle, app_shown, app_idle = [], [], [], []
    plain_shown: list[float] = []
    plain_qt_shown: list[float] = []
    start_page_shown: list[float] = []
    cpu: dict[str, list[float]] = {
        "bare_shown": [],
        "bare_idle": [],
        "app_shown": [],
        "app_idle": [],
    }
    run_child(env, "bare-start")  # the first start of anything reads the disk: not counted
    run_child(env, "app-start")
    run_child(env, "plain-start")
    run_child(env, "plain-qt-start")
    run_child(env, "start-page-only")
    for _ in range(runs):
        result, started = run_child(env, "bare-start")
        bare_shown.append(result["shown"] - started)
        bare_idle.append(result["idle"] - started)
        cpu["bare_shown"].append(result["shown_cpu"])
        cpu["bare_idle"].append(result["idle_cpu"])
        result, started = run_child(env, "app-start")
        app_shown.append(result["shown"] - started)
        app_idle.append(result["idle"] - started)
        cpu["app_shown"].append(result["shown_cpu"])
        cpu["app_idle"].append(result["idle_cpu"])
        result, started = run_child(env, "plain-start")
        plain_shown.append(result["shown"] - started)
        result, started = run_child(env, "plain-qt-start")
        plain_qt_shown.append(result["shown"] - started)
        result, started = run_child(env, "start-page-only")
        start_page_shown.append(result["shown"] - started)
    cpu_ms = {key: 1000 * median(values) for key, values in cpu.items()}
    return [
        Result(
            "start-up: process start to the main window shown",
            median(app_shown),
            floor=median(bare_shown),
            floor_label="bare PySide6 window shown",
            limit_ratio=1.3,
            note=f"median of {runs} alternating runs; shown = its first paint is done; "
            f"CPU time of the process (steadier on a busy machine): {cpu_ms['app_shown']:.0f} "
            f"against {cpu_ms['bare_shown']:.0f} ms, "
            f"{cpu_ms['app_shown'] / cpu_ms['bare_shown']:.2f}×",
        ),
        Result(
            "start-up: process start to the window usable (post-show work done)",
            median(app_idle),
            floor=median(bare_idle),
            floor_label="bare window, idle",
            limit_ratio=2.0,
            note="usable = the event loop has had no turn longer than 5 ms for 150 ms "
            "(the recovery check and the worked examples list are done); CPU time "
            f"{cpu_ms['app_idle']:.0f} against {cpu_ms['bare_idle']:.0f} ms, "
            f"{cpu_ms['app_idle'] / cpu_ms['bare_idle']:.2f}×",
        ),
        Result(
            "start-up, for comparison: the plainest window with text shown",
            median(plain_shown),
            floor=median(bare_shown),
            floor_label="bare PySide6 window shown",
            note="a main window with a menu bar, a heading, a line of text, a button and a "
            "status bar message (tests.benchmarks.child.plain_start): what any window with "
            "words pays that the empty bare window does not (information, no target)",
        ),
        Result(
            "start-up, for comparison: the same plain window, its heading centred with `Qt`",
            median(plain_qt_shown),
            floor=median(bare_shown),
            floor_label="bare PySide6 window shown",
            note="the one line `setAlignment(Qt.AlignmentFlag.AlignCenter)` added: the first "
            "use of PySide6's `Qt` namespace builds its 93 enum classes, which any real "
            "window pays (information, no target)",
        ),
        Result(
            "start-up, for comparison: the app's start page alone",
            median(start_page_shown),
            floor=median(bare_shown),
            floor_label="bare PySide6 window shown",
            note="the start page with its settings, theme, icon and recent plans, in a main "
            "window with five empty menus (tests.benchmarks.child.start_page_only): the "
            "first frame if all else were made after the first paint (information, no "
            "target)",
        ),
    ]


def measure_memory(env: Environment, plan: Path, runs: int) -> list[Result]:
    bare, ours = [], []
    for _ in range(runs):
        bare.append(run_child(env, "bare-memory")[0]["peak_rss_mb"])
        result = run_child(env, "app-memory", str(plan))[0]
        if not result["plan_open"]:
            raise RuntimeError("the app did not open the plan given on its command line")
        ours.append(result["peak_rss_mb"])
    return [
        Result(
            "peak memory, 2,000-note plan open, notes on screen",
            median(ours),
            unit="MB",
            floor=median(bare),
            floor_label="bare PySide6 window",
            limit_ratio=2.0,
            note="peak RSS (getrusage), started as `workbook PLAN`",
        )
    ]
