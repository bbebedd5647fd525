"""Copying what the write-ahead log holds into the log file itself (an SQLite checkpoint).

Until a checkpoint, a logged set is in ``hinge.sqlite3-wal`` only: a person who copies the log
file alone, or a ``-wal`` that is lost or damaged, loses it. The checkpoint runs on a connection
of its own, never blocking the app's writes for long: a passive pass copies every frame it can
without waiting; a second pass truncates the ``-wal`` to nothing when nobody is reading from it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from hinge_desktop.storage.errors import StorageError

TRUNCATE_WAIT_MS = 200
"""How long the second pass waits for readers and writers before it gives up until next time."""


def checkpoint(database: Path) -> bool:
    """Copy every committed change of the log at ``database`` into its file; returns whether
    the file now holds all of them. Raises :class:`StorageError` when the log cannot be used."""
    try:
        conn = sqlite3.connect(database, timeout=TRUNCATE_WAIT_MS / 1000)
        try:
            busy, frames, copied = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            if busy or copied < frames:
                return False
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            return True
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise StorageError(database, f"Cannot checkpoint the database {database}: {exc}.") from exc
