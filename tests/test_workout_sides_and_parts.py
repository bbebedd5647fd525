"""The player and the log for drills timed in parts, sets whose sides alternate, and the side a
drill starts on: chosen in the get-ready by mouse or keyboard, said and shown, remembered per
drill across restarts; each part shown as it runs; a set logged once per side (or per set) with
the seconds it lasted, and the summary reading right."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from drill_catalogue import CATALOGUE
from hinge_window import HingeWindow
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from hinge_desktop.domain.timeline import GET_READY_SECONDS, PART_CHANGE_SECONDS, StepKind
from hinge_desktop.domain.training import Side
from hinge_desktop.paths import DataPaths
from hinge_desktop.speech.speaker import RecordingSpeaker
from hinge_desktop.ui.drill_text import dose
from hinge_desktop.ui.preferences import Preferences
from hinge_desktop.ui.workout.summary_page import SummaryPage
from hinge_desktop.ui.workout.workout_view import WorkoutView

TICK = 0.05


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def speaker() -> RecordingSpeaker:
    return RecordingSpeaker()


def make_view(
    qtbot: QtBot, data_dir: Path, speaker: RecordingSpeaker, clock: FakeClock
) -> WorkoutView:
    """A player on the data folder's settings, shown and active, as Hinge starts one."""
    view = WorkoutView(speaker, Preferences(DataPaths(root=data_dir).settings), clock)
    qtbot.addWidget(view)
    view.resize(1080, 720)
    view.show()
    view.activateWindow()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    return view


@pytest.fixture
def view(
    qtbot: QtBot, data_dir: Path, speaker: RecordingSpeaker, clock: FakeClock
) -> Iterator[WorkoutView]:
    shown = make_view(qtbot, data_dir, speaker, clock)
    yield shown
    shown.unload()


def play(view: WorkoutView, clock: FakeClock, seconds: float) -> None:
    end = clock.now + seconds
    while clock.now < end - 1e-9:
        clock.now = min(clock.now + TICK, end)
        view.tick()


def button(view: QWidget, name: str) -> QPushButton:
    found = view.findChild(QPushButton, name)
    assert found is not None, name
    return found


def click(qtbot: QtBot, view: QWidget, name: str) -> None:
    qtbot.mouseClick(button(view, name), Qt.MouseButton.LeftButton)


def work_sides(view: WorkoutView) -> list[tuple[int, Side | None]]:
    timeline = view.timeline()
    assert timeline is not None
    return [(s.set_number, s.side) for s in timeline.steps if s.is_work]


# The side to start on --------------------------------------------------------------------


def test_the_get_ready_offers_the_side_to_start_on_and_says_it(
    qtbot: QtBot, view: WorkoutView, speaker: RecordingSpeaker, clock: FakeClock
) -> None:
    view.show_drill(CATALOGUE.get("single-leg-glute-bridge"))
    choice = view.side_choice
    assert choice.isVisible()
    assert view.step_label.text() == "Get ready · left side first"
    assert button(view, "leftFirstButton").isChecked()
    click(qtbot, view, "rightFirstButton")
    assert view.step_label.text() == "Get ready · right side first"
    assert work_sides(view) == [(1, Side.RIGHT), (1, Side.LEFT), (2, Side.RIGHT), (2, Side.LEFT)]
    click(qtbot, view, "startPauseButton")
    play(view, clock, 0.5)
    assert speaker.texts()[0] == (
        "Get ready: Single-leg glute bridge, 2 sets of 8 each side, right side first"
    )
    assert view.cue_label.text() == "2 sets of 8 reps each side, right side first"
    click(qtbot, view, "leftFirstButton")  # changed while getting ready: said at once
    assert speaker.texts()[-1] == "left side first"
    assert work_sides(view)[0] == (1, Side.LEFT)
    play(view, clock, GET_READY_SECONDS)
    assert not choice.isVisible(), "only while getting ready"
    assert view.step_label.text() == "Set 1 of 2 · left side"


