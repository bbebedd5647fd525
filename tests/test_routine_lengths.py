"""Every built-in routine is as long as it promises, at doses the articles or the drills give,
and the routine list and detail show how long a routine really runs."""

from __future__ import annotations

import pytest
from drill_catalogue import CATALOGUE, builtin_on_every_rung
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.drills import Phase
from hinge_desktop.domain.plan import BETWEEN_CIRCUIT_DRILLS_SECONDS, PlanEntry
from hinge_desktop.domain.routines import Routine, builtin_routines, promise_text
from hinge_desktop.domain.timeline import StepKind
from hinge_desktop.storage.routines import RoutineRepository
from hinge_desktop.storage.store import Store
from hinge_desktop.ui.library.routine_model import RoutineListModel, RoutineRole, routine_summary
from hinge_desktop.ui.library.routines_view import RoutinesView

BUILTIN = builtin_on_every_rung()
"""Every built-in routine, as each rung offers it (the assistance routines hold the rung's
lifts)."""
ASSISTANCE = {"builtin.assistance-3x8", "builtin.assistance-3x12"}


def real_seconds(routine: Routine) -> float:
    """The routine's length from the player's timeline: get-ready, work at the drill's tempo,
    switches of side, rests between sets, between drills and after rounds."""
    return sum(step.seconds for step in routine.to_plan().steps(CATALOGUE))


def about_minutes(routine: Routine) -> int:
    return max(1, round(real_seconds(routine) / 60))


@pytest.mark.parametrize("routine_id", sorted(BUILTIN))
def test_a_builtin_routine_runs_as_long_as_its_description_promises(routine_id: str) -> None:
    routine = BUILTIN[routine_id]
    assert routine.minutes is not None, "every built-in routine promises a length"
    low, high = routine.minutes
    assert routine.description.startswith(f"{low} to {high} minutes. ")
    minutes = real_seconds(routine) / 60
    assert low <= minutes <= high, f"{routine.name}: {minutes:.1f} min, promised {low}–{high}"


@pytest.mark.parametrize("routine_id", sorted(BUILTIN))
def test_a_builtin_routine_moves_between_drills_in_its_own_time(routine_id: str) -> None:
    routine = BUILTIN[routine_id]
    steps = routine.to_plan().steps(CATALOGUE)
    moves = [s.seconds for s in steps if s.kind is StepKind.REST and s.next_drill is not None]
    if routine.is_circuit:
        walks = [float(BETWEEN_CIRCUIT_DRILLS_SECONDS)] * (len(routine.entries) - 1)
        after_round = [float(routine.rest_after_round)]
        assert moves == ((walks + after_round) * routine.rounds)[: -len(after_round)]
    else:
        assert moves == [float(routine.rest_between_drills)] * (len(routine.entries) - 1)


def test_daily_activation_is_five_to_eight_minutes_twice_a_day() -> None:
    routine = BUILTIN["builtin.daily-activation"]
    assert routine.minutes == (5, 8)
    assert "every day" in routine.description
    assert "twice" in routine.description


def test_the_routines_done_every_day_are_short() -> None:
    # Activation is done every day, maybe twice: neither its routine nor its rung's runs long.
    for routine in (BUILTIN["builtin.daily-activation"], BUILTIN["builtin.phase-1"]):
        assert real_seconds(routine) <= 11 * 60, routine.name
    assert BUILTIN["builtin.phase-1"].phase is Phase.ACTIVATION


def test_between_activation_drills_is_a_short_walk_and_between_loaded_lifts_longer() -> None:
    walk = BUILTIN["builtin.daily-activation"].rest_between_drills
    loaded = [r for key, r in BUILTIN.items() if key.split("@")[0] in ASSISTANCE]
    for routine in (*loaded, BUILTIN["builtin.phase-5"]):
        assert routine.rest_between_drills > walk, routine.id
    assert walk <= 30


