"""A made-up but believable two years of training, for ``hinge-desktop --demo``.

Someone opening Hinge for the first time sees empty charts, an empty calendar and a ladder on
its first rung; the demo history shows what they look like after real use. It is generated
rather than shipped, so that it always ends on the day it is added, and it is deterministic (one
seeded random generator), so the same day gives the same history and tests can rely on it.

The person it describes climbs the ladder by its own rules (:mod:`hinge_desktop.domain.ladder`),
applied here as the history is generated, so that the sets that move them up are the very ones
the app finds when it applies the rules to the log:

- day 1 is the checks: the glute squeeze test fails (so activation comes first) and the active
  straight-leg raise is well short of 90°;
- a few weeks of activation; the squeeze test is retaken once six activation days are done,
  fails, and passes a week later;
- mobility, with the straight-leg raise measured each time until it reaches 90°;
- patterning, light loading and loading, each left after three days on which the three "easily"
  questions were all answered yes, with "no" days before and in between;
- loaded hinges with double progression (the reps rise to the top of a range, then the load goes
  up and the reps drop back), warm-up sets before heavy ones, the Romanian deadlift as the main
  lift with a two-month plateau, and each autumn a holiday week in a hotel gym whose plates are
  in pounds;
- activation, patterning and mobility drills stay on as warm-ups and cool-downs; 3 to 5 sessions
  a week at different times of day, busy weeks, a two-week illness, two weeks off each summer
  and a break over Christmas.

Nothing here reads the clock or touches the database: ``today`` comes in, sessions go out.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from functools import partial

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.drills import Phase
from hinge_desktop.domain.ladder import (
    GATED_PHASES,
    STRAIGHT_LEG_RAISE_TARGET,
    Assessment,
    GateAnswers,
    LadderFact,
    LadderHint,
    assess,
)
from hinge_desktop.domain.routines import builtin_routines
from hinge_desktop.domain.training import (
    LB_PER_KG,
    CheckOutcome,
    LoggedSet,
    SetKind,
    Side,
    Unit,
    Workout,
)

DEMO_SEED = 20_240_611
HISTORY_DAYS = 730
"""Two years, ending on the day the history is made."""

ILLNESS_STARTS_AFTER_DAYS = 170
ILLNESS_DAYS = 15
PLATEAU_STARTS_AFTER_DAYS = 380
PLATEAU_DAYS = 62
PLATEAU_LIFT = "romanian-deadlift"

BUSY_WEEK_CHANCE = 0.07
"""Weeks with at most one session: work, travel, life."""
REST_DAY_ACTIVATION_CHANCE = 0.15
"""Rest days on which the short daily activation routine is done anyway."""

LEG_RAISE_LIMIT = 96.0
"""Degrees: where the straight-leg raise levels off once the hamstrings have loosened."""
RETESTS_BEFORE_THE_SQUEEZE_PASSES = 1
ACTIVATION_WORKOUTS_BETWEEN_RETESTS = 4

YES = GateAnswers(True, True, True)
NOES = (
    # The low back moving is the usual reason, so it comes up most.
    GateAnswers(True, False, True),
    GateAnswers(False, True, True),
    GateAnswers(True, True, False),
    GateAnswers(True, False, False),
)


@dataclass(frozen=True)
class DemoSession:
    """One generated workout with its sets, and the "easily" answers given after some of them."""

    workout: Workout
    sets: tuple[LoggedSet, ...]
    answers: tuple[tuple[int, GateAnswers], ...] = ()
    """Pairs of (index into :attr:`sets`, the answers given after that set)."""


Localise = Callable[[datetime], datetime]
"""Turns a local wall-clock time (naive) into the moment it was then (timezone-aware)."""


def demo_history(
    today: datetime,
    catalogue: Catalogue,
    *,
    seed: int = DEMO_SEED,
    localise: Localise | None = None,
) -> list[DemoSession]:
    """Two years of sessions, oldest first, all ended by ``today`` (timezone-aware).

    Each session starts at a local time of day that ``localise`` places in time, so that the
    caller can give summer and winter their own UTC offsets, as sets logged at the time have;
    by default every session has ``today``'s offset. The same arguments give the same history.
    """
    if today.utcoffset() is None:
        raise ValueError("today must carry its UTC offset (a timezone-aware datetime)")
    if localise is None:
        localise = partial(datetime.replace, tzinfo=today.tzinfo)
    rng = random.Random(seed)
    first = today.date() - timedelta(days=HISTORY_DAYS)
    person = _Person(catalogue, rng, first)
    sessions: list[DemoSession] = []
    for visit in _visits(first, today.date(), localise, rng):
        done = person.visit(visit)
        if done[-1].workout.ended_at is not None and done[-1].workout.ended_at > today:
            break
        sessions.extend(done)
    return sessions


# The calendar -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Visit:
    """One time the person trains: when it starts, where, and whether it is the short one."""

    start: datetime
    hotel: bool = False
    """In a hotel gym on holiday: the plates and bells are in pounds."""
    short: bool = False
    """Only the daily activation routine, on a rest day."""


def _visits(first: date, last: date, localise: Localise, rng: random.Random) -> list[_Visit]:
    """The training days from ``first`` to ``today``, 3 to 5 a week, with the breaks left out."""
    illness = first + timedelta(days=ILLNESS_STARTS_AFTER_DAYS)
    visits: list[_Visit] = []
    monday = first - timedelta(days=first.weekday())
    while monday <= last:
        trained = _week_days(rng)
        for offset in range(7):
            day = monday + timedelta(days=offset)
            if day < first or day > last or _on_a_break(day, illness):
                continue
            if offset in trained:
                start = localise(datetime.combine(day, _start_time(day, rng)))
                visits.append(_Visit(start, hotel=_in_a_hotel(day)))
            elif rng.random() < REST_DAY_ACTIVATION_CHANCE:
                start = localise(datetime.combine(day, _morning(day, rng)))
                visits.append(_Visit(start, short=True))
        monday += timedelta(days=7)
    return visits


def _week_days(rng: random.Random) -> set[int]:
    """Which days of a week are trained (0 is Monday)."""
    count = rng.choices((3, 4, 5), weights=(2, 5, 3))[0]
    if rng.random() < BUSY_WEEK_CHANCE:
        count = rng.choice((0, 1))
    return set(rng.sample(range(7), count))


def _on_a_break(day: date, illness: date) -> bool:
    """Ill, on the summer holiday (no training at all), or off over Christmas and New Year."""
    if illness <= day < illness + timedelta(days=ILLNESS_DAYS):
        return True
    if day.month == 8 and day.day <= 14:
        return True
    return (day.month == 12 and day.day >= 23) or (day.month == 1 and day.day <= 2)


def _in_a_hotel(day: date) -> bool:
    """The autumn holiday week, trained in a hotel gym."""
    return day.month == 10 and 18 <= day.day <= 26


WEEKDAY_WINDOWS = (((375, 465), 25), ((720, 795), 20), ((1050, 1230), 55))
"""When a weekday session starts (minutes after midnight), and how often: before work, at
lunch, after work."""
WEEKEND_WINDOWS = (((510, 690), 7), ((960, 1080), 3))


def _start_time(day: date, rng: random.Random) -> time:
    """Before work, at lunch or after work on weekdays; mornings, mostly, at the weekend."""
    windows = WEEKEND_WINDOWS if day.weekday() >= 5 else WEEKDAY_WINDOWS
    low, high = rng.choices([window for window, _ in windows], [weight for _, weight in windows])[0]
    return _minute(rng.randint(low, high), rng)


def _morning(day: date, rng: random.Random) -> time:
    low, high = (540, 600) if day.weekday() >= 5 else (400, 470)
    return _minute(rng.randint(low, high), rng)


def _minute(minute_of_day: int, rng: random.Random) -> time:
    return time(minute_of_day // 60, minute_of_day % 60, rng.randint(0, 59))


# Loads and double progression ---------------------------------------------------------------

EMPTY_BAR = 20.0
"""Kilograms."""

Load = float | str | None
"""A weight in kg, a band's colour, or None for body weight."""