def test_left_and_right_choose_the_side_from_the_keyboard(
    qtbot: QtBot, view: WorkoutView, clock: FakeClock
) -> None:
    view.show_drill(CATALOGUE.get("single-leg-glute-bridge"))
    click(qtbot, view, "startPauseButton")
    play(view, clock, 1)
    button(view, "leftFirstButton").setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
    timeline = view.timeline()
    assert timeline is not None
    moment = timeline.moment()
    assert moment.step.kind is StepKind.GET_READY, "Right chose a side, it did not skip"
    assert work_sides(view)[0] == (1, Side.RIGHT)
    assert button(view, "rightFirstButton").hasFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left)
    assert work_sides(view)[0] == (1, Side.LEFT)


def test_the_side_chosen_is_kept_for_the_drill_after_a_restart(
    qtbot: QtBot, data_dir: Path, speaker: RecordingSpeaker, clock: FakeClock
) -> None:
    first = make_view(qtbot, data_dir, speaker, clock)
    first.show_drill(CATALOGUE.get("single-leg-glute-bridge"))
    click(qtbot, first, "rightFirstButton")
    first.unload()
    again = make_view(qtbot, data_dir, speaker, clock)
    again.show_drill(CATALOGUE.get("single-leg-glute-bridge"))
    assert work_sides(again)[0] == (1, Side.RIGHT)
    assert button(again, "rightFirstButton").isChecked()
    again.show_drill(CATALOGUE.get("single-leg-rdl"))
    assert work_sides(again)[0] == (1, Side.LEFT), "each drill has its own"
    again.unload()


def test_a_drill_without_sides_offers_no_choice(view: WorkoutView) -> None:
    view.show_drill(CATALOGUE.get("glute-bridge"))
    assert not view.side_choice.isVisible()
    assert view.step_label.text() == "Get ready"


# Parts and alternating sides on screen ---------------------------------------------------


def test_the_player_shows_the_part_under_way_and_the_change_between(
    qtbot: QtBot, view: WorkoutView, clock: FakeClock
) -> None:
    view.show_drill(CATALOGUE.get("roll-stretch-glutes"))
    assert view.dose.text().startswith("Roll 60 s, then stretch 30 s, each side")
    click(qtbot, view, "startPauseButton")
    play(view, clock, GET_READY_SECONDS + 1)
    assert view.step_label.text() == "Roll · left side"
    assert view.rep_label.text() == "Roll"
    assert view.cue_label.text() == "Roll, left side: 60 seconds"
    assert view.countdown.text() == "0:59"
    assert view.next_label.text() == "Next: Stretch · left side"
    play(view, clock, 60)
    assert view.step_label.text() == "Get into position"
    assert view.next_label.text() == "Next: Stretch · left side"
    play(view, clock, PART_CHANGE_SECONDS - 4)
    assert view.cue_label.text() == "Cross the ankle over"
    play(view, clock, 4)
    assert view.rep_label.text() == "Stretch"
    assert view.countdown.text() == "0:29"


def test_an_alternating_set_shows_the_side_of_each_rep(
    qtbot: QtBot, view: WorkoutView, clock: FakeClock
) -> None:
    drill = CATALOGUE.get("dead-bug")
    rep = drill.prescription.tempo.rep_seconds
    view.show_drill(drill)
    click(qtbot, view, "startPauseButton")
    play(view, clock, GET_READY_SECONDS + 0.5)
    assert view.step_label.text() == "Set 1 of 2 · sides in turn"
    assert view.rep_label.text() == "Left 1 of 8"
    play(view, clock, rep)
    assert view.rep_label.text() == "Right 1 of 8"
    play(view, clock, rep)
    assert view.rep_label.text() == "Left 2 of 8"


def test_the_detail_dose_names_the_parts(qtbot: QtBot) -> None:
    assert dose(CATALOGUE.get("roll-stretch-glutes").prescription) == (
        "Roll 60 s, then stretch 30 s, each side"
    )
    assert dose(CATALOGUE.get("roll-stretch-hamstrings").prescription) == (
        "Roll 60 s, then stretch 30 s each side"
    )
    assert dose(CATALOGUE.get("glute-squeeze-test").prescription) == (
        "Standing squeeze 5 s, then seated squeeze 5 s"
    )
    assert dose(CATALOGUE.get("dead-bug").prescription) == (
        "2 × 8 reps each side, alternating sides"
    )


# Logging -----------------------------------------------------------------------------------


def side_shown(hinge: HingeWindow) -> str:
    """The side the log panel names for the set it offers ("" when it names none)."""
    label = hinge.widget(QLabel, "logSideLabel")
    return label.text() if label.isVisibleTo(label.parentWidget()) else ""


