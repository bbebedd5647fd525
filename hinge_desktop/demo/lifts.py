"""The drills the demo's person trains by double progression: their loads, reps, warm-up sets
and how hard each set felt."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

EMPTY_BAR = 20.0
"""Kilograms."""

Load = float | str | None
"""A weight in kg, a band's colour, or None for body weight."""


def _plates(start: float, stop: float, step: float) -> tuple[float, ...]:
    count = round((stop - start) / step) + 1
    return tuple(float(start + step * index) for index in range(count))


@dataclass
class Lift:
    """A drill trained by double progression: reps climb from ``low`` to ``high``, then the
    load goes up a step and the reps start again from ``low``."""

    drill_id: str
    loads: tuple[Load, ...]
    low: int
    high: int
    pace: float = 0.6
    """The chance of a rep more after a session, at the lightest load: big jumps between loads
    (kettlebells, bands) come slowly."""
    barbell: bool = False
    """Ramped up to with warm-up sets from the empty bar; otherwise one lighter set, if any."""
    level: int = field(default=0, init=False)
    """Which of :attr:`loads` is lifted now."""
    reps: int = field(default=0, init=False)
    """The reps aimed at now, with the first working set."""

    def __post_init__(self) -> None:
        self.reps = self.low

    @property
    def load(self) -> Load:
        return self.loads[self.level]

    def working_reps(self, rng: random.Random, stalled: bool) -> list[int]:
        """The reps of the three working sets today; the later sets may fall one short."""
        if stalled:
            top = min(self.reps, self.high - 1) - rng.randint(0, 1)
            return [top, top - rng.randint(0, 1), top - rng.randint(0, 2)]
        if self.reps >= self.high:
            return [self.high] * 3
        return [self.reps, self.reps - (rng.random() < 0.3), self.reps - (rng.random() < 0.5)]

    def progress(self, rng: random.Random) -> None:
        """After a normal session: up a load from the top of the range, else maybe a rep more."""
        if self.reps >= self.high:
            if self.level + 1 < len(self.loads):
                self.level += 1
                self.reps = self.low
            return
        # Progress slows as the loads get heavy.
        chance = self.pace * (1 - 0.4 * self.level / max(1, len(self.loads) - 1))
        if rng.random() < chance:
            self.reps += 1

    def warm_ups(self) -> list[tuple[Load, int]]:
        """The lighter sets before the working sets: (load, reps)."""
        load = self.load
        if not isinstance(load, float):
            return []
        if self.barbell:
            ramp = [(EMPTY_BAR, 10)] if load >= 2 * EMPTY_BAR else []
            ramp += [(round_to(load * share, 2.5), reps) for share, reps in ((0.6, 6), (0.8, 3))]
            return [(weight, reps) for weight, reps in ramp if EMPTY_BAR <= weight < load - 5]
        return [(self.loads[self.level - 1], 8)] if self.level > 0 and load >= 16 else []

    def rpe(self, reps: int, rng: random.Random, stalled: bool) -> float:
        """How hard the set felt: harder near the top of the range, and on a plateau."""
        if stalled:
            return rng.choice((9.0, 9.0, 9.5))
        share = (reps - self.low) / max(1, self.high - self.low)
        return min(10.0, max(6.0, round((6.5 + 2.5 * share + rng.uniform(-0.5, 0.5)) * 2) / 2))


def round_to(value: float, step: float) -> float:
    return round(value / step) * step


def starting_lifts() -> dict[str, Lift]:
    bells = (8.0, 12.0, 16.0, 20.0, 24.0, 28.0, 32.0, 36.0, 40.0, 48.0)
    lifts = [
        Lift("glute-bridge", (None,), 10, 15),
        Lift("single-leg-glute-bridge", (None,), 6, 10),
        Lift("hip-extension-bench-hands", (None,), 8, 12),
        Lift("glute-bridge-knee-outs", ("yellow", "red"), 10, 15),
        Lift("good-morning", _plates(5, 40, 2.5), 10, 15, pace=0.4),
        Lift("band-pull-through", ("red", "green", "blue", "black"), 12, 25, pace=0.4),
        Lift("band-good-morning", ("yellow", "red", "green", "blue"), 12, 15),
        # Each loaded drill starts at the lightest load there is (the drills' first-load rule):
        # the empty bar, the smallest bell, the hip thrust with no weight at all.
        Lift("romanian-deadlift", _plates(EMPTY_BAR, 140, 5), 8, 12, pace=0.6, barbell=True),
        Lift("hip-thrust", (None, *_plates(10, 80, 5)), 8, 12),
        Lift("kettlebell-deadlift", bells[1:], 8, 15, pace=0.35),
        Lift("front-loaded-rdl", bells, 10, 20, pace=0.35),
        Lift("kettlebell-swing", bells[1:], 12, 25, pace=0.35),
        Lift("b-stance-deadlift", bells[1:], 8, 15, pace=0.35),
        Lift("single-leg-rdl", bells, 8, 15, pace=0.35),
    ]
    return {lift.drill_id: lift for lift in lifts}
