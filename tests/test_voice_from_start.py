"""The voice from the first second of a workout: on a first run (an empty cue cache) the drill's
"Get ready" is heard as soon as Start is pressed, through the real workout view, speaker,
Qt Multimedia and a PulseAudio null sink, recorded from its monitor."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from pulse_sink import RATE, loud_stretches, null_sink_server, record_while
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from system_tools import missing, require

from hinge_desktop.domain.catalogue import builtin_catalogue
from hinge_desktop.paths import DataPaths
from hinge_desktop.speech.sounds import loudness
from hinge_desktop.speech.speaker import RecordingSpeaker
from hinge_desktop.ui.preferences import Preferences
from hinge_desktop.ui.workout.workout_view import WorkoutView

DRILL = "kettlebell-deadlift"
GET_READY = "Get ready: Kettlebell deadlift, 3 sets of 8"

CHILD = r"""
import json, sys, time
from pathlib import Path
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from hinge_desktop.domain.catalogue import builtin_catalogue
from hinge_desktop.speech.choose import open_speaker
from hinge_desktop.ui.preferences import Preferences
from hinge_desktop.ui.settings.voice_preferences import follow_voice_preferences
from hinge_desktop.ui.workout.workout_view import WorkoutView

app = QApplication([])
root = Path(sys.argv[1])
cache = root / "cue-cache"
speaker = open_speaker(cache)
report = {"problem": speaker.voice_problem()}
if report["problem"] is None:
    preferences = Preferences(root / "settings.ini")
    follow_voice_preferences(preferences, speaker)
    heard = []
    speaker.on_played = lambda text, played: heard.append(
        (text, played.due, played.heard, played.dropped)
    )
    view = WorkoutView(speaker, preferences)
    view.resize(1280, 720)
    view.show()
    # Seconds pass between launch and a click on Start, and the sound output starts in them.
    # Counted, not timed: this machine's monotonic clock has been seen to leap ahead.
    for _ in range(3000):
        if speaker.output_running():
            break
        app.processEvents()
        time.sleep(0.01)
    else:
        raise AssertionError("the sound output did not start")
    report["cached"] = len(list(cache.glob("*.wav")))
    view.show_drill(builtin_catalogue().get(sys.argv[2]))
    report["start"] = time.monotonic()
    QTest.mouseClick(view.start_pause_button, Qt.MouseButton.LeftButton)
    while time.monotonic() < report["start"] + 7.6:  # through the countdown's "3" at 7 s
        app.processEvents()
        time.sleep(0.005)
    view.unload()
    report["heard"] = heard
    report["missed"] = [[m.text, m.why] for m in speaker.missed.recent()]
speaker.close()
print(json.dumps(report))
"""


def test_the_cue_at_the_very_start_of_a_step_is_handed_over_on_the_real_clock(
    qtbot: QtBot, data_dir: Path
) -> None:
    speaker = RecordingSpeaker()
    view = WorkoutView(speaker, Preferences(DataPaths(root=data_dir).settings))
    qtbot.addWidget(view)
    view.show_drill(builtin_catalogue().get(DRILL))
    try:
        qtbot.mouseClick(view.start_pause_button, Qt.MouseButton.LeftButton)
        view.skip()  # into the first set: its "1" is at the set's very start
        view.skip()  # into the rest: "rest 90 seconds" too
        view.tick()
    finally:
        view.unload()
    texts = speaker.texts()
    assert GET_READY in texts
    assert "1" in texts
    assert any(text.casefold().startswith("rest") for text in texts), texts


@pytest.fixture
def null_sink() -> Iterator[dict[str, str]]:
    with null_sink_server() as env:
        yield env


@pytest.mark.slow
def test_get_ready_is_heard_within_a_second_of_start_on_a_first_run(
    null_sink: dict[str, str], tmp_path: Path
) -> None:
    require("espeak-ng", "espeak-ng")
    env = {**null_sink, "QT_QPA_PLATFORM": "offscreen"}
    samples, output = record_while(
        env,
        [sys.executable, "-c", CHILD, str(tmp_path), DRILL],
        tmp_path / "heard.raw",
    )
    report = json.loads(output.strip().splitlines()[-1])
    if report["problem"] is not None:
        missing(f"no voice here: {report['problem']}")
    assert report["cached"] == 0
    # The recording and the workout meet at the countdown's "3", said on time at Start + 7 s.
    heard = {text: (due, at) for text, due, at, dropped in report["heard"] if not dropped}
    assert "3" in heard, report
    stretches = loud_stretches(samples)
    assert stretches, "nothing was heard"
    three = stretches[-1][0]
    start = three - (heard["3"][1] - report["start"])
    first = stretches[0][0]
    # "Three" begins softly, so its loud part (and the Start found from it) comes a few tens
    # of milliseconds after the moment it was placed at: a tenth of a second is allowed.
    assert start - 0.1 <= first <= start + 1.0, (start, stretches, report)
    words = samples[round(first * RATE) : round((first + 1.0) * RATE)]
    assert loudness(np.asarray(words, dtype=np.int16)) > 0.02
    assert GET_READY in heard
    assert report["missed"] == []
