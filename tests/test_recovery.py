"""The start-up check: every kind of damage is put aside, the newest good backup restored and the
person told; what is not damage (another program's file, a newer Hinge's) is left alone."""

from __future__ import annotations

import errno
import hashlib
import random
import shutil
import sqlite3
import struct
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from child_processes import run_hinge
from pytestqt.qtbot import QtBot

from hinge_desktop.domain.training import LoggedSet
from hinge_desktop.storage.backups import back_up, backup_problem, backups_folder, list_backups
from hinge_desktop.storage.errors import DatabaseTooNew, NotAHingeDatabase, StorageError
from hinge_desktop.storage.integrity import check_and_recover, find_damage
from hinge_desktop.storage.migrations import LATEST_FORMAT
from hinge_desktop.storage.store import open_store

pytestmark = pytest.mark.damage

ZONE = timezone(timedelta(hours=1))
YESTERDAY = datetime(2026, 11, 20, 7, 30, tzinfo=ZONE)
NOW = datetime(2026, 11, 21, 8, 15, tzinfo=ZONE)
PAGE = 4096

Damage = Callable[[Path], None]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sets_in(path: Path) -> int:
    store = open_store(path)
    try:
        return store.sets.count()
    finally:
        store.close()


def make_log(database: Path, backed_up: int, since: int) -> None:
    """A log of ``backed_up + since`` sets, of which the first ``backed_up`` are in a backup."""
    store = open_store(database)
    try:
        moment = datetime(2026, 11, 1, 7, 0, tzinfo=UTC)
        note = "felt it in the glutes " * 8  # long enough to fill several pages
        store.sets.add_many([LoggedSet("glute-bridge", moment, reps=12, note=note)] * backed_up)
        back_up(store.db.conn, backups_folder(database), "daily", now=YESTERDAY)
        if since:
            store.sets.add_many([LoggedSet("hip-thrust", moment, reps=8)] * since)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        store.close()


def truncate_to(size: int) -> Damage:
    def damage(path: Path) -> None:
        with path.open("r+b") as file:
            file.truncate(size)

    return damage


def overwrite(offset: int, data: bytes) -> Damage:
    def damage(path: Path) -> None:
        content = bytearray(path.read_bytes())
        content[offset : offset + len(data)] = data
        path.write_bytes(bytes(content))

    return damage


def unreadable_schema_name(path: Path) -> None:
    """Bytes that are not UTF-8 in a table's name in the schema: SQLite's message quotes them,
    so Python cannot even read the error."""
    content = bytearray(path.read_bytes())
    where = content.find(b"tablesetssets")
    assert where > 0, "the schema record of the sets table"
    content[where + 5 : where + 8] = b"\xff\xfe\xfd"
    path.write_bytes(bytes(content))


def index_missing_entries(path: Path) -> None:
    """The index the charts read lacks the entries of most sets, as a hit on an index page
    leaves it: SQLite's quick_check does not look inside indexes."""
    conn = sqlite3.connect(path)
    (sql,) = conn.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'sets_for_progress'"
    ).fetchone()
    conn.execute("DROP INDEX sets_for_progress")
    conn.execute(sql + " WHERE id < 50")
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = 'sets_for_progress'", [sql])
    conn.commit()
    conn.close()
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    check.close()


def text_that_is_not_utf8(path: Path) -> None:
    """A set's note whose bytes are no longer UTF-8: SQLite reads the row, Python cannot."""
    conn = sqlite3.connect(path)
    conn.execute("UPDATE sets SET note = CAST(X'66656c74ff6974' AS TEXT) WHERE id = 7")
    conn.commit()
    conn.close()


