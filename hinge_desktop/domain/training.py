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
        validate_set(self)

    @property
    def weight_kg(self) -> float | None:
        if self.weight is None or self.unit is None:
            return None
        return to_kg(self.weight, self.unit)


def validate_set(logged: LoggedSet) -> None:
    """Refuse values outside what a person can log, naming the field and the allowed range."""
    if not logged.drill_id.strip():
        raise InvalidSet("drill_id", "A set needs the drill it belongs to.")
    if logged.set_number < 1:
        raise InvalidSet("set_number", "The set number starts at 1.")
    if logged.reps is not None and not 0 <= logged.reps <= MAX_REPS:
        raise InvalidSet("reps", f"Reps must be between 0 and {MAX_REPS}.")
    if logged.hold_seconds is not None and not 0 <= logged.hold_seconds <= MAX_HOLD_SECONDS:
        raise InvalidSet(
            "hold_seconds", f"A hold must be between 0 and {MAX_HOLD_SECONDS:.0f} seconds."
        )
    if logged.weight is not None:
        if logged.unit is None:
            raise InvalidSet("unit", "A weight needs its unit, kg or lb.")
        limit = MAX_WEIGHT_KG if logged.unit is Unit.KG else round(MAX_WEIGHT_KG * LB_PER_KG)
        if not 0 <= logged.weight <= limit:
            raise InvalidSet(
                "weight", f"Weight must be between 0 and {limit:g} {logged.unit.value}."
            )
    if logged.rpe is not None and not 1 <= logged.rpe <= 10:
        raise InvalidSet("rpe", "RPE must be between 1 and 10.")
    if logged.measured is not None and not 0 <= logged.measured <= MAX_MEASURED:
        raise InvalidSet("measured", f"A measured value must be between 0 and {MAX_MEASURED:g}.")
