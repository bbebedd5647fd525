"""The start page's facts: the session to do next and why, the last session, the streak, and
what the log gives for them (read as the app reads it, on a read-only connection)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.drills import Phase
from hinge_desktop.domain.ladder import (
    ACTIVATION_DAYS_BEFORE_RETEST,
    SESSIONS_TO_UNLOCK,
    LadderHint,
    LadderState,
)
from hinge_desktop.domain.plan import PlanEntry
from hinge_desktop.domain.routines import PHASE_DRILLS, Routine, builtin_routines
from hinge_desktop.domain.statistics import week_streaks
from hinge_desktop.domain.today import (
    LastSession,
    TodayReading,
    next_routine,
    plan_minutes,
    today_summary,
)
from hinge_desktop.domain.training import CheckOutcome, LoggedSet, Workout
from hinge_desktop.storage.database import Database, open_reader
from hinge_desktop.storage.store import Store
from hinge_desktop.storage.today_queries import read_today

NOW = datetime.now().astimezone().replace(hour=12, minute=0, second=0, microsecond=0)
TODAY = NOW.date()
AT_THE_CHECKS = LadderState(Phase.CHECK, 0, 0, LadderHint.TAKE_SQUEEZE_TEST)


def reading(
    ladder: LadderState = AT_THE_CHECKS,
    last: LastSession | None = None,
    weeks: tuple[date, ...] = (),
    **values: object,
) -> TodayReading:
    return TodayReading(ladder, last, weeks, 0, **values)  # type: ignore[arg-type]


def test_a_new_person_is_offered_the_checks_first(catalogue: Catalogue) -> None:
    summary = today_summary(reading(), TODAY, catalogue)
    assert summary.first_run
    assert summary.rung == 0
    assert summary.next_routine.id == "builtin.phase-0"
    assert [e.drill_id for e in summary.next_routine.entries] == list(PHASE_DRILLS[Phase.CHECK])
    assert summary.again is None
    assert summary.streak_weeks == 0
    assert not summary.retest


@pytest.mark.parametrize("phase", list(Phase)[1:])
def test_the_next_session_is_the_routine_of_the_rung_reached(
    phase: Phase, catalogue: Catalogue
) -> None:
    state = LadderState(phase, 0, SESSIONS_TO_UNLOCK, LadderHint.EASY_SESSIONS)
    routine = next_routine(state, catalogue)
    assert routine.id == f"builtin.phase-{int(phase)}"
    assert routine.phase is phase


def test_a_retest_due_brings_the_checks_back(catalogue: Catalogue) -> None:
    due = LadderState(
        Phase.ACTIVATION,
        ACTIVATION_DAYS_BEFORE_RETEST,
        ACTIVATION_DAYS_BEFORE_RETEST,
        LadderHint.RETAKE_SQUEEZE_TEST,
    )
    summary = today_summary(reading(due), TODAY, catalogue)
    assert summary.retest
    assert summary.rung == 1
    assert summary.next_routine.id == "builtin.phase-0"


def session(routine_id: str | None, *drill_ids: str, quick: bool = False) -> LastSession:
    return LastSession(NOW, "Mine", drill_ids, 3, routine_id, quick)


def test_the_last_routine_is_offered_again_beside_the_next_one(catalogue: Catalogue) -> None:
    routines = builtin_routines(catalogue, Phase.CHECK)
    warm_up = next(r for r in routines if r.id == "builtin.hinge-warm-up")
    last = session(warm_up.id, "glute-bridge")
    summary = today_summary(reading(last=last, last_routine=warm_up), TODAY, catalogue)
    assert summary.next_routine.id == "builtin.phase-0"
    assert summary.again is not None
    assert summary.again.routine_id == warm_up.id
    assert summary.again.entries == warm_up.entries


def test_the_last_routine_is_not_offered_twice_when_it_is_the_next_one(
    catalogue: Catalogue,
) -> None:
    checks = next_routine(AT_THE_CHECKS, catalogue)
    last = session(checks.id, "glute-squeeze-test")
    summary = today_summary(reading(last=last, last_routine=checks), TODAY, catalogue)
    assert summary.again is None


def test_a_routine_gone_or_emptied_since_is_not_offered_again(catalogue: Catalogue) -> None:
    last = session("mine-1", "glute-bridge")
    assert today_summary(reading(last=last), TODAY, catalogue).again is None
    emptied = Routine("mine-1", "Mine")
    summary = today_summary(reading(last=last, last_routine=emptied), TODAY, catalogue)
    assert summary.again is None


def test_a_single_drill_is_offered_again_and_quick_logged_sets_are_not(
    catalogue: Catalogue,
) -> None:
    drill = today_summary(reading(last=session(None, "dead-bug")), TODAY, catalogue)
    assert drill.again is not None
    assert drill.again.entries == (PlanEntry.of(catalogue.get("dead-bug")),)
    quick = today_summary(reading(last=session(None, "dead-bug", quick=True)), TODAY, catalogue)
    assert quick.again is None


def test_the_streak_is_historys_streak_of_weeks(catalogue: Catalogue) -> None:
    monday = TODAY - timedelta(days=TODAY.weekday())
    weeks = (monday - timedelta(weeks=5), monday - timedelta(weeks=2), monday - timedelta(weeks=1))
    summary = today_summary(reading(weeks=weeks), TODAY, catalogue)
    assert summary.streak_weeks == week_streaks(weeks, TODAY).current == 2


def test_a_plan_lasts_its_steps_in_whole_minutes(catalogue: Catalogue) -> None:
    plan = next_routine(AT_THE_CHECKS, catalogue).to_plan()
    seconds = sum(step.seconds for step in plan.steps(catalogue))
    assert plan_minutes(plan, catalogue) == max(1, round(seconds / 60))


# Read from the log


@pytest.fixture
def reader(store: Store) -> Iterator[Database]:
    """A read-only connection, as the background reader opens."""
    connection = open_reader(store.path)
    yield connection
    connection.close()


def test_an_empty_log_reads_as_a_first_run(
    store: Store, reader: Database, catalogue: Catalogue
) -> None:
    read = read_today(reader, catalogue, TODAY)
    assert read.ladder.phase is Phase.CHECK
    assert read.last_session is None
    assert read.training_weeks == ()
    assert read.days_this_week == 0


def test_the_last_session_is_the_workout_of_the_newest_set(
    store: Store, reader: Database, catalogue: Catalogue
) -> None:
    store.sets.add(LoggedSet("dead-bug", NOW - timedelta(days=3), reps=8))
    started = NOW - timedelta(hours=1)
    workout = store.workouts.start(
        Workout(started, routine_id="builtin.phase-1", name="Ladder 1: glute activation")
    )
    for minute, drill_id in enumerate(("glute-bridge", "glute-bridge", "glute-bridge-knee-outs")):
        store.sets.add(
            LoggedSet(drill_id, started + timedelta(minutes=minute), reps=10, workout_id=workout.id)
        )
    read = read_today(reader, catalogue, TODAY)
    assert read.last_session == LastSession(
        started,
        "Ladder 1: glute activation",
        ("glute-bridge", "glute-bridge-knee-outs"),
        3,
        "builtin.phase-1",
    )
    assert read.last_routine is not None
    assert read.last_routine.id == "builtin.phase-1"


def test_quick_logged_sets_of_one_day_are_one_session(
    store: Store, reader: Database, catalogue: Catalogue
) -> None:
    store.sets.add(LoggedSet("glute-bridge", NOW - timedelta(days=1), reps=12))
    store.sets.add(LoggedSet("dead-bug", NOW - timedelta(hours=3), reps=8))
    store.sets.add(LoggedSet("glute-bridge", NOW - timedelta(hours=2), reps=12))
    last = read_today(reader, catalogue, TODAY).last_session
    assert last is not None
    assert last.quick
    assert (last.started_at, last.drill_ids, last.sets) == (
        NOW - timedelta(hours=3),
        ("dead-bug", "glute-bridge"),
        2,
    )


def test_weeks_and_days_this_week_come_from_the_days_trained(
    store: Store, reader: Database, catalogue: Catalogue
) -> None:
    monday = NOW - timedelta(days=NOW.weekday())
    for when in (monday - timedelta(days=7), monday, monday, NOW):
        store.sets.add(LoggedSet("glute-bridge", when, reps=12))
    read = read_today(reader, catalogue, TODAY)
    assert read.training_weeks == ((monday - timedelta(days=7)).date(), monday.date())
    assert read.days_this_week == len({monday.date(), TODAY})


def test_an_own_routine_is_read_as_it_is_now_and_not_once_deleted(
    store: Store, reader: Database, catalogue: Catalogue
) -> None:
    routine = store.routines.create("Morning")
    routine = store.routines.add_drill(routine.id, PlanEntry.of(catalogue.get("dead-bug")))
    workout = store.workouts.start(Workout(NOW, routine_id=routine.id, name="Morning"))
    store.sets.add(LoggedSet("dead-bug", NOW, reps=8, workout_id=workout.id))
    assert read_today(reader, catalogue, TODAY).last_routine == routine
    store.routines.delete(routine.id)
    assert read_today(reader, catalogue, TODAY).last_routine is None


def test_the_ladder_is_read_with_what_is_logged(
    store: Store, reader: Database, catalogue: Catalogue
) -> None:
    store.sets.add(LoggedSet("glute-squeeze-test", NOW, result=CheckOutcome.FAIL))
    assert read_today(reader, catalogue, TODAY).ladder.phase is Phase.ACTIVATION
