"""Opening the database: refuse what we must not touch, then configure and migrate.

The connection belongs to the thread that calls :func:`open_database`.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TypeAlias

from sqlite_utils import Database

from hinge_desktop import __version__
from hinge_desktop.storage.backups import back_up, backups_folder
from hinge_desktop.storage.errors import (
    BackupFailed,
    DatabaseInUse,
    DatabaseTooNew,
    Fault,
    LogNotWritable,
    NotAHingeDatabase,
    StorageError,
    classify,
)
from hinge_desktop.storage.log_files import read_only_uri
from hinge_desktop.storage.migrations import (
    APPLICATION_ID,
    LATEST_FORMAT,
    MIGRATION_SET,
    build_migrations,
)

BUSY_TIMEOUT_SECONDS = 5.0

Connection: TypeAlias = sqlite3.Connection
"""A plain SQLite connection, which backups are copied through. Named here, as is
:class:`Database` (the sqlite-utils database that the repositories and queries take), so that the
layers above storage can name the connections they pass along without a database library."""


@dataclass(frozen=True)
class FileState:
    """What a read-only look at a database file found."""

    exists: bool
    data_format: int = 0
    written_by: str | None = None


def inspect_file(path: Path) -> FileState:
    """Look at ``path`` without writing a byte; raise if it is not ours to open.

    Refuses a file of another program and one written by a newer Hinge, naming both versions.
    """
    if not path.exists() or path.stat().st_size == 0:
        return FileState(exists=False)
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error as exc:
        raise NotAHingeDatabase(path, f"Cannot open the database {path}: {exc}.") from exc
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        data_format = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        if "_sqlite_migrations" in tables:
            applied = conn.execute(
                "SELECT count(*) FROM _sqlite_migrations WHERE migration_set = ?",
                [MIGRATION_SET],
            ).fetchone()[0]
            data_format = max(data_format, applied)
        written_by = None
        if "hinge_meta" in tables:
            row = conn.execute(
                "SELECT value FROM hinge_meta WHERE key = 'schema_written_by'"
            ).fetchone()
            written_by = row[0] if row else None
    except sqlite3.DatabaseError as exc:
        raise NotAHingeDatabase(
            path, f"The file {path} is damaged or is not a Hinge database ({exc})."
        ) from exc
    finally:
        conn.close()
    if app_id not in (0, APPLICATION_ID) or (app_id == 0 and tables):
        raise NotAHingeDatabase(
            path, f"The file {path} is an SQLite database of another program, not Hinge's."
        )
    if data_format > LATEST_FORMAT:
        raise DatabaseTooNew(path, written_by or "a newer version", data_format, LATEST_FORMAT)
    return FileState(exists=True, data_format=data_format, written_by=written_by)


def stored_set_count(path: Path) -> int:
    """How many sets the database at ``path`` holds, read without writing a byte (no migration,
    no log files); 0 when there is no database yet. Raises like :func:`inspect_file`."""
    state = inspect_file(path)
    if not state.exists:
        return 0
    conn = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        if "sets" not in tables:
            return 0
        count: int = conn.execute("SELECT count(*) FROM sets").fetchone()[0]
        return count
    except sqlite3.DatabaseError as exc:
        raise NotAHingeDatabase(
            path, f"The file {path} is damaged or is not a Hinge database ({exc})."
        ) from exc
    finally:
        conn.close()


def open_database(path: Path) -> Database:
    """Open (creating if needed) and migrate the database at ``path``.

    WAL with ``synchronous=FULL``: every committed set survives a crash or a power cut. A file
    that can be read but not written is refused here (SQLite would open it read-only, and the
    first set logged would fail).
    """
    state = inspect_file(path)
    if path.exists() and not _writable(path) and _writable(path.parent):
        # In a read-only folder, SQLite's own failure is told below, naming the folder.
        raise LogNotWritable(path, _not_writable_message(path))
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS)
    except sqlite3.Error as exc:
        raise StorageError(path, _describe_operational_error(path, exc)) from exc
    try:
        if state.exists and 0 < state.data_format < LATEST_FORMAT:
            _back_up_before_migrating(conn, path)
        db = Database(conn, execute_plugins=False)
        db.execute("PRAGMA foreign_keys = ON")
        mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode != "wal":
            raise StorageError(path, f"The database {path} cannot use write-ahead logging.")
        db.execute("PRAGMA synchronous = FULL")
        if db.execute("PRAGMA application_id").fetchone()[0] == 0:
            # Claimed before the first migration, so a start interrupted part-way through
            # migrating still finds a Hinge file next time.
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        _migrate(db)
    except sqlite3.OperationalError as exc:
        conn.close()
        error = DatabaseInUse if classify(exc) is Fault.IN_USE else StorageError
        raise error(path, _describe_operational_error(path, exc)) from exc
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StorageError(path, f"The database {path} is damaged ({exc}).") from exc
    except BaseException:
        conn.close()
        raise
    return db


def open_reader(path: Path) -> Database:
    """A second, read-only connection to a database already opened (and migrated) by
    :func:`open_database`, for queries run away from the thread that writes.

    In WAL mode it reads the last committed state while the writer goes on.
    """
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS)
        conn.execute("PRAGMA query_only = ON")
    except sqlite3.Error as exc:
        raise StorageError(path, f"Cannot read the database {path}: {exc}.") from exc
    return Database(conn, execute_plugins=False)


def open_connection(path: Path) -> Connection:
    """A plain connection of its own to the database at ``path``, which waits for a busy
    database as the app's own does: for a job on a thread of its own (a restore)."""
    return sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS)