def _plates(start: float, stop: float, step: float) -> tuple[float, ...]:
    count = round((stop - start) / step) + 1
    return tuple(float(start + step * index) for index in range(count))


@dataclass
class _Lift:
    """A drill trained by double progression: reps climb from ``low`` to ``high``, then the
    load goes up a step and the reps start again from ``low``."""

    drill_id: str
    loads: tuple[Load, ...]
    low: int
    high: int
    pace: float = 0.6
    """The chance of a rep more after a session, at the lightest load: big jumps between loads
    (kettlebells, bands) come slowly."""
    barbell: bool = False
    """Ramped up to with warm-up sets from the empty bar; otherwise one lighter set, if any."""
    level: int = field(default=0, init=False)
    """Which of :attr:`loads` is lifted now."""
    reps: int = field(default=0, init=False)
    """The reps aimed at now, with the first working set."""

    def __post_init__(self) -> None:
        self.reps = self.low

    @property
    def load(self) -> Load:
        return self.loads[self.level]

    def working_reps(self, rng: random.Random, stalled: bool) -> list[int]:
        """The reps of the three working sets today; the later sets may fall one short."""
        if stalled:
            top = min(self.reps, self.high - 1) - rng.randint(0, 1)
            return [top, top - rng.randint(0, 1), top - rng.randint(0, 2)]
        if self.reps >= self.high:
            return [self.high] * 3
        return [self.reps, self.reps - (rng.random() < 0.3), self.reps - (rng.random() < 0.5)]

    def progress(self, rng: random.Random) -> None:
        """After a normal session: up a load from the top of the range, else maybe a rep more."""
        if self.reps >= self.high:
            if self.level + 1 < len(self.loads):
                self.level += 1
                self.reps = self.low
            return
        # Progress slows as the loads get heavy.
        chance = self.pace * (1 - 0.4 * self.level / max(1, len(self.loads) - 1))
        if rng.random() < chance:
            self.reps += 1

    def warm_ups(self) -> list[tuple[Load, int]]:
        """The lighter sets before the working sets: (load, reps)."""
        load = self.load
        if not isinstance(load, float):
            return []
        if self.barbell:
            ramp = [(EMPTY_BAR, 10)] if load >= 2 * EMPTY_BAR else []
            ramp += [(_round_to(load * share, 2.5), reps) for share, reps in ((0.6, 6), (0.8, 3))]
            return [(weight, reps) for weight, reps in ramp if EMPTY_BAR <= weight < load - 5]
        return [(self.loads[self.level - 1], 8)] if self.level > 0 and load >= 16 else []

    def rpe(self, reps: int, rng: random.Random, stalled: bool) -> float:
        """How hard the set felt: harder near the top of the range, and on a plateau."""
        if stalled:
            return rng.choice((9.0, 9.0, 9.5))
        share = (reps - self.low) / max(1, self.high - self.low)
        return min(10.0, max(6.0, round((6.5 + 2.5 * share + rng.uniform(-0.5, 0.5)) * 2) / 2))


