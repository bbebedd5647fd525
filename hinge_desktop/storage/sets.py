"""Logged sets in the database. A set is on disk when :meth:`SetRepository.add` returns."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database
from sqlite_utils.db import NotFoundError

from hinge_desktop.domain.hurt import HurtHistory
from hinge_desktop.domain.training import CheckOutcome, LoggedSet, SetKind, Side, Unit
from hinge_desktop.storage import timecodec
from hinge_desktop.storage.hurt_queries import HURT_TABLE, hurt_history


@dataclass(frozen=True)
class RemovedSet:
    """A deleted set with what went with it (the ladder's "easily" answers, the import it came
    with, whether it hurt): what an undo needs to put it back whole. The caller keeps it; the
    repository keeps nothing."""

    logged: LoggedSet
    gate_answers: dict[str, Any] | None = None
    import_id: int | None = None
    hurt: bool = False


class SetRepository:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._table = db.table("sets")

    def add(self, logged: LoggedSet) -> LoggedSet:
        """Write one set in its own transaction; returns it with its id."""
        return replace(logged, id=self._table.insert(to_row(logged)).last_pk)

    def add_many(self, sets: list[LoggedSet]) -> list[LoggedSet]:
        """Write several sets all together or not at all."""
        with self._db.atomic():
            return [self.add(logged) for logged in sets]

    def restore(self, removed: RemovedSet) -> LoggedSet:
        """Put back a set that was deleted, under its old id, with what went with it (undo of a
        delete)."""
        logged = removed.logged
        if logged.id is None:
            raise ValueError("Only a set that was stored can be restored")
        with self._db.atomic():
            self._table.insert({"id": logged.id, **to_row(logged), "import_id": removed.import_id})
            if removed.gate_answers is not None:
                self._db.table("gate_answers").insert(removed.gate_answers)
            if removed.hurt:
                self._db.execute(f"INSERT INTO {HURT_TABLE} (set_id) VALUES (?)", [logged.id])
        return logged

    def removal(self, logged: LoggedSet) -> RemovedSet:
        """What goes with the stored set ``logged`` when it is deleted, read before the delete."""
        if logged.id is None:
            raise ValueError("Only a stored set can be deleted")
        answers = list(self._db.table("gate_answers").rows_where("set_id = ?", [logged.id]))
        row = self._db.execute("SELECT import_id FROM sets WHERE id = ?", [logged.id]).fetchone()
        return RemovedSet(
            logged,
            answers[0] if answers else None,
            row[0] if row is not None else None,
            hurt=self.marked_hurt(logged.id),
        )

    def update(self, logged: LoggedSet) -> None:
        """Replace a stored set's values (its id stays)."""
        if logged.id is None:
            raise ValueError("Only a stored set can be changed")
        try:
            self._table.update(logged.id, to_row(logged))
        except NotFoundError:
            raise KeyError(f"No set with id {logged.id}") from None

    def get(self, set_id: int) -> LoggedSet:
        try:
            return _from_row(self._table.get(set_id))
        except NotFoundError:
            raise KeyError(f"No set with id {set_id}") from None

    def delete_many(self, set_ids: Sequence[int]) -> tuple[RemovedSet, ...]:
        """Delete several sets all together or not at all; returns what puts them back."""
        with self._db.atomic():
            return tuple(self.delete(set_id) for set_id in set_ids)

    def restore_many(self, removed: Sequence[RemovedSet]) -> None:
        """Put back several deleted sets all together or not at all."""
        with self._db.atomic():
            for one in removed:
                self.restore(one)

    def delete(self, set_id: int) -> RemovedSet:
        """Delete a set (its "easily" answers and its hurt mark go with it); returns what puts
        it back."""
        with self._db.atomic():
            removed = self.removal(self.get(set_id))
            self._table.delete(set_id)
        return removed

    def mark_hurt(self, set_id: int, hurt: bool = True) -> bool:
        """Say that the set ``set_id`` hurt (or, with ``hurt=False``, take that back), in its own
        transaction; returns whether it was marked before. Raises KeyError when there is no such
        set. The set's values are untouched, and an edit of them keeps the mark."""
        with self._db.atomic():
            if self._db.execute("SELECT 1 FROM sets WHERE id = ?", [set_id]).fetchone() is None:
                raise KeyError(f"No set with id {set_id}")
            before = self.marked_hurt(set_id)
            if hurt and not before:
                self._db.execute(f"INSERT INTO {HURT_TABLE} (set_id) VALUES (?)", [set_id])
            elif before and not hurt:
                self._db.execute(f"DELETE FROM {HURT_TABLE} WHERE set_id = ?", [set_id])
        return before

    def marked_hurt(self, set_id: int) -> bool:
        """Whether the person said the set ``set_id`` hurt (False for a set not stored)."""
        query = f"SELECT 1 FROM {HURT_TABLE} WHERE set_id = ?"
        return self._db.execute(query, [set_id]).fetchone() is not None

    def hurt_history(self, drill_id: str) -> HurtHistory:
        """When a set of the drill last hurt and whether one went without hurting since, in one
        read: what :func:`hinge_desktop.domain.hurt.offer_after_hurt` needs."""
        return hurt_history(self._db, drill_id)

    def for_drill(self, drill_id: str) -> Iterator[LoggedSet]:
        """The drill's sets, oldest first."""
        rows = self._table.rows_where("drill_id = ?", [drill_id], order_by="performed_at, id")
        return (_from_row(row) for row in rows)

    def for_drill_on_day(self, drill_id: str, moment: datetime) -> list[LoggedSet]:
        """The drill's sets on the local day of ``moment``, in a workout or quick-logged, oldest
        first. Each set's day is read with its own offset, so a clock change between them does
        not move a set to another day."""
        day = (moment.date() - date(1970, 1, 1)).days
        around = int(moment.timestamp())
        rows = self._table.rows_where(
            "drill_id = ? AND performed_at BETWEEN ? AND ? "
            "AND (performed_at + utc_offset * 60) / 86400 = ?",
            [drill_id, around - 2 * 86400, around + 2 * 86400, day],
            order_by="performed_at, id",
        )
        return [_from_row(row) for row in rows]

    def for_workout(self, workout_id: int) -> list[LoggedSet]:
        rows = self._table.rows_where("workout_id = ?", [workout_id], order_by="set_number, id")
        return [_from_row(row) for row in rows]

    def last_time(self, drill_id: str, *, before_workout: int | None = None) -> list[LoggedSet]:
        """The sets of the drill from the last workout (or day, outside workouts) it was done,
        leaving out ``before_workout`` (the workout under way)."""
        exclude = before_workout if before_workout is not None else -1
        row = self._db.execute(
            "SELECT workout_id, performed_at, utc_offset FROM sets "
            "WHERE drill_id = ? AND coalesce(workout_id, -2) <> ? "
            "ORDER BY performed_at DESC, id DESC LIMIT 1",
            [drill_id, exclude],
        ).fetchone()
        if row is None:
            return []
        workout_id, at, offset = row
        if workout_id is not None:
            where, args = "drill_id = ? AND workout_id = ?", [drill_id, workout_id]
        else:
            # Quick-logged sets of the same local day.
            day_start = (at + offset * 60) // 86400 * 86400 - offset * 60
            where = "drill_id = ? AND workout_id IS NULL AND performed_at >= ? AND performed_at < ?"
            args = [drill_id, day_start, day_start + 86400]
        rows = self._table.rows_where(where, args, order_by="performed_at, id")
        return [_from_row(r) for r in rows]

    def all(self) -> Iterator[LoggedSet]:
        """Every set, oldest first."""
        return (_from_row(row) for row in self._table.rows_where(order_by="performed_at, id"))

    def count(self) -> int:
        return self._table.count


