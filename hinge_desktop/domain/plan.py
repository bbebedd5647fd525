"""What a workout is made of before it runs: drills with their doses, in order, maybe in rounds.

A plan is what the player runs and what is kept while a workout is under way, so that after a
crash the same workout can be rebuilt and resumed at the step where it stopped.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from hinge_desktop.domain.drills import Drill, Prescription
from hinge_desktop.domain.timeline import (
    GET_READY_SECONDS,
    Step,
    StepKind,
    build_steps,
    is_sided,
    set_steps,
)
from hinge_desktop.domain.training import MAX_HOLD_SECONDS, MAX_REPS, Side

MAX_SETS = 20
MAX_REST_SECONDS = 600
MAX_ROUNDS = 10
BETWEEN_CIRCUIT_DRILLS_SECONDS = 15.0
"""In a circuit, the short walk from one drill to the next."""
DEFAULT_REST_BETWEEN_DRILLS = 90
"""The rest from one drill to the next when a routine does not choose its own: what every
workout had before routines chose theirs, so a plan stored then rebuilds the same steps."""


class DrillLookup(Protocol):
    """What a plan needs of the catalogue."""

    def __contains__(self, drill_id: object) -> bool: ...

    def get(self, drill_id: str) -> Drill: ...


class InvalidPlan(ValueError):
    """A plan that cannot be run or stored; the message says what is wrong."""


@dataclass(frozen=True)
class PlanEntry:
    """One drill of a plan with its dose: sets of reps, or sets of a hold."""

    drill_id: str
    sets: int
    reps: int | None
    hold_seconds: int | None
    rest_seconds: int

    def __post_init__(self) -> None:
        if not self.drill_id.strip():
            raise InvalidPlan("A routine entry needs a drill.")
        if not 1 <= self.sets <= MAX_SETS:
            raise InvalidPlan(f"Sets must be between 1 and {MAX_SETS}.")
        if (self.reps is None) == (self.hold_seconds is None):
            raise InvalidPlan("A drill is done for reps or held for seconds, one of the two.")
        if self.reps is not None and not 1 <= self.reps <= MAX_REPS:
            raise InvalidPlan(f"Reps must be between 1 and {MAX_REPS}.")
        if self.hold_seconds is not None and not 1 <= self.hold_seconds <= MAX_HOLD_SECONDS:
            raise InvalidPlan(f"A hold must be between 1 and {MAX_HOLD_SECONDS:.0f} seconds.")
        if not 0 <= self.rest_seconds <= MAX_REST_SECONDS:
            raise InvalidPlan(f"Rest must be between 0 and {MAX_REST_SECONDS} seconds.")

    @classmethod
    def of(cls, drill: Drill) -> PlanEntry:
        """The drill at its own default dose."""
        p = drill.prescription
        return cls(drill.id, p.sets, p.reps, p.hold_seconds, p.rest_seconds)

    def prescription(self, drill: Drill) -> Prescription:
        """The drill's prescription with this entry's dose (tempo and sides stay the drill's)."""
        return replace(
            drill.prescription,
            sets=self.sets,
            reps=self.reps,
            hold_seconds=self.hold_seconds,
            rest_seconds=self.rest_seconds,
        )


def check_rounds(rounds: int, rest_after_round: int) -> None:
    """Refuse a number of rounds, or a rest after each, outside what a workout can have."""
    if not 1 <= rounds <= MAX_ROUNDS:
        raise InvalidPlan(f"Rounds must be between 1 and {MAX_ROUNDS}.")
    if not 0 <= rest_after_round <= MAX_REST_SECONDS:
        raise InvalidPlan(f"Rest after a round must be between 0 and {MAX_REST_SECONDS} s.")


def check_rest_between_drills(seconds: int) -> None:
    """Refuse a rest from one drill to the next outside what a workout can have."""
    if not 0 <= seconds <= MAX_REST_SECONDS:
        raise InvalidPlan(f"Rest between drills must be between 0 and {MAX_REST_SECONDS} seconds.")


@dataclass(frozen=True)
class WorkoutPlan:
    """Drills in order, ``rest_between_drills`` seconds from the last set of one to the next.
    With ``rounds`` above 1 it is a circuit: one set of each drill per round, a short walk
    (:data:`BETWEEN_CIRCUIT_DRILLS_SECONDS`) between drills and ``rest_after_round`` seconds of
    rest after each round."""

    name: str
    entries: tuple[PlanEntry, ...]
    routine_id: str | None = None
    rounds: int = 1
    rest_after_round: int = 0
    rest_between_drills: int = DEFAULT_REST_BETWEEN_DRILLS

    def __post_init__(self) -> None:
        if not self.entries:
            raise InvalidPlan("A workout needs at least one drill.")
        check_rounds(self.rounds, self.rest_after_round)
        check_rest_between_drills(self.rest_between_drills)

    @property
    def is_circuit(self) -> bool:
        return self.rounds > 1

    @classmethod
    def single(cls, drill: Drill) -> WorkoutPlan:
        """One drill at its default dose, as "Start this drill" runs it."""
        return cls(drill.name, (PlanEntry.of(drill),))

    def drills(self, catalogue: DrillLookup) -> list[Drill]:
        """Each entry's drill with the entry's dose; raises InvalidPlan for an unknown drill."""
        found = []
        for entry in self.entries:
            if entry.drill_id not in catalogue:
                raise InvalidPlan(f"The drill {entry.drill_id!r} is not in the library.")
            drill = catalogue.get(entry.drill_id)
            found.append(replace(drill, prescription=entry.prescription(drill)))
        return found

    def steps(self, catalogue: DrillLookup) -> tuple[Step, ...]:
        """The timeline's steps for this plan."""
        drills = self.drills(catalogue)
        if not self.is_circuit:
            return build_steps(drills, rest_between_drills=float(self.rest_between_drills))
        return build_circuit_steps(drills, self.rounds, float(self.rest_after_round))

    def seconds(self, catalogue: DrillLookup) -> float:
        """How long the plan runs as planned: get-ready, work at the tempo, side switches and
        every rest; raises InvalidPlan for an unknown drill."""
        return sum(step.seconds for step in self.steps(catalogue))

    # Stored form -------------------------------------------------------------------------

    def to_json(self) -> str:
        return json.dumps(
            {
                "name": self.name,
                "routine_id": self.routine_id,
                "rounds": self.rounds,
                "rest_after_round": self.rest_after_round,
                "rest_between_drills": self.rest_between_drills,
                "entries": [
                    {
                        "drill_id": e.drill_id,
                        "sets": e.sets,
                        "reps": e.reps,
                        "hold_seconds": e.hold_seconds,
                        "rest_seconds": e.rest_seconds,
                    }
                    for e in self.entries
                ],
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> WorkoutPlan:
        try:
            data = json.loads(text)
            return cls(
                name=str(data["name"]),
                routine_id=data.get("routine_id"),
                rounds=int(data.get("rounds", 1)),
                rest_after_round=int(data.get("rest_after_round", 0)),
                rest_between_drills=int(
                    data.get("rest_between_drills", DEFAULT_REST_BETWEEN_DRILLS)
                ),
                entries=tuple(
                    PlanEntry(
                        drill_id=str(e["drill_id"]),
                        sets=int(e["sets"]),
                        reps=e.get("reps"),
                        hold_seconds=e.get("hold_seconds"),
                        rest_seconds=int(e.get("rest_seconds", 0)),
                    )
                    for e in data["entries"]
                ),
            )
        except (ValueError, KeyError, TypeError) as exc:
            if isinstance(exc, InvalidPlan):
                raise
            raise InvalidPlan(f"The stored workout cannot be read: {exc}") from exc


def build_circuit_steps(
    drills: Sequence[Drill],
    rounds: int,
    rest_after_round: float,
    *,
    get_ready: float = GET_READY_SECONDS,
) -> tuple[Step, ...]:
    """Rounds of one set of each drill (its sides, parts or alternating reps as the timeline
    builds a set), a short change between drills and a rest after each round but the last. A
    round's number is the set number of each of its sets."""
    if not drills:
        raise InvalidPlan("A circuit needs at least one drill.")
    first = Side.LEFT if is_sided(drills[0]) else None
    steps: list[Step] = [Step(StepKind.GET_READY, drills[0], get_ready, 1, rounds, first)]
    for round_number in range(1, rounds + 1):
        for position, drill in enumerate(drills):
            steps.extend(set_steps(drill, round_number, rounds))
            following = drills[position + 1] if position + 1 < len(drills) else None
            if following is not None:
                steps.append(
                    Step(
                        StepKind.REST,
                        drill,
                        BETWEEN_CIRCUIT_DRILLS_SECONDS,
                        round_number,
                        rounds,
                        next_drill=following,
                    )
                )
            elif round_number < rounds and rest_after_round > 0:
                steps.append(
                    Step(
                        StepKind.REST,
                        drill,
                        rest_after_round,
                        round_number,
                        rounds,
                        next_drill=drills[0],
                    )
                )
    steps.append(Step(StepKind.DONE, None, 0.0))
    return tuple(steps)
