"""The camera panel in the player: it follows the drill under way, its counted reps fill the log
panel's reps (the person still logs the set), and its cues are said by the coach's voice."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication

from hinge_desktop.domain.pose.form import FormCue
from hinge_desktop.speech.speaker import Speaker
from hinge_desktop.ui.camera.camera_panel import CameraPanel
from hinge_desktop.ui.workout.log_panel import LogPanel
from hinge_desktop.ui.workout.workout_view import WorkoutView

CUE_SAY_WITHIN = 3.0
"""Seconds a camera cue may wait for the voice before it is no longer worth saying."""


def install_camera(workout: WorkoutView, log_panel: LogPanel, speaker: Speaker) -> CameraPanel:
    camera = CameraPanel()
    workout.player.set_side_panel(camera, camera.button)

    def follow() -> None:
        timeline = workout.timeline()
        drill = timeline.moment().step.drill if timeline is not None else None
        camera.set_drill(drill)

    workout.workout_loaded.connect(follow)
    workout.step_reached.connect(lambda _index: follow())
    camera.reps_counted.connect(lambda reps: log_panel.form.reps.set_value(reps))

    def say(text: str) -> None:
        now = time.monotonic()
        speaker.say_at(text, now, now + CUE_SAY_WITHIN)

    camera.cue_due.connect(say)
    camera.turned_on.connect(lambda: speaker.prepare(cue.value for cue in FormCue))
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(camera.shutdown)
    return camera
