"""A database as an older Hinge left it: the first ``data_format`` migrations and nothing more."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from hinge_desktop.storage.migrations import APPLICATION_ID, MIGRATION_SET, MIGRATIONS


def older_database(path: Path, data_format: int) -> Database:
    """Create ``path`` at ``data_format``; the caller adds rows, commits and closes."""
    old = Database(path)
    old.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    migrations = Migrations(MIGRATION_SET)
    for migration in MIGRATIONS[:data_format]:
        migrations()(migration)
    migrations.apply(old)
    old.execute(f"PRAGMA user_version = {data_format}")
    return old


def older_log_with_a_set(path: Path, data_format: int) -> Database:
    """Create ``path`` at ``data_format`` holding one set of twelve glute bridges, committed;
    the caller closes it."""
    old = older_database(path, data_format)
    old.execute(
        "INSERT INTO sets (drill_id, performed_at, utc_offset, set_number, reps) "
        "VALUES ('glute-bridge', 1700000000, 60, 1, 12)"
    )
    old.conn.commit()
    return old
