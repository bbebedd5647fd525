"""Ten years of near-daily training, for the benchmarks that need a realistic training log.

Several drills a day, reps, holds, loads in kg and lb, sides, warm-ups and checks; the same seed
gives the same log.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

from hinge_desktop.domain.training import CheckOutcome, LoggedSet, SetKind, Side, Unit
from hinge_desktop.storage.store import Store

CHUNK = 5_000
YEARS = 10
ZONE = timezone(timedelta(hours=1))
START = datetime(2015, 1, 5, 7, 0, tzinfo=ZONE)

# (drill id, reps or None for a hold, load in kg or None, per side)
DRILLS = (
    ("glute-bridge", 12, None, False),
    ("single-leg-glute-bridge", 10, None, True),
    ("hip-extension-bench-hands", 12, None, False),
    ("roll-stretch-hamstrings", None, None, False),
    ("wall-hip-hinge", 10, None, False),
    ("dowel-hinge", 8, None, False),
    ("dead-bug", 10, None, True),
    ("band-pull-through", 12, None, False),
    ("good-morning", 12, None, False),
    ("kettlebell-deadlift", 10, 16.0, False),
    ("romanian-deadlift", 8, 60.0, False),
    ("kettlebell-swing", 15, 20.0, False),
    ("hip-thrust", 10, 70.0, False),
    ("single-leg-rdl", 8, 12.0, True),
)
CHECKS = ("glute-squeeze-test", "aslr-test", "wall-hinge-check")


def training_history(total: int, seed: int = 1, start: datetime = START) -> Iterator[LoggedSet]:
    """About ``total`` sets, near-daily over :data:`YEARS` years from ``start``, oldest first."""
    rng = random.Random(seed)
    days = YEARS * 365
    produced = 0
    for day in range(days):
        if produced >= total:
            return
        if rng.random() < 0.1:
            continue  # a rest day
        moment = start + timedelta(days=day, minutes=rng.randint(0, 14 * 60))
        progress = day / days
        # Aim at what is left over the days left, so the history spans the whole ten years;
        # a drill's sets go past the day's budget by about three on average.
        per_day = (total - produced) / max(1.0, (days - day) * 0.9)
        budget = max(1, round(rng.gauss(per_day - 3, 3)))
        if rng.random() < 0.02:
            check = rng.choice(CHECKS)
            measured = round(rng.uniform(60, 95), 1) if check == "aslr-test" else None
            yield LoggedSet(
                drill_id=check,
                performed_at=moment,
                result=rng.choice(list(CheckOutcome)),
                measured=measured,
            )
            produced += 1
        set_number = 0
        while budget > 0 and produced < total:
            drill_id, reps, load, per_side = rng.choice(DRILLS)
            for number in range(1, rng.randint(2, 4) + 1):
                sides = (Side.LEFT, Side.RIGHT) if per_side else (None,)
                for side in sides:
                    if produced >= total:
                        return
                    moment += timedelta(seconds=rng.randint(45, 150))
                    set_number += 1
                    weight = None if load is None else round(load * (1 + progress), 1)
                    unit = None
                    if weight is not None:
                        unit = Unit.LB if day % 7 == 3 else Unit.KG
                        weight = weight if unit is Unit.KG else round(weight * 2.2)
                    yield LoggedSet(
                        drill_id=drill_id,
                        performed_at=moment,
                        set_number=number,
                        reps=reps,
                        hold_seconds=None if reps is not None else 60.0,
                        weight=weight,
                        unit=unit,
                        side=side,
                        rpe=round(rng.uniform(6, 9) * 2) / 2 if weight else None,
                        kind=SetKind.WARMUP if number == 1 and weight else SetKind.WORKING,
                    )
                    produced += 1
                    budget -= 1


def build(store: Store, total: int, start: datetime = START) -> float:
    """Fill the database through the storage layer; returns the seconds it took."""
    began = time.perf_counter()
    chunk: list[LoggedSet] = []
    for logged in training_history(total, start=start):
        chunk.append(logged)
        if len(chunk) == CHUNK:
            store.sets.add_many(chunk)
            chunk = []
    if chunk:
        store.sets.add_many(chunk)
    return time.perf_counter() - began
