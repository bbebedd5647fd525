"""The person's own routines, in the order they put them, each with its drills in order.

Every change is checked as a :class:`Routine` before it is written and written in one
transaction, so a routine is never left half-saved. Built-in routines are not stored: they come
from :func:`hinge_desktop.domain.routines.builtin_routines`.
"""

from __future__ import annotations

import time
import uuid
from typing import Any

from sqlite_utils import Database

from hinge_desktop.domain.plan import InvalidPlan, PlanEntry
from hinge_desktop.domain.routines import BUILTIN_PREFIX, MAX_NAME_LENGTH, Routine, check_name

USER_PREFIX = "user."
_COLUMNS = "id, name, rounds, rest_after_round, rest_between_drills"


class RoutineNotFound(LookupError):
    """No stored routine has this id (it may have been deleted)."""


class RoutineRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    # Reading -----------------------------------------------------------------------------

    def all(self) -> tuple[Routine, ...]:
        """The person's routines in their order."""
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM routines ORDER BY position, created_at, id"
        ).fetchall()
        entries = self._entries_by_routine()
        return tuple(_routine(row, entries.get(row[0], ())) for row in rows)

    def get(self, routine_id: str) -> Routine:
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM routines WHERE id = ?", [routine_id]
        ).fetchone()
        if row is None:
            raise RoutineNotFound(f"There is no routine {routine_id!r}.")
        return _routine(row, self._entries_of(routine_id))

    def position(self, routine_id: str) -> int:
        """Where the routine stands in the list, from 0."""
        ids = self._ids()
        if routine_id not in ids:
            raise RoutineNotFound(f"There is no routine {routine_id!r}.")
        return ids.index(routine_id)

    def __contains__(self, routine_id: object) -> bool:
        return bool(
            self._db.execute("SELECT 1 FROM routines WHERE id = ?", [routine_id]).fetchone()
        )

    # Writing -----------------------------------------------------------------------------

    def create(self, name: str) -> Routine:
        """A new, empty routine at the end of the list."""
        routine = Routine(id=new_id(), name=name)
        return self._insert(routine, len(self._ids()))

    def create_from(self, routine: Routine, name: str | None = None) -> Routine:
        """A copy of any routine (a built-in one too) as a new routine of the person's own."""
        copy = Routine(
            id=new_id(),
            name=routine.name if name is None else name,
            entries=routine.entries,
            rounds=routine.rounds,
            rest_after_round=routine.rest_after_round,
            rest_between_drills=routine.rest_between_drills,
        )
        return self._insert(copy, len(self._ids()))

    def save(self, routine: Routine) -> Routine:
        """Write a stored routine's name, rounds, rests and entries, replacing what was there."""
        self._check_own(routine)
        with self._db.atomic():
            cursor = self._db.execute(
                "UPDATE routines SET name = ?, rounds = ?, rest_after_round = ?, "
                "rest_between_drills = ? WHERE id = ?",
                [
                    routine.name,
                    routine.rounds,
                    routine.rest_after_round,
                    routine.rest_between_drills,
                    routine.id,
                ],
            )
            if cursor.rowcount != 1:
                raise RoutineNotFound(f"There is no routine {routine.id!r}.")
            self._write_entries(routine)
        return routine

    def rename(self, routine_id: str, name: str) -> Routine:
        return self.save(self.get(routine_id).renamed(name))

    def add_drill(self, routine_id: str, entry: PlanEntry) -> Routine:
        if not isinstance(entry, PlanEntry):
            raise InvalidPlan("Only a drill with its dose can be added to a routine.")
        return self.save(self.get(routine_id).with_added(entry))

    def duplicate(self, routine_id: str) -> Routine:
        """A copy named "… (copy)", placed just after the original."""
        original = self.get(routine_id)
        name = _copy_name(original.name)
        copy = Routine(
            id=new_id(),
            name=name,
            entries=original.entries,
            rounds=original.rounds,
            rest_after_round=original.rest_after_round,
            rest_between_drills=original.rest_between_drills,
        )
        return self._insert(copy, self.position(routine_id) + 1)

    def delete(self, routine_id: str) -> Routine:
        """Remove a routine and its drills; returns it so that :meth:`restore` can bring it
        back."""
        routine = self.get(routine_id)
        with self._db.atomic():
            self._db.execute("DELETE FROM routine_drills WHERE routine_id = ?", [routine_id])
            self._db.execute("DELETE FROM routines WHERE id = ?", [routine_id])
            self._renumber(self._ids())
        return routine

    def restore(self, routine: Routine, position: int | None = None) -> Routine:
        """Put a deleted routine back, with its id, at ``position`` (default: the end)."""
        if routine.id in self:
            raise InvalidPlan(f"“{routine.name}” is already there.")
        return self._insert(routine, len(self._ids()) if position is None else position)

    def move(self, routine_id: str, new_position: int) -> None:
        """Move a routine to ``new_position`` in the list (clamped to the list)."""
        with self._db.atomic():
            ids = self._ids()
            if routine_id not in ids:
                raise RoutineNotFound(f"There is no routine {routine_id!r}.")
            ids.remove(routine_id)
            ids.insert(max(0, min(len(ids), new_position)), routine_id)
            self._renumber(ids)

    # Inside ------------------------------------------------------------------------------

    def _insert(self, routine: Routine, position: int) -> Routine:
        self._check_own(routine)
        with self._db.atomic():
            ids = self._ids()
            ids.insert(max(0, min(len(ids), position)), routine.id)
            self._db.execute(
                "INSERT INTO routines "
                "(id, name, position, rounds, rest_after_round, rest_between_drills, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    routine.id,
                    routine.name,
                    ids.index(routine.id),
                    routine.rounds,
                    routine.rest_after_round,
                    routine.rest_between_drills,
                    int(time.time()),
                ],
            )
            self._write_entries(routine)
            self._renumber(ids)
        return self.get(routine.id)

    def _write_entries(self, routine: Routine) -> None:
        self._db.execute("DELETE FROM routine_drills WHERE routine_id = ?", [routine.id])
        self._db.conn.executemany(
            "INSERT INTO routine_drills "
            "(routine_id, position, drill_id, sets, reps, hold_seconds, rest_seconds) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    routine.id,
                    position,
                    entry.drill_id,
                    entry.sets,
                    entry.reps,
                    entry.hold_seconds,
                    entry.rest_seconds,
                )
                for position, entry in enumerate(routine.entries)
            ],
        )

    def _renumber(self, ids: list[str]) -> None:
        self._db.conn.executemany(
            "UPDATE routines SET position = ? WHERE id = ?",
            [(position, routine_id) for position, routine_id in enumerate(ids)],
        )

    def _ids(self) -> list[str]:
        return [
            row[0]
            for row in self._db.execute(
                "SELECT id FROM routines ORDER BY position, created_at, id"
            ).fetchall()
        ]

    def _entries_of(self, routine_id: str) -> tuple[PlanEntry, ...]:
        rows = self._db.execute(
            "SELECT drill_id, sets, reps, hold_seconds, rest_seconds FROM routine_drills "
            "WHERE routine_id = ? ORDER BY position, id",
            [routine_id],
        ).fetchall()
        return tuple(PlanEntry(*row) for row in rows)

    def _entries_by_routine(self) -> dict[str, tuple[PlanEntry, ...]]:
        found: dict[str, list[PlanEntry]] = {}
        for routine_id, *values in self._db.execute(
            "SELECT routine_id, drill_id, sets, reps, hold_seconds, rest_seconds "
            "FROM routine_drills ORDER BY routine_id, position, id"
        ).fetchall():
            found.setdefault(routine_id, []).append(PlanEntry(*values))
        return {key: tuple(value) for key, value in found.items()}

    @staticmethod
    def _check_own(routine: Routine) -> None:
        if not isinstance(routine, Routine):
            raise InvalidPlan("Only a routine can be saved as a routine.")
        if routine.builtin or routine.id.startswith(BUILTIN_PREFIX):
            raise InvalidPlan("A built-in routine cannot be changed: duplicate it to edit it.")


def new_id() -> str:
    return USER_PREFIX + uuid.uuid4().hex


def _copy_name(name: str) -> str:
    suffix = " (copy)"
    return check_name(name[: MAX_NAME_LENGTH - len(suffix)] + suffix)


def _routine(row: Any, entries: tuple[PlanEntry, ...]) -> Routine:
    routine_id, name, rounds, rest_after_round, rest_between_drills = row
    return Routine(
        id=routine_id,
        name=name,
        entries=entries,
        rounds=rounds,
        rest_after_round=rest_after_round,
        rest_between_drills=rest_between_drills,
    )
