"""The schema's history: one function a change, each applied once, in a transaction.

Never edit a migration that has shipped; add a new one. The number of migrations is the data
format that ``PRAGMA user_version`` records.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from hinge_desktop.storage.weight_sql import weight_kg_sql

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


def m003_logging_routines_ladder(db: Database) -> None:
    # A check is logged like a set; its outcome ("pass" or "fail") and any measured value
    # (the leg's angle in the straight-leg raise) are kept with it.
    db.execute("ALTER TABLE sets ADD COLUMN result TEXT CHECK (result IN ('pass', 'fail'))")
    db.execute("ALTER TABLE sets ADD COLUMN measured REAL")
    db.execute("ALTER TABLE workouts ADD COLUMN name TEXT NOT NULL DEFAULT ''")
    # The workout under way: its plan and the step reached, written as it goes, so that after a
    # crash it can be resumed where it stopped. The row goes when the workout is finished.
    db.execute(
        """
        CREATE TABLE workout_progress (
            workout_id INTEGER PRIMARY KEY REFERENCES workouts(id) ON DELETE CASCADE,
            plan TEXT NOT NULL,
            step_index INTEGER NOT NULL DEFAULT 0 CHECK (step_index >= 0),
            updated_at INTEGER NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE routines (
            id TEXT PRIMARY KEY CHECK (id <> ''),
            name TEXT NOT NULL CHECK (trim(name) <> ''),
            position INTEGER NOT NULL DEFAULT 0,
            rounds INTEGER NOT NULL DEFAULT 1 CHECK (rounds BETWEEN 1 AND 10),
            rest_after_round INTEGER NOT NULL DEFAULT 0 CHECK (rest_after_round >= 0),
            created_at INTEGER NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE routine_drills (
            id INTEGER PRIMARY KEY,
            routine_id TEXT NOT NULL REFERENCES routines(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            drill_id TEXT NOT NULL CHECK (drill_id <> ''),
            sets INTEGER NOT NULL CHECK (sets BETWEEN 1 AND 20),
            reps INTEGER CHECK (reps BETWEEN 0 AND 200),
            hold_seconds INTEGER CHECK (hold_seconds BETWEEN 0 AND 600),
            rest_seconds INTEGER NOT NULL CHECK (rest_seconds BETWEEN 0 AND 600)
        )
        """
    )
    db.execute("CREATE INDEX routine_drills_by_routine ON routine_drills (routine_id, position)")
    # The three "easily" answers given after a set of a gated phase.
    db.execute(
        """
        CREATE TABLE gate_answers (
            set_id INTEGER PRIMARY KEY REFERENCES sets(id) ON DELETE CASCADE,
            nobody_held INTEGER NOT NULL CHECK (nobody_held IN (0, 1)),
            back_still INTEGER NOT NULL CHECK (back_still IN (0, 1)),
            pressure_steady INTEGER NOT NULL CHECK (pressure_steady IN (0, 1))
        )
        """
    )
    # When each phase of the ladder was reached, and why.
    db.execute(
        """
        CREATE TABLE phase_events (
            id INTEGER PRIMARY KEY,
            phase INTEGER NOT NULL CHECK (phase BETWEEN 0 AND 6),
            reached_at INTEGER NOT NULL,
            utc_offset INTEGER NOT NULL,
            reason TEXT NOT NULL DEFAULT ''
        )
        """
    )


def _contribution(t: str) -> dict[str, str]:
    """One set's share of its ``drill_days`` row, as SQL expressions over the set named ``t``
    (``NEW``, ``OLD`` or a table alias), by column.

    The day is the local date, as days since 1970-01-01: UTC seconds moved by the offset the set
    was logged with, divided by 86,400 and rounded down (SQLite's division rounds towards zero).
    ``sets`` counts every set (the calendar's work done); ``counted``, reps, holds and volume only
    the sets that count towards progress: not warm-ups, not checks.
    """
    local = f"({t}.performed_at + {t}.utc_offset * 60)"
    counts = f"({t}.kind <> 'warmup' AND {t}.result IS NULL)"
    weight_kg = weight_kg_sql(t)
    return {
        "drill_id": f"{t}.drill_id",
        "day": f"({local} / 86400 - ({local} % 86400 < 0))",
        "sets": "1",
        "counted": f"CASE WHEN {counts} THEN 1 ELSE 0 END",
        "reps": f"CASE WHEN {counts} THEN coalesce({t}.reps, 0) ELSE 0 END",
        "hold_seconds": f"CASE WHEN {counts} THEN coalesce({t}.hold_seconds, 0) ELSE 0 END",
        "volume_kg": f"CASE WHEN {counts} THEN coalesce({weight_kg} * {t}.reps, 0) ELSE 0 END",
    }


_SUMS = ("sets", "counted", "reps", "hold_seconds", "volume_kg")
_NEW = _contribution("NEW")
_OLD = _contribution("OLD")
_ADD_TO_DAY = (
    f"INSERT INTO drill_days ({', '.join(_NEW)}) VALUES ({', '.join(_NEW.values())}) "
    "ON CONFLICT (drill_id, day) DO UPDATE SET "
    + ", ".join(f"{c} = {c} + excluded.{c}" for c in _SUMS)
    + ";"
)
_TAKE_FROM_DAY = (
    "UPDATE drill_days SET "
    + ", ".join(f"{c} = {c} - {_OLD[c]}" for c in _SUMS)
    + f" WHERE drill_id = OLD.drill_id AND day = {_OLD['day']};"
    f" DELETE FROM drill_days WHERE drill_id = OLD.drill_id AND day = {_OLD['day']}"
    " AND sets <= 0;"
)


def m004_progress_roll_up(db: Database) -> None:
    # Every per-drill chart aggregate reads a drill's sets by time with their offset, kind and
    # check result: one covering index serves them all without touching the table. It starts
    # with the old index's columns, which it replaces.
    db.execute(
        "CREATE INDEX sets_for_progress ON sets "
        "(drill_id, performed_at, utc_offset, kind, result, reps, hold_seconds, weight, unit)"
    )
    db.execute("DROP INDEX sets_by_drill_time")
    # A daily roll-up per drill, kept by triggers: the calendar, the streaks, the weekly bars and
    # the choice of drill read a few thousand rows of it instead of every set ever logged. It
    # holds only counts and sums, so a set deleted or changed is taken back exactly.
    db.execute(
        """
        CREATE TABLE drill_days (
            drill_id TEXT NOT NULL,
            day INTEGER NOT NULL,
            sets INTEGER NOT NULL,
            counted INTEGER NOT NULL,
            reps INTEGER NOT NULL,
            hold_seconds REAL NOT NULL,
            volume_kg REAL NOT NULL,
            PRIMARY KEY (drill_id, day)
        ) WITHOUT ROWID
        """
    )
    db.execute("CREATE INDEX drill_days_by_day ON drill_days (day, sets)")
    each = ", ".join(
        f"{expression} AS {column}" for column, expression in _contribution("s").items()
    )
    db.execute(
        f"INSERT INTO drill_days ({', '.join(_NEW)}) "
        f"SELECT drill_id, day, {', '.join(f'sum({c})' for c in _SUMS)} "
        f"FROM (SELECT {each} FROM sets AS s) GROUP BY drill_id, day"
    )
    db.execute(f"CREATE TRIGGER drill_days_add AFTER INSERT ON sets BEGIN {_ADD_TO_DAY} END")
    db.execute(f"CREATE TRIGGER drill_days_take AFTER DELETE ON sets BEGIN {_TAKE_FROM_DAY} END")
    db.execute(
        "CREATE TRIGGER drill_days_change AFTER UPDATE OF drill_id, performed_at, utc_offset, "
        "reps, hold_seconds, weight, unit, kind, result ON sets "
        f"BEGIN {_TAKE_FROM_DAY} {_ADD_TO_DAY} END"
    )


def m005_own_drills_and_imports(db: Database) -> None:
    # Exercises brought from another app that are none of Hinge's drills: the person's own
    # drills, named as the file named them until the person renames them. ``imported_as`` keeps
    # that first name, so importing the same app's file again finds the same drill.
    db.execute(
        """
        CREATE TABLE custom_drills (
            id TEXT PRIMARY KEY CHECK (id <> ''),
            name TEXT NOT NULL CHECK (trim(name) <> ''),
            imported_as TEXT NOT NULL DEFAULT '',
            created_at INTEGER NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX custom_drills_by_import_name ON custom_drills (imported_as)")
    # Every import, so that one can be taken back as a whole.
    db.execute(
        """
        CREATE TABLE imports (
            id INTEGER PRIMARY KEY,
            format TEXT NOT NULL,
            file_name TEXT NOT NULL,
            imported_at INTEGER NOT NULL,
            sets_added INTEGER NOT NULL CHECK (sets_added >= 0),
            workouts_added INTEGER NOT NULL CHECK (workouts_added >= 0)
        )
        """
    )
    db.execute("ALTER TABLE workouts ADD COLUMN import_id INTEGER REFERENCES imports(id)")
    db.execute("ALTER TABLE sets ADD COLUMN import_id INTEGER REFERENCES imports(id)")
    db.execute("CREATE INDEX sets_by_import ON sets (import_id) WHERE import_id IS NOT NULL")
    db.execute(
        "CREATE INDEX workouts_by_import ON workouts (import_id) WHERE import_id IS NOT NULL"
    )


def m006_routine_rest_between_drills(db: Database) -> None:
    # Each routine sets its own rest from one drill to the next. Routines made before keep the
    # 90 s every workout had then.
    db.execute(
        "ALTER TABLE routines ADD COLUMN rest_between_drills INTEGER NOT NULL DEFAULT 90 "
        "CHECK (rest_between_drills BETWEEN 0 AND 600)"
    )


def m007_sets_that_hurt(db: Database) -> None:
    # The sets the person said hurt. A table of its own, keyed by the set as ``gate_answers``
    # is, rather than a column of ``sets``: a set's values are rewritten whole by every edit
    # (a note changed in the player, a correction in History), and an edit made from a copy
    # read before the mark would silently take the mark away. Kept apart, only saying so or
    # taking it back changes it, and the set's delete takes it along. Marks are few, so the
    # question "when did this drill last hurt" reads this small table first.
    db.execute(
        """
        CREATE TABLE hurt_sets (
            set_id INTEGER PRIMARY KEY REFERENCES sets(id) ON DELETE CASCADE
        )
        """
    )


def m008_bar_and_swing_rung(db: Database) -> None:
    # Loading splits as the first article loads: weights held in the hands (rung 5), then the
    # bar, the swing and the good morning with a bar (a new rung 6); single-leg work moves from
    # 6 to 7. Someone who had reached single-leg work had passed the whole old loading rung, bar
    # work included, so they reach the new rung at the same moment, just before single leg. The
    # table is built again for its wider CHECK, in its order: its last row is still the rung
    # the person is on. Workouts, and the one under way, started from the single-leg rung's
    # routine keep pointing at it; a name that is that routine's old title follows it.
    old_single_leg, bar_and_swing, single_leg = 6, 6, 7
    db.execute(
        """
        CREATE TABLE phase_events_new (
            id INTEGER PRIMARY KEY,
            phase INTEGER NOT NULL CHECK (phase BETWEEN 0 AND 7),
            reached_at INTEGER NOT NULL,
            utc_offset INTEGER NOT NULL,
            reason TEXT NOT NULL DEFAULT ''
        )
        """
    )
    rows = db.execute(
        "SELECT phase, reached_at, utc_offset, reason FROM phase_events ORDER BY id"
    ).fetchall()
    for phase, reached_at, offset, reason in rows:
        moved = [bar_and_swing, single_leg] if phase == old_single_leg else [phase]
        for new_phase in moved:
            db.execute(
                "INSERT INTO phase_events_new (phase, reached_at, utc_offset, reason) "
                "VALUES (?, ?, ?, ?)",
                [new_phase, reached_at, offset, reason],
            )
    db.execute("DROP TABLE phase_events")
    db.execute("ALTER TABLE phase_events_new RENAME TO phase_events")
    old_id, new_id = f"builtin.phase-{old_single_leg}", f"builtin.phase-{single_leg}"
    old_name, new_name = "Ladder 6: single leg", "Ladder 7: single leg"
    db.execute(
        "UPDATE workouts SET routine_id = ?, "
        "name = CASE WHEN name = ? THEN ? ELSE name END WHERE routine_id = ?",
        [new_id, old_name, new_name, old_id],
    )
    db.execute(
        "UPDATE workout_progress SET plan = json_set(plan, '$.routine_id', ?, '$.name', "
        "CASE WHEN json_extract(plan, '$.name') = ? THEN ? ELSE json_extract(plan, '$.name') "
        "END) WHERE json_valid(plan) AND json_extract(plan, '$.routine_id') = ?",
        [new_id, old_name, new_name, old_id],
    )


MIGRATIONS = (
    m001_workouts_and_sets,
    m002_favourite_drills,
    m003_logging_routines_ladder,
    m004_progress_roll_up,
    m005_own_drills_and_imports,
    m006_routine_rest_between_drills,
    m007_sets_that_hurt,
    m008_bar_and_swing_rung,
)
"""Every migration, oldest first. Append only."""

LATEST_FORMAT = len(MIGRATIONS)
"""The data format this version of Hinge writes."""


def build_migrations() -> Migrations:
    migrations = Migrations(MIGRATION_SET)
    for migration in MIGRATIONS:
        migrations()(migration)
    return migrations
