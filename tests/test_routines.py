"""Routines: the built-in ones, the person's own on disk, and the view that edits and starts
them, with "Add to routine" in the drill library."""

from __future__ import annotations

import sqlite3

import pytest
from drill_catalogue import CATALOGUE, builtin_on_every_rung
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QToolButton,
    QTreeWidget,
)
from pytestqt.qtbot import QtBot

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.drills import Equipment, Phase
from hinge_desktop.domain.plan import InvalidPlan, PlanEntry, WorkoutPlan
from hinge_desktop.domain.routines import Routine, builtin_routines, routine_for_phase
from hinge_desktop.domain.timeline import StepKind
from hinge_desktop.storage.routines import RoutineNotFound, RoutineRepository
from hinge_desktop.storage.store import Store
from hinge_desktop.ui.library.drill_detail import DrillDetail
from hinge_desktop.ui.library.drills_view import DrillsView
from hinge_desktop.ui.library.routine_model import RoutineListModel, RoutineRole
from hinge_desktop.ui.library.routines_view import RoutinesView

BUILTIN = {routine.id: routine for routine in builtin_routines(CATALOGUE, max(Phase))}
"""The built-in routines as the top rung offers them: every one there is."""
EVERY = builtin_on_every_rung()
LOADED_PHASES = {Phase.LIGHT_LOADING, Phase.LOADING, Phase.BAR_AND_SWING, Phase.SINGLE_LEG}


def entry(drill_id: str, sets: int = 2, reps: int | None = 10) -> PlanEntry:
    hold = None if reps is not None else 30
    return PlanEntry(drill_id, sets, reps, hold, 45)


# The built-in routines ---------------------------------------------------------------------


def test_every_builtin_routine_is_there_with_a_stable_id() -> None:
    expected = {
        "builtin.daily-activation",
        "builtin.activation-snack",
        "builtin.hinge-warm-up",
        "builtin.assistance-3x8",
        "builtin.assistance-3x12",
        "builtin.finisher-circuit",
    } | {f"builtin.phase-{int(phase)}" for phase in Phase}
    assert set(BUILTIN) == expected
    assert len(builtin_routines(CATALOGUE, max(Phase))) == len(expected)


@pytest.mark.parametrize("routine_id", sorted(EVERY))
def test_a_builtin_routine_names_only_drills_of_the_library_and_runs(routine_id: str) -> None:
    routine = EVERY[routine_id]
    assert routine.builtin
    assert routine.name.strip()
    assert routine.description.strip()
    assert routine.entries
    for item in routine.entries:
        assert item.drill_id in CATALOGUE, item.drill_id
    plan = routine.to_plan()
    assert plan.routine_id == routine.id
    assert plan.name == routine.name
    steps = plan.steps(CATALOGUE)
    assert steps[-1].kind is StepKind.DONE
    worked = {step.drill.id for step in steps if step.kind in (StepKind.REPS, StepKind.HOLD)}
    assert worked == {item.drill_id for item in routine.entries}


@pytest.mark.parametrize(
    ("routine_id", "reps"), [("builtin.assistance-3x8", 8), ("builtin.assistance-3x12", 12)]
)
@pytest.mark.parametrize("rung", sorted(LOADED_PHASES))
def test_assistance_routines_are_one_or_two_loaded_hinges_of_the_rung_at_three_sets(
    routine_id: str, reps: int, rung: Phase
) -> None:
    routine = {r.id: r for r in builtin_routines(CATALOGUE, rung)}[routine_id]
    assert 1 <= len(routine.entries) <= 2
    for item in routine.entries:
        drill = CATALOGUE.get(item.drill_id)
        assert (item.sets, item.reps, item.hold_seconds) == (3, reps, None)
        assert drill.equipment, f"{drill.id} is bodyweight, not loaded"
        assert Phase.LIGHT_LOADING <= drill.phase <= rung, drill.id
    assert not routine.is_circuit


def test_the_finishing_circuit_is_bodyweight_in_two_or_three_rounds_with_90_s_rest() -> None:
    routine = BUILTIN["builtin.finisher-circuit"]
    assert 2 <= routine.rounds <= 3
    assert routine.rest_after_round == 90
    assert all(not CATALOGUE.get(item.drill_id).equipment for item in routine.entries)
    plan = routine.to_plan()
    assert plan.is_circuit
    steps = plan.steps(CATALOGUE)
    round_rests = [s for s in steps if s.kind is StepKind.REST and s.seconds == 90]
    assert len(round_rests) == routine.rounds - 1


