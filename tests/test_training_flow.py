"""The whole window as a person trains with it: a routine run in the player with each set logged,
a check that opens the ladder's first phase, the "easily" questions that open loading, and
File → Export.
"""

from __future__ import annotations

import csv
from datetime import datetime, timedelta
from pathlib import Path

from hinge_window import HingeWindow
from import_headers import HINGE_HEADER
from open_dialogs import open_dialog
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from hinge_desktop.domain.drills import Phase
from hinge_desktop.domain.ladder import GateAnswers
from hinge_desktop.domain.timeline import StepKind
from hinge_desktop.domain.training import CheckOutcome, LoggedSet
from hinge_desktop.storage import timecodec
from hinge_desktop.storage.store import Store


def test_a_routine_runs_in_the_player_and_every_set_is_logged_with_one_click(
    hinge: HingeWindow,
) -> None:
    library = hinge.window.view("drills")
    library.show_routines()
    library.routines.select_routine("builtin.phase-5")
    hinge.click("startRoutineButton")
    assert hinge.window.current_view() == "workout"
    assert hinge.start_anyway(), "a routine of loaded drills, on a new log: asked first"
    plan = hinge.views.workout.plan()
    assert plan is not None
    assert plan.routine_id == "builtin.phase-5"

    hinge.click("startPauseButton")
    steps = hinge.views.workout.timeline().steps  # type: ignore[union-attr]
    work = [s for s in steps if s.is_work]
    for _ in work:
        hinge.views.workout.skip()  # get ready, or the rest, is over: the set begins
        while not hinge.views.workout.timeline().moment().step.is_work:  # type: ignore[union-attr]
            hinge.views.workout.skip()
        hinge.click("logSetButton")  # ends the set and logs it
    logged = list(hinge.store.sets.all())
    assert len(logged) == len(work) == sum(entry.sets for entry in plan.entries) == 6
    assert [(s.drill_id, s.set_number) for s in logged] == [
        (s.drill.id, s.set_number) for s in work if s.drill is not None
    ]
    workout = hinge.store.workouts.get(logged[0].workout_id or 0)
    assert workout.routine_id == "builtin.phase-5"
    assert workout.name == plan.name


def test_a_failed_squeeze_test_opens_glute_activation_with_a_message(hinge: HingeWindow) -> None:
    hinge.show_drill("glute-squeeze-test")
    hinge.click("startPauseButton")
    hinge.skip_to(StepKind.DONE)
    form = hinge.views.workout.findChild(QWidget, "setForm")
    assert form is not None
    hinge.qtbot.mouseClick(
        form.result.button_for(CheckOutcome.FAIL),  # type: ignore[attr-defined]
        Qt.MouseButton.LeftButton,
    )
    hinge.click("logSetButton")
    assert hinge.views.ladder.wait_until_applied()

    assert hinge.store.ladder.current_phase() is Phase.ACTIVATION
    box = open_dialog(QMessageBox, "unlockBox")
    assert "activation" in box.text().lower()
    box.close()
    (logged,) = hinge.store.sets.all()
    assert logged.result is CheckOutcome.FAIL


def _passing_day(store: Store, day: datetime) -> None:
    logged = store.sets.add(LoggedSet("wall-hip-hinge", day, reps=10))
    assert logged.id is not None
    store.ladder.record_answers(logged.id, GateAnswers(True, True, True))


def test_three_easy_patterning_sessions_open_light_loading(hinge: HingeWindow) -> None:
    now = datetime.now().astimezone()
    start = now - timedelta(days=10)
    performed, offset = timecodec.encode(start)
    # A person who reached patterning ten days ago (in place of the start at the checks).
    hinge.store.db.execute("DELETE FROM phase_events")
    hinge.store.db.table("phase_events").insert(
        {"phase": int(Phase.PATTERNING), "reached_at": performed, "utc_offset": offset}
    )
    for days_ago in (3, 2):
        _passing_day(hinge.store, now - timedelta(days=days_ago))
    hinge.views.ladder.update()
    assert hinge.views.ladder.wait_until_applied()
    assert hinge.store.ladder.current_phase() is Phase.PATTERNING

    hinge.show_drill("wall-hip-hinge")
    hinge.click("startPauseButton")
    hinge.skip_to(StepKind.REST, 1)
    questions = hinge.widget(QWidget, "gateQuestions")
    assert not questions.isVisible()
    hinge.click("logSetButton")
    assert questions.isVisible(), "asked after a set of the phase"
    for name in ("gateNobodyHeldYes", "gateBackStillYes", "gatePressureSteadyYes"):
        hinge.click(name)
    hinge.click("gateSubmitButton")
    assert hinge.views.ladder.wait_until_applied()

    assert not questions.isVisible()
    assert hinge.store.ladder.current_phase() is Phase.LIGHT_LOADING
    box = open_dialog(QMessageBox, "unlockBox")
    box.close()
    (last,) = [s for s in hinge.store.sets.all() if s.workout_id is not None]
    assert last.id is not None
    assert hinge.store.ladder.answers_for(last.id) == GateAnswers(True, True, True)


def test_file_export_writes_the_log_as_hinge_csv(hinge: HingeWindow, tmp_path: Path) -> None:
    hinge.show_drill("glute-bridge")
    hinge.click("startPauseButton")
    hinge.skip_to(StepKind.REST, 1)
    hinge.click("logSetButton")
    target = tmp_path / "log.csv"

    hinge.window.export_action.trigger()
    (dialog,) = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()
    ]
    dialog.fileSelected.emit(str(target))
    dialog.close()
    # Written on a thread of its own when the window has a background reader for it.
    hinge.qtbot.waitUntil(target.exists)

    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0] == HINGE_HEADER
    (row,) = list(csv.DictReader(lines))
    assert (row["drill_id"], row["set"], row["reps"]) == ("glute-bridge", "1", "12")
    assert row["workout"] == "Glute bridge"


def test_a_set_logged_says_once_that_the_log_changed_and_the_list_reads_it_once(
    hinge: HingeWindow,
) -> None:
    """One click on Log set: one word that the log changed, heard by History's list, the charts
    and the ladder; the set list of the workout is read once, not once per listener."""
    said: list[None] = []
    hinge.views.services.log_changes.changed.connect(lambda: said.append(None))
    hinge.show_drill("glute-bridge")
    hinge.click("startPauseButton")
    hinge.skip_to(StepKind.REPS)
    statements: list[str] = []
    hinge.store.db.conn.set_trace_callback(statements.append)
    try:
        hinge.click("logSetButton")
    finally:
        hinge.store.db.conn.set_trace_callback(None)
    assert hinge.store.sets.count() == 1
    assert len(said) == 1
    set_list_reads = [
        s for s in statements if s.startswith('select * from "sets" where workout_id')
    ]
    assert len(set_list_reads) == 1, statements


def test_a_routine_deleted_and_brought_back_leaves_the_log_views_alone(hinge: HingeWindow) -> None:
    """Edit → Undo serves routines too, but a routine is not the training log: the views that
    show the log do not read it again."""
    said: list[None] = []
    hinge.views.services.log_changes.changed.connect(lambda: said.append(None))
    routines = hinge.window.view("drills").routines
    made = routines.new_routine()
    assert made is not None
    routines.delete_routine(made.id)
    assert made.id not in [r.id for r in hinge.store.routines.all()]
    hinge.views.undo_stack.undo()
    assert made.id in [r.id for r in hinge.store.routines.all()]
    assert said == []
