"""A private PulseAudio server with one null sink, recorded from its monitor: real sound output
for tests, heard as a person's speakers would play it."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
from system_tools import require

RATE = 22_050
LOUD = 1500


@contextmanager
def null_sink_server() -> Iterator[dict[str, str]]:
    """Start the server; yields the environment that reaches it (skips where PulseAudio is
    missing, fails in CI)."""
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