def test_the_warm_up_starts_with_bodyweight_bridges_then_patterning() -> None:
    routine = BUILTIN["builtin.hinge-warm-up"]
    first, *rest = routine.entries
    assert first.drill_id == "glute-bridge"
    assert first.reps is not None
    assert 10 <= first.reps <= 12
    assert rest
    assert all(CATALOGUE.get(item.drill_id).phase is Phase.PATTERNING for item in rest)


def test_daily_activation_is_glute_activation_without_heavy_kit() -> None:
    routine = BUILTIN["builtin.daily-activation"]
    for item in routine.entries:
        drill = CATALOGUE.get(item.drill_id)
        assert drill.phase is Phase.ACTIVATION
        assert drill.equipment <= {Equipment.BAND}, "a daily routine needs at most a band"


@pytest.mark.parametrize("phase", list(Phase))
def test_each_phase_has_a_routine_of_its_own_drills(phase: Phase) -> None:
    routine = routine_for_phase(phase, CATALOGUE)
    assert routine.id == f"builtin.phase-{int(phase)}"
    assert routine.phase is phase
    assert routine == BUILTIN[routine.id]
    assert {CATALOGUE.get(item.drill_id).phase for item in routine.entries} == {phase}


def test_the_check_routine_holds_the_four_checks() -> None:
    ids = {item.drill_id for item in routine_for_phase(Phase.CHECK, CATALOGUE).entries}
    assert {"glute-squeeze-test", "aslr-test", "wall-hinge-check", "dowel-three-point-check"} <= ids


def test_a_drill_missing_from_the_library_is_left_out_of_the_builtin_routines() -> None:
    small = Catalogue(
        tuple(
            d
            for d in CATALOGUE
            if d.id not in {"glute-bridge", "b-stance-deadlift", "single-leg-rdl"}
        )
    )
    routines = {routine.id: routine for routine in builtin_routines(small, max(Phase))}
    for routine in routines.values():
        assert all(item.drill_id in small for item in routine.entries)
    assert "glute-bridge" not in {i.drill_id for i in routines["builtin.daily-activation"].entries}
    assert "builtin.phase-7" not in routines
    with pytest.raises(InvalidPlan):
        routine_for_phase(Phase.SINGLE_LEG, small)


def test_a_routine_is_checked_and_edited_as_a_whole() -> None:
    with pytest.raises(InvalidPlan, match="name"):
        Routine("user.a", "   ")
    with pytest.raises(InvalidPlan):
        Routine("builtin.mine", "Mine")
    with pytest.raises(InvalidPlan, match="Rounds"):
        Routine("user.a", "A", rounds=0)
    routine = Routine("user.a", "  Leg   day ", (entry("glute-bridge"), entry("dead-bug")))
    assert routine.name == "Leg day"
    moved = routine.moved(0, 1)
    assert [e.drill_id for e in moved.entries] == ["dead-bug", "glute-bridge"]
    assert routine.without_entry(0).entries == (entry("dead-bug"),)
    assert routine.with_entry(1, entry("dead-bug", 4)).entries[1].sets == 4
    with pytest.raises(InvalidPlan):
        routine.without_entry(5)
    with pytest.raises(InvalidPlan, match="no drills"):
        Routine("user.b", "Empty").to_plan()
    plan = routine.with_rounds(3, 90).to_plan()
    assert (plan.rounds, plan.rest_after_round, plan.routine_id) == (3, 90, "user.a")


# Storage -------------------------------------------------------------------------------------


@pytest.fixture
def repository(store: Store) -> RoutineRepository:
    return RoutineRepository(store.db)


def test_routines_are_created_read_renamed_and_filled(repository: RoutineRepository) -> None:
    legs = repository.create("Legs")
    back = repository.create("Back")
    assert legs.id.startswith("user.")
    assert legs.id != back.id
    assert [r.name for r in repository.all()] == ["Legs", "Back"]
    repository.add_drill(legs.id, entry("glute-bridge"))
    repository.add_drill(legs.id, entry("aslr-test", 1, None))
    repository.rename(legs.id, "Leg day")
    stored = repository.get(legs.id)
    assert stored.name == "Leg day"
    assert stored.entries == (entry("glute-bridge"), entry("aslr-test", 1, None))
    saved = repository.save(stored.moved(1, 0).with_rounds(2, 90))
    assert repository.get(legs.id) == saved
    assert repository.get(legs.id).entries[0].drill_id == "aslr-test"
    with pytest.raises(RoutineNotFound):
        repository.get("user.nothing")