def to_row(logged: LoggedSet) -> dict[str, Any]:
    """The ``sets`` row of a set (without its id)."""
    performed_at, offset = timecodec.encode(logged.performed_at)
    return {
        "workout_id": logged.workout_id,
        "drill_id": logged.drill_id,
        "performed_at": performed_at,
        "utc_offset": offset,
        "set_number": logged.set_number,
        "side": logged.side.value if logged.side else None,
        "reps": logged.reps,
        "hold_seconds": logged.hold_seconds,
        "weight": logged.weight,
        "unit": logged.unit.value if logged.unit else None,
        "band": logged.band,
        "rpe": logged.rpe,
        "kind": logged.kind.value,
        "note": logged.note,
        "result": logged.result.value if logged.result else None,
        "measured": logged.measured,
    }


def _from_row(row: dict[str, Any]) -> LoggedSet:
    return LoggedSet(
        id=row["id"],
        workout_id=row["workout_id"],
        drill_id=row["drill_id"],
        performed_at=timecodec.decode(row["performed_at"], row["utc_offset"]),
        set_number=row["set_number"],
        side=Side(row["side"]) if row["side"] else None,
        reps=row["reps"],
        hold_seconds=row["hold_seconds"],
        weight=row["weight"],
        unit=Unit(row["unit"]) if row["unit"] else None,
        band=row["band"],
        rpe=row["rpe"],
        kind=SetKind(row["kind"]),
        note=row["note"],
        result=CheckOutcome(row["result"]) if row.get("result") else None,
        measured=row.get("measured"),
    )
