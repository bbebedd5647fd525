"""History's list of workouts as storage reads it: entries newest first with their figures,
quick-logged sets one entry per local day, pages that follow on by keyset, and the sets of an
entry in the order done; on a real database."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from hinge_desktop.domain.training import LB_PER_KG, LoggedSet, Unit, Workout
from hinge_desktop.storage.store import Store
from hinge_desktop.storage.workout_list_queries import (
    PAGE,
    QUICK,
    WORKOUT,
    LogEntry,
    WorkoutListPages,
    WorkoutListQueries,
    local_day,
)

ZONE = timezone(timedelta(hours=10))
MORNING = datetime(2026, 3, 2, 7, 0, tzinfo=ZONE)


def queries(store: Store) -> WorkoutListQueries:
    return WorkoutListQueries(store.db, store.sets)


def add_workout(
    store: Store, started_at: datetime, sets: list[LoggedSet], minutes: int | None = 30
) -> Workout:
    ended = started_at + timedelta(minutes=minutes) if minutes is not None else None
    workout = store.workouts.start(Workout(started_at=started_at, ended_at=ended, name="W"))
    for logged in sets:
        store.sets.add(replace(logged, workout_id=workout.id))
    return workout


def every_page(pages: WorkoutListPages) -> list[list[LogEntry]]:
    read = []
    while pages.has_more():
        page = pages.next_page()
        if not page:
            break
        read.append(page)
    return read


def test_workouts_come_newest_first_with_their_figures(store: Store) -> None:
    rdl = "romanian-deadlift"
    loaded = add_workout(
        store,
        MORNING,
        [
            LoggedSet(rdl, MORNING + timedelta(minutes=1), 1, reps=8, weight=40.0, unit=Unit.KG),
            LoggedSet(rdl, MORNING + timedelta(minutes=3), 2, reps=8, weight=22.0, unit=Unit.LB),
            LoggedSet("dead-bug", MORNING + timedelta(minutes=5), 1, hold_seconds=20.0),
        ],
        minutes=42,
    )
    later = add_workout(store, MORNING + timedelta(days=1), [], minutes=None)
    with store.db.atomic():
        store.db.execute(
            "INSERT INTO workout_progress (workout_id, plan, step_index, updated_at) "
            "VALUES (?, '{}', 0, 0)",
            [later.id],
        )
    newest, older = queries(store).workouts(None, PAGE)
    assert (newest.key, older.key) == ((WORKOUT, later.id), (WORKOUT, loaded.id))
    assert newest.in_progress
    assert not older.in_progress
    assert (newest.set_count, newest.drill_ids, newest.volume_kg) == (0, (), 0)
    assert newest.duration is None
    assert older.started_at == MORNING
    assert older.duration == timedelta(minutes=42)
    assert older.set_count == 3
    assert sorted(older.drill_ids) == ["dead-bug", rdl]
    assert older.total_reps == 16
    assert older.total_seconds == 20.0
    assert older.volume_kg == pytest.approx(8 * 40 + 8 * 22 / LB_PER_KG)
    assert not older.is_quick


def test_quick_logged_sets_are_one_entry_per_local_day(store: Store) -> None:
    # 23:30 and 00:30 the next morning, ten hours east of UTC: two local days, one UTC day.
    late = datetime(2026, 3, 2, 23, 30, tzinfo=ZONE)
    early = late + timedelta(hours=1)
    store.sets.add(LoggedSet("glute-bridge", late - timedelta(hours=2), 1, reps=10))
    store.sets.add(LoggedSet("dead-bug", late, 2, reps=6, weight=10.0, unit=Unit.KG))
    store.sets.add(LoggedSet("glute-bridge", early, 1, reps=12))
    add_workout(store, late - timedelta(hours=1), [LoggedSet("dead-bug", late, 1, reps=5)])
    second, first = queries(store).quick_days(None, PAGE)
    assert second.key == (QUICK, local_day(early))
    assert first.key == (QUICK, local_day(late)) == (QUICK, local_day(early) - 1)
    assert first.is_quick
    assert first.workout is None
    assert not first.in_progress
    assert first.started_at == late - timedelta(hours=2)
    assert (first.set_count, first.total_reps, first.volume_kg) == (2, 16, 60.0)
    assert sorted(first.drill_ids) == ["dead-bug", "glute-bridge"]
    assert (second.set_count, second.drill_ids, second.volume_kg) == (1, ("glute-bridge",), 0)
    assert queries(store).quick_days(local_day(early), PAGE) == [first]


def test_a_page_follows_on_after_the_last_entry_read(store: Store) -> None:
    # Four workouts started in the same second, and one earlier: none read twice or skipped.
    same = [add_workout(store, MORNING, []) for _ in range(4)]
    earlier = add_workout(store, MORNING - timedelta(hours=1), [])
    read = queries(store).workouts(None, 2)
    last = read[-1]
    read += queries(store).workouts((int(last.started_at.timestamp()), last.key[1]), 10)
    assert [e.key[1] for e in read] == [w.id for w in reversed(same)] + [earlier.id]


def test_the_pages_merge_workouts_and_quick_days_newest_first(store: Store) -> None:
    expected = []
    with store.db.atomic():
        for day in range(260):
            at = MORNING + timedelta(days=day)
            if day % 5 == 0:
                store.sets.add(LoggedSet("glute-bridge", at, 1, reps=10))
                expected.append((QUICK, local_day(at)))
            else:
                workout = add_workout(store, at, [LoggedSet("wall-hip-hinge", at, 1, reps=10)])
                expected.append((WORKOUT, workout.id))
    expected.reverse()
    pages = every_page(WorkoutListPages(queries(store)))
    assert [len(page) for page in pages] == [PAGE, PAGE, 60]
    assert [entry.key for page in pages for entry in page] == expected


def test_an_empty_list_has_nothing_more_after_its_first_page(store: Store) -> None:
    pages = WorkoutListPages(queries(store))
    assert pages.has_more()
    assert pages.next_page() == []
    assert not pages.has_more()


def test_the_sets_of_an_entry_come_in_the_order_done(store: Store) -> None:
    at = MORNING
    # Logged out of order, as a circuit interleaves drills and an edit moves a set.
    workout = add_workout(
        store,
        at,
        [
            LoggedSet("dead-bug", at + timedelta(minutes=4), 2, reps=6),
            LoggedSet("glute-bridge", at + timedelta(minutes=1), 1, reps=10),
            LoggedSet("dead-bug", at + timedelta(minutes=2), 1, reps=6),
        ],
    )
    shown = queries(store).sets_of((WORKOUT, workout.id or 0))
    assert [(s.drill_id, s.set_number) for s in shown] == [
        ("glute-bridge", 1),
        ("dead-bug", 1),
        ("dead-bug", 2),
    ]
    noon = at.replace(hour=12)
    store.sets.add(LoggedSet("kettlebell-swing", noon + timedelta(minutes=5), 2, reps=15))
    store.sets.add(LoggedSet("kettlebell-swing", noon, 1, reps=15))
    store.sets.add(LoggedSet("kettlebell-swing", noon + timedelta(days=1), 1, reps=15))
    quick = queries(store).sets_of((QUICK, local_day(noon)))
    assert [(s.performed_at, s.set_number) for s in quick] == [
        (noon, 1),
        (noon + timedelta(minutes=5), 2),
    ]
