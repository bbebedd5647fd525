"""The demo history: two years of generated training that climbs the ladder by its own rules,
written only into an empty training log."""

from __future__ import annotations

import itertools
import sqlite3
import statistics
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from child_processes import run_hinge
from drill_catalogue import CATALOGUE

from hinge_desktop.cli.demo import run_demo
from hinge_desktop.demo.history import HISTORY_DAYS, demo_history
from hinge_desktop.demo.workout_builder import DemoWorkout
from hinge_desktop.demo.workouts import PLATEAU_LIFT
from hinge_desktop.domain.drills import Phase
from hinge_desktop.domain.ladder import (
    ACTIVATION_DAYS_BEFORE_RETEST,
    GATED_PHASES,
    SQUEEZE_TEST,
    STRAIGHT_LEG_RAISE_TARGET,
    UnlockReason,
)
from hinge_desktop.domain.training import CheckOutcome, LoggedSet, SetKind, Side, Unit, Workout
from hinge_desktop.storage.history_writer import add_workout_with_sets
from hinge_desktop.storage.store import Store, open_store
from hinge_desktop.storage.workout_list_queries import PAGE, WorkoutListQueries

ZONE = timezone(timedelta(hours=2))
TODAY = datetime(2025, 6, 15, 19, 30, tzinfo=ZONE)


@pytest.fixture(scope="module")
def history() -> list[DemoWorkout]:
    return demo_history(TODAY, CATALOGUE)


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """A data folder filled by ``--demo``, opened."""
    folder = tmp_path_factory.mktemp("demo")
    assert run_demo(folder) is None
    store = open_store(folder / "hinge.sqlite3")
    yield store
    store.close()


def all_sets(history: list[DemoWorkout]) -> list[LoggedSet]:
    return [logged for session in history for logged in session.sets]


def working_sets(session: DemoWorkout, drill_id: str) -> list[LoggedSet]:
    return [s for s in session.sets if s.drill_id == drill_id and s.kind is SetKind.WORKING]


def phase_of(drill_id: str) -> Phase:
    return CATALOGUE.get(drill_id).phase


# The generated history --------------------------------------------------------------------


def test_the_same_day_gives_the_same_history(history: list[DemoWorkout]) -> None:
    assert demo_history(TODAY, CATALOGUE) == history
    assert demo_history(TODAY, CATALOGUE, seed=7) != history


def test_two_years_of_sessions_end_by_today_in_its_time_zone(
    history: list[DemoWorkout],
) -> None:
    first = history[0].workout.started_at.date()
    assert 0 <= (first - (TODAY.date() - timedelta(days=HISTORY_DAYS))).days < 7
    assert all(s.workout.ended_at is not None and s.workout.ended_at <= TODAY for s in history)
    assert history[-1].workout.started_at > TODAY - timedelta(days=7)
    assert {logged.performed_at.utcoffset() for logged in all_sets(history)} == {
        ZONE.utcoffset(None)
    }
    starts = [s.workout.started_at for s in history]
    assert starts == sorted(starts)


def test_summer_and_winter_sessions_can_carry_their_own_offsets() -> None:
    summer, winter = timezone(timedelta(hours=2)), timezone(timedelta(hours=1))

    def local(wall_clock: datetime) -> datetime:
        return wall_clock.replace(tzinfo=summer if 4 <= wall_clock.month <= 10 else winter)

    history = demo_history(TODAY, CATALOGUE, localise=local)
    for session in history[::25]:
        start = session.workout.started_at
        assert start.utcoffset() == local(start.replace(tzinfo=None)).utcoffset()
    offsets = {logged.performed_at.utcoffset() for logged in all_sets(history)}
    assert offsets == {timedelta(hours=1), timedelta(hours=2)}


def test_the_history_is_the_size_of_two_years_of_real_training(
    history: list[DemoWorkout],
) -> None:
    assert 8_000 <= len(all_sets(history)) <= 15_000
    known = {drill.id for drill in CATALOGUE}
    assert {logged.drill_id for logged in all_sets(history)} <= known


