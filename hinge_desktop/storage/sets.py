"""Logged sets in the database. A set is on disk when :meth:`SetRepository.add` returns."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from sqlite_utils import Database
from sqlite_utils.db import NotFoundError

from hinge_desktop.domain.training import LoggedSet, SetKind, Side, Unit
from hinge_desktop.storage import timecodec


class SetRepository:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._table = db.table("sets")

    def add(self, logged: LoggedSet) -> LoggedSet:
        """Write one set in its own transaction; returns it with its id."""
        return replace(logged, id=self._table.insert(_to_row(logged)).last_pk)

    def add_many(self, sets: list[LoggedSet]) -> list[LoggedSet]:
        """Write several sets all together or not at all."""
        with self._db.atomic():
            return [self.add(logged) for logged in sets]

    def get(self, set_id: int) -> LoggedSet:
        try:
            return _from_row(self._table.get(set_id))
        except NotFoundError:
            raise KeyError(f"No set with id {set_id}") from None

    def delete(self, set_id: int) -> None:
        try:
            self._table.delete(set_id)
        except NotFoundError:
            raise KeyError(f"No set with id {set_id}") from None

    def for_drill(self, drill_id: str) -> Iterator[LoggedSet]:
        """The drill's sets, oldest first."""
        rows = self._table.rows_where("drill_id = ?", [drill_id], order_by="performed_at, id")
        return (_from_row(row) for row in rows)

    def for_workout(self, workout_id: int) -> list[LoggedSet]:
        rows = self._table.rows_where("workout_id = ?", [workout_id], order_by="set_number, id")
        return [_from_row(row) for row in rows]

    def count(self) -> int:
        return self._table.count


def _to_row(logged: LoggedSet) -> dict[str, Any]:
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
    )
