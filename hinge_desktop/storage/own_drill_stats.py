"""How much each drill of the person's own was trained: for the list where they see and rename
them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from hinge_desktop.storage import timecodec

_QUERY = """
    SELECT c.id, c.name, c.imported_as, count(s.id), max(s.performed_at), s.utc_offset
    FROM custom_drills AS c LEFT JOIN sets AS s ON s.drill_id = c.id
    GROUP BY c.id
    ORDER BY c.name COLLATE NOCASE, c.id
"""
# With max(), SQLite takes the bare column (the offset) from the row that has the maximum.


@dataclass(frozen=True)
class OwnDrillStats:
    id: str
    name: str
    imported_as: str
    sets: int
    last_trained: datetime | None
    """The newest set's moment, with the UTC offset the person had then."""


class OwnDrillStatsReader:
    """Reads the person's own drills with their set counts, by name."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def all(self) -> list[OwnDrillStats]:
        rows = self._db.execute(_QUERY).fetchall()
        return [
            OwnDrillStats(
                id=drill_id,
                name=name,
                imported_as=imported_as or "",
                sets=count,
                last_trained=None if last is None else timecodec.decode(last, offset or 0),
            )
            for drill_id, name, imported_as, count, last, offset in rows
        ]
