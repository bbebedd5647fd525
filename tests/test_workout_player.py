"""The workout player as a person uses it from the floor: start, pause, skip, back, more rest,
the coach's cues at their moments, mute, the follow-along full screen, and the end.

The clock is fake and the view's refresh is called by hand, so a workout runs in milliseconds and
every time handed to the speaker can be checked to the millisecond.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from drill_catalogue import CATALOGUE
from open_dialogs import open_dialog
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from hinge_desktop.domain.cue_plan import plan_cues
from hinge_desktop.domain.cues import Density
from hinge_desktop.domain.figure import angles_at, scene
from hinge_desktop.domain.timeline import GET_READY_SECONDS, build_steps
from hinge_desktop.paths import DataPaths
from hinge_desktop.speech.speaker import RecordingSpeaker
from hinge_desktop.ui.preferences import (
    CUE_DENSITY,
    VOICE_HINT_DISMISSED,
    VOICE_MUTED,
    Preferences,
)
from hinge_desktop.ui.shell.main_window import MainWindow
from hinge_desktop.ui.workout.workout_text import cue_text, cue_words
from hinge_desktop.ui.workout.workout_view import WorkoutView

TICK = 0.05
START = 1000.0


class FakeClock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> float:
        return self.now


class CountsNotRendered(RecordingSpeaker):
    """A voice that has every cue ready except the countdown digits."""

    def is_ready(self, text: str) -> bool:
        return text not in ("3", "2", "1")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def preferences(data_dir: Path) -> Preferences:
    return Preferences(DataPaths(root=data_dir).settings)


@pytest.fixture
def speaker() -> RecordingSpeaker:
    return RecordingSpeaker()


def make_view(
    qtbot: QtBot, speaker: RecordingSpeaker, preferences: Preferences, clock: FakeClock
) -> WorkoutView:
    view = WorkoutView(speaker, preferences, clock)
    qtbot.addWidget(view)
    view.resize(1080, 720)
    view.show()
    view.activateWindow()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    return view


@pytest.fixture
def view(
    qtbot: QtBot, speaker: RecordingSpeaker, preferences: Preferences, clock: FakeClock
) -> Iterator[WorkoutView]:
    shown = make_view(qtbot, speaker, preferences, clock)
    yield shown
    shown.unload()


def play(view: WorkoutView, clock: FakeClock, seconds: float) -> None:
    """Let ``seconds`` pass, refreshing the view every 50 ms as its timer does."""
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


def start(qtbot: QtBot, view: WorkoutView, drill_id: str) -> None:
    """Choose the drill and press Start, as a person does."""
    view.show_drill(CATALOGUE.get(drill_id))
    click(qtbot, view, "startPauseButton")


def tick_timer(view: WorkoutView) -> QTimer:
    timer = view.findChild(QTimer, "workoutTickTimer")
    assert timer is not None
    return timer


def test_a_chosen_drill_waits_ready_to_start(view: WorkoutView, speaker: RecordingSpeaker) -> None:
    drill = CATALOGUE.get("romanian-deadlift")
    view.show_drill(drill)
    assert view.drill() == drill
    assert view.title.text() == drill.name
    assert view.step_label.text() == "Get ready"
    assert view.countdown.text() == "0:10"
    assert button(view, "startPauseButton").text() == "Start"
    assert not tick_timer(view).isActive()
    assert speaker.said == []
    p = drill.prescription
    assert f"Get ready: {drill.name}, {p.sets} sets of {p.reps}" in speaker.prepared
    assert "hips back" in speaker.prepared
    for name in ("backButton", "startPauseButton", "skipButton", "addRestButton"):
        assert button(view, name).accessibleName()
    slot = view.findChild(QWidget, "logPanelSlot")
    assert slot is not None
    assert not slot.isVisible()


def test_the_player_says_each_time_the_workout_starts_or_stops_running(
    qtbot: QtBot, view: WorkoutView, clock: FakeClock
) -> None:
    drill = CATALOGUE.get("wall-hinge-check")
    changes: list[bool] = []
    view.running_changed.connect(changes.append)
    view.show_drill(drill)
    assert changes == []  # chosen, not started
    click(qtbot, view, "startPauseButton")
    assert changes == [True]
    click(qtbot, view, "startPauseButton")  # Pause
    assert changes == [True, False]
    assert not view.is_running()
    click(qtbot, view, "startPauseButton")  # Resume
    assert changes == [True, False, True]
    play(view, clock, sum(step.seconds for step in build_steps([drill])) + 1)
    assert changes == [True, False, True, False]  # done: it stops once, and stays stopped
    view.tick()
    assert changes == [True, False, True, False]


def test_a_whole_drill_is_coached_at_the_exact_moments_and_ends(
    qtbot: QtBot, view: WorkoutView, speaker: RecordingSpeaker, clock: FakeClock
) -> None:
    drill = CATALOGUE.get("wall-hinge-check")  # one set of five reps
    steps = build_steps([drill])
    view.show_drill(drill)
    click(qtbot, view, "startPauseButton")
    assert tick_timer(view).isActive()
    assert button(view, "startPauseButton").text() == "Pause"
    play(view, clock, sum(s.seconds for s in steps) + 1)

    starts = [START]
    for step in steps:
        starts.append(starts[-1] + step.seconds)
    cues = plan_cues(steps, Density.EVERY_REP)
    assert speaker.texts() == [cue_text(cue, cue_words()) for cue in cues]
    assert speaker.texts()[0] == "Get ready: Wall hinge check, 1 set of 5", "one set, not 1 sets"
    assert [s.at for s in speaker.said] == pytest.approx(
        [starts[c.step_index] + c.offset for c in cues]
    )
    assert speaker.texts()[-1] == "workout complete"
    assert not tick_timer(view).isActive(), "nothing runs once the workout is over"
    summary = view.findChild(QWidget, "sessionSummary")
    assert summary.isVisible(), "the end shows the summary"
    assert view.findChild(QLabel, "summaryName").text() == drill.name
    assert not button(view, "skipButton").isVisible()


def test_the_countdown_and_rep_counter_show_where_the_set_is(
    qtbot: QtBot, view: WorkoutView, clock: FakeClock
) -> None:
    drill = CATALOGUE.get("romanian-deadlift")  # 8 reps of 7 s
    rep = drill.prescription.tempo.rep_seconds
    view.show_drill(drill)
    click(qtbot, view, "startPauseButton")
    play(view, clock, GET_READY_SECONDS - 2.5)
    assert view.countdown.text() == "3"
    assert view.rep_label.text() == ""
    play(view, clock, 2.5 + 2 * rep + 0.5)
    assert view.step_label.text() == "Set 1 of 3"
    assert view.rep_label.text() == "3 of 8"
    left = 8 * rep - 2 * rep - 0.5
    assert view.countdown.text() == f"0:{int(left) + 1:02d}"
    assert view.next_label.text() == "Next: rest 90 s"
    assert view.progress.value() == round(
        1000 * (GET_READY_SECONDS + 2 * rep + 0.5) / view.timeline().total_seconds()
    )


def test_space_pauses_silences_and_resumes_with_the_time_left_exact(
    qtbot: QtBot, view: WorkoutView, speaker: RecordingSpeaker, clock: FakeClock
) -> None:
    view.show_drill(CATALOGUE.get("romanian-deadlift"))
    qtbot.keyClick(view, Qt.Key.Key_Space)
    play(view, clock, 13.0)
    left = view.timeline().moment().remaining
    stops = speaker.stops
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert speaker.stops == stops + 1, "the voice stops at once"
    assert not tick_timer(view).isActive()
    assert button(view, "startPauseButton").text() == "Resume"
    assert view.cue_label.text() == "Paused"
    handed = len(speaker.said)
    play(view, clock, 120)
    assert len(speaker.said) == handed, "nothing is said while paused"
    assert view.timeline().moment().remaining == pytest.approx(left)

    click(qtbot, view, "startPauseButton")
    assert tick_timer(view).isActive()
    resumed = clock.now
    play(view, clock, 2.0)
    assert view.timeline().moment().remaining == pytest.approx(left - 2.0)
    new = speaker.said[handed:]
    assert new, "the cues go on after the pause"
    elapsed_at_pause = 13.0 - GET_READY_SECONDS
    drill = CATALOGUE.get("romanian-deadlift")
    set_cues = [c for c in plan_cues(build_steps([drill]), Density.EVERY_REP) if c.step_index == 1]
    following = [c for c in set_cues if c.offset >= elapsed_at_pause]
    assert new[0].text == following[0].text()
    assert new[0].at == pytest.approx(resumed + following[0].offset - elapsed_at_pause)


def test_skip_ends_a_set_early_and_right_skips_the_rest(
    qtbot: QtBot, view: WorkoutView, speaker: RecordingSpeaker, clock: FakeClock
) -> None:
    drill = CATALOGUE.get("glute-bridge")  # 2 × 12, 45 s rest
    view.show_drill(drill)
    click(qtbot, view, "startPauseButton")
    play(view, clock, GET_READY_SECONDS + 4)
    assert "ends the set early" in button(view, "skipButton").toolTip()
    stops = speaker.stops
    click(qtbot, view, "skipButton")
    assert speaker.stops == stops + 1
    assert view.step_label.text() == "Rest"
    assert view.countdown.text() == "0:45"
    assert speaker.said[-1].text == "rest 45 seconds"
    assert speaker.said[-1].at == pytest.approx(clock.now)
    handed = len(speaker.said)
    play(view, clock, 5)
    assert "last one" not in speaker.texts()[handed:], "the first set's cues are never said"
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.step_label.text() == "Set 2 of 2"
    assert view.countdown.text() == "1:24"
    assert view.rep_label.text() == "1 of 12"


def test_back_restarts_the_step_and_left_at_its_start_goes_to_the_one_before(
    qtbot: QtBot, view: WorkoutView, speaker: RecordingSpeaker, clock: FakeClock
) -> None:
    start(qtbot, view, "glute-bridge")
    play(view, clock, GET_READY_SECONDS + 15)
    assert view.rep_label.text() == "3 of 12"
    handed = len(speaker.said)
    click(qtbot, view, "backButton")
    assert view.rep_label.text() == "1 of 12"
    assert view.countdown.text() == "1:24"
    play(view, clock, 1.0)
    assert speaker.said[handed].text == "1", "the restarted set is counted again from one"
    assert speaker.said[handed].at == pytest.approx(clock.now - 1.0)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.step_label.text() == "Get ready"


def test_more_rest_in_a_rest_moves_the_countdown_and_its_three_two_one(
    qtbot: QtBot, view: WorkoutView, speaker: RecordingSpeaker, clock: FakeClock
) -> None:
    start(qtbot, view, "glute-bridge")
    play(view, clock, 1)
    assert not button(view, "addRestButton").isVisible(), "only in a rest"
    click(qtbot, view, "skipButton")
    click(qtbot, view, "skipButton")
    assert view.step_label.text() == "Rest"
    add = button(view, "addRestButton")
    assert add.isVisible()
    play(view, clock, 43)
    assert view.countdown.text() == "2"
    rest_end = clock.now + 2
    click(qtbot, view, "addRestButton")
    assert view.countdown.text() == "0:17"
    handed = len(speaker.said)
    play(view, clock, 17.5)
    counts = [s for s in speaker.said[handed:] if s.text in ("3", "2", "1")][:3]
    assert [s.text for s in counts] == ["3", "2", "1"]
    assert [s.at for s in counts] == pytest.approx([rest_end + 15 - n for n in (3, 2, 1)])
    assert view.step_label.text() == "Set 2 of 2"
    assert not add.isVisible()


def test_a_count_whose_words_are_not_ready_is_a_beep(
    qtbot: QtBot, preferences: Preferences, clock: FakeClock
) -> None:
    speaker = CountsNotRendered()
    view = make_view(qtbot, speaker, preferences, clock)
    start(qtbot, view, "glute-bridge")
    play(view, clock, GET_READY_SECONDS + 8)
    beeps = [s for s in speaker.said if s.text == RecordingSpeaker.BEEP]
    assert [s.at for s in beeps] == pytest.approx([START + 7, START + 8, START + 9])
    assert "1" in speaker.texts(), "the rep counts are words, not beeps"
    view.unload()


def test_mute_and_cues_off_hand_nothing_but_the_cue_still_shows(
    qtbot: QtBot,
    view: WorkoutView,
    speaker: RecordingSpeaker,
    preferences: Preferences,
    clock: FakeClock,
) -> None:
    start(qtbot, view, "romanian-deadlift")
    play(view, clock, 1)
    stops = speaker.stops
    preferences.set(VOICE_MUTED, True)
    assert speaker.stops == stops + 1, "muting silences at once"
    handed = len(speaker.said)
    play(view, clock, GET_READY_SECONDS)  # one second into the first rep
    assert len(speaker.said) == handed
    assert view.cue_label.text() == "Hips back"

    preferences.set(VOICE_MUTED, False)
    play(view, clock, 7)
    assert len(speaker.said) > handed
    preferences.set(CUE_DENSITY, "off")
    handed = len(speaker.said)
    play(view, clock, 30)
    assert len(speaker.said) == handed
    assert view.cue_label.text()


def test_key_moments_say_less_than_every_rep_from_the_moment_it_is_chosen(
    qtbot: QtBot,
    view: WorkoutView,
    speaker: RecordingSpeaker,
    preferences: Preferences,
    clock: FakeClock,
) -> None:
    start(qtbot, view, "romanian-deadlift")
    play(view, clock, GET_READY_SECONDS + 0.1)
    preferences.set(CUE_DENSITY, "key_moments")
    handed = len(speaker.said)
    play(view, clock, 7 * 3)  # reps 2 to 4: no count is a key moment
    assert not [t for t in speaker.texts()[handed:] if t.isdigit()]
    preferences.set(CUE_DENSITY, "every_rep")
    handed = len(speaker.said)
    play(view, clock, 7)
    assert "5" in speaker.texts()[handed:]


def test_the_voice_hint_is_shown_once_and_stays_closed(
    qtbot: QtBot, preferences: Preferences, clock: FakeClock
) -> None:
    problem = "Voice needs espeak-ng: install it with your package manager."
    view = make_view(qtbot, RecordingSpeaker(problem), preferences, clock)
    view.show_drill(CATALOGUE.get("dead-bug"))
    hint = view.findChild(QWidget, "voiceHint")
    assert hint.isVisible()
    assert hint.findChild(QLabel, "voiceHintText").text() == problem
    qtbot.mouseClick(hint.findChild(QWidget, "voiceHintClose"), Qt.MouseButton.LeftButton)
    assert not hint.isVisible()
    assert preferences.get(VOICE_HINT_DISMISSED)
    again = make_view(qtbot, RecordingSpeaker(problem), preferences, clock)
    again.show_drill(CATALOGUE.get("dead-bug"))
    assert not again.findChild(QWidget, "voiceHint").isVisible()


def test_no_hint_when_the_voice_works(view: WorkoutView) -> None:
    view.show_drill(CATALOGUE.get("dead-bug"))
    assert not view.findChild(QWidget, "voiceHint").isVisible()


def test_the_figure_moves_with_the_rep_and_waits_in_the_start_pose(
    qtbot: QtBot, view: WorkoutView, clock: FakeClock
) -> None:
    drill = CATALOGUE.get("romanian-deadlift")
    tempo = drill.prescription.tempo
    view.show_drill(drill)

    def hip() -> float:
        return view.figure.current_scene().hip_angle

    def hip_at(seconds: float) -> float:
        return scene(drill.figure, angles_at(drill.figure, tempo, seconds)).hip_angle

    assert hip() == pytest.approx(hip_at(0))
    click(qtbot, view, "startPauseButton")
    play(view, clock, GET_READY_SECONDS + tempo.rep_seconds + 1.5)
    assert hip() == pytest.approx(hip_at(1.5))
    assert hip() != pytest.approx(hip_at(0))
    click(qtbot, view, "startPauseButton")
    play(view, clock, 10)
    assert hip() == pytest.approx(hip_at(1.5)), "paused, the figure waits too"
    click(qtbot, view, "skipButton")
    assert view.step_label.text() == "Rest"
    assert hip() == pytest.approx(hip_at(0))


def test_a_hold_shows_the_key_pose(qtbot: QtBot, view: WorkoutView, clock: FakeClock) -> None:
    bridge = CATALOGUE.get("glute-bridge")
    drill = replace(bridge, prescription=replace(bridge.prescription, reps=None, hold_seconds=20))
    tempo = drill.prescription.tempo
    view.show_drill(drill)
    click(qtbot, view, "startPauseButton")
    play(view, clock, GET_READY_SECONDS + 1)
    assert view.rep_label.text() == "Hold"
    key = scene(drill.figure, angles_at(drill.figure, tempo, tempo.away)).hip_angle
    assert view.figure.current_scene().hip_angle == pytest.approx(key)


def test_each_timed_part_shows_its_own_pose(
    qtbot: QtBot, view: WorkoutView, clock: FakeClock
) -> None:
    drill = CATALOGUE.get("glute-squeeze-test")  # a standing squeeze, then a seated one
    tempo = drill.prescription.tempo
    view.show_drill(drill)
    click(qtbot, view, "startPauseButton")

    def hip() -> float:
        return view.figure.current_scene().hip_angle

    standing = scene(drill.figure, angles_at(drill.figure, tempo, 0.0)).hip_angle
    seated = scene(drill.figure, angles_at(drill.figure, tempo, tempo.away)).hip_angle
    play(view, clock, GET_READY_SECONDS + 1)
    assert view.rep_label.text() == "Standing squeeze"
    assert hip() == pytest.approx(standing)
    play(view, clock, 5 + 1)  # into the change: sitting down
    assert view.step_label.text() == "Get into position"
    assert view.next_label.text() == "Next: Seated squeeze"
    play(view, clock, 10)
    assert view.rep_label.text() == "Seated squeeze"
    assert hip() == pytest.approx(seated)
    assert seated != pytest.approx(standing)


def test_again_runs_the_same_workout_from_the_start(
    qtbot: QtBot, view: WorkoutView, clock: FakeClock
) -> None:
    start(qtbot, view, "glute-squeeze-test")
    play(view, clock, 60)
    assert not tick_timer(view).isActive()
    click(qtbot, view, "summaryAgainButton")
    assert tick_timer(view).isActive()
    assert view.step_label.text() == "Get ready"
    assert view.countdown.text() == "0:10"


def test_choosing_another_drill_mid_workout_asks_then_stops_the_first(
    qtbot: QtBot, view: WorkoutView, speaker: RecordingSpeaker, clock: FakeClock
) -> None:
    start(qtbot, view, "glute-bridge")
    play(view, clock, 3)
    stops = speaker.stops
    view.show_drill(CATALOGUE.get("dead-bug"))
    box = open_dialog(QMessageBox, "replaceWorkoutBox")
    assert "Glute bridge" in box.text()
    assert "Dead bug" in box.text()
    assert view.drill() == CATALOGUE.get("glute-bridge"), "nothing changes before the answer"
    assert tick_timer(view).isActive()
    box.findChild(QPushButton, "replaceWorkoutButton").click()
    assert view.drill() == CATALOGUE.get("dead-bug")
    assert speaker.stops == stops + 1
    assert not tick_timer(view).isActive()
    assert button(view, "startPauseButton").text() == "Start"


# The window ------------------------------------------------------------------------------


@pytest.fixture
def window(
    qtbot: QtBot, view: WorkoutView, preferences: Preferences
) -> Iterator[tuple[MainWindow, WorkoutView]]:
    main = MainWindow(preferences)
    qtbot.addWidget(main)
    main.install_view("workout", view)
    main.show_view("workout")
    main.resize(1000, 700)
    main.show()
    main.activateWindow()
    qtbot.waitExposed(main)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    yield main, view
    main.set_follow_along(False)


def test_f11_follows_along_full_screen_and_escape_comes_back(
    qtbot: QtBot, window: tuple[MainWindow, WorkoutView]
) -> None:
    main, view = window
    view.show_drill(CATALOGUE.get("romanian-deadlift"))
    nav = main.findChild(QListWidget, "viewNav")
    qtbot.keyClick(view, Qt.Key.Key_F11)
    assert main.isFullScreen()
    assert not nav.isVisible()
    assert not main.menuBar().isVisible()
    assert not main.statusBar().isVisible()
    assert view.follow_along()
    assert not button(view, "skipButton").isVisible()
    assert not view.dose.isVisible()
    for shown in (view.title, view.countdown, view.cue_label, view.next_label, view.figure):
        assert shown.isVisible()
    assert button(view, "startPauseButton").isVisible()
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not main.isFullScreen()
    assert nav.isVisible()
    assert main.menuBar().isVisible()
    assert not view.follow_along()
    assert button(view, "skipButton").isVisible()


def test_leaving_follow_along_restores_a_maximised_window(
    qtbot: QtBot, window: tuple[MainWindow, WorkoutView]
) -> None:
    main, view = window
    view.show_drill(CATALOGUE.get("dead-bug"))
    main.showMaximized()
    main.set_follow_along(True)
    assert main.windowState() & Qt.WindowState.WindowFullScreen
    qtbot.keyClick(view, Qt.Key.Key_F11)
    assert not main.windowState() & Qt.WindowState.WindowFullScreen
    assert main.windowState() & Qt.WindowState.WindowMaximized


def test_the_window_system_leaving_full_screen_ends_follow_along(
    qtbot: QtBot, window: tuple[MainWindow, WorkoutView]
) -> None:
    """A key of the desktop's own takes the window out of full screen: the navigation, the
    menus and the status bar come back, and the mode ends for the view too."""
    main, view = window
    view.show_drill(CATALOGUE.get("dead-bug"))
    nav = main.findChild(QListWidget, "viewNav")
    main.set_follow_along(True)
    assert not nav.isVisible()
    with qtbot.waitSignal(main.follow_along_changed) as left:
        main.windowHandle().setWindowState(Qt.WindowState.WindowNoState)
    assert left.args == [False]
    assert not main.follow_along()
    assert nav.isVisible()
    assert main.menuBar().isVisible()
    assert main.statusBar().isVisible()


def test_follow_along_outlasts_the_window_being_minimised(
    qtbot: QtBot, window: tuple[MainWindow, WorkoutView]
) -> None:
    """Minimised (a desktop key, a taskbar click), the window stays in follow-along: back, it
    is still only the workout, full screen."""
    main, view = window
    view.show_drill(CATALOGUE.get("dead-bug"))
    main.set_follow_along(True)
    handle = main.windowHandle()
    handle.setWindowStates(Qt.WindowState.WindowMinimized | Qt.WindowState.WindowFullScreen)
    qtbot.wait(10)
    assert main.follow_along()
    assert not main.findChild(QListWidget, "viewNav").isVisible()
    handle.setWindowStates(Qt.WindowState.WindowFullScreen)
    qtbot.wait(10)
    assert main.follow_along()


def test_going_to_another_view_leaves_follow_along(
    qtbot: QtBot, window: tuple[MainWindow, WorkoutView]
) -> None:
    main, view = window
    view.show_drill(CATALOGUE.get("dead-bug"))
    main.set_follow_along(True)
    main.show_view("drills")
    assert not main.isFullScreen()
    assert main.findChild(QListWidget, "viewNav").isVisible()


def test_the_players_keys_are_listed_in_help(
    qtbot: QtBot, window: tuple[MainWindow, WorkoutView]
) -> None:
    main, view = window
    view.show_drill(CATALOGUE.get("dead-bug"))
    dialog = main.show_shortcuts()
    listed = dialog.shortcuts()
    dialog.close()
    assert listed["Start or pause the workout"] == "Space"
    assert listed["Next step (skip)"] == "Right"
    assert listed["Previous step (back)"] == "Left"
    assert listed["Follow along"] == "F11"
    assert listed["Leave follow-along, or finish the workout"] == "Esc"


def test_the_player_keys_do_nothing_in_another_view(
    qtbot: QtBot, window: tuple[MainWindow, WorkoutView], clock: FakeClock
) -> None:
    main, view = window
    view.show_drill(CATALOGUE.get("dead-bug"))
    main.show_view("history")
    qtbot.keyClick(main, Qt.Key.Key_Space)
    assert not view.timeline().moment().started
    main.show_view("workout")
    qtbot.keyClick(main, Qt.Key.Key_Space)
    assert view.timeline().moment().started


def test_space_after_clicking_a_button_still_pauses_once(
    qtbot: QtBot, view: WorkoutView, clock: FakeClock
) -> None:
    view.show_drill(CATALOGUE.get("glute-bridge"))
    start = button(view, "startPauseButton")
    click(qtbot, view, "startPauseButton")
    play(view, clock, GET_READY_SECONDS + 5)
    click(qtbot, view, "backButton")  # the set starts again; the keyboard focus is on Back
    qtbot.keyClick(button(view, "backButton"), Qt.Key.Key_Space)
    assert start.text() == "Resume", "Space pauses; it does not press the focused Back again"
    assert view.rep_label.text() == "1 of 12"
    qtbot.keyClick(start, Qt.Key.Key_Space)
    assert start.text() == "Pause"


def test_plus_adds_rest_from_the_keyboard(
    qtbot: QtBot, view: WorkoutView, clock: FakeClock
) -> None:
    start(qtbot, view, "glute-bridge")
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.countdown.text() == "0:10", "no extra time outside a rest"
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.countdown.text() == "0:45"
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.countdown.text() == "1:00"
