"""Storing what only Hinge's JSON export carries besides sets: the person's own drills,
favourites, routines, the phases of the ladder reached, the "easily" answers after sets and
the sets that hurt.

Each is added only when missing, so importing an export into the log it came from changes
nothing, and into a fresh log gives back the same log.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from hinge_desktop.domain.routines import Routine
from hinge_desktop.storage import timecodec
from hinge_desktop.storage.custom_drills import CustomDrill, CustomDrillRepository
from hinge_desktop.storage.hurt_queries import HURT_TABLE
from hinge_desktop.storage.importing.set_keys import SetKey

AnswerKey = tuple[str, datetime, int, str, str]
"""(drill id, performed at, set number, side or "", workout name or "") as Hinge JSON gives a
set with "easily" answers or that hurt."""


def wanted_keys(extras: Mapping[str, Any]) -> set[SetKey]:
    """The keys of the sets the extras refer to: the writer keeps those sets' new ids."""
    answers: Mapping[AnswerKey, object] = extras.get("answers", {})
    hurts: list[AnswerKey] = extras.get("hurts", [])
    return {_key(item) for item in (*answers, *hurts)}


def _key(item: AnswerKey) -> SetKey:
    drill_id, performed_at, number, side, workout = item
    at, offset = timecodec.encode(performed_at)
    return (drill_id, at + offset * 60, number, side, workout)


def write_extras(db: Database, extras: Mapping[str, Any], set_ids: Mapping[SetKey, int]) -> None:
    """Store the extras of a parsed Hinge JSON file, inside the caller's transaction;
    ``set_ids`` are the ids of the sets the import added, by key."""
    drills = CustomDrillRepository(db)
    for drill in extras.get("custom_drills", []):
        drills.add(CustomDrill(drill["id"], drill["name"], drill["imported_as"]))
        # An export of a log where the drill had been renamed: the name the person gave wins.
        db.execute(
            "UPDATE custom_drills SET name = ? WHERE id = ? AND name = imported_as",
            [drill["name"], drill["id"]],
        )
    for favourite in extras.get("favourites", []):
        db.execute(
            "INSERT OR IGNORE INTO favourite_drills (drill_id, added_at) VALUES (?, ?)",
            [favourite["drill_id"], timecodec.encode(favourite["added_at"])[0]],
        )
    _routines(db, extras.get("routines", []))
    for event in extras.get("phase_events", []):
        at, offset = timecodec.encode(event["reached_at"])
        db.execute(
            "INSERT INTO phase_events (phase, reached_at, utc_offset, reason) "
            "SELECT ?, ?, ?, ? WHERE NOT EXISTS "
            "(SELECT 1 FROM phase_events WHERE phase = ? AND reached_at = ?)",
            [event["phase"], at, offset, event["reason"], event["phase"], at],
        )
    answers: Mapping[AnswerKey, Mapping[str, bool]] = extras.get("answers", {})
    for item, given in answers.items():
        set_id = set_ids.get(_key(item))
        if set_id is not None:
            db.execute(
                "INSERT OR IGNORE INTO gate_answers "
                "(set_id, nobody_held, back_still, pressure_steady) VALUES (?, ?, ?, ?)",
                [set_id, given["nobody_held"], given["back_still"], given["pressure_steady"]],
            )
    for item in extras.get("hurts", []):
        set_id = set_ids.get(_key(item))
        if set_id is not None:
            db.execute(f"INSERT OR IGNORE INTO {HURT_TABLE} (set_id) VALUES (?)", [set_id])


def _routines(db: Database, routines: list[Mapping[str, Any]]) -> None:
    position = db.execute("SELECT coalesce(max(position), -1) + 1 FROM routines").fetchone()[0]
    for item in routines:
        routine: Routine = item["routine"]
        if db.execute("SELECT 1 FROM routines WHERE id = ?", [routine.id]).fetchone():
            continue
        db.execute(
            "INSERT INTO routines "
            "(id, name, position, rounds, rest_after_round, rest_between_drills, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                routine.id,
                routine.name,
                position,
                routine.rounds,
                routine.rest_after_round,
                routine.rest_between_drills,
                timecodec.encode(item["created_at"])[0],
            ],
        )
        position += 1
        db.conn.executemany(
            "INSERT INTO routine_drills "
            "(routine_id, position, drill_id, sets, reps, hold_seconds, rest_seconds) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    routine.id,
                    index,
                    entry.drill_id,
                    entry.sets,
                    entry.reps,
                    entry.hold_seconds,
                    entry.rest_seconds,
                )
                for index, entry in enumerate(routine.entries)
            ],
        )
