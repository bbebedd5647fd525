"""A made-up but believable two years of training, for ``hinge-desktop --demo``.

Someone opening Hinge for the first time sees empty charts, an empty calendar and a ladder on
its first rung; the demo history shows what they look like after real use. It is generated
rather than shipped, so that it always ends on the day it is added, and it is deterministic (one
seeded random generator), so the same day gives the same history and tests can rely on it.

The person it describes climbs the ladder by its own rules (:mod:`hinge_desktop.domain.ladder`),
applied here as the history is generated, so that the sets that move them up are the very ones
the app finds when it applies the rules to the log:

- day 1 is the checks: the glute squeeze test fails (so activation comes first) and the active
  straight-leg raise is well short of 90°;
- a few weeks of activation; the squeeze test is retaken once six activation days are done,
  fails, and passes a week later;
- mobility, with the straight-leg raise measured on each side each time until both legs reach
  90° on the same day (the right leg lags the left by a few degrees);
- patterning, light loading, loading (weights held in the hands) and bar and swing, each left
  after three days on which a standing hinge of the rung went easily (its three "easily"
  questions all answered yes, asked only after the standing hinges, or during patterning the
  wall hinge check passed), with "no" days before and between;
- loaded hinges with double progression from the lightest load (the reps rise to the top of a
  range, then the load goes up and the reps drop back), warm-up sets before heavy ones, the
  Romanian deadlift as the main lift with a two-month plateau, and each autumn a holiday week in
  a hotel gym whose plates are in pounds;
- activation, patterning and mobility drills stay on as warm-ups and cool-downs; 3 to 5 sessions
  a week at different times of day, busy weeks, a two-week illness, two weeks off each summer
  and a break over Christmas.

Nothing here reads the clock or touches the database: ``today`` comes in, sessions go out.
This module puts the history together; its parts are the days trained
(:mod:`~hinge_desktop.demo.training_days`), the person who plans each visit as the ladder suggests
(:mod:`~hinge_desktop.demo.person`), the workouts of each rung
(:mod:`~hinge_desktop.demo.workouts`), the lifts and their double progression
(:mod:`~hinge_desktop.demo.lifts`), one workout's sets on a running clock
(:mod:`~hinge_desktop.demo.workout_builder`) and the ladder followed as the history is made
(:mod:`~hinge_desktop.demo.ladder_tracker`).
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from functools import partial

from hinge_desktop.demo.person import Person
from hinge_desktop.demo.training_days import Localise, visits
from hinge_desktop.demo.workout_builder import DemoWorkout
from hinge_desktop.domain.catalogue import Catalogue

DEMO_SEED = 20_240_611
HISTORY_DAYS = 730
"""Two years, ending on the day the history is made."""


def demo_history(
    today: datetime,
    catalogue: Catalogue,
    *,
    seed: int = DEMO_SEED,
    localise: Localise | None = None,
) -> list[DemoWorkout]:
    """Two years of sessions, oldest first, all ended by ``today`` (timezone-aware).

    Each session starts at a local time of day that ``localise`` places in time, so that the
    caller can give summer and winter their own UTC offsets, as sets logged at the time have;
    by default every session has ``today``'s offset. The same arguments give the same history.
    """
    if today.utcoffset() is None:
        raise ValueError("today must carry its UTC offset (a timezone-aware datetime)")
    if localise is None:
        localise = partial(datetime.replace, tzinfo=today.tzinfo)
    rng = random.Random(seed)
    first = today.date() - timedelta(days=HISTORY_DAYS)
    person = Person(catalogue, rng, first)
    sessions: list[DemoWorkout] = []
    for visit in visits(first, today.date(), localise, rng):
        done = person.visit(visit)
        if done[-1].workout.ended_at is not None and done[-1].workout.ended_at > today:
            break
        sessions.extend(done)
    return sessions
