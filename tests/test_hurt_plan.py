"""The workout rebuilt after an answer about a drill that hurt (the easier drill in its place, at
the same dose where it fits, or the drill left out), and which drill of a workout is above the
rungs the person reached."""

from __future__ import annotations

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.drills import Phase
from hinge_desktop.domain.hurt import easier_entry, with_easier, without_drill
from hinge_desktop.domain.ladder import LOADED_PHASES, LadderHint, LadderState, above_reach
from hinge_desktop.domain.plan import PlanEntry, WorkoutPlan


def test_the_easier_drill_keeps_a_dose_of_the_same_shape(catalogue: Catalogue) -> None:
    thrust, bridge = catalogue.get("hip-thrust"), catalogue.get("glute-bridge")
    entry = PlanEntry(thrust.id, sets=4, reps=6, hold_seconds=None, rest_seconds=120)
    assert easier_entry(entry, thrust, bridge) == PlanEntry(bridge.id, 4, 6, None, 120)


def test_a_dose_that_does_not_fit_the_easier_drill_gives_way_to_its_own(
    catalogue: Catalogue,
) -> None:
    rolls, easier = catalogue.get("roll-stretch-hamstrings"), catalogue.get("roll-stretch-glutes")
    assert easier.prescription.parts, "done in timed parts"
    entry = PlanEntry.of(rolls)
    assert easier_entry(entry, rolls, easier) == PlanEntry.of(easier)


def test_a_drill_alone_takes_the_easier_drills_name_and_a_routine_keeps_its_own(
    catalogue: Catalogue,
) -> None:
    deadlift = catalogue.get("kettlebell-deadlift")
    easier = catalogue.get(deadlift.regression or "")
    alone = with_easier(WorkoutPlan.single(deadlift), deadlift, easier)
    assert alone.name == easier.name
    assert [e.drill_id for e in alone.entries] == [easier.id]

    routine = WorkoutPlan(
        "Loading day",
        (PlanEntry.of(catalogue.get("glute-bridge")), PlanEntry.of(deadlift)),
        routine_id="mine.1",
        rounds=2,
    )
    swapped = with_easier(routine, deadlift, easier)
    assert (swapped.name, swapped.routine_id, swapped.rounds) == ("Loading day", "mine.1", 2)
    assert [e.drill_id for e in swapped.entries] == ["glute-bridge", easier.id]


def test_where_the_easier_drill_is_in_the_workout_already_the_drill_is_left_out(
    catalogue: Catalogue,
) -> None:
    deadlift = catalogue.get("kettlebell-deadlift")
    easier = catalogue.get(deadlift.regression or "")
    plan = WorkoutPlan("Both", (PlanEntry.of(easier), PlanEntry.of(deadlift)))
    assert [e.drill_id for e in with_easier(plan, deadlift, easier).entries] == [easier.id]


def test_leaving_out_the_only_drill_leaves_no_workout(catalogue: Catalogue) -> None:
    bridge = catalogue.get("glute-bridge")
    assert without_drill(WorkoutPlan.single(bridge), bridge.id) is None


def _state(phase: Phase, reached: frozenset[Phase] = frozenset()) -> LadderState:
    return LadderState(phase, 0, 0, LadderHint.EASY_SESSIONS, reached=reached)


def test_the_drill_above_the_rungs_reached_is_the_highest_one(catalogue: Catalogue) -> None:
    loaded = sorted(LOADED_PHASES)
    drills = [next(d for d in catalogue if d.phase is p) for p in (Phase.PATTERNING, *loaded)]
    below = Phase(loaded[0] - 1)

    assert above_reach(drills, _state(below)) == drills[-1]
    assert above_reach(drills[:2], _state(below)) == drills[1]
    assert above_reach(drills[:1], _state(min(Phase))) is None, "not a loaded rung"
    assert above_reach(drills, _state(max(Phase))) is None
    assert above_reach(drills, _state(below, frozenset({max(Phase)}))) is None, "reached once"
