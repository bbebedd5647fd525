"""Strong's header read: which of its columns holds what, by the names and the units in
brackets that each variant of the export gives them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from hinge_desktop.domain.training import Unit

REQUIRED_COLUMNS = ("Date", "Exercise Name", "Set Order")
"""The columns every variant of Strong's export has, and that tell it from other apps'."""

WEIGHT_UNITS = {"kg": Unit.KG, "kgs": Unit.KG, "lb": Unit.LB, "lbs": Unit.LB}

DISTANCE_UNITS = {
    "km": "km",
    "kms": "km",
    "kilometers": "km",
    "kilometres": "km",
    "mi": "mi",
    "mile": "mi",
    "miles": "mi",
    "m": "m",
    "meters": "m",
    "metres": "m",
    "ft": "ft",
    "feet": "ft",
    "yd": "yd",
    "yards": "yd",
}
"""How a distance's unit is written in a note, by the ways Strong names it."""

SECONDS_SUFFIXES = ("sec", "secs", "s", "seconds")
MINUTES_SUFFIXES = ("min", "mins", "minutes")


def loose_key(name: str) -> str:
    """A name compared without case or extra spaces."""
    return " ".join(name.casefold().split())


def missing_columns(header: list[str]) -> list[str]:
    """The columns every Strong export has that ``header`` lacks."""
    names = {loose_key(name) for name in header}
    return [column for column in REQUIRED_COLUMNS if loose_key(column) not in names]


@dataclass(frozen=True)
class Columns:
    """Which header name holds what; None when the file has no such column."""

    date: str
    exercise: str
    set_order: str
    workout: str | None = None
    duration: str | None = None
    duration_scale: float | None = None
    """Seconds per unit of a bare number in ``duration``; None when the header gives no unit."""
    weight: str | None = None
    weight_unit: Unit | None = None
    """The unit the header gives every weight."""
    weight_unit_column: str | None = None
    reps: str | None = None
    rpe: str | None = None
    distance: str | None = None
    distance_unit: str | None = None
    distance_unit_column: str | None = None
    seconds: str | None = None
    notes: str | None = None
    workout_notes: str | None = None


_SUFFIX = re.compile(r"^(?P<name>.*?)\s*\((?P<unit>[^()]*)\)$")


def _split_unit(name: str) -> tuple[str, str]:
    """("weight", "kg") for "Weight (kg)"; (name, "") without a unit in brackets."""
    key = loose_key(name)
    found = _SUFFIX.match(key)
    if found is None:
        return key, ""
    return found["name"], found["unit"].strip()


def read_columns(header: list[str]) -> Columns | str:
    """The columns of ``header``, or why it is not a Strong header."""
    missing = missing_columns(header)
    if missing:
        return (
            "The header is not that of a Strong export: it has no "
            + ", ".join(f"“{column}”" for column in missing)
            + " column"
        )
    found: dict[str, Any] = {}
    for name in header:
        role = _role(name)
        if role is not None and role[0] not in found:
            found[role[0]] = name
            found.update(role[1])
    return Columns(**found)


def _role(name: str) -> tuple[str, dict[str, Any]] | None:
    """What a header name holds, and what its unit in brackets says."""
    key = loose_key(name)
    if key in _PLAIN_COLUMNS:
        return _PLAIN_COLUMNS[key], {}
    base, unit = _split_unit(name)
    if base == "weight":
        return "weight", {"weight_unit": WEIGHT_UNITS.get(unit)}
    if base == "distance":
        return "distance", {"distance_unit": DISTANCE_UNITS.get(unit, unit) or None}
    if base in ("duration", "workout duration"):
        scale = 1.0 if unit in SECONDS_SUFFIXES else 60.0 if unit in MINUTES_SUFFIXES else None
        return "duration", {"duration_scale": scale}
    return None


_PLAIN_COLUMNS = {
    "date": "date",
    "exercise name": "exercise",
    "set order": "set_order",
    "workout name": "workout",
    "weight unit": "weight_unit_column",
    "reps": "reps",
    "rpe": "rpe",
    "distance unit": "distance_unit_column",
    "seconds": "seconds",
    "notes": "notes",
    "workout notes": "workout_notes",
}
"""Header names (compared by :func:`loose_key`) of columns without a unit, by what they hold."""
