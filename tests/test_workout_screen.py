"""The player as it is seen: it fits every laptop (everything at 1280×720 without scrolling, the
controls on screen at 1024×600, a window that never grows by itself nor opens past the screen),
its numbers are read from three metres, and what it writes is written once and right."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from drill_catalogue import CATALOGUE
from hinge_window import HingeWindow
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QUndoStack
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from hinge_desktop.domain.plan import PlanEntry, WorkoutPlan
from hinge_desktop.domain.timeline import GET_READY_SECONDS, StepKind
from hinge_desktop.paths import DataPaths
from hinge_desktop.speech.speaker import RecordingSpeaker
from hinge_desktop.ui.preferences import WINDOW_GEOMETRY, Preferences
from hinge_desktop.ui.shell.main_window import MainWindow
from hinge_desktop.ui.shell.window_fit import fit_on_screen
from hinge_desktop.ui.workout.log_panel import LogPanel
from hinge_desktop.ui.workout.workout_view import WorkoutView

CONTROLS = ("startPauseButton", "skipButton", "logSetButton", "finishButton")


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def settle() -> None:
    QApplication.processEvents()
    QApplication.processEvents()


def within_window(window: QWidget, name: str) -> bool:
    """Whether the widget ``name`` is shown and lies wholly inside ``window``."""
    widget = window.findChild(QWidget, name)
    assert widget is not None, name
    if not widget.isVisible():
        return False
    top_left = widget.mapTo(window, QPoint(0, 0))
    return window.rect().contains(QRect(top_left, widget.size()))


def scrolls(widget: QWidget) -> bool:
    """Whether ``widget`` or a scroll area it is in shows a scroll bar."""
    parent: QWidget | None = widget
    while parent is not None:
        if isinstance(parent, QScrollArea) and (
            parent.verticalScrollBar().isVisible() or parent.horizontalScrollBar().isVisible()
        ):
            return True
        parent = parent.parentWidget()
    return False


# Fits every laptop ---------------------------------------------------------------------


def in_a_set(hinge: HingeWindow, drill_id: str) -> None:
    hinge.show_drill(drill_id)
    hinge.click("startPauseButton")
    hinge.skip_to(StepKind.REPS if CATALOGUE.get(drill_id).prescription.reps else StepKind.HOLD)
    settle()


@pytest.mark.parametrize("size", [QSize(1024, 600), QSize(1000, 580)])
def test_the_controls_stay_on_screen_on_a_small_laptop(hinge: HingeWindow, size: QSize) -> None:
    window = hinge.window
    assert window.minimumSizeHint().width() <= 1000
    assert window.minimumSizeHint().height() <= 580
    window.resize(size)
    in_a_set(hinge, "romanian-deadlift")
    assert window.size() == size
    for name in CONTROLS:
        assert within_window(window, name), name
    player = hinge.widget(QWidget, "workoutPlayer")
    view_place = hinge.widget(QScrollArea, "workoutViewPlace")
    assert not view_place.horizontalScrollBar().isVisible(), "only what is above them scrolls"
    assert player.width() >= 400


def test_skip_and_start_pause_never_cover_each_other(hinge: HingeWindow) -> None:
    hinge.window.resize(1024, 600)
    in_a_set(hinge, "glute-bridge")
    hinge.skip_to(StepKind.REST)
    settle()
    buttons = ("backButton", "startPauseButton", "skipButton", "addRestButton", "finishButton")
    places = [hinge.widget(QWidget, name).geometry() for name in buttons]
    parents = {hinge.widget(QWidget, name).parentWidget() for name in buttons}
    assert len(parents) == 1
    for index, place in enumerate(places):
        for other in places[index + 1 :]:
            assert not place.intersects(other)


def test_everything_fits_at_1280_by_720_without_scrolling(hinge: HingeWindow) -> None:
    window = hinge.window
    window.resize(1280, 720)
    for drill in CATALOGUE:
        hinge.views.workout.unload()
        in_a_set(hinge, drill.id)
        for name in (*CONTROLS, "backButton", "followAlongButton", "workoutCueLabel"):
            assert within_window(window, name), (drill.id, name)
        for name in ("workoutNextLabel", "workoutProgress", "workoutDrillName"):
            assert not scrolls(hinge.widget(QWidget, name)), (drill.id, name)
    assert window.size() == QSize(1280, 720), "the window never grows by itself"


def test_the_window_never_grows_by_itself(hinge: HingeWindow) -> None:
    window = hinge.window
    window.resize(1024, 600)
    for drill in CATALOGUE:
        hinge.views.workout.unload()
        in_a_set(hinge, drill.id)
        hinge.skip_to(StepKind.DONE)
        settle()
        assert window.size() == QSize(1024, 600), drill.id
    for view in ("today", "drills", "history", "settings"):
        hinge.show(view)
        settle()
        assert window.size() == QSize(1024, 600), view


def test_a_window_saved_larger_than_the_screen_opens_within_it(
    qtbot: QtBot, paths: DataPaths
) -> None:
    big = MainWindow(Preferences(paths.settings))
    qtbot.addWidget(big)
    big.setGeometry(QRect(0, 0, 1800, 1200))
    big.save_state()
    assert Preferences(paths.settings).get(WINDOW_GEOMETRY)
    again = MainWindow(Preferences(paths.settings))
    qtbot.addWidget(again)
    available = again.screen().availableGeometry()
    assert available.contains(again.geometry())


def test_a_saved_place_that_fits_is_kept_and_one_that_does_not_is_brought_in() -> None:
    screen = QRect(0, 0, 1024, 600)
    assert fit_on_screen(QRect(40, 30, 700, 500), screen) == QRect(40, 30, 700, 500)
    fitted = fit_on_screen(QRect(300, 200, 1107, 674), screen)
    assert screen.contains(fitted)
    assert fitted.width() < 1024
    assert fitted.height() < 600


# Readable from three metres ------------------------------------------------------------


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def app_window(qtbot: QtBot, data_dir: Path, clock: FakeClock) -> Iterator[WorkoutView]:
    """The workout view in the main window at its default size, the log panel beside it."""
    preferences = Preferences(DataPaths(root=data_dir).settings)
    window = MainWindow(preferences)
    qtbot.addWidget(window)
    view = WorkoutView(RecordingSpeaker(), preferences, clock)
    panel = LogPanel(QUndoStack(view))
    view.set_log_panel(panel)
    window.install_view("workout", view)
    window.show_view("workout")
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    yield view
    view.unload()


def text_height(label: QLabel) -> int:
    """How tall the label's text is drawn, in pixels."""
    return QFontMetrics(label.font()).boundingRect(label.text()).height()


