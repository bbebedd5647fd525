"""Workouts (training sessions) in the database."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlite_utils import Database
from sqlite_utils.db import NotFoundError

from hinge_desktop.domain.training import LoggedSet, Workout
from hinge_desktop.storage import timecodec
from hinge_desktop.storage.sets import RemovedSet, SetRepository


@dataclass(frozen=True)
class RemovedWorkout:
    """A deleted workout with its sets and the import it came with: what an undo needs to put it
    back whole. The caller keeps it; the repository keeps nothing."""

    workout: Workout
    sets: tuple[RemovedSet, ...]
    import_id: int | None = None

    @property
    def logged(self) -> list[LoggedSet]:
        return [removed.logged for removed in self.sets]


class WorkoutRepository:
    def __init__(self, db: Database, sets: SetRepository) -> None:
        self._db = db
        self._table = db.table("workouts")
        self._sets = sets

    def start(self, workout: Workout) -> Workout:
        """Record a started workout; returns it with its id."""
        return replace(workout, id=self._table.insert(to_row(workout)).last_pk)

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

    def delete(self, workout_id: int) -> RemovedWorkout:
        """Delete a workout and its sets together; returns what puts them back."""
        with self._db.atomic():
            workout = self.get(workout_id)
            sets = tuple(self._sets.removal(s) for s in self._sets.for_workout(workout_id))
            row = self._db.execute(
                "SELECT import_id FROM workouts WHERE id = ?", [workout_id]
            ).fetchone()
            self._table.delete(workout_id)
        return RemovedWorkout(workout, sets, row[0])

    def restore(self, removed: RemovedWorkout) -> None:
        """Put back a deleted workout with its sets, under their old ids, all or nothing."""
        workout = removed.workout
        if workout.id is None:
            raise ValueError("Only a workout that was stored can be restored")
        with self._db.atomic():
            self._table.insert(
                {"id": workout.id, **to_row(workout), "import_id": removed.import_id}
            )
            for logged in removed.sets:
                self._sets.restore(logged)

    def count(self) -> int:
        return self._table.count


def to_row(workout: Workout) -> dict[str, Any]:
    """The ``workouts`` row of a workout (without its id)."""
    started, offset = timecodec.encode(workout.started_at)
    return {
        "started_at": started,
        "utc_offset": offset,
        "ended_at": timecodec.encode(workout.ended_at)[0] if workout.ended_at else None,
        "routine_id": workout.routine_id,
        "drill_id": workout.drill_id,
        "notes": workout.notes,
        "name": workout.name,
    }


def _from_row(row: dict[str, Any]) -> Workout:
    offset = row["utc_offset"]
    return Workout(
        id=row["id"],
        started_at=timecodec.decode(row["started_at"], offset),
        ended_at=timecodec.decode(row["ended_at"], offset) if row["ended_at"] else None,
        routine_id=row["routine_id"],
        drill_id=row["drill_id"],
        notes=row["notes"],
        name=row.get("name") or "",
    )
