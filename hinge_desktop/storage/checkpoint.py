"""Copying what the write-ahead log holds into the log file itself (an SQLite checkpoint).

Until a checkpoint, a logged set is in ``hinge.sqlite3-wal`` only: a person who copies the log
file alone, or a ``-wal`` that is lost or damaged, loses it. The checkpoint is SQLite's passive
one, on a connection of its own: it copies every frame it can without waiting and never takes the
writer's lock, so the app's own writes never wait for it (a checkpoint that truncated the
``-wal`` would take that lock, and a write that had begun by reading would fail at once).
"""

from __future__ import annotations

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
            return not busy and copied >= frames
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise StorageError(database, f"Cannot checkpoint the database {database}: {exc}.") from exc
