"""A routine's own rest between drills: kept with the routine on disk (routines made before
keep 90 s), set in the routine editor, refused out of range with a message, and run by the
player, also in a workout resumed after a crash."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from drill_catalogue import CATALOGUE
from hinge_window import HingeWindow, StartHinge
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSpinBox
from pytestqt.qtbot import QtBot
from test_workout_end import press

from hinge_desktop.domain.drills import Phase
from hinge_desktop.domain.plan import InvalidPlan, PlanEntry, WorkoutPlan
from hinge_desktop.domain.routines import Routine, builtin_routines
from hinge_desktop.domain.timeline import Step, StepKind
from hinge_desktop.storage.routines import RoutineRepository
from hinge_desktop.storage.store import Store, open_store
from hinge_desktop.ui.library.library_view import LibraryView
from hinge_desktop.ui.library.routines_view import RoutinesView
from hinge_desktop.ui.shell.resume import offer_resume

BUILTIN = {routine.id: routine for routine in builtin_routines(CATALOGUE, max(Phase))}
DRILLS = ("glute-bridge", "dead-bug", "wall-hip-hinge")


def drills() -> list[PlanEntry]:
    return [PlanEntry.of(CATALOGUE.get(drill_id)) for drill_id in DRILLS]


def moves(steps: tuple[Step, ...]) -> list[float]:
    """The rests that lead on to another drill."""
    return [s.seconds for s in steps if s.kind is StepKind.REST and s.next_drill is not None]


# On disk --------------------------------------------------------------------------------------


@pytest.fixture
def repository(store: Store) -> RoutineRepository:
    return RoutineRepository(store.db)


def test_the_rest_between_drills_is_kept_copied_and_restored(
    repository: RoutineRepository,
) -> None:
    made = repository.create("Floor")
    assert made.rest_between_drills == 90
    saved = repository.save(made.with_entries(drills()).with_rest_between_drills(30))
    assert repository.get(made.id).rest_between_drills == 30
    assert repository.all() == (saved,)
    assert repository.duplicate(made.id).rest_between_drills == 30
    daily = BUILTIN["builtin.daily-activation"]
    copy = repository.create_from(daily, "My activation")
    assert (copy.rest_between_drills, copy.minutes, copy.description) == (
        daily.rest_between_drills,
        None,
        "",
    )
    deleted = repository.delete(made.id)
    assert repository.restore(deleted).rest_between_drills == 30


def test_a_rest_between_drills_out_of_range_is_refused_and_changes_nothing(
    repository: RoutineRepository, store: Store
) -> None:
    routine = repository.save(repository.create("Floor").with_entries(drills()))
    for seconds in (-5, 601):
        with pytest.raises(InvalidPlan, match="Rest between drills must be between 0 and 600"):
            repository.save(routine.with_rest_between_drills(seconds))
        with pytest.raises(InvalidPlan, match="Rest between drills"):
            Routine("user.x", "X", rest_between_drills=seconds)
    assert repository.get(routine.id) == routine
    # The database refuses one too, whatever writes it.
    with pytest.raises(sqlite3.IntegrityError):
        store.db.execute("UPDATE routines SET rest_between_drills = 601 WHERE id = ?", [routine.id])


def test_routines_made_before_keep_ninety_seconds_between_drills(data_dir: Path) -> None:
    from old_database import older_database

    path = data_dir / "hinge.sqlite3"
    old = older_database(path, 5)
    old.execute(
        "INSERT INTO routines (id, name, position, rounds, rest_after_round, created_at) "
        "VALUES ('user.old', 'Old', 0, 1, 0, 1700000000)"
    )
    old.execute(
        "INSERT INTO routine_drills "
        "(routine_id, position, drill_id, sets, reps, hold_seconds, rest_seconds) "
        "VALUES ('user.old', 0, 'glute-bridge', 2, 12, NULL, 45), "
        "('user.old', 1, 'dead-bug', 2, 8, NULL, 45)"
    )
    old.conn.commit()
    old.close()

    store = open_store(path)
    try:
        routine = RoutineRepository(store.db).get("user.old")
        assert routine.rest_between_drills == 90
        assert moves(routine.to_plan().steps(CATALOGUE)) == [90.0]
    finally:
        store.close()


# In the editor ------------------------------------------------------------------------------


@pytest.fixture
def view(qtbot: QtBot, repository: RoutineRepository) -> RoutinesView:
    widget = RoutinesView(CATALOGUE, repository)
    qtbot.addWidget(widget)
    widget.resize(1080, 740)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def field(view: RoutinesView) -> QSpinBox:
    found = view.findChild(QSpinBox, "restBetweenDrillsInput")
    assert found is not None
    return found


def test_the_rest_between_drills_is_typed_in_the_editor_and_started_with_the_routine(
    qtbot: QtBot, view: RoutinesView, repository: RoutineRepository
) -> None:
    routine = repository.save(repository.create("Floor").with_entries(drills()))
    view.reload(routine.id)
    box = field(view)
    assert box.isEnabled()
    assert box.value() == 90
    assert box.accessibleName() == "Rest between drills, seconds"
    box.lineEdit().selectAll()
    qtbot.keyClicks(box, "45")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert repository.get(routine.id).rest_between_drills == 45

    with qtbot.waitSignal(view.start_requested) as blocker:
        qtbot.mouseClick(view.editor.start_button, Qt.MouseButton.LeftButton)
    plan = blocker.args[0]
    assert isinstance(plan, WorkoutPlan)
    assert plan.rest_between_drills == 45
    assert moves(plan.steps(CATALOGUE)) == [45.0, 45.0]


def test_the_editor_cannot_go_past_the_limits(
    qtbot: QtBot, view: RoutinesView, repository: RoutineRepository
) -> None:
    routine = repository.save(repository.create("Floor").with_entries(drills()))
    view.reload(routine.id)
    box = field(view)
    box.setValue(600)
    box.stepUp()
    assert repository.get(routine.id).rest_between_drills == 600
    box.setValue(0)
    box.stepDown()
    assert repository.get(routine.id).rest_between_drills == 0
    assert moves(repository.get(routine.id).to_plan().steps(CATALOGUE)) == [0.0, 0.0]


def test_a_refused_rest_between_drills_is_said_where_it_was_set(
    qtbot: QtBot, view: RoutinesView, repository: RoutineRepository, store: Store
) -> None:
    routine = repository.save(repository.create("Floor").with_entries(drills()))
    view.reload(routine.id)
    messages: list[str] = []
    view.message.connect(messages.append)
    # The database refuses the write (as a full disk would): the message says so, the field
    # shows what is still stored.
    store.db.execute(
        "CREATE TEMP TRIGGER refuse BEFORE UPDATE OF rest_between_drills ON routines "
        "BEGIN SELECT RAISE(ABORT, 'refused'); END"
    )
    field(view).setValue(30)
    error = view.findChild(QLabel, "routineError")
    assert error.isVisibleTo(view)
    assert error.text()
    assert messages
    assert repository.get(routine.id).rest_between_drills == 90
    assert field(view).value() == 90


def test_a_builtin_routine_shows_its_rest_between_drills_read_only(view: RoutinesView) -> None:
    view.select_routine("builtin.phase-5")
    assert field(view).value() == BUILTIN["builtin.phase-5"].rest_between_drills
    assert not field(view).isEnabled()
    view.select_routine("builtin.daily-activation")
    assert field(view).value() == BUILTIN["builtin.daily-activation"].rest_between_drills


def test_a_circuit_shows_its_short_walk_between_drills(
    view: RoutinesView, repository: RoutineRepository
) -> None:
    routine = repository.save(
        repository.create("Finisher").with_entries(drills()).with_rest_between_drills(60)
    )
    view.reload(routine.id)
    rounds = view.findChild(QSpinBox, "roundsInput")
    rounds.setValue(3)
    assert not field(view).isEnabled()
    assert field(view).value() == 15
    stored = repository.get(routine.id)
    assert stored.rest_between_drills == 60
    assert set(moves(stored.to_plan().steps(CATALOGUE))) == {15.0}
    rounds.setValue(1)
    assert field(view).isEnabled()
    assert field(view).value() == 60


# In the player, and after a crash ----------------------------------------------------------


def test_a_routine_resumed_after_a_crash_rests_between_drills_as_it_did(
    start_hinge: StartHinge,
) -> None:
    hinge = start_hinge(view="drills")
    library = hinge.window.view("drills")
    assert isinstance(library, LibraryView)
    repository = RoutineRepository(hinge.store.db)
    routine = repository.save(
        repository.create("Floor").with_entries(drills()).with_rest_between_drills(20)
    )
    library.routines.reload(routine.id)
    library.show_routines()
    hinge.click("startRoutineButton")
    hinge.click("startPauseButton")
    timeline = hinge.views.workout.timeline()
    assert timeline is not None
    steps = timeline.steps
    assert moves(steps) == [20.0, 20.0]
    hinge.skip_to(StepKind.REPS, 2)
    hinge.close()

    again: HingeWindow = start_hinge()
    offer_resume(again.window, again.store, again.views)
    press("resumeWorkoutBox", "resumeWorkoutButton")
    resumed = again.views.workout.timeline()
    assert resumed is not None
    assert resumed.steps == steps
