"""The demo history climbs the ladder by the rules as they are: the straight-leg raise opens
patterning only once both legs reach the target on the same day."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from drill_catalogue import CATALOGUE

from hinge_desktop.demo.history import demo_history
from hinge_desktop.demo.ladder_tracker import LadderTracker
from hinge_desktop.demo.workout_builder import DemoWorkout
from hinge_desktop.domain.drills import Phase
from hinge_desktop.domain.ladder import STRAIGHT_LEG_RAISE_TARGET, asks_easily
from hinge_desktop.domain.training import Side

TODAY = datetime(2025, 6, 15, 19, 30, tzinfo=timezone(timedelta(hours=2)))


@pytest.fixture(scope="module")
def history() -> list[DemoWorkout]:
    return demo_history(TODAY, CATALOGUE)


def climb(history: list[DemoWorkout]) -> dict[Phase, DemoWorkout]:
    """The workout in which each phase was reached, as the ladder follows the history."""
    tracker = LadderTracker(CATALOGUE)
    reached: dict[Phase, DemoWorkout] = {}
    for session in history:
        before = tracker.phase
        tracker.observe(session)
        if tracker.phase is not before:
            reached[tracker.phase] = session
    return reached


def leg_raises(history: list[DemoWorkout], until: date) -> dict[date, dict[Side, float]]:
    """Each day's straight-leg raise, the best angle of each side."""
    days: dict[date, dict[Side, float]] = {}
    for session in history:
        for logged in session.sets:
            day = logged.performed_at.date()
            if logged.drill_id != "aslr-test" or day > until:
                continue
            assert logged.side is not None
            assert logged.measured is not None
            sides = days.setdefault(day, {})
            sides[logged.side] = max(logged.measured, sides.get(logged.side, 0.0))
    return days


def test_patterning_opens_on_the_first_day_both_legs_reach_the_target(
    history: list[DemoWorkout],
) -> None:
    opened = climb(history)[Phase.PATTERNING].workout.started_at.date()
    days = leg_raises(history, opened)
    at_target = [
        day
        for day, sides in sorted(days.items())
        if min(sides.values()) >= STRAIGHT_LEG_RAISE_TARGET
    ]
    assert at_target[0] == opened
    one_leg_short = [
        day
        for day, sides in days.items()
        if sides[Side.LEFT] >= STRAIGHT_LEG_RAISE_TARGET > sides[Side.RIGHT]
    ]
    assert one_leg_short, "the right leg lags: a day when only the left reached the target"
    assert max(one_leg_short) < opened


def test_the_demo_climbs_to_the_top_rung(history: list[DemoWorkout]) -> None:
    reached = climb(history)
    assert list(reached) == list(Phase)[1:]


def test_answers_are_given_only_where_the_app_asks_them(history: list[DemoWorkout]) -> None:
    """After a standing hinge of the rung the person is on: never after a bridge, the
    quadruped rock-back, the dead bug or a hip thrust."""
    tracker = LadderTracker(CATALOGUE)
    answered = 0
    for session in history:
        phase = tracker.phase
        for index, _answers in session.answers:
            drill = CATALOGUE.get(session.sets[index].drill_id)
            assert asks_easily(drill, phase), (drill.id, phase)
            answered += 1
        tracker.observe(session)
    assert answered > 20
