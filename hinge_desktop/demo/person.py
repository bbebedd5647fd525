"""The demo's person: someone who follows Hinge's suggestions, each visit planned as the ladder
suggests it, from the first checks to the loaded days of the top rungs."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta

from hinge_desktop.demo.ladder_tracker import LadderTracker
from hinge_desktop.demo.training_days import Visit
from hinge_desktop.demo.workout_builder import DemoWorkout
from hinge_desktop.demo.workouts import Workouts
from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.drills import Phase
from hinge_desktop.domain.ladder import LadderHint

ACTIVATION_WORKOUTS_BETWEEN_RETESTS = 4

_Build = Callable[[datetime, bool], DemoWorkout]

LOADING_DAYS = (
    ("builtin.phase-5", ("front-loaded-rdl", "kettlebell-deadlift")),
    ("builtin.assistance-3x12", ("band-pull-through", "hip-thrust")),
)
"""The loaded days in turn (routine, lifts) while on the loading rung: weights in the hands."""
BAR_AND_SWING_DAYS = (
    ("builtin.phase-6", ("romanian-deadlift", "kettlebell-swing")),
    ("builtin.assistance-3x12", ("kettlebell-swing", "hip-thrust")),
    ("builtin.assistance-3x8", ("romanian-deadlift",)),
)
"""On the bar-and-swing rung: the Romanian deadlift becomes the main lift, on two days of
three."""
SINGLE_LEG_DAYS = (
    ("builtin.assistance-3x8", ("romanian-deadlift",)),
    ("builtin.assistance-3x12", ("kettlebell-swing", "hip-thrust")),
    ("builtin.phase-7", ("romanian-deadlift", "b-stance-deadlift", "single-leg-rdl")),
)
"""From single-leg work on, a third day is one leg at a time, after the main lift. The Romanian
deadlift stays the main lift, on two days of three: the most trained drill, the one the progress
charts open on."""
DAYS_BY_RUNG = {
    Phase.LOADING: LOADING_DAYS,
    Phase.BAR_AND_SWING: BAR_AND_SWING_DAYS,
    Phase.SINGLE_LEG: SINGLE_LEG_DAYS,
}
FINISHER_CHANCE = 0.15
COOL_DOWN_CHANCE = 0.5


class Person:
    """Someone who follows Hinge's suggestions, with the ups and downs of real training."""

    def __init__(self, catalogue: Catalogue, rng: random.Random, first: date) -> None:
        self._rng = rng
        self._ladder = LadderTracker(catalogue)
        self._workouts = Workouts(catalogue, rng, first)
        self._visits = 0
        self._checked_month: tuple[int, int] | None = None

    def visit(self, visit: Visit) -> list[DemoWorkout]:
        """The workouts of one visit, done back to back, each taken in by the ladder."""
        w = self._workouts
        if visit.short:
            builds: list[_Build] = [w.daily_activation]
        else:
            self._visits += 1
            builds = self._plan(visit.start)
        sessions: list[DemoWorkout] = []
        start = visit.start
        for build in builds:
            session = self._ladder.observe(build(start, visit.hotel))
            sessions.append(session)
            ended = session.workout.ended_at or start
            start = ended + timedelta(seconds=self._rng.randint(60, 240))
        return sessions

    def _plan(self, start: datetime) -> list[_Build]:
        """The workouts of a visit, as the ladder suggests them."""
        w = self._workouts
        phase = self._ladder.phase
        if phase is Phase.CHECK:
            return [w.first_checks, w.activation]
        if phase is Phase.ACTIVATION:
            return [w.squeeze_retest, w.activation] if self._retest_due() else [w.activation]
        if phase is Phase.MOBILITY:
            return [w.warm_up_bridges, w.mobility]
        plan: list[_Build] = []
        if phase >= Phase.LIGHT_LOADING and self._checked_month != (start.year, start.month):
            self._checked_month = (start.year, start.month)
            plan.append(w.monthly_checks)
        if phase is Phase.PATTERNING:
            plan += [w.warm_up_bridges, w.patterning]
        elif phase is Phase.LIGHT_LOADING:
            plan += [w.hinge_warm_up, w.light_loading]
        else:
            plan += [w.hinge_warm_up, self._main_lifts(phase)]
            if self._rng.random() < FINISHER_CHANCE:
                plan.append(w.finisher)
        if self._rng.random() < COOL_DOWN_CHANCE:
            plan.append(w.cool_down)
        return plan

    def _retest_due(self) -> bool:
        if self._ladder.hint is not LadderHint.RETAKE_SQUEEZE_TEST:
            return False
        since = self._workouts.activations_since_retest
        return self._workouts.retests == 0 or since >= ACTIVATION_WORKOUTS_BETWEEN_RETESTS

    def _main_lifts(self, phase: Phase) -> _Build:
        days = DAYS_BY_RUNG[phase]
        routine_id, drills = days[self._visits % len(days)]
        return lambda start, hotel: self._lifting(start, hotel, routine_id, drills)

    def _lifting(
        self, start: datetime, hotel: bool, routine_id: str, drills: Sequence[str]
    ) -> DemoWorkout:
        """A loaded day on the rung the ladder is on when the day's lifting begins."""
        return self._workouts.lifting(start, hotel, routine_id, drills, self._ladder.phase)
