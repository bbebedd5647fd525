"""Real playback: cues go through Qt Multimedia into a PulseAudio null sink and are recorded
from its monitor, as a person's speakers would play them."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pulse_sink import RATE, loud_stretches, null_sink_server, record_while

CHILD = r"""
import json, sys, time
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from hinge_desktop.speech.choose import open_speaker

app = QCoreApplication([])
speaker = open_speaker(Path(sys.argv[1]))
report = {"problem": speaker.voice_problem()}
short, long = "hips back", "hinge at the hips, soft knees, long spine, then stand tall"
if report["problem"] is None:
    speaker.prepare([short, long])
    # Counted, not timed: this machine's monotonic clock has been seen to leap ahead.
    for _ in range(3000):
        if speaker.is_ready(short) and speaker.is_ready(long):
            break
        app.processEvents()
        time.sleep(0.01)
    else:
        raise AssertionError("cues were not rendered")
    time.sleep(0.5)  # the stream is running: silence before the first cue
    now = time.monotonic()
    report["short_at"] = now + 0.2
    speaker.say_at(short, now + 0.2)
    report["long_at"] = now + 1.5
    speaker.say_at(long, now + 1.5)
    while time.monotonic() < now + 1.8:
        app.processEvents()
        time.sleep(0.005)
    speaker.stop()
    report["stopped_at"] = time.monotonic()
    time.sleep(1.5)
speaker.close()
print(json.dumps(report))
"""


@pytest.fixture
def null_sink() -> Iterator[dict[str, str]]:
    with null_sink_server() as env:
        yield env


@pytest.mark.slow
def test_cues_are_heard_in_the_sound_output_and_stop_cuts_speech_short(
    null_sink: dict[str, str], tmp_path: Path
) -> None:
    env = {**null_sink, "QT_QPA_PLATFORM": "offscreen"}
    samples, output = record_while(
        env, [sys.executable, "-c", CHILD, str(tmp_path / "cue-cache")], tmp_path / "heard.raw"
    )
    report = json.loads(output.strip().splitlines()[-1])
    assert report["problem"] is None
    stretches = loud_stretches(samples)
    assert len(stretches) == 2, (stretches, report, len(samples) / RATE)
    (short_start, short_length), (long_start, long_length) = stretches
    # "hips back" as spoken, then the long cue 1.3 s after it, cut off by stop() 0.3 s in.
    assert 0.3 < short_length < 1.5
    assert long_start - short_start == pytest.approx(1.3, abs=0.1)
    assert long_length < 0.6
    # Rendered in full, the long cue lasts several seconds: stop() cut it, it did not end.
    assert len(list((tmp_path / "cue-cache").glob("*.wav"))) == 2


LATE_CHILD = r"""
import json, sys, time
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from hinge_desktop.speech.choose import open_speaker

app = QCoreApplication([])
speaker = open_speaker(Path(sys.argv[1]))
report = {"problem": speaker.voice_problem()}
get_ready = "get ready: kettlebell deadlift, 3 sets of 8"
if report["problem"] is None:
    heard = {}
    speaker.on_played = lambda text, played: heard.setdefault(text, (played.heard, played.dropped))
    # A first run: nothing rendered, the sound output just opened; both cues were due 0.5 s ago.
    report["running"] = speaker.output_running()
    now = time.monotonic()
    report["until"] = now + 6.0
    speaker.say_at(get_ready, now - 0.5, until=now + 6.0)
    speaker.say_at("hips back", now - 0.5)
    while time.monotonic() < now + 6.5:
        app.processEvents()
        time.sleep(0.005)
    report["heard"] = heard
    report["missed"] = [[m.text, m.why] for m in speaker.missed.recent()]
speaker.close()
print(json.dumps(report))
"""


@pytest.mark.slow
def test_a_cue_due_before_its_words_and_the_output_are_ready_is_said_late_or_reported(
    null_sink: dict[str, str], tmp_path: Path
) -> None:
    env = {**null_sink, "QT_QPA_PLATFORM": "offscreen"}
    samples, output = record_while(
        env, [sys.executable, "-c", LATE_CHILD, str(tmp_path / "cue-cache")], tmp_path / "h.raw"
    )
    report = json.loads(output.strip().splitlines()[-1])
    assert report["problem"] is None
    assert not report["running"]
    get_ready = report["heard"]["get ready: kettlebell deadlift, 3 sets of 8"]
    assert get_ready[1] is False  # said, late, while its words still held
    assert report["heard"]["hips back"][1] is True
    assert report["missed"] == [["hips back", "its words were not ready in time"]]
    stretches = loud_stretches(samples, gap=0.5)
    assert len(stretches) == 1, stretches  # the sentence, and no "hips back" after it
    assert stretches[0][1] > 1.0