def is_open(db: Database) -> bool:
    """Whether ``db`` can still be used: it is not once closed (as the app shuts down)."""
    if db.conn is None:
        return False
    try:
        db.conn.execute("SELECT 1")
    except sqlite3.ProgrammingError:
        return False
    return True


def _back_up_before_migrating(conn: sqlite3.Connection, path: Path) -> None:
    try:
        back_up(conn, backups_folder(path), "before-migration")
    except BackupFailed as exc:
        raise StorageError(
            path,
            f"Hinge must update the data format of {path} and backs it up first, but the backup "
            f"failed. {exc} Nothing was changed.",
        ) from exc


def migrate_connection(conn: sqlite3.Connection) -> None:
    """Bring the database on ``conn`` (already configured for writing) to the latest format."""
    db = Database(conn, execute_plugins=False)
    db.execute("PRAGMA foreign_keys = ON")
    _migrate(db)


def _migrate(db: Database) -> None:
    migrations = build_migrations()
    if migrations.pending(db):
        migrations.apply(db)
    if data_format(db) == LATEST_FORMAT:
        return
    with db.atomic():
        db.execute(f"PRAGMA user_version = {LATEST_FORMAT}")
        db.table("hinge_meta").upsert({"key": "schema_written_by", "value": __version__}, pk="key")


def data_format(db: Database) -> int:
    value: int = db.execute("PRAGMA user_version").fetchone()[0]
    return value


def _writable(path: Path) -> bool:
    effective = os.access in os.supports_effective_ids
    return os.access(path, os.W_OK, effective_ids=effective)


def _not_writable_message(path: Path) -> str:
    owner = _other_owner(path)
    if owner is not None:
        return (
            f"The training log {path} belongs to the user {owner}, so Hinge cannot save sets "
            f"in it. Make it yours (sudo chown $USER {path}), or start Hinge with --data-dir "
            "and a folder of your own. Nothing in it was changed."
        )
    how = "clear Read-only in the file's Properties" if os.name == "nt" else f"chmod u+w {path}"
    return (
        f"The training log {path} is read-only, so Hinge cannot save sets in it. Make it "
        f"writable ({how}) and start Hinge again. Nothing in it was changed."
    )


def _other_owner(path: Path) -> str | None:
    """The name of the user who owns ``path`` if it is not this process's (POSIX)."""
    if os.name != "posix":
        return None
    uid = path.stat().st_uid
    if uid == os.geteuid():
        return None
    import pwd

    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return str(uid)


def _describe_operational_error(path: Path, exc: sqlite3.Error) -> str:
    fault = classify(exc)
    if fault is Fault.IN_USE:
        return (
            f"The database {path} is in use by another program (is Hinge already running?). "
            "Close it and start Hinge again."
        )
    if fault is Fault.READ_ONLY or (
        getattr(exc, "sqlite_errorcode", 0) & 0xFF == 14  # SQLITE_CANTOPEN
        and not os.access(path.parent, os.W_OK)
    ):
        return (
            f"The database {path} cannot be written: the file or its folder is read-only. "
            "Make the folder writable, or start Hinge with --data-dir and a writable folder. "
            "Nothing in it was changed."
        )
    if fault is Fault.DISK_FULL:
        return (
            f"The database {path} cannot be written: the disk is full. Free some space and "
            "start Hinge again; everything saved so far is kept."
        )
    return f"Cannot use the database {path}: {exc}."


__all__ = [
    "APPLICATION_ID",
    "MIGRATION_SET",
    "Connection",
    "Database",
    "FileState",
    "data_format",
    "inspect_file",
    "is_open",
    "migrate_connection",
    "open_connection",
    "open_database",
    "open_reader",
    "stored_set_count",
]
