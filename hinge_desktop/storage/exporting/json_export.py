"""Everything in the log as one JSON document, which an import takes back without loss.

Workouts with their sets (with the ladder's "easily" answers given after a set, and
``"hurt": true`` on a set the person said hurt), sets logged outside a workout, routines, the
person's own drills, favourites and the phases of the ladder reached. Moments are ISO 8601
local times with their UTC offset, as the person had them.

Each set is written on a line of its own, so that a problem found on import can name its line,
and the file reads well in a text editor.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from sqlite_utils import Database

from hinge_desktop import COMMAND, __version__
from hinge_desktop.domain.imports.hinge_json_versions import CURRENT_VERSION
from hinge_desktop.storage import timecodec
from hinge_desktop.storage.exporting.csv_export import write_whole
from hinge_desktop.storage.hurt_queries import HURT_TABLE

FORMAT = "hinge-training-log"
VERSION = CURRENT_VERSION
"""2 since the ladder has the bar-and-swing rung (6) and single-leg work is 7; the import reads
version 1 files in today's terms."""

SET_FIELDS = (
    "drill_id",
    "performed_at",
    "set_number",
    "side",
    "reps",
    "hold_seconds",
    "weight",
    "unit",
    "band",
    "rpe",
    "kind",
    "note",
    "result",
    "measured",
)
ANSWER_FIELDS = ("nobody_held", "back_still", "pressure_steady")


def export_json(db: Database, path: Path, now: datetime | None = None) -> int:
    """Write the whole log to ``path``; returns the number of sets written.

    Raises :class:`~hinge_desktop.storage.exporting.csv_export.ExportError` when ``path`` cannot be
    written; the file is then left as it was.
    """
    moment = now or datetime.now().astimezone()

    def fill(handle: IO[str]) -> int:
        return _write(db, handle, moment)

    return write_whole(path, fill)


def _write(db: Database, out: IO[str], now: datetime) -> int:
    head = {
        "format": FORMAT,
        "version": VERSION,
        "exported_by": f"{COMMAND} {__version__}",
        "exported_at": now.isoformat(timespec="seconds"),
    }
    out.write("{\n")
    for key, value in head.items():
        out.write(f"  {_dumps(key)}: {_dumps(value)},\n")
    for key, items in (
        ("custom_drills", _custom_drills(db)),
        ("favourites", _favourites(db)),
        ("routines", _routines(db)),
        ("phase_events", _phase_events(db)),
    ):
        _write_list(out, key, items)
        out.write(",\n")
    answers = _answers(db)
    hurts = _hurts(db)
    count = 0
    out.write('  "workouts": [')
    workouts = db.execute(
        "SELECT id, started_at, utc_offset, ended_at, routine_id, drill_id, name, notes "
        "FROM workouts ORDER BY started_at, id"
    ).fetchall()
    for index, (workout_id, started, offset, ended, routine_id, drill_id, name, notes) in enumerate(
        workouts
    ):
        workout = {
            "started_at": _moment(started, offset),
            "ended_at": _moment(ended, offset) if ended is not None else None,
            "name": name,
            "notes": notes,
            "routine_id": routine_id,
            "drill_id": drill_id,
        }
        text = _dumps(workout)[:-1]
        out.write(("," if index else "") + f'\n    {text}, "sets": [')
        sets = _sets(db, "workout_id = ?", [workout_id], answers, hurts)
        _write_items(out, sets, indent="      ")
        out.write("]}" if not sets else "\n    ]}")
        count += len(sets)
    out.write("\n  ],\n" if workouts else "],\n")
    quick = _sets(db, "workout_id IS NULL", [], answers, hurts)
    out.write('  "sets_outside_workouts": [')
    _write_items(out, quick, indent="    ")
    out.write("\n  ]\n}\n" if quick else "]\n}\n")
    return count + len(quick)


def _write_list(out: IO[str], key: str, items: list[dict[str, Any]]) -> None:
    out.write(f"  {_dumps(key)}: [")
    _write_items(out, items, indent="    ")
    out.write("\n  ]" if items else "]")


def _write_items(out: IO[str], items: list[dict[str, Any]], indent: str) -> None:
    for index, item in enumerate(items):
        out.write(("," if index else "") + f"\n{indent}{_dumps(item)}")


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def _moment(seconds: int, offset: int) -> str:
    return timecodec.decode(seconds, offset).isoformat()


def _sets(
    db: Database,
    where: str,
    args: list[Any],
    answers: dict[int, dict[str, bool]],
    hurts: set[int],
) -> list[dict[str, Any]]:
    rows = db.execute(
        f"SELECT id, utc_offset, {', '.join(SET_FIELDS)} FROM sets WHERE {where} "
        "ORDER BY performed_at, set_number, id",
        args,
    ).fetchall()
    sets = []
    for set_id, offset, *values in rows:
        item = dict(zip(SET_FIELDS, values, strict=True))
        item["performed_at"] = _moment(item["performed_at"], offset)
        item = {key: value for key, value in item.items() if value not in (None, "")}
        if set_id in answers:
            item["easily"] = answers[set_id]
        if set_id in hurts:
            item["hurt"] = True
        sets.append(item)
    return sets


def _answers(db: Database) -> dict[int, dict[str, bool]]:
    rows = db.execute(f"SELECT set_id, {', '.join(ANSWER_FIELDS)} FROM gate_answers").fetchall()
    return {
        set_id: dict(zip(ANSWER_FIELDS, (bool(v) for v in values), strict=True))
        for set_id, *values in rows
    }


def _hurts(db: Database) -> set[int]:
    return {row[0] for row in db.execute(f"SELECT set_id FROM {HURT_TABLE}")}


def _custom_drills(db: Database) -> list[dict[str, Any]]:
    rows = db.execute("SELECT id, name, imported_as FROM custom_drills ORDER BY id").fetchall()
    return [{"id": i, "name": name, "imported_as": source} for i, name, source in rows]


def _favourites(db: Database) -> list[dict[str, Any]]:
    rows = db.execute(
        "SELECT drill_id, added_at FROM favourite_drills ORDER BY added_at"
    ).fetchall()
    return [{"drill_id": drill_id, "added_at": _moment(at, 0)} for drill_id, at in rows]


def _routines(db: Database) -> list[dict[str, Any]]:
    routines = []
    rows = db.execute(
        "SELECT id, name, rounds, rest_after_round, rest_between_drills, created_at "
        "FROM routines ORDER BY position, id"
    ).fetchall()
    for routine_id, name, rounds, rest, between, created in rows:
        entries = db.execute(
            "SELECT drill_id, sets, reps, hold_seconds, rest_seconds FROM routine_drills "
            "WHERE routine_id = ? ORDER BY position, id",
            [routine_id],
        ).fetchall()
        routines.append(
            {
                "id": routine_id,
                "name": name,
                "rounds": rounds,
                "rest_after_round": rest,
                "rest_between_drills": between,
                "created_at": _moment(created, 0),
                "drills": [
                    {
                        "drill_id": drill_id,
                        "sets": sets,
                        "reps": reps,
                        "hold_seconds": hold,
                        "rest_seconds": rest_seconds,
                    }
                    for drill_id, sets, reps, hold, rest_seconds in entries
                ],
            }
        )
    return routines


def _phase_events(db: Database) -> list[dict[str, Any]]:
    rows = db.execute(
        "SELECT phase, reached_at, utc_offset, reason FROM phase_events ORDER BY reached_at, id"
    ).fetchall()
    return [
        {"phase": phase, "reached_at": _moment(at, offset), "reason": reason}
        for phase, at, offset, reason in rows
    ]
