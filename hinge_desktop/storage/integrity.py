"""The start-up check: a damaged training log is put aside and the newest good backup restored.

Damage is what SQLite itself reports as damage ("file is not a database", "database disk image
is malformed") or what ``soundness.log_problems`` finds (index damage, rows that cannot be read).
A database of another program or of a newer Hinge is not damage: it is left where it is for
:func:`open_database` to refuse with its message. A locked or unreadable file is not damage
either: it raises a :class:`StorageError` and nothing moves.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from hinge_desktop.storage.backups import (
    Backup,
    backup_problem,
    list_backups,
    remove_partial_backups,
    stored_format,
)
from hinge_desktop.storage.errors import (
    DatabaseInUse,
    Fault,
    StorageError,
    classify,
    is_damage,
)
from hinge_desktop.storage.migrations import APPLICATION_ID, LATEST_FORMAT
from hinge_desktop.storage.soundness import log_problems

BUSY_TIMEOUT_SECONDS = 5.0
SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class Recovery:
    """What the start-up check did about a damaged training log."""

    damaged_path: Path
    """Where the damaged file now is (beside the database; its -wal and -shm moved with it)."""
    problem: str
    """What SQLite found wrong."""
    restored_from: Backup | None
    """The backup now in the database's place; None: no good backup, a new empty log."""

    @property
    def message(self) -> str:
        """What happened, for the person."""
        found = (
            f"Your training log was damaged ({self.problem}). Hinge kept the damaged file as "
            f"{self.damaged_path}; nothing was deleted."
        )
        if self.restored_from is None:
            return f"{found} No good backup was found, so Hinge starts with an empty training log."
        made = self.restored_from.made_at.strftime("%Y-%m-%d %H:%M")
        return (
            f"{found} Hinge restored the newest good backup, made {made} "
            f"({self.restored_from.path.name}); sets logged after that time are missing."
        )


def check_and_recover(
    database: Path, folder: Path, *, now: datetime | None = None
) -> Recovery | None:
    """Check ``database`` before it is opened; if it is damaged, move it aside and restore the
    newest backup in ``folder`` that is sound.

    Returns None when there was nothing to do. Call it only while no other Hinge uses the data
    folder. Raises :class:`StorageError` when the file cannot be checked (locked, unreadable)
    or the damaged file cannot be moved aside.
    """
    remove_partial_backups(folder)
    if not database.exists():
        return None
    if _is_empty(database):
        # Hinge never leaves an empty file once it has written one: with backups to restore,
        # the log was lost; without, this is a new log.
        if _newest_good_backup(folder) is None:
            return None
        problem = "the file is empty"
    else:
        found = find_damage(database)
        if found is None:
            return None
        problem = found
    return _recover(database, folder, problem, now or datetime.now())


def _is_empty(database: Path) -> bool:
    wal = _side(database, "-wal")
    return database.stat().st_size == 0 and not (wal.exists() and wal.stat().st_size > 0)


def find_damage(database: Path) -> str | None:
    """What SQLite finds wrong with ``database``, or None when it is sound or not Hinge's to
    judge (another program's, a newer Hinge's).

    A first look reads the file as it is, creating no -wal or -shm files. Where log files show
    that a program may have it open, damage is confirmed by a second look with SQLite's locks,
    so a file another program is changing is never taken for damaged.
    """
    first = _look(database, _read_only_uri(database, immutable=True))
    if first is None or not any(_side(database, suffix).exists() for suffix in SIDE_FILES):
        return first
    return _look(database, _read_only_uri(database, immutable=False))


def _read_only_uri(database: Path, *, immutable: bool) -> str:
    wal = _side(database, "-wal")
    if immutable and not (wal.exists() and wal.stat().st_size):
        return f"{database.absolute().as_uri()}?mode=ro&immutable=1"
    return f"{database.absolute().as_uri()}?mode=ro"


