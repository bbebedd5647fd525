"""The progress charts' queries: the SQL aggregates agree with the domain's statistics, the
daily roll-up follows every insert, change and delete, and the queries read indexes only."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hinge_desktop.domain.statistics import (
    SessionFigures,
    counts_towards_progress,
    session_figures,
    set_volume,
    weekly_totals,
)
from hinge_desktop.domain.training import CheckOutcome, LoggedSet, SetKind, Unit, Workout
from hinge_desktop.storage.progress_queries import HistoryQueries, read_progress
from hinge_desktop.storage.store import Store, open_store

ZONES = [
    UTC,
    timezone(timedelta(hours=2)),
    timezone(timedelta(hours=-9, minutes=-30)),
    timezone(timedelta(hours=13)),
]


Roll = tuple[int, int, int, float, float]


def _rebuilt_roll_up(store: Store) -> dict[tuple[str, date], Roll]:
    """``drill_days`` as it should be, worked out in Python from every stored set."""
    days: dict[tuple[str, date], list[float]] = defaultdict(lambda: [0, 0, 0, 0.0, 0.0])
    for logged in store.sets.all():
        row = days[(logged.drill_id, logged.performed_at.date())]
        row[0] += 1
        if counts_towards_progress(logged):
            row[1] += 1
            row[2] += logged.reps or 0
            row[3] += logged.hold_seconds or 0.0
            row[4] += set_volume(logged.weight, logged.unit, logged.reps)
    return {key: (int(v[0]), int(v[1]), int(v[2]), v[3], v[4]) for key, v in days.items()}


def _stored_roll_up(store: Store) -> dict[tuple[str, date], Roll]:
    rows = store.db.execute(
        "SELECT drill_id, day, sets, counted, reps, hold_seconds, volume_kg FROM drill_days"
    )
    return {
        (drill_id, date(1970, 1, 1) + timedelta(days=day)): (sets, counted, reps, hold, volume)
        for drill_id, day, sets, counted, reps, hold, volume in rows
    }


def _assert_same_roll_up(store: Store) -> None:
    stored, expected = _stored_roll_up(store), _rebuilt_roll_up(store)
    assert stored.keys() == expected.keys()
    for key, (sets, counted, reps, hold, volume) in expected.items():
        got = stored[key]
        assert got[:3] == (sets, counted, reps), key
        assert got[3] == pytest.approx(hold, abs=1e-6), key
        assert got[4] == pytest.approx(volume, abs=1e-6), key


def _same_sessions(got: list[SessionFigures], expected: list[SessionFigures]) -> None:
    assert [s.day for s in got] == [s.day for s in expected]
    for a, b in zip(got, expected, strict=True):
        assert (a.sets, a.total_reps, a.best_reps) == (b.sets, b.total_reps, b.best_reps), a.day
        for field in ("longest_hold", "top_weight_kg", "best_e1rm_kg"):
            x, y = getattr(a, field), getattr(b, field)
            assert (x is None) == (y is None), (a.day, field)
            if x is not None:
                assert x == pytest.approx(y, rel=1e-9), (a.day, field)
        assert a.volume_kg == pytest.approx(b.volume_kg, rel=1e-9, abs=1e-9)


def test_a_session_mixing_kg_and_lb_warm_ups_and_a_check(store: Store) -> None:
    zone = timezone(timedelta(hours=1))
    day = datetime(2026, 3, 2, 18, 0, tzinfo=zone)
    store.sets.add_many(
        [
            LoggedSet(
                "romanian-deadlift", day, 1, reps=8, weight=40, unit=Unit.KG, kind=SetKind.WARMUP
            ),
            LoggedSet("romanian-deadlift", day, 2, reps=8, weight=60, unit=Unit.KG),
            LoggedSet("romanian-deadlift", day, 3, reps=5, weight=143.3, unit=Unit.LB),
            LoggedSet(
                "romanian-deadlift", day + timedelta(days=1), 1, reps=1, weight=70, unit=Unit.KG
            ),
            LoggedSet("glute-squeeze-test", day, 1, result=CheckOutcome.FAIL),
        ]
    )
    sessions = HistoryQueries(store.db).sessions("romanian-deadlift")
    first, second = sessions
    assert first.sets == 2  # the warm-up does not count
    assert first.total_reps == 13
    assert first.best_reps == 8
    assert first.top_weight_kg == pytest.approx(65.0, abs=0.01)  # 143.3 lb
    assert first.volume_kg == pytest.approx(60 * 8 + 65.0 * 5, abs=0.1)
    # Epley: 60 × (1 + 8/30) = 76.0 beats 65.0 × (1 + 5/30) = 75.8
    assert first.best_e1rm_kg == pytest.approx(76.0)
    assert second.best_e1rm_kg == 70  # a single is its own 1RM
    # The check is on the calendar but has no figures of its own.
    assert HistoryQueries(store.db).sessions("glute-squeeze-test") == []
    counts = HistoryQueries(store.db).day_counts(date(2026, 3, 1), date(2026, 3, 31))
    assert counts == {date(2026, 3, 2): 4, date(2026, 3, 3): 1}


def test_the_local_day_decides_the_session_even_across_midnight_utc(store: Store) -> None:
    tokyo = timezone(timedelta(hours=9))
    store.sets.add(LoggedSet("glute-bridge", datetime(2026, 1, 1, 7, 30, tzinfo=tokyo), reps=12))
    store.sets.add(LoggedSet("glute-bridge", datetime(2025, 12, 31, 23, 30, tzinfo=tokyo), reps=10))
    sessions = HistoryQueries(store.db).sessions("glute-bridge")
    assert [(s.day, s.total_reps) for s in sessions] == [
        (date(2025, 12, 31), 10),
        (date(2026, 1, 1), 12),
    ]


def test_drills_come_most_trained_first(store: Store) -> None:
    moment = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
    store.sets.add_many(
        [LoggedSet("dead-bug", moment, n, reps=8) for n in range(1, 3)]
        + [LoggedSet("hip-thrust", moment + timedelta(days=d), 1, reps=10) for d in range(3)]
        # Warm-ups and checks do not make a drill the most trained.
        + [LoggedSet("glute-bridge", moment, n, reps=12, kind=SetKind.WARMUP) for n in range(1, 6)]
        + [LoggedSet("glute-squeeze-test", moment, n, result=CheckOutcome.PASS) for n in (1, 2)]
    )
    drills = HistoryQueries(store.db).drills()
    assert [(d.drill_id, d.sets, d.days) for d in drills] == [
        ("hip-thrust", 3, 3),
        ("dead-bug", 2, 1),
        ("glute-bridge", 0, 1),
        ("glute-squeeze-test", 0, 1),
    ]
    assert drills[0].last_day == date(2026, 5, 6)


def test_progress_is_read_for_the_drill_asked_or_else_the_most_trained(store: Store) -> None:
    moment = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
    store.sets.add_many(
        [LoggedSet("dead-bug", moment, n, reps=8) for n in range(1, 3)]
        + [LoggedSet("hip-thrust", moment + timedelta(days=d), 1, reps=10) for d in range(3)]
        + [LoggedSet("glute-bridge", moment, n, reps=12, kind=SetKind.WARMUP) for n in (1, 2)]
    )
    first, last = date(2026, 5, 1), date(2026, 5, 5)
    asked = read_progress(store.db, "dead-bug", first, last)
    assert [d.drill_id for d in asked.drills] == ["hip-thrust", "dead-bug", "glute-bridge"]
    assert asked.drill is not None
    assert asked.drill.drill_id == "dead-bug"
    assert [s.total_reps for s in asked.drill.sessions] == [16]
    assert asked.drill.set_series.reps == [8, 8]
    assert [(w.monday, w.reps) for w in asked.drill.weeks] == [(date(2026, 5, 4), 16)]
    # The calendar's days from the first to the last asked, every drill and set together.
    assert asked.day_counts == {date(2026, 5, 4): 5, date(2026, 5, 5): 1}
    assert asked.training_weeks == [date(2026, 5, 4)]
    assert asked.phases == store.ladder.events()
    # A drill not asked for, one with warm-ups only or one never trained: the most trained.
    for other in (None, "glute-bridge", "kettlebell-swing"):
        reading = read_progress(store.db, other, first, last)
        assert reading.drill is not None
        assert reading.drill.drill_id == "hip-thrust"
    assert not store.db.conn.in_transaction  # the read transaction is over


def test_warm_ups_and_checks_alone_give_progress_no_drill_to_chart(store: Store) -> None:
    moment = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
    store.sets.add(LoggedSet("glute-squeeze-test", moment, result=CheckOutcome.FAIL))
    store.sets.add(LoggedSet("glute-bridge", moment, reps=12, kind=SetKind.WARMUP))
    reading = read_progress(store.db, None, date(2026, 5, 1), date(2026, 5, 31))
    assert reading.drill is None
    assert sorted(d.drill_id for d in reading.drills) == ["glute-bridge", "glute-squeeze-test"]
    assert reading.day_counts == {date(2026, 5, 4): 2}
    assert read_progress(store.db, None, date(2026, 6, 1), date(2026, 6, 30)).day_counts == {}


def test_weeks_run_monday_to_sunday_across_a_year_end(store: Store) -> None:
    zone = UTC
    for day, reps in ((date(2025, 12, 28), 5), (date(2025, 12, 29), 6), (date(2026, 1, 4), 7)):
        moment = datetime(day.year, day.month, day.day, 12, tzinfo=zone)
        store.sets.add(LoggedSet("dead-bug", moment, reps=reps))
    weeks = HistoryQueries(store.db).weeks("dead-bug")
    assert [(w.monday, w.reps) for w in weeks] == [
        (date(2025, 12, 22), 5),
        (date(2025, 12, 29), 13),
    ]
    assert HistoryQueries(store.db).training_weeks() == [date(2025, 12, 22), date(2025, 12, 29)]


def test_deleting_a_workout_takes_its_sets_out_of_the_roll_up(store: Store) -> None:
    start = datetime(2026, 1, 5, 18, 0, tzinfo=UTC)
    workout = store.workouts.start(Workout(started_at=start))
    store.sets.add(LoggedSet("dead-bug", start, reps=8, workout_id=workout.id))
    store.sets.add(LoggedSet("dead-bug", start, 2, reps=8))
    store.workouts.delete(workout.id or 0)
    assert _stored_roll_up(store) == {("dead-bug", date(2026, 1, 5)): (1, 1, 8, 0.0, 0.0)}


def test_queries_read_indexes_not_the_sets_table(store: Store) -> None:
    def plan(sql: str, *args: object) -> str:
        rows = store.db.execute(f"EXPLAIN QUERY PLAN {sql}", list(args)).fetchall()
        return " | ".join(row[-1] for row in rows)

    queries = HistoryQueries(store.db)
    captured: list[str] = []
    original = store.db.execute

    def capture(sql: str, params: object = None) -> sqlite3.Cursor:
        captured.append(sql)
        return original(sql, params) if params is not None else original(sql)

    store.db.execute = capture  # type: ignore[method-assign]
    try:
        queries.sessions("dead-bug")
        queries.set_series("dead-bug")
    finally:
        store.db.execute = original  # type: ignore[method-assign]
    for sql in captured:
        detail = plan(sql, "dead-bug")
        assert "COVERING INDEX sets_for_progress" in detail, detail
    assert "drill_days" in plan("SELECT sum(sets) FROM drill_days WHERE day BETWEEN ? AND ?", 0, 9)
    assert "COVERING INDEX drill_days_by_day" in plan(
        "SELECT day, sum(sets) FROM drill_days WHERE day BETWEEN ? AND ? GROUP BY day", 0, 9
    )


def test_a_format_3_database_gets_its_roll_up_from_the_sets_it_has(data_dir: Path) -> None:
    from old_database import older_database

    path = data_dir / "hinge.sqlite3"
    old = older_database(path, 3)
    rows = [
        ("glute-bridge", 1_700_000_000, 60, 1, 12, None, None, None, "working"),
        ("glute-bridge", 1_700_000_100, 60, 2, 10, None, None, None, "working"),
        ("hip-thrust", 1_700_000_200, 60, 1, 10, None, 100, "lb", "working"),
        ("hip-thrust", 1_700_000_300, 60, 2, 10, None, 20, "kg", "warmup"),
    ]
    old.conn.executemany(
        "INSERT INTO sets (drill_id, performed_at, utc_offset, set_number, reps, hold_seconds, "
        "weight, unit, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    old.conn.commit()
    old.close()
    store = open_store(path)
    try:
        _assert_same_roll_up(store)
        assert len(_stored_roll_up(store)) == 2
    finally:
        store.close()


drills = st.sampled_from(["romanian-deadlift", "glute-bridge", "roll-stretch-hamstrings"])
moments = st.datetimes(
    min_value=datetime(2016, 1, 1), max_value=datetime(2027, 1, 1), timezones=st.sampled_from(ZONES)
)


@st.composite
def logged_sets(draw: st.DrawFn) -> LoggedSet:
    check = draw(st.booleans()) and draw(st.booleans())
    weight = draw(st.none() | st.floats(min_value=0, max_value=200, allow_nan=False))
    return LoggedSet(
        drill_id=draw(drills),
        performed_at=draw(moments),
        reps=draw(st.none() | st.integers(min_value=0, max_value=30)),
        hold_seconds=draw(st.none() | st.floats(min_value=0, max_value=120, allow_nan=False)),
        weight=weight,
        unit=None if weight is None else draw(st.sampled_from(list(Unit))),
        kind=draw(st.sampled_from(list(SetKind))),
        result=CheckOutcome.PASS if check else None,
    )


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    sets=st.lists(logged_sets(), min_size=1, max_size=30),
    changes=st.lists(st.tuples(st.integers(0, 29), logged_sets() | st.none()), max_size=8),
)
def test_sql_agrees_with_the_domain_through_inserts_changes_and_deletes(
    tmp_path_factory: pytest.TempPathFactory,
    sets: list[LoggedSet],
    changes: list[tuple[int, LoggedSet | None]],
) -> None:
    store = open_store(tmp_path_factory.mktemp("db") / "hinge.sqlite3")
    try:
        stored = store.sets.add_many(sets)
        for index, replacement in changes:
            if index >= len(stored) or stored[index] is None:
                continue
            target = stored[index]
            if replacement is None:
                store.sets.delete(target.id or 0)
                stored[index] = None  # type: ignore[call-overload]
            else:
                changed = LoggedSet(**{**replacement.__dict__, "id": target.id})
                store.sets.update(changed)
        _assert_same_roll_up(store)
        queries = HistoryQueries(store.db)
        every = list(store.sets.all())
        for drill_id in {s.drill_id for s in every}:
            mine = [s for s in every if s.drill_id == drill_id]
            _same_sessions(queries.sessions(drill_id), session_figures(mine))
            expected_weeks = weekly_totals(
                (s.performed_at.date(), float(s.reps or 0))
                for s in mine
                if counts_towards_progress(s)
            )
            got_weeks = [(w.monday, float(w.reps)) for w in queries.weeks(drill_id)]
            # The roll-up has a week for every set, counted or not; weeks without counted reps
            # total 0 there.
            assert [w for w in got_weeks if w[1]] == [w for w in expected_weeks if w[1]]
    finally:
        store.close()
