"""Storing an import: every new set of a plan in one transaction, or nothing.

A set already in the log is not added again: the same drill at the same moment with the same
set number and side, in a workout of the same name, is the same set (``set_keys.py``), so
importing a file twice adds nothing the second time, and a history exported from Hinge and
imported back adds only what is missing. A workout that is already there (same start and name)
takes the new sets rather than being doubled.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from hinge_desktop.domain.imports.plan import ImportPlan, PlannedWorkout
from hinge_desktop.domain.training import LoggedSet
from hinge_desktop.storage import timecodec
from hinge_desktop.storage.custom_drills import CustomDrill, CustomDrillRepository
from hinge_desktop.storage.history_writer import insert_row
from hinge_desktop.storage.importing.extras import wanted_keys, write_extras
from hinge_desktop.storage.importing.set_keys import SetKey, set_key
from hinge_desktop.storage.sets import to_row as set_row
from hinge_desktop.storage.workouts import to_row as workout_row

WIDEST_OFFSET = 14 * 3600
"""No time zone is further from UTC than this."""

PROGRESS_EVERY = 500
"""Sets between two progress reports."""


class NothingToImport(ValueError):
    """The plan has problems, so nothing of it may be stored."""


@dataclass(frozen=True)
class ImportOutcome:
    sets_added: int
    sets_already_there: int
    workouts_added: int
    drills_added: int
    import_id: int | None
    """None when nothing was added."""
    set_ids: dict[SetKey, int]
    """The ids of the new sets that Hinge JSON's extras refer to, by key."""


def stored_keys(db: Database, plan: ImportPlan) -> set[SetKey]:
    """The keys of the sets stored in the time the plan covers."""
    if plan.first is None or plan.last is None:
        return set()
    low = timecodec.encode(plan.first)[0] - 2 * WIDEST_OFFSET
    high = timecodec.encode(plan.last)[0] + 2 * WIDEST_OFFSET
    rows = db.execute(
        "SELECT s.drill_id, s.performed_at + s.utc_offset * 60, s.set_number, "
        "coalesce(s.side, ''), coalesce(w.name, '') "
        "FROM sets AS s LEFT JOIN workouts AS w ON w.id = s.workout_id "
        "WHERE s.performed_at BETWEEN ? AND ?",
        [low, high],
    ).fetchall()
    return {tuple(row) for row in rows}


def planned_keys(planned: PlannedWorkout) -> list[SetKey]:
    """The keys of a planned workout's sets, in order."""
    name = planned.workout.name if planned.workout is not None else ""
    return [set_key(logged, name) for logged in planned.sets]


def count_already_stored(db: Database, plan: ImportPlan) -> int:
    """How many of the plan's sets are in the log already (what the preview says)."""
    stored = stored_keys(db, plan)
    return sum(1 for planned in plan.workouts for key in planned_keys(planned) if key in stored)


def write_import(
    db: Database,
    plan: ImportPlan,
    file_name: str,
    progress: Callable[[int, int], None] | None = None,
) -> ImportOutcome:
    """Store the plan's new sets, workouts and drills, all together or not at all."""
    if plan.problems:
        raise NothingToImport(f"{len(plan.problems)} lines cannot be imported.")
    total = plan.set_count
    wanted = wanted_keys(plan.extras) if plan.extras else set()
    with db.atomic():
        stored = stored_keys(db, plan)
        import_id = insert_row(
            db,
            "imports",
            {
                "format": plan.format.value,
                "file_name": file_name,
                "imported_at": int(time.time()),
                "sets_added": 0,
                "workouts_added": 0,
            },
        )
        drills = CustomDrillRepository(db)
        for new in plan.new_drills:
            drills.add(CustomDrill(new.id, new.name, new.imported_as))
        workouts = _stored_workouts(db, plan)
        added: dict[SetKey, int] = {}
        sets_added = skipped = workouts_added = done = reported = 0
        for planned in plan.workouts:
            fresh = []
            for logged, key in zip(planned.sets, planned_keys(planned), strict=True):
                if key not in stored:
                    stored.add(key)  # a set the file gives twice is stored once
                    fresh.append((logged, key))
            skipped += len(planned.sets) - len(fresh)
            done += len(planned.sets)
            if fresh:
                workout_id = None
                if planned.workout is not None:
                    row = workout_row(planned.workout)
                    workout_id = workouts.get((row["started_at"], row["name"]))
                    if workout_id is None:
                        workout_id = insert_row(db, "workouts", {**row, "import_id": import_id})
                        workouts[(row["started_at"], row["name"])] = workout_id
                        workouts_added += 1
                added.update(_insert_sets(db, fresh, workout_id, import_id, wanted))
                sets_added += len(fresh)
            if progress is not None and done - reported >= PROGRESS_EVERY:
                progress(done, total)
                reported = done
        if plan.extras:
            write_extras(db, plan.extras, added)
        if sets_added:
            db.execute(
                "UPDATE imports SET sets_added = ?, workouts_added = ? WHERE id = ?",
                [sets_added, workouts_added, import_id],
            )
        else:
            db.execute("DELETE FROM imports WHERE id = ?", [import_id])
    if progress is not None:
        progress(total, total)
    return ImportOutcome(
        sets_added=sets_added,
        sets_already_there=skipped,
        workouts_added=workouts_added,
        drills_added=len(plan.new_drills),
        import_id=import_id if sets_added else None,
        set_ids=added,
    )


def remove_import(db: Database, import_id: int) -> int:
    """Take an import back: its sets, and its workouts left without sets; returns the number
    of sets removed. Drills of the person's own stay, with their names."""
    with db.atomic():
        removed = db.execute("DELETE FROM sets WHERE import_id = ?", [import_id]).rowcount
        db.execute(
            "DELETE FROM workouts WHERE import_id = ? "
            "AND NOT EXISTS (SELECT 1 FROM sets WHERE sets.workout_id = workouts.id)",
            [import_id],
        )
        # A workout that a later import or the person added sets to stays, as theirs.
        db.execute("UPDATE workouts SET import_id = NULL WHERE import_id = ?", [import_id])
        db.execute("DELETE FROM imports WHERE id = ?", [import_id])
    return removed


def _stored_workouts(db: Database, plan: ImportPlan) -> dict[tuple[int, str], int]:
    starts = [
        timecodec.encode(planned.workout.started_at)[0]
        for planned in plan.workouts
        if planned.workout is not None
    ]
    if not starts:
        return {}
    rows = db.execute(
        "SELECT started_at, name, id FROM workouts WHERE started_at BETWEEN ? AND ?",
        [min(starts), max(starts)],
    ).fetchall()
    return {(started, name): workout_id for started, name, workout_id in rows}


def _insert_sets(
    db: Database,
    fresh: list[tuple[LoggedSet, SetKey]],
    workout_id: int | None,
    import_id: int,
    wanted: set[SetKey],
) -> dict[SetKey, int]:
    """Insert a workout's new sets; returns the ids of those in ``wanted`` (the sets the
    extras refer to), by key. The others go in with one statement for them all."""
    ids: dict[SetKey, int] = {}
    rows = []
    for logged, key in fresh:
        row: dict[str, Any] = set_row(logged)
        row["workout_id"] = workout_id
        row["import_id"] = import_id
        if key in wanted:
            ids[key] = insert_row(db, "sets", row)
        else:
            rows.append(row)
    if rows:
        columns = ", ".join(rows[0])
        values = ", ".join(f":{column}" for column in rows[0])
        db.conn.executemany(f"INSERT INTO sets ({columns}) VALUES ({values})", rows)
    return ids