def test_every_workout_is_a_built_in_routine_with_its_name(history: list[DemoWorkout]) -> None:
    from hinge_desktop.domain.routines import builtin_routines

    names = {routine.id: routine.name for routine in builtin_routines(CATALOGUE, max(Phase))}
    for session in history:
        assert session.workout.routine_id in names
        assert session.workout.name == names[session.workout.routine_id]
        times = [logged.performed_at for logged in session.sets]
        assert times == sorted(times)
        assert len(set(times)) == len(times), "each set is logged at its own second"
        assert session.workout.started_at < times[0]
        assert session.workout.ended_at is not None
        assert times[-1] < session.workout.ended_at


def test_the_checks_come_first_and_the_squeeze_test_fails(history: list[DemoWorkout]) -> None:
    first = history[0]
    assert first.workout.routine_id == "builtin.phase-0"
    assert first.sets[0].drill_id == SQUEEZE_TEST
    assert first.sets[0].result is CheckOutcome.FAIL
    leg_raises = [s for s in first.sets if s.drill_id == "aslr-test"]
    assert {s.side for s in leg_raises} == {Side.LEFT, Side.RIGHT}
    assert all(s.measured is not None and s.measured < 70 for s in leg_raises)


def test_the_squeeze_test_is_retaken_after_six_activation_days_and_passes(
    history: list[DemoWorkout],
) -> None:
    sets = all_sets(history)
    squeezes = [s for s in sets if s.drill_id == SQUEEZE_TEST]
    first_pass = next(s for s in squeezes if s.result is CheckOutcome.PASS)
    retests = [s for s in squeezes if s.performed_at <= first_pass.performed_at][1:]
    assert [s.result for s in retests] == [CheckOutcome.FAIL, CheckOutcome.PASS]
    for retest in retests:
        activation_days = {
            s.performed_at.date()
            for s in sets
            if phase_of(s.drill_id) is Phase.ACTIVATION and s.performed_at < retest.performed_at
        }
        assert len(activation_days) >= ACTIVATION_DAYS_BEFORE_RETEST
    weeks = (first_pass.performed_at - history[0].workout.started_at).days / 7
    assert 2 <= weeks <= 6


def test_the_leg_raise_rises_to_its_target_during_mobility(history: list[DemoWorkout]) -> None:
    best_per_day: dict[date, float] = {}
    for logged in all_sets(history):
        if logged.drill_id == "aslr-test" and logged.measured is not None:
            day = logged.performed_at.date()
            best_per_day[day] = max(best_per_day.get(day, 0.0), logged.measured)
    days = sorted(best_per_day)
    reached = next(day for day in days if best_per_day[day] >= STRAIGHT_LEG_RAISE_TARGET)
    climb = [best_per_day[day] for day in days if day <= reached]
    assert len(climb) >= 4
    assert climb == sorted(climb)
    assert climb[0] < 70


def test_the_hamstring_roll_and_stretch_is_held_longer_over_the_months(
    history: list[DemoWorkout],
) -> None:
    holds = [
        s.hold_seconds
        for s in all_sets(history)
        if s.drill_id == "roll-stretch-hamstrings" and s.hold_seconds is not None
    ]
    assert holds[0] <= 95
    assert statistics.mean(holds[-10:]) >= 115
    assert max(holds) <= CATALOGUE.get("roll-stretch-hamstrings").prescription.hold_seconds


def test_answers_are_given_only_after_sets_of_a_gated_phase(history: list[DemoWorkout]) -> None:
    answered = [session.sets[index] for session in history for index, _ in session.answers]
    assert answered
    assert {phase_of(s.drill_id) for s in answered} == set(GATED_PHASES)
    verdicts = [answers.passed for session in history for _, answers in session.answers]
    assert True in verdicts
    assert False in verdicts


