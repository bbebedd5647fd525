"""The database: created by migrations, refuses what it must not touch, keeps every set."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hinge_desktop import __version__
from hinge_desktop.domain.training import InvalidSet, LoggedSet, SetKind, Side, Unit, Workout
from hinge_desktop.storage import timecodec
from hinge_desktop.storage.database import (
    BUSY_TIMEOUT_SECONDS,
    inspect_file,
    is_open,
    open_connection,
    open_database,
)
from hinge_desktop.storage.errors import (
    DatabaseFailed,
    DatabaseTooNew,
    NotAHingeDatabase,
    StorageError,
)
from hinge_desktop.storage.migrations import (
    APPLICATION_ID,
    LATEST_FORMAT,
    MIGRATIONS,
)
from hinge_desktop.storage.store import Store, open_store

BERLIN_SUMMER = timezone(timedelta(hours=2))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_an_empty_file_is_migrated_to_the_latest_schema(data_dir: Path) -> None:
    path = data_dir / "hinge.sqlite3"
    path.touch()
    db = open_database(path)
    try:
        assert {"workouts", "sets", "hinge_meta"} <= set(db.table_names())
        assert db.execute("PRAGMA user_version").fetchone()[0] == LATEST_FORMAT
        assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert db.table("hinge_meta").get("schema_written_by")["value"] == __version__
        applied = db.execute("SELECT name FROM _sqlite_migrations").fetchall()
        assert [row[0] for row in applied] == [m.__name__ for m in MIGRATIONS]
    finally:
        db.close()


def test_reopening_applies_nothing_twice(data_dir: Path) -> None:
    path = data_dir / "hinge.sqlite3"
    open_database(path).close()
    db = open_database(path)
    try:
        assert db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] == LATEST_FORMAT
    finally:
        db.close()


def test_a_database_from_a_newer_hinge_is_refused_and_left_untouched(data_dir: Path) -> None:
    path = data_dir / "hinge.sqlite3"
    db = open_database(path)
    db.execute(f"PRAGMA user_version = {LATEST_FORMAT + 3}")
    db.table("hinge_meta").upsert({"key": "schema_written_by", "value": "9.4.0"}, pk="key")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    before = _digest(path)

    with pytest.raises(DatabaseTooNew) as refused:
        open_database(path)

    message = str(refused.value)
    assert "Hinge 9.4.0" in message
    assert f"Hinge {__version__}" in message
    assert str(path) in message
    assert _digest(path) == before
    assert not path.with_name(path.name + "-wal").exists()


def test_migrations_unknown_to_this_version_mean_a_newer_database(data_dir: Path) -> None:
    path = data_dir / "hinge.sqlite3"
    db = open_database(path)
    db.table("_sqlite_migrations").insert(
        {"migration_set": "hinge", "name": "m999_future", "applied_at": "2030-01-01"}
    )
    db.close()
    with pytest.raises(DatabaseTooNew):
        open_database(path)


def test_another_programs_database_is_refused(data_dir: Path) -> None:
    path = data_dir / "hinge.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(NotAHingeDatabase, match="another program"):
        open_database(path)
    assert _digest(path) == before


def test_a_file_that_is_not_a_database_is_refused(data_dir: Path) -> None:
    path = data_dir / "hinge.sqlite3"
    path.write_bytes(b"this is a shopping list, not a database\n" * 100)
    with pytest.raises(NotAHingeDatabase, match="damaged or is not a Hinge database"):
        inspect_file(path)
    assert path.read_bytes().startswith(b"this is a shopping list")


def test_a_logged_set_reads_back_exactly(store: Store) -> None:
    workout = store.workouts.start(
        Workout(started_at=datetime(2026, 6, 1, 7, 30, tzinfo=BERLIN_SUMMER), routine_id="am")
    )
    logged = store.sets.add(
        LoggedSet(
            drill_id="kettlebell-deadlift",
            performed_at=datetime(2026, 6, 1, 7, 41, 5, tzinfo=BERLIN_SUMMER),
            workout_id=workout.id,
            set_number=2,
            reps=8,
            weight=24.0,
            unit=Unit.KG,
            side=Side.LEFT,
            band="green",
            rpe=7.5,
            kind=SetKind.WARMUP,
            note="felt the hamstrings",
        )
    )
    assert logged.id is not None
    again = store.sets.get(logged.id)
    assert again == logged
    assert again.performed_at.utcoffset() == timedelta(hours=2)
    assert store.sets.for_workout(workout.id) == [logged]
    assert list(store.sets.for_drill("kettlebell-deadlift")) == [logged]


def test_several_sets_are_written_all_or_nothing(store: Store) -> None:
    now = datetime.now(UTC)
    good = LoggedSet(drill_id="glute-bridge", performed_at=now, reps=12)
    orphan = LoggedSet(drill_id="glute-bridge", performed_at=now, reps=12, workout_id=424242)
    with pytest.raises(sqlite3.IntegrityError):
        store.sets.add_many([good, good, orphan])
    assert store.sets.count() == 0


def test_finishing_a_workout_records_its_end(store: Store) -> None:
    start = datetime(2026, 1, 5, 18, 0, tzinfo=UTC)
    workout = store.workouts.start(Workout(started_at=start, drill_id="glute-bridge"))
    assert workout.id is not None
    store.workouts.finish(workout.id, start + timedelta(minutes=25))
    assert store.workouts.get(workout.id).ended_at == start + timedelta(minutes=25)
    with pytest.raises(KeyError):
        store.workouts.finish(workout.id + 1, start)


def test_deleting_a_workout_deletes_its_sets(store: Store) -> None:
    start = datetime(2026, 1, 5, 18, 0, tzinfo=UTC)
    workout = store.workouts.start(Workout(started_at=start))
    store.sets.add(LoggedSet(drill_id="dead-bug", performed_at=start, workout_id=workout.id))
    store.db.execute("DELETE FROM workouts WHERE id = ?", [workout.id])
    assert store.sets.count() == 0


def test_the_database_itself_refuses_impossible_values(store: Store) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        store.db.execute(
            "INSERT INTO sets (drill_id, performed_at, utc_offset, set_number, weight) "
            "VALUES ('rdl', 0, 0, 1, 40)"
        )


@given(
    moment=st.datetimes(
        min_value=datetime(1970, 1, 2),
        max_value=datetime(2200, 1, 1),
        timezones=st.sampled_from([UTC, BERLIN_SUMMER, timezone(timedelta(hours=-9, minutes=-30))]),
    )
)
def test_moments_survive_storage_to_the_second_with_their_offset(moment: datetime) -> None:
    stored = timecodec.decode(*timecodec.encode(moment))
    assert stored == moment.replace(microsecond=0)
    assert stored.utcoffset() == moment.utcoffset()


def test_invalid_sets_never_reach_the_database() -> None:
    with pytest.raises(InvalidSet) as refused:
        LoggedSet(drill_id="rdl", performed_at=datetime.now(UTC), reps=20_000)
    assert refused.value.field_name == "reps"


def test_a_start_interrupted_during_the_first_migration_can_be_finished(data_dir: Path) -> None:
    path = data_dir / "hinge.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("CREATE TABLE _sqlite_migrations (migration_set TEXT, name TEXT, applied_at TEXT)")
    conn.commit()
    conn.close()
    db = open_database(path)
    try:
        assert "sets" in db.table_names()
        assert db.execute("PRAGMA user_version").fetchone()[0] == LATEST_FORMAT
    finally:
        db.close()


def test_a_newer_hinges_database_is_refused_while_its_log_is_not_yet_merged(
    data_dir: Path,
) -> None:
    path = data_dir / "hinge.sqlite3"
    open_database(path).close()
    newer = sqlite3.connect(path)
    newer.execute("PRAGMA wal_autocheckpoint = 0")
    newer.execute(f"PRAGMA user_version = {LATEST_FORMAT + 1}")
    newer.commit()
    try:
        before = _digest(path)
        with pytest.raises(DatabaseTooNew):
            open_database(path)
        assert _digest(path) == before
    finally:
        newer.close()


def test_a_damaged_schema_page_is_reported_as_a_storage_error(data_dir: Path) -> None:
    path = data_dir / "hinge.sqlite3"
    open_database(path).close()
    data = bytearray(path.read_bytes())
    data[100:600] = b"\x13" * 500  # page 1 past the header: the schema itself
    path.write_bytes(bytes(data))
    with pytest.raises(StorageError):
        open_database(path)


def test_a_database_of_the_first_format_keeps_its_sets_when_migrated(data_dir: Path) -> None:
    from old_database import older_log_with_a_set

    path = data_dir / "hinge.sqlite3"
    older_log_with_a_set(path, 1).close()

    store = open_store(path)
    try:
        assert store.data_format == LATEST_FORMAT
        assert store.sets.count() == 1
        store.favourites.set("glute-bridge", True)
        assert store.favourites.all() == {"glute-bridge"}
    finally:
        store.close()


def test_a_closed_database_is_told_apart_from_an_open_one(data_dir: Path) -> None:
    store = open_store(data_dir / "hinge.sqlite3")
    assert is_open(store.db)
    store.close()
    assert not is_open(store.db)
    # What using it raises is what the layers above catch a database failure by.
    with pytest.raises(DatabaseFailed):
        store.sets.count()


def test_a_connection_of_its_own_waits_for_a_busy_database_as_the_apps_does(
    store: Store,
) -> None:
    conn = open_connection(store.path)
    try:
        timeout_ms = conn.execute("PRAGMA busy_timeout").fetchone()[0]
        assert timeout_ms == BUSY_TIMEOUT_SECONDS * 1000
        assert conn.execute("SELECT count(*) FROM sets").fetchone() == (0,)
    finally:
        conn.close()


def test_favourites_are_starred_once_and_unstarred(data_dir: Path) -> None:
    store = open_store(data_dir / "hinge.sqlite3")
    try:
        store.favourites.set("dead-bug", True)
        store.favourites.set("dead-bug", True)
        store.favourites.set("hip-thrust", True)
        store.favourites.set("hip-thrust", False)
        store.favourites.set("never-starred", False)
        assert store.favourites.all() == {"dead-bug"}
        with pytest.raises(ValueError, match="drill id"):
            store.favourites.set("", True)
    finally:
        store.close()


def test_undoing_a_delete_brings_back_the_ladder_answers_too(store: Store) -> None:
    from hinge_desktop.domain.ladder import GateAnswers

    when = datetime(2026, 11, 20, 9, 0, tzinfo=BERLIN_SUMMER)
    workout = store.workouts.start(Workout(started_at=when, name="Patterning"))
    logged = store.sets.add(LoggedSet("wall-hip-hinge", when, reps=10, workout_id=workout.id))
    assert logged.id is not None
    answers = GateAnswers(True, True, False)
    store.ladder.record_answers(logged.id, answers)

    removed = store.sets.delete(logged.id)
    assert store.ladder.answers_for(logged.id) is None
    store.sets.restore(removed)
    assert store.ladder.answers_for(logged.id) == answers

    assert workout.id is not None
    deleted = store.workouts.delete(workout.id)
    assert store.ladder.answers_for(logged.id) is None
    store.workouts.restore(deleted)
    assert store.ladder.answers_for(logged.id) == answers


def test_what_puts_a_deleted_set_back_is_kept_by_the_caller_not_the_repository(
    store: Store,
) -> None:
    """An undo still works after Hinge opened the log anew (as after a restore rebuilds the
    window): the deleted set and workout come back whole from what the delete returned."""
    from hinge_desktop.domain.ladder import GateAnswers

    when = datetime(2026, 11, 20, 9, 0, tzinfo=BERLIN_SUMMER)
    workout = store.workouts.start(Workout(started_at=when, name="Patterning"))
    assert workout.id is not None
    logged = store.sets.add(LoggedSet("wall-hip-hinge", when, reps=10, workout_id=workout.id))
    assert logged.id is not None
    store.ladder.record_answers(logged.id, GateAnswers(True, False, True))
    removed = store.sets.delete(logged.id)
    deleted = store.workouts.delete(workout.id)
    store.close()

    again = open_store(store.path)
    try:
        again.workouts.restore(deleted)
        again.sets.restore(removed)
        assert again.sets.get(logged.id) == logged
        assert again.workouts.get(workout.id) == workout
        assert again.ladder.answers_for(logged.id) == GateAnswers(True, False, True)
    finally:
        again.close()