def test_routines_are_reordered(repository: RoutineRepository) -> None:
    ids = [repository.create(name).id for name in ("A", "B", "C")]
    repository.move(ids[2], 0)
    assert [r.name for r in repository.all()] == ["C", "A", "B"]
    repository.move(ids[2], 99)
    assert [r.name for r in repository.all()] == ["A", "B", "C"]
    assert repository.position(ids[1]) == 1


def test_a_duplicate_is_a_full_copy_placed_after_the_original(
    repository: RoutineRepository,
) -> None:
    first = repository.create("Legs")
    repository.create("Back")
    repository.save(
        first.with_entries([entry("glute-bridge"), entry("dead-bug")]).with_rounds(3, 60)
    )
    copy = repository.duplicate(first.id)
    assert copy.name == "Legs (copy)"
    assert copy.id != first.id
    assert [r.name for r in repository.all()] == ["Legs", "Legs (copy)", "Back"]
    original = repository.get(first.id)
    assert (copy.entries, copy.rounds, copy.rest_after_round) == (
        original.entries,
        original.rounds,
        original.rest_after_round,
    )
    from_builtin = repository.create_from(BUILTIN["builtin.finisher-circuit"], "My circuit")
    assert not from_builtin.builtin
    assert from_builtin.entries == BUILTIN["builtin.finisher-circuit"].entries
    assert from_builtin.rounds == BUILTIN["builtin.finisher-circuit"].rounds


def test_a_deleted_routine_comes_back_where_it_was(
    repository: RoutineRepository, store: Store
) -> None:
    names = ["A", "B", "C"]
    ids = [repository.create(name).id for name in names]
    repository.add_drill(ids[1], entry("glute-bridge"))
    deleted = repository.delete(ids[1])
    assert [r.name for r in repository.all()] == ["A", "C"]
    assert store.db.execute("SELECT count(*) FROM routine_drills").fetchone()[0] == 0
    repository.restore(deleted, 1)
    assert [r.name for r in repository.all()] == names
    assert repository.get(ids[1]) == deleted
    with pytest.raises(InvalidPlan, match="already"):
        repository.restore(deleted)


def test_builtin_routines_cannot_be_written(repository: RoutineRepository) -> None:
    with pytest.raises(InvalidPlan, match="duplicate"):
        repository.save(BUILTIN["builtin.phase-1"])
    with pytest.raises(InvalidPlan):
        repository.restore(BUILTIN["builtin.phase-1"])
    assert repository.all() == ()


def test_bad_input_changes_nothing(repository: RoutineRepository, store: Store) -> None:
    routine = repository.save(repository.create("Legs").with_added(entry("glute-bridge")))
    with pytest.raises(InvalidPlan):
        repository.rename(routine.id, "  ")
    with pytest.raises(InvalidPlan):
        repository.add_drill(routine.id, "glute-bridge")  # type: ignore[arg-type]
    with pytest.raises(RoutineNotFound):
        repository.save(Routine("user.gone", "Gone", (entry("dead-bug"),)))
    # A write that fails half-way (the second drill is refused by the database) leaves the
    # routine exactly as it was: name and drills.
    store.db.execute(
        "CREATE TEMP TRIGGER refuse BEFORE INSERT ON routine_drills "
        "WHEN NEW.drill_id = 'refused' BEGIN SELECT RAISE(ABORT, 'refused'); END"
    )
    with pytest.raises(sqlite3.IntegrityError):
        repository.save(routine.renamed("Changed").with_added(entry("refused")))
    assert repository.get(routine.id) == routine
    with pytest.raises(sqlite3.IntegrityError):
        repository.create_from(Routine("user.x", "X", (entry("dead-bug"), entry("refused"))))
    assert [r.name for r in repository.all()] == ["Legs"]
    assert store.db.execute("SELECT count(*) FROM routine_drills").fetchone()[0] == 1


# The view ------------------------------------------------------------------------------------


@pytest.fixture
def undo_stack(qtbot: QtBot) -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def view(qtbot: QtBot, repository: RoutineRepository, undo_stack: QUndoStack) -> RoutinesView:
    widget = RoutinesView(CATALOGUE, repository, undo_stack=undo_stack, rung=max(Phase))
    qtbot.addWidget(widget)
    widget.resize(1080, 740)
    widget.show()
    widget.activateWindow()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    return widget


def button(view: RoutinesView, name: str) -> QPushButton:
    found = view.findChild(QPushButton, name)
    assert found is not None, name
    return found


