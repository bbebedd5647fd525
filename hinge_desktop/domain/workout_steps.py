"""The steps of a workout, built from its drills: get ready, the sets, the rests, done.

A set is one step (reps, a hold), or for a drill done per side one step each side with a switch
between them; a drill done in timed parts (roll, then stretch) has a step per part with a short
change between parts; a drill whose sides alternate every rep does both sides in one step.
``timeline`` runs them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from hinge_desktop.domain.drills import Drill, Part
from hinge_desktop.domain.training import Side

GET_READY_SECONDS = 10.0
SWITCH_SIDES_SECONDS = 5.0
PART_CHANGE_SECONDS = 10.0
"""From one timed part to the next (off the roller and into the stretch, from standing to
sitting), and from one side to the other in a drill done in parts."""
REST_BETWEEN_DRILLS_SECONDS = 90.0

SetKey = tuple[str, int, Side | None]
"""A set as it is logged within a workout: drill, set number, side."""


class StepKind(StrEnum):
    GET_READY = "get_ready"
    REPS = "reps"
    HOLD = "hold"
    CHANGE = "change"
    """Between two timed parts of a set: getting into the next part."""
    SWITCH_SIDES = "switch_sides"
    REST = "rest"
    DONE = "done"


def other_side(side: Side) -> Side:
    return Side.RIGHT if side is Side.LEFT else Side.LEFT


def is_sided(drill: Drill) -> bool:
    """Whether the drill is done on each side (all of it, or some of its parts)."""
    p = drill.prescription
    return p.per_side or any(part.per_side for part in p.parts)


@dataclass(frozen=True)
class Step:
    """One stretch of the workout with a planned length (DONE has none)."""

    kind: StepKind
    drill: Drill | None
    seconds: float
    set_number: int = 0
    sets: int = 0
    side: Side | None = None
    """The side worked (the first one in a get-ready or an alternating set)."""
    reps: int = 0
    next_drill: Drill | None = None
    part: Part | None = None
    """In a drill done in parts: the part under way (a hold), or the one coming (a change)."""
    alternating: bool = False
    """Reps that change side every rep, from ``side`` on: both sides in one step."""
    within_set: bool = False
    """A change or a switch of sides between the parts of one set, which it belongs to."""

    @property
    def is_work(self) -> bool:
        return self.kind in (StepKind.REPS, StepKind.HOLD)

    @property
    def in_set(self) -> bool:
        """Part of a set: its work, and the changes between its parts."""
        return self.is_work or self.within_set

    @property
    def logged_side(self) -> Side | None:
        """The side the set is logged with: None where both sides make one set."""
        if self.drill is None or self.alternating or not self.drill.prescription.per_side:
            return None
        return self.side

    @property
    def set_key(self) -> SetKey:
        assert self.drill is not None
        return (self.drill.id, self.set_number, self.logged_side)

    @property
    def rep_seconds(self) -> float:
        return self.drill.prescription.tempo.rep_seconds if self.drill else 0.0


def set_steps(
    drill: Drill, set_number: int, sets: int, first: Side = Side.LEFT
) -> tuple[Step, ...]:
    """The steps of one set of ``drill`` (number ``set_number`` of ``sets``): its reps or hold,
    on each side from ``first`` where it is done per side (alternating sides every rep, or a
    side at a time with a switch between), or its timed parts in order."""
    p = drill.prescription
    if p.parts:
        return _parts(drill, set_number, sets, first)
    if p.reps is not None:
        rep = p.tempo.rep_seconds
        if p.alternating:
            reps = 2 * p.reps
            return (
                Step(
                    StepKind.REPS,
                    drill,
                    reps * rep,
                    set_number,
                    sets,
                    first,
                    reps,
                    alternating=True,
                ),
            )
        work = Step(StepKind.REPS, drill, p.reps * rep, set_number, sets, reps=p.reps)
    else:
        work = Step(StepKind.HOLD, drill, float(p.hold_seconds or 0), set_number, sets)
    if not p.per_side:
        return (work,)
    switch = Step(StepKind.SWITCH_SIDES, drill, SWITCH_SIDES_SECONDS, set_number, sets)
    return (replace(work, side=first), switch, replace(work, side=other_side(first)))


def _parts(drill: Drill, set_number: int, sets: int, first: Side) -> tuple[Step, ...]:
    """Each part in order with a change before it; a run of parts done per side is done on the
    first side, then (after a switch) on the other: roll and stretch the left, then the right."""
    p = drill.prescription
    runs: list[tuple[bool, list[Part]]] = []
    for part in p.parts:
        per_side = p.per_side or part.per_side
        if runs and runs[-1][0] == per_side:
            runs[-1][1].append(part)
        else:
            runs.append((per_side, [part]))
    steps: list[Step] = []
    for per_side, parts in runs:
        sides: tuple[Side | None, ...] = (first, other_side(first)) if per_side else (None,)
        for number, side in enumerate(sides):
            if number:
                steps.append(
                    Step(
                        StepKind.SWITCH_SIDES,
                        drill,
                        PART_CHANGE_SECONDS,
                        set_number,
                        sets,
                        within_set=not p.per_side,
                    )
                )
            for part in parts:
                if steps and steps[-1].kind is not StepKind.SWITCH_SIDES:
                    steps.append(
                        Step(
                            StepKind.CHANGE,
                            drill,
                            PART_CHANGE_SECONDS,
                            set_number,
                            sets,
                            side,
                            part=part,
                            within_set=True,
                        )
                    )
                steps.append(
                    Step(
                        StepKind.HOLD, drill, float(part.seconds), set_number, sets, side, part=part
                    )
                )
    return tuple(steps)


def build_steps(
    drills: Sequence[Drill],
    *,
    get_ready: float = GET_READY_SECONDS,
    rest_between_drills: float = REST_BETWEEN_DRILLS_SECONDS,
    first_sides: Mapping[str, Side] | None = None,
) -> tuple[Step, ...]:
    """Get ready, then each drill's sets (``set_steps``) with its rest between sets and a longer
    rest between drills, then done. A drill done per side starts every set on the side
    ``first_sides`` gives for it (left if none), which its get-ready names."""
    if not drills:
        raise ValueError("A workout needs at least one drill")
    steps: list[Step] = []
    for position, drill in enumerate(drills):
        p = drill.prescription
        first = (first_sides or {}).get(drill.id, Side.LEFT)
        named = first if is_sided(drill) else None
        steps.append(Step(StepKind.GET_READY, drill, get_ready, 1, p.sets, named))
        following = drills[position + 1] if position + 1 < len(drills) else None
        for set_number in range(1, p.sets + 1):
            steps.extend(set_steps(drill, set_number, p.sets, first))
            if set_number < p.sets and p.rest_seconds > 0:
                steps.append(Step(StepKind.REST, drill, float(p.rest_seconds), set_number, p.sets))
            elif set_number == p.sets and following is not None:
                steps.append(
                    Step(
                        StepKind.REST,
                        drill,
                        rest_between_drills,
                        set_number,
                        p.sets,
                        next_drill=following,
                    )
                )
    steps.append(Step(StepKind.DONE, None, 0.0))
    return tuple(steps)


def first_side(steps: Sequence[Step], drill_id: str) -> Side | None:
    """The side the drill's sets start on in ``steps`` (None: it has no sides there)."""
    return next(
        (s.side for s in steps if s.drill is not None and s.drill.id == drill_id and s.side),
        None,
    )