def _round_to(value: float, step: float) -> float:
    return round(value / step) * step


def _starting_lifts() -> dict[str, _Lift]:
    bells = (8.0, 12.0, 16.0, 20.0, 24.0, 28.0, 32.0, 36.0, 40.0, 48.0)
    lifts = [
        _Lift("glute-bridge", (None,), 10, 15),
        _Lift("single-leg-glute-bridge", (None,), 6, 10),
        _Lift("hip-extension-bench-hands", (None,), 8, 12),
        _Lift("glute-bridge-knee-outs", ("yellow", "red"), 10, 15),
        _Lift("good-morning", _plates(5, 40, 2.5), 10, 15, pace=0.4),
        _Lift("band-pull-through", ("red", "green", "blue", "black"), 12, 25, pace=0.4),
        _Lift("band-good-morning", ("yellow", "red", "green", "blue"), 12, 15),
        _Lift("romanian-deadlift", _plates(40, 140, 5), 8, 12, pace=0.45, barbell=True),
        _Lift("hip-thrust", _plates(40, 160, 5), 8, 12, barbell=True),
        _Lift("kettlebell-deadlift", bells[2:], 8, 15, pace=0.35),
        _Lift("front-loaded-rdl", bells[1:], 10, 20, pace=0.35),
        _Lift("kettlebell-swing", bells[1:], 12, 25, pace=0.35),
        _Lift("b-stance-deadlift", bells[1:], 8, 15, pace=0.35),
        _Lift("single-leg-rdl", bells, 8, 15, pace=0.35),
    ]
    return {lift.drill_id: lift for lift in lifts}


