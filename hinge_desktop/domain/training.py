"""What a person logs: workouts (sessions) and the sets done in them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

MAX_REPS = 200
MAX_HOLD_SECONDS = 600.0
MAX_WEIGHT_KG = 500.0
LB_PER_KG = 2.20462262185
MAX_MEASURED = 360.0


@dataclass(frozen=True)
class SetLimits:
    """The largest values a set may have."""

    reps: int
    seconds: float
    weight_kg: float


ENTRY_LIMITS = SetLimits(reps=MAX_REPS, seconds=MAX_HOLD_SECONDS, weight_kg=MAX_WEIGHT_KG)
"""What a person logs in Hinge: the hinge drills' plausible range, so a slip of the finger
(2000 reps) is caught."""

RECORD_LIMITS = SetLimits(reps=10_000, seconds=7 * 24 * 3600.0, weight_kg=2_000.0)
"""What a stored set may hold: also what other apps recorded for other exercises (a 600 kg leg
press, a 30-minute run, 500 skips), which an import keeps as it was."""


class Unit(StrEnum):
    KG = "kg"
    LB = "lb"


class Side(StrEnum):
    LEFT = "left"
    RIGHT = "right"


class SetKind(StrEnum):
    WARMUP = "warmup"
    WORKING = "working"
    FAILURE = "failure"
    DROP = "drop"


class CheckOutcome(StrEnum):
    """The result of a check drill (the glute squeeze test, the wall hinge check, ...)."""

    PASS = "pass"
    FAIL = "fail"


class InvalidSet(ValueError):
    """A set with a value outside what a person can do; the message names the field."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(message)
        self.field_name = field_name


def to_kg(weight: float, unit: Unit) -> float:
    return weight if unit is Unit.KG else weight / LB_PER_KG


def _require_aware(moment: datetime, name: str) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must carry its UTC offset (a timezone-aware datetime)")


@dataclass(frozen=True)
class Workout:
    """One training session: a routine or a single drill, from start to end."""

    started_at: datetime
    ended_at: datetime | None = None
    routine_id: str | None = None
    drill_id: str | None = None
    notes: str = ""
    name: str = ""
    """What was trained, as the person saw it then: the routine's or the drill's name."""
    id: int | None = None

    def __post_init__(self) -> None:
        _require_aware(self.started_at, "started_at")
        if self.ended_at is not None:
            _require_aware(self.ended_at, "ended_at")
            if self.ended_at < self.started_at:
                raise ValueError("A workout cannot end before it starts.")


@dataclass(frozen=True)
class LoggedSet:
    """One set as the person did it. Empty fields are those that do not apply to the drill."""

    drill_id: str
    performed_at: datetime
    set_number: int = 1
    reps: int | None = None
    hold_seconds: float | None = None
    weight: float | None = None
    unit: Unit | None = None
    side: Side | None = None
    band: str | None = None
    rpe: float | None = None
    kind: SetKind = SetKind.WORKING
    note: str = ""
    result: CheckOutcome | None = None
    """For a check: passed or not."""
    measured: float | None = None
    """For a check that measures (the leg's angle in the straight-leg raise): the value."""
    workout_id: int | None = None
    id: int | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        _require_aware(self.performed_at, "performed_at")
        validate_set(self, RECORD_LIMITS)

    @property
    def weight_kg(self) -> float | None:
        if self.weight is None or self.unit is None:
            return None
        return to_kg(self.weight, self.unit)


def validate_set(logged: LoggedSet, limits: SetLimits = ENTRY_LIMITS) -> None:
    """Refuse values outside ``limits``, naming the field and the allowed range.

    Every set is checked against :data:`RECORD_LIMITS` when made; what a person enters is also
    checked against :data:`ENTRY_LIMITS`."""
    if not logged.drill_id.strip():
        raise InvalidSet("drill_id", "A set needs the drill it belongs to.")
    if logged.set_number < 1:
        raise InvalidSet("set_number", "The set number starts at 1.")
    if logged.reps is not None and not 0 <= logged.reps <= limits.reps:
        raise InvalidSet("reps", f"Reps must be between 0 and {limits.reps}.")
    if logged.hold_seconds is not None and not 0 <= logged.hold_seconds <= limits.seconds:
        raise InvalidSet(
            "hold_seconds", f"A hold must be between 0 and {limits.seconds:.0f} seconds."
        )
    if logged.weight is not None:
        if logged.unit is None:
            raise InvalidSet("unit", "A weight needs its unit, kg or lb.")
        kg = limits.weight_kg
        limit = kg if logged.unit is Unit.KG else round(kg * LB_PER_KG)
        if not 0 <= logged.weight <= limit:
            raise InvalidSet(
                "weight", f"Weight must be between 0 and {limit:g} {logged.unit.value}."
            )
    if logged.rpe is not None and not 1 <= logged.rpe <= 10:
        raise InvalidSet("rpe", "RPE must be between 1 and 10.")
    if logged.measured is not None and not 0 <= logged.measured <= MAX_MEASURED:
        raise InvalidSet("measured", f"A measured value must be between 0 and {MAX_MEASURED:g}.")
