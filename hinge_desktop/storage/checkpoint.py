"""Copying what the write-ahead log holds into the log file itself (an SQLite checkpoint).

Until a checkpoint, a logged set is in ``hinge.sqlite3-wal`` only: a person who copies the log
file alone, or a ``-wal`` that is lost or damaged, loses it. The checkpoint runs on a connection
of its own, never blocking the app's writes for long: a passive pass copies every frame it can
without waiting; a second pass truncates the ``-wal`` to nothing if nobody is reading from it at
that moment, and otherwise gives up at once: while it waited, it would hold up the app's writes.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from hinge_desktop.storage.errors import StorageError


def checkpoint(database: Path) -> bool:
    """Copy every committed change of the log at ``database`` into its file; returns whether
    the file now holds all of them. Raises :class:`StorageError` when the log cannot be used."""
    try:
        conn = sqlite3.connect(database, timeout=0)
        try:
            busy, frames, copied = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            if busy or copied < frames:
                return False
            with contextlib.suppress(sqlite3.OperationalError):  # busy: the file is whole anyway
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            return True
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise StorageError(database, f"Cannot checkpoint the database {database}: {exc}.") from exc