# One workout as it is done ------------------------------------------------------------------


@dataclass(frozen=True)
class _Spec:
    """The values of one set as the person logs them."""

    reps: int | None = None
    hold: float | None = None
    load: Load = None
    rpe: float | None = None
    kind: SetKind = SetKind.WORKING
    result: CheckOutcome | None = None
    measured: float | None = None


class _WorkoutLog:
    """Sets one after the other on a running clock, numbered per drill as the player does."""

    def __init__(self, catalogue: Catalogue, start: datetime, rng: random.Random, hotel: bool):
        self._catalogue = catalogue
        self._rng = rng
        self._hotel = hotel
        self.start = start
        self.clock = start
        self.sets: list[LoggedSet] = []
        self.answers: list[tuple[int, GateAnswers]] = []
        self._numbers: dict[str, int] = {}

    def add(self, drill_id: str, spec: _Spec, right: _Spec | None = None) -> int:
        """Log one set (each side in turn for a per-side drill); returns the index of the last."""
        drill = self._catalogue.get(drill_id)
        number = self._numbers.get(drill_id, 0) + 1
        self._numbers[drill_id] = number
        if drill.prescription.per_side:
            self._log(drill_id, number, spec, Side.LEFT)
            self._wait(5)
            self._log(drill_id, number, right or spec, Side.RIGHT)
        else:
            self._log(drill_id, number, spec, None)
        rest = drill.prescription.rest_seconds or 20
        self._wait(round(rest * self._rng.uniform(0.8, 1.5)))
        return len(self.sets) - 1

    def answer(self, index: int, answers: GateAnswers) -> None:
        self.answers.append((index, answers))

    def _log(self, drill_id: str, number: int, spec: _Spec, side: Side | None) -> None:
        tempo = self._catalogue.get(drill_id).prescription.tempo
        self._wait(round(spec.hold or (spec.reps or 1) * tempo.rep_seconds) + 5)
        weight, unit, band = self._load(spec.load)
        self.sets.append(
            LoggedSet(
                drill_id=drill_id,
                performed_at=self.clock,
                set_number=number,
                reps=spec.reps,
                hold_seconds=spec.hold,
                weight=weight,
                unit=unit,
                side=side,
                band=band,
                rpe=spec.rpe,
                kind=spec.kind,
                result=spec.result,
                measured=spec.measured,
            )
        )

    def _load(self, load: Load) -> tuple[float | None, Unit | None, str | None]:
        if isinstance(load, str):
            return None, None, load
        if load is None:
            return None, None, None
        if self._hotel:
            return float(_round_to(load * LB_PER_KG, 5)), Unit.LB, None
        return load, Unit.KG, None

    def _wait(self, seconds: int) -> None:
        self.clock += timedelta(seconds=max(1, seconds))

    def finish(self, routine_id: str, name: str) -> DemoSession:
        ended = self.clock + timedelta(seconds=self._rng.randint(20, 90))
        workout = Workout(started_at=self.start, ended_at=ended, routine_id=routine_id, name=name)
        return DemoSession(workout, tuple(self.sets), tuple(self.answers))


# The ladder, followed as the history is made ------------------------------------------------


