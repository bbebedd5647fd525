"""How a workout ends, in the whole window: Finish (asked while sets remain, what was logged
kept), Escape, another drill or routine in its place, quitting in its middle, and the summary of
the session with what comes next."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hinge_window import HingeWindow
from open_dialogs import open_dialog, open_dialogs
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton

from hinge_desktop.domain.plan import PlanEntry, WorkoutPlan
from hinge_desktop.domain.timeline import StepKind
from hinge_desktop.domain.training import LoggedSet, Unit
from hinge_desktop.storage.summary_queries import read_summary
from hinge_desktop.ui.shell.resume import offer_resume
from hinge_desktop.ui.workout.summary_page import SummaryPage


def press(box_name: str, button_name: str) -> QMessageBox:
    """Press the button ``button_name`` of the open question ``box_name``."""
    box = open_dialog(QMessageBox, box_name)
    button = box.findChild(QPushButton, button_name)
    assert button is not None, button_name
    button.click()
    return box


def summary(hinge: HingeWindow) -> SummaryPage:
    return hinge.widget(SummaryPage, "sessionSummary")


def figures(hinge: HingeWindow) -> dict[str, str]:
    return summary(hinge).shown_figures()


def logged_sets(hinge: HingeWindow) -> list[LoggedSet]:
    return sorted(hinge.store.sets.all(), key=lambda s: s.id or 0)


@pytest.fixture
def training(hinge: HingeWindow) -> HingeWindow:
    """Glute bridge (2 × 12) started and its first set logged; the rest before set 2 under way."""
    hinge.show_drill("glute-bridge")
    hinge.click("startPauseButton")
    hinge.skip_to(StepKind.REPS, 1)
    hinge.click("logSetButton")
    assert hinge.views.workout.timeline().moment().step.kind is StepKind.REST  # type: ignore[union-attr]
    return hinge


def test_finish_asks_while_sets_remain_and_keep_going_changes_nothing(
    training: HingeWindow,
) -> None:
    finish = training.widget(QPushButton, "finishButton")
    assert finish.isVisible()
    training.click("finishButton")
    box = open_dialog(QMessageBox, "finishWorkoutBox")
    assert "1 of 2 sets" in box.text()
    assert "kept" in box.informativeText()
    press("finishWorkoutBox", "keepGoingButton")
    assert training.views.workout.under_way()
    assert not summary(training).isVisible()
    assert len(logged_sets(training)) == 1


def test_finish_asks_with_the_sets_logged_as_the_summary_counts_them(hinge: HingeWindow) -> None:
    hinge.show_drill("glute-bridge")
    hinge.click("startPauseButton")
    hinge.skip_to(StepKind.REPS, 1)
    hinge.click("finishButton")
    box = open_dialog(QMessageBox, "finishWorkoutBox")
    assert "with 0 of 2 sets logged" in box.text(), "the set under way is not logged yet"
    press("finishWorkoutBox", "keepGoingButton")
    # Set 1 passed without being logged: set 2 under way, still none logged.
    hinge.skip_to(StepKind.REPS, 2)
    hinge.click("finishButton")
    box = open_dialog(QMessageBox, "finishWorkoutBox")
    assert "with 0 of 2 sets logged" in box.text()
    press("finishWorkoutBox", "confirmFinishButton")
    hinge.qtbot.waitUntil(lambda: figures(hinge).get("sets logged") == "0 of 2")


def test_finishing_early_keeps_what_was_logged_and_shows_the_summary(
    training: HingeWindow,
) -> None:
    workout_id = training.views.set_logger.workout_id()
    training.click("finishButton")
    press("finishWorkoutBox", "confirmFinishButton")

    assert not training.views.workout.under_way()
    assert summary(training).isVisible()
    assert training.widget(QLabel, "summaryName").text() == "Glute bridge"
    assert training.widget(QLabel, "summaryHeading").text() == "Finished"
    training.qtbot.waitUntil(lambda: figures(training).get("sets logged") == "1 of 2")
    # Set 2 was never done: the log panel does not say every set is.
    status = training.widget(QLabel, "logStatusLabel").text()
    assert "All sets done" not in status
    assert "Log extra set adds one more" in status
    (kept,) = logged_sets(training)
    assert kept.workout_id == workout_id
    workout = training.store.workouts.get(workout_id or 0)
    assert workout.ended_at is not None, "the workout is over, with its set"
    assert training.store.session.unfinished() is None


def test_the_set_under_way_at_an_early_finish_can_still_be_logged(hinge: HingeWindow) -> None:
    hinge.show_drill("glute-bridge")
    hinge.click("startPauseButton")
    hinge.skip_to(StepKind.REPS, 1)
    hinge.click("finishButton")
    press("finishWorkoutBox", "confirmFinishButton")
    assert summary(hinge).isVisible()
    log = hinge.widget(QPushButton, "logSetButton")
    assert log.isVisible(), "the log panel stays beside the summary"
    hinge.click("logSetButton")
    (logged,) = logged_sets(hinge)
    assert logged.set_number == 1, "the set under way, not the last one planned"


def test_escape_asks_before_ending_a_workout_and_leaves_follow_along_first(
    training: HingeWindow,
) -> None:
    window, workout = training.window, training.views.workout
    training.show_window(active=True)
    training.click("followAlongButton")
    assert window.isFullScreen()
    assert workout.follow_along()
    training.qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isFullScreen(), "Escape leaves follow-along first"
    assert not open_dialogs(QMessageBox, "finishWorkoutBox")
    training.qtbot.keyClick(window, Qt.Key.Key_Escape)
    press("finishWorkoutBox", "keepGoingButton")
    assert workout.under_way()


def test_escape_does_nothing_when_no_workout_runs(hinge: HingeWindow) -> None:
    hinge.show_drill("glute-bridge")
    hinge.show_window(active=True)
    hinge.qtbot.keyClick(hinge.window, Qt.Key.Key_Escape)
    assert not open_dialogs(QMessageBox, "finishWorkoutBox")


def test_the_view_menu_and_the_players_button_enter_follow_along(hinge: HingeWindow) -> None:
    follow = hinge.window.findChild(QAction, "followAlongAction")
    assert follow in hinge.window.view_menu.actions()
    assert follow.isCheckable()
    assert follow.text() == "Follow along"
    assert not follow.isEnabled(), "nothing to follow yet"
    hinge.show_drill("dead-bug")
    hinge.show("history")
    follow.trigger()
    assert hinge.window.isFullScreen()
    assert hinge.window.current_view() == "workout"
    assert follow.isChecked()
    assert hinge.widget(QPushButton, "followAlongButton").isChecked()
    hinge.click("followAlongButton")
    assert not hinge.window.isFullScreen()
    assert not follow.isChecked()


def test_starting_another_drill_or_routine_asks_first(training: HingeWindow) -> None:
    workout = training.views.workout
    training.show_drill("dead-bug")
    press("replaceWorkoutBox", "keepGoingButton")
    assert workout.drill() == training.views.catalogue.get("glute-bridge")
    assert workout.under_way()

    plan = WorkoutPlan("Two drills", (PlanEntry.of(training.views.catalogue.get("dead-bug")),))
    training.views.start_plan(plan)
    box = press("replaceWorkoutBox", "replaceWorkoutButton")
    assert "Two drills" in box.text()
    assert workout.plan() == plan
    assert not workout.under_way()
    (kept,) = logged_sets(training)
    assert training.store.workouts.get(kept.workout_id or 0).ended_at is not None


def test_a_drill_loaded_but_not_started_is_replaced_without_asking(hinge: HingeWindow) -> None:
    hinge.show_drill("glute-bridge")
    hinge.show_drill("dead-bug")
    assert not open_dialogs(QMessageBox, "replaceWorkoutBox")
    assert hinge.views.workout.drill() == hinge.views.catalogue.get("dead-bug")


def test_ctrl_q_in_the_middle_of_a_workout_asks_and_keeps_it_to_resume(
    training: HingeWindow,
) -> None:
    training.show_window(active=True)
    training.qtbot.keyClick(training.window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    box = press("quitWorkoutBox", "keepGoingButton")
    assert "resumed" in box.informativeText()
    assert training.window.isVisible()
    training.qtbot.keyClick(training.window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    press("quitWorkoutBox", "quitWorkoutButton")
    assert not training.window.isVisible()
    training.views.shutdown()
    unfinished = training.store.session.unfinished()
    assert unfinished is not None, "the workout can be resumed at the next start"
    assert unfinished.set_count == 1


def test_closing_the_window_in_the_middle_of_a_workout_asks(training: HingeWindow) -> None:
    closing = QCloseEvent()
    closing.spontaneous = lambda: True  # type: ignore[method-assign]
    training.window.closeEvent(closing)
    assert not closing.isAccepted()
    press("quitWorkoutBox", "keepGoingButton")
    assert training.window.isVisible()


def test_quitting_with_no_workout_under_way_does_not_ask(hinge: HingeWindow) -> None:
    hinge.show_drill("glute-bridge")
    hinge.window.findChild(QAction, "quitAction").trigger()
    assert not open_dialogs(QMessageBox, "quitWorkoutBox")
    assert not hinge.window.isVisible()


def test_the_summary_counts_the_logged_sets_their_load_and_the_records_beaten(
    hinge: HingeWindow,
) -> None:
    catalogue = hinge.views.catalogue
    rdl = catalogue.get("romanian-deadlift")
    last_week = hinge.store.sets.add(
        LoggedSet(
            rdl.id,
            datetime.now().astimezone() - timedelta(days=7),
            1,
            reps=8,
            weight=20.0,
            unit=Unit.KG,
        )
    )
    assert last_week.id is not None
    workout = hinge.views.workout
    ended = []
    workout.session_ended.connect(ended.append)
    hinge.show_drill(rdl.id)
    hinge.click("startPauseButton")
    for number in (1, 2, 3):
        hinge.skip_to(StepKind.REPS, number)
        if number == 1:
            hinge.click("weightInputPlus")  # one step heavier than last week
        hinge.click("logSetButton")
    hinge.skip_to(StepKind.DONE)
    (end,) = ended
    assert summary(hinge).isVisible(), "the summary shows by itself at the end"
    hinge.qtbot.waitUntil(lambda: figures(hinge).get("sets logged") == "3")

    # As the assembler does once the session ended: the log's figures, the ladder, what next.
    workout_id = hinge.views.set_logger.workout_id()
    read = read_summary(hinge.store.db, end, workout_id)
    starts: list[bool] = []
    workout.next_requested.connect(lambda: starts.append(True))
    workout.show_summary(read, "Light loading: 1 of 3 easy sessions", "Glute activation")
    shown = figures(hinge)
    weight = logged_sets(hinge)[-1].weight
    assert weight is not None
    assert weight > 20.0
    assert shown["sets logged"] == "3"
    assert shown["reps"] == "24"
    assert shown["lifted"] == f"{round(24 * weight):,} kg"
    records = hinge.widget(QLabel, "summaryRecords").text()
    assert f"Romanian deadlift: heaviest weight, {weight:g} kg (was 20 kg)" in records
    assert hinge.widget(QLabel, "summaryLadderNote").text() == "Light loading: 1 of 3 easy sessions"
    assert hinge.widget(QLabel, "summaryNextLabel").text() == "Glute activation"
    hinge.click("summaryStartNextButton")
    assert starts == [True]


def test_the_summary_names_the_routine_not_its_first_drill(hinge: HingeWindow) -> None:
    catalogue = hinge.views.catalogue
    plan = WorkoutPlan(
        "Morning activation",
        (PlanEntry.of(catalogue.get("glute-bridge")), PlanEntry.of(catalogue.get("dead-bug"))),
    )
    hinge.views.start_plan(plan)
    hinge.click("startPauseButton")
    hinge.skip_to(StepKind.DONE)
    assert hinge.widget(QLabel, "summaryName").text() == "Morning activation"
    assert hinge.widget(QLabel, "summaryHeading").text() == "Workout complete"
    hinge.click("summaryAgainButton")
    assert hinge.views.workout.under_way(), "Do it again starts the same workout"
    assert hinge.views.workout.plan() == plan


def test_a_workout_resumed_after_a_crash_shows_where_it_stopped_without_asking(
    hinge: HingeWindow,
) -> None:
    bridge = hinge.views.catalogue.get("glute-bridge")
    plan = WorkoutPlan.single(bridge)
    steps = plan.steps(hinge.views.catalogue)
    rest = [s.kind for s in steps].index(StepKind.REST)
    started = hinge.store.session.begin(plan, datetime.now().astimezone() - timedelta(minutes=3))
    assert started.id is not None
    hinge.store.session.reach(started.id, rest)
    hinge.show_drill("dead-bug")  # loaded, not started: nothing to ask about
    offer_resume(hinge.window, hinge.store, hinge.views)
    press("resumeWorkoutBox", "resumeWorkoutButton")

    assert not open_dialogs(QMessageBox, "replaceWorkoutBox")
    workout = hinge.views.workout
    assert workout.drill() == bridge
    assert workout.step_label.text() == "Rest"
    assert workout.next_label.text() == "Next: Set 2 of 2"
    done = sum(s.seconds for s in steps[:rest])
    assert workout.progress.value() == round(1000 * done / sum(s.seconds for s in steps))
    assert hinge.widget(QLabel, "workoutProgressText").text().startswith("1:")
