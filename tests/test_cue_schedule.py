"""Cue scheduling on a fake clock: each cue handed over once, ahead of time, at its exact moment."""

from __future__ import annotations

import pytest
from drill_catalogue import CATALOGUE

from hinge_desktop.domain.cue_plan import plan_cues
from hinge_desktop.domain.cue_schedule import (
    ANNOUNCE_LATE,
    LATE_LIMIT,
    LOOKAHEAD,
    CueSchedule,
    DueCue,
)
from hinge_desktop.domain.cues import Cue, CueKind, Density
from hinge_desktop.domain.timeline import Step, StepKind, WorkoutTimeline, build_steps

TICK = 0.05


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def make(
    drill_id: str = "wall-hinge-check", density: Density = Density.EVERY_REP, get_ready: float = 5
) -> tuple[FakeClock, WorkoutTimeline, list[Cue], CueSchedule]:
    clock = FakeClock()
    steps = build_steps([CATALOGUE.get(drill_id)], get_ready=get_ready)
    timeline = WorkoutTimeline(steps, clock)
    cues = plan_cues(steps, density)
    return clock, timeline, cues, CueSchedule(timeline, cues, clock)


def run(clock: FakeClock, schedule: CueSchedule, seconds: float) -> list[DueCue]:
    """Tick every 50 ms for ``seconds``, collecting what is handed over, and when."""
    handed: list[DueCue] = []
    end = clock.now + seconds
    while clock.now < end - 1e-9:
        clock.now = min(clock.now + TICK, end)
        handed += schedule.due()
    return handed


def planned_times(steps: tuple[Step, ...], cues: list[Cue], start: float) -> list[float]:
    starts = [start]
    for step in steps:
        starts.append(starts[-1] + step.seconds)
    return [starts[cue.step_index] + cue.offset for cue in cues]


def test_every_cue_is_handed_once_ahead_of_its_exact_moment() -> None:
    clock, timeline, cues, schedule = make()
    timeline.start()
    start = clock.now
    handed = schedule.due()
    handed += run(clock, schedule, timeline.total_seconds() + 2)
    assert [d.cue for d in handed] == cues
    assert [d.at for d in handed] == pytest.approx(planned_times(timeline.steps, cues, start))
    assert handed[-1].cue.kind is CueKind.COMPLETE


def test_a_cue_is_handed_within_the_lookahead_and_not_before() -> None:
    clock, timeline, cues, schedule = make()
    timeline.start()
    schedule.due()  # the get-ready announcement, at once
    three = next(c for c in cues if c.kind is CueKind.COUNT)
    clock.now += three.offset - LOOKAHEAD - 0.01
    assert schedule.due() == []
    clock.now += 0.02
    (due,) = schedule.due()
    assert due.cue == three
    assert due.at == pytest.approx(1000.0 + three.offset)


def test_nothing_is_handed_before_the_start_or_while_paused() -> None:
    clock, timeline, _cues, schedule = make()
    clock.now += 30
    assert schedule.due() == []
    timeline.start()
    run(clock, schedule, 2)
    timeline.pause()
    schedule.replan()
    assert run(clock, schedule, 60) == []


def test_after_a_pause_the_rest_comes_later_by_the_pause_and_nothing_twice() -> None:
    clock, timeline, cues, schedule = make()
    timeline.start()
    start = clock.now
    before = schedule.due() + run(clock, schedule, 5.9)
    # Paused 0.1 s after the first form cue (at 5.8 s): it was said and must not be said again.
    said_before_pause = [d for d in before if d.at <= clock.now]
    timeline.pause()
    schedule.replan()
    run(clock, schedule, 42.5)
    timeline.resume()
    schedule.replan()
    after = run(clock, schedule, timeline.total_seconds())
    handed_again = [d.cue for d in said_before_pause if d.cue in [a.cue for a in after]]
    assert handed_again == []
    assert [d.cue for d in said_before_pause] + [d.cue for d in after] == cues
    expected = planned_times(timeline.steps, cues, start)[len(said_before_pause) :]
    assert [d.at for d in after] == pytest.approx([t + 42.5 for t in expected])


def test_skip_never_says_the_cues_of_the_step_left() -> None:
    clock, timeline, _cues, schedule = make("glute-bridge")
    timeline.start()
    run(clock, schedule, 5 + 3)  # three seconds into the first set
    timeline.skip()
    schedule.replan()
    skipped_at = clock.now
    handed = schedule.due() + run(clock, schedule, 10)
    assert all(d.cue.step_index >= 2 for d in handed)
    assert handed[0].cue.kind is CueKind.REST
    assert handed[0].at == pytest.approx(skipped_at)


def test_back_says_the_restarted_steps_cues_again() -> None:
    clock, timeline, _cues, schedule = make("glute-bridge")
    timeline.start()
    first = [d.cue for d in schedule.due() + run(clock, schedule, 5 + 10) if d.cue.step_index == 1]
    timeline.back()
    schedule.replan()
    restarted = clock.now
    again = run(clock, schedule, 10)
    assert [d.cue for d in again if d.cue.step_index == 1][: len(first)] == first
    assert again[0].at == pytest.approx(restarted)


