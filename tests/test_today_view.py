"""The start page in the whole app, as a person meets it: the checks and the note on when to stop
at the first start, the last session and the streak after training, Start into the player, the
rung and its gate as the ladder moves, and a page that fits a small screen."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from child_processes import run_hinge
from hinge_window import HingeWindow, StartHinge
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.drills import Phase
from hinge_desktop.domain.ladder import GateAnswers
from hinge_desktop.domain.routines import PHASE_DRILLS
from hinge_desktop.domain.timeline import StepKind
from hinge_desktop.domain.training import CheckOutcome, LoggedSet, Side, Workout
from hinge_desktop.paths import DataPaths
from hinge_desktop.storage.store import Store
from hinge_desktop.ui.drill_names import DrillNames
from hinge_desktop.ui.preferences import SAFETY_NOTE_READ, Preferences
from hinge_desktop.ui.tasks import BackgroundReader
from hinge_desktop.ui.today.today_view import TodayView
from hinge_desktop.ui.widgets.colours import ACCENT


class Today(HingeWindow):
    """The app with helpers to read its start page."""

    @property
    def page(self) -> TodayView:
        return self.views.today

    def read(self) -> None:
        """Wait until the page shows the log as it is now."""
        assert self.page.wait_until_loaded()

    def text(self, name: str) -> str:
        return self.widget(QLabel, name).text()

    def note_shown(self) -> bool:
        return not self.widget(QWidget, "safetyNote").isHidden()

    def log(self, logged: LoggedSet, answers: GateAnswers | None = None) -> None:
        """A set written to the log and announced, as the app's commands do."""
        stored = self.store.sets.add(logged)
        if answers is not None:
            assert stored.id is not None
            self.store.ladder.record_answers(stored.id, answers)
        self.views.services.log_changes.announce()
        for box in QApplication.topLevelWidgets():
            if isinstance(box, QMessageBox) and box.objectName() == "unlockBox":
                box.close()
        self.read()


def test_a_new_person_starts_at_the_checks_and_reads_when_to_stop_once(
    start_hinge: StartHinge, paths: DataPaths
) -> None:
    first = start_hinge(Today)
    assert first.window.current_view() == "today"
    first.read()
    assert first.text("todayRung") == "You are at the start: the checks"
    start = first.widget(QPushButton, "todayStartButton")
    assert start.text() == "Start the checks"
    assert start.accessibleName() == "Start the next session: Ladder 0: the checks"
    assert "Glute squeeze test" in first.text("todayNextDrills")
    assert first.text("todayLastSessionValue") == "None yet"
    assert first.text("todayGateValue") == "The glute squeeze test"
    assert first.note_shown()
    assert "numbness or tingling" in first.text("safetyNoteText")

    first.click("safetyNoteButton")
    assert not first.note_shown()
    assert Preferences(paths.settings).get(SAFETY_NOTE_READ)
    first.close()

    again = start_hinge(Today)
    again.read()
    assert not again.note_shown()


def test_a_note_not_acknowledged_shows_at_the_next_start(
    start_hinge: StartHinge,
) -> None:
    first = start_hinge(Today)
    first.close()
    assert start_hinge(Today).note_shown()


def test_sets_logged_show_as_the_last_session_and_the_streak(start_hinge: StartHinge) -> None:
    hinge = start_hinge(Today)
    hinge.read()
    assert hinge.text("todayStreakValue") == "Not started yet"

    hinge.show_drill("glute-bridge")
    hinge.click("startPauseButton")
    hinge.skip_to(StepKind.REST, 1)
    hinge.click("logSetButton")
    hinge.show("today")
    hinge.read()
    assert hinge.text("todayLastSessionValue") == "Today"
    assert hinge.text("todayLastSessionDetail") == "Glute bridge\n1 set"
    assert hinge.text("todayStreakValue") == "1 week in a row"
    assert hinge.text("todayStreakDetail") == "1 day with training so far this week."

    # While the page is shown, a change to the log shows at once.
    workout_id = hinge.store.sets.all().__next__().workout_id
    now = datetime.now().astimezone()
    hinge.log(LoggedSet("glute-bridge", now, set_number=2, reps=12, workout_id=workout_id))
    assert hinge.text("todayLastSessionDetail") == "Glute bridge\n2 sets"