class _LadderTracker:
    """The ladder's rules applied workout by workout, exactly as the app will apply them to the
    stored log: the same sets reduced to the same facts."""

    def __init__(self, catalogue: Catalogue) -> None:
        self._catalogue = catalogue
        self._phases = {drill.id: drill.phase for drill in catalogue}
        self.phase = Phase.CHECK
        self.hint = LadderHint.TAKE_SQUEEZE_TEST
        self._since: datetime | None = None
        self._facts: list[LadderFact] = []

    def observe(self, session: DemoSession) -> DemoSession:
        """Take in a finished workout; returns it without answers the app would not have asked.

        The app asks the "easily" questions only after a set of the current phase: after a move
        up in the middle of a workout, the later sets of the old phase are not asked about.
        """
        if self.phase is max(Phase):
            return session
        assessment, facts = self._assess(session)
        if assessment.unlocks:
            cleaned = self._without_late_answers(session, assessment)
            if cleaned != session:
                session = cleaned
                assessment, facts = self._assess(session)
        self.phase, self.hint = assessment.phase, assessment.state.hint
        since = assessment.since
        if assessment.unlocks and since is not None:
            # Only what happens after a phase was reached counts towards leaving it.
            self._since = since
            facts = [fact for fact in facts if fact.performed_at > since]
        self._facts = facts
        return session

    def _assess(self, session: DemoSession) -> tuple[Assessment, list[LadderFact]]:
        facts = [*self._facts, *self._facts_of(session)]
        return assess(self.phase, facts, self._catalogue, since=self._since), facts

    def _facts_of(self, session: DemoSession) -> list[LadderFact]:
        """What the app's ladder reads of the workout: every set of a check, an activation or a
        mobility drill, and every set with answers, of drills below the top phase."""
        answers = dict(session.answers)
        facts = []
        for index, logged in enumerate(session.sets):
            phase = self._phases[logged.drill_id]
            given = answers.get(index)
            if phase is max(Phase) or (phase > Phase.MOBILITY and given is None):
                continue
            facts.append(
                LadderFact(
                    drill_id=logged.drill_id,
                    phase=phase,
                    performed_at=logged.performed_at,
                    result=logged.result,
                    measured=logged.measured,
                    answers=given,
                )
            )
        return facts

    def _without_late_answers(self, session: DemoSession, assessment: Assessment) -> DemoSession:
        moved_at = assessment.unlocks[0].at
        kept = tuple(
            (index, given)
            for index, given in session.answers
            if session.sets[index].performed_at <= moved_at
            or self._phases[session.sets[index].drill_id] is assessment.phase
        )
        return replace(session, answers=kept)


# The person ---------------------------------------------------------------------------------

_Build = Callable[[datetime, bool], DemoSession]

LOADING_DAYS = (
    ("builtin.phase-5", ("kettlebell-deadlift", "romanian-deadlift", "hip-thrust")),
    ("builtin.assistance-3x12", ("front-loaded-rdl", "kettlebell-swing")),
)
"""The loaded days in turn (routine, lifts) while on the loading rung."""
SINGLE_LEG_DAYS = (
    ("builtin.assistance-3x8", ("romanian-deadlift", "hip-thrust", "kettlebell-deadlift")),
    (
        "builtin.assistance-3x12",
        ("front-loaded-rdl", "kettlebell-swing", "band-pull-through", "good-morning"),
    ),
    ("builtin.phase-6", ("b-stance-deadlift", "single-leg-rdl", "romanian-deadlift")),
)
"""From single-leg work on, a third day is one leg at a time. The Romanian deadlift is the main
lift, on two days of three: the most trained drill, the one the progress charts open on."""
FINISHER_CHANCE = 0.15
COOL_DOWN_CHANCE = 0.5

GATE_PLANS: dict[Phase, tuple[str, int]] = {
    Phase.PATTERNING: ("nnnyyy", 3),
    Phase.LIGHT_LOADING: ("nnynyy", 4),
    Phase.LOADING: ("nnnnynnnnynny", 14),
}
"""For each gated phase: the days' verdicts in order ("y": every answer yes, "n": some answer
no), and the fewest days between two days on which the questions are answered."""