def spin(view: RoutinesView, name: str) -> QSpinBox:
    found = view.findChild(QSpinBox, name)
    assert found is not None, name
    return found


def entries_shown(view: RoutinesView) -> list[str]:
    tree = view.findChild(QTreeWidget, "routineEntries")
    return [tree.topLevelItem(row).text(1) for row in range(tree.topLevelItemCount())]


def confirmation(view: RoutinesView) -> QMessageBox:
    """The delete question shown now (one closed before may still await deletion)."""
    (box,) = [
        box for box in view.findChildren(QMessageBox, "deleteRoutineConfirm") if box.isVisible()
    ]
    assert box.windowModality() != Qt.WindowModality.ApplicationModal
    return box


def click(qtbot: QtBot, widget: QPushButton | QToolButton) -> None:
    assert widget.isEnabled(), widget.objectName()
    assert widget.isVisible(), widget.objectName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_routine_list_model_passes_the_model_tester(qtmodeltester: object) -> None:
    model = RoutineListModel()
    model.set_routines([Routine("user.a", "Mine", (entry("dead-bug"),))], list(BUILTIN.values()))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.index(0, 0).data(RoutineRole.HEADING) is True
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsSelectable
    assert model.index(1, 0).data(RoutineRole.ID) == "user.a"


def test_the_list_shows_builtin_routines_read_only(qtbot: QtBot, view: RoutinesView) -> None:
    routine_list = view.findChild(QListView, "routineList")
    ids = [
        routine_list.model().index(row, 0).data(RoutineRole.ID)
        for row in range(routine_list.model().rowCount())
    ]
    assert set(BUILTIN) <= set(ids)
    view.select_routine("builtin.assistance-3x8")
    assert view.findChild(QLineEdit, "routineName").isReadOnly()
    assert not spin(view, "roundsInput").isEnabled()
    assert not button(view, "deleteRoutineButton").isVisible()
    assert button(view, "duplicateRoutineButton").text() == "Duplicate to edit"


