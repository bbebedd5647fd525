"""The drills a person has starred, kept with their training data."""

from __future__ import annotations

import time

from sqlite_utils import Database


class FavouriteRepository:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._table = db.table("favourite_drills")

    def all(self) -> frozenset[str]:
        return frozenset(row["drill_id"] for row in self._table.rows)

    def set(self, drill_id: str, favourite: bool) -> None:
        """Star or unstar a drill; doing it twice is harmless."""
        if not drill_id:
            raise ValueError("A favourite needs a drill id")
        with self._db.atomic():
            if favourite:
                self._db.execute(
                    "INSERT OR IGNORE INTO favourite_drills (drill_id, added_at) VALUES (?, ?)",
                    [drill_id, int(time.time())],
                )
            else:
                self._db.execute("DELETE FROM favourite_drills WHERE drill_id = ?", [drill_id])