def test_the_finishing_circuit_keeps_the_rule_and_closes_a_session_in_minutes() -> None:
    routine = BUILTIN["builtin.finisher-circuit"]
    assert 2 <= routine.rounds <= 3
    assert routine.rest_after_round == 90
    assert real_seconds(routine) <= 12 * 60


@pytest.mark.parametrize("routine_id", sorted(BUILTIN))
def test_no_builtin_routine_asks_more_than_the_drill_prescribes(routine_id: str) -> None:
    for item in BUILTIN[routine_id].entries:
        own = CATALOGUE.get(item.drill_id).prescription
        assert item.sets <= own.sets, item.drill_id
        if item.reps is not None:
            assert own.reps is not None
            assert item.reps <= own.reps, item.drill_id
        else:
            assert item.hold_seconds == own.hold_seconds, item.drill_id


def test_a_routine_whose_drills_are_missing_promises_nothing() -> None:
    small = Catalogue(tuple(d for d in CATALOGUE if d.id != "glute-bridge"))
    routines = {routine.id: routine for routine in builtin_routines(small, max(Phase))}
    daily = routines["builtin.daily-activation"]
    assert daily.minutes is None
    assert "minutes" not in daily.description
    for routine in routines.values():
        if routine.minutes is not None:
            low, high = routine.minutes
            seconds = routine.to_plan().seconds(small)
            assert low * 60 <= seconds <= high * 60, routine.name
            assert routine.description.startswith(promise_text(routine.minutes))


def test_the_routine_list_shows_how_long_each_routine_runs(qtmodeltester: object) -> None:
    own = Routine(
        "user.a",
        "Mine",
        (PlanEntry.of(CATALOGUE.get("glute-bridge")), PlanEntry.of(CATALOGUE.get("dead-bug"))),
        rest_between_drills=0,
    )
    empty = Routine("user.b", "Empty")
    model = RoutineListModel(catalogue=CATALOGUE)
    offered = builtin_routines(CATALOGUE, max(Phase))
    model.set_routines([own, empty], offered)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    for routine in [own, *offered]:
        summary = model.index(model.row_of(routine.id), 0).data(RoutineRole.SUMMARY)
        assert f" · about {about_minutes(routine)} min" in summary, routine.name
    assert "min" not in model.index(model.row_of("user.b"), 0).data(RoutineRole.SUMMARY)


def test_the_routine_detail_shows_the_real_length_and_follows_the_rest_between_drills(
    qtbot: QtBot, store: Store
) -> None:
    repository = RoutineRepository(store.db)
    view = RoutinesView(CATALOGUE, repository)
    qtbot.addWidget(view)
    summary = view.findChild(QLabel, "routineSummary")
    for routine_id in ("builtin.daily-activation", "builtin.finisher-circuit"):
        view.select_routine(routine_id)
        assert f" · about {about_minutes(BUILTIN[routine_id])} min" in summary.text()

    drills = [
        PlanEntry.of(CATALOGUE.get(d)) for d in ("glute-bridge", "dead-bug", "wall-hip-hinge")
    ]
    mine = repository.save(repository.create("Floor").with_entries(drills))
    view.reload(mine.id)
    assert summary.text().endswith(f"about {about_minutes(mine)} min")
    view.editor.rest_between_drills.setValue(600)
    longer = repository.get(mine.id)
    assert longer.rest_between_drills == 600
    assert about_minutes(longer) > about_minutes(mine)
    assert summary.text().endswith(f"about {about_minutes(longer)} min")
    row = view.model.row_of(mine.id)
    assert view.model.index(row, 0).data(RoutineRole.SUMMARY) == summary.text()


def test_a_circuit_says_its_rest_comes_between_rounds(qapp: object) -> None:
    circuit = BUILTIN["builtin.finisher-circuit"]
    line = routine_summary(circuit)
    assert f"{circuit.rounds} rounds, {circuit.rest_after_round} s rest between rounds" in line
    assert "after each" not in line
