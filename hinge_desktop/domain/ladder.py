"""The phase ladder: which rung a person is on, and what moves them to the next one.

The rules, in plain words:

- Someone with no phase yet starts at the checks (phase 0).
- At the checks, the glute squeeze test decides: if the glutes do not tighten (a failed test),
  glute activation comes first (phase 1); if they do, activation is skipped and mobility
  (phase 2) comes next. This is the only rung that can be jumped.
- During activation, a later squeeze test that passes moves the person on to mobility. The app
  suggests retaking the test once activation has been done on
  :data:`ACTIVATION_DAYS_BEFORE_RETEST` different days.
- During mobility, an active straight-leg raise test (plain or with the band pull) that measures
  at least its target angle on both legs, the left and the right on the same day, or mobility
  work on :data:`MOBILITY_DAYS_TO_UNLOCK` different days, moves the person on to patterning. The
  test is logged one side at a time; a measure with no side says nothing about either leg. What
  the last test measured is kept in the state, so the person can be told which leg is short.
- From patterning to light loading, the gate is the article's (seed 000): once the hinge at the
  wall goes easily, loading may begin, and "easily" means three things: nobody had to hold you in
  place; the low back did not move at either end; the foot pressure did not change. The app asks
  these three questions after a set of a standing hinge of the current phase (a drill the
  catalogue marks ``easily``), and nowhere else: on all fours, kneeling or lying (the quadruped
  rock-back, the dead bug) the foot pressure means nothing. A day on which a standing hinge's
  questions were all answered yes is an easy day, and :data:`SESSIONS_TO_UNLOCK` easy days open
  the next phase. During patterning a passed wall hinge check counts as well, as it is the
  article's own test: a standing hinge judged by these three questions. Every other check keeps
  its own criteria and counts for nothing here (the dowel three-point check is about the three
  contacts with the stick). A day with any "no" (or a failed wall hinge check) does not count,
  but takes nothing away from earlier days; sets of other drills neither count nor spoil a day,
  unless they hurt (below).
- From light loading on, to every rung up to the top one, the gate is the app's own extension
  of the article's: the articles set one gate, the one to loading, and say only that
  loading must be conservative. The app asks the same three questions of the standing hinges of
  each loaded phase and counts their easy days the same way.
- A set that hurt (the app's rule, not the articles'): a day on which any set the person said
  hurt counts for nothing towards leaving any rung. It is no activation or mobility day, a
  squeeze test or straight-leg raise on it opens nothing, and on a gated rung it spoils the day
  as a "no" answer does, however many yes answers it had. The ladder holds where it is; the
  articles give no rule for pain, and holding back is the app's own caution.
- Only what happens after a phase was reached counts towards leaving it.
- The ladder never goes down by itself. (A rung opened on a day on which a set is then said to
  have hurt was opened against these rules; storage takes it back, see ``storage/ladder.py``.)

Everything here is pure: the history comes in as :class:`LadderFact` records, oldest first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.drills import Drill, Phase
from hinge_desktop.domain.leg_raise import LegRaise as LegRaise  # its home before; still named here
from hinge_desktop.domain.training import CheckOutcome, Side

SESSIONS_TO_UNLOCK = 3
"""Passing sessions, on different days, that open the next phase from patterning onwards."""

ACTIVATION_DAYS_BEFORE_RETEST = 6
"""Days of activation work after which the squeeze test is worth retaking."""

MOBILITY_DAYS_TO_UNLOCK = 6
"""Days of mobility work that open patterning even without a straight-leg raise at target."""

STRAIGHT_LEG_RAISE_TARGET = 90.0
"""Degrees; used when the catalogue gives a straight-leg raise test no target of its own."""

SQUEEZE_TEST = "glute-squeeze-test"
STRAIGHT_LEG_RAISE_TESTS = frozenset({"aslr-test", "aslr-distraction-test"})
EASILY_CHECKS = frozenset({"wall-hinge-check"})
"""Checks whose criteria are the three "easily" questions: during patterning a pass counts as an
easy day, a fail spoils the day."""

GATED_PHASES = frozenset(phase for phase in Phase if Phase.PATTERNING <= phase < max(Phase))
"""Phases left through the three "easily" questions: every rung from patterning up, but the top."""

LOADED_PHASES = frozenset(phase for phase in Phase if phase >= Phase.LIGHT_LOADING)
"""The rungs that load the hinge: light loading and every rung above it."""


class UnlockReason(StrEnum):
    """Why a phase was reached; stored with it, and worded for the person by the UI."""

    START = "start"
    SQUEEZE_FAILED = "squeeze-failed"
    SQUEEZE_PASSED = "squeeze-passed"
    STRAIGHT_LEG_RAISE = "straight-leg-raise"
    MOBILITY_DAYS = "mobility-days"
    EASY_SESSIONS = "easy-sessions"


class LadderHint(StrEnum):
    """What would move the person to the next rung; worded for the person by the UI."""

    TAKE_SQUEEZE_TEST = "take-squeeze-test"
    ACTIVATION_DAYS = "activation-days"
    RETAKE_SQUEEZE_TEST = "retake-squeeze-test"
    MOBILITY_OR_LEG_RAISE = "mobility-or-leg-raise"
    EASY_SESSIONS = "easy-sessions"
    TOP_RUNG = "top-rung"


@dataclass(frozen=True)
class GateAnswers:
    """The three "easily" questions, answered after a set."""

    nobody_held: bool
    """Nobody (and nothing) had to hold the person in place."""
    back_still: bool
    """The low back did not move at either end of the rep."""
    pressure_steady: bool
    """The pressure under the feet did not change."""

    @property
    def passed(self) -> bool:
        return self.nobody_held and self.back_still and self.pressure_steady


@dataclass(frozen=True)
class LadderFact:
    """One logged set, reduced to what the ladder's rules look at."""

    drill_id: str
    phase: Phase
    """The phase of the set's drill."""
    performed_at: datetime
    """When the set was done, in the person's local time then (timezone-aware)."""
    result: CheckOutcome | None = None
    measured: float | None = None
    answers: GateAnswers | None = None
    side: Side | None = None
    """The side the set was done on, for drills done one side at a time."""
    hurt: bool = False
    """The person said the set hurt: its day counts for nothing towards leaving a rung."""

    def __post_init__(self) -> None:
        if self.performed_at.utcoffset() is None:
            raise ValueError("performed_at must carry its UTC offset")

    @property
    def day(self) -> date:
        """The local date the set was done on."""
        return self.performed_at.date()