def test_there_are_breaks_and_three_to_five_sessions_in_a_normal_week(
    history: list[DemoWorkout],
) -> None:
    days = sorted({s.workout.started_at.date() for s in history})
    gaps = [(later - earlier).days for earlier, later in itertools.pairwise(days)]
    assert sum(gap >= 12 for gap in gaps) >= 4, "illness, two summers and Christmas"
    per_week = Counter(day.isocalendar()[:2] for day in days)
    assert 3 <= statistics.median(per_week.values()) <= 5
    hours = Counter(s.workout.started_at.hour for s in history)
    for name, part_of_day in (
        ("mornings", range(5, 10)),
        ("lunchtimes", range(11, 14)),
        ("evenings", range(17, 22)),
    ):
        share = sum(hours[hour] for hour in part_of_day) / len(history)
        assert share > 0.1, name
    years = {s.workout.started_at.year for s in history}
    assert years == {2023, 2024, 2025}


def test_loads_are_in_kilograms_and_in_pounds_for_a_hotel_week(
    history: list[DemoWorkout],
) -> None:
    units = Counter(s.unit for s in all_sets(history) if s.weight is not None)
    assert units[Unit.KG] > 1_000
    assert units[Unit.LB] > 20
    assert {s.performed_at.month for s in all_sets(history) if s.unit is Unit.LB} == {10}


def test_hip_thrusts_add_reps_then_load(history: list[DemoWorkout]) -> None:
    """Double progression: within a load the first set's reps never fall; the load goes up only
    after a session with every working set at 12, and the reps start again at 8."""
    sessions = [working_sets(s, "hip-thrust") for s in history]
    sessions = [sets for sets in sessions if sets and sets[0].unit is Unit.KG]
    load_ups = 0
    for before, after in itertools.pairwise(sessions):
        assert len(after) == 3
        assert {s.weight for s in after} == {after[0].weight}
        if after[0].weight == before[0].weight:
            assert before[0].reps is not None
            assert after[0].reps is not None
            assert after[0].reps >= before[0].reps
        else:
            assert after[0].weight == (before[0].weight or 0) + 5
            assert [s.reps for s in before] == [12, 12, 12]
            assert after[0].reps == 8
            load_ups += 1
    assert load_ups >= 6


def test_heavy_sets_come_after_warm_ups(history: list[DemoWorkout]) -> None:
    for session in history:
        lifts = [s for s in session.sets if s.drill_id == "romanian-deadlift"]
        heavy = working_sets(session, "romanian-deadlift")
        if not heavy or heavy[0].unit is not Unit.KG or (heavy[0].weight or 0) < 60:
            continue
        warm_ups = lifts[: len(lifts) - len(heavy)]
        assert warm_ups, session.workout.started_at
        assert all(s.kind is SetKind.WARMUP for s in warm_ups)
        assert [s.weight for s in warm_ups] == sorted(s.weight or 0 for s in warm_ups)
        assert all((s.weight or 0) < (heavy[0].weight or 0) for s in warm_ups)


def longest_stall(history: list[DemoWorkout], drill_id: str) -> int:
    """Days of the longest run of sessions at one load, every working set hard (RPE 9 or more)
    and the reps going nowhere."""
    sessions = [working_sets(s, drill_id) for s in history]
    kilos = [sets for sets in sessions if sets and sets[0].unit is Unit.KG]
    longest = 0
    for start, first in enumerate(kilos):
        for sets in kilos[start:]:
            hard = all((s.rpe or 0) >= 9 for s in sets)
            if sets[0].weight != first[0].weight or not hard:
                break
            if (sets[0].reps or 0) <= (first[0].reps or 0) + 1:
                longest = max(longest, (sets[0].performed_at - first[0].performed_at).days)
    return longest


def test_the_romanian_deadlift_stalls_for_about_two_months(history: list[DemoWorkout]) -> None:
    assert 50 <= longest_stall(history, PLATEAU_LIFT) <= 70
    for drill_id in ("hip-thrust", "kettlebell-deadlift", "front-loaded-rdl", "kettlebell-swing"):
        assert longest_stall(history, drill_id) < 21, drill_id


