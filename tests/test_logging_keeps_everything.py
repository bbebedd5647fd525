"""Logging in a workout never drops what the person did or typed: extra sets after the
prescription, a note typed after a set was logged, each side of a per-side set, a measure nobody
took, a fresh panel for every drill, and a resumed workout that stays one workout.

The whole app in its window, used through its named widgets; every check reads the log itself.
"""

from __future__ import annotations

import pytest
from hinge_window import HingeWindow, StartHinge
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QScrollArea,
)

from hinge_desktop.domain.plan import PlanEntry, WorkoutPlan
from hinge_desktop.domain.timeline import StepKind
from hinge_desktop.domain.training import CheckOutcome, LoggedSet, Side


class Logging(HingeWindow):
    """The window with helpers for the player's log panel."""

    def go(self, kind: StepKind, number: int = 1, side: Side | None = None) -> None:
        """Skip (as the Skip button does) to the step of ``kind``, set ``number`` and ``side``."""
        workout = self.views.workout
        for _ in range(200):
            timeline = workout.timeline()
            assert timeline is not None
            step = timeline.moment().step
            if step.kind is kind and (
                kind is StepKind.DONE or (step.set_number == number and step.side == side)
            ):
                return
            workout.skip()
        raise AssertionError(f"no {kind} {number} {side}")

    def step(self) -> tuple[StepKind, int, Side | None]:
        timeline = self.views.workout.timeline()
        assert timeline is not None
        step = timeline.moment().step
        return step.kind, step.set_number, step.side

    def text(self, name: str) -> str:
        label = self.widget(QLabel, name)
        return label.text() if label.isVisibleTo(self.window) else ""

    def button(self, name: str) -> QAbstractButton:
        return self.widget(QAbstractButton, name)

    def number(self, name: str) -> QDoubleSpinBox:
        return self.widget(QDoubleSpinBox, name)

    def press(self, name: str, times: int) -> None:
        for _ in range(times):
            self.click(name)

    def sets(self) -> list[LoggedSet]:
        return sorted(self.store.sets.all(), key=lambda s: s.id or 0)


@pytest.fixture
def app(start_hinge: StartHinge) -> Logging:
    return start_hinge(Logging, view="workout", active=True)


def start(app: Logging, *drill_ids: str) -> None:
    catalogue = app.views.catalogue
    if len(drill_ids) == 1:
        app.views.workout.show_drill(catalogue.get(drill_ids[0]))
    else:
        plan = WorkoutPlan("Session", tuple(PlanEntry.of(catalogue.get(d)) for d in drill_ids))
        app.views.start_plan(plan)
    app.start_anyway()  # a new log: a loaded drill asks first
    app.click("startPauseButton")


# 1. Extra sets, and never a silent Log set ---------------------------------------------------


def test_log_set_after_the_prescription_logs_an_extra_set_and_says_so(app: Logging) -> None:
    start(app, "glute-bridge")  # 2 × 12
    app.go(StepKind.REPS, 1)
    app.click("logSetButton")
    app.go(StepKind.REPS, 2)
    app.click("logSetButton")  # ends the last set: the workout is done
    assert app.step()[0] is StepKind.DONE

    button = app.button("logSetButton")
    assert button.isEnabled()
    assert button.text() == "Log extra set"
    assert app.text("logPanelHeading") == "Extra set 3"
    app.press("repsInputMinus", 2)
    app.click("logSetButton")

    sets = app.sets()
    assert [(s.set_number, s.reps) for s in sets] == [(1, 12), (2, 12), (3, 10)]
    assert len({s.workout_id for s in sets}) == 1
    assert "Extra set 3 logged." in app.text("logStatusLabel")
    assert app.text("logPanelHeading") == "Extra set 4", "one more click, one more set"
    # Undone, the extra set is no longer said to be logged.
    app.click("undoButton")
    assert [s.set_number for s in app.sets()] == [1, 2]
    assert "Extra set 3 logged." not in app.text("logStatusLabel")


def test_log_set_is_off_and_says_why_when_there_is_nothing_to_log(app: Logging) -> None:
    start(app, "glute-bridge")
    button = app.button("logSetButton")
    assert not button.isEnabled()
    assert "begins after the countdown" in app.text("logStatusLabel")

    app.go(StepKind.REST, 1)
    app.click("logSetButton")
    assert not button.isEnabled(), "set 1 is logged; set 2 has not begun"
    assert app.text("logStatusLabel") == ("Set 1 of 2 logged. The next set begins after the rest.")
    app.qtbot.keyClick(app.window, Qt.Key.Key_Return)
    assert len(app.sets()) == 1


def test_a_set_left_behind_is_named_when_the_next_begins(app: Logging) -> None:
    start(app, "glute-bridge")
    app.go(StepKind.REST, 1)
    app.go(StepKind.REPS, 2)
    assert "Glute bridge: set 1 of 2 was not logged." in app.text("logStatusLabel")


# 2. A note typed after logging ---------------------------------------------------------------