def test_start_opens_the_player_with_the_planned_drills(hinge: HingeWindow) -> None:
    assert hinge.views.today.wait_until_loaded()
    hinge.click("todayStartButton")
    assert hinge.window.current_view() == "workout"
    plan = hinge.views.workout.plan()
    assert plan is not None
    assert plan.routine_id == "builtin.phase-0"
    assert tuple(entry.drill_id for entry in plan.entries) == PHASE_DRILLS[Phase.CHECK]
    timeline = hinge.views.workout.timeline()
    assert timeline is not None
    assert not timeline.moment().started, "ready to start, not started"


def test_start_is_focused_and_answers_return_and_space(start_hinge: StartHinge) -> None:
    hinge = start_hinge(Today, active=True)
    hinge.read()
    start = hinge.widget(QPushButton, "todayStartButton")
    hinge.qtbot.waitUntil(start.hasFocus)
    hinge.qtbot.keyClick(start, Qt.Key.Key_Return)
    assert hinge.window.current_view() == "workout"

    hinge.views.workout.unload()
    hinge.show("today")
    hinge.qtbot.waitUntil(start.hasFocus)
    hinge.qtbot.keyClick(start, Qt.Key.Key_Space)
    assert hinge.window.current_view() == "workout"
    plan = hinge.views.workout.plan()
    assert plan is not None
    assert plan.routine_id == "builtin.phase-0"


def test_a_workout_under_way_is_shown_not_replaced(hinge: HingeWindow) -> None:
    hinge.show_drill("dead-bug")
    hinge.click("startPauseButton")
    hinge.show("today")
    assert hinge.views.today.wait_until_loaded()
    hinge.click("todayStartButton")
    assert hinge.window.current_view() == "workout"
    plan = hinge.views.workout.plan()
    assert plan is not None
    assert plan.name == "Dead bug"
    assert "under way" in hinge.window.statusBar().currentMessage()
    hinge.views.workout.unload()


def test_the_rung_and_its_gate_follow_the_ladder(start_hinge: StartHinge) -> None:
    hinge = start_hinge(Today)
    hinge.read()
    day = datetime.now().astimezone() - timedelta(days=5)

    hinge.log(LoggedSet("glute-squeeze-test", day, result=CheckOutcome.FAIL))
    assert hinge.text("todayRung") == "You are on rung 1 of 7: glute activation"
    assert hinge.text("todayGateValue") == "0 of 6 days of activation"
    assert hinge.widget(QPushButton, "todayStartButton").text() == "Start"
    assert hinge.text("todayNextName") == "Ladder 1: glute activation"
    for days in (1, 2):
        hinge.log(LoggedSet("glute-bridge", day + timedelta(days=days), reps=12))
    assert hinge.text("todayGateValue") == "2 of 6 days of activation"

    hinge.log(LoggedSet("glute-squeeze-test", day + timedelta(days=3), result=CheckOutcome.PASS))
    assert hinge.text("todayRung") == "You are on rung 2 of 7: mobility"
    assert hinge.text("todayGateCaption") == "What opens patterning"
    assert hinge.text("todayGateValue") == "0 of 6 days of mobility"

    raised = day + timedelta(days=4)
    hinge.log(LoggedSet("aslr-test", raised, side=Side.LEFT, result=CheckOutcome.PASS, measured=95))
    hinge.log(
        LoggedSet("aslr-test", raised, side=Side.RIGHT, result=CheckOutcome.FAIL, measured=70)
    )
    assert hinge.text("todayRung") == "You are on rung 2 of 7: mobility", "one leg is short"
    assert "left 95°, right 70°: the right leg is not there yet." in hinge.text("todayGateDetail")
    again = raised + timedelta(minutes=5)
    hinge.log(LoggedSet("aslr-test", again, side=Side.RIGHT, result=CheckOutcome.PASS, measured=91))
    assert hinge.text("todayRung") == "You are on rung 3 of 7: patterning"
    assert hinge.text("todayGateValue") == "0 of 3 days with an easy standing hinge"
    easy = GateAnswers(True, True, True)
    hinge.log(LoggedSet("wall-hip-hinge", day + timedelta(days=5), reps=10), easy)
    assert hinge.text("todayGateValue") == "1 of 3 days with an easy standing hinge"
    assert hinge.text("todayGateCaption") == "What opens light loading"
    hinge.click("todayStartButton")
    plan = hinge.views.workout.plan()
    assert plan is not None
    assert plan.routine_id == "builtin.phase-3"


