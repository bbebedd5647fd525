"""Merging a drill of one's own into another drill: its sets, its workouts and its places in
routines become the other drill's, and the drill of one's own goes, all in one transaction.

What a merge changed is returned whole, so that taking it back puts every row as it was; the
repository keeps nothing. The names the merged drill was known by are remembered with the drill
they went into (in ``hinge_meta``, under ``merged_exercise:`` and the name), so that importing the
same app's export again finds its sets there instead of making the drill anew with every set
twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlite_utils import Database

_MOVED = ("sets", "workouts", "routine_drills")
"""The tables whose rows name a drill by ``drill_id`` and follow it into the merge."""

MERGED_PREFIX = "merged_exercise:"
"""The start of a ``hinge_meta`` key that remembers a name of a merged drill; its value is the
drill that name's sets went into."""


@dataclass(frozen=True)
class MergedDrill:
    """A merge done: the drill that went, the drill it went into and the rows that moved."""

    drill_id: str
    name: str
    imported_as: str
    created_at: int
    into: str
    moved: tuple[tuple[str, tuple[int, ...]], ...]
    """For each table, the ids of its rows that named the drill."""
    favourite_since: int | None
    """When the drill was made a favourite, if it was one."""
    remembered: tuple[tuple[str, str | None], ...] = ()
    """The ``hinge_meta`` keys the merge wrote, each with the value it had before (None for a
    key it added)."""

    @property
    def set_ids(self) -> tuple[int, ...]:
        return dict(self.moved).get("sets", ())


def merge_drill(db: Database, drill_id: str, into: str) -> MergedDrill:
    """Make every set, workout and routine entry of the own drill ``drill_id`` one of ``into``
    and delete the own drill; raises ``KeyError`` when there is no such own drill and
    ``ValueError`` for a drill merged into itself."""
    if drill_id == into:
        raise ValueError("A drill cannot be merged into itself.")
    with db.atomic():
        row = db.execute(
            "SELECT id, name, imported_as, created_at FROM custom_drills WHERE id = ?", [drill_id]
        ).fetchone()
        if row is None:
            raise KeyError(f"No drill of your own with id {drill_id}")
        moved = []
        for table in _MOVED:
            ids = tuple(
                found
                for (found,) in db.execute(
                    f"SELECT id FROM {table} WHERE drill_id = ? ORDER BY id", [drill_id]
                ).fetchall()
            )
            db.execute(f"UPDATE {table} SET drill_id = ? WHERE drill_id = ?", [into, drill_id])
            moved.append((table, ids))
        favourite = db.execute(
            "SELECT added_at FROM favourite_drills WHERE drill_id = ?", [drill_id]
        ).fetchone()
        db.execute("DELETE FROM favourite_drills WHERE drill_id = ?", [drill_id])
        db.execute("DELETE FROM custom_drills WHERE id = ?", [drill_id])
        remembered = _remember(db, drill_id, (row[1], row[2]), into)
    return MergedDrill(
        drill_id=row[0],
        name=row[1],
        imported_as=row[2],
        created_at=row[3],
        into=into,
        moved=tuple(moved),
        favourite_since=favourite[0] if favourite is not None else None,
        remembered=remembered,
    )


def unmerge_drill(db: Database, merged: MergedDrill) -> None:
    """Take a merge back: the own drill as it was, and the rows that moved named by it again
    (those deleted since stay deleted)."""
    drill_id = merged.drill_id
    with db.atomic():
        db.execute(
            "INSERT OR IGNORE INTO custom_drills (id, name, imported_as, created_at) "
            "VALUES (?, ?, ?, ?)",
            [drill_id, merged.name, merged.imported_as, merged.created_at],
        )
        for table, ids in merged.moved:
            for chunk in _chunks(ids):
                marks = ", ".join("?" * len(chunk))
                db.execute(
                    f"UPDATE {table} SET drill_id = ? WHERE drill_id = ? AND id IN ({marks})",
                    [drill_id, merged.into, *chunk],
                )
        if merged.favourite_since is not None:
            db.execute(
                "INSERT OR IGNORE INTO favourite_drills (drill_id, added_at) VALUES (?, ?)",
                [drill_id, merged.favourite_since],
            )
        for key, before in merged.remembered:
            if before is None:
                db.execute("DELETE FROM hinge_meta WHERE key = ?", [key])
            else:
                db.execute("UPDATE hinge_meta SET value = ? WHERE key = ?", [before, key])


def merged_names(db: Database) -> dict[str, str]:
    """The drill each name of a merged drill went into, by that name."""
    rows = db.execute(
        "SELECT key, value FROM hinge_meta WHERE substr(key, 1, ?) = ?",
        [len(MERGED_PREFIX), MERGED_PREFIX],
    ).fetchall()
    return {key[len(MERGED_PREFIX) :]: value for key, value in rows}


def _remember(
    db: Database, drill_id: str, names: tuple[str, str], into: str
) -> tuple[tuple[str, str | None], ...]:
    """Remember the drill's names as going into ``into``, and send there too the names of
    drills merged into this one before; returns what was written, with what it replaced."""
    previous = {MERGED_PREFIX + name: value for name, value in merged_names(db).items()}
    keys = {MERGED_PREFIX + name for name in names if name}
    keys |= {key for key, value in previous.items() if value == drill_id}
    for key in sorted(keys):
        db.execute(
            "INSERT INTO hinge_meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, into],
        )
    return tuple((key, previous.get(key)) for key in sorted(keys))


def _chunks(ids: Sequence[int], size: int = 500) -> list[Sequence[int]]:
    """``ids`` in pieces small enough for one statement's parameters."""
    return [ids[at : at + size] for at in range(0, len(ids), size)]
