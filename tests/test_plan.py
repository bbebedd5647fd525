"""A workout plan's rest between drills: run as the plan says, kept in its stored form, and a
plan stored before plans had one rebuilt with exactly the steps it had then."""

from __future__ import annotations

import json

import pytest
from drill_catalogue import CATALOGUE

from hinge_desktop.domain.plan import (
    BETWEEN_CIRCUIT_DRILLS_SECONDS,
    MAX_REST_SECONDS,
    InvalidPlan,
    PlanEntry,
    WorkoutPlan,
)
from hinge_desktop.domain.timeline import StepKind, build_steps

DRILLS = ("glute-bridge", "single-leg-glute-bridge", "dead-bug")


def entries() -> tuple[PlanEntry, ...]:
    return tuple(PlanEntry.of(CATALOGUE.get(drill_id)) for drill_id in DRILLS)


def transitions(plan: WorkoutPlan) -> list[float]:
    """The rests that lead to another drill, in order."""
    return [
        step.seconds
        for step in plan.steps(CATALOGUE)
        if step.kind is StepKind.REST and step.next_drill is not None
    ]


def test_the_plan_rests_between_drills_as_long_as_it_says() -> None:
    plan = WorkoutPlan("Floor", entries(), rest_between_drills=30)
    assert transitions(plan) == [30.0, 30.0]
    assert transitions(WorkoutPlan("Floor", entries(), rest_between_drills=0)) == [0.0, 0.0]
    # Nothing else changes: the same steps as the timeline builds with that rest.
    assert plan.steps(CATALOGUE) == build_steps(plan.drills(CATALOGUE), rest_between_drills=30)


def test_the_plan_length_counts_every_step() -> None:
    plan = WorkoutPlan("Floor", entries(), rest_between_drills=30)
    longer = WorkoutPlan("Floor", entries(), rest_between_drills=120)
    assert plan.seconds(CATALOGUE) == sum(step.seconds for step in plan.steps(CATALOGUE))
    assert longer.seconds(CATALOGUE) - plan.seconds(CATALOGUE) == 2 * 90


def test_a_circuit_walks_from_drill_to_drill_whatever_the_rest_between_drills() -> None:
    circuit = WorkoutPlan("Round", entries(), rounds=2, rest_after_round=90, rest_between_drills=5)
    assert set(transitions(circuit)) == {BETWEEN_CIRCUIT_DRILLS_SECONDS, 90.0}


@pytest.mark.parametrize("seconds", [-1, MAX_REST_SECONDS + 1])
def test_a_rest_between_drills_out_of_range_is_refused_with_a_message(seconds: int) -> None:
    with pytest.raises(InvalidPlan, match="Rest between drills must be between 0 and 600"):
        WorkoutPlan("Floor", entries(), rest_between_drills=seconds)


def test_the_stored_plan_keeps_its_rest_between_drills() -> None:
    plan = WorkoutPlan("Floor", entries(), routine_id="user.a", rest_between_drills=45)
    again = WorkoutPlan.from_json(plan.to_json())
    assert again == plan
    assert again.steps(CATALOGUE) == plan.steps(CATALOGUE)


def test_a_plan_stored_before_rests_between_drills_rebuilds_the_steps_it_had() -> None:
    # The stored form of a workout under way as Hinge wrote it when every workout rested 90 s
    # between drills: resumed after a crash, it must be the same workout, step for step.
    stored = json.dumps(
        {
            "name": "Floor",
            "routine_id": "user.a",
            "rounds": 1,
            "rest_after_round": 0,
            "entries": [
                {
                    "drill_id": e.drill_id,
                    "sets": e.sets,
                    "reps": e.reps,
                    "hold_seconds": e.hold_seconds,
                    "rest_seconds": e.rest_seconds,
                }
                for e in entries()
            ],
        }
    )
    plan = WorkoutPlan.from_json(stored)
    assert plan.rest_between_drills == 90
    drills = [CATALOGUE.get(drill_id) for drill_id in DRILLS]
    assert plan.steps(CATALOGUE) == build_steps(drills, rest_between_drills=90.0)
    assert transitions(plan) == [90.0, 90.0]


def test_a_stored_plan_with_a_bad_rest_between_drills_is_refused() -> None:
    text = WorkoutPlan("Floor", entries(), rest_between_drills=30).to_json()
    data = json.loads(text)
    data["rest_between_drills"] = "soon"
    with pytest.raises(InvalidPlan, match="cannot be read"):
        WorkoutPlan.from_json(json.dumps(data))
    data["rest_between_drills"] = 9000
    with pytest.raises(InvalidPlan, match="Rest between drills"):
        WorkoutPlan.from_json(json.dumps(data))