def test_the_page_fits_a_small_screen_with_start_in_sight(
    qtbot: QtBot, store: Store, paths: DataPaths, catalogue: Catalogue
) -> None:
    """At 1024×600 the view has the window less the navigation, menus and status bar: no
    scrolling sideways, and Start in sight, with the note on when to stop shown too."""
    now = datetime.now().astimezone()
    workout = store.workouts.start(
        Workout(now, routine_id="builtin.hinge-warm-up", name="Hinge warm-up")
    )
    for drill_id in ("glute-bridge", "quadruped-rock-back", "wall-hip-hinge", "dowel-hinge"):
        store.sets.add(LoggedSet(drill_id, now, reps=10, workout_id=workout.id))
    reader = BackgroundReader(store.path)
    names = DrillNames(catalogue, store.custom_drills)
    view = TodayView(reader, catalogue, names, Preferences(paths.settings))
    qtbot.addWidget(view)
    try:
        view.resize(QSize(1024 - 200, 600 - 70))
        view.show()
        assert view.wait_until_loaded()
        QApplication.processEvents()
        scroll = view.findChild(QScrollArea, "todayScroll")
        assert scroll is not None
        page = scroll.widget()
        assert page.width() <= scroll.viewport().width()
        start = view.findChild(QPushButton, "todayStartButton")
        again = view.findChild(QPushButton, "todayAgainButton")
        assert start is not None
        assert again is not None
        assert again.isVisible()
        bottom = start.mapTo(scroll.viewport(), start.rect().bottomLeft()).y()
        assert 0 < bottom <= scroll.viewport().height()
        assert view.findChild(QWidget, "safetyNote").isVisible()  # type: ignore[union-attr]
    finally:
        view.shutdown()
        reader.shutdown()


@pytest.mark.slow
def test_screenshot_today_renders_the_page_filled(data_dir: Path) -> None:
    """``--screenshot today`` waits for the log to be read: the big Start button, in Hinge's
    green, is on the picture (the page shows nothing of the log before it is read)."""
    out = data_dir.parent / "today.png"
    result = run_hinge("--data-dir", str(data_dir), "--screenshot", "today", str(out))
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
    accent = QColor(ACCENT)
    green = sum(
        1
        for x in range(210, 700, 2)
        for y in range(60, 400, 2)
        if max(
            abs(image.pixelColor(x, y).red() - accent.red()),
            abs(image.pixelColor(x, y).green() - accent.green()),
            abs(image.pixelColor(x, y).blue() - accent.blue()),
        )
        < 40
    )
    assert green > 2000


def test_a_new_day_is_read_when_the_page_is_next_shown(
    qtbot: QtBot, store: Store, paths: DataPaths, catalogue: Catalogue
) -> None:
    now = datetime.now().astimezone()
    store.sets.add(LoggedSet("dead-bug", now, reps=8))
    days = [now.date()]
    reader = BackgroundReader(store.path)
    names = DrillNames(catalogue, store.custom_drills)
    view = TodayView(reader, catalogue, names, Preferences(paths.settings), today=lambda: days[-1])
    qtbot.addWidget(view)
    try:
        view.show()
        assert view.wait_until_loaded()
        value = view.findChild(QLabel, "todayLastSessionValue")
        assert value is not None
        assert value.text() == "Today"
        view.hide()
        days.append(now.date() + timedelta(days=1))
        view.show()
        assert view.wait_until_loaded()
        assert value.text() == "Yesterday"
    finally:
        view.shutdown()
        reader.shutdown()