class _Person:
    """Someone who follows Hinge's suggestions, with the ups and downs of real training."""

    def __init__(self, catalogue: Catalogue, rng: random.Random, first: date) -> None:
        self._catalogue = catalogue
        self._rng = rng
        self._names = {routine.id: routine.name for routine in builtin_routines(catalogue)}
        self._ladder = _LadderTracker(catalogue)
        self._lifts = _starting_lifts()
        self._plateau = (
            first + timedelta(days=PLATEAU_STARTS_AFTER_DAYS),
            first + timedelta(days=PLATEAU_STARTS_AFTER_DAYS + PLATEAU_DAYS),
        )
        self._leg_raise = [62.0, 57.0]
        self._holds = 0
        self._retests = 0
        self._activation_workouts = 0
        self._activation_at_retest = 0
        self._gate_days: dict[Phase, list[date]] = {phase: [] for phase in GATED_PHASES}
        self._visits = 0
        self._checked_month: tuple[int, int] | None = None

    # A visit: one or more workouts back to back

    def visit(self, visit: _Visit) -> list[DemoSession]:
        if visit.short:
            builds: list[_Build] = [self._daily_activation]
        else:
            self._visits += 1
            builds = self._plan(visit.start)
        sessions: list[DemoSession] = []
        start = visit.start
        for build in builds:
            session = self._ladder.observe(build(start, visit.hotel))
            sessions.append(session)
            ended = session.workout.ended_at or start
            start = ended + timedelta(seconds=self._rng.randint(60, 240))
        return sessions

    def _plan(self, start: datetime) -> list[_Build]:
        """The workouts of a visit, as the ladder suggests them."""
        phase = self._ladder.phase
        if phase is Phase.CHECK:
            return [self._first_checks, self._activation]
        if phase is Phase.ACTIVATION:
            return (
                [self._squeeze_retest, self._activation]
                if self._retest_due()
                else [self._activation]
            )
        if phase is Phase.MOBILITY:
            return [self._warm_up_bridges, self._mobility]
        plan: list[_Build] = []
        if phase >= Phase.LIGHT_LOADING and self._checked_month != (start.year, start.month):
            self._checked_month = (start.year, start.month)
            plan.append(self._monthly_checks)
        if phase is Phase.PATTERNING:
            plan += [self._warm_up_bridges, self._patterning]
        elif phase is Phase.LIGHT_LOADING:
            plan += [self._hinge_warm_up, self._light_loading]
        else:
            plan += [self._hinge_warm_up, self._main_lifts(phase)]
            if self._rng.random() < FINISHER_CHANCE:
                plan.append(self._finisher)
        if self._rng.random() < COOL_DOWN_CHANCE:
            plan.append(self._cool_down)
        return plan

    def _retest_due(self) -> bool:
        if self._ladder.hint is not LadderHint.RETAKE_SQUEEZE_TEST:
            return False
        since = self._activation_workouts - self._activation_at_retest
        return self._retests == 0 or since >= ACTIVATION_WORKOUTS_BETWEEN_RETESTS

    def _main_lifts(self, phase: Phase) -> _Build:
        days = SINGLE_LEG_DAYS if phase is Phase.SINGLE_LEG else LOADING_DAYS
        routine_id, drills = days[self._visits % len(days)]
        return lambda start, hotel: self._lifting(start, hotel, routine_id, drills)

    # The workouts

    def _log(self, start: datetime, hotel: bool = False) -> _WorkoutLog:
        return _WorkoutLog(self._catalogue, start, self._rng, hotel)

    def _finish(self, log: _WorkoutLog, routine_id: str) -> DemoSession:
        return log.finish(routine_id, self._names[routine_id])

    def _first_checks(self, start: datetime, hotel: bool) -> DemoSession:
        """Day 1: the glutes do not tighten on their own, and the legs lift well short of 90°."""
        log = self._log(start)
        log.add("glute-squeeze-test", _Spec(hold=5, result=CheckOutcome.FAIL))
        self._leg_raise_test(log)
        log.add("wall-hinge-check", _Spec(reps=5, result=CheckOutcome.FAIL))
        log.add("dowel-three-point-check", _Spec(reps=5, result=CheckOutcome.FAIL))
        return self._finish(log, "builtin.phase-0")

    def _squeeze_retest(self, start: datetime, hotel: bool) -> DemoSession:
        """Retaken when the ladder suggests it: not yet the first time, then a pass."""
        self._retests += 1
        self._activation_at_retest = self._activation_workouts
        passed = self._retests > RETESTS_BEFORE_THE_SQUEEZE_PASSES
        log = self._log(start)
        log.add(
            "glute-squeeze-test",
            _Spec(hold=5, result=CheckOutcome.PASS if passed else CheckOutcome.FAIL),
        )
        return self._finish(log, "builtin.phase-0")

    def _monthly_checks(self, start: datetime, hotel: bool) -> DemoSession:
        """Once a month on the loaded rungs: the checks again, for the record."""
        log = self._log(start)
        log.add("glute-squeeze-test", _Spec(hold=5, result=CheckOutcome.PASS))
        self._leg_raise_test(log)
        log.add("wall-hinge-check", _Spec(reps=5, result=CheckOutcome.PASS))
        log.add("dowel-three-point-check", _Spec(reps=5, result=CheckOutcome.PASS))
        return self._finish(log, "builtin.phase-0")

    def _leg_raise_test(self, log: _WorkoutLog) -> None:
        left, right = (float(round(side + self._rng.uniform(-2, 2))) for side in self._leg_raise)
        log.add("aslr-test", _leg_raise(left), _leg_raise(right))

    def _activation(self, start: datetime, hotel: bool) -> DemoSession:
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

    def _daily_activation(self, start: datetime, hotel: bool) -> DemoSession:
        """On a rest day: the short daily routine."""
        log = self._log(start)
        for drill_id in ("glute-bridge", "single-leg-glute-bridge", "glute-bridge-knee-outs"):
            self._bodyweight_sets(log, drill_id, 2)
        return self._finish(log, "builtin.daily-activation")

    def _warm_up_bridges(self, start: datetime, hotel: bool) -> DemoSession:
        """The daily activation routine, done lightly before the phase's own work."""
        log = self._log(start)
        self._bridges(log)
        return self._finish(log, "builtin.daily-activation")

    def _hinge_warm_up(self, start: datetime, hotel: bool) -> DemoSession:
        """Before lifting: the bridges, then the hinge found again without a load."""
        log = self._log(start)
        self._bridges(log)
        for drill_id, reps in (("quadruped-rock-back", 10), ("wall-hip-hinge", 10)):
            log.add(drill_id, _Spec(reps=reps, kind=SetKind.WARMUP))
        log.add("dowel-hinge", _Spec(reps=8, kind=SetKind.WARMUP))
        return self._finish(log, "builtin.hinge-warm-up")

    def _bridges(self, log: _WorkoutLog) -> None:
        log.add("glute-bridge", _Spec(reps=12, kind=SetKind.WARMUP))
        log.add("glute-bridge", _Spec(reps=12, kind=SetKind.WARMUP))
        log.add("single-leg-glute-bridge", _Spec(reps=8, kind=SetKind.WARMUP))
        log.add("glute-bridge-knee-outs", _Spec(reps=12, load="red", kind=SetKind.WARMUP))

    def _mobility(self, start: datetime, hotel: bool) -> DemoSession:
        """Ladder 2: the leg raise measured first, then roll, stretch and the band pull."""
        log = self._log(start)
        self._leg_raise_test(log)
        log.add("roll-stretch-glutes", _Spec(hold=45))
        log.add("roll-stretch-hamstrings", _Spec(hold=self._hamstring_hold()))
        log.add("roll-stretch-hip-flexors", _Spec(hold=60))
        for _ in range(2):
            log.add("aslr-distraction", _Spec(reps=8, load="red"))
        self._leg_raise = [
            min(angle + self._rng.uniform(5.5, 7.5), LEG_RAISE_LIMIT) for angle in self._leg_raise
        ]
        return self._finish(log, "builtin.phase-2")

    def _cool_down(self, start: datetime, hotel: bool) -> DemoSession:
        """Mobility after lifting, to keep what the mobility rung gained."""
        log = self._log(start)
        log.add("roll-stretch-glutes", _Spec(hold=self._rng.choice((45.0, 60.0))))
        log.add("roll-stretch-hamstrings", _Spec(hold=self._hamstring_hold()))
        log.add("roll-stretch-hip-flexors", _Spec(hold=self._rng.choice((45.0, 60.0))))
        self._leg_raise = [min(angle + 0.1, LEG_RAISE_LIMIT) for angle in self._leg_raise]
        return self._finish(log, "builtin.phase-2")

    def _hamstring_hold(self) -> float:
        """The hamstring stretch held longer as it gets easier: 30 s at first, 60 s later."""
        self._holds += 1
        base = 30 + 30 * min(1.0, self._holds / 30)
        return float(min(60, _round_to(base + self._rng.uniform(-4, 4), 5)))

    def _patterning(self, start: datetime, hotel: bool) -> DemoSession:
        """Ladder 3: the hinge itself, with the wall check on days the questions are answered."""
        verdict = self._verdict(Phase.PATTERNING, start.date())
        log = self._log(start)
        log.add("quadruped-rock-back", _Spec(reps=10))
        last: list[int] = []
        for drill_id, reps in (("kneeling-hinge", 10), ("wall-hip-hinge", 10), ("dowel-hinge", 8)):
            last.append(self._sets(log, drill_id, [reps, reps]))
        log.add("dead-bug", _Spec(reps=8))
        if verdict is not None:
            result = CheckOutcome.PASS if verdict else CheckOutcome.FAIL
            log.add("wall-hinge-check", _Spec(reps=5, result=result))
        self._give_answers(log, last, verdict)
        return self._finish(log, "builtin.phase-3")

    def _light_loading(self, start: datetime, hotel: bool) -> DemoSession:
        """Ladder 4: a plate for the good morning, bands for the rest, three sets each."""
        verdict = self._verdict(Phase.LIGHT_LOADING, start.date())
        log = self._log(start, hotel)
        last = [
            self._lift_sets(log, drill_id, start.date(), hotel)
            for drill_id in ("good-morning", "band-pull-through", "band-good-morning")
        ]
        self._give_answers(log, last, verdict)
        return self._finish(log, "builtin.phase-4")

    def _lifting(
        self, start: datetime, hotel: bool, routine_id: str, drills: Sequence[str]
    ) -> DemoSession:
        """A loaded day: warm-up sets, then three working sets of each lift."""
        phase = self._ladder.phase
        verdict = self._verdict(phase, start.date()) if phase in GATED_PHASES else None
        log = self._log(start, hotel)
        last = []
        for drill_id in drills:
            index = self._lift_sets(log, drill_id, start.date(), hotel)
            if self._catalogue.get(drill_id).phase is phase:
                last.append(index)
        self._give_answers(log, last, verdict)
        return self._finish(log, routine_id)

    def _finisher(self, start: datetime, hotel: bool) -> DemoSession:
        """Bodyweight drills back to back, to close a session: two rounds, three now and then."""
        log = self._log(start)
        for _ in range(self._rng.choice((2, 2, 3))):
            log.add("glute-bridge", _Spec(reps=15))
            log.add("good-morning", _Spec(reps=12))
            log.add("single-leg-glute-bridge", _Spec(reps=10))
            log.add("hands-on-hips-hinge", _Spec(reps=10))
        return self._finish(log, "builtin.finisher-circuit")

    # Sets of one drill

    def _sets(self, log: _WorkoutLog, drill_id: str, reps: Sequence[int]) -> int:
        index = -1
        for count in reps:
            index = log.add(drill_id, _Spec(reps=count))
        return index

    def _bodyweight_sets(self, log: _WorkoutLog, drill_id: str, count: int) -> int:
        lift = self._lifts[drill_id]
        index = -1
        for _ in range(count):
            index = log.add(drill_id, _Spec(reps=lift.reps, load=lift.load))
        lift.progress(self._rng)
        return index

    def _lift_sets(self, log: _WorkoutLog, drill_id: str, day: date, hotel: bool) -> int:
        """Warm-ups, then three working sets; returns the index of the last working set.

        A lift moves on only after a normal session: not on the plateau, and not in a hotel gym
        with strange equipment.
        """
        lift = self._lifts[drill_id]
        stalled = drill_id == PLATEAU_LIFT and self._plateau[0] <= day < self._plateau[1]
        for load, reps in lift.warm_ups():
            log.add(drill_id, _Spec(reps=reps, load=load, kind=SetKind.WARMUP))
        index = -1
        for reps in lift.working_reps(self._rng, stalled):
            rpe = lift.rpe(reps, self._rng, stalled) if isinstance(lift.load, float) else None
            index = log.add(drill_id, _Spec(reps=reps, load=lift.load, rpe=rpe))
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

    def _give_answers(self, log: _WorkoutLog, indexes: list[int], verdict: bool | None) -> None:
        """The answers after the last set of each of the phase's drills; on a bad day, one of
        them has a no."""
        if verdict is None or not indexes:
            return
        bad = -1 if verdict else self._rng.randrange(len(indexes))
        for position, index in enumerate(indexes):
            log.answer(index, self._rng.choice(NOES) if position == bad else YES)


def _leg_raise(angle: float) -> _Spec:
    result = CheckOutcome.PASS if angle >= STRAIGHT_LEG_RAISE_TARGET else CheckOutcome.FAIL
    return _Spec(reps=3, result=result, measured=angle)
