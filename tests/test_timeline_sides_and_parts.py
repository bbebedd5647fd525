"""Drills timed as their texts say: timed parts with a change between them, sides that alternate
every rep in one set, and every set of a drill starting on the side the person chose."""

from __future__ import annotations

import pytest
from drill_catalogue import CATALOGUE

from hinge_desktop.domain.drills import Drill
from hinge_desktop.domain.plan import WorkoutPlan, build_circuit_steps
from hinge_desktop.domain.set_to_log import Offer, SetKey, set_to_log
from hinge_desktop.domain.timeline import (
    PART_CHANGE_SECONDS,
    Step,
    StepKind,
    WorkoutTimeline,
    build_steps,
    set_seconds,
    set_span,
    set_steps,
    with_first_side,
)
from hinge_desktop.domain.training import Side

GLUTES = CATALOGUE.get("roll-stretch-glutes")
HAMSTRINGS = CATALOGUE.get("roll-stretch-hamstrings")
HIP_FLEXORS = CATALOGUE.get("roll-stretch-hip-flexors")
SQUEEZE = CATALOGUE.get("glute-squeeze-test")
DEAD_BUG = CATALOGUE.get("dead-bug")
SINGLE_LEG_BRIDGE = CATALOGUE.get("single-leg-glute-bridge")


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def shape(steps: tuple[Step, ...]) -> list[tuple[str, float, str, str]]:
    """Each step's kind, length, part and side, as a person would read the plan."""
    return [
        (
            s.kind.value,
            s.seconds,
            s.part.name if s.part is not None else "",
            s.side.value if s.side is not None else "",
        )
        for s in steps
    ]


@pytest.mark.parametrize("drill", [GLUTES, HIP_FLEXORS], ids=lambda d: d.id)
def test_a_roll_and_stretch_rolls_then_stretches_each_side_in_turn(drill: Drill) -> None:
    change = PART_CHANGE_SECONDS
    assert shape(build_steps([drill])[1:-1]) == [
        ("hold", 60, "roll", "left"),
        ("change", change, "stretch", "left"),
        ("hold", 30, "stretch", "left"),
        ("switch_sides", change, "", ""),
        ("hold", 60, "roll", "right"),
        ("change", change, "stretch", "right"),
        ("hold", 30, "stretch", "right"),
    ]


def test_the_hamstrings_roll_together_then_stretch_each_leg_as_one_set() -> None:
    steps = build_steps([HAMSTRINGS])
    assert shape(steps[1:-1]) == [
        ("hold", 60, "roll", ""),
        ("change", PART_CHANGE_SECONDS, "stretch", "left"),
        ("hold", 30, "stretch", "left"),
        ("switch_sides", PART_CHANGE_SECONDS, "", ""),
        ("hold", 30, "stretch", "right"),
    ]
    assert list(set_span(steps, 1)) == [1, 2, 3, 4, 5], "one set, logged once"
    assert set_seconds(steps, 5) == 120


def test_the_squeeze_test_squeezes_standing_then_seated() -> None:
    assert shape(build_steps([SQUEEZE])[1:-1]) == [
        ("hold", 5, "standing squeeze", ""),
        ("change", PART_CHANGE_SECONDS, "seated squeeze", ""),
        ("hold", 5, "seated squeeze", ""),
    ]


def test_a_dead_bug_set_changes_side_every_rep_with_no_switch() -> None:
    steps = build_steps([DEAD_BUG])
    reps = DEAD_BUG.prescription.reps
    assert reps is not None
    sets = [s for s in steps if s.is_work]
    assert len(sets) == DEAD_BUG.prescription.sets
    assert StepKind.SWITCH_SIDES not in {s.kind for s in steps}
    first = sets[0]
    assert (first.reps, first.alternating, first.logged_side) == (2 * reps, True, None)
    assert first.seconds == pytest.approx(2 * reps * DEAD_BUG.prescription.tempo.rep_seconds)

    clock = FakeClock()
    timeline = WorkoutTimeline(steps, clock)
    timeline.start()
    timeline.skip()  # the get-ready
    rep = DEAD_BUG.prescription.tempo.rep_seconds
    seen = []
    for n in range(2 * reps):
        clock.now += rep if n else 0.1
        moment = timeline.moment()
        seen.append((moment.side, moment.side_rep))
    assert seen[:4] == [(Side.LEFT, 1), (Side.RIGHT, 1), (Side.LEFT, 2), (Side.RIGHT, 2)]
    assert seen[-1] == (Side.RIGHT, reps)


def test_every_set_starts_on_the_side_chosen_and_the_get_ready_names_it() -> None:
    steps = build_steps([SINGLE_LEG_BRIDGE], first_sides={SINGLE_LEG_BRIDGE.id: Side.RIGHT})
    assert steps[0].side is Side.RIGHT
    work = [(s.set_number, s.side) for s in steps if s.is_work]
    assert work == [(1, Side.RIGHT), (1, Side.LEFT), (2, Side.RIGHT), (2, Side.LEFT)]
    assert build_steps([DEAD_BUG], first_sides={DEAD_BUG.id: Side.RIGHT})[1].side is Side.RIGHT