def skip_to(hinge: HingeWindow, kind: StepKind, side: Side | None = None) -> None:
    workout = hinge.views.workout
    for _ in range(50):
        timeline = workout.timeline()
        assert timeline is not None
        step = timeline.moment().step
        if step.kind is kind and (side is None or step.side is side):
            return
        workout.skip()
    raise AssertionError(f"no {kind} {side}")


def test_each_side_of_a_roll_and_stretch_is_logged_once_with_its_seconds(
    hinge: HingeWindow,
) -> None:
    hinge.show_drill("roll-stretch-glutes")
    hinge.click("startPauseButton")
    skip_to(hinge, StepKind.CHANGE)  # between the left roll and the left stretch
    assert side_shown(hinge) == "Left side"
    skip_to(hinge, StepKind.SWITCH_SIDES)
    hinge.click("logSetButton")
    skip_to(hinge, StepKind.HOLD, Side.RIGHT)  # the right roll
    hinge.click("logSetButton")  # ends the right side early, its stretch too, and logs it
    logged = sorted(hinge.store.sets.all(), key=lambda s: s.id or 0)
    assert [(s.set_number, s.side, s.hold_seconds) for s in logged] == [
        (1, Side.LEFT, 90),
        (1, Side.RIGHT, 90),
    ]
    summary = hinge.widget(SummaryPage, "sessionSummary")
    assert summary.isVisible(), "the right side was the last of the workout"
    hinge.qtbot.waitUntil(lambda: "set logged" in summary.shown_figures())
    figures = summary.shown_figures()
    assert figures["set logged"] == "1"
    assert figures["held, in 2 holds"] == "3:00"


def test_the_hamstrings_and_an_alternating_set_are_logged_as_one_set(hinge: HingeWindow) -> None:
    hinge.show_drill("roll-stretch-hamstrings")
    hinge.click("startPauseButton")
    skip_to(hinge, StepKind.SWITCH_SIDES)  # between the two legs' stretches: still the set
    assert side_shown(hinge) == ""
    hinge.click("logSetButton")
    hinge.show_drill("dead-bug")
    hinge.click("startPauseButton")
    skip_to(hinge, StepKind.REST)
    assert side_shown(hinge) == "Both sides"
    hinge.click("logSetButton")
    logged = sorted(hinge.store.sets.all(), key=lambda s: s.id or 0)
    assert [(s.drill_id, s.side, s.reps, s.hold_seconds) for s in logged] == [
        ("roll-stretch-hamstrings", None, None, 120),
        ("dead-bug", None, 16, None),
    ]


def test_the_get_ready_with_its_side_choice_fits_a_1280_by_720_window(
    hinge: HingeWindow,
) -> None:
    hinge.window.resize(QSize(1280, 720))
    hinge.show_drill("single-leg-glute-bridge")
    QApplication.processEvents()
    choice = hinge.views.workout.side_choice
    assert choice.isVisible()
    scroll = hinge.views.workout.player.scroll
    assert not scroll.verticalScrollBar().isVisible()


def test_a_click_on_a_side_leaves_the_arrow_keys_to_step_through_the_workout(
    qtbot: QtBot, view: WorkoutView, clock: FakeClock
) -> None:
    view.show_drill(CATALOGUE.get("single-leg-glute-bridge"))
    click(qtbot, view, "startPauseButton")
    play(view, clock, 1)
    click(qtbot, view, "rightFirstButton")
    assert work_sides(view)[0] == (1, Side.RIGHT)
    focused = QApplication.focusWidget()
    assert focused not in (button(view, "leftFirstButton"), button(view, "rightFirstButton"))


def test_a_long_part_name_is_shown_whole(qtbot: QtBot, view: WorkoutView, clock: FakeClock) -> None:
    view.resize(560, 600)  # as narrow as the player gets beside the log panel at 1024x600
    view.show_drill(CATALOGUE.get("glute-squeeze-test"))
    click(qtbot, view, "startPauseButton")
    play(view, clock, GET_READY_SECONDS + 1)
    label = view.rep_label
    assert label.text() == "Standing squeeze"
    width = QFontMetrics(label.font()).horizontalAdvance(label.text())
    assert width <= label.contentsRect().width()
