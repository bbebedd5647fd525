"""The voice's threads at exit: a script or an app that ends without closing its speaker, or
with Qt's plugin debugging on, ends with its own exit status, never an abort or a crash.

Each case runs in a process of its own, as the exit it checks is the end of a process."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from pulse_sink import null_sink_server

CHILD = r"""
import sys, tempfile, time
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from hinge_desktop.speech.choose import open_speaker
from hinge_desktop.speech.voice_speaker import VoiceSpeaker

app = QCoreApplication([])
speaker = open_speaker(Path(tempfile.mkdtemp()) / "cue-cache")
if not isinstance(speaker, VoiceSpeaker):
    sys.exit(f"no voice: {speaker.voice_problem()}")
speaker.prepare(["hips back"])
for _ in range(3000):  # counted, not timed
    if speaker.is_ready("hips back"):
        break
    app.processEvents()
    time.sleep(0.01)
else:
    sys.exit("the cue was never ready")
speaker.say_at("hips back", time.monotonic())
print("speaking", flush=True)
# Out without closing the speaker: its audio thread and its speech engine's thread still run.
sys.exit(int(sys.argv[1]))
"""

ABORTED = "QThread: Destroyed while thread"


def run_child(env: dict[str, str], status: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", CHILD, str(status)],
        env={**env, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow
@pytest.mark.parametrize("status", [0, 3])
def test_exiting_while_the_voice_speaks_stops_its_threads_and_keeps_the_exit_status(
    status: int,
) -> None:
    with null_sink_server() as env:
        done = run_child(env, status)
    assert "speaking" in done.stdout, done.stderr
    assert ABORTED not in done.stderr
    assert done.returncode == status, done.stderr


@pytest.mark.slow
def test_with_qt_plugin_debugging_on_the_voice_exits_cleanly() -> None:
    """Qt Multimedia reports its libraries' unloading after Python has gone; that message must
    reach Qt's own handler, not Hinge's Python filter (it was a segmentation fault, exit 139)."""
    with null_sink_server() as env:
        done = run_child({**env, "QT_DEBUG_PLUGINS": "1"}, 0)
    assert "speaking" in done.stdout, done.stderr[-2000:]
    assert done.returncode == 0, done.stderr[-2000:]
    assert "unloaded library" in done.stderr  # the messages that came after Python, still shown


@pytest.mark.slow
def test_without_a_sound_output_the_voice_is_silent_and_exits_cleanly() -> None:
    env = {**os.environ, "PULSE_SERVER": "unix:/nonexistent/hinge-no-sound"}
    done = run_child({**env, "QT_DEBUG_PLUGINS": "1"}, 0)
    assert done.returncode == 1, done.stderr[-2000:]  # sys.exit with the reason
    assert "no voice: " in done.stderr
    assert "no sound output" in done.stderr
