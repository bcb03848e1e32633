"""The workshop's agenda timer: a time-box per stage, counted down on an injectable clock.

No Qt here: the window's countdown asks this timer what to show a few times a second, and
tests drive it with a fake clock. Each stage keeps its own elapsed time, so going back to a
stage carries on where it stopped instead of starting again.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from workbook.stages import Stage

Clock = Callable[[], float]
"""Seconds from any fixed start that never go backwards (``time.monotonic``)."""

EXTEND_MINUTES = 5
"""What Ctrl+Alt+Up adds to the stage on screen."""


@dataclass
class _StageTime:
    elapsed: float = 0.0
    """Seconds counted before the current run (the run since ``started_at`` is not in it)."""
    started_at: float | None = None
    extra_minutes: int = 0
    """Minutes added in this workshop (not kept with the plan: the time-box is the plan's)."""


@dataclass(frozen=True)
class StageReading:
    """What the countdown shows for one stage at one moment."""

    stage: Stage
    allowed: float
    """Seconds set aside: the plan's minutes plus any extension."""
    elapsed: float
    running: bool

    @property
    def remaining(self) -> float:
        return max(self.allowed - self.elapsed, 0.0)

    @property
    def overrun(self) -> float:
        return max(self.elapsed - self.allowed, 0.0)

    @property
    def is_over(self) -> bool:
        return self.elapsed >= self.allowed

    @property
    def shown(self) -> str:
        """ "07:30" counting down, then "+01:05" counting up once time has run out."""
        if self.is_over:
            return "+" + format_clock(self.overrun)
        # Rounded up, so a stage never shows 00:00 while time is left.
        return format_clock(-(-self.remaining // 1))


def format_clock(seconds: float) -> str:
    """``mm:ss``, or ``h:mm:ss`` from an hour up; whole seconds, rounded down."""
    whole = int(max(seconds, 0))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes:02d}:{secs:02d}"


@dataclass
class WorkshopTimer:
    """Counts the current stage's time against its time-box.

    Only one stage counts at a time, the one on screen (:meth:`switch_to`); ``None`` is a
    page with no time-box (the review), where nothing counts. Pausing stops the count
    whichever stage is shown, until :meth:`resume`.
    """

    minutes: dict[Stage, int]
    clock: Clock = time.monotonic
    paused: bool = False
    current: Stage | None = None
    _times: dict[Stage, _StageTime] = field(default_factory=dict, repr=False)

    @classmethod
    def from_minutes(
        cls, minutes: Mapping[str, int], clock: Clock = time.monotonic
    ) -> WorkshopTimer:
        """A timer over a plan's time-boxes (``plan.workshop.timeboxes.model_dump()``)."""
        return cls({Stage(key): int(value) for key, value in minutes.items()}, clock)

    def _time(self, stage: Stage) -> _StageTime:
        return self._times.setdefault(stage, _StageTime())

    def _stop(self) -> None:
        if self.current is not None:
            time_ = self._time(self.current)
            if time_.started_at is not None:
                time_.elapsed += self.clock() - time_.started_at
                time_.started_at = None

    def _run(self) -> None:
        if self.current is not None and not self.paused:
            self._time(self.current).started_at = self.clock()

    def switch_to(self, stage: Stage | None) -> None:
        """The stage on screen now: its count carries on, the previous one's stops."""
        if stage == self.current:
            return
        self._stop()
        self.current = stage
        self._run()

    def pause(self) -> None:
        if not self.paused:
            self._stop()
            self.paused = True

    def resume(self) -> None:
        if self.paused:
            self.paused = False
            self._run()

    def toggle_pause(self) -> bool:
        """Pause if running, resume if paused; returns whether it is paused now."""
        if self.paused:
            self.resume()
        else:
            self.pause()
        return self.paused

    def extend(self, minutes: int = EXTEND_MINUTES, stage: Stage | None = None) -> Stage | None:
        """More time for ``stage`` (the current one by default); returns the stage extended."""
        stage = stage or self.current
        if stage is not None:
            self._time(stage).extra_minutes += minutes
        return stage

    def set_minutes(self, stage: Stage, minutes: int) -> None:
        """The plan's time-box changed (its editor, or undo): the count keeps its elapsed time."""
        self.minutes[stage] = int(minutes)

    def elapsed(self, stage: Stage) -> float:
        time_ = self._time(stage)
        running = time_.started_at is not None
        return time_.elapsed + (self.clock() - time_.started_at if running else 0.0)

    def reading(self, stage: Stage | None = None) -> StageReading | None:
        """What to show for ``stage`` (the current one by default); ``None`` for no stage."""
        stage = stage or self.current
        if stage is None:
            return None
        time_ = self._time(stage)
        allowed = (self.minutes.get(stage, 0) + time_.extra_minutes) * 60.0
        return StageReading(stage, allowed, self.elapsed(stage), time_.started_at is not None)
