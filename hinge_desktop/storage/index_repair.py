"""Damage only to indexes loses nothing: every row is still in its table, so the indexes are
rebuilt from the rows, in a copy, and the copy takes the log's place once it is sound."""

from __future__ import annotations

import contextlib
import re
import sqlite3
from datetime import datetime
from pathlib import Path

from hinge_desktop.storage.log_swap import side, swap_in
from hinge_desktop.storage.soundness import log_problems

INDEX_ONLY = re.compile(
    r"^(row \d+ missing from index \S+|wrong # of entries in index \S+|"
    r"non-unique entry in index \S+)$"
)


def only_indexes(problem: str) -> bool:
    """Whether every finding in ``problem`` (SQLite's, joined by "; ") is about an index."""
    return all(INDEX_ONLY.match(part) for part in problem.split("; "))


def rebuild_indexes(database: Path, problem: str, now: datetime) -> Path | None:
    """Rebuild every index of ``database`` in a copy; when the copy is then sound, put it in
    the log's place (the damaged file kept aside, as :func:`swap_in` does) and return where the
    damaged file is. None when the rebuild did not make the log sound (nothing changed)."""
    copy = database.with_name(f".{database.name}.reindexed")
    try:
        if not _rebuilt_copy(database, copy):
            return None
        return swap_in(database, copy, problem, now)
    finally:
        with contextlib.suppress(OSError):
            copy.unlink(missing_ok=True)


def _read_only_uri(database: Path) -> str:
    """Read-only; without a -wal to read, immutable, which creates no -wal or -shm files."""
    wal = side(database, "-wal")
    flags = "mode=ro" if wal.exists() and wal.stat().st_size else "mode=ro&immutable=1"
    return f"{database.absolute().as_uri()}?{flags}"


def _rebuilt_copy(database: Path, copy: Path) -> bool:
    copy.unlink(missing_ok=True)
    try:
        source = sqlite3.connect(_read_only_uri(database), uri=True)
        target = sqlite3.connect(copy)
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
            target.execute("REINDEX")
            target.commit()
            return log_problems(target) == []
        finally:
            target.close()
            source.close()
    except (sqlite3.Error, UnicodeDecodeError, OSError):
        return False
