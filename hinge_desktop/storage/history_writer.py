"""Writing many workouts with their sets at once, as when a whole history is added.

The repositories write one row at a time through sqlite-utils, which is right for a set logged in
the player but costs about a second for ten thousand sets. This writes the same rows, in the
repositories' own layout (so the two can never disagree), with one plain statement per row.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlite_utils import Database

from hinge_desktop.domain.training import LoggedSet, Workout
from hinge_desktop.storage.sets import to_row as set_row
from hinge_desktop.storage.workouts import to_row as workout_row


def add_workout_with_sets(db: Database, workout: Workout, sets: Sequence[LoggedSet]) -> list[int]:
    """Write a workout and its sets, all together or not at all; returns the sets' new ids.

    The sets are stored as the workout's, whatever their own ``workout_id``.
    """
    with db.atomic():
        workout_id = insert_row(db, "workouts", workout_row(workout))
        ids = []
        for logged in sets:
            row = set_row(logged)
            row["workout_id"] = workout_id
            ids.append(insert_row(db, "sets", row))
    return ids


def insert_row(db: Database, table: str, row: dict[str, Any]) -> int:
    """Insert one row with a plain statement; returns its id."""
    columns = ", ".join(row)
    values = ", ".join(f":{column}" for column in row)
    cursor = db.execute(f"INSERT INTO {table} ({columns}) VALUES ({values})", row)
    row_id = cursor.lastrowid
    if row_id is None:
        raise RuntimeError(f"SQLite gave no id for the new row of {table}")
    return row_id
