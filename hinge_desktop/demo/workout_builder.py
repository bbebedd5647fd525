"""One generated workout as it is done: sets logged one after the other on a running clock, in
kilograms or, in a hotel gym, in pounds, ending as a :class:`DemoWorkout`."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from hinge_desktop.demo.lifts import Load, round_to
from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.ladder import GateAnswers
from hinge_desktop.domain.training import (
    LB_PER_KG,
    CheckOutcome,
    LoggedSet,
    SetKind,
    Side,
    Unit,
    Workout,
)


@dataclass(frozen=True)
class DemoWorkout:
    """One generated workout with its sets, and the "easily" answers given after some of them."""

    workout: Workout
    sets: tuple[LoggedSet, ...]
    answers: tuple[tuple[int, GateAnswers], ...] = ()
    """Pairs of (index into :attr:`sets`, the answers given after that set)."""


@dataclass(frozen=True)
class Spec:
    """The values of one set as the person logs them."""

    reps: int | None = None
    hold: float | None = None
    load: Load = None
    rpe: float | None = None
    kind: SetKind = SetKind.WORKING
    result: CheckOutcome | None = None
    measured: float | None = None


class WorkoutBuilder:
    """Sets one after the other on a running clock, numbered per drill as the player does."""

    def __init__(self, catalogue: Catalogue, start: datetime, rng: random.Random, hotel: bool):
        self._catalogue = catalogue
        self._rng = rng
        self._hotel = hotel
        self.start = start
        self.clock = start
        self.sets: list[LoggedSet] = []
        self.answers: list[tuple[int, GateAnswers]] = []
        self._numbers: dict[str, int] = {}

    def add(self, drill_id: str, spec: Spec, right: Spec | None = None) -> int:
        """Log one set (each side in turn for a per-side drill); returns the index of the last."""
        drill = self._catalogue.get(drill_id)
        number = self._numbers.get(drill_id, 0) + 1
        self._numbers[drill_id] = number
        if drill.prescription.alternating:
            # Sides change every rep: one set of both sides, as the player logs it.
            both = replace(spec, reps=None if spec.reps is None else 2 * spec.reps)
            self._log(drill_id, number, both, None)
        elif drill.prescription.per_side:
            self._log(drill_id, number, spec, Side.LEFT)
            self._wait(5)
            self._log(drill_id, number, right or spec, Side.RIGHT)
        else:
            self._log(drill_id, number, spec, None)
        rest = drill.prescription.rest_seconds or 20
        self._wait(round(rest * self._rng.uniform(0.8, 1.5)))
        return len(self.sets) - 1

    def answer(self, index: int, answers: GateAnswers) -> None:
        self.answers.append((index, answers))

    def _log(self, drill_id: str, number: int, spec: Spec, side: Side | None) -> None:
        tempo = self._catalogue.get(drill_id).prescription.tempo
        self._wait(round(spec.hold or (spec.reps or 1) * tempo.rep_seconds) + 5)
        weight, unit, band = self._load(spec.load)
        self.sets.append(
            LoggedSet(
                drill_id=drill_id,
                performed_at=self.clock,
                set_number=number,
                reps=spec.reps,
                hold_seconds=spec.hold,
                weight=weight,
                unit=unit,
                side=side,
                band=band,
                rpe=spec.rpe,
                kind=spec.kind,
                result=spec.result,
                measured=spec.measured,
            )
        )

    def _load(self, load: Load) -> tuple[float | None, Unit | None, str | None]:
        if isinstance(load, str):
            return None, None, load
        if load is None:
            return None, None, None
        if self._hotel:
            return float(round_to(load * LB_PER_KG, 5)), Unit.LB, None
        return load, Unit.KG, None

    def _wait(self, seconds: int) -> None:
        self.clock += timedelta(seconds=max(1, seconds))

    def finish(self, routine_id: str, name: str) -> DemoWorkout:
        ended = self.clock + timedelta(seconds=self._rng.randint(20, 90))
        workout = Workout(started_at=self.start, ended_at=ended, routine_id=routine_id, name=name)
        return DemoWorkout(workout, tuple(self.sets), tuple(self.answers))