@dataclass(frozen=True)
class LadderState:
    """Where the person stands: the phase, and progress towards the next one."""

    phase: Phase
    passed_sessions: int
    """Days counted so far towards the next phase (see :attr:`hint` for what is counted): from
    patterning on, the easy days."""
    needed: int
    """Days needed; 0 on the top rung or where a single check decides."""
    hint: LadderHint
    reached: frozenset[Phase] = field(default_factory=frozenset)
    """Phases reached so far, when known; empty means "every phase up to the current one"."""
    leg_raise: LegRaise | None = None
    """During mobility: the last straight-leg raise test since mobility was reached, if any."""

    @property
    def reached_phases(self) -> frozenset[Phase]:
        if self.reached:
            return self.reached | {self.phase}
        return frozenset(p for p in Phase if p <= self.phase)


@dataclass(frozen=True)
class Unlock:
    """A move up the ladder, at the moment of the set that earned it."""

    from_phase: Phase
    to_phase: Phase
    reason: UnlockReason
    at: datetime


@dataclass(frozen=True)
class Assessment:
    phase: Phase
    unlocks: tuple[Unlock, ...]
    """Every move up, oldest first; usually none or one."""
    state: LadderState
    since: datetime | None
    """When the phase was reached (pass it back as ``since``); None when not known."""

    @property
    def unlock(self) -> Unlock | None:
        """The last move up, the one to tell the person about."""
        return self.unlocks[-1] if self.unlocks else None


