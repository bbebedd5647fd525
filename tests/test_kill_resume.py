"""kill -9 in the middle of a workout: no logged set is lost, and the next start offers to resume
the workout at the step where it stopped, or to finish it as it stands.

A child process runs the app's own composition (main window, views, real database file), logs
two sets by clicking, says so, and is killed with SIGKILL. The test then starts the app again on
the same data folder and answers the prompt as a person would.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hinge_window import HingeWindow, StartHinge
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDoubleSpinBox, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from hinge_desktop.domain.timeline import StepKind
from hinge_desktop.ui.shell.resume import offer_resume
from hinge_desktop.ui.workout.resume_prompt import ResumePrompt

CHILD = textwrap.dedent(
    """
    import os, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QAbstractButton
    from hinge_desktop.ui.shell.wiring import install_views
    from hinge_desktop.paths import DataPaths
    from hinge_desktop.speech.speaker import RecordingSpeaker
    from hinge_desktop.storage.store import open_store
    from hinge_desktop.ui.shell.application import create_application
    from hinge_desktop.ui.shell.main_window import MainWindow
    from hinge_desktop.ui.preferences import Preferences

    app = create_application()
    paths = DataPaths(root=Path(sys.argv[1]))
    paths.ensure()
    store = open_store(paths.database)
    preferences = Preferences(paths.settings)
    window = MainWindow(preferences)
    views = install_views(window, preferences, store, paths, RecordingSpeaker())
    window.show()
    views.workout.show_drill(views.catalogue.get("kettlebell-swing"))
    window.show_view("workout")

    def click(name):
        QTest.mouseClick(window.findChild(QAbstractButton, name), Qt.MouseButton.LeftButton)

    # A new log: the loaded drill asks first, above the rung of a person at the checks.
    asked = next(w for w in app.topLevelWidgets() if w.objectName() == "aboveRungBox")
    QTest.mouseClick(
        asked.findChild(QAbstractButton, "startAnywayButton"), Qt.MouseButton.LeftButton
    )

    click("startPauseButton")
    views.workout.skip()            # get ready -> set 1
    click("weightInputPlus")
    click("weightInputPlus")        # 8 kg: two kettlebell steps
    click("logSetButton")           # logs set 1, ends it: rest
    views.workout.skip()            # rest -> set 2
    click("logSetButton")           # logs set 2: rest
    print("LOGGED", flush=True)
    while True:
        app.processEvents()
        time.sleep(0.01)
    """
)


def run_and_kill(data_dir: Path, tmp_path: Path) -> None:
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    with subprocess.Popen(
        [sys.executable, str(script), str(data_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as child:
        assert child.stdout is not None
        line = child.stdout.readline()
        os.kill(child.pid, signal.SIGKILL)
        _out, errors = child.communicate(timeout=30)
    assert line.strip() == "LOGGED", errors
    assert child.returncode == -signal.SIGKILL


class Restarted(HingeWindow):
    """Hinge started again on the folder the killed one left, offering its workout."""

    prompt: ResumePrompt


@pytest.fixture
def killed(data_dir: Path, tmp_path: Path) -> Path:
    run_and_kill(data_dir, tmp_path)
    return data_dir


@pytest.fixture
def restarted(killed: Path, start_hinge: StartHinge) -> Restarted:
    # ``killed`` first: the log is opened for the new start once the killed app has written it.
    app = start_hinge(Restarted)
    offer_resume(app.window, app.store, app.views)
    prompts = [w for w in QApplication.topLevelWidgets() if isinstance(w, ResumePrompt)]
    assert len(prompts) == 1, "the interrupted workout is offered"
    app.prompt = prompts[0]
    return app


@pytest.mark.slow
def test_after_kill_9_the_logged_sets_are_on_disk_and_the_workout_resumes(
    qtbot: QtBot, restarted: Restarted
) -> None:
    sets = list(restarted.store.sets.all())
    assert [(s.set_number, s.reps, s.weight) for s in sets] == [(1, 12, 8.0), (2, 12, 8.0)]
    assert "2 sets are logged" in restarted.prompt.informativeText()

    qtbot.mouseClick(restarted.prompt.resume_button, Qt.MouseButton.LeftButton)

    assert restarted.window.current_view() == "workout"
    timeline = restarted.views.workout.timeline()
    assert timeline is not None
    step = timeline.moment().step
    assert (step.kind, step.set_number) == (StepKind.REST, 2), "where it stopped"
    log_button = restarted.window.findChild(QPushButton, "logSetButton")
    assert not log_button.isEnabled(), "set 2 is already logged"
    # The panel shows where the workout stopped, not a blank form.
    assert restarted.widget(QLabel, "logPanelHeading").text() == "Set 2 of 3"
    assert restarted.widget(QDoubleSpinBox, "repsInput").value() == 12
    assert restarted.widget(QDoubleSpinBox, "weightInput").value() == 8
    assert "begins after the rest" in restarted.widget(QLabel, "logStatusLabel").text()

    restarted.views.workout.start_pause()
    restarted.views.workout.skip()
    assert restarted.views.workout.timeline().moment().step.set_number == 3
    assert restarted.views.set_logger.workout_id() == sets[0].workout_id
    qtbot.mouseClick(log_button, Qt.MouseButton.LeftButton)
    restarted.skip_to(StepKind.DONE)
    qtbot.mouseClick(log_button, Qt.MouseButton.LeftButton)  # an extra set after the end

    after = list(restarted.store.sets.all())
    assert [s.set_number for s in after] == [1, 2, 3, 4]
    assert {s.workout_id for s in after} == {sets[0].workout_id}
    assert after[2].weight == 8.0, "the load carries on from the sets before the crash"
    assert restarted.store.workouts.count() == 1, "one session, one workout"
    assert restarted.store.session.unfinished() is None


@pytest.mark.slow
def test_after_kill_9_the_workout_can_be_finished_as_it_stands(
    qtbot: QtBot, restarted: Restarted
) -> None:
    qtbot.mouseClick(restarted.prompt.finish_button, Qt.MouseButton.LeftButton)

    assert restarted.store.session.unfinished() is None
    sets = list(restarted.store.sets.all())
    assert len(sets) == 2
    workout = restarted.store.workouts.get(sets[0].workout_id or 0)
    assert workout.ended_at is not None
