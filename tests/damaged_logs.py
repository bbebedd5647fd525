"""Training logs to export: made by the app, with a backup, then damaged as a disk, a careless
hand or a broken sync tool damages them; and the state of a data folder, to show that an export
changed nothing in it."""

from __future__ import annotations

import hashlib
import random
import shutil
import sqlite3
import stat
import struct
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from hinge_desktop.domain.training import LoggedSet, Workout
from hinge_desktop.storage.backups import back_up, backups_folder
from hinge_desktop.storage.store import open_store

PAGE = 4096
ZONE = timezone(timedelta(hours=1))
BACKED_UP_AT = datetime(2026, 11, 20, 7, 30, tzinfo=ZONE)
WORKOUT_SETS = 50
GARBAGE = random.Random(11).randbytes(PAGE)

Damage = Callable[[Path], None]


def note(number: int) -> str:
    """The note of set ``number``: it names the set, so the page a set is on can be found."""
    return f"set {number:04d} " + "felt it in the glutes " * 6


def make_log(folder: Path, *, sets: int = 400, backed_up: int = 300) -> Path:
    """A log in ``folder`` of ``sets`` glute bridges in workouts of 50 (set n has id n and the
    note :func:`note`), backed up after the first ``backed_up`` (the backup made
    :data:`BACKED_UP_AT`); returns its path. The log is closed, with no -wal beside it."""
    database = folder / "hinge.sqlite3"
    store = open_store(database)
    try:
        start = datetime(2026, 11, 1, 7, 0, tzinfo=UTC)
        workout_id = 0
        number = 1
        while number <= sets:
            day = start + timedelta(days=(number - 1) // WORKOUT_SETS)
            if (number - 1) % WORKOUT_SETS == 0:
                workout = store.workouts.start(Workout(started_at=day, name=f"Day {number}"))
                workout_id = workout.id
            end = min(number + WORKOUT_SETS - (number - 1) % WORKOUT_SETS, sets + 1)
            if number <= backed_up:
                end = min(end, backed_up + 1)
            store.sets.add_many([_set(n, day, workout_id) for n in range(number, end)])
            number = end
            if number - 1 == backed_up:
                back_up(store.db.conn, backups_folder(database), "daily", now=BACKED_UP_AT)
    finally:
        store.close()
    return database


def _set(number: int, day: datetime, workout_id: int) -> LoggedSet:
    return LoggedSet(
        "glute-bridge",
        day + timedelta(minutes=number),
        set_number=(number - 1) % WORKOUT_SETS + 1,
        reps=12,
        note=note(number),
        workout_id=workout_id,
    )


def page_of(database: Path, text: str) -> int:
    """The number of the page holding ``text``."""
    where = database.read_bytes().find(text.encode())
    assert where >= 0, text
    return where // PAGE + 1


def sets_on_page(database: Path, page: int, sets: int = 400) -> list[int]:
    """The sets whose rows are on ``page``."""
    content = database.read_bytes()[(page - 1) * PAGE : page * PAGE]
    return [n for n in range(1, sets + 1) if note(n)[:9].encode() in content]


def root_page(database: Path, name: str) -> int:
    conn = sqlite3.connect(f"{database.as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        page: int = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", [name]
        ).fetchone()[0]
        return page
    finally:
        conn.close()


def overwrite_page(database: Path, page: int, data: bytes = GARBAGE) -> None:
    content = bytearray(database.read_bytes())
    content[(page - 1) * PAGE : page * PAGE] = data[:PAGE].ljust(PAGE, b"\0")
    database.write_bytes(bytes(content))


def overwrite(offset: int, data: bytes) -> Damage:
    def damage(database: Path) -> None:
        content = bytearray(database.read_bytes())
        content[offset : offset + len(data)] = data
        database.write_bytes(bytes(content))

    return damage


def truncate_to(size: int) -> Damage:
    def damage(database: Path) -> None:
        with database.open("r+b") as file:
            file.truncate(size)

    return damage


def truncate_half(database: Path) -> None:
    truncate_to(database.stat().st_size // 2)(database)


def schema_name_not_utf8(database: Path) -> None:
    """Bytes that are not UTF-8 in the sets table's name in the schema."""
    content = bytearray(database.read_bytes())
    where = content.find(b"tablesetssets")
    assert where > 0, "the schema record of the sets table"
    content[where + 5 : where + 8] = b"\xff\xfe\xfd"
    database.write_bytes(bytes(content))


def bad_page_count(database: Path) -> None:
    overwrite(28, struct.pack(">I", 4000))(database)


def wrong_freelist(database: Path) -> None:
    overwrite(36, struct.pack(">I", 7))(database)


def notes_not_utf8(*numbers: int) -> Damage:
    """The notes of sets ``numbers`` get bytes that are not UTF-8 (the file stays sound)."""

    def damage(database: Path) -> None:
        content = bytearray(database.read_bytes())
        for number in numbers:
            where = content.find(note(number)[:9].encode())
            assert where >= 0
            content[where + 4 : where + 5] = b"\xff"
        database.write_bytes(bytes(content))

    return damage


def folder_state(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file and folder under ``folder`` with its content's digest and its mode."""
    state = {}
    for path in sorted(folder.rglob("*")):
        status = path.lstat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "folder"
        state[str(path.relative_to(folder))] = (digest, stat.S_IMODE(status.st_mode))
    return state


def crash_copy(database: Path, into: Path, *, more: int = 20) -> Path:
    """The log as a crash leaves it, copied into ``into``: ``more`` dead bugs logged after the
    last checkpoint are only in its -wal (copied too; its -shm is not)."""
    store = open_store(database)
    try:
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.db.execute("PRAGMA wal_autocheckpoint = 0")
        store.sets.add_many([LoggedSet("dead-bug", datetime.now(UTC), reps=10)] * more)
        into.mkdir(exist_ok=True)
        copy = into / database.name
        shutil.copyfile(database, copy)
        shutil.copyfile(database.with_name(database.name + "-wal"), into / (copy.name + "-wal"))
    finally:
        store.close()
    return copy
