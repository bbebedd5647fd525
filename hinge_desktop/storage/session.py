"""The workout under way, kept on disk as it goes so that a crash loses nothing.

A workout begins with its plan; each step reached is written; finishing it removes the progress
row. After a crash, :meth:`SessionRepository.unfinished` finds it again.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from hinge_desktop.domain.plan import InvalidPlan, WorkoutPlan
from hinge_desktop.domain.training import Workout
from hinge_desktop.storage.workouts import WorkoutRepository


@dataclass(frozen=True)
class Unfinished:
    """A workout that was under way when Hinge last stopped."""

    workout: Workout
    plan: WorkoutPlan
    step_index: int
    set_count: int


class SessionRepository:
    def __init__(self, db: Database, workouts: WorkoutRepository) -> None:
        self._db = db
        self._workouts = workouts

    def begin(self, plan: WorkoutPlan, started_at: datetime) -> Workout:
        """Record a workout that starts now, with its plan; both or neither are written."""
        single = plan.entries[0].drill_id if len(plan.entries) == 1 else None
        with self._db.atomic():
            workout = self._workouts.start(
                Workout(
                    started_at=started_at,
                    routine_id=plan.routine_id,
                    drill_id=single,
                    name=plan.name,
                )
            )
            self._db.table("workout_progress").insert(
                {
                    "workout_id": workout.id,
                    "plan": plan.to_json(),
                    "step_index": 0,
                    "updated_at": int(time.time()),
                }
            )
        return workout

    def reach(self, workout_id: int, step_index: int) -> None:
        """The workout has reached step ``step_index``."""
        with self._db.atomic():
            self._db.execute(
                "UPDATE workout_progress SET step_index = ?, updated_at = ? WHERE workout_id = ?",
                [step_index, int(time.time()), workout_id],
            )

    def finish(self, workout_id: int, ended_at: datetime, *, keep_empty: bool = False) -> bool:
        """End the workout as it stands. One with no set logged is removed (nothing to keep)
        unless ``keep_empty`` (its last set may still be logged); returns whether it was kept."""
        with self._db.atomic():
            self._db.execute("DELETE FROM workout_progress WHERE workout_id = ?", [workout_id])
            sets = self._db.execute(
                "SELECT count(*) FROM sets WHERE workout_id = ?", [workout_id]
            ).fetchone()[0]
            if not sets and not keep_empty:
                self._db.execute("DELETE FROM workouts WHERE id = ?", [workout_id])
                return False
            started = self._workouts.get(workout_id).started_at
            self._workouts.finish(workout_id, max(ended_at, started))
            return True

    def discard_if_empty(self, workout_id: int) -> None:
        """Remove a finished workout in which no set was logged."""
        with self._db.atomic():
            self._db.execute(
                "DELETE FROM workouts WHERE id = ? AND ended_at IS NOT NULL "
                "AND NOT EXISTS (SELECT 1 FROM sets WHERE workout_id = ?)",
                [workout_id, workout_id],
            )

    def unfinished(self) -> Unfinished | None:
        """The newest workout left under way, if any (one whose plan cannot be read is ended)."""
        rows = self._db.execute(
            "SELECT workout_id, plan, step_index FROM workout_progress "
            "ORDER BY updated_at DESC, workout_id DESC"
        ).fetchall()
        for workout_id, plan_text, step_index in rows:
            workout = self._workouts.get(workout_id)
            try:
                plan = WorkoutPlan.from_json(plan_text)
            except InvalidPlan:
                self.finish(workout_id, workout.started_at)
                continue
            count = self._db.execute(
                "SELECT count(*) FROM sets WHERE workout_id = ?", [workout_id]
            ).fetchone()[0]
            return Unfinished(workout, plan, step_index, count)
        return None
