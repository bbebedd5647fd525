"""The person's own drills: exercises brought from another app that are none of Hinge's."""

from __future__ import annotations

import time
from dataclasses import dataclass

from sqlite_utils import Database

MAX_NAME_LENGTH = 80


@dataclass(frozen=True)
class CustomDrill:
    id: str
    name: str
    imported_as: str = ""
    """The exercise's name in the file it first came from."""


class InvalidDrillName(ValueError):
    """A name a drill cannot have; the message says why."""


class CustomDrillRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def all(self) -> list[CustomDrill]:
        """Every drill of the person's own, by name."""
        rows = self._db.execute(
            "SELECT id, name, imported_as FROM custom_drills ORDER BY name COLLATE NOCASE, id"
        ).fetchall()
        return [CustomDrill(*row) for row in rows]

    def names(self) -> dict[str, str]:
        """Each drill's name by id."""
        return {drill.id: drill.name for drill in self.all()}

    def by_imported_name(self) -> dict[str, str]:
        """Each drill's id by the name it was imported under."""
        return {drill.imported_as: drill.id for drill in self.all() if drill.imported_as}

    def add(self, drill: CustomDrill) -> None:
        """Store a new drill; one with the same id already stored is left as it is."""
        self._db.execute(
            "INSERT OR IGNORE INTO custom_drills (id, name, imported_as, created_at) "
            "VALUES (?, ?, ?, ?)",
            [drill.id, _checked(drill.name), drill.imported_as, int(time.time())],
        )

    def rename(self, drill_id: str, name: str) -> CustomDrill:
        """Give a drill a new name; its sets stay with it."""
        with self._db.atomic():
            cursor = self._db.execute(
                "UPDATE custom_drills SET name = ? WHERE id = ?", [_checked(name), drill_id]
            )
            if cursor.rowcount == 0:
                raise KeyError(f"No drill of your own with id {drill_id}")
            row = self._db.execute(
                "SELECT id, name, imported_as FROM custom_drills WHERE id = ?", [drill_id]
            ).fetchone()
        return CustomDrill(*row)


def _checked(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise InvalidDrillName("A drill needs a name.")
    if len(name) > MAX_NAME_LENGTH:
        raise InvalidDrillName(f"A drill's name can have at most {MAX_NAME_LENGTH} characters.")
    return name
