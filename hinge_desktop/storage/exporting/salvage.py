"""A private, sound copy of a log that cannot be exported as it is: a damaged one, or one of an
older data format.

The copy is a temporary database of SQLite's own (deleted when it is closed, never in the data
folder), built at the log's data format. Every row of the tables an export reads is copied that
can still be read (:mod:`table_reader`); then the copy is migrated as the app would migrate the
log, so the export queries read it as they read any log of today. A set whose workout could not
be read is kept as a set outside a workout, so that no export leaves it out.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass

from sqlite_utils import Database

from hinge_desktop.storage.exporting.table_reader import (
    READ_ERRORS,
    Row,
    TableRead,
    TextDecoder,
    read_table,
)
from hinge_desktop.storage.migrations import LATEST_FORMAT, MIGRATIONS, build_migrations

EXPORTED_TABLES = (
    "workouts",
    "sets",
    "gate_answers",
    "hurt_sets",
    "custom_drills",
    "favourite_drills",
    "routines",
    "routine_drills",
    "phase_events",
)
"""The tables an export reads (the others are the app's working state or derived)."""


@dataclass(frozen=True)
class Salvage:
    """The copy, and what copying the log found."""

    db: Database
    tables: Mapping[str, TableRead]
    """What was read of each table the log had."""
    unreadable: tuple[str, ...]
    """Tables of the log's data format that the log no longer names (its schema is damaged)."""
    detached: tuple[int, ...]
    """Sets whose workout could not be read: in the copy they are sets outside a workout."""

    def close(self) -> None:
        self.db.close()

    @property
    def sets_read(self) -> int:
        read = self.tables.get("sets")
        return read.read if read is not None else 0


def salvage(conn: sqlite3.Connection, data_format: int) -> Salvage:
    """Copy what can be read of the log open on ``conn`` (at ``data_format``) into a new
    temporary database at the latest format."""
    if not isinstance(conn.text_factory, TextDecoder):
        conn.text_factory = TextDecoder()
    copy = sqlite3.connect("", isolation_level=None)
    db = Database(copy, execute_plugins=False)
    try:
        _build_schema(db, data_format)
        copy.execute("PRAGMA journal_mode = OFF")
        copy.execute("PRAGMA synchronous = OFF")
        # Indexes and triggers are made again once the rows are in: far faster than keeping
        # them up to date row by row.
        later = copy.execute(
            "SELECT type, name, sql FROM sqlite_master "
            "WHERE type IN ('index', 'trigger') AND sql IS NOT NULL"
        ).fetchall()
        for kind, name, _sql in later:
            copy.execute(f'DROP {kind.upper()} "{name}"')
        tables: dict[str, TableRead] = {}
        unreadable: list[str] = []
        copy.execute("BEGIN")
        for table in EXPORTED_TABLES:
            wanted = _columns(copy, table)
            if not wanted:
                continue  # not in this data format
            present = set(_columns(conn, table))
            if not present:
                unreadable.append(table)
                continue
            columns = [column for column in wanted if column in present]
            tables[table] = read_table(conn, table, columns, _Insert(copy, table, columns))
        for _kind, _name, sql in later:
            copy.execute(sql)
        detached = _detach_sets_of_lost_workouts(copy)
        copy.execute("COMMIT")
        build_migrations().apply(db)
    except BaseException:
        db.close()
        raise
    return Salvage(db, tables, tuple(unreadable), detached)


def _build_schema(db: Database, data_format: int) -> None:
    migrations = build_migrations()
    if data_format >= LATEST_FORMAT:
        migrations.apply(db)
    else:
        migrations.apply(db, stop_before=MIGRATIONS[max(data_format, 1)].__name__)


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    try:
        return [str(row[1]) for row in conn.execute(f'PRAGMA table_info("{table}")')]
    except READ_ERRORS:
        return []


class _Insert:
    """Takes rows read from the log into the copy; a row whose values the table's checks no
    longer accept (damage can garble a value and leave its page readable) is refused."""

    def __init__(self, conn: sqlite3.Connection, table: str, columns: list[str]) -> None:
        self._conn = conn
        names = ", ".join(f'"{column}"' for column in columns)
        marks = ", ".join("?" for _ in columns)
        self._sql = f'INSERT INTO "{table}" ({names}) VALUES ({marks})'

    def __call__(self, rows: list[Row]) -> list[int]:
        self._conn.execute("SAVEPOINT batch")
        try:
            self._conn.executemany(self._sql, (row[1:] for row in rows))
        except sqlite3.IntegrityError:
            self._conn.execute("ROLLBACK TO batch")
            return self._one_by_one(rows)
        finally:
            self._conn.execute("RELEASE batch")
        return []

    def _one_by_one(self, rows: list[Row]) -> list[int]:
        refused = []
        for row in rows:
            try:
                self._conn.execute(self._sql, row[1:])
            except sqlite3.IntegrityError:
                refused.append(row[0])
        return refused


def _detach_sets_of_lost_workouts(conn: sqlite3.Connection) -> tuple[int, ...]:
    lost = "workout_id IS NOT NULL AND workout_id NOT IN (SELECT id FROM workouts)"
    rows = conn.execute(f"SELECT id FROM sets WHERE {lost} ORDER BY id").fetchall()
    conn.execute(f"UPDATE sets SET workout_id = NULL WHERE {lost}")
    return tuple(row[0] for row in rows)
