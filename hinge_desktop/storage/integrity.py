"""The start-up check: a damaged training log is put aside and the newest good backup restored.

Damage is what SQLite itself reports as damage ("file is not a database", "database disk image
is malformed") or what ``soundness.log_problems`` finds (index damage, rows that cannot be read).
A database of another program or of a newer Hinge is not damage: it is left where it is for
:func:`open_database` to refuse with its message. A locked or unreadable file is not damage
either: it raises a :class:`StorageError` and nothing moves.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from hinge_desktop.storage.backups import (
    Backup,
    backup_problem,
    backup_set_count,
    list_backups,
    remove_partial_backups,
    stored_format,
)
from hinge_desktop.storage.errors import DatabaseInUse, Fault, StorageError, classify, is_damage
from hinge_desktop.storage.log_files import SIDE_FILES, read_only_uri, side
from hinge_desktop.storage.log_rebuild import rebuild_log
from hinge_desktop.storage.log_swap import remove_interrupted_copy, swap_in
from hinge_desktop.storage.migrations import APPLICATION_ID, LATEST_FORMAT
from hinge_desktop.storage.soundness import log_problems
from hinge_desktop.storage.unclosed_wal import KeptWal, keep_unclosed_wal

BUSY_TIMEOUT_SECONDS = 5.0


MISSING = "the file is missing"
EMPTY = "the file is empty"


@dataclass(frozen=True)
class Recovery:
    """What the start-up check did about a damaged, emptied or missing training log."""

    damaged_path: Path | None
    """Where the damaged file now is (beside the database; its -wal and -shm moved with it);
    None when the log was missing."""
    problem: str
    """What SQLite found wrong, or :data:`MISSING` or :data:`EMPTY`."""
    restored_from: Backup | None
    """The backup now in the database's place; None: no good backup, a new empty log."""
    restored_sets: int | None = None
    """How many sets the restored backup holds."""
    rebuilt: bool = False
    """The log was rebuilt from every row its tables still gave (``restored_sets`` of them,
    no fewer than the newest good backup holds) instead of a backup being restored."""

    @property
    def missing(self) -> bool:
        """Whether the log was missing or emptied (rather than damaged)."""
        return self.problem in (MISSING, EMPTY)

    @property
    def message(self) -> str:
        """What happened, for the person."""
        if self.rebuilt:
            sets = self.restored_sets or 0
            return (
                f"Your training log was damaged ({self.problem}). Hinge rebuilt it from "
                f"everything it still held: {sets:,} {_sets(sets)}, no fewer than the newest "
                f"backup. Hinge kept the damaged file as {self.damaged_path}."
            )
        kept = ", though backups of it are kept" if self.restored_from else ""
        if self.problem == MISSING:
            found = f"Your training log was missing{kept}."
        elif self.problem == EMPTY:
            found = (
                f"Your training log was empty{kept}. Hinge kept the empty file as "
                f"{self.damaged_path}."
            )
        else:
            found = (
                f"Your training log was damaged ({self.problem}). Hinge kept the damaged file "
                f"as {self.damaged_path}; nothing was deleted."
            )
        if self.restored_from is None:
            return f"{found} No good backup was found, so Hinge starts with an empty training log."
        made = self.restored_from.made_at.strftime("%Y-%m-%d %H:%M")
        holding = ""
        if self.restored_sets is not None:
            holding = f", holding {self.restored_sets:,} {_sets(self.restored_sets)}"
        return (
            f"{found} Hinge restored the newest good backup, made {made} "
            f"({self.restored_from.path.name}){holding}; sets logged after that time are "
            "missing."
        )


def _sets(count: int) -> str:
    return "set" if count == 1 else "sets"


@dataclass(frozen=True)
class StartCheck:
    """What the check before opening the log did."""

    recovery: Recovery | None
    kept_wal: KeptWal | None

    @property
    def messages(self) -> list[str]:
        """What the person must be told, one message each."""
        found = [self.kept_wal.message if self.kept_wal else None]
        found.append(self.recovery.message if self.recovery else None)
        return [message for message in found if message]


def start_check(database: Path, folder: Path, *, now: datetime | None = None) -> StartCheck:
    """Before the log is opened: keep a copy of a write-ahead log that a Hinge that did not
    close left behind (see :mod:`unclosed_wal`), then :func:`check_and_recover`. Call it only
    while no other Hinge uses the data folder; raises as :func:`check_and_recover` does."""
    moment = now or datetime.now()
    kept = keep_unclosed_wal(database, moment)
    return StartCheck(check_and_recover(database, folder, now=moment), kept)


