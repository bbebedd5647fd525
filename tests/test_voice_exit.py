"""The voice's threads at exit: a script or an app that ends without closing its speaker ends
with its own exit status, never an abort.

Each case runs in a process of its own, as the exit it checks is the end of a process."""

from __future__ import annotations

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
