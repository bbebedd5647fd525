"""A training log that is missing or emptied while its backups are kept was lost, not new: the
newest good backup is put back, at no moment is there no log, and the rotation of daily backups
never pushes the lost history out of the folder."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from hinge_desktop.domain.training import LoggedSet
from hinge_desktop.storage.backup_rotation import daily_backup
from hinge_desktop.storage.backups import (
    back_up,
    backup_set_count,
    backups_folder,
    list_backups,
)
from hinge_desktop.storage.integrity import check_and_recover
from hinge_desktop.storage.store import open_store

pytestmark = pytest.mark.damage

ZONE = timezone(timedelta(hours=1))
NOW = datetime(2026, 11, 21, 8, 15, tzinfo=ZONE)
MOMENT = datetime(2026, 11, 1, 7, 0, tzinfo=UTC)


def sets_in(path: Path) -> int:
    store = open_store(path)
    try:
        return store.sets.count()
    finally:
        store.close()


def log_with_backup(database: Path, sets: int, made: datetime = NOW - timedelta(days=1)) -> None:
    store = open_store(database)
    try:
        store.sets.add_many([LoggedSet("glute-bridge", MOMENT, reps=12)] * sets)
        back_up(store.db.conn, backups_folder(database), "daily", now=made)
    finally:
        store.close()


def test_a_missing_log_with_backups_is_restored_and_the_person_told_how_many_sets(
    data_dir: Path,
) -> None:
    database = data_dir / "hinge.sqlite3"
    log_with_backup(database, sets=1234)
    database.unlink()

    recovery = check_and_recover(database, backups_folder(database), now=NOW)

    assert recovery is not None
    assert recovery.missing
    assert recovery.damaged_path is None
    assert recovery.restored_sets == 1234
    assert "was missing" in recovery.message
    assert "holding 1,234 sets" in recovery.message
    assert sets_in(database) == 1234
    assert check_and_recover(database, backups_folder(database)) is None


def test_an_emptied_log_says_how_many_sets_the_restored_backup_holds(data_dir: Path) -> None:
    database = data_dir / "hinge.sqlite3"
    log_with_backup(database, sets=40)
    database.write_bytes(b"")

    recovery = check_and_recover(database, backups_folder(database), now=NOW)

    assert recovery is not None
    assert "was empty" in recovery.message
    assert "holding 40 sets" in recovery.message
    assert sets_in(database) == 40


def test_a_missing_log_beside_a_damaged_one_is_not_taken_for_a_new_log(data_dir: Path) -> None:
    database = data_dir / "hinge.sqlite3"
    (data_dir / "hinge.sqlite3.damaged-2026-11-20T070000").write_bytes(b"what was left")

    recovery = check_and_recover(database, backups_folder(database), now=NOW)

    assert recovery is not None
    assert recovery.restored_from is None
    assert "No good backup" in recovery.message


def test_a_new_data_folder_is_still_a_new_log(data_dir: Path) -> None:
    database = data_dir / "hinge.sqlite3"
    assert check_and_recover(database, backups_folder(database), now=NOW) is None


FileOp = Callable[..., object]


def test_at_no_moment_of_a_recovery_is_there_no_log(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = data_dir / "hinge.sqlite3"
    log_with_backup(database, sets=30)
    database.write_bytes(b"not a database at all" * 100)
    seen: list[tuple[str, bool]] = []

    def watched(name: str, op: FileOp) -> FileOp:
        def run(*args: object, **kwargs: object) -> object:
            result = op(*args, **kwargs)
            seen.append((name, database.exists()))
            return result

        return run

    for module, name in ((os, "replace"), (os, "link"), (os, "unlink"), (shutil, "copyfile")):
        monkeypatch.setattr(module, name, watched(name, getattr(module, name)))

    recovery = check_and_recover(database, backups_folder(database), now=NOW)

    assert recovery is not None
    assert seen, "the recovery moved files"
    assert all(exists for _name, exists in seen), seen
    assert sets_in(database) == 30


def test_a_crash_before_the_backup_takes_the_logs_place_leaves_the_log_to_recover_again(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = data_dir / "hinge.sqlite3"
    log_with_backup(database, sets=30)
    damaged = b"not a database at all" * 100
    database.write_bytes(damaged)
    real_replace = os.replace

    def crash_on_the_swap(source: object, target: object) -> None:
        if Path(str(target)) == database:
            raise KeyboardInterrupt  # the process stops here
        real_replace(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", crash_on_the_swap)
    with pytest.raises(KeyboardInterrupt):
        check_and_recover(database, backups_folder(database), now=NOW)
    monkeypatch.undo()

    assert database.read_bytes() == damaged
    recovery = check_and_recover(database, backups_folder(database), now=NOW)
    assert recovery is not None
    assert sets_in(database) == 30
    assert not list(data_dir.glob(".*restoring"))


def test_weeks_of_logging_into_a_new_log_never_rotate_the_lost_history_out(
    data_dir: Path,
) -> None:
    # As when a lost log used to be replaced by an empty one without a word: the person logs
    # again every day, and each day's backup pushes an older one out of the rotation.
    database = data_dir / "hinge.sqlite3"
    folder = backups_folder(database)
    store = open_store(database)
    start = datetime(2026, 9, 1, 8, 0, tzinfo=ZONE)
    store.sets.add_many([LoggedSet("hip-thrust", MOMENT, reps=8)] * 500)
    for day in range(10):
        daily_backup(store.db.conn, folder, start + timedelta(days=day))
    store.close()
    database.unlink()
    store = open_store(database)  # a new, empty log
    try:
        for day in range(10, 70):
            store.sets.add(LoggedSet("dead-bug", start + timedelta(days=day), reps=10))
            daily_backup(store.db.conn, folder, start + timedelta(days=day))
    finally:
        store.close()

    counts = [backup_set_count(backup.path) for backup in list_backups(folder)]
    assert 500 in counts
    assert len(counts) <= 7 + 4 + 2  # the rotation still prunes


def test_the_backup_from_before_a_sharp_drop_outlives_the_log_growing_back(data_dir: Path) -> None:
    # 1,000 sets, then 400 of them deleted on day 10, then ten sets a day: by day 70 the log has
    # more sets than ever, and the daily rotation has long passed day 9.
    database = data_dir / "hinge.sqlite3"
    folder = backups_folder(database)
    start = datetime(2026, 9, 1, 8, 0, tzinfo=ZONE)
    store = open_store(database)
    try:
        store.sets.add_many([LoggedSet("hip-thrust", MOMENT, reps=8)] * 1000)
        for day in range(10):
            daily_backup(store.db.conn, folder, start + timedelta(days=day))
        store.db.execute("DELETE FROM sets WHERE id <= 400")
        for day in range(10, 70):
            store.sets.add_many([LoggedSet("dead-bug", MOMENT, reps=10)] * 10)
            daily_backup(store.db.conn, folder, start + timedelta(days=day))
    finally:
        store.close()

    kept = {backup.reason: backup for backup in list_backups(folder)}
    assert "before-loss" in kept
    assert kept["before-loss"].made_at.date() == (start + timedelta(days=9)).date()
    assert backup_set_count(kept["before-loss"].path) == 1000
