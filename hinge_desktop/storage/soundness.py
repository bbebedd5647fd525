"""Whether a training log is sound: SQLite's full integrity check, then a read of every row.

``PRAGMA quick_check`` misses damage the app then trips over: an index that lacks entries (the
charts read the covering index and would drop sets without a word) and rows whose values cannot
be read (text that is no longer UTF-8, which Python refuses). ``integrity_check`` finds the first;
reading every column of every row as Python does finds the second. Both only read.
"""

from __future__ import annotations

import sqlite3

MAX_PROBLEMS = 3
"""How many of SQLite's findings are kept for the message (the first ones say enough)."""


def log_problems(conn: sqlite3.Connection) -> list[str]:
    """What is wrong with the database on ``conn``; empty when it is sound.

    SQLite errors raised on the way (a page that cannot be read at all) are left to the caller,
    which knows whether they mean damage or a locked or unreadable file; a value that is not
    text where text is stored is reported here.
    """
    found = [row[0] for row in conn.execute(f"PRAGMA integrity_check({MAX_PROBLEMS})")]
    if found != ["ok"]:
        return found[:MAX_PROBLEMS]
    unreadable = _unreadable_rows(conn)
    return [unreadable] if unreadable else []


def _unreadable_rows(conn: sqlite3.Connection) -> str | None:
    tables = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    for table in tables:
        try:
            for _row in conn.execute(f'SELECT * FROM "{table}"'):
                pass
        except UnicodeDecodeError:
            return _unreadable(table)
        except sqlite3.OperationalError as exc:
            # Raised by Python, not SQLite (so without an error code): a value it cannot
            # decode as text. What SQLite raises is the caller's to judge.
            if getattr(exc, "sqlite_errorcode", None) is not None:
                raise
            return _unreadable(table)
    return None


def _unreadable(table: str) -> str:
    return f"a row of the table {table} holds text that cannot be read"