def test_extra_rest_moves_the_countdown_with_the_end() -> None:
    clock, timeline, _cues, schedule = make("glute-bridge")
    timeline.start()
    set_length = timeline.steps[1].seconds
    run(clock, schedule, 5 + set_length + 40)  # 5 s left of the 45 s rest
    rest_end = clock.now + 5
    assert timeline.add_rest(15)
    schedule.replan()
    counts = [d for d in run(clock, schedule, 20) if d.cue.kind is CueKind.COUNT]
    assert [d.cue.text() for d in counts] == ["3", "2", "1"]
    assert [d.at for d in counts] == pytest.approx([rest_end + 15 - n for n in (3, 2, 1)])


def test_a_cue_more_than_the_late_limit_past_is_dropped_not_said_late() -> None:
    clock, timeline, cues, schedule = make()
    timeline.start()
    schedule.due()
    three, two = [c for c in cues if c.kind is CueKind.COUNT][:2]
    clock.now = 1000.0 + two.offset + LATE_LIMIT / 2  # a stalled tick: "3" long gone, "2" just
    handed = schedule.due()
    assert three not in [d.cue for d in handed]
    assert handed[0].cue == two
    assert handed[0].at == pytest.approx(1000.0 + two.offset)


def test_the_current_cue_is_the_latest_whose_moment_has_come() -> None:
    clock, timeline, cues, schedule = make(density=Density.KEY_MOMENTS)
    assert schedule.current() is None
    timeline.start()
    assert schedule.current() is not None
    assert schedule.current().kind is CueKind.GET_READY_REPS
    set_cues = [c for c in cues if c.step_index == 1]
    clock.now += 5 + set_cues[1].offset + 0.01
    assert schedule.current() == set_cues[1]


def test_a_schedule_made_mid_workout_starts_from_there() -> None:
    clock, timeline, _cues, _schedule = make()
    timeline.start()
    clock.now += 12.1  # 0.1 s after the count of the second rep, said by the old schedule
    fresh = CueSchedule(timeline, plan_cues(timeline.steps, Density.EVERY_REP), clock)
    handed = fresh.due()
    assert all(d.at >= clock.now - 1e-9 for d in handed)


def test_a_hold_and_done_alone_still_say_complete() -> None:
    clock = FakeClock()
    steps = (Step(StepKind.HOLD, None, 1.0), Step(StepKind.DONE, None, 0.0))
    timeline = WorkoutTimeline(steps, clock)
    cues = [Cue(1, 0.0, CueKind.COMPLETE)]
    schedule = CueSchedule(timeline, cues, clock)
    timeline.start()
    handed = run(clock, schedule, 2)
    assert [(d.cue.kind, d.at) for d in handed] == [(CueKind.COMPLETE, pytest.approx(1001.0))]


@pytest.mark.parametrize("control", ["start", "skip", "back"])
def test_a_cue_at_the_start_of_a_step_is_said_though_the_clock_ran_on_after_the_control(
    control: str,
) -> None:
    """On the real clock a few microseconds pass between Start, Skip or Back and the replan: the
    step's first cue (the get-ready, "rest 45 seconds", the set's opening) must still be said."""
    clock, timeline, cues, schedule = make("glute-bridge")
    timeline.start()
    if control != "start":
        schedule.replan()
        run(clock, schedule, 5 + 3)  # three seconds into the first set
        getattr(timeline, control)()
    clock.now += 0.0001
    schedule.replan()
    index = timeline.moment().index
    first = next(c for c in cues if c.step_index == index)
    assert first.offset == 0
    handed = schedule.due()
    assert handed
    assert handed[0].cue == first


def test_a_cue_that_says_what_its_step_is_holds_until_the_countdown() -> None:
    """The get-ready and "rest" may still be said late while they are true: until the step's
    3-2-1 begins, and at most a few seconds late; a count or a form cue is said on time or not at
    all."""
    clock, timeline, _cues, schedule = make("glute-bridge")
    timeline.start()
    start = clock.now
    handed = schedule.due() + run(clock, schedule, timeline.total_seconds() + 1)
    get_ready = handed[0]
    assert get_ready.cue.kind is CueKind.GET_READY_REPS
    assert get_ready.until == pytest.approx(
        start + min(timeline.steps[0].seconds - 3, ANNOUNCE_LATE)
    )
    rest = next(d for d in handed if d.cue.kind is CueKind.REST)
    rest_step = timeline.steps[rest.cue.step_index]
    assert rest.until == pytest.approx(rest.at + min(rest_step.seconds - 3, ANNOUNCE_LATE))
    assert rest.until - rest.at <= ANNOUNCE_LATE
    assert all(d.until is None for d in handed if d.cue.kind in (CueKind.COUNT, CueKind.REP))
