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

    Set before anything initialises Qt Multimedia, which reads the environment once; the
    environment is as before once the server has stopped. A benchmark that needs a sound output
    starts its own this way: it never assumes the machine has one.
    """
    if any(shutil.which(tool) is None for tool in ("pulseaudio", "pactl", "parec")):
        raise SystemExit("needs pulseaudio, pactl and parec (Debian: pulseaudio pulseaudio-utils)")
    runtime = tempfile.mkdtemp(prefix="hinge-pulse-", dir="/tmp")  # socket paths must be short
    before = {name: os.environ.get(name) for name in _PULSE_ENVIRONMENT}
    os.environ["XDG_RUNTIME_DIR"] = runtime
    os.environ["PULSE_RUNTIME_PATH"] = f"{runtime}/pulse"
    # This server, not a desktop's own one (nor none, where PULSE_SERVER names one that is gone).
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
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


_PULSE_ENVIRONMENT = ("XDG_RUNTIME_DIR", "PULSE_RUNTIME_PATH", "PULSE_SERVER")
