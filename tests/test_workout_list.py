"""The training log as a person uses it: browse workouts, open one, edit a set, delete a set or a
workout after confirming, undo and redo, quick-log a set; checked against the real database."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from drill_catalogue import CATALOGUE
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QListView,
    QMessageBox,
    QTableView,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from hinge_desktop.domain.training import CheckOutcome, LoggedSet, Side, Unit, Workout
from hinge_desktop.storage.store import Store
from hinge_desktop.storage.workout_list_queries import (
    PAGE,
    QUICK,
    WORKOUT,
    WorkoutListQueries,
    local_day,
)
from hinge_desktop.ui.history.history_view import HistoryView
from hinge_desktop.ui.history.set_dialog import EditSetDialog, QuickLogDialog, next_quick_set_number
from hinge_desktop.ui.history.set_table_model import SetColumn, SetTableModel
from hinge_desktop.ui.history.workout_list_model import LogRole, WorkoutListModel
from hinge_desktop.ui.history.workout_list_view import WorkoutListView
from hinge_desktop.ui.log_changes import LogChanges
from hinge_desktop.ui.set_commands import LogSet

NOW = datetime.now().astimezone().replace(second=0, microsecond=0)


@pytest.fixture
def stack() -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def changes() -> LogChanges:
    """The app's one word that the log changed, which the player's commands say too."""
    return LogChanges()


def make_view(
    qtbot: QtBot, store: Store, stack: QUndoStack, changes: LogChanges | None = None
) -> WorkoutListView:
    view = WorkoutListView(store, CATALOGUE, stack, log_changes=changes)
    qtbot.addWidget(view)
    view.resize(1080, 740)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    return view


def add_workout(
    store: Store,
    started_at: datetime,
    name: str,
    sets: list[dict[str, object]],
    *,
    minutes: int | None = 30,
    in_progress: bool = False,
) -> Workout:
    ended = started_at + timedelta(minutes=minutes) if minutes is not None else None
    workout = store.workouts.start(Workout(started_at=started_at, ended_at=ended, name=name))
    for number, values in enumerate(sets):
        store.sets.add(
            LoggedSet(
                performed_at=started_at + timedelta(minutes=2 * number + 1),
                workout_id=workout.id,
                **values,  # type: ignore[arg-type]
            )
        )
    if in_progress:
        with store.db.atomic():
            store.db.execute(
                "INSERT INTO workout_progress (workout_id, plan, step_index, updated_at) "
                "VALUES (?, '{}', 0, 0)",
                [workout.id],
            )
    return workout


@pytest.fixture
def history(store: Store) -> dict[str, Workout]:
    """Three workouts (one in progress, one with loads, one with checks) and two quick sets."""
    today = NOW.replace(hour=7, minute=5)
    days_ago = today - timedelta(days=3)
    rdl = "romanian-deadlift"
    found = {
        "today": add_workout(
            store,
            today,
            "Daily activation",
            [{"drill_id": "glute-bridge", "set_number": n, "reps": 12} for n in (1, 2)],
            minutes=None,
            in_progress=True,
        ),
        "loaded": add_workout(
            store,
            today - timedelta(days=1, hours=-11),
            "Romanian deadlift",
            [
                {"drill_id": rdl, "set_number": 1, "reps": 8, "weight": 40.0, "unit": Unit.KG},
                {"drill_id": rdl, "set_number": 2, "reps": 8, "weight": 60.0, "unit": Unit.KG},
                {
                    "drill_id": "single-leg-rdl",
                    "set_number": 1,
                    "reps": 8,
                    "weight": 22.0,
                    "unit": Unit.LB,
                    "side": Side.LEFT,
                    "rpe": 8.5,
                    "note": "wobbly",
                },
                {"drill_id": "band-pull-through", "set_number": 1, "reps": 12, "band": "red"},
            ],
            minutes=42,
        ),
        "checks": add_workout(
            store,
            days_ago,
            "Checks",
            [
                {
                    "drill_id": "glute-squeeze-test",
                    "hold_seconds": 5.0,
                    "result": CheckOutcome.PASS,
                },
                {
                    "drill_id": "aslr-test",
                    "reps": 3,
                    "side": Side.LEFT,
                    "result": CheckOutcome.FAIL,
                    "measured": 65.0,
                },
            ],
            minutes=10,
        ),
    }
    quick_day = NOW - timedelta(days=2)
    for number in (1, 2):
        store.sets.add(
            LoggedSet(
                drill_id="kettlebell-swing",
                performed_at=quick_day.replace(hour=12, minute=number),
                set_number=number,
                reps=15,
                weight=16.0,
                unit=Unit.KG,
            )
        )
    return found


def titles(view: WorkoutListView) -> list[str]:
    return [view.model.index(row, 0).data() for row in range(view.model.rowCount())]


def click_entry(qtbot: QtBot, view: WorkoutListView, row: int) -> None:
    workout_list = view.findChild(QListView, "workoutList")
    rect = workout_list.visualRect(view.model.index(row, 0))
    qtbot.mouseClick(workout_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def table_text(view: WorkoutListView, column: SetColumn) -> list[str]:
    table = view.findChild(QTableView, "setTable")
    model = table.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def click_set(qtbot: QtBot, view: WorkoutListView, row: int, *, double: bool = False) -> None:
    table = view.findChild(QTableView, "setTable")
    rect = table.visualRect(table.model().index(row, SetColumn.DRILL))
    if double:
        # A real double-click starts with a press on the same row.
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    else:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def button(widget: QWidget, name: str) -> QAbstractButton:
    found = widget.findChild(QAbstractButton, name)
    assert found is not None, name
    return found


def confirm_box(name: str) -> QMessageBox:
    boxes = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == name and w.isVisible()
    ]
    assert len(boxes) == 1, f"expected one visible {name}"
    return boxes[0]


def answer(qtbot: QtBot, name: str, button_name: str) -> None:
    box = confirm_box(name)
    assert not box.isModal() or box.windowModality() != Qt.WindowModality.ApplicationModal
    qtbot.mouseClick(button(box, button_name), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not box.isVisible())


def open_dialog(view: WorkoutListView) -> EditSetDialog:
    shown = [d for d in view.findChildren(EditSetDialog, "editSetDialog") if d.isVisible()]
    assert len(shown) == 1
    return shown[0]


def stored_ids(store: Store) -> set[int]:
    return {logged.id for logged in store.sets.all() if logged.id is not None}


# The models ---------------------------------------------------------------------------------


def test_the_models_pass_qt_model_tester(  # type: ignore[no-untyped-def]
    qtmodeltester, store: Store, history: dict[str, Workout]
) -> None:
    model = WorkoutListModel(WorkoutListQueries(store.db, store.sets), CATALOGUE)
    model.reload()
    qtmodeltester.check(model)
    sets = SetTableModel(CATALOGUE)
    sets.set_sets(store.sets.for_workout(history["loaded"].id or 0))
    qtmodeltester.check(sets)


def test_a_long_history_is_read_a_page_at_a_time_in_order(
    qtbot: QtBot, store: Store, stack: QUndoStack, changes: LogChanges
) -> None:
    start = NOW - timedelta(days=400)
    expected: list[tuple[str, int]] = []
    with store.db.atomic():
        for day in range(260):
            at = start + timedelta(days=day, hours=7)
            if day % 5 == 0:
                store.sets.add(LoggedSet(drill_id="glute-bridge", performed_at=at, reps=10))
                expected.append((QUICK, local_day(at)))
            else:
                workout = add_workout(
                    store, at, "Patterning", [{"drill_id": "wall-hip-hinge", "reps": 10}]
                )
                expected.append((WORKOUT, workout.id or 0))
    expected.reverse()
    view = make_view(qtbot, store, stack, changes)
    assert view.model.rowCount() == PAGE
    view.workout_list.scrollToBottom()
    qtbot.waitUntil(lambda: view.model.rowCount() > PAGE)
    while view.model.canFetchMore():
        view.model.fetchMore()
    keys = [tuple(view.model.index(r, 0).data(LogRole.KEY)) for r in range(view.model.rowCount())]
    assert keys == expected
    # A change reloads as many entries as were shown, and keeps the one selected.
    view.select_workout(expected[-2][1])
    stack.push(
        LogSet(
            store.sets, LoggedSet(drill_id="dead-bug", performed_at=NOW, reps=8), changes.announce
        )
    )
    assert view.model.rowCount() == len(expected) + 1
    assert view.shown_entry() is not None
    assert view.shown_entry().key == expected[-2]  # type: ignore[union-attr]


# Listing and opening ----------------------------------------------------------------------


def test_workouts_are_listed_newest_first_with_their_figures(
    qtbot: QtBot, store: Store, stack: QUndoStack, history: dict[str, Workout]
) -> None:
    view = make_view(qtbot, store, stack)
    assert titles(view) == ["Daily activation", "Romanian deadlift", "Quick log", "Checks"]
    summaries = [view.model.index(r, 0).data(LogRole.SUMMARY) for r in range(4)]
    whens = [view.model.index(r, 0).data(LogRole.WHEN) for r in range(4)]
    assert summaries[0] == "Glute bridge · 2 sets · 24 reps · bodyweight"
    # 2 × 8 × (40 + 60) kg + 8 × 22 lb ≈ 880 kg.
    assert summaries[1] == "3 drills · 4 sets · 36 reps · 880 kg lifted"
    assert summaries[2] == "Kettlebell swing · 2 sets · 30 reps · 480 kg lifted"
    assert summaries[3] == "2 drills · 2 sets · 3 reps · 5 s held · bodyweight"
    assert whens[0].startswith("Today · ")
    assert whens[1] == "Yesterday · 18:05 · 42 min"
    assert whens[3].endswith("07:05 · 10 min")
    in_progress = [view.model.index(r, 0).data(LogRole.IN_PROGRESS) for r in range(4)]
    assert in_progress == [True, False, False, False]
    accessible = view.model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "in progress" in accessible
    assert view.findChild(QListView, "workoutList").accessibleName() == "Workouts"
    assert view.findChild(QTableView, "setTable").accessibleName() == "Sets"


def test_opening_a_workout_shows_its_sets(
    qtbot: QtBot, store: Store, stack: QUndoStack, history: dict[str, Workout]
) -> None:
    view = make_view(qtbot, store, stack)
    click_entry(qtbot, view, 1)
    assert view.findChild(QLabel, "workoutTitle").text() == "Romanian deadlift"
    assert table_text(view, SetColumn.DRILL) == [
        "Romanian deadlift",
        "Romanian deadlift",
        "Single-leg Romanian deadlift",
        "Band pull-through",
    ]
    assert table_text(view, SetColumn.SET) == ["1", "2", "1", "1"]
    assert table_text(view, SetColumn.DOSE) == ["8 reps"] * 3 + ["12 reps"]
    assert table_text(view, SetColumn.WEIGHT) == ["40 kg", "60 kg", "22 lb", ""]
    assert table_text(view, SetColumn.SIDE) == ["", "", "left", ""]
    assert table_text(view, SetColumn.BAND) == ["", "", "", "red"]
    assert table_text(view, SetColumn.RPE) == ["", "", "8.5", ""]
    assert table_text(view, SetColumn.KIND) == ["working"] * 4
    assert table_text(view, SetColumn.NOTE) == ["", "", "wobbly", ""]
    click_entry(qtbot, view, 2)
    assert view.findChild(QLabel, "workoutTitle").text() == "Quick log"
    assert "logged outside a workout" in view.findChild(QLabel, "workoutDetails").text()
    assert table_text(view, SetColumn.DRILL) == ["Kettlebell swing"] * 2


def test_check_results_are_shown(
    qtbot: QtBot, store: Store, stack: QUndoStack, history: dict[str, Workout]
) -> None:
    view = make_view(qtbot, store, stack)
    assert view.select_workout(history["checks"].id or 0)
    assert table_text(view, SetColumn.RESULT) == ["✓ passed", "✗ not yet · 65 degrees"]
    assert table_text(view, SetColumn.DOSE) == ["5 s", "3 reps"]
    assert table_text(view, SetColumn.KIND) == ["", ""]


def test_an_empty_log_says_how_to_start(
    qtbot: QtBot, store: Store, stack: QUndoStack, changes: LogChanges
) -> None:
    view = make_view(qtbot, store, stack, changes)
    empty = view.findChild(type(view.empty), "emptyLog")
    assert empty.isVisible()
    assert not view.findChild(QListView, "workoutList").isVisible()
    assert "Nothing logged yet" in [label.text() for label in empty.findChildren(QLabel)]
    with qtbot.waitSignal(view.choose_drill_requested):
        qtbot.mouseClick(button(view, "emptyLogChooseDrillButton"), Qt.MouseButton.LeftButton)
    # A set logged elsewhere (the player) on the same stack shows up at once.
    stack.push(
        LogSet(
            store.sets, LoggedSet(drill_id="dead-bug", performed_at=NOW, reps=8), changes.announce
        )
    )
    assert view.findChild(QListView, "workoutList").isVisible()
    assert titles(view) == ["Quick log"]
    stack.undo()
    assert empty.isVisible()


# Editing ---------------------------------------------------------------------------------


def test_a_set_is_edited_through_the_dialog_and_the_edit_can_be_undone(
    qtbot: QtBot, store: Store, stack: QUndoStack, history: dict[str, Workout]
) -> None:
    view = make_view(qtbot, store, stack)
    view.select_workout(history["loaded"].id or 0)
    click_set(qtbot, view, 1)
    before = view.selected_set()
    assert before is not None
    assert before.id is not None
    qtbot.mouseClick(button(view, "editSetButton"), Qt.MouseButton.LeftButton)
    dialog = open_dialog(view)
    assert not dialog.isModal() or dialog.windowModality() != Qt.WindowModality.ApplicationModal
    for _ in range(2):
        qtbot.mouseClick(button(dialog, "repsInputPlus"), Qt.MouseButton.LeftButton)
    for _ in range(2):
        # A barbell: 2.5 kg a press.
        qtbot.mouseClick(button(dialog, "weightInputPlus"), Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(view.message) as said:
        qtbot.mouseClick(button(dialog, "saveSetButton"), Qt.MouseButton.LeftButton)
    assert said.args == ["Set changed — Ctrl+Z to undo"]
    after = store.sets.get(before.id)
    assert (after.reps, after.weight, after.unit) == (10, 65.0, Unit.KG)
    assert (after.performed_at, after.set_number, after.workout_id) == (
        before.performed_at,
        before.set_number,
        before.workout_id,
    )
    assert table_text(view, SetColumn.WEIGHT)[1] == "65 kg"
    assert view.selected_set() == after
    stack.undo()
    assert store.sets.get(before.id) == before
    assert table_text(view, SetColumn.WEIGHT)[1] == "60 kg"
    stack.redo()
    assert store.sets.get(before.id) == after


def test_a_double_click_or_f2_opens_the_edit_dialog_and_cancel_changes_nothing(
    qtbot: QtBot, store: Store, stack: QUndoStack, history: dict[str, Workout]
) -> None:
    view = make_view(qtbot, store, stack)
    view.select_workout(history["loaded"].id or 0)
    click_set(qtbot, view, 2, double=True)
    dialog = open_dialog(view)
    assert dialog.original.drill_id == "single-leg-rdl"
    # The form shows the stored values exactly.
    assert dialog.form.weight.value() == 22.0
    assert dialog.form.unit.value() is Unit.LB
    assert dialog.form.side.value() is Side.LEFT
    assert dialog.form.rpe.value() == 8.5
    assert dialog.form.note.text() == "wobbly"
    qtbot.mouseClick(button(dialog, "repsInputPlus"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button(dialog, "editSetDialogCancelButton"), Qt.MouseButton.LeftButton)
    assert store.sets.get(dialog.original.id or 0).reps == 8
    assert stack.count() == 0
    view.set_table.setFocus()
    qtbot.keyClick(view.set_table, Qt.Key.Key_F2)
    assert open_dialog(view).original.drill_id == "single-leg-rdl"
    open_dialog(view).reject()


@pytest.mark.parametrize(
    ("row", "field", "value", "unit", "message"),
    [
        (0, "reps", 250, None, "Reps must be between 0 and 200."),
        (0, "weight", 600, Unit.KG, "Weight must be between 0 and 500 kg."),
        (0, "weight", 1200, Unit.LB, "Weight must be between 0 and 1102 lb."),
        (1, "hold", 700, None, "A hold must be between 0 and 600 seconds."),
    ],
)
def test_a_value_out_of_range_is_refused_where_it_is_entered(
    qtbot: QtBot,
    store: Store,
    stack: QUndoStack,
    history: dict[str, Workout],
    row: int,
    field: str,
    value: float,
    unit: Unit | None,
    message: str,
) -> None:
    view = make_view(qtbot, store, stack)
    workout = history["loaded"] if row == 0 else history["checks"]
    view.select_workout(workout.id or 0)
    click_set(qtbot, view, 0)
    original = view.selected_set()
    assert original is not None
    view.edit_selected_set()
    dialog = open_dialog(view)
    save = button(dialog, "saveSetButton")
    assert save.isEnabled()
    if unit is not None:
        qtbot.mouseClick(dialog.form.unit.button_for(unit), Qt.MouseButton.LeftButton)
    spin = getattr(dialog.form, field).spin
    spin.clear()
    qtbot.keyClicks(spin, str(value))
    shown = dialog.findChild(QLabel, "setFormMessage")
    assert shown.isVisible()
    assert shown.text() == message
    assert not save.isEnabled()
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    dialog.accept()  # Return, or a caller, cannot get round the check either.
    assert dialog.isVisible()
    assert store.sets.get(original.id or 0) == original
    assert stack.count() == 0
    # Back in range, the set can be saved.
    spin.clear()
    qtbot.keyClicks(spin, "10")
    assert save.isEnabled()
    assert not shown.isVisible()
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert stack.count() == 1


def test_a_set_of_a_drill_hinge_does_not_know_can_still_be_edited(
    qtbot: QtBot, store: Store, stack: QUndoStack
) -> None:
    workout = add_workout(
        store,
        NOW - timedelta(days=1),
        "Imported",
        [{"drill_id": "strong:Hip Thrust (Barbell)", "reps": 10, "weight": 80.0, "unit": Unit.KG}],
    )
    view = make_view(qtbot, store, stack)
    view.select_workout(workout.id or 0)
    assert table_text(view, SetColumn.DRILL) == ["strong:Hip Thrust (Barbell)"]
    view.edit_selected_set()
    dialog = open_dialog(view)
    qtbot.mouseClick(button(dialog, "repsInputPlus"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button(dialog, "saveSetButton"), Qt.MouseButton.LeftButton)
    (stored,) = store.sets.for_workout(workout.id or 0)
    assert (stored.drill_id, stored.reps, stored.weight) == ("strong:Hip Thrust (Barbell)", 11, 80)


# Deleting --------------------------------------------------------------------------------


def test_a_set_is_deleted_after_confirming_and_undo_brings_it_back(
    qtbot: QtBot, store: Store, stack: QUndoStack, history: dict[str, Workout]
) -> None:
    view = make_view(qtbot, store, stack)
    view.select_workout(history["loaded"].id or 0)
    click_set(qtbot, view, 1)
    doomed = view.selected_set()
    assert doomed is not None
    assert doomed.id is not None
    everything = stored_ids(store)

    qtbot.mouseClick(button(view, "deleteSetButton"), Qt.MouseButton.LeftButton)
    answer(qtbot, "confirmDeleteSet", "cancelDeleteButton")
    assert stored_ids(store) == everything

    qtbot.mouseClick(button(view, "deleteSetButton"), Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(view.message) as said:
        answer(qtbot, "confirmDeleteSet", "confirmDeleteButton")
    assert said.args == ["Set deleted — Ctrl+Z to undo"]
    assert stored_ids(store) == everything - {doomed.id}
    assert len(table_text(view, SetColumn.DRILL)) == 3
    # The set that took its place is selected.
    assert view.selected_set() is not None
    assert view.selected_set().drill_id == "single-leg-rdl"  # type: ignore[union-attr]

    stack.undo()
    assert stored_ids(store) == everything
    assert store.sets.get(doomed.id) == doomed
    assert len(table_text(view, SetColumn.DRILL)) == 4
    stack.redo()
    assert stored_ids(store) == everything - {doomed.id}


def test_the_delete_key_asks_before_deleting_a_set(
    qtbot: QtBot, store: Store, stack: QUndoStack, history: dict[str, Workout]
) -> None:
    view = make_view(qtbot, store, stack)
    view.select_workout(history["loaded"].id or 0)
    click_set(qtbot, view, 0)
    doomed = view.selected_set()
    assert doomed is not None
    qtbot.keyClick(view.set_table, Qt.Key.Key_Delete)
    assert store.sets.get(doomed.id or 0) == doomed
    answer(qtbot, "confirmDeleteSet", "confirmDeleteButton")
    with pytest.raises(KeyError):
        store.sets.get(doomed.id or 0)


def test_a_workout_is_deleted_with_all_its_sets_and_undo_brings_every_one_back(
    qtbot: QtBot, store: Store, stack: QUndoStack, history: dict[str, Workout]
) -> None:
    view = make_view(qtbot, store, stack)
    workout = history["loaded"]
    assert workout.id is not None
    view.select_workout(workout.id)
    click_set(qtbot, view, 0)
    sets_before = store.sets.for_workout(workout.id)
    ids_before = [s.id for s in sets_before]
    everything = stored_ids(store)

    qtbot.keyClick(view.set_table, Qt.Key.Key_Delete, Qt.KeyboardModifier.ShiftModifier)
    with qtbot.waitSignal(view.message) as said:
        answer(qtbot, "confirmDeleteWorkout", "confirmDeleteButton")
    assert said.args == ["Workout deleted — Ctrl+Z to undo"]
    with pytest.raises(KeyError):
        store.workouts.get(workout.id)
    assert store.sets.for_workout(workout.id) == []
    assert stored_ids(store) == everything - set(ids_before)
    assert "Romanian deadlift" not in titles(view)

    stack.undo()
    assert store.workouts.get(workout.id) == workout
    restored = store.sets.for_workout(workout.id)
    assert [s.id for s in restored] == ids_before
    assert restored == sets_before
    assert "Romanian deadlift" in titles(view)
    stack.redo()
    assert store.sets.for_workout(workout.id) == []
    assert stored_ids(store) == everything - set(ids_before)


def test_a_day_of_quick_logs_is_deleted_together_and_comes_back_together(
    qtbot: QtBot, store: Store, stack: QUndoStack, history: dict[str, Workout]
) -> None:
    view = make_view(qtbot, store, stack)
    click_entry(qtbot, view, titles(view).index("Quick log"))
    quick = {s.id for s in store.sets.all() if s.workout_id is None}
    assert len(quick) == 2
    everything = stored_ids(store)
    qtbot.mouseClick(button(view, "deleteWorkoutButton"), Qt.MouseButton.LeftButton)
    answer(qtbot, "confirmDeleteWorkout", "confirmDeleteButton")
    assert stored_ids(store) == everything - quick
    assert "Quick log" not in titles(view)
    stack.undo()
    assert stored_ids(store) == everything
    stack.redo()
    assert stored_ids(store) == everything - quick


def test_a_workout_in_progress_cannot_be_deleted(
    qtbot: QtBot, store: Store, stack: QUndoStack, history: dict[str, Workout]
) -> None:
    view = make_view(qtbot, store, stack)
    view.select_workout(history["today"].id or 0)
    delete = button(view, "deleteWorkoutButton")
    assert not delete.isEnabled()
    assert view.delete_selected_workout() is None
    assert button(view, "deleteSetButton").isEnabled()


# Quick log -------------------------------------------------------------------------------


def test_a_quick_logged_set_is_stored_outside_any_workout(
    qtbot: QtBot, store: Store, stack: QUndoStack, history: dict[str, Workout]
) -> None:
    view = make_view(qtbot, store, stack)
    before = stored_ids(store)
    dialog = view.quick_log("glute-bridge")
    assert dialog is not None
    assert dialog.objectName() == "quickLogDialog"
    # Two glute bridges in this morning's workout: this is the third set today.
    assert dialog.set_number == 3
    heading = dialog.findChild(QLabel, "quickLogDialogHeading")
    assert heading is not None
    assert heading.text() == "Glute bridge: set 3 today"
    qtbot.mouseClick(button(dialog, "repsInputPlus"), Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(view.message) as said:
        qtbot.mouseClick(button(dialog, "quickLogSaveButton"), Qt.MouseButton.LeftButton)
    assert said.args == ["Set logged — Ctrl+Z to undo"]
    (new_id,) = stored_ids(store) - before
    logged = store.sets.get(new_id)
    assert logged.workout_id is None
    assert (logged.drill_id, logged.reps, logged.set_number) == ("glute-bridge", 13, 3)
    assert logged.performed_at.utcoffset() is not None
    assert abs(logged.performed_at - datetime.now().astimezone()) < timedelta(minutes=1)
    # Today's quick log is opened in the list, with the set.
    assert view.findChild(QLabel, "workoutTitle").text() == "Quick log"
    assert table_text(view, SetColumn.DRILL) == ["Glute bridge"]
    # The next one is set 4.
    second = view.quick_log("glute-bridge")
    assert second is not None
    assert second.set_number == 4
    second.reject()
    stack.undo()
    assert stored_ids(store) == before


def test_quick_log_counts_the_sets_of_every_workout_of_the_drill_today(
    qtbot: QtBot, store: Store, stack: QUndoStack, history: dict[str, Workout]
) -> None:
    """Two workouts this morning with two glute bridges each: a quick set is the fifth today."""
    add_workout(
        store,
        NOW.replace(hour=9, minute=30),
        "Daily activation",
        [{"drill_id": "glute-bridge", "set_number": n, "reps": 12} for n in (1, 2)],
    )
    view = make_view(qtbot, store, stack)
    dialog = view.quick_log("glute-bridge")
    assert dialog is not None
    assert dialog.findChild(QLabel, "quickLogDialogHeading").text() == "Glute bridge: set 5 today"
    dialog.reject()


def test_quick_log_refuses_a_value_out_of_range_and_writes_nothing(
    qtbot: QtBot, store: Store, stack: QUndoStack
) -> None:
    dialog = QuickLogDialog(CATALOGUE.get("roll-stretch-glutes"), [])
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.form.hold.set_value(700)
    assert not button(dialog, "quickLogSaveButton").isEnabled()
    assert "600 seconds" in dialog.findChild(QLabel, "setFormMessage").text()
    dialog.accept()
    assert dialog.isVisible()
    assert store.sets.count() == 0


def test_the_next_quick_set_number_counts_every_set_of_the_drill_done_today() -> None:
    def quick(days_ago: int, number: int, workout_id: int | None = None) -> LoggedSet:
        return LoggedSet(
            drill_id="glute-bridge",
            performed_at=NOW - timedelta(days=days_ago),
            set_number=number,
            reps=10,
            workout_id=workout_id,
        )

    assert next_quick_set_number("glute-bridge", [], NOW) == 1
    assert next_quick_set_number("glute-bridge", [quick(0, 1), quick(0, 2)], NOW) == 3
    assert next_quick_set_number("glute-bridge", [quick(1, 1), quick(1, 2)], NOW) == 1
    # Two sets in this morning's workout: the quick set is the third today.
    workout = [quick(0, 1, workout_id=7), quick(0, 2, workout_id=7)]
    assert next_quick_set_number("glute-bridge", workout, NOW) == 3
    assert next_quick_set_number("glute-bridge", [*workout, quick(0, 3)], NOW) == 4
    assert next_quick_set_number("glute-bridge", [quick(1, 4, workout_id=7)], NOW) == 1
    assert next_quick_set_number("dead-bug", workout, NOW) == 1


# History ---------------------------------------------------------------------------------


def test_history_shows_the_log_and_a_progress_tab(
    qtbot: QtBot, store: Store, stack: QUndoStack, history: dict[str, Workout]
) -> None:
    log = WorkoutListView(store, CATALOGUE, stack)
    view = HistoryView(log)
    qtbot.addWidget(view)
    view.show()
    assert view.objectName() == "historyView"
    tabs = view.findChild(QTabWidget, "historyTabs")
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["Progress", "Log"]
    assert tabs.currentWidget() is view.progress
    view.show_workout_list()
    assert tabs.currentWidget() is log
    plain = HistoryView()
    qtbot.addWidget(plain)
    assert plain.objectName() == "historyView"
    assert plain.findChild(QTabWidget) is None
    assert plain.progress.objectName() == "progressPlaceholder"


def test_the_workout_list_keeps_its_selection_when_another_view_logs_a_set(
    qtbot: QtBot, store: Store, stack: QUndoStack, changes: LogChanges, history: dict[str, Workout]
) -> None:
    view = make_view(qtbot, store, stack, changes)
    click_entry(qtbot, view, 3)
    assert view.findChild(QLabel, "workoutTitle").text() == "Checks"
    today = history["today"]
    stack.push(
        LogSet(
            store.sets,
            LoggedSet(
                drill_id="glute-bridge",
                performed_at=NOW,
                set_number=3,
                reps=12,
                workout_id=today.id,
            ),
            changes.announce,
        )
    )
    assert view.findChild(QLabel, "workoutTitle").text() == "Checks"
    summary = view.model.index(0, 0).data(LogRole.SUMMARY)
    assert summary.startswith("Glute bridge · 3 sets · 36 reps")


def test_a_hidden_log_catches_up_when_shown(
    qtbot: QtBot, store: Store, stack: QUndoStack, changes: LogChanges, history: dict[str, Workout]
) -> None:
    view = make_view(qtbot, store, stack, changes)
    view.hide()
    stack.push(
        LogSet(
            store.sets,
            LoggedSet(drill_id="dead-bug", performed_at=NOW - timedelta(days=1), reps=8),
            changes.announce,
        )
    )
    view.show()
    assert "Quick log" in titles(view)
    # Quick log from another view while the log is hidden opens the new day's entry.
    view.hide()
    dialog = view.quick_log("glute-bridge")
    assert dialog is not None
    qtbot.mouseClick(button(dialog, "quickLogSaveButton"), Qt.MouseButton.LeftButton)
    entry = view.shown_entry()
    assert entry is not None
    assert entry.key == (QUICK, local_day(datetime.now().astimezone()))
    assert entry.set_count == 1


def test_a_stack_that_moves_after_the_database_closed_raises_nothing(
    qtbot: QtBot, store: Store, stack: QUndoStack, changes: LogChanges, history: dict[str, Workout]
) -> None:
    view = make_view(qtbot, store, stack, changes)
    stack.push(
        LogSet(
            store.sets, LoggedSet(drill_id="dead-bug", performed_at=NOW, reps=8), changes.announce
        )
    )
    # As the app quits: the database is closed, then the undo stack is cleared.
    store.close()
    with qtbot.capture_exceptions() as raised:
        stack.clear()
    assert raised == []
    # Nothing is left to list: the list stops asking for more of the closed log.
    view.findChild(QListView, "workoutList").setModel(None)