def test_the_charts_open_on_the_romanian_deadlift(history: list[DemoWorkout]) -> None:
    """The progress view opens on the drill with the most sets that count (not warm-ups, not
    checks): the demo makes that the main lift, with its progression and its plateau."""
    counted = Counter(
        s.drill_id for s in all_sets(history) if s.kind is not SetKind.WARMUP and s.result is None
    )
    assert counted.most_common(1)[0][0] == PLATEAU_LIFT


def test_activation_and_patterning_drills_stay_on_as_warm_ups(
    history: list[DemoWorkout],
) -> None:
    last_months = [s for s in all_sets(history) if s.performed_at > TODAY - timedelta(days=90)]
    warm_ups = {s.drill_id for s in last_months if s.kind is SetKind.WARMUP}
    assert {"glute-bridge", "single-leg-glute-bridge", "wall-hip-hinge", "dowel-hinge"} <= warm_ups


# Writing it ---------------------------------------------------------------------------------


def test_the_written_ladder_climbs_phase_by_phase_over_the_months(demo_store: Store) -> None:
    events = demo_store.ladder.events()
    phases = [event.phase for event in events]
    assert phases == sorted(phases)
    assert phases == list(Phase)
    assert [event.reason for event in events[1:4]] == [
        UnlockReason.SQUEEZE_FAILED,
        UnlockReason.SQUEEZE_PASSED,
        UnlockReason.STRAIGHT_LEG_RAISE,
    ]
    assert {event.reason for event in events[4:]} == {UnlockReason.EASY_SESSIONS}
    first, last = events[0].reached_at, events[-1].reached_at
    assert (last - first).days >= 120
    now = datetime.now().astimezone()
    assert all(now - event.reached_at > timedelta(days=7) for event in events)


def test_each_phase_is_dated_at_the_set_that_earned_it(demo_store: Store) -> None:
    for event in demo_store.ladder.events():
        at = int(event.reached_at.timestamp())
        found = demo_store.db.execute(
            "SELECT drill_id FROM sets WHERE performed_at = ?", [at]
        ).fetchone()
        assert found is not None, event


def test_the_written_workouts_are_finished_with_their_answers(demo_store: Store) -> None:
    assert 8_000 <= demo_store.sets.count() <= 15_000
    count = demo_store.workouts.count()
    listed = WorkoutListQueries(demo_store.db, demo_store.sets).workouts(None, count + 1)
    assert len(listed) == count
    assert not any(entry.in_progress for entry in listed)
    answered = demo_store.db.execute("SELECT count(*) FROM gate_answers").fetchone()[0]
    assert answered > 20
    assert demo_store.ladder.state(CATALOGUE).phase is Phase.SINGLE_LEG


def test_a_workout_written_at_once_reads_back_as_given(tmp_path: Path) -> None:
    store = open_store(tmp_path / "hinge.sqlite3")
    try:
        at = datetime(2024, 5, 1, 18, 0, tzinfo=ZONE)
        workout = Workout(at, at + timedelta(minutes=40), "builtin.phase-5", name="Ladder 5")
        sets = [
            LoggedSet("romanian-deadlift", at + timedelta(minutes=1), 1, reps=8, weight=60.0,
                      unit=Unit.KG, rpe=7.5),
            LoggedSet("b-stance-deadlift", at + timedelta(minutes=2), 1, reps=10, weight=35.0,
                      unit=Unit.LB, side=Side.LEFT, kind=SetKind.WARMUP),
            LoggedSet("aslr-test", at + timedelta(minutes=3), 1, reps=3,
                      result=CheckOutcome.PASS, measured=92.0),
        ]  # fmt: skip
        ids = add_workout_with_sets(store.db, workout, sets)
        (entry,) = WorkoutListQueries(store.db, store.sets).workouts(None, PAGE)
        assert entry.workout is not None
        assert entry.workout.started_at == at
        assert entry.workout.name == "Ladder 5"
        stored = store.sets.for_workout(entry.workout.id or 0)
        assert [s.id for s in stored] == ids
        assert stored == [replace(s, workout_id=entry.workout.id) for s in sets]
    finally:
        store.close()


