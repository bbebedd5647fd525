"""What a training log is, looked at before it is exported: Hinge's or not, its data format, and
the damage SQLite finds in it. Reads only.

A schema that SQLite cannot parse (bytes that are not text in a table's name, an index past the
end of a truncated file) is damage, not the end: the connection is switched to
``writable_schema``, which makes SQLite pass over the schema's errors, so the tables can still be
read.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from hinge_desktop.storage.backups import stored_format
from hinge_desktop.storage.errors import DatabaseTooNew, NotAHingeDatabase
from hinge_desktop.storage.exporting.table_reader import READ_ERRORS, TextDecoder
from hinge_desktop.storage.migrations import APPLICATION_ID, LATEST_FORMAT


class Unreadable(Exception):
    """Nothing of the log can be read (it is not a database any more); ``str()`` says what
    SQLite found."""


@dataclass(frozen=True)
class LogLook:
    data_format: int
    problem: str | None
    """The damage SQLite found, in its words; None when the log is sound."""


def look_at(conn: sqlite3.Connection, path: Path) -> LogLook:
    """Look at the log open on ``conn`` (read from ``path``).

    Raises :class:`NotAHingeDatabase` for another program's database, :class:`DatabaseTooNew`
    for a newer Hinge's (both left alone, as the app leaves them) and :class:`Unreadable` when
    nothing of it can be read.
    """
    problem: str | None = None
    try:
        app_id, tables = _identity(conn)
    except READ_ERRORS as exc:
        # The schema did not parse (a name that is not text, a table past the end of a
        # truncated file): read on with its errors passed over.
        problem = describe(exc)
        conn.execute("PRAGMA writable_schema = ON")
        conn.text_factory = TextDecoder()
        try:
            app_id, tables = _identity(conn)
        except READ_ERRORS as again:
            raise Unreadable(describe(again)) from again
    if app_id not in (0, APPLICATION_ID) or (app_id == 0 and tables):
        raise NotAHingeDatabase(
            path, f"The file {path} is an SQLite database of another program, not Hinge's."
        )
    data_format = max(_recorded_format(conn), inferred_format(conn))
    if data_format > LATEST_FORMAT:
        written_by = _written_by(conn)
        raise DatabaseTooNew(path, written_by or "a newer version", data_format, LATEST_FORMAT)
    return LogLook(data_format, problem or _damage(conn))


def describe(exc: BaseException) -> str:
    """SQLite's words for what it found, readable even when they quote bytes that are not text."""
    if isinstance(exc, UnicodeDecodeError):
        return bytes(exc.object).decode("utf-8", errors="replace")
    return str(exc)


def _identity(conn: sqlite3.Connection) -> tuple[int, set[str]]:
    app_id: int = conn.execute("PRAGMA application_id").fetchone()[0]
    tables = {str(row[0]) for row in conn.execute("SELECT tbl_name FROM sqlite_master")}
    return app_id, tables


def _damage(conn: sqlite3.Connection) -> str | None:
    try:
        problems = [str(row[0]) for row in conn.execute("PRAGMA integrity_check(1)")]
    except READ_ERRORS as exc:
        return describe(exc)
    if problems == ["ok"]:
        return None
    return "; ".join(problems).removeprefix("*** in database main ***\n")


def _recorded_format(conn: sqlite3.Connection) -> int:
    try:
        return stored_format(conn)
    except READ_ERRORS:
        return 0


def inferred_format(conn: sqlite3.Connection) -> int:
    """The data format the log's tables show (what each migration of ``migrations.py`` added),
    for a log whose recorded format cannot be read or was lost with its header."""
    try:
        schema = {
            str(name): str(sql or "")
            for name, sql in conn.execute(
                "SELECT tbl_name, sql FROM sqlite_master WHERE type = 'table'"
            )
        }
    except READ_ERRORS:
        return 0
    if "hurt_sets" in schema:
        return 8 if "BETWEEN 0 AND 7" in schema.get("phase_events", "") else 7
    steps = (
        (6, "routines", "rest_between_drills"),
        (5, "custom_drills", ""),
        (4, "drill_days", ""),
        (3, "routines", ""),
        (2, "favourite_drills", ""),
        (1, "sets", ""),
    )
    for data_format, table, column in steps:
        if table in schema and column in schema[table]:
            return data_format
    return 0


def _written_by(conn: sqlite3.Connection) -> str | None:
    try:
        row = conn.execute(
            "SELECT value FROM hinge_meta WHERE key = 'schema_written_by'"
        ).fetchone()
    except READ_ERRORS:
        return None
    return str(row[0]) if row else None