def test_a_note_typed_after_logging_goes_with_that_set_and_can_be_undone(app: Logging) -> None:
    start(app, "glute-bridge")
    app.go(StepKind.REST, 1)
    app.click("logSetButton")
    assert app.text("noteLabel") == "Note on set 1 of 2 (logged)"
    note = app.widget(QLineEdit, "noteInput")
    note.setFocus()
    app.qtbot.keyClicks(note, "left knee talked")
    app.qtbot.keyClick(note, Qt.Key.Key_Return)

    (logged,) = app.sets()
    assert logged.note == "left knee talked"
    assert len(app.sets()) == 1, "Return in the note keeps the note; it logs nothing"

    app.click("undoButton")
    (logged,) = app.sets()
    assert logged.note == "", "undo takes the note back, the set stays"
    app.click("redoButton")
    assert app.sets()[0].note == "left knee talked"


def test_a_note_typed_after_logging_is_kept_when_the_next_set_begins(app: Logging) -> None:
    start(app, "glute-bridge")
    app.go(StepKind.REST, 1)
    app.click("logSetButton")
    note = app.widget(QLineEdit, "noteInput")
    note.setFocus()
    app.qtbot.keyClicks(note, "hips level")
    app.go(StepKind.REPS, 2)  # no Return: the rest ran out

    (logged,) = app.sets()
    assert logged.note == "hips level"
    assert note.text() == ""
    assert app.text("noteLabel") == "Note"
    app.click("logSetButton")
    assert app.sets()[1].note == "", "the next set starts without the note"


def test_a_note_typed_before_logging_goes_with_the_set(app: Logging) -> None:
    start(app, "glute-bridge")
    app.go(StepKind.REST, 1)
    app.qtbot.keyClicks(app.widget(QLineEdit, "noteInput"), "slow tempo")
    app.click("logSetButton")
    assert app.sets()[0].note == "slow tempo"


def test_after_the_last_set_return_in_the_note_never_logs_an_extra_set(app: Logging) -> None:
    start(app, "glute-bridge")
    app.go(StepKind.DONE)
    app.click("logSetButton")  # set 2
    note = app.widget(QLineEdit, "noteInput")
    note.setFocus()
    app.qtbot.keyClicks(note, "easy")
    app.qtbot.keyClick(note, Qt.Key.Key_Return)
    assert [(s.set_number, s.note) for s in app.sets()] == [(2, "easy")]


# 3. Each side, logged when the person says so -----------------------------------------------


def test_a_per_side_check_waits_for_the_left_side_while_the_right_side_runs(
    app: Logging,
) -> None:
    start(app, "aslr-test")  # 1 set of 3 per side
    app.go(StepKind.REPS, 1, Side.LEFT)
    assert app.text("logSideLabel") == "Left side"
    app.go(StepKind.REPS, 1, Side.RIGHT)  # the left side was not logged

    assert app.text("logSideLabel") == "Left side", "the form did not move on by itself"
    assert app.button("logSetButton").text() == "Log left side"
    app.click("resultChoice_1")  # passed
    app.click("logSetButton")
    assert app.step() == (StepKind.REPS, 1, Side.RIGHT), "logging the left leaves the right on"
    assert app.text("logSideLabel") == "Right side"
    assert app.widget(QAbstractButton, "resultChoice_0").isChecked(), "a fresh result"
    app.click("resultChoice_2")  # not yet
    app.click("logSetButton")

    assert [(s.side, s.result) for s in app.sets()] == [
        (Side.LEFT, CheckOutcome.PASS),
        (Side.RIGHT, CheckOutcome.FAIL),
    ]
    assert app.step()[0] is StepKind.DONE


def test_per_side_sets_are_logged_side_by_side(app: Logging) -> None:
    start(app, "single-leg-glute-bridge")
    app.go(StepKind.SWITCH_SIDES, 1)
    app.click("logSetButton")
    assert app.text("logStatusLabel") == (
        "Set 1 of 2, left side logged. The other side comes next."
    )
    app.go(StepKind.REST, 1)
    assert app.text("logSideLabel") == "Right side"
    app.click("logSetButton")
    assert [(s.set_number, s.side) for s in app.sets()] == [(1, Side.LEFT), (1, Side.RIGHT)]


# 4. A measure nobody took ------------------------------------------------------------------


def test_a_measure_left_untouched_is_not_logged(app: Logging) -> None:
    start(app, "aslr-test")
    measure = app.number("measuredInput")
    app.go(StepKind.SWITCH_SIDES, 1)
    assert measure.text() == "not measured"
    app.click("resultChoice_1")
    app.click("logSetButton")
    app.go(StepKind.DONE)
    assert measure.text() == "not measured", "the right side starts unmeasured too"
    app.click("measuredInputPlus")
    taken = measure.value()
    assert taken > 0
    app.click("logSetButton")

    left, right = app.sets()
    assert (left.result, left.measured) == (CheckOutcome.PASS, None)
    assert right.measured == taken


# 5. A fresh panel for every drill ----------------------------------------------------------


