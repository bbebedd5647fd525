"""Backups of the training log: consistent copies made while the app runs, kept in rotation.

A backup is made with SQLite's backup API, so it is a consistent snapshot even while sets are
being logged, into a hidden temporary file that is synced and then renamed into place: a backup
in the folder is always a whole one. Each backup is a standalone database (rollback journal, no
``-wal`` file) named for when and why it was made, e.g.
``hinge-2026-11-21T081530+0100-daily.sqlite3``.

Which backups are kept is ``backup_rotation.py``'s job.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from hinge_desktop.storage.errors import BackupFailed, Fault, classify, is_damage
from hinge_desktop.storage.migrations import APPLICATION_ID, LATEST_FORMAT, MIGRATION_SET
from hinge_desktop.storage.soundness import log_problems

Reason = Literal[
    "daily", "manual", "before-migration", "before-import", "before-restore", "before-loss"
]
REASONS: tuple[Reason, ...] = (
    "daily",
    "manual",
    "before-migration",
    "before-import",
    "before-restore",
    "before-loss",
)
KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_EACH_OTHER = 5
PARTIAL_PREFIX = ".hinge-backup-"
PARTIAL_SUFFIX = ".partial"

_STAMP = "%Y-%m-%dT%H%M%S%z"
_NAME = re.compile(
    r"^hinge-(?P<stamp>\d{4}-\d{2}-\d{2}T\d{6}[+-]\d{4})-(?P<reason>"
    + "|".join(re.escape(reason) for reason in REASONS)
    + r")(?:-(?P<copy>\d+))?\.sqlite3$"
)


@dataclass(frozen=True)
class Backup:
    """One backup file: where it is, when and why it was made, and how big it is."""

    path: Path
    made_at: datetime
    size: int
    reason: Reason


def backups_folder(database: Path) -> Path:
    """Where the backups of ``database`` are kept: ``backups`` beside it."""
    return database.parent / "backups"


def back_up(
    connection: sqlite3.Connection,
    folder: Path,
    reason: Reason,
    *,
    now: datetime | None = None,
) -> Backup:
    """Copy the database open on ``connection`` into ``folder``; returns the new backup.

    Raises :class:`BackupFailed` with a message naming the folder and why (read-only, disk full);
    no partial file is left behind.
    """
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    moment = _aware(now or datetime.now()).replace(microsecond=0)
    partial: Path | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=PARTIAL_PREFIX, suffix=PARTIAL_SUFFIX, dir=folder)
        os.close(handle)
        partial = Path(name)
        _copy_into(connection, partial)
        _fsync(partial)
        final = _free_name(folder, moment, reason)
        os.replace(partial, final)
        partial = None
        fsync_folder(folder)
        return Backup(final, moment, final.stat().st_size, reason)
    except (OSError, sqlite3.Error) as exc:
        raise BackupFailed(folder, describe_backup_failure(folder, exc)) from exc
    finally:
        if partial is not None:
            _remove_with_side_files(partial)


def _aware(moment: datetime) -> datetime:
    """``moment`` in its own time zone; a naive one is taken as local time."""
    return moment if moment.tzinfo is not None else moment.astimezone()


def _copy_into(connection: sqlite3.Connection, target: Path) -> None:
    destination = _open_destination(target)
    try:
        connection.backup(destination)
        # A standalone file: no -wal beside it, readable by any SQLite tool as it is.
        destination.execute("PRAGMA journal_mode = DELETE")
    finally:
        destination.close()


def _open_destination(target: Path) -> sqlite3.Connection:
    return sqlite3.connect(target)


def describe_backup_failure(folder: Path, exc: BaseException) -> str:
    fault = classify(exc)
    if fault is Fault.DISK_FULL:
        return f"Cannot make a backup in {folder}: the disk is full. Free some space."
    if fault is Fault.READ_ONLY:
        return f"Cannot make a backup in {folder}: the folder is read-only."
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return f"Cannot make a backup in {folder}: {reason}."


def _free_name(folder: Path, moment: datetime, reason: Reason) -> Path:
    stem = f"hinge-{moment.strftime(_STAMP)}-{reason}"
    candidate = folder / f"{stem}.sqlite3"
    copy = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{copy}.sqlite3"
        copy += 1
    return candidate


def _fsync(path: Path) -> None:
    with path.open("rb") as file:
        os.fsync(file.fileno())


def fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no handle to a folder for this)."""
    if os.name != "posix":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _remove_with_side_files(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            path.with_name(path.name + suffix).unlink(missing_ok=True)


def remove_partial_backups(folder: Path) -> None:
    """Remove what an interrupted backup left behind (call when no backup can be running)."""
    if not folder.is_dir():
        return
    for leftover in folder.glob(f"{PARTIAL_PREFIX}*{PARTIAL_SUFFIX}"):
        _remove_with_side_files(leftover)


def list_backups(folder: Path) -> list[Backup]:
    """Every backup in ``folder``, newest first; other files are ignored."""
    found: list[tuple[datetime, int, int, Backup]] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for path in entries:
        match = _NAME.match(path.name)
        if match is None:
            continue
        try:
            made_at = datetime.strptime(match["stamp"], _STAMP)
            status = path.stat()
        except (ValueError, OSError):
            continue
        reason: Reason = match["reason"]  # type: ignore[assignment]
        backup = Backup(path, made_at, status.st_size, reason)
        # Two backups of the same second (a start right after an import): the one written
        # last holds the newer log.
        found.append((made_at, int(match["copy"] or 1), status.st_mtime_ns, backup))
    found.sort(key=lambda item: item[:3], reverse=True)
    return [backup for *_, backup in found]


PERSONAL_TABLES = ("sets", "workouts", "routines", "favourite_drills", "custom_drills")
"""Tables that hold what a person made (the others are seeded or derived)."""


def holds_data(connection: sqlite3.Connection) -> bool:
    """Whether the database holds anything of the person's (a set, a routine, a favourite…)."""
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    return any(
        connection.execute(f'SELECT EXISTS (SELECT 1 FROM "{table}")').fetchone()[0]
        for table in PERSONAL_TABLES
        if table in tables
    )


def backup_problem(path: Path) -> str | None:
    """What makes the file at ``path`` unfit to restore (None if it is a sound Hinge log)."""
    try:
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error as exc:
        return f"it cannot be read ({exc})"
    try:
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            return "it is not a Hinge training log"
        problems = log_problems(conn)
        if problems:
            return f"it is damaged ({'; '.join(problems)})"
        if stored_format(conn) > LATEST_FORMAT:
            return "it was written by a newer Hinge"
    except sqlite3.DatabaseError as exc:
        return f"it is damaged ({exc})" if is_damage(exc) else f"it cannot be read ({exc})"
    except UnicodeDecodeError as exc:
        # SQLite's message quoted bytes of the file that are not text: a damaged schema.
        return f"it is damaged ({bytes(exc.object).decode('utf-8', errors='replace')})"
    finally:
        conn.close()
    return None


def backup_set_count(path: Path) -> int | None:
    """How many sets the backup (or any Hinge log without a -wal) at ``path`` holds; None when
    it cannot be read."""
    try:
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        return None
    try:
        count: int = conn.execute("SELECT count(*) FROM sets").fetchone()[0]
    except (sqlite3.Error, UnicodeDecodeError):
        return None
    finally:
        conn.close()
    return count


def stored_format(conn: sqlite3.Connection) -> int:
    """The data format of the database on ``conn``: its user_version, or the number of its
    recorded migrations where a migration was interrupted before the version was written."""
    found: int = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    if "_sqlite_migrations" in tables:
        applied: int = conn.execute(
            "SELECT count(*) FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET]
        ).fetchone()[0]
        found = max(found, applied)
    return found