def with_first_side(steps: Sequence[Step], drill_id: str, side: Side) -> tuple[Step, ...]:
    """``steps`` with every set of the drill starting on ``side``: its sides swapped where they
    start on the other (the same steps, so a resumed workout's step index still holds)."""
    if first_side(steps, drill_id) in (None, side):
        return tuple(steps)
    return tuple(
        replace(s, side=other_side(s.side))
        if s.drill is not None and s.drill.id == drill_id and s.side is not None
        else s
        for s in steps
    )


def set_span(steps: Sequence[Step], index: int) -> range:
    """The steps of the set that step ``index`` belongs to (all its parts and the changes
    between them); just ``index`` for a step outside a set."""
    if not steps[index].in_set:
        return range(index, index + 1)
    key = steps[index].set_key
    start, end = index, index + 1
    while start > 0 and steps[start - 1].in_set and steps[start - 1].set_key == key:
        start -= 1
    while end < len(steps) and steps[end].in_set and steps[end].set_key == key:
        end += 1
    return range(start, end)


def set_seconds(steps: Sequence[Step], index: int) -> float:
    """How long the set of step ``index`` is timed for: its holds (or reps) together, without
    the changes between its parts."""
    return sum(steps[i].seconds for i in set_span(steps, index) if steps[i].is_work)
