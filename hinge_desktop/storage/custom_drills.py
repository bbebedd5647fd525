"""The person's own drills: exercises brought from another app that are none of Hinge's.

Two drills never share a name, whatever its case and spacing: a rename to the name of one of
Hinge's drills or of another own drill is refused with :class:`DrillNameTaken`, which names that
drill so that merging into it can be offered instead (:meth:`CustomDrillRepository.merge_into`).
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass

from sqlite_utils import Database

from hinge_desktop.storage.drill_merge import (
    MergedDrill,
    merge_drill,
    merged_names,
    unmerge_drill,
)

MAX_NAME_LENGTH = 80


@dataclass(frozen=True)
class CustomDrill:
    id: str
    name: str
    imported_as: str = ""
    """The exercise's name in the file it first came from."""


class InvalidDrillName(ValueError):
    """A name a drill cannot have; the message says why."""


class DrillNameTaken(InvalidDrillName):
    """The name is another drill's already: ``drill_id`` and ``name`` say which."""

    def __init__(self, drill_id: str, name: str, *, own: bool) -> None:
        whose = "another drill of yours" if own else "one of Hinge's drills"
        super().__init__(f"“{name}” is the name of {whose} already.")
        self.drill_id = drill_id
        self.name = name
        self.own = own
        """The name is one of the person's own drills' (else one of Hinge's)."""


def name_key(name: str) -> str:
    """A name as two drills' names are compared: without case and without spaces."""
    return "".join(name.casefold().split())


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
        """Each drill's id by the names an import knows it by: the name it has now and the
        name it was imported under (which wins where the two meet), so an exercise of the
        name the person gave a drill goes into that drill rather than a twin of it; and the
        names of drills merged into another, with the drill they went into."""
        drills = self.all()
        found = merged_names(self._db)
        found.update({drill.name: drill.id for drill in drills})
        found.update({drill.imported_as: drill.id for drill in drills if drill.imported_as})
        return found

    def add(self, drill: CustomDrill) -> None:
        """Store a new drill; one with the same id already stored is left as it is."""
        self._db.execute(
            "INSERT OR IGNORE INTO custom_drills (id, name, imported_as, created_at) "
            "VALUES (?, ?, ?, ?)",
            [drill.id, _checked(drill.name), drill.imported_as, int(time.time())],
        )

    def rename(
        self, drill_id: str, name: str, others: Mapping[str, str] | None = None
    ) -> CustomDrill:
        """Give a drill a new name; its sets stay with it. ``others``: the names of Hinge's
        drills by id, which an own drill's name must not be either; raises
        :class:`DrillNameTaken` for a name taken, :class:`InvalidDrillName` for a name no
        drill can have and ``KeyError`` for a drill not there."""
        name = _checked(name)
        with self._db.atomic():
            self._refuse_taken(drill_id, name, others or {})
            cursor = self._db.execute(
                "UPDATE custom_drills SET name = ? WHERE id = ?", [name, drill_id]
            )
            if cursor.rowcount == 0:
                raise KeyError(f"No drill of your own with id {drill_id}")
            row = self._db.execute(
                "SELECT id, name, imported_as FROM custom_drills WHERE id = ?", [drill_id]
            ).fetchone()
        return CustomDrill(*row)

    def merge_into(self, drill_id: str, into: str) -> MergedDrill:
        """Make every set of the drill ``drill_id`` one of ``into`` (one of Hinge's drills or
        another own drill), and delete it, in one transaction; what the merge changed is
        returned for :meth:`unmerge`. Raises ``KeyError`` for a drill not there."""
        return merge_drill(self._db, drill_id, into)

    def unmerge(self, merged: MergedDrill) -> None:
        """Take a merge back: the drill and its sets as they were before it."""
        unmerge_drill(self._db, merged)

    def _refuse_taken(self, drill_id: str, name: str, others: Mapping[str, str]) -> None:
        key = name_key(name)
        for other_id, other in others.items():
            if name_key(other) == key:
                raise DrillNameTaken(other_id, other, own=False)
        rows = self._db.execute(
            "SELECT id, name FROM custom_drills WHERE id <> ?", [drill_id]
        ).fetchall()
        for other_id, other in rows:
            if name_key(other) == key:
                raise DrillNameTaken(other_id, other, own=True)


def _checked(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise InvalidDrillName("A drill needs a name.")
    if len(name) > MAX_NAME_LENGTH:
        raise InvalidDrillName(f"A drill's name can have at most {MAX_NAME_LENGTH} characters.")
    return name