def test_choosing_the_first_side_swaps_the_sides_of_the_same_steps() -> None:
    planned = WorkoutPlan.single(GLUTES).steps(CATALOGUE)
    right_first = with_first_side(planned, GLUTES.id, Side.RIGHT)
    assert [s.kind for s in right_first] == [s.kind for s in planned]
    assert [s.side for s in right_first if s.is_work] == [Side.RIGHT] * 2 + [Side.LEFT] * 2
    assert with_first_side(right_first, GLUTES.id, Side.RIGHT) == right_first
    assert with_first_side(right_first, GLUTES.id, Side.LEFT) == planned
    bridge = build_steps([CATALOGUE.get("glute-bridge")])
    assert with_first_side(bridge, "glute-bridge", Side.RIGHT) == bridge, "no sides to swap"


def test_one_set_of_a_drill_is_built_for_circuits_too() -> None:
    steps = set_steps(GLUTES, 2, 3, Side.RIGHT)
    assert {(s.set_number, s.sets) for s in steps} == {(2, 3)}
    assert [s.side for s in steps if s.is_work] == [Side.RIGHT] * 2 + [Side.LEFT] * 2
    assert [s.kind for s in set_steps(SINGLE_LEG_BRIDGE, 1, 2)] == [
        StepKind.REPS,
        StepKind.SWITCH_SIDES,
        StepKind.REPS,
    ]


def test_ending_a_set_early_ends_its_parts_still_to_come() -> None:
    clock = FakeClock()
    timeline = WorkoutTimeline(build_steps([GLUTES]), clock)
    timeline.start()
    timeline.skip()  # into the left roll
    clock.now += 20
    timeline.end_set()
    moment = timeline.moment()
    assert (moment.step.kind, moment.elapsed) == (StepKind.SWITCH_SIDES, 0.0)
    timeline.end_set()  # outside a set: nothing happens
    assert timeline.moment().step.kind is StepKind.SWITCH_SIDES


Offered = tuple[int, Side | None, Offer, int | None, float | None]


def offered(steps: tuple[Step, ...], index: int, logged: set[SetKey]) -> Offered:
    target = set_to_log(steps, index, True, logged)
    assert target is not None
    return (target.set_number, target.side, target.offer, target.reps, target.seconds)


def test_a_side_done_in_parts_is_one_set_from_its_roll_to_its_stretch() -> None:
    steps = build_steps([GLUTES])
    kinds = [s.kind for s in steps]
    change = kinds.index(StepKind.CHANGE)
    switch = kinds.index(StepKind.SWITCH_SIDES)
    assert offered(steps, 1, set()) == (1, Side.LEFT, Offer.UNDER_WAY, None, 90)
    assert offered(steps, change, set()) == (1, Side.LEFT, Offer.UNDER_WAY, None, 90)
    assert offered(steps, switch, set()) == (1, Side.LEFT, Offer.ENDED, None, 90)
    left = {(GLUTES.id, 1, Side.LEFT)}
    assert offered(steps, switch + 1, left) == (1, Side.RIGHT, Offer.UNDER_WAY, None, 90)
    assert offered(steps, switch + 1, set())[1:3] == (Side.LEFT, Offer.ENDED), "left waits"


def test_the_hamstrings_and_the_dead_bug_are_logged_as_one_set_of_both_sides() -> None:
    steps = build_steps([HAMSTRINGS])
    switch = [s.kind for s in steps].index(StepKind.SWITCH_SIDES)
    assert offered(steps, switch, set()) == (1, None, Offer.UNDER_WAY, None, 120)
    bug = build_steps([DEAD_BUG])
    assert offered(bug, 1, set()) == (1, None, Offer.UNDER_WAY, 16, None)
    assert offered(bug, 2, set()) == (1, None, Offer.ENDED, 16, None)


def test_a_circuit_does_each_drills_set_as_the_timeline_builds_it() -> None:
    steps = build_circuit_steps([GLUTES, DEAD_BUG], 2, 60)
    rounds = [
        [(s.part.name if s.part else "", s.side) for s in steps if s.set_number == n and s.is_work]
        for n in (1, 2)
    ]
    expected = [
        ("roll", Side.LEFT),
        ("stretch", Side.LEFT),
        ("roll", Side.RIGHT),
        ("stretch", Side.RIGHT),
        ("", Side.LEFT),  # the dead bug: both sides in one set, left first
    ]
    assert rounds == [expected, expected]
    assert steps[0].side is Side.LEFT, "the get-ready names the side the first drill starts on"
    assert next(s for s in steps if s.alternating).reps == 16
