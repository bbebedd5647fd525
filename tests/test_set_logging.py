"""Logging sets in the player with one click: pre-filled values, Return, undo and redo, values out
of range refused, and the workout under way kept on disk step by step so a crash loses nothing.

A real database file and a real undo stack; the clock is fake so a workout runs in milliseconds.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import ClassVar

import pytest
from drill_catalogue import CATALOGUE
from open_dialogs import open_dialog
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMessageBox,
    QPushButton,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from hinge_desktop.domain.plan import PlanEntry, WorkoutPlan
from hinge_desktop.domain.timeline import StepKind
from hinge_desktop.domain.training import LoggedSet, Side, Unit
from hinge_desktop.paths import DataPaths
from hinge_desktop.speech.speaker import RecordingSpeaker
from hinge_desktop.storage.store import Store
from hinge_desktop.ui.preferences import Preferences
from hinge_desktop.ui.workout.log_panel import LogPanel
from hinge_desktop.ui.workout.set_logger import SetLogger
from hinge_desktop.ui.workout.workout_view import WorkoutView

ZONE = timezone(timedelta(hours=1))


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Wall:
    """Local time for the logged sets, moved on with the fake clock."""

    def __init__(self, clock: FakeClock) -> None:
        self._clock = clock

    def __call__(self) -> datetime:
        return datetime(2026, 11, 21, 9, 0, tzinfo=ZONE) + timedelta(seconds=self._clock.now)


class Player:
    """The player with its log panel, as app.py puts them together."""

    players: ClassVar[list[Player]] = []

    def __init__(self, qtbot: QtBot, store: Store, data_dir: Path) -> None:
        self.clock = FakeClock()
        self.store = store
        self.stack = QUndoStack()
        self.players.append(self)
        preferences = Preferences(DataPaths(root=data_dir).settings)
        self.view = WorkoutView(RecordingSpeaker(), preferences, self.clock)
        self.panel = LogPanel(self.stack)
        self.view.set_log_panel(self.panel)
        self.log = SetLogger(self.view, self.panel, store, self.stack, now=Wall(self.clock))
        qtbot.addWidget(self.view)
        self.view.resize(1080, 720)
        self.view.show()
        self.view.activateWindow()
        qtbot.waitExposed(self.view)
        qtbot.waitUntil(lambda: QApplication.activeWindow() is self.view)
        self.qtbot = qtbot

    def widget(self, name: str) -> QWidget:
        found = self.view.findChild(QWidget, name)
        assert found is not None, name
        return found

    def button(self, name: str) -> QPushButton | QToolButton:
        found = self.widget(name)
        assert isinstance(found, QPushButton | QToolButton)
        return found

    def click(self, name: str, times: int = 1) -> None:
        for _ in range(times):
            self.qtbot.mouseClick(self.button(name), Qt.MouseButton.LeftButton)

    def start(self, drill_id: str) -> None:
        self.view.show_drill(CATALOGUE.get(drill_id))
        self.click("startPauseButton")

    def go_to(self, kind: StepKind, number: int = 1, side: Side | None = None) -> None:
        """Run the clock on to the start of the step of that kind, set number and side."""
        timeline = self.view.timeline()
        assert timeline is not None
        for _ in range(1000):
            moment = timeline.moment()
            step = moment.step
            if step.kind is kind and (
                kind is StepKind.DONE or (step.set_number == number and step.side == side)
            ):
                self.view.tick()
                return
            self.clock.now += moment.remaining + 0.001
            self.view.tick()
        raise AssertionError(f"no {kind} {number}")

    def sets(self) -> list[LoggedSet]:
        return sorted(self.store.sets.all(), key=lambda s: s.id or 0)

    def close(self) -> None:
        self.view.unload()
        self.log.shutdown()


@pytest.fixture
def player(qtbot: QtBot, store: Store, data_dir: Path) -> Iterator[Player]:
    yield Player(qtbot, store, data_dir)
    while Player.players:
        Player.players.pop().close()


def test_one_click_after_a_set_logs_it_prefilled_from_the_prescription(player: Player) -> None:
    player.start("glute-bridge")
    assert not player.button("logSetButton").isEnabled(), "nothing to log while getting ready"
    player.go_to(StepKind.REST, 1)
    assert player.button("logSetButton").isEnabled()
    assert player.panel.form.reps.value() == 12

    player.click("logSetButton")

    (logged,) = player.sets()
    assert (logged.drill_id, logged.set_number, logged.reps) == ("glute-bridge", 1, 12)
    assert logged.workout_id == player.log.workout_id()
    assert logged.weight is None
    assert not player.button("logSetButton").isEnabled(), "a set is logged once"
    assert "Set 1 of 2 logged." in player.panel.status.text()


def test_a_click_during_a_set_ends_it_early_and_logs_the_values_shown(player: Player) -> None:
    player.start("glute-bridge")
    player.go_to(StepKind.REPS, 1)
    player.clock.now += 10
    player.click("repsInputMinus", 4)

    player.click("logSetButton")

    (logged,) = player.sets()
    assert logged.reps == 8
    timeline = player.view.timeline()
    assert timeline is not None
    assert timeline.moment().step.kind is StepKind.REST, "the set ended and the rest began"


def test_return_logs_the_set(player: Player) -> None:
    player.start("glute-bridge")
    player.go_to(StepKind.REST, 1)
    player.qtbot.keyClick(player.view, Qt.Key.Key_Return)
    assert len(player.sets()) == 1


def test_undo_takes_back_the_set_and_redo_puts_it_back(player: Player) -> None:
    player.start("glute-bridge")
    player.go_to(StepKind.REST, 1)
    player.click("logSetButton")
    (logged,) = player.sets()

    player.click("undoButton")
    assert player.sets() == []
    assert player.button("logSetButton").isEnabled(), "the set can be logged again"

    player.click("redoButton")
    (again,) = player.sets()
    assert again.id == logged.id
    assert again == logged
    assert not player.button("logSetButton").isEnabled()


def test_a_load_by_mouse_in_pounds_is_kept_for_the_next_set(player: Player) -> None:
    player.start("kettlebell-swing")
    player.go_to(StepKind.REST, 1)
    player.click(player.panel.form.unit.button_for(Unit.LB).objectName())
    player.click("weightInputPlus", 7)  # a kettlebell: 5 lb a press
    player.click(player.panel.form.rpe.button_for(7.5).objectName())
    player.click("logSetButton")
    player.go_to(StepKind.REST, 2)
    assert player.panel.form.weight.value() == 35.0
    assert player.panel.form.unit.value() is Unit.LB
    player.click("logSetButton")

    first, second = player.sets()
    assert (first.weight, first.unit, first.rpe) == (35.0, Unit.LB, 7.5)
    assert (second.weight, second.unit, second.set_number) == (35.0, Unit.LB, 2)


def test_last_time_is_shown_beside_the_inputs(qtbot: QtBot, player: Player) -> None:
    player.start("kettlebell-swing")
    for number in (1, 2, 3):
        player.go_to(StepKind.REST if number < 3 else StepKind.DONE, number if number < 3 else 1)
        if number == 1:
            player.click("weightInputPlus", 4)  # a kettlebell: 4 kg a press
        player.click("logSetButton")
    assert len(player.sets()) == 3

    player.start("kettlebell-swing")
    player.go_to(StepKind.REPS, 1)
    label = player.widget("lastTimeLabel")
    assert isinstance(label, QLabel)
    assert "Last time: 3×12, 16 kg" in label.text()
    assert player.panel.form.weight.value() == 16


@pytest.mark.parametrize(
    ("stepper", "value", "message"),
    [
        ("reps", 250, "Reps must be between 0 and 200."),
        ("weight", 600, "Weight must be between 0 and 500 kg."),
    ],
)
def test_a_value_out_of_range_is_refused_where_it_is_entered(
    player: Player, stepper: str, value: float, message: str
) -> None:
    player.start("kettlebell-swing")
    player.go_to(StepKind.REST, 1)
    getattr(player.panel.form, stepper).set_value(value)
    assert not player.button("logSetButton").isEnabled()
    shown = player.widget("setFormMessage")
    assert isinstance(shown, QLabel)
    assert shown.isVisible()
    assert shown.text() == message
    player.qtbot.keyClick(player.view, Qt.Key.Key_Return)
    assert player.sets() == [], "nothing is written"


def test_the_workout_under_way_is_on_disk_step_by_step(player: Player, store: Store) -> None:
    player.start("glute-bridge")
    player.go_to(StepKind.REST, 1)
    player.click("logSetButton")
    unfinished = store.session.unfinished()
    assert unfinished is not None
    timeline = player.view.timeline()
    assert timeline is not None
    assert unfinished.step_index == timeline.moment().index
    assert unfinished.plan.entries[0].drill_id == "glute-bridge"
    assert unfinished.set_count == 1


def test_the_last_set_can_be_logged_after_the_end_and_the_workout_is_finished(
    player: Player, store: Store
) -> None:
    player.start("glute-bridge")
    player.go_to(StepKind.DONE)
    assert store.session.unfinished() is None, "a workout at its end is not offered again"
    player.click("logSetButton")
    (logged,) = player.sets()
    assert logged.set_number == 2
    workout = store.workouts.get(logged.workout_id or 0)
    assert workout.ended_at is not None
    assert workout.name == CATALOGUE.get("glute-bridge").name


def test_a_workout_with_nothing_logged_is_not_kept(player: Player, store: Store) -> None:
    player.start("glute-bridge")
    player.go_to(StepKind.REST, 1)
    assert store.workouts.count() == 1
    player.view.show_drill(CATALOGUE.get("dead-bug"))
    open_dialog(QMessageBox, "replaceWorkoutBox").findChild(
        QPushButton, "replaceWorkoutButton"
    ).click()
    assert store.workouts.count() == 0
    assert store.session.unfinished() is None


def test_a_resumed_workout_goes_on_where_it_stopped(
    qtbot: QtBot, player: Player, store: Store, data_dir: Path
) -> None:
    plan = WorkoutPlan(
        "Two drills",
        (PlanEntry.of(CATALOGUE.get("glute-bridge")), PlanEntry.of(CATALOGUE.get("dead-bug"))),
    )
    player.view.load(plan.steps(CATALOGUE), plan=plan)
    player.click("startPauseButton")
    player.go_to(StepKind.REST, 1)
    player.click("logSetButton")
    player.go_to(StepKind.REPS, 2)
    workout_id = player.log.workout_id()
    player.close()

    unfinished = store.session.unfinished()
    assert unfinished is not None
    again = Player(qtbot, store, data_dir)
    again.log.resume(unfinished, unfinished.plan.steps(CATALOGUE))
    timeline = again.view.timeline()
    assert timeline is not None
    step = timeline.moment().step
    assert (step.kind, step.set_number) == (StepKind.REPS, 2)
    again.click("startPauseButton")
    again.click("logSetButton")
    assert [s.set_number for s in again.sets()] == [1, 2]
    assert {s.workout_id for s in again.sets()} == {workout_id}


def test_per_side_sets_are_logged_with_their_side(player: Player) -> None:
    player.start("single-leg-glute-bridge")
    player.go_to(StepKind.SWITCH_SIDES, 1)
    player.click("logSetButton")
    player.go_to(StepKind.REST, 1)
    player.click("logSetButton")
    assert [(s.set_number, s.side) for s in player.sets()] == [(1, Side.LEFT), (1, Side.RIGHT)]
