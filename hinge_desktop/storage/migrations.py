"""The schema's history: one function a change, each applied once, in a transaction.

Never edit a migration that has shipped; add a new one. The number of migrations is the data
format that ``PRAGMA user_version`` records.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATION_SET = "hinge"

APPLICATION_ID = 0x48696E67
"""``PRAGMA application_id`` of a Hinge database ("Hing"), so other programs' files are refused."""


def m001_workouts_and_sets(db: Database) -> None:
    # Times are Unix seconds (UTC) plus the local UTC offset in minutes at that moment, so the
    # local date a person trained on survives travel and daylight-saving changes.
    db.execute(
        """
        CREATE TABLE hinge_meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE workouts (
            id INTEGER PRIMARY KEY,
            started_at INTEGER NOT NULL,
            utc_offset INTEGER NOT NULL,
            ended_at INTEGER,
            routine_id TEXT,
            drill_id TEXT,
            notes TEXT NOT NULL DEFAULT '',
            CHECK (ended_at IS NULL OR ended_at >= started_at)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE sets (
            id INTEGER PRIMARY KEY,
            workout_id INTEGER REFERENCES workouts(id) ON DELETE CASCADE,
            drill_id TEXT NOT NULL CHECK (drill_id <> ''),
            performed_at INTEGER NOT NULL,
            utc_offset INTEGER NOT NULL,
            set_number INTEGER NOT NULL CHECK (set_number >= 1),
            side TEXT CHECK (side IN ('left', 'right')),
            reps INTEGER CHECK (reps >= 0),
            hold_seconds REAL CHECK (hold_seconds >= 0),
            weight REAL CHECK (weight >= 0),
            unit TEXT CHECK (unit IN ('kg', 'lb')),
            band TEXT,
            rpe REAL CHECK (rpe BETWEEN 1 AND 10),
            kind TEXT NOT NULL DEFAULT 'working'
                CHECK (kind IN ('warmup', 'working', 'failure', 'drop')),
            note TEXT NOT NULL DEFAULT '',
            CHECK (weight IS NULL OR unit IS NOT NULL)
        )
        """
    )
    # Covering index for the per-drill charts: every chart metric is read from the index alone.
    db.execute(
        "CREATE INDEX sets_by_drill_time ON sets "
        "(drill_id, performed_at, reps, hold_seconds, weight, unit, kind)"
    )
    db.execute("CREATE INDEX sets_by_time ON sets (performed_at)")
    db.execute("CREATE INDEX sets_by_workout ON sets (workout_id, set_number)")
    db.execute("CREATE INDEX workouts_by_start ON workouts (started_at)")


def m002_favourite_drills(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE favourite_drills (
            drill_id TEXT PRIMARY KEY CHECK (drill_id <> ''),
            added_at INTEGER NOT NULL
        )
        """
    )


MIGRATIONS = (m001_workouts_and_sets, m002_favourite_drills)
"""Every migration, oldest first. Append only."""

LATEST_FORMAT = len(MIGRATIONS)
"""The data format this version of Hinge writes."""


def build_migrations() -> Migrations:
    migrations = Migrations(MIGRATION_SET)
    for migration in MIGRATIONS:
        migrations()(migration)
    return migrations
