"""The start page in facts: where the person stands on the ladder, the session to do next, the
last session, the streak and what opens the next rung.

Pure, so the rules are tested without a window or a database: storage reads a
:class:`TodayReading`, :func:`today_summary` turns it into what the page says.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.drills import Phase
from hinge_desktop.domain.ladder import LadderHint, LadderState, suggested_phase
from hinge_desktop.domain.plan import InvalidPlan, WorkoutPlan
from hinge_desktop.domain.routines import Routine, routine_for_phase, snack_routine
from hinge_desktop.domain.snacks import (
    OTHER_DAY_GOAL,
    WORKING_WEEK,
    SnackSummary,
    snack_summary,
)
from hinge_desktop.domain.statistics import week_start, week_streaks

TOP_RUNG = int(max(Phase))
"""The rungs are counted from glute activation (1) to single-leg hinges (7); the checks come
before the first rung."""


@dataclass(frozen=True)
class LastSession:
    """The session of the newest logged set: a workout, or the sets quick-logged on one day."""

    started_at: datetime
    """When it began, in the person's local time then (with its offset)."""
    name: str
    """What was trained, as the person saw it then; empty for quick-logged sets."""
    drill_ids: tuple[str, ...]
    """Its drills, in the order first done."""
    sets: int
    routine_id: str | None = None
    """The routine it was started from, when it was; None for a drill or quick-logged sets."""
    quick: bool = False
    """Sets logged outside a workout (quick log), grouped by their local day."""

    @property
    def day(self) -> date:
        return self.started_at.date()


@dataclass(frozen=True)
class TodayReading:
    """What the start page reads from the log, all from one moment of it."""

    ladder: LadderState
    last_session: LastSession | None
    training_weeks: tuple[date, ...]
    """The Monday of every week with a logged set, oldest first (as History's streaks count)."""
    days_this_week: int
    """Days with a logged set from this week's Monday to today."""
    last_routine: Routine | None = None
    """The routine the last session was started from, as it is now, if it still exists."""
    snacks: Mapping[date, int] = field(default_factory=dict)
    """How many activation snacks each recent local day had (days with none left out)."""


@dataclass(frozen=True)
class TodaySummary:
    """What the start page shows."""

    today: date
    phase: Phase
    ladder: LadderState
    next_routine: Routine
    """The session the big Start button starts: see :func:`next_routine`."""
    retest: bool
    """The next session is the checks again because the squeeze test is due for a retake."""
    again: WorkoutPlan | None
    """The last session, to start again, when it differs from the next one."""
    last_session: LastSession | None
    streak_weeks: int
    """Weeks in a row with training, by History's rule (:func:`week_streaks`)."""
    days_this_week: int
    snacks: SnackSummary = field(default_factory=lambda: SnackSummary(0, OTHER_DAY_GOAL, 0))
    """Today's activation snacks against the day's goal, and their streak of days."""
    snack_routine: Routine | None = None
    """The snack the person's rung gives, to start in one click."""

    @property
    def rung(self) -> int:
        """The rung the person is on, 1 to :data:`TOP_RUNG`; 0 at the checks."""
        return int(self.phase)

    @property
    def first_run(self) -> bool:
        """Nothing logged yet."""
        return self.last_session is None


def next_routine(state: LadderState, catalogue: Catalogue) -> Routine:
    """The session to start next: the built-in routine of the rung the ladder suggests.

    The ladder's suggestion wins over "the last routine again" because the ladder knows what
    its gates allow: a new person gets the checks (phase 0), which decide where to begin; after
    a move up the new rung's routine comes at once, never the old one; when the squeeze test is
    due for a retake the checks come back; and nothing loaded is offered before the gate below
    it was passed. The last routine is offered beside it (see :func:`again_plan`), so a person
    who trains with a routine of their own keeps it one click away.
    """
    return routine_for_phase(suggested_phase(state), catalogue)


def again_plan(
    last: LastSession | None,
    last_routine: Routine | None,
    suggested: Routine,
    catalogue: Catalogue,
) -> WorkoutPlan | None:
    """The last session as a plan to start again, or None when it is the suggested routine, was
    quick-logged sets, or can no longer be run (a routine since emptied, a drill not known)."""
    if last is None or last.quick:
        return None
    if last.routine_id is not None:
        if last_routine is None or last_routine.id != last.routine_id:
            return None
        if last_routine.id == suggested.id:
            return None
        try:
            return last_routine.to_plan()
        except InvalidPlan:
            return None
    if len(last.drill_ids) == 1 and last.drill_ids[0] in catalogue:
        return WorkoutPlan.single(catalogue.get(last.drill_ids[0]))
    return None


def today_summary(
    reading: TodayReading,
    today: date,
    catalogue: Catalogue,
    desk_days: Collection[int] = WORKING_WEEK,
) -> TodaySummary:
    """What the start page shows on ``today`` (the person's local date); ``desk_days`` (ISO
    weekdays) ask for two snacks, the others for one."""
    routine = next_routine(reading.ladder, catalogue)
    return TodaySummary(
        today=today,
        phase=reading.ladder.phase,
        ladder=reading.ladder,
        next_routine=routine,
        retest=reading.ladder.hint is LadderHint.RETAKE_SQUEEZE_TEST,
        again=again_plan(reading.last_session, reading.last_routine, routine, catalogue),
        last_session=reading.last_session,
        streak_weeks=week_streaks(reading.training_weeks, today).current,
        days_this_week=reading.days_this_week,
        snacks=snack_summary(reading.snacks, today, desk_days),
        snack_routine=snack_routine(catalogue, reading.ladder.phase),
    )


def plan_minutes(plan: WorkoutPlan, catalogue: Catalogue) -> int:
    """How long the plan runs, in whole minutes (at least 1), rests and get-ready included."""
    seconds = sum(step.seconds for step in plan.steps(catalogue))
    return max(1, round(seconds / 60))


def this_week(today: date) -> tuple[date, date]:
    """From this week's Monday to ``today``: the days counted in :attr:`days_this_week`."""
    return week_start(today), today