def asks_easily(drill: Drill, current: Phase | None) -> bool:
    """Whether the three "easily" questions follow a set of ``drill`` on the rung ``current``:
    a standing hinge (not a check, which has criteria of its own) of a gated phase, the one the
    person is on."""
    return (
        drill.easily
        and drill.check is None
        and drill.phase in GATED_PHASES
        and drill.phase == current
    )


def above_reach(drills: Iterable[Drill], state: LadderState) -> Drill | None:
    """The drill on the highest loaded rung (:data:`LOADED_PHASES`) above every rung the person
    has reached, the first of them in order; None when there is none: starting it asks first."""
    reached = max(state.reached_phases)
    above = [drill for drill in drills if drill.phase in LOADED_PHASES and drill.phase > reached]
    return max(above, key=lambda drill: drill.phase, default=None)


def suggested_phase(state: LadderState) -> Phase:
    """The phase whose routine to do next: the current one, or the checks when a retest is due."""
    return Phase.CHECK if state.hint is LadderHint.RETAKE_SQUEEZE_TEST else state.phase


def suggested_routine(state: LadderState) -> str:
    """The id of the built-in routine to do next ("builtin.phase-N")."""
    return f"builtin.phase-{int(suggested_phase(state))}"


def assess(
    current: Phase | None,
    history: Iterable[LadderFact],
    catalogue: Catalogue,
    *,
    since: datetime | None = None,
) -> Assessment:
    """Apply the rules to ``history`` from the ``current`` phase (None: not started yet).

    Only facts after ``since`` (when the current phase was reached; None counts them all) are
    looked at. Facts are taken in time order; each move up starts a new count from the set that
    earned it, so calling again with the result's phase and ``since`` changes nothing.
    """
    phase = Phase.CHECK if current is None else current
    reached_at = since
    facts = sorted(history, key=lambda f: f.performed_at)
    # A set that hurt spoils its whole day, the sets before it on that day too.
    hurt_days = frozenset(
        f.day for f in facts if f.hurt and (since is None or f.performed_at > since)
    )
    tally = _Tally(phase, catalogue, hurt_days)
    unlocks: list[Unlock] = []
    for fact in facts:
        if reached_at is not None and fact.performed_at <= reached_at:
            continue
        reason = tally.add(fact)
        if reason is None:
            continue
        target = _next_phase(phase, reason)
        unlocks.append(Unlock(phase, target, reason, fact.performed_at))
        phase, reached_at = target, fact.performed_at
        tally = _Tally(phase, catalogue, hurt_days)
    return Assessment(phase=phase, unlocks=tuple(unlocks), state=tally.state(), since=reached_at)


def _next_phase(phase: Phase, reason: UnlockReason) -> Phase:
    if reason is UnlockReason.SQUEEZE_FAILED:
        return Phase.ACTIVATION
    if reason is UnlockReason.SQUEEZE_PASSED:
        return Phase.MOBILITY
    return Phase(phase + 1)


