"""A damaged log rebuilt from every row its tables still give, before a backup is considered.

Damage often hits only an index (every row is still in its table) or a page SQLite no longer
needs. The log is copied page by page (SQLite's backup API, which reads through a -wal and walks
no tree), its indexes are taken out of the copy's schema, and ``VACUUM INTO`` writes a new file
from a scan of every table; the indexes are then made again from the rows. The result takes the
log's place only when it is sound and holds at least as many sets as the newest good backup, so a
rebuild never loses more than restoring that backup would.
"""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import datetime
from pathlib import Path

from hinge_desktop.storage.log_files import read_only_uri
from hinge_desktop.storage.log_swap import swap_in
from hinge_desktop.storage.soundness import log_problems

READ_ERRORS = (sqlite3.Error, UnicodeDecodeError, OSError)


def rebuild_log(
    database: Path, problem: str, now: datetime, *, at_least: int | None
) -> tuple[Path | None, int] | None:
    """Rebuild ``database`` from its tables; when the result is sound and holds at least
    ``at_least`` sets (None: no backup to compare with), put it in the log's place (the damaged
    file kept aside, as :func:`swap_in` does) and return where the damaged file is and how many
    sets the rebuilt log holds. None when it cannot be rebuilt so (nothing changed)."""
    pages = database.with_name(f".{database.name}.pages")
    rebuilt = database.with_name(f".{database.name}.rebuilt")
    try:
        sets = _rebuild(database, pages, rebuilt)
        if sets is None or (at_least is not None and sets < at_least):
            return None
        return swap_in(database, rebuilt, problem, now), sets
    finally:
        for leftover in (pages, rebuilt):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)


def _rebuild(database: Path, pages: Path, rebuilt: Path) -> int | None:
    try:
        _copy_pages(database, pages)
        indexes = _take_out_indexes(pages)
        work = sqlite3.connect(pages)
        try:
            work.execute("VACUUM INTO ?", [str(rebuilt)])
        finally:
            work.close()
        result = sqlite3.connect(rebuilt)
        try:
            for sql in indexes:
                result.execute(sql)
            result.commit()
            if log_problems(result):
                return None
            count: int = result.execute("SELECT count(*) FROM sets").fetchone()[0]
            return count
        finally:
            result.close()
    except READ_ERRORS:
        return None


def _copy_pages(database: Path, pages: Path) -> None:
    pages.unlink(missing_ok=True)
    source = sqlite3.connect(read_only_uri(database), uri=True)
    target = sqlite3.connect(pages)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()


def _take_out_indexes(pages: Path) -> list[str]:
    """Remove the copy's own indexes from its schema, leaving their pages unread; return the
    statements that make them again."""
    conn = sqlite3.connect(pages)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
        indexes = [
            row[0]
            for row in conn.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            )
        ]
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("DELETE FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
        conn.commit()
        conn.execute("PRAGMA writable_schema = OFF")
    finally:
        conn.close()
    return indexes
