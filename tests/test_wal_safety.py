"""Sets logged since the last checkpoint live in the write-ahead log: a checkpoint copies them into
the log file itself, and a ``-wal`` left by a Hinge that did not close is kept aside before the log
is opened, so that a damaged one cannot take them with it for good."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hinge_desktop.domain.training import LoggedSet
from hinge_desktop.storage.backups import backups_folder
from hinge_desktop.storage.checkpoint import checkpoint
from hinge_desktop.storage.integrity import start_check
from hinge_desktop.storage.store import open_store
from hinge_desktop.storage.unclosed_wal import kept_copies
from hinge_desktop.storage.wal_file import read_wal

pytestmark = pytest.mark.damage

ZONE = timezone(timedelta(hours=1))
NOW = datetime(2026, 11, 21, 8, 15, tzinfo=ZONE)
LATER = NOW + timedelta(hours=2)


def sets_in(path: Path) -> int:
    store = open_store(path)
    try:
        return store.sets.count()
    finally:
        store.close()


def wal_of(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def crashed_log(folder: Path, sets: int = 25, *, before: int = 10) -> Path:
    """A log as a crash leaves it: ``before`` sets in the file, ``sets`` more only in its -wal."""
    origin = folder / "origin" / "hinge.sqlite3"
    origin.parent.mkdir(parents=True)
    store = open_store(origin)
    store.sets.add_many([LoggedSet("glute-bridge", datetime.now(UTC), reps=12)] * before)
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.db.execute("PRAGMA wal_autocheckpoint = 0")
    for _ in range(sets):
        store.sets.add(LoggedSet("dead-bug", datetime.now(UTC), reps=10))
    crashed = folder / "data" / "hinge.sqlite3"
    crashed.parent.mkdir()
    shutil.copyfile(origin, crashed)
    shutil.copyfile(wal_of(origin), wal_of(crashed))
    store.close()
    return crashed


def flip_a_byte_of_the_first_frame(wal: Path) -> None:
    content = bytearray(wal.read_bytes())
    content[32 + 24 + 200] ^= 0x01
    wal.write_bytes(bytes(content))


def zero_the_header(wal: Path) -> None:
    content = bytearray(wal.read_bytes())
    content[:32] = bytes(32)
    wal.write_bytes(bytes(content))


def test_a_whole_wal_is_read_as_sqlite_applies_it(tmp_path: Path) -> None:
    wal = wal_of(crashed_log(tmp_path))
    report = read_wal(wal)
    assert report.frames > 0
    assert report.lost == 0


def test_a_flipped_byte_in_the_first_frame_loses_every_frame_after_it(tmp_path: Path) -> None:
    wal = wal_of(crashed_log(tmp_path))
    flip_a_byte_of_the_first_frame(wal)
    report = read_wal(wal)
    assert report.applied == 0
    assert report.lost == report.frames > 0


def test_a_zeroed_header_loses_the_whole_wal(tmp_path: Path) -> None:
    wal = wal_of(crashed_log(tmp_path))
    zero_the_header(wal)
    assert read_wal(wal).lost > 0


def test_frames_left_from_before_a_checkpoint_are_not_counted_as_lost(tmp_path: Path) -> None:
    database = tmp_path / "hinge.sqlite3"
    store = open_store(database)
    store.db.execute("PRAGMA wal_autocheckpoint = 0")
    store.sets.add_many([LoggedSet("dead-bug", datetime.now(UTC), reps=10)] * 300)
    store.db.execute("PRAGMA wal_checkpoint(RESTART)")
    store.sets.add(LoggedSet("dead-bug", datetime.now(UTC), reps=10))  # overwrites frame 1 on
    copy = tmp_path / "copy-wal"
    shutil.copyfile(wal_of(database), copy)
    store.close()
    report = read_wal(copy)
    assert 0 < report.frames < 20
    assert report.lost == 0


def test_a_damaged_wal_left_by_a_crash_is_kept_and_the_person_told(tmp_path: Path) -> None:
    database = crashed_log(tmp_path)
    flip_a_byte_of_the_first_frame(wal_of(database))
    damaged = wal_of(database).read_bytes()

    check = start_check(database, backups_folder(database), now=NOW)

    (kept,) = kept_copies(database)
    assert kept.read_bytes() == damaged
    assert check.kept_wal is not None
    (message,) = check.messages
    assert str(kept) in message
    assert "cannot be read" in message
    assert sets_in(database) == 10  # SQLite could not apply the -wal: its sets are in the copy
    # A later clean start keeps the copy that holds what SQLite could not apply.
    assert start_check(database, backups_folder(database), now=LATER).messages == []
    assert kept_copies(database) == [kept]


def test_a_whole_wal_left_by_a_crash_is_kept_until_the_next_clean_start(tmp_path: Path) -> None:
    database = crashed_log(tmp_path)

    check = start_check(database, backups_folder(database), now=NOW)

    assert check.messages == []
    assert len(kept_copies(database)) == 1
    assert sets_in(database) == 35  # opened and closed cleanly: every set is in the file
    assert not wal_of(database).exists()
    start_check(database, backups_folder(database), now=LATER)
    assert kept_copies(database) == []


def test_a_checkpoint_puts_every_logged_set_in_the_log_file_itself(tmp_path: Path) -> None:
    database = crashed_log(tmp_path, sets=0)
    store = open_store(database)
    try:
        store.db.execute("PRAGMA wal_autocheckpoint = 0")
        store.sets.add_many([LoggedSet("hip-thrust", datetime.now(UTC), reps=8)] * 25)

        assert checkpoint(database)

        alone = tmp_path / "copied" / "hinge.sqlite3"  # the file alone, as a person copies it
        alone.parent.mkdir()
        shutil.copyfile(database, alone)
        assert sets_in(alone) == 35
    finally:
        store.close()


def test_sets_reach_the_log_file_within_moments_of_being_logged(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from hinge_desktop.ui.checkpoints import Checkpointer
    from hinge_desktop.ui.log_changes import LogChanges

    database = crashed_log(tmp_path, sets=0)
    store = open_store(database)
    changes = LogChanges()
    checkpointer = Checkpointer(database, changes)
    try:
        store.db.execute("PRAGMA wal_autocheckpoint = 0")
        for _ in range(3):  # a burst of sets shares one checkpoint
            store.sets.add(LoggedSet("hip-thrust", datetime.now(UTC), reps=8))
            changes.announce()
        qtbot.waitUntil(lambda: checkpointer.done == 1, timeout=10000)
        alone = tmp_path / "copied" / "hinge.sqlite3"
        alone.parent.mkdir()
        shutil.copyfile(database, alone)
        assert sets_in(alone) == 13
    finally:
        checkpointer.shutdown()
        store.close()


def test_a_transaction_that_never_finished_is_not_counted_as_lost(tmp_path: Path) -> None:
    database = crashed_log(tmp_path)
    wal = wal_of(database)
    whole = read_wal(wal)
    frame = 24 + 4096
    content = bytearray(wal.read_bytes())
    last = 32 + (whole.frames - 1) * frame
    content[last + 4 : last + 8] = bytes(4)  # the last commit never written: no commit at all
    content[last + 24 + 100] ^= 0x01
    wal.write_bytes(bytes(content))
    report = read_wal(wal)
    assert report.applied < report.frames
    assert report.lost == 0


def test_an_emptied_log_beside_its_wal_is_lost_not_new(tmp_path: Path) -> None:
    from hinge_desktop.storage.backups import back_up

    database = crashed_log(tmp_path)
    store = open_store(database)
    store.db.execute("PRAGMA wal_autocheckpoint = 0")
    back_up(store.db.conn, backups_folder(database), "daily", now=NOW - timedelta(days=1))
    store.sets.add(LoggedSet("dead-bug", datetime.now(UTC), reps=10))
    shutil.copyfile(wal_of(database), tmp_path / "wal-as-it-was")
    store.db.conn.close()
    shutil.copyfile(tmp_path / "wal-as-it-was", wal_of(database))
    database.write_bytes(b"")

    check = start_check(database, backups_folder(database), now=NOW)

    assert check.recovery is not None
    assert "was empty" in check.recovery.message
    assert sets_in(database) == 35
    kept_wal = database.with_name("hinge.sqlite3.damaged-2026-11-21T081500-wal")
    assert kept_wal.read_bytes() == (tmp_path / "wal-as-it-was").read_bytes()


def test_a_missing_log_with_its_wal_left_behind_is_told_not_opened_as_new(
    tmp_path: Path,
) -> None:
    database = crashed_log(tmp_path)
    wal_bytes = wal_of(database).read_bytes()
    database.unlink()

    check = start_check(database, backups_folder(database), now=NOW)

    assert check.recovery is not None
    assert "was missing" in check.recovery.message
    assert not wal_of(database).exists()
    kept_wal = database.with_name("hinge.sqlite3.damaged-2026-11-21T081500-wal")
    assert kept_wal.read_bytes() == wal_bytes
