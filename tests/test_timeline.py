"""The workout timeline on a fake clock: a whole workout in milliseconds, with no drift."""

from __future__ import annotations

from dataclasses import replace

import pytest
from drill_catalogue import CATALOGUE
from hypothesis import given
from hypothesis import strategies as st

from hinge_desktop.domain.timeline import (
    EXTRA_REST_SECONDS,
    GET_READY_SECONDS,
    StepKind,
    WorkoutTimeline,
    build_steps,
)
from hinge_desktop.domain.training import Side


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def kinds(steps) -> list[str]:  # type: ignore[no-untyped-def]
    return [step.kind.value for step in steps]


def test_a_drill_becomes_get_ready_sets_and_rests() -> None:
    swing = CATALOGUE.get("kettlebell-swing")
    p = swing.prescription
    steps = build_steps([swing])
    assert kinds(steps) == ["get_ready"] + ["reps", "rest"] * (p.sets - 1) + ["reps", "done"]
    assert steps[0].seconds == GET_READY_SECONDS
    assert steps[1].seconds == pytest.approx(p.reps * p.tempo.rep_seconds)
    assert steps[2].seconds == p.rest_seconds


def test_a_per_side_drill_does_left_switch_right() -> None:
    drill = CATALOGUE.get("single-leg-rdl")
    steps = build_steps([drill])
    assert kinds(steps[1:4]) == ["reps", "switch_sides", "reps"]
    assert (steps[1].side, steps[3].side) == (Side.LEFT, Side.RIGHT)


def test_two_drills_rest_between_and_say_what_comes_next() -> None:
    first, second = CATALOGUE.get("glute-bridge"), CATALOGUE.get("dead-bug")
    steps = build_steps([first, second], rest_between_drills=90)
    between = [s for s in steps if s.next_drill is not None]
    assert len(between) == 1
    assert between[0].next_drill is second
    assert between[0].seconds == 90


def test_a_hold_lasts_its_seconds() -> None:
    bridge = CATALOGUE.get("glute-bridge")
    held = replace(bridge.prescription, reps=None, hold_seconds=30)
    step = build_steps([replace(bridge, prescription=held)])[1]
    assert step.kind is StepKind.HOLD
    assert step.seconds == 30


def test_the_whole_workout_runs_to_done_by_deadlines_even_with_rare_ticks() -> None:
    clock = FakeClock()
    steps = build_steps([CATALOGUE.get("glute-bridge"), CATALOGUE.get("romanian-deadlift")])
    timeline = WorkoutTimeline(steps, clock)
    timeline.start()
    total = timeline.total_seconds()
    clock.advance(total - 0.001)
    moment = timeline.moment()
    assert not moment.finished
    assert moment.remaining == pytest.approx(0.001, abs=1e-6)
    clock.advance(0.002)
    assert timeline.moment().finished


def test_pausing_keeps_the_time_left_exactly() -> None:
    clock = FakeClock()
    timeline = WorkoutTimeline(build_steps([CATALOGUE.get("dead-bug")]), clock)
    timeline.start()
    clock.advance(4.25)
    before = timeline.moment().remaining
    timeline.pause()
    clock.advance(600)
    assert timeline.moment().remaining == before
    assert timeline.moment().paused
    timeline.resume()
    clock.advance(1.0)
    assert timeline.moment().remaining == pytest.approx(before - 1.0)


def test_skip_ends_a_set_early_and_back_restarts_or_goes_back() -> None:
    clock = FakeClock()
    timeline = WorkoutTimeline(build_steps([CATALOGUE.get("hip-thrust")]), clock)
    timeline.start()
    timeline.skip()
    assert timeline.moment().step.kind is StepKind.REPS
    clock.advance(10)
    timeline.back()  # well into the set: restart it
    moment = timeline.moment()
    assert (moment.index, moment.elapsed) == (1, 0.0)
    timeline.back()  # at its very start: the step before
    assert timeline.moment().index == 0


def test_more_rest_only_in_a_rest() -> None:
    clock = FakeClock()
    timeline = WorkoutTimeline(build_steps([CATALOGUE.get("glute-bridge")]), clock)
    timeline.start()
    assert not timeline.add_rest()
    timeline.skip()
    timeline.skip()
    moment = timeline.moment()
    assert moment.step.kind is StepKind.REST
    assert timeline.add_rest()
    assert timeline.moment().remaining == pytest.approx(moment.remaining + EXTRA_REST_SECONDS)


def test_reps_are_counted_from_the_tempo() -> None:
    clock = FakeClock()
    drill = CATALOGUE.get("glute-bridge")
    timeline = WorkoutTimeline(build_steps([drill]), clock)
    timeline.start()
    timeline.skip()
    rep = drill.prescription.tempo.rep_seconds
    clock.advance(rep * 2.5)
    moment = timeline.moment()
    assert moment.rep == 3
    assert moment.seconds_into_rep == pytest.approx(rep / 2)


@given(
    st.lists(st.sampled_from([d.id for d in CATALOGUE]), min_size=1, max_size=4),
    st.lists(st.floats(0.01, 400), min_size=1, max_size=30),
)
def test_total_time_is_the_sum_of_the_steps_however_the_clock_is_read(
    ids: list[str], gaps: list[float]
) -> None:
    clock = FakeClock()
    steps = build_steps([CATALOGUE.get(i) for i in ids])
    timeline = WorkoutTimeline(steps, clock)
    timeline.start()
    start = clock.now
    for gap in gaps:
        clock.advance(gap)
        moment = timeline.moment()
        if moment.finished:
            break
        # Where we are equals the sum of the steps before plus the time in this one.
        done = sum(s.seconds for s in steps[: moment.index]) + moment.elapsed
        assert done == pytest.approx(clock.now - start, abs=1e-6)
    assert timeline.total_seconds() == pytest.approx(sum(s.seconds for s in steps))


def test_a_resumed_timeline_says_its_step_before_it_starts() -> None:
    """Before Start, a workout resumed at set 2 is at set 2: its index and its step agree."""
    steps = build_steps([CATALOGUE.get("glute-bridge")])
    timeline = WorkoutTimeline(steps, FakeClock(), start_index=3)
    moment = timeline.moment()
    assert not moment.started
    assert moment.index == 3
    assert moment.step == steps[3]
