"""Restoring a backup into the live training log: checked first, the log as it was backed up,
the content copied in one transaction, then migrated if the backup is of an older format."""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from hinge_desktop.storage.backups import Backup, back_up, backup_problem, stored_format
from hinge_desktop.storage.database import migrate_connection
from hinge_desktop.storage.errors import BackupFailed, BadBackup, Fault, classify
from hinge_desktop.storage.migrations import LATEST_FORMAT


def check_backup(backup: Backup) -> None:
    """Raise :class:`BadBackup` unless ``backup`` is a sound Hinge log this Hinge can open."""
    problem = backup_problem(backup.path)
    if problem is not None:
        raise BadBackup(backup.path, f"The backup {backup.path} cannot be restored: {problem}.")


def restore_backup(
    backup: Backup,
    connection: sqlite3.Connection | Database,
    folder: Path,
    *,
    now: datetime | None = None,
) -> Backup:
    """Put ``backup``'s content into the live database open on ``connection`` (a connection,
    or a store's ``db``).

    The backup is checked first and the current log backed up ("before-restore", returned), so
    a refused or failed restore changes nothing. The content is copied in with the backup API,
    in one transaction: every other connection to the database stays valid and sees the
    restored log from its next read. A backup of an older data format is then migrated.
    """
    if isinstance(connection, Database):
        connection = connection.conn
    check_backup(backup)
    before = back_up(connection, folder, "before-restore", now=now)
    try:
        _copy_from(backup.path, connection)
    except sqlite3.Error as exc:
        # The copy is one transaction: when it fails, the log is as it was.
        raise BackupFailed(backup.path, _restore_failure(backup, before, exc)) from exc
    if stored_format(connection) < LATEST_FORMAT:
        try:
            migrate_connection(connection)
        except sqlite3.Error as exc:
            with contextlib.suppress(sqlite3.Error):
                _copy_from(before.path, connection)
            raise BackupFailed(backup.path, _restore_failure(backup, before, exc)) from exc
    return before


def _copy_from(path: Path, connection: sqlite3.Connection) -> None:
    source = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        source.backup(connection)
    finally:
        source.close()


def _restore_failure(backup: Backup, before: Backup, exc: sqlite3.Error) -> str:
    fault = classify(exc)
    reason = {
        Fault.DISK_FULL: "the disk is full",
        Fault.READ_ONLY: "the training log cannot be written (read-only)",
        Fault.IN_USE: "another program is using the training log",
    }.get(fault, str(exc))
    return (
        f"The backup {backup.path.name} could not be restored: {reason}. Your training log is "
        f"as it was (and also kept in {before.path})."
    )
