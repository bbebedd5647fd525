"""Workouts (training sessions) in the database."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlite_utils import Database
from sqlite_utils.db import NotFoundError

from hinge_desktop.domain.training import Workout
from hinge_desktop.storage import timecodec


class WorkoutRepository:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._table = db.table("workouts")

    def start(self, workout: Workout) -> Workout:
        """Record a started workout; returns it with its id."""
        started, offset = timecodec.encode(workout.started_at)
        record = {
            "started_at": started,
            "utc_offset": offset,
            "ended_at": timecodec.encode(workout.ended_at)[0] if workout.ended_at else None,
            "routine_id": workout.routine_id,
            "drill_id": workout.drill_id,
            "notes": workout.notes,
        }
        return replace(workout, id=self._table.insert(record).last_pk)

    def finish(self, workout_id: int, ended_at: datetime) -> None:
        try:
            self._table.update(workout_id, {"ended_at": timecodec.encode(ended_at)[0]})
        except NotFoundError:
            raise KeyError(f"No workout with id {workout_id}") from None

    def get(self, workout_id: int) -> Workout:
        try:
            return _from_row(self._table.get(workout_id))
        except NotFoundError:
            raise KeyError(f"No workout with id {workout_id}") from None

    def count(self) -> int:
        return self._table.count


def _from_row(row: dict[str, Any]) -> Workout:
    offset = row["utc_offset"]
    return Workout(
        id=row["id"],
        started_at=timecodec.decode(row["started_at"], offset),
        ended_at=timecodec.decode(row["ended_at"], offset) if row["ended_at"] else None,
        routine_id=row["routine_id"],
        drill_id=row["drill_id"],
        notes=row["notes"],
    )
