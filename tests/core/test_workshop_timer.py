"""The workshop timer on a fake clock: countdown, pause, extend, overrun, stages apart."""

from __future__ import annotations

import pytest

from workbook.model import Timeboxes
from workbook.stages import Stage
from workbook.workshop import WorkshopTimer, format_clock


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def timer(clock: FakeClock) -> WorkshopTimer:
    timer = WorkshopTimer.from_minutes(Timeboxes().model_dump(), clock)
    timer.switch_to(Stage.DETAILS)  # 10 minutes by default
    return timer


def test_the_timer_reads_the_plans_minutes():
    timer = WorkshopTimer.from_minutes(Timeboxes(listening=45).model_dump())
    timer.switch_to(Stage.LISTENING)
    assert timer.reading().allowed == 45 * 60
    assert timer.reading().shown == "45:00"


def test_the_countdown_counts_the_clock(timer, clock):
    clock.advance(150.5)
    reading = timer.reading()
    assert reading.elapsed == pytest.approx(150.5)
    assert reading.remaining == pytest.approx(449.5)
    assert reading.shown == "07:30"  # rounded up: never 00:00 while time is left
    assert reading.running and not reading.is_over


def test_pause_stops_the_count_and_resume_carries_on(timer, clock):
    clock.advance(60)
    assert timer.toggle_pause() is True
    clock.advance(500)
    assert timer.reading().elapsed == pytest.approx(60)
    assert not timer.reading().running
    assert timer.toggle_pause() is False
    clock.advance(30)
    assert timer.reading().elapsed == pytest.approx(90)


def test_a_paused_timer_stays_paused_on_another_stage(timer, clock):
    timer.pause()
    timer.switch_to(Stage.MANAGEMENT)
    clock.advance(120)
    assert timer.reading().elapsed == 0
    timer.resume()
    clock.advance(10)
    assert timer.reading(Stage.MANAGEMENT).elapsed == pytest.approx(10)
    assert timer.reading(Stage.DETAILS).elapsed == 0


def test_extend_adds_five_minutes_to_the_current_stage_only(timer, clock):
    clock.advance(9 * 60)
    assert timer.extend() is Stage.DETAILS
    assert timer.reading().remaining == pytest.approx(6 * 60)
    assert timer.reading(Stage.MANAGEMENT).allowed == 20 * 60


def test_running_out_turns_into_an_overrun_count_up(timer, clock):
    clock.advance(10 * 60 - 1)
    assert not timer.reading().is_over
    clock.advance(66)
    reading = timer.reading()
    assert reading.is_over
    assert reading.remaining == 0
    assert reading.overrun == pytest.approx(65)
    assert reading.shown == "+01:05"
    timer.extend()  # more time: counting down again
    assert not timer.reading().is_over
    assert timer.reading().shown == "03:55"


def test_switching_stages_keeps_each_stages_elapsed_time(timer, clock):
    clock.advance(100)
    timer.switch_to(Stage.LISTENING)
    clock.advance(40)
    timer.switch_to(Stage.DETAILS)
    clock.advance(5)
    assert timer.reading(Stage.DETAILS).elapsed == pytest.approx(105)
    assert timer.reading(Stage.LISTENING).elapsed == pytest.approx(40)
    assert not timer.reading(Stage.LISTENING).running


def test_a_page_with_no_stage_counts_nothing(timer, clock):
    clock.advance(30)
    timer.switch_to(None)
    clock.advance(300)
    assert timer.reading() is None
    assert timer.reading(Stage.DETAILS).elapsed == pytest.approx(30)


def test_changed_minutes_keep_the_elapsed_time(timer, clock):
    clock.advance(120)
    timer.set_minutes(Stage.DETAILS, 3)
    assert timer.reading().remaining == pytest.approx(60)


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [
        (0, "00:00"),
        (59.9, "00:59"),
        (61, "01:01"),
        (3600, "1:00:00"),
        (3725, "1:02:05"),
        (-4, "00:00"),
    ],
)
def test_format_clock(seconds, shown):
    assert format_clock(seconds) == shown