def _look(database: Path, uri: str) -> str | None:
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS)
    except sqlite3.Error as exc:
        return _damage_or_raise(database, exc)
    except UnicodeDecodeError as exc:
        return _unreadable_message(exc)
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        if app_id not in (0, APPLICATION_ID) or (app_id == 0 and tables):
            return None  # another program's: refused when opened, never moved
        if stored_format(conn) > LATEST_FORMAT:
            return None  # a newer Hinge's: refused when opened
        problems = log_problems(conn)
    except sqlite3.Error as exc:
        return _damage_or_raise(database, exc)
    except UnicodeDecodeError as exc:
        return _unreadable_message(exc)
    finally:
        conn.close()
    return "; ".join(problems) if problems else None


def _unreadable_message(exc: UnicodeDecodeError) -> str:
    """SQLite's message quoted bytes of the file that are not text (a damaged name in the
    schema), so Python could not read it: that is damage, worded with the bytes replaced."""
    return bytes(exc.object).decode("utf-8", errors="replace")


def _damage_or_raise(database: Path, exc: sqlite3.Error) -> str:
    if is_damage(exc):
        return str(exc)
    fault = classify(exc)
    if fault is Fault.IN_USE:
        raise DatabaseInUse(
            database,
            f"The database {database} is in use by another program (is Hinge already "
            "running?). Close it and start Hinge again.",
        ) from exc
    if fault is Fault.READ_ONLY or not os.access(database, os.R_OK):
        raise StorageError(
            database, f"The database {database} cannot be read: permission denied."
        ) from exc
    raise StorageError(database, f"Cannot check the database {database}: {exc}.") from exc


def _newest_good_backup(folder: Path) -> Backup | None:
    for backup in list_backups(folder):
        if backup_problem(backup.path) is None:
            return backup
    return None


def _recover(database: Path, folder: Path, problem: str, now: datetime) -> Recovery:
    aside = _move_aside(database, now)
    backup = _newest_good_backup(folder)
    if backup is not None:
        try:
            _copy_file(backup.path, database)
        except OSError as exc:
            _put_back(aside, database)
            raise StorageError(
                database,
                f"Your training log {database} is damaged ({problem}), and the backup "
                f"{backup.path} could not be put in its place: {_os_reason(exc)}. "
                "Nothing was changed.",
            ) from exc
    return Recovery(damaged_path=aside, problem=problem, restored_from=backup)


def _side(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _move_aside(database: Path, now: datetime) -> Path:
    stamp = now.strftime("%Y-%m-%dT%H%M%S")
    aside = database.with_name(f"{database.name}.damaged-{stamp}")
    copy = 2
    while aside.exists():
        aside = database.with_name(f"{database.name}.damaged-{stamp}-{copy}")
        copy += 1
    try:
        # The log files first: a -wal left beside a restored database would be replayed into it.
        for suffix in SIDE_FILES:
            if _side(database, suffix).exists():
                os.replace(_side(database, suffix), _side(aside, suffix))
        os.replace(database, aside)
    except OSError as exc:
        _put_back(aside, database)
        raise StorageError(
            database,
            f"Your training log {database} is damaged, and Hinge cannot put it aside to restore "
            f"a backup: {_os_reason(exc)}. Nothing was changed.",
        ) from exc
    return aside


def _put_back(aside: Path, database: Path) -> None:
    for suffix in ("", *SIDE_FILES):
        if _side(aside, suffix).exists():
            with contextlib.suppress(OSError):
                os.replace(_side(aside, suffix), _side(database, suffix))


def _copy_file(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` whole or not at all: into a temporary file, synced, then
    renamed."""
    partial = target.with_name(f".{target.name}.restoring")
    try:
        shutil.copyfile(source, partial)
        with partial.open("rb") as file:
            os.fsync(file.fileno())
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    if os.name == "posix":
        handle = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def _os_reason(exc: OSError) -> str:
    if classify(exc) is Fault.DISK_FULL:
        return "the disk is full"
    if classify(exc) is Fault.READ_ONLY:
        return "the folder is read-only"
    return exc.strerror or str(exc)
