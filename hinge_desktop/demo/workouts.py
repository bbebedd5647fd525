"""The workouts of the demo's person, rung by rung, as they are done: the checks, activation,
mobility, patterning and the loaded days, the sets of each drill and the "easily" answers."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from hinge_desktop.demo.lifts import round_to, starting_lifts
from hinge_desktop.demo.workout_builder import DemoWorkout, Spec, WorkoutBuilder
from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.drills import Phase
from hinge_desktop.domain.ladder import (
    GATED_PHASES,
    STRAIGHT_LEG_RAISE_TARGET,
    GateAnswers,
    asks_easily,
)
from hinge_desktop.domain.routines import builtin_routines
from hinge_desktop.domain.training import CheckOutcome, SetKind

PLATEAU_STARTS_AFTER_DAYS = 380
PLATEAU_DAYS = 62
PLATEAU_LIFT = "romanian-deadlift"

LEG_RAISE_LIMIT = 96.0
"""Degrees: where the straight-leg raise levels off once the hamstrings have loosened."""
RETESTS_BEFORE_THE_SQUEEZE_PASSES = 1

YES = GateAnswers(True, True, True)
NOES = (
    # The low back moving is the usual reason, so it comes up most.
    GateAnswers(True, False, True),
    GateAnswers(False, True, True),
    GateAnswers(True, True, False),
    GateAnswers(True, False, False),
)


GATE_PLANS: dict[Phase, tuple[str, int]] = {
    Phase.PATTERNING: ("nnnyyy", 3),
    Phase.LIGHT_LOADING: ("nnynyy", 4),
    Phase.LOADING: ("nnynnyy", 6),
    Phase.BAR_AND_SWING: ("nnnnynnnnynny", 14),
}
"""For each gated phase: the days' verdicts in order ("y": every answer yes, "n": some answer
no), and the fewest days between two days on which the questions are answered."""


class Workouts:
    """What the person does in each workout, and what it does to them: lifts progress, the legs
    loosen, the "easily" questions are answered as the days of each gated phase go."""

    def __init__(self, catalogue: Catalogue, rng: random.Random, first: date) -> None:
        self._catalogue = catalogue
        self._rng = rng
        # Every routine's name, whatever the rung: the top rung offers them all.
        self._names = {
            routine.id: routine.name for routine in builtin_routines(catalogue, max(Phase))
        }
        self._lifts = starting_lifts()
        self._plateau = (
            first + timedelta(days=PLATEAU_STARTS_AFTER_DAYS),
            first + timedelta(days=PLATEAU_STARTS_AFTER_DAYS + PLATEAU_DAYS),
        )
        self._leg_raise = [62.0, 55.0]
        """The straight-leg raise, left and right: the right lags, so one day it is short alone."""
        self._holds = 0
        self.retests = 0
        """How often the squeeze test has been retaken."""
        self._activation_workouts = 0
        self._activation_at_retest = 0
        self._gate_days: dict[Phase, list[date]] = {phase: [] for phase in GATED_PHASES}

    @property
    def activations_since_retest(self) -> int:
        """Activation workouts done since the squeeze test was last retaken."""
        return self._activation_workouts - self._activation_at_retest

    def _log(self, start: datetime, hotel: bool = False) -> WorkoutBuilder:
        return WorkoutBuilder(self._catalogue, start, self._rng, hotel)

    def _finish(self, log: WorkoutBuilder, routine_id: str) -> DemoWorkout:
        return log.finish(routine_id, self._names[routine_id])

    def first_checks(self, start: datetime, hotel: bool) -> DemoWorkout:
        """Day 1: the glutes do not tighten on their own, and the legs lift well short of 90°."""
        log = self._log(start)
        log.add("glute-squeeze-test", Spec(hold=10, result=CheckOutcome.FAIL))
        self._leg_raise_test(log)
        log.add("wall-hinge-check", Spec(reps=5, result=CheckOutcome.FAIL))
        log.add("dowel-three-point-check", Spec(reps=5, result=CheckOutcome.FAIL))
        return self._finish(log, "builtin.phase-0")

    def squeeze_retest(self, start: datetime, hotel: bool) -> DemoWorkout:
        """Retaken when the ladder suggests it: not yet the first time, then a pass."""
        self.retests += 1
        self._activation_at_retest = self._activation_workouts
        passed = self.retests > RETESTS_BEFORE_THE_SQUEEZE_PASSES
        log = self._log(start)
        log.add(
            "glute-squeeze-test",
            Spec(hold=10, result=CheckOutcome.PASS if passed else CheckOutcome.FAIL),
        )
        return self._finish(log, "builtin.phase-0")

    def monthly_checks(self, start: datetime, hotel: bool) -> DemoWorkout:
        """Once a month on the loaded rungs: the checks again, for the record."""
        log = self._log(start)
        log.add("glute-squeeze-test", Spec(hold=10, result=CheckOutcome.PASS))
        self._leg_raise_test(log)
        log.add("wall-hinge-check", Spec(reps=5, result=CheckOutcome.PASS))
        log.add("dowel-three-point-check", Spec(reps=5, result=CheckOutcome.PASS))
        return self._finish(log, "builtin.phase-0")

    def _leg_raise_test(self, log: WorkoutBuilder) -> None:
        left, right = (float(round(side + self._rng.uniform(-2, 2))) for side in self._leg_raise)
        log.add("aslr-test", _leg_raise(left), _leg_raise(right))

    def activation(self, start: datetime, hotel: bool) -> DemoWorkout:
        """Ladder 1: bridges and hip extensions, a rep more now and then; the legs loosen a bit."""
        self._activation_workouts += 1
        log = self._log(start)
        for drill_id in (
            "glute-bridge",
            "single-leg-glute-bridge",
            "glute-bridge-knee-outs",
            "hip-extension-bench-hands",
        ):
            self._bodyweight_sets(log, drill_id, 2)
        self._leg_raise = [angle + 0.7 for angle in self._leg_raise]
        return self._finish(log, "builtin.phase-1")

    def daily_activation(self, start: datetime, hotel: bool) -> DemoWorkout:
        """On a rest day: the short daily routine."""
        log = self._log(start)
        for drill_id in ("glute-bridge", "single-leg-glute-bridge", "glute-bridge-knee-outs"):
            self._bodyweight_sets(log, drill_id, 2)
        return self._finish(log, "builtin.daily-activation")

    def warm_up_bridges(self, start: datetime, hotel: bool) -> DemoWorkout:
        """The daily activation routine, done lightly before the phase's own work."""
        log = self._log(start)
        self._bridges(log)
        return self._finish(log, "builtin.daily-activation")

    def hinge_warm_up(self, start: datetime, hotel: bool) -> DemoWorkout:
        """Before lifting: the bridges, then the hinge found again without a load."""
        log = self._log(start)
        self._bridges(log)
        for drill_id, reps in (("quadruped-rock-back", 10), ("wall-hip-hinge", 10)):
            log.add(drill_id, Spec(reps=reps, kind=SetKind.WARMUP))
        log.add("dowel-hinge", Spec(reps=8, kind=SetKind.WARMUP))
        return self._finish(log, "builtin.hinge-warm-up")

    def _bridges(self, log: WorkoutBuilder) -> None:
        log.add("glute-bridge", Spec(reps=12, kind=SetKind.WARMUP))
        log.add("glute-bridge", Spec(reps=12, kind=SetKind.WARMUP))
        log.add("single-leg-glute-bridge", Spec(reps=8, kind=SetKind.WARMUP))
        log.add("glute-bridge-knee-outs", Spec(reps=12, load="red", kind=SetKind.WARMUP))

    def mobility(self, start: datetime, hotel: bool) -> DemoWorkout:
        """Ladder 2: the leg raise measured first, then roll, stretch and the band pull."""
        log = self._log(start)
        self._leg_raise_test(log)
        log.add("roll-stretch-glutes", Spec(hold=75))
        log.add("roll-stretch-hamstrings", Spec(hold=self._hamstring_hold()))
        log.add("roll-stretch-hip-flexors", Spec(hold=90))
        for _ in range(2):
            log.add("aslr-distraction", Spec(reps=8, load="red"))
        self._leg_raise = [
            min(angle + self._rng.uniform(5.5, 7.5), LEG_RAISE_LIMIT) for angle in self._leg_raise
        ]
        return self._finish(log, "builtin.phase-2")

    def cool_down(self, start: datetime, hotel: bool) -> DemoWorkout:
        """Mobility after lifting, to keep what the mobility rung gained."""
        log = self._log(start)
        log.add("roll-stretch-glutes", Spec(hold=self._rng.choice((75.0, 90.0))))
        log.add("roll-stretch-hamstrings", Spec(hold=self._hamstring_hold()))
        log.add("roll-stretch-hip-flexors", Spec(hold=self._rng.choice((75.0, 90.0))))
        self._leg_raise = [min(angle + 0.1, LEG_RAISE_LIMIT) for angle in self._leg_raise]
        return self._finish(log, "builtin.phase-2")

    def _hamstring_hold(self) -> float:
        """The hamstring roll and stretches held longer as they get easier: 90 s at first, the
        whole 120 s later."""
        self._holds += 1
        base = 90 + 30 * min(1.0, self._holds / 30)
        return float(min(120, round_to(base + self._rng.uniform(-4, 4), 5)))

    def patterning(self, start: datetime, hotel: bool) -> DemoWorkout:
        """Ladder 3: the hinge itself, with the wall check on days the questions are answered."""
        verdict = self._verdict(Phase.PATTERNING, start.date())
        log = self._log(start)
        log.add("quadruped-rock-back", Spec(reps=10))
        last: list[int] = []
        for drill_id, reps in (("kneeling-hinge", 10), ("wall-hip-hinge", 10), ("dowel-hinge", 8)):
            last.append(self._sets(log, drill_id, [reps, reps]))
        log.add("dead-bug", Spec(reps=8))
        if verdict is not None:
            result = CheckOutcome.PASS if verdict else CheckOutcome.FAIL
            log.add("wall-hinge-check", Spec(reps=5, result=result))
        self._give_answers(log, last, verdict, Phase.PATTERNING)
        return self._finish(log, "builtin.phase-3")

    def light_loading(self, start: datetime, hotel: bool) -> DemoWorkout:
        """Ladder 4: a plate for the good morning, bands for the rest, three sets each."""
        verdict = self._verdict(Phase.LIGHT_LOADING, start.date())
        log = self._log(start, hotel)
        last = [
            self._lift_sets(log, drill_id, start.date(), hotel)
            for drill_id in ("good-morning", "band-pull-through", "band-good-morning")
        ]
        self._give_answers(log, last, verdict, Phase.LIGHT_LOADING)
        return self._finish(log, "builtin.phase-4")

    def lifting(
        self, start: datetime, hotel: bool, routine_id: str, drills: Sequence[str], phase: Phase
    ) -> DemoWorkout:
        """A loaded day on the rung ``phase``: warm-up sets, then three working sets of each
        lift."""
        # The questions come only after the rung's own standing hinges: a day without one
        # answers nothing and spends no day of the plan.
        asked = any(self._catalogue.get(d).phase is phase for d in drills)
        verdict = self._verdict(phase, start.date()) if asked and phase in GATED_PHASES else None
        log = self._log(start, hotel)
        last = []
        for drill_id in drills:
            index = self._lift_sets(log, drill_id, start.date(), hotel)
            if self._catalogue.get(drill_id).phase is phase:
                last.append(index)
        self._give_answers(log, last, verdict, phase)
        return self._finish(log, routine_id)

    def finisher(self, start: datetime, hotel: bool) -> DemoWorkout:
        """Bodyweight drills back to back, to close a session: two rounds, three now and then."""
        log = self._log(start)
        for _ in range(self._rng.choice((2, 2, 3))):
            log.add("glute-bridge", Spec(reps=15))
            log.add("good-morning", Spec(reps=12))
            log.add("single-leg-glute-bridge", Spec(reps=10))
            log.add("hands-on-hips-hinge", Spec(reps=10))
        return self._finish(log, "builtin.finisher-circuit")

    # Sets of one drill

    def _sets(self, log: WorkoutBuilder, drill_id: str, reps: Sequence[int]) -> int:
        index = -1
        for count in reps:
            index = log.add(drill_id, Spec(reps=count))
        return index

    def _bodyweight_sets(self, log: WorkoutBuilder, drill_id: str, count: int) -> int:
        lift = self._lifts[drill_id]
        index = -1
        for _ in range(count):
            index = log.add(drill_id, Spec(reps=lift.reps, load=lift.load))
        lift.progress(self._rng)
        return index

    def _lift_sets(self, log: WorkoutBuilder, drill_id: str, day: date, hotel: bool) -> int:
        """Warm-ups, then three working sets; returns the index of the last working set.

        A lift moves on only after a normal session: not on the plateau, and not in a hotel gym
        with strange equipment.
        """
        lift = self._lifts[drill_id]
        stalled = drill_id == PLATEAU_LIFT and self._plateau[0] <= day < self._plateau[1]
        for load, reps in lift.warm_ups():
            log.add(drill_id, Spec(reps=reps, load=load, kind=SetKind.WARMUP))
        index = -1
        for reps in lift.working_reps(self._rng, stalled):
            rpe = lift.rpe(reps, self._rng, stalled) if isinstance(lift.load, float) else None
            index = log.add(drill_id, Spec(reps=reps, load=lift.load, rpe=rpe))
        if not stalled and not hotel:
            lift.progress(self._rng)
        return index

    # The "easily" questions

    def _verdict(self, phase: Phase, day: date) -> bool | None:
        """Today's answers in a gated phase: all yes (True), some no (False), or not answered."""
        plan, gap = GATE_PLANS[phase]
        days = self._gate_days[phase]
        if days and (day - days[-1]).days < gap:
            return None
        days.append(day)
        return len(days) > len(plan) or plan[len(days) - 1] == "y"

    def _give_answers(
        self, log: WorkoutBuilder, indexes: list[int], verdict: bool | None, phase: Phase
    ) -> None:
        """The answers after the last set of each of the phase's drills where the app asks them
        (its standing hinges); on a bad day, one of them has a no."""
        indexes = [
            index
            for index in indexes
            if asks_easily(self._catalogue.get(log.sets[index].drill_id), phase)
        ]
        if verdict is None or not indexes:
            return
        bad = -1 if verdict else self._rng.randrange(len(indexes))
        for position, index in enumerate(indexes):
            log.answer(index, self._rng.choice(NOES) if position == bad else YES)


def _leg_raise(angle: float) -> Spec:
    result = CheckOutcome.PASS if angle >= STRAIGHT_LEG_RAISE_TARGET else CheckOutcome.FAIL
    return Spec(reps=3, result=result, measured=angle)
