"""Backups: consistent copies made while the log is open, rotated, listed and restored."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from log_files import sets_in

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.training import LoggedSet
from hinge_desktop.storage.backup_rotation import daily_backup, prune_backups
from hinge_desktop.storage.backups import (
    KEEP_DAILY,
    KEEP_EACH_OTHER,
    KEEP_WEEKLY,
    Backup,
    back_up,
    backups_folder,
    list_backups,
)
from hinge_desktop.storage.database import open_reader
from hinge_desktop.storage.errors import BadBackup
from hinge_desktop.storage.migrations import LATEST_FORMAT
from hinge_desktop.storage.restore import restore_backup
from hinge_desktop.storage.store import Store, open_store

ZONE = timezone(timedelta(hours=1))
MORNING = datetime(2026, 11, 21, 8, 15, 30, tzinfo=ZONE)


@pytest.fixture
def folder(data_dir: Path) -> Path:
    return backups_folder(data_dir / "hinge.sqlite3")


def log(store: Store, count: int, drill: str = "glute-bridge") -> None:
    store.sets.add_many(
        [LoggedSet(drill_id=drill, performed_at=MORNING, set_number=n + 1) for n in range(count)]
    )


def test_the_backups_folder_is_beside_the_database(data_dir: Path) -> None:
    assert backups_folder(data_dir / "hinge.sqlite3") == data_dir / "backups"


def test_a_backup_is_a_whole_standalone_copy_named_for_when_and_why(
    store: Store, folder: Path
) -> None:
    log(store, 3)
    made = back_up(store.db.conn, folder, "daily", now=MORNING)

    assert made.path == folder / "hinge-2026-11-21T081530+0100-daily.sqlite3"
    assert made.made_at == MORNING
    assert made.reason == "daily"
    assert made.size == made.path.stat().st_size > 0
    assert sets_in(made.path) == 3
    # Standalone: a plain rollback-journal database, with nothing but itself in the folder.
    conn = sqlite3.connect(made.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert sorted(p.name for p in folder.iterdir()) == [made.path.name]
    assert list_backups(folder) == [made]


def test_a_backup_made_while_a_set_is_being_written_holds_only_what_was_committed(
    store: Store, folder: Path
) -> None:
    log(store, 2)
    writer = sqlite3.connect(store.path)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute(
        "INSERT INTO sets (drill_id, performed_at, utc_offset, set_number) "
        "VALUES ('dead-bug', 0, 0, 1)"
    )
    reader = open_reader(store.path)
    try:
        made = back_up(reader.conn, folder, "manual", now=MORNING)
    finally:
        reader.close()
        writer.rollback()
        writer.close()
    assert sets_in(made.path) == 2


def test_two_backups_in_the_same_second_are_both_kept(store: Store, folder: Path) -> None:
    log(store, 1)
    first = back_up(store.db.conn, folder, "manual", now=MORNING)
    second = back_up(store.db.conn, folder, "manual", now=MORNING)
    assert first.path != second.path
    assert second.path.name == "hinge-2026-11-21T081530+0100-manual-2.sqlite3"
    assert list_backups(folder) == [second, first]


def test_an_unknown_reason_is_refused(store: Store, folder: Path) -> None:
    with pytest.raises(ValueError, match="reason"):
        back_up(store.db.conn, folder, "whenever", now=MORNING)  # type: ignore[arg-type]
    assert not folder.exists() or not any(folder.iterdir())


def test_the_list_is_newest_first_and_ignores_other_files(store: Store, folder: Path) -> None:
    log(store, 1)
    older = back_up(store.db.conn, folder, "before-import", now=MORNING - timedelta(days=2))
    newer = back_up(store.db.conn, folder, "daily", now=MORNING)
    # Two hours later on the clock, but an hour earlier in time: made in UTC-1 before.
    travelled = back_up(
        store.db.conn,
        folder,
        "manual",
        now=datetime(2026, 11, 21, 6, 0, tzinfo=timezone(timedelta(hours=-1))),
    )
    for stray in ("notes.txt", "hinge-yesterday-daily.sqlite3", ".hinge-backup-x.partial"):
        (folder / stray).write_text("not a backup")
    (folder / "hinge-2026-11-21T081530+0100-daily.sqlite3-journal").write_bytes(b"")

    assert list_backups(folder) == [newer, travelled, older]
    assert list_backups(folder / "missing") == []


def test_the_daily_backup_is_made_once_a_day(store: Store, folder: Path) -> None:
    log(store, 1)
    first = daily_backup(store.db.conn, folder, MORNING)
    assert first is not None
    assert daily_backup(store.db.conn, folder, MORNING + timedelta(hours=12)) is None
    log(store, 1)
    next_day = daily_backup(store.db.conn, folder, MORNING + timedelta(days=1))
    assert next_day is not None
    assert sets_in(next_day.path) == 2
    assert [b.reason for b in list_backups(folder)] == ["daily", "daily"]


def test_other_backups_do_not_stand_in_for_the_daily_one(store: Store, folder: Path) -> None:
    log(store, 1)
    back_up(store.db.conn, folder, "manual", now=MORNING)
    assert daily_backup(store.db.conn, folder, MORNING + timedelta(minutes=5)) is not None


def test_an_empty_log_is_not_backed_up(store: Store, folder: Path, catalogue: Catalogue) -> None:
    store.ladder.update(MORNING, catalogue)  # the ladder's start, as the app records
    assert daily_backup(store.db.conn, folder, MORNING) is None
    assert list_backups(folder) == []
    store.routines.create("Morning")
    assert daily_backup(store.db.conn, folder, MORNING) is not None


def test_two_months_of_starts_keep_seven_days_and_four_weeks(store: Store, folder: Path) -> None:
    log(store, 1)
    first_day = datetime(2026, 9, 1, 7, 0, tzinfo=ZONE)
    days = [first_day + timedelta(days=n) for n in range(60)]
    for day in days:
        assert daily_backup(store.db.conn, folder, day) is not None

    kept = sorted(b.made_at for b in list_backups(folder))
    # The last day is Friday 30 October: the seven days from Saturday 24 October, and the
    # newest of each of the four weeks (ISO, from Monday) that end on 1, 25, 18 and 11 October.
    last_seven = days[-KEEP_DAILY:]
    assert last_seven[0].date().isoformat() == "2026-10-24"
    sundays = [datetime(2026, 10, day, 7, 0, tzinfo=ZONE) for day in (11, 18)]
    assert kept == sundays + last_seven
    assert KEEP_WEEKLY == 4


def test_weekly_copies_outlive_a_long_break(store: Store, folder: Path) -> None:
    log(store, 1)
    start = datetime(2026, 1, 5, 7, 0, tzinfo=ZONE)  # a Monday
    weekly = [start + timedelta(weeks=n) for n in range(6)]
    for day in weekly:
        daily_backup(store.db.conn, folder, day)
    after_break = start + timedelta(weeks=20)
    daily_backup(store.db.conn, folder, after_break)
    assert len(list_backups(folder)) == 7  # fewer than seven days: every one is kept


def test_other_reasons_keep_their_last_five_and_the_one_just_made_stays(
    store: Store, folder: Path
) -> None:
    log(store, 1)
    made = [
        back_up(store.db.conn, folder, "before-import", now=MORNING + timedelta(minutes=n))
        for n in range(KEEP_EACH_OTHER + 3)
    ]
    manual = back_up(store.db.conn, folder, "manual", now=MORNING - timedelta(days=300))
    removed = prune_backups(folder)
    assert sorted(removed) == sorted(b.path for b in made[:3])
    left = list_backups(folder)
    assert [b.path for b in left if b.reason == "before-import"] == [
        b.path for b in reversed(made[3:])
    ]
    assert manual in left

    # A backup just made is never pruned, even when it is the oldest of its kind.
    old = back_up(store.db.conn, folder, "before-import", now=MORNING - timedelta(days=9))
    assert prune_backups(folder, keep=[old.path]) == []
    assert old.path.exists()


def test_restoring_puts_the_backup_in_place_and_keeps_the_log_as_it_was(
    store: Store, folder: Path
) -> None:
    log(store, 2)
    store.favourites.set("dead-bug", True)
    chosen = back_up(store.db.conn, folder, "daily", now=MORNING)
    log(store, 5, drill="hip-thrust")
    store.favourites.set("hip-thrust", True)
    reader = open_reader(store.path)
    assert reader.execute("SELECT count(*) FROM sets").fetchone()[0] == 7

    live = sqlite3.connect(store.path)
    try:
        before = restore_backup(chosen, live, folder, now=MORNING + timedelta(hours=1))
    finally:
        live.close()

    # Every open connection stays valid and sees the restored log.
    assert store.sets.count() == 2
    assert store.favourites.all() == {"dead-bug"}
    assert reader.execute("SELECT count(*) FROM sets").fetchone()[0] == 2
    reader.close()
    log(store, 1)
    assert store.sets.count() == 3
    # The log as it was is a backup of its own.
    assert before.reason == "before-restore"
    assert sets_in(before.path) == 7
    assert before in list_backups(folder)


def test_restoring_a_backup_of_an_older_format_migrates_it(data_dir: Path, folder: Path) -> None:
    from old_database import older_log_with_a_set

    path = data_dir / "hinge.sqlite3"
    old = older_log_with_a_set(data_dir / "old.sqlite3", 1)
    older = back_up(old.conn, folder, "before-migration", now=MORNING)
    old.close()
    store = open_store(path)
    try:
        log(store, 3)
        restore_backup(older, store.db, folder)
        assert store.data_format == LATEST_FORMAT
        assert store.sets.count() == 1
        store.favourites.set("glute-bridge", True)
        assert store.favourites.all() == {"glute-bridge"}
    finally:
        store.close()


@pytest.mark.parametrize(
    ("damage", "why"),
    [
        (lambda p: p.write_bytes(p.read_bytes()[:5000]), "damaged"),
        (lambda p: p.write_text("a shopping list"), "damaged"),
    ],
)
def test_a_damaged_backup_is_refused_and_nothing_changes(
    store: Store, folder: Path, damage: object, why: str
) -> None:
    log(store, 40)
    chosen = back_up(store.db.conn, folder, "daily", now=MORNING)
    damage(chosen.path)  # type: ignore[operator]
    log(store, 1)
    with pytest.raises(BadBackup, match=why) as refused:
        restore_backup(chosen, store.db.conn, folder)
    assert str(chosen.path) in str(refused.value)
    assert store.sets.count() == 41
    assert [b.reason for b in list_backups(folder)] == ["daily"]


def test_another_programs_database_is_not_restored(store: Store, folder: Path) -> None:
    folder.mkdir()
    foreign = folder / "hinge-2026-11-20T080000+0100-daily.sqlite3"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    log(store, 1)
    backup = list_backups(folder)[0]
    with pytest.raises(BadBackup, match="not a Hinge training log"):
        restore_backup(backup, store.db.conn, folder)
    assert store.sets.count() == 1


def test_a_backup_lists_with_its_size(store: Store, folder: Path) -> None:
    log(store, 200)
    made = back_up(store.db.conn, folder, "manual", now=MORNING)
    (listed,) = list_backups(folder)
    assert listed == Backup(made.path, MORNING, made.path.stat().st_size, "manual")
    assert listed.made_at.tzinfo is not None
    assert listed.made_at.astimezone(UTC) == datetime(2026, 11, 21, 7, 15, 30, tzinfo=UTC)


def test_opening_an_older_log_backs_it_up_before_migrating(data_dir: Path) -> None:
    from old_database import older_log_with_a_set

    path = data_dir / "hinge.sqlite3"
    older_log_with_a_set(path, 1).close()

    open_store(path).close()

    (made,) = list_backups(backups_folder(path))
    assert made.reason == "before-migration"
    conn = sqlite3.connect(f"{made.path.as_uri()}?mode=ro", uri=True)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT reps FROM sets").fetchall() == [(12,)]
    conn.close()
    # Migrated once: opening again makes no second backup.
    open_store(path).close()
    assert len(list_backups(backups_folder(path))) == 1


def test_a_new_or_current_log_is_not_backed_up_when_opened(data_dir: Path) -> None:
    path = data_dir / "hinge.sqlite3"
    open_store(path).close()
    open_store(path).close()
    assert list_backups(backups_folder(path)) == []