def test_a_log_with_one_set_is_refused_and_left_as_it_was(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = data_dir / "hinge.sqlite3"
    store = open_store(database)
    store.sets.add(LoggedSet("glute-bridge", TODAY, reps=12))
    store.close()
    before = database.read_bytes()

    assert run_demo(data_dir) == 1

    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("hinge-desktop: ")
    assert str(database) in err
    assert "has 1 set already" in err
    assert "Nothing was changed" in err
    assert database.read_bytes() == before
    store = open_store(database)
    try:
        assert store.sets.count() == 1
        assert store.workouts.count() == 0
        assert store.ladder.events() == []
    finally:
        store.close()


def test_an_older_log_with_sets_is_refused_without_being_migrated(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from old_database import older_log_with_a_set

    database = data_dir / "hinge.sqlite3"
    older_log_with_a_set(database, 3).close()
    before = database.read_bytes()

    assert run_demo(data_dir) == 1

    assert "has 1 set already" in capsys.readouterr().err
    assert database.read_bytes() == before
    assert not database.with_name("hinge.sqlite3-wal").exists()


@pytest.mark.slow
def test_demo_and_export_together_export_the_demo(data_dir: Path) -> None:
    out = data_dir.parent / "log.csv"
    result = run_hinge("--data-dir", str(data_dir), "--demo", "--export", str(out))
    assert result.returncode == 0, result.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("date,workout,drill_id,drill,")
    assert len(lines) > 8_000


def test_an_empty_folder_is_filled_once(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_demo(data_dir) is None
    out, err = capsys.readouterr()
    assert err == ""
    assert out.startswith("Added a demo history: ")
    assert " sets from " in out
    store = open_store(data_dir / "hinge.sqlite3")
    count = store.sets.count()
    store.close()
    assert f"{count:,} sets" in out

    assert run_demo(data_dir) == 1
    assert f"has {count:,} sets already" in capsys.readouterr().err
    store = open_store(data_dir / "hinge.sqlite3")
    try:
        assert store.sets.count() == count
    finally:
        store.close()


def test_a_data_folder_that_is_a_file_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    assert run_demo(blocker) == 2
    assert f"The data folder {blocker} exists but is not a folder" in capsys.readouterr().err


def test_a_file_of_another_program_is_refused_untouched(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = data_dir / "hinge.sqlite3"
    other = sqlite3.connect(database)
    other.execute("CREATE TABLE notes (text TEXT)")
    other.execute("INSERT INTO notes VALUES ('not Hinge''s')")
    other.commit()
    other.close()
    before = database.read_bytes()
    assert run_demo(data_dir) == 2
    assert f"The file {database} is an SQLite database of another program" in (
        capsys.readouterr().err
    )
    assert database.read_bytes() == before


# The command line ---------------------------------------------------------------------------


@pytest.mark.slow
def test_demo_then_screenshot_and_a_second_demo_is_refused(data_dir: Path) -> None:
    from screenshots import chart_ink

    out = data_dir.parent / "history.png"
    result = run_hinge("--data-dir", str(data_dir), "--demo", "--screenshot", "history", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Added a demo history: ")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # The chart is drawn: the area left of the records holds the line in Hinge's green.
    assert chart_ink(out) > 200

    again = data_dir.parent / "again.png"
    result = run_hinge("--data-dir", str(data_dir), "--demo", "--screenshot", "drills", str(again))
    assert result.returncode == 1
    assert "hinge-desktop: --demo only fills an empty training log" in result.stderr
    assert "Nothing was changed" in result.stderr
    assert not again.exists()


def test_a_drill_that_changes_side_every_rep_is_logged_as_one_set_of_both_sides(
    history: list[DemoWorkout],
) -> None:
    dead_bugs = [s for s in all_sets(history) if s.drill_id == "dead-bug"]
    per_side = CATALOGUE.get("dead-bug").prescription.reps
    assert dead_bugs
    assert all(s.side is None and s.reps == 2 * per_side for s in dead_bugs)