def truncate_half(path: Path) -> None:
    truncate_to(path.stat().st_size // 2)(path)


GARBAGE = random.Random(7).randbytes(3 * PAGE)

KINDS: dict[str, Damage] = {
    "truncated to half": truncate_half,
    "truncated inside the header": truncate_to(50),
    "garbage bytes over pages": overwrite(5 * PAGE, GARBAGE),
    "zero-filled header": overwrite(0, bytes(100)),
    "a bad page count": overwrite(28, struct.pack(">I", 4000)),
    "a text file": lambda path: path.write_text("eggs\nmilk\nflour\n" * 50),
    "an empty file": lambda path: path.write_bytes(b""),
    "a schema name that is not UTF-8": unreadable_schema_name,
    "a row whose text is not UTF-8": text_that_is_not_utf8,
}


@pytest.mark.parametrize("damage", KINDS.values(), ids=KINDS.keys())
def test_each_kind_of_damage_is_put_aside_and_the_backup_restored(
    data_dir: Path, damage: Damage
) -> None:
    database = data_dir / "hinge.sqlite3"
    make_log(database, backed_up=300, since=2)
    damage(database)
    damaged = database.read_bytes()

    recovery = check_and_recover(database, backups_folder(database), now=NOW)

    assert recovery is not None
    assert recovery.damaged_path == data_dir / "hinge.sqlite3.damaged-2026-11-21T081500"
    assert recovery.damaged_path.read_bytes() == damaged  # kept exactly as it was found
    assert recovery.restored_from == list_backups(backups_folder(database))[0]
    assert str(recovery.damaged_path) in recovery.message
    assert "2026-11-20 07:30" in recovery.message
    assert sets_in(database) == 300
    # Started again, nothing more happens.
    assert check_and_recover(database, backups_folder(database)) is None


def crash_copy(database: Path, into: Path) -> Path:
    """The log and its -wal as a crash leaves them: sets logged since the last checkpoint are
    only in the -wal."""
    store = open_store(database)
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.db.execute("PRAGMA wal_autocheckpoint = 0")
    store.sets.add_many([LoggedSet("dead-bug", datetime.now(UTC), reps=10)] * 20)
    into.mkdir()
    copy = into / database.name
    shutil.copyfile(database, copy)
    shutil.copyfile(database.with_name(database.name + "-wal"), copy.with_name(copy.name + "-wal"))
    store.close()
    shutil.copytree(backups_folder(database), backups_folder(copy))
    return copy


def test_a_damaged_log_without_its_wal_is_recovered(data_dir: Path, tmp_path: Path) -> None:
    make_log(data_dir / "hinge.sqlite3", backed_up=300, since=0)
    database = crash_copy(data_dir / "hinge.sqlite3", tmp_path / "crashed")
    database.with_name(database.name + "-wal").unlink()
    overwrite(3 * PAGE, GARBAGE)(database)

    recovery = check_and_recover(database, backups_folder(database), now=NOW)

    assert recovery is not None
    assert sets_in(database) == 300


def test_a_damaged_log_is_put_aside_with_its_wal(data_dir: Path, tmp_path: Path) -> None:
    make_log(data_dir / "hinge.sqlite3", backed_up=300, since=0)
    database = crash_copy(data_dir / "hinge.sqlite3", tmp_path / "crashed")
    wal = database.with_name(database.name + "-wal")
    wal_bytes = wal.read_bytes()
    overwrite(3 * PAGE, GARBAGE)(database)

    recovery = check_and_recover(database, backups_folder(database), now=NOW)

    assert recovery is not None
    aside_wal = recovery.damaged_path.with_name(recovery.damaged_path.name + "-wal")
    assert aside_wal.read_bytes() == wal_bytes  # the sets only it holds are kept for a rescue
    assert not wal.exists() or wal.stat().st_size == 0
    assert sets_in(database) == 300


def test_a_crashed_log_with_its_wal_is_sound_and_keeps_every_set(
    data_dir: Path, tmp_path: Path
) -> None:
    make_log(data_dir / "hinge.sqlite3", backed_up=30, since=0)
    database = crash_copy(data_dir / "hinge.sqlite3", tmp_path / "crashed")
    assert check_and_recover(database, backups_folder(database)) is None
    assert sets_in(database) == 50


def test_a_damaged_newest_backup_is_passed_over_for_an_older_good_one(data_dir: Path) -> None:
    database = data_dir / "hinge.sqlite3"
    make_log(database, backed_up=100, since=5)
    store = open_store(database)
    newest = back_up(store.db.conn, backups_folder(database), "manual", now=NOW)
    store.close()
    truncate_half(newest.path)
    truncate_half(database)

    recovery = check_and_recover(database, backups_folder(database), now=NOW)

    assert recovery is not None
    assert recovery.restored_from is not None
    assert recovery.restored_from.made_at == YESTERDAY
    assert sets_in(database) == 100
    assert newest.path.exists()  # a damaged backup is not deleted either


def test_without_a_good_backup_hinge_starts_a_new_log_and_keeps_the_damaged_one(
    data_dir: Path,
) -> None:
    database = data_dir / "hinge.sqlite3"
    make_log(database, backed_up=100, since=0)
    shutil.rmtree(backups_folder(database))
    overwrite(0, bytes(100))(database)
    damaged = digest(database)

    recovery = check_and_recover(database, backups_folder(database), now=NOW)

    assert recovery is not None
    assert recovery.restored_from is None
    assert "No good backup" in recovery.message
    assert str(recovery.damaged_path) in recovery.message
    assert digest(recovery.damaged_path) == damaged
    assert not database.exists()
    assert sets_in(database) == 0


def test_an_empty_file_with_no_backups_is_a_new_log(data_dir: Path) -> None:
    database = data_dir / "hinge.sqlite3"
    database.touch()
    assert check_and_recover(database, backups_folder(database)) is None
    assert database.exists()
    assert sorted(p.name for p in data_dir.iterdir()) == ["hinge.sqlite3"]


def test_no_log_yet_is_nothing_to_recover(data_dir: Path) -> None:
    database = data_dir / "hinge.sqlite3"
    assert check_and_recover(database, backups_folder(database)) is None
    assert list(data_dir.iterdir()) == []


def test_a_sound_log_is_left_exactly_as_it_is(data_dir: Path) -> None:
    database = data_dir / "hinge.sqlite3"
    make_log(database, backed_up=50, since=1)
    before = digest(database)
    assert check_and_recover(database, backups_folder(database)) is None
    assert digest(database) == before
    assert sorted(p.name for p in data_dir.iterdir()) == ["backups", "hinge.sqlite3"]


def test_another_programs_database_is_refused_not_moved(data_dir: Path) -> None:
    # Not damage: someone pointed Hinge at a folder holding another program's file. Moving it
    # would look like Hinge lost or hid the other program's data; refusing names the file.
    database = data_dir / "hinge.sqlite3"
    conn = sqlite3.connect(database)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Ada')")
    conn.commit()
    conn.close()
    before = digest(database)
    assert check_and_recover(database, backups_folder(database)) is None
    with pytest.raises(NotAHingeDatabase, match="another program"):
        open_store(database)
    assert digest(database) == before


def test_another_programs_database_with_its_own_id_is_refused_not_moved(data_dir: Path) -> None:
    database = data_dir / "hinge.sqlite3"
    conn = sqlite3.connect(database)
    conn.execute("PRAGMA application_id = 1234")
    conn.commit()
    conn.close()
    assert find_damage(database) is None
    with pytest.raises(NotAHingeDatabase, match="another program"):
        open_store(database)


def test_a_newer_hinges_log_is_refused_not_moved(data_dir: Path) -> None:
    database = data_dir / "hinge.sqlite3"
    make_log(database, backed_up=10, since=0)
    conn = sqlite3.connect(database)
    conn.execute(f"PRAGMA user_version = {LATEST_FORMAT + 1}")
    conn.commit()
    conn.close()
    before = digest(database)
    assert check_and_recover(database, backups_folder(database)) is None
    with pytest.raises(DatabaseTooNew):
        open_store(database)
    assert digest(database) == before


def test_what_an_interrupted_backup_left_is_cleared_at_start(data_dir: Path) -> None:
    database = data_dir / "hinge.sqlite3"
    make_log(database, backed_up=10, since=0)
    leftover = backups_folder(database) / ".hinge-backup-abc123.partial"
    leftover.write_bytes(b"half a backup")
    check_and_recover(database, backups_folder(database))
    assert not leftover.exists()
    assert len(list_backups(backups_folder(database))) == 1


def test_when_the_backup_cannot_be_put_in_place_the_damaged_log_stays_where_it_was(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = data_dir / "hinge.sqlite3"
    make_log(database, backed_up=100, since=0)
    truncate_half(database)
    damaged = digest(database)

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(shutil, "copyfile", disk_full)
    with pytest.raises(StorageError, match="disk is full") as refused:
        check_and_recover(database, backups_folder(database), now=NOW)
    assert str(database) in str(refused.value)
    assert digest(database) == damaged
    assert sorted(p.name for p in data_dir.iterdir()) == ["backups", "hinge.sqlite3"]


# Starting the app on a log damaged by hand ------------------------------------------------


def test_the_window_opens_on_the_restored_log_and_says_what_happened(
    qtbot: QtBot, data_dir: Path
) -> None:
    from PySide6.QtWidgets import QLabel, QMessageBox

    from hinge_desktop.paths import DataPaths
    from hinge_desktop.ui.preferences import Preferences
    from hinge_desktop.ui.shell.main_window import MainWindow
    from hinge_desktop.ui.shell.opening import open_and_install

    paths = DataPaths(root=data_dir)
    make_log(paths.database, backed_up=120, since=3)
    overwrite(0, bytes(100))(paths.database)
    window = MainWindow(Preferences(paths.settings))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    loaded = open_and_install(window, window._preferences, paths)

    assert loaded is not None
    store, speaker, views = loaded
    try:
        box = window.findChild(QMessageBox, "recoveryBox")
        assert box is not None
        assert box.isVisible()
        assert "restored the newest good backup" in box.text()
        assert "2026" in box.text()
        (aside,) = data_dir.glob("hinge.sqlite3.damaged-*")
        assert str(aside) in box.informativeText()
        assert "not a database" in box.detailedText()
        count = window.findChild(QLabel, "setCountLabel")
        assert count is not None
        assert count.text() == "120"
        box.close()
    finally:
        views.shutdown()
        speaker.close()
        store.close()


@pytest.mark.slow
def test_a_log_damaged_by_hand_is_back_when_hinge_starts(data_dir: Path, tmp_path: Path) -> None:
    database = data_dir / "hinge.sqlite3"
    make_log(database, backed_up=250, since=0)
    with database.open("r+b") as file:  # as a careless hand or a broken sync tool would
        file.seek(PAGE * 2)
        file.write(b"oops" * 2000)
    out = tmp_path / "settings.png"

    result = run_hinge("--data-dir", str(data_dir), "--screenshot", "settings", str(out))

    assert result.returncode == 0, result.stderr
    (aside,) = data_dir.glob("hinge.sqlite3.damaged-*")
    assert f"Hinge kept the damaged file as {aside}" in result.stderr
    assert "restored the newest good backup" in result.stderr
    assert "Traceback" not in result.stderr
    assert out.exists()
    assert sets_in(database) == 250


def test_a_backup_whose_schema_name_is_not_utf8_is_not_restored(data_dir: Path) -> None:
    database = data_dir / "hinge.sqlite3"
    make_log(database, backed_up=10, since=0)
    (backup,) = list_backups(backups_folder(database))
    unreadable_schema_name(backup.path)
    problem = backup_problem(backup.path)
    assert problem is not None
    assert problem.startswith("it is damaged (malformed database schema")


@pytest.mark.parametrize("damage", [index_missing_entries, text_that_is_not_utf8])
def test_a_backup_that_quick_check_passes_but_is_damaged_is_not_restored(
    data_dir: Path, damage: Damage
) -> None:
    database = data_dir / "hinge.sqlite3"
    make_log(database, backed_up=100, since=5)
    store = open_store(database)
    newest = back_up(store.db.conn, backups_folder(database), "manual", now=NOW)
    store.close()
    damage(newest.path)
    truncate_half(database)

    recovery = check_and_recover(database, backups_folder(database), now=NOW)

    assert backup_problem(newest.path) is not None
    assert recovery is not None
    assert recovery.restored_from is not None
    assert recovery.restored_from.made_at == YESTERDAY
    assert sets_in(database) == 100


def garbage_over_an_index_page(path: Path) -> None:
    """Bytes written over a page of the index on the sets' times, as a careless hand would."""
    conn = sqlite3.connect(path)
    (page,) = conn.execute("SELECT pageno FROM dbstat WHERE name = 'sets_by_time'").fetchone()
    conn.close()
    overwrite((page - 1) * PAGE + 100, b"garbage" * 50)(path)


REBUILT: dict[str, Damage] = {
    "an index missing entries": index_missing_entries,
    "garbage over an index page": garbage_over_an_index_page,
    "a freelist that quick_check finds wrong": overwrite(36, struct.pack(">I", 7)),
}


@pytest.mark.parametrize("damage", REBUILT.values(), ids=REBUILT.keys())
def test_damage_the_tables_survive_is_rebuilt_and_loses_no_set(
    data_dir: Path, damage: Damage
) -> None:
    database = data_dir / "hinge.sqlite3"
    make_log(database, backed_up=300, since=2)
    damage(database)
    damaged = database.read_bytes()

    recovery = check_and_recover(database, backups_folder(database), now=NOW)

    assert recovery is not None
    assert recovery.rebuilt
    assert recovery.restored_sets == 302
    assert "rebuilt it from everything it still held: 302 sets" in recovery.message
    assert recovery.damaged_path is not None
    assert recovery.damaged_path.read_bytes() == damaged
    assert sets_in(database) == 302
    assert find_damage(database) is None


def test_a_rebuild_holding_fewer_sets_than_the_backup_gives_way_to_the_backup(
    data_dir: Path,
) -> None:
    database = data_dir / "hinge.sqlite3"
    make_log(database, backed_up=300, since=0)
    conn = sqlite3.connect(database)
    conn.execute("DELETE FROM sets WHERE id > 100")  # a log that holds far fewer sets now
    conn.commit()
    conn.close()
    index_missing_entries(database)

    recovery = check_and_recover(database, backups_folder(database), now=NOW)

    assert recovery is not None
    assert not recovery.rebuilt
    assert recovery.restored_from is not None
    assert sets_in(database) == 300
