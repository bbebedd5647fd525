"""Exporting the training log of a data folder without changing a byte in it, whatever state the
log is in.

- A sound log of today's data format is exported as it is, read in place (:mod:`read_only`).
- A damaged log, or one of an older data format, is exported from a private copy holding every
  row that can still be read (:mod:`salvage`), with notes saying what was left out or repaired.
- A log whose header is lost is read through a copy given a new header (:mod:`header_repair`).
- A log that is missing or empty while its ``backups`` folder holds a good backup, or of which
  no set can be read, is replaced in the export by the newest good backup, and the notes say so.
  With no log and no backup, the export is an empty one.

Whichever it is, the export file itself is written whole or not at all by the writer given.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from hinge_desktop.storage.backups import (
    Backup,
    backup_problem,
    backup_set_count,
    backups_folder,
    list_backups,
)
from hinge_desktop.storage.errors import StorageError
from hinge_desktop.storage.exporting.damage_notes import (
    counted,
    damage_notes,
    is_whole,
    made_at,
)
from hinge_desktop.storage.exporting.header_repair import with_new_header
from hinge_desktop.storage.exporting.log_check import Unreadable, describe, look_at
from hinge_desktop.storage.exporting.read_only import is_missing_or_empty, reading
from hinge_desktop.storage.exporting.salvage import EXPORTED_TABLES, salvage
from hinge_desktop.storage.exporting.table_reader import READ_ERRORS
from hinge_desktop.storage.migrations import LATEST_FORMAT, build_migrations

Writer = Callable[[Database], int]
"""Writes the export file from a log; returns the number of sets written."""

CSV_TABLES = ("sets", "workouts")
"""What a CSV export holds, so what its notes tell about."""
JSON_TABLES = EXPORTED_TABLES


@dataclass(frozen=True)
class Exported:
    """What an export wrote, and what to tell about it."""

    count: int
    """Sets written."""
    notes: tuple[str, ...] = ()
    """Sentences for the person: damage found, rows left out, a backup exported instead."""
    whole: bool = True
    """Whether everything the log holds (of what the export format holds) is in the export."""


def export_log(database: Path, write: Writer, told: Sequence[str] = JSON_TABLES) -> Exported:
    """Export the log at ``database`` with ``write``; ``told`` names the tables the export
    holds, whose losses the notes tell.

    Raises :class:`StorageError` when nothing can be exported (another program's file, a newer
    Hinge's, a file that cannot be opened, or one of which nothing can be read while no good
    backup stands in for it), and what ``write`` raises when the file cannot be written.
    """
    try:
        return _export_log(database, write, told)
    except (*READ_ERRORS, OSError) as exc:
        # What is left: the temporary copy or folder could not be made (a full disk).
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else describe(exc)
        raise StorageError(
            database, f"Cannot export the training log {database}: {reason}."
        ) from exc


def _export_log(database: Path, write: Writer, told: Sequence[str]) -> Exported:
    folder = backups_folder(database)
    if is_missing_or_empty(database):
        why = "missing" if not database.exists() else "empty"
        said = f"The training log {database} is {why}"
        return _from_backup(folder, write, told, said) or _empty(folder, write, said)
    try:
        try:
            return _export(database, write, told, with_backup=True)
        except Unreadable as exc:
            problem = str(exc)
        with with_new_header(database) as conn:
            if conn is not None:
                problem = f"{problem}; its lost header was made anew to read the rest"
                return _export_from(conn, database, write, told, problem, with_backup=True)
        why = f"The training log {database} is damaged ({problem}) and nothing in it can be read"
    except _NoSetsRead as exc:
        why = f"The training log {database} is damaged ({exc}) and none of its sets can be read"
    exported = _from_backup(folder, write, told, why)
    if exported is None:
        raise StorageError(
            database, f"{why}, and there is no good backup to export instead. Nothing was exported."
        )
    return exported


class _NoSetsRead(Exception):
    """A damaged log gave none of its sets while a good backup holds some."""


def _export(database: Path, write: Writer, told: Sequence[str], *, with_backup: bool) -> Exported:
    with reading(database) as conn:
        return _export_from(conn, database, write, told, None, with_backup=with_backup)


def _export_from(
    conn: sqlite3.Connection,
    database: Path,
    write: Writer,
    told: Sequence[str],
    problem: str | None,
    *,
    with_backup: bool,
) -> Exported:
    """Export the log open on ``conn`` (read from ``database``), damaged by ``problem`` when
    known already."""
    look = look_at(conn, database)
    problem = problem or look.problem
    if problem is None and look.data_format == LATEST_FORMAT:
        try:
            return Exported(write(Database(conn, execute_plugins=False)))
        except READ_ERRORS as exc:
            problem = _problem(exc)
    salvaged = salvage(conn, look.data_format)
    try:
        backup = None
        if with_backup and problem is not None:
            backup = _newest_good_backup(backups_folder(database))
            if salvaged.sets_read == 0 and backup is not None and backup[1]:
                raise _NoSetsRead(problem)
        notes = damage_notes(database, problem, salvaged, told, backup)
        return Exported(write(salvaged.db), tuple(notes), is_whole(salvaged, told))
    finally:
        salvaged.close()


def _from_backup(folder: Path, write: Writer, told: Sequence[str], why: str) -> Exported | None:
    """Export the newest good backup in ``folder`` in place of the log, saying ``why``; None,
    and nothing written, when there is none."""
    found = _newest_good_backup(folder)
    if found is None:
        return None
    backup, _ = found
    try:
        exported = _export(backup.path, write, told, with_backup=False)
    except Unreadable:
        return None  # it passed SQLite's check, yet cannot be read after all
    said = (
        f"{why}; exported the newest good backup instead, {backup.path}, made {made_at(backup)}, "
        f"holding {counted(exported.count, 'sets')}. Anything logged after that time is not in "
        "the export."
    )
    return Exported(exported.count, (said, *exported.notes), whole=False)


def _empty(folder: Path, write: Writer, why: str) -> Exported:
    """An empty export, for a log that is not there; whole unless backups were there, none of
    them good."""
    count = write(_empty_log())
    backups = list_backups(folder)
    if not backups:
        return Exported(count)
    if len(backups) == 1:
        said = f"{why}, and the one backup in {folder} is not good to export."
    else:
        said = f"{why}, and none of the {len(backups)} backups in {folder} is good to export."
    return Exported(count, (said,), whole=False)


def _newest_good_backup(folder: Path) -> tuple[Backup, int] | None:
    """The newest backup in ``folder`` that is a sound Hinge log, with the sets it holds."""
    for backup in list_backups(folder):
        if backup_problem(backup.path) is not None:
            continue
        count = backup_set_count(backup.path)
        if count is not None:
            return backup, count
    return None


def _problem(exc: BaseException) -> str:
    """The damage a read of a log that looked sound ran into."""
    text = describe(exc)
    if isinstance(exc, sqlite3.OperationalError) and text.startswith("Could not decode"):
        return "it holds text that is not UTF-8"
    return text


def _empty_log() -> Database:
    """A log with nothing in it, in memory, to export the shape of an empty one."""
    db = Database(memory=True)
    build_migrations().apply(db)
    return db
