"""What each version of Hinge's JSON export means in today's terms: the rungs of the ladder a
file can name, and how an older file's rungs and rung routines read now.

Version 1 was written while single-leg work was rung 6; version 2 adds the bar-and-swing rung
as 6 and moves single-leg work to 7. A person whose version 1 file reached single-leg work had
passed the whole of the old loading rung, bar work included, so the new rung is read as reached
at the same moment, just before single leg (as the database's own migration does).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from hinge_desktop.domain.imports.model import SourceWorkout

CURRENT_VERSION = 2
TOP_PHASE = {1: 6, 2: 7}
"""The highest rung a file of each version can name."""
SUPPORTED_VERSIONS = tuple(TOP_PHASE)

_OLD_SINGLE_LEG, _BAR_AND_SWING, _SINGLE_LEG = 6, 6, 7
_ROUTINES_MOVED = {"builtin.phase-6": "builtin.phase-7"}
_NAMES_MOVED = {"Ladder 6: single leg": "Ladder 7: single leg"}


def read_phase(value: int | None, version: int) -> int:
    """The rung ``value`` as a file of ``version`` names it; ValueError when it is none."""
    top = TOP_PHASE[version]
    if value is None or not 0 <= value <= top:
        raise ValueError(f"phase {value!r} is not a phase of the ladder (0 to {top})")
    return value


def phase_events_now(events: list[dict[str, Any]], version: int) -> list[dict[str, Any]]:
    """The phases reached, as rungs are numbered now (each event keeps its line)."""
    if version >= CURRENT_VERSION:
        return events
    now: list[dict[str, Any]] = []
    for event in events:
        if event["phase"] == _OLD_SINGLE_LEG:
            now += [{**event, "phase": _BAR_AND_SWING}, {**event, "phase": _SINGLE_LEG}]
        else:
            now.append(event)
    return now


def workout_now(workout: SourceWorkout, version: int) -> SourceWorkout:
    """A workout as it reads now: one started from the single-leg rung's routine points at
    that routine's id today, and its old title follows."""
    if version >= CURRENT_VERSION or workout.routine_id not in _ROUTINES_MOVED:
        return workout
    return replace(
        workout,
        routine_id=_ROUTINES_MOVED[workout.routine_id],
        name=_NAMES_MOVED.get(workout.name, workout.name),
    )
