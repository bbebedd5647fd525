"""Real playback: cues go through Qt Multimedia into a PulseAudio null sink and are recorded
from its monitor, as a person's speakers would play them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from system_tools import require

RATE = 22_050
LOUD = 1500

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
    """A private PulseAudio server with one null sink; yields the environment that reaches it."""
    require("pulseaudio", "pulseaudio")
    require("parec", "pulseaudio-utils")
    runtime = tempfile.mkdtemp(prefix="hinge-pulse-", dir="/tmp")  # socket paths must be short
    env = {**os.environ, "XDG_RUNTIME_DIR": runtime, "PULSE_RUNTIME_PATH": f"{runtime}/pulse"}
    env.pop("PULSE_SERVER", None)
    server = subprocess.Popen(
        [
            "pulseaudio",
            "-n",
            "--daemonize=no",
            "--exit-idle-time=-1",
            "--log-target=stderr",
            "-L",
            "module-native-protocol-unix",
            "-L",
            "module-null-sink sink_name=nullsink",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 15
        while subprocess.run(["pactl", "info"], env=env, capture_output=True).returncode != 0:
            assert server.poll() is None, "pulseaudio did not start"
            assert time.monotonic() < deadline, "pulseaudio did not answer"
            time.sleep(0.05)
        yield env
    finally:
        server.terminate()
        server.wait(10)
        shutil.rmtree(runtime, ignore_errors=True)


def record_while(env: dict[str, str], command: list[str], file: Path) -> tuple[np.ndarray, str]:
    """Run ``command`` while recording the null sink's monitor into ``file`` (not a pipe, which
    would fill and stall the recording); the samples and the command's output."""
    with file.open("wb") as raw:
        recorder = subprocess.Popen(
            ["parec", "-d", "nullsink.monitor", "--raw", "--format=s16le", f"--rate={RATE}",
             "--channels=1"],
            env=env,
            stdout=raw,
        )  # fmt: skip
        try:
            child = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
        finally:
            time.sleep(0.2)
            recorder.terminate()
            recorder.wait(10)
    assert child.returncode == 0, child.stderr
    data = file.read_bytes()
    return np.frombuffer(data[: len(data) // 2 * 2], dtype="<i2"), child.stdout


def loud_stretches(samples: np.ndarray, gap: float = 0.25) -> list[tuple[float, float]]:
    """(start, length) in seconds of each stretch of sound, pauses under ``gap`` bridged."""
    loud = np.flatnonzero(np.abs(samples.astype(np.int32)) > LOUD)
    stretches: list[tuple[float, float]] = []
    if len(loud) == 0:
        return stretches
    start = previous = int(loud[0])
    for index in map(int, loud[1:]):
        if index - previous > gap * RATE:
            stretches.append((start / RATE, (previous - start) / RATE))
            start = index
        previous = index
    stretches.append((start / RATE, (previous - start) / RATE))
    return stretches


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
