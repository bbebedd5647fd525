"""A cue the camera's angles back is heard: the real pose model, the camera panel wired into the
player as the app wires it, the real voice, a PulseAudio null sink recorded from its monitor."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from pose_clips import require_pose_extra
from pulse_sink import RATE, loud_stretches, null_sink_server, record_while
from system_tools import missing, require

from hinge_desktop.speech.sounds import loudness

CHILD = r"""
import json, sys, time
from pathlib import Path
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication
from hinge_desktop.domain.catalogue import builtin_catalogue
from hinge_desktop.domain.pose.rep_script import Fault
from hinge_desktop.speech.choose import open_speaker
from hinge_desktop.ui.camera.frame_sources import FigureFrames
from hinge_desktop.ui.preferences import CUE_DENSITY, Preferences
from hinge_desktop.ui.shell.camera_wiring import wire_camera
from hinge_desktop.ui.workout.log_panel import LogPanel
from hinge_desktop.ui.workout.workout_view import WorkoutView

app = QApplication([])
root = Path(sys.argv[1])
speaker = open_speaker(root / "cue-cache")
report = {"problem": speaker.voice_problem()}
if report["problem"] is None:
    heard = []
    speaker.on_played = lambda text, played: heard.append((text, played.heard, played.dropped))
    preferences = Preferences(root / "settings.ini")
    preferences.set(CUE_DENSITY, "off")  # the camera's cue alone is heard
    view = WorkoutView(speaker, preferences)
    log_panel = LogPanel(QUndoStack())
    view.set_log_panel(log_panel)
    camera = wire_camera(view, log_panel, speaker)
    drill = builtin_catalogue().get("kettlebell-deadlift")
    view.show_drill(drill)
    view.resize(1280, 720)
    view.show()
    for _ in range(3000):
        if speaker.output_running():
            break
        app.processEvents()
        time.sleep(0.01)
    counted = []
    camera.reps_counted.connect(counted.append)
    view.start_pause()  # reps are counted while a set runs: start, past the get-ready
    view.skip()
    report["running"] = view.is_running()
    camera.turn_on(FigureFrames(drill, (Fault.NONE, Fault.SHALLOW)))
    start = time.monotonic()
    cue = "push the hips back further"
    while time.monotonic() < start + 40 and not any(text == cue for text, *_ in heard):
        app.processEvents()
        time.sleep(0.005)
    end = time.monotonic() + 2.5  # the words to their end
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.005)
    report["heard"] = heard
    report["counted"] = counted
    report["reps"] = log_panel.form.reps.value()
    camera.shutdown()
    view.unload()
speaker.close()
print(json.dumps(report))
"""


@pytest.fixture
def null_sink() -> Iterator[dict[str, str]]:
    with null_sink_server() as env:
        yield env


@pytest.mark.slow
def test_a_shallow_rep_is_counted_and_its_cue_is_heard(
    null_sink: dict[str, str], tmp_path: Path
) -> None:
    require("espeak-ng", "espeak-ng")
    require_pose_extra()
    env = {**null_sink, "QT_QPA_PLATFORM": "offscreen"}
    samples, output = record_while(
        env, [sys.executable, "-c", CHILD, str(tmp_path)], tmp_path / "heard.raw"
    )
    report = json.loads(output.strip().splitlines()[-1])
    if report["problem"] is not None:
        missing(f"no voice here: {report['problem']}")
    assert report["running"]
    assert report["counted"][:2] == [1, 2]
    assert report["reps"] == 2  # the log panel offers the reps the camera counted
    said = [text for text, heard_at, dropped in report["heard"] if heard_at and not dropped]
    assert said == ["push the hips back further"], report["heard"]
    stretches = loud_stretches(samples)
    assert stretches, "nothing was heard"
    start, length = stretches[-1]
    assert 0.8 < length < 3.0, stretches  # a short phrase, whole
    words = samples[round(start * RATE) : round((start + length) * RATE)]
    assert loudness(np.asarray(words, dtype=np.int16)) > 0.02