def check_and_recover(
    database: Path, folder: Path, *, now: datetime | None = None
) -> Recovery | None:
    """Check ``database`` before it is opened; if it is damaged, move it aside and restore the
    newest backup in ``folder`` that is sound. A log that is missing or empty while backups or
    damaged logs are kept was lost, and is restored the same way.

    Returns None when there was nothing to do. Call it only while no other Hinge uses the data
    folder. Raises :class:`StorageError` when the file cannot be checked (locked, unreadable)
    or the damaged file cannot be moved aside.
    """
    remove_partial_backups(folder)
    remove_interrupted_copy(database)
    if not database.exists() or database.stat().st_size == 0:
        # Hinge never leaves a log missing or empty once it has written one: with backups,
        # damaged logs or a -wal kept beside it, the log was lost (and SQLite must never open
        # such a -wal: it would delete it); without any of them, this is a new log.
        if not (list_backups(folder) or _kept_damaged(database) or _side_files(database)):
            return None
        problem = MISSING if not database.exists() else EMPTY
    else:
        found = find_damage(database)
        if found is None:
            return None
        problem = found
        backup = _newest_good_backup(folder)
        at_least = backup_set_count(backup.path) if backup is not None else None
        rebuilt = rebuild_log(database, problem, now or datetime.now(), at_least=at_least)
        if rebuilt is not None:
            aside, sets = rebuilt
            return Recovery(aside, problem, None, restored_sets=sets, rebuilt=True)
    return _recover(database, folder, problem, now or datetime.now())


def _kept_damaged(database: Path) -> list[Path]:
    return sorted(database.parent.glob(f"{database.name}.damaged-*"))


def _side_files(database: Path) -> list[Path]:
    return [side(database, suffix) for suffix in SIDE_FILES if side(database, suffix).exists()]


def find_damage(database: Path) -> str | None:
    """What SQLite finds wrong with ``database``, or None when it is sound or not Hinge's to
    judge (another program's, a newer Hinge's).

    A first look reads the file as it is, creating no -wal or -shm files. Where log files show
    that a program may have it open, damage is confirmed by a second look with SQLite's locks,
    so a file another program is changing is never taken for damaged.
    """
    first = _look(database, read_only_uri(database))
    if first is None or not any(side(database, suffix).exists() for suffix in SIDE_FILES):
        return first
    return _look(database, _locked_uri(database))


def _locked_uri(database: Path) -> str:
    return f"{database.absolute().as_uri()}?mode=ro"


def _look(database: Path, uri: str) -> str | None:
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS)
    except sqlite3.Error as exc:
        return _damage_or_raise(database, exc)
    except UnicodeDecodeError as exc:
        return _unreadable_message(exc)
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        if app_id not in (0, APPLICATION_ID) or (app_id == 0 and tables):
            return None  # another program's: refused when opened, never moved
        if stored_format(conn) > LATEST_FORMAT:
            return None  # a newer Hinge's: refused when opened
        problems = log_problems(conn)
    except sqlite3.Error as exc:
        return _damage_or_raise(database, exc)
    except UnicodeDecodeError as exc:
        return _unreadable_message(exc)
    finally:
        conn.close()
    return "; ".join(problems) if problems else None


def _unreadable_message(exc: UnicodeDecodeError) -> str:
    """SQLite's message quoted bytes of the file that are not text (a damaged name in the
    schema), so Python could not read it: that is damage, worded with the bytes replaced."""
    return bytes(exc.object).decode("utf-8", errors="replace")


def _damage_or_raise(database: Path, exc: sqlite3.Error) -> str:
    if is_damage(exc):
        return str(exc)
    fault = classify(exc)
    if fault is Fault.IN_USE:
        raise DatabaseInUse(
            database,
            f"The database {database} is in use by another program (is Hinge already "
            "running?). Close it and start Hinge again.",
        ) from exc
    if fault is Fault.READ_ONLY or not os.access(database, os.R_OK):
        raise StorageError(
            database, f"The database {database} cannot be read: permission denied."
        ) from exc
    raise StorageError(database, f"Cannot check the database {database}: {exc}.") from exc


def _newest_good_backup(folder: Path) -> Backup | None:
    for backup in list_backups(folder):
        if backup_problem(backup.path) is None:
            return backup
    return None


def _recover(database: Path, folder: Path, problem: str, now: datetime) -> Recovery:
    backup = _newest_good_backup(folder)
    aside = swap_in(database, backup.path if backup else None, problem, now)
    sets = None if backup is None else backup_set_count(backup.path)
    return Recovery(damaged_path=aside, problem=problem, restored_from=backup, restored_sets=sets)