def test_the_panel_starts_fresh_for_the_next_drill(app: Logging) -> None:
    start(app, "kettlebell-swing", "roll-stretch-hamstrings")
    for number in (1, 2, 3):
        app.go(StepKind.REPS, number)
        if number == 1:
            app.press("weightInputPlus", 3)
            app.click("rpeChoice_3")  # 7
        app.click("logSetButton")
    assert app.sets()[-1].weight == 12

    app.views.workout.skip()  # the rest before the hold
    assert app.step()[0] is StepKind.GET_READY
    assert app.text("logTargetLabel") == "Hamstring roll and stretch"
    assert app.text("logPanelHeading") == "Set 1 of 1"
    assert "Kettlebell" not in app.text("logStatusLabel")
    assert "3 of 3" not in app.text("logStatusLabel")
    assert app.number("weightInput").value() == 0
    assert app.widget(QAbstractButton, "rpeChoice_0").isChecked()

    app.go(StepKind.HOLD, 1)
    app.click("logSetButton")
    hold = app.sets()[-1]
    assert (hold.drill_id, hold.weight, hold.rpe, hold.hold_seconds) == (
        "roll-stretch-hamstrings",
        None,
        None,
        120,  # the roll, then each leg's stretch: one set
    )


def test_the_load_chosen_carries_on_to_the_next_set_of_the_same_drill(app: Logging) -> None:
    start(app, "kettlebell-swing")
    app.go(StepKind.REPS, 1)
    app.press("weightInputPlus", 4)
    app.go(StepKind.REPS, 2)  # set 1 not logged: the load shown is kept all the same
    assert app.number("weightInput").value() == 16
    app.click("logSetButton")
    assert app.sets()[0].weight == 16


# 7. The weight steps follow the equipment --------------------------------------------------


@pytest.mark.parametrize(
    ("drill_id", "presses", "weight"),
    [
        ("kettlebell-swing", 3, 12.0),  # 4, 8, 12
        ("romanian-deadlift", 3, 7.5),  # 2.5 kg plates
        ("front-loaded-rdl", 12, 14.0),  # dumbbells: 1 kg to 10, then 2 kg
        ("hip-thrust", 3, 3.0),  # other loads as before
    ],
)
def test_the_weight_steps_follow_the_equipment(
    app: Logging, drill_id: str, presses: int, weight: float
) -> None:
    start(app, drill_id)
    app.go(StepKind.REPS, 1)
    app.press("weightInputPlus", presses)
    app.click("logSetButton")
    assert app.sets()[0].weight == weight


# 9. Readable and within reach --------------------------------------------------------------


def test_the_band_none_chip_is_readable(app: Logging) -> None:
    start(app, "band-pull-through")
    chip = app.button("bandChoice_0")
    assert chip.text() == "none"
    room = chip.contentsRect().width() - 8
    assert chip.fontMetrics().horizontalAdvance("none") <= room


def test_reps_and_weight_are_large_enough_to_read_from_a_distance(app: Logging) -> None:
    start(app, "kettlebell-swing")
    app.go(StepKind.REPS, 1)
    for name in ("repsInput", "weightInput"):
        box = app.number(name)
        assert box.fontInfo().pixelSize() >= 28, name
        assert box.height() >= box.fontMetrics().height(), name


@pytest.mark.parametrize("drill_id", ["kettlebell-swing", "band-pull-through", "aslr-test"])
def test_at_1280x720_the_log_panel_needs_no_scrolling(app: Logging, drill_id: str) -> None:
    app.window.resize(QSize(1280, 720))
    start(app, drill_id)
    app.views.workout.skip()
    QApplication.processEvents()  # the layout follows the new set's rows
    assert app.window.size() == QSize(1280, 720)
    scroll = app.widget(QScrollArea, "logPanelScroll")
    assert scroll.verticalScrollBar().maximum() == 0


def test_in_a_short_window_log_set_stays_in_view(app: Logging) -> None:
    start(app, "band-pull-through")
    app.views.workout.skip()
    panel = app.widget(QScrollArea, "logPanelScroll").parentWidget()
    assert panel is not None
    panel.resize(panel.width(), panel.minimumSizeHint().height())
    button = app.button("logSetButton")
    top_left = button.mapTo(panel, button.rect().topLeft())
    assert top_left.y() >= 0
    assert top_left.y() + button.height() <= panel.height()
    assert panel.minimumSizeHint().height() <= 300, "the values scroll, Log set does not"


def test_a_note_typed_for_a_set_left_unlogged_stays_for_the_next(app: Logging) -> None:
    start(app, "glute-bridge")
    app.go(StepKind.REST, 1)
    app.qtbot.keyClicks(app.widget(QLineEdit, "noteInput"), "cramp in the hamstring")
    app.go(StepKind.REPS, 2)  # set 1 was never logged
    assert app.widget(QLineEdit, "noteInput").text() == "cramp in the hamstring"
    app.click("logSetButton")
    assert [(s.set_number, s.note) for s in app.sets()] == [(2, "cramp in the hamstring")]
