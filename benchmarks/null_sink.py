"""A private PulseAudio server with one null sink, for the benchmarks that listen to Hinge."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def pulse_server() -> Iterator[None]:
    """A private PulseAudio server with one null sink, reached through ``os.environ``.

    Set before anything initialises Qt Multimedia, which reads the environment once.
    """
    if shutil.which("pulseaudio") is None or shutil.which("parec") is None:
        raise SystemExit("needs pulseaudio and parec (Debian: pulseaudio pulseaudio-utils)")
    runtime = tempfile.mkdtemp(prefix="hinge-pulse-", dir="/tmp")  # socket paths must be short
    os.environ["XDG_RUNTIME_DIR"] = runtime
    os.environ["PULSE_RUNTIME_PATH"] = f"{runtime}/pulse"
    os.environ.pop("PULSE_SERVER", None)
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
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 15
        while subprocess.run(["pactl", "info"], capture_output=True).returncode != 0:
            if server.poll() is not None:
                raise SystemExit("pulseaudio did not start")
            if time.monotonic() > deadline:
                raise SystemExit("pulseaudio did not answer")
            time.sleep(0.05)
        yield
    finally:
        server.terminate()
        server.wait(10)
        shutil.rmtree(runtime, ignore_errors=True)