def test_a_new_routine_is_made_named_filled_reordered_and_dosed(
    qtbot: QtBot, view: RoutinesView, repository: RoutineRepository
) -> None:
    changes: list[None] = []
    view.routines_changed.connect(lambda: changes.append(None))
    click(qtbot, button(view, "newRoutineButton"))
    (made,) = repository.all()
    assert made.name == "New routine"
    name = view.findChild(QLineEdit, "routineName")
    assert name.hasFocus()
    qtbot.keyClicks(name, "Hinge day")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert repository.get(made.id).name == "Hinge day"
    assert not button(view, "startRoutineButton").isEnabled()

    view.add_drill("glute-bridge", made.id)
    view.add_drill("hold-nothing", made.id)  # not in the library: refused
    view.add_drill("roll-stretch-glutes", made.id)
    view.add_drill("romanian-deadlift", made.id)
    assert entries_shown(view) == ["Glute bridge", "Glute roll and stretch", "Romanian deadlift"]
    assert len(repository.get(made.id).entries) == 3
    assert len(changes) >= 4

    # Move the deadlift up twice: by button, then by keyboard.
    tree = view.findChild(QTreeWidget, "routineEntries")
    tree.setCurrentItem(tree.topLevelItem(2))
    click(qtbot, view.findChild(QToolButton, "moveEntryUpButton"))
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert [e.drill_id for e in repository.get(made.id).entries] == [
        "romanian-deadlift",
        "glute-bridge",
        "roll-stretch-glutes",
    ]
    assert tree.currentItem().text(1) == "Romanian deadlift"
    qtbot.keyClick(tree, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert repository.get(made.id).entries[1].drill_id == "romanian-deadlift"

    # Dose of the deadlift: 4 sets of 5, 120 s rest, typed in the steppers.
    for field, value in (("entrySetsInput", 4), ("entryRepsInput", 5), ("entryRestInput", 120)):
        box = spin(view, field)
        box.lineEdit().selectAll()
        qtbot.keyClicks(box, str(value))
        qtbot.keyClick(box, Qt.Key.Key_Return)
    assert repository.get(made.id).entries[1] == PlanEntry("romanian-deadlift", 4, 5, None, 120)
    # A hold is dosed in seconds.
    tree.setCurrentItem(tree.topLevelItem(2))
    assert not spin(view, "entryRepsInput").isVisible()
    spin(view, "entryHoldInput").stepUp()
    held = CATALOGUE.get("roll-stretch-glutes").prescription.hold_seconds
    assert held is not None
    assert repository.get(made.id).entries[2].hold_seconds == held + 5

    # Remove the bridge.
    tree.setCurrentItem(tree.topLevelItem(0))
    click(qtbot, view.findChild(QToolButton, "removeEntryButton"))
    assert [e.drill_id for e in repository.get(made.id).entries] == [
        "romanian-deadlift",
        "roll-stretch-glutes",
    ]


def test_rounds_make_a_circuit_and_start_sends_the_plan(
    qtbot: QtBot, view: RoutinesView, repository: RoutineRepository
) -> None:
    routine = repository.save(
        repository.create("Finisher").with_entries([entry("glute-bridge"), entry("good-morning")])
    )
    view.reload(routine.id)
    assert not spin(view, "restAfterRoundInput").isEnabled()
    spin(view, "roundsInput").setValue(3)
    assert spin(view, "restAfterRoundInput").isEnabled()
    spin(view, "restAfterRoundInput").setValue(90)
    assert view.findChild(type(view.editor.dose_panel.circuit_note), "circuitNote").isVisible()
    with qtbot.waitSignal(view.start_requested) as blocker:
        click(qtbot, button(view, "startRoutineButton"))
    plan = blocker.args[0]
    assert isinstance(plan, WorkoutPlan)
    assert plan == WorkoutPlan(
        "Finisher", routine.entries, routine_id=routine.id, rounds=3, rest_after_round=90
    )


def test_starting_a_builtin_routine_sends_its_plan(qtbot: QtBot, view: RoutinesView) -> None:
    view.select_routine("builtin.phase-0")
    with qtbot.waitSignal(view.start_requested) as blocker:
        click(qtbot, button(view, "startRoutineButton"))
    assert blocker.args[0] == BUILTIN["builtin.phase-0"].to_plan()


def test_a_bad_name_is_refused_where_it_was_typed(
    qtbot: QtBot, view: RoutinesView, repository: RoutineRepository
) -> None:
    made = view.new_routine()
    assert made is not None
    messages: list[str] = []
    view.message.connect(messages.append)
    name = view.findChild(QLineEdit, "routineName")
    name.selectAll()
    qtbot.keyClick(name, Qt.Key.Key_Delete)
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert repository.get(made.id).name == "New routine"
    assert name.text() == "New routine"
    error = view.editor.error
    assert error.isVisible()
    assert "name" in error.text()
    assert messages
    assert "name" in messages[-1]


def test_duplicating_a_builtin_makes_an_editable_copy(
    qtbot: QtBot, view: RoutinesView, repository: RoutineRepository
) -> None:
    view.select_routine("builtin.assistance-3x12")
    click(qtbot, button(view, "duplicateRoutineButton"))
    (copy,) = repository.all()
    assert copy.name == "Assistance: 3 × 12"
    assert copy.entries == BUILTIN["builtin.assistance-3x12"].entries
    assert view.current_routine() == copy
    assert not view.findChild(QLineEdit, "routineName").isReadOnly()
    click(qtbot, button(view, "duplicateRoutineButton"))
    assert [r.name for r in repository.all()] == ["Assistance: 3 × 12", "Assistance: 3 × 12 (copy)"]


def test_delete_asks_without_blocking_and_edit_undo_brings_it_back(
    qtbot: QtBot, view: RoutinesView, repository: RoutineRepository, undo_stack: QUndoStack
) -> None:
    for name in ("A", "B", "C"):
        repository.create(name)
    b = repository.all()[1]
    repository.add_drill(b.id, entry("dead-bug"))
    view.reload(b.id)
    click(qtbot, button(view, "deleteRoutineButton"))
    box = confirmation(view)
    # Cancel first: nothing happens.
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert len(repository.all()) == 3
    click(qtbot, button(view, "deleteRoutineButton"))
    box = confirmation(view)
    with qtbot.waitSignal(view.message) as said:
        box.findChild(QPushButton, "confirmDeleteButton").click()
    assert "B" in said.args[0]
    assert [r.name for r in repository.all()] == ["A", "C"]
    assert view.current_routine().name == "C"
    assert "Undo" in said.args[0]
    # The app's one undo stack takes the delete: Edit → Undo names it and brings it back.
    assert undo_stack.undoText() == "Delete routine “B”"
    with qtbot.waitSignal(view.message) as said:
        undo_stack.undo()
    assert said.args[0] == "“B” is back."
    assert [r.name for r in repository.all()] == ["A", "B", "C"]
    assert repository.get(b.id).entries == (entry("dead-bug"),)
    assert view.current_routine().id == b.id
    # Redo deletes it again, and undo once more brings it back at its place.
    undo_stack.redo()
    assert [r.name for r in repository.all()] == ["A", "C"]
    undo_stack.undo()
    assert [r.name for r in repository.all()] == ["A", "B", "C"]


def test_a_delete_that_cannot_be_saved_is_said_and_leaves_nothing_to_undo(
    qtbot: QtBot, view: RoutinesView, repository: RoutineRepository, undo_stack: QUndoStack
) -> None:
    made = repository.create("Mine")
    view.reload(made.id)
    repository.delete(made.id)  # gone behind the view's back (another window, say)
    with qtbot.waitSignal(view.message) as said:
        view.delete_routine(made.id)
    assert "Mine" not in [r.name for r in repository.all()]
    assert said.args[0]
    assert undo_stack.count() == 0


def test_routines_are_reordered_with_the_keyboard(
    qtbot: QtBot, view: RoutinesView, repository: RoutineRepository
) -> None:
    for name in ("A", "B"):
        repository.create(name)
    view.reload(repository.all()[1].id)
    routine_list = view.findChild(QListView, "routineList")
    routine_list.setFocus()
    qtbot.keyClick(routine_list, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert [r.name for r in repository.all()] == ["B", "A"]
    assert view.current_routine().name == "B"
    assert view.routine_names() == [(r.id, r.name) for r in repository.all()]


def test_ctrl_n_makes_a_new_routine(
    qtbot: QtBot, view: RoutinesView, repository: RoutineRepository
) -> None:
    routine_list = view.findChild(QListView, "routineList")
    routine_list.setFocus()
    qtbot.keyClick(routine_list, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view.editor.name, Qt.Key.Key_Escape)
    routine_list.setFocus()
    qtbot.keyClick(routine_list, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert [r.name for r in repository.all()] == ["New routine", "New routine 2"]


def test_adding_a_drill_to_a_new_routine_names_it_after_the_drill(
    qtbot: QtBot, view: RoutinesView, repository: RoutineRepository
) -> None:
    with qtbot.waitSignal(view.routines_changed):
        view.add_drill("hip-thrust", "")
    (routine,) = repository.all()
    assert routine.name == "Hip thrust"
    assert routine.entries == (PlanEntry.of(CATALOGUE.get("hip-thrust")),)
    assert view.current_routine() == routine


# "Add to routine" in the drill library -------------------------------------------------------


def test_the_drill_detail_offers_the_persons_routines(qtbot: QtBot) -> None:
    detail = DrillDetail(CATALOGUE)
    qtbot.addWidget(detail)
    add = detail.findChild(QToolButton, "addToRoutineButton")
    assert not add.isEnabled()
    detail.show_drill(CATALOGUE.get("dead-bug"))
    assert add.isEnabled()
    assert add.accessibleName()
    detail.set_routine_names([("user.a", "Mornings"), ("user.b", "Legs & back")])
    actions = [a for a in add.menu().actions() if not a.isSeparator()]
    assert [a.text() for a in actions] == ["Mornings", "Legs && back", "New routine…"]
    with qtbot.waitSignal(detail.add_to_routine_requested) as blocker:
        actions[1].trigger()
    assert blocker.args == ["dead-bug", "user.b"]
    with qtbot.waitSignal(detail.add_to_routine_requested) as blocker:
        actions[2].trigger()
    assert blocker.args == ["dead-bug", ""]


def test_the_library_forwards_add_to_routine_to_the_routines_view(
    qtbot: QtBot, view: RoutinesView, repository: RoutineRepository
) -> None:
    library = DrillsView(CATALOGUE, frozenset(), lambda _id, _on: None)
    qtbot.addWidget(library)
    library.add_to_routine_requested.connect(view.add_drill)
    view.routines_changed.connect(lambda: library.set_routine_names(view.routine_names()))
    library.select_drill("kettlebell-swing")
    menu = library.findChild(QToolButton, "addToRoutineButton").menu()
    (new,) = menu.actions()
    new.trigger()
    (routine,) = repository.all()
    assert routine.name == "Kettlebell swing"
    library.select_drill("dead-bug")
    mine = next(a for a in menu.actions() if a.data() == routine.id)
    mine.trigger()
    assert [e.drill_id for e in repository.get(routine.id).entries] == [
        "kettlebell-swing",
        "dead-bug",
    ]