class _Tally:
    """What counts towards leaving one phase, fact by fact."""

    def __init__(self, phase: Phase, catalogue: Catalogue, hurt_days: frozenset[date]) -> None:
        self.phase = phase
        self._catalogue = catalogue
        self._days: set[date] = set()
        self._bad_days: set[date] = set(hurt_days)
        """Days that count for nothing: a set hurt on them, or (gated) a "no" answer."""
        self._leg_raises: dict[tuple[str, date], LegRaise] = {}
        self._leg_raise: LegRaise | None = None

    def add(self, fact: LadderFact) -> UnlockReason | None:
        """Count ``fact``; the reason to move up if it completes the rule, else None."""
        phase = self.phase
        if fact.day in self._bad_days and phase not in GATED_PHASES:
            return None  # a day on which a set hurt: no test opens anything, no day counts
        if phase is Phase.CHECK:
            return _squeeze(fact, UnlockReason.SQUEEZE_FAILED, UnlockReason.SQUEEZE_PASSED)
        if phase is Phase.ACTIVATION:
            if fact.phase is Phase.ACTIVATION:
                self._days.add(fact.day)
            return _squeeze(fact, None, UnlockReason.SQUEEZE_PASSED)
        if phase is Phase.MOBILITY:
            leg_raise = self._add_leg_raise(fact)
            if leg_raise is not None and leg_raise.passed:
                return UnlockReason.STRAIGHT_LEG_RAISE
            if fact.phase is Phase.MOBILITY:
                self._days.add(fact.day)
                if self._passing_days() >= MOBILITY_DAYS_TO_UNLOCK:
                    return UnlockReason.MOBILITY_DAYS
            return None
        if phase in GATED_PHASES:
            verdict = self._gate_verdict(fact)
            if verdict is False:
                self._bad_days.add(fact.day)
            elif verdict is True:
                self._days.add(fact.day)
            if self._passing_days() >= SESSIONS_TO_UNLOCK:
                return UnlockReason.EASY_SESSIONS
        return None

    def _gate_verdict(self, fact: LadderFact) -> bool | None:
        """True for a passing set, False for a failing one, None when the set says nothing."""
        if (
            self.phase is Phase.PATTERNING
            and fact.drill_id in EASILY_CHECKS
            and fact.result is not None
        ):
            return fact.result is CheckOutcome.PASS
        if (
            fact.answers is not None
            and fact.drill_id in self._catalogue
            and asks_easily(self._catalogue.get(fact.drill_id), self.phase)
        ):
            return fact.answers.passed
        return None

    def _passing_days(self) -> int:
        return len(self._days - self._bad_days)

    def _add_leg_raise(self, fact: LadderFact) -> LegRaise | None:
        """Count a straight-leg raise measured on one side; the test of its day, or None."""
        if (
            fact.drill_id not in STRAIGHT_LEG_RAISE_TESTS
            or fact.measured is None
            or fact.side is None
        ):
            return None
        key = (fact.drill_id, fact.day)
        test = self._leg_raises.get(key) or LegRaise(
            fact.drill_id, fact.day, self._leg_raise_target(fact.drill_id)
        )
        test = test.with_angle(fact.side, fact.measured)
        self._leg_raises[key] = self._leg_raise = test
        return test

    def _leg_raise_target(self, drill_id: str) -> float:
        if drill_id in self._catalogue:
            check = self._catalogue.get(drill_id).check
            if check is not None and check.target is not None:
                return check.target
        return STRAIGHT_LEG_RAISE_TARGET

    def state(self) -> LadderState:
        phase = self.phase
        if phase is Phase.CHECK:
            return LadderState(phase, 0, 0, LadderHint.TAKE_SQUEEZE_TEST)
        if phase is Phase.ACTIVATION:
            days = min(self._passing_days(), ACTIVATION_DAYS_BEFORE_RETEST)
            hint = (
                LadderHint.RETAKE_SQUEEZE_TEST
                if days >= ACTIVATION_DAYS_BEFORE_RETEST
                else LadderHint.ACTIVATION_DAYS
            )
            return LadderState(phase, days, ACTIVATION_DAYS_BEFORE_RETEST, hint)
        if phase is Phase.MOBILITY:
            days = min(self._passing_days(), MOBILITY_DAYS_TO_UNLOCK)
            return LadderState(
                phase,
                days,
                MOBILITY_DAYS_TO_UNLOCK,
                LadderHint.MOBILITY_OR_LEG_RAISE,
                leg_raise=self._leg_raise,
            )
        if phase in GATED_PHASES:
            return LadderState(
                phase, self._passing_days(), SESSIONS_TO_UNLOCK, LadderHint.EASY_SESSIONS
            )
        return LadderState(phase, 0, 0, LadderHint.TOP_RUNG)


def _squeeze(
    fact: LadderFact, on_fail: UnlockReason | None, on_pass: UnlockReason
) -> UnlockReason | None:
    if fact.drill_id != SQUEEZE_TEST or fact.result is None:
        return None
    return on_pass if fact.result is CheckOutcome.PASS else on_fail