def play(view: WorkoutView, clock: FakeClock, seconds: float) -> None:
    end = clock.now + seconds
    while clock.now < end - 1e-9:
        clock.now = min(clock.now + 0.05, end)
        view.tick()


def test_the_numbers_and_the_cue_are_large_in_the_default_window(
    app_window: WorkoutView, clock: FakeClock
) -> None:
    view = app_window
    view.show_drill(CATALOGUE.get("romanian-deadlift"))
    view.start_pause()
    play(view, clock, 1.0)
    settle()
    assert view.step_label.text() == "Get ready"
    get_ready = (view.countdown.font().pixelSize(), text_height(view.countdown))
    assert get_ready[1] >= 100
    play(view, clock, GET_READY_SECONDS + 1.0)  # one second into the first rep
    settle()
    assert view.step_label.text() == "Set 1 of 3"
    assert view.rep_label.text() == "1 of 8"
    assert view.cue_label.text() == "Hips back"
    assert text_height(view.countdown) >= 100
    assert text_height(view.rep_label) >= 100
    assert text_height(view.cue_label) >= 60
    set_timer = (view.countdown.font().pixelSize(), text_height(view.countdown))
    assert get_ready == set_timer, "the get-ready countdown is as large as the set timer"


def test_a_long_cue_is_made_smaller_to_fit_rather_than_cut(app_window: WorkoutView) -> None:
    view = app_window
    view.show_drill(CATALOGUE.get("romanian-deadlift"))
    settle()
    label = view.cue_label
    label.setText("Hips back")
    short = label.font().pixelSize()
    label.setText("Squeeze the glutes to stand tall, then let the hips travel back again")
    long = label.font().pixelSize()
    assert long < short
    flags = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignCenter
    rect = QFontMetrics(label.font()).boundingRect(label.contentsRect(), flags, label.text())
    assert rect.height() <= label.contentsRect().height()


# Written once, and right ---------------------------------------------------------------


def test_what_comes_next_is_written_once_in_a_rest(
    app_window: WorkoutView, clock: FakeClock
) -> None:
    view = app_window
    plan = WorkoutPlan(
        "Two drills",
        (
            PlanEntry.of(CATALOGUE.get("glute-squeeze-test")),
            PlanEntry.of(CATALOGUE.get("dead-bug")),
        ),
    )
    view.load(plan.steps(CATALOGUE), plan=plan)
    view.start_pause()
    timeline = view.timeline()
    assert timeline is not None
    while timeline.moment().step.kind is not StepKind.REST:
        view.skip()
    play(view, clock, 5.0)  # past the moment the voice says "next: dead bug"
    assert view.next_label.text() == "Next: Dead bug"
    assert "next" not in view.cue_label.text().casefold()


def test_the_progress_is_written_beside_its_bar_not_on_it(
    app_window: WorkoutView, clock: FakeClock
) -> None:
    view = app_window
    view.show_drill(CATALOGUE.get("romanian-deadlift"))
    view.start_pause()
    play(view, clock, 70.5)
    settle()
    assert not view.progress.isTextVisible()
    text = view.findChild(QLabel, "workoutProgressText")
    assert text is not None
    assert text.text() == "1:10 of 5:58"
    assert text.isVisible()
    bar = QRect(view.progress.mapTo(view, QPoint(0, 0)), view.progress.size())
    label = QRect(text.mapTo(view, QPoint(0, 0)), text.size())
    assert not bar.intersects(label)


def test_one_set_is_one_set_on_screen_and_in_the_voice(
    app_window: WorkoutView, clock: FakeClock
) -> None:
    view = app_window
    view.show_drill(CATALOGUE.get("wall-hinge-check"))  # one set of five
    view.start_pause()
    play(view, clock, 0.5)
    assert view.cue_label.text() == "1 set of 5 reps"
    view.unload()
    view.show_drill(CATALOGUE.get("glute-bridge"))
    view.start_pause()
    play(view, clock, 0.5)
    assert view.cue_label.text() == "2 sets of 12 reps"


def test_the_player_starts_a_resumed_workout_where_it_stopped(app_window: WorkoutView) -> None:
    view = app_window
    steps = WorkoutPlan.single(CATALOGUE.get("glute-bridge")).steps(CATALOGUE)
    rest = [s.kind for s in steps].index(StepKind.REST)
    view.load(steps, start_index=rest)
    assert view.step_label.text() == "Rest"
    assert view.countdown.text() == "0:45"
    assert view.next_label.text() == "Next: Set 2 of 2"
    done = sum(s.seconds for s in steps[:rest])
    assert view.progress.value() == round(1000 * done / sum(s.seconds for s in steps))
