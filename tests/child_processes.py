"""Hinge, and scripts that use its parts, in processes of their own: run as a person runs it from
a terminal, a child's output read without hanging, a child killed as a crash would kill it."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
from typing import IO

import pytest


def run_hinge(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``python -m hinge_desktop *args``, off screen, to its end; its output is kept."""
    return subprocess.run(
        [sys.executable, "-m", "hinge_desktop", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def read_line(stream: IO[str], timeout: float) -> str:
    """One line from a child's output, or fail after ``timeout`` seconds instead of hanging.

    Waits in half-second slices, counted: a jump of the clock can end one slice early, not
    the whole wait.
    """
    for _ in range(int(timeout * 2)):
        ready, _, _ = select.select([stream], [], [], 0.5)
        if ready:
            return stream.readline().strip()
    pytest.fail(f"the writer said nothing for {timeout} s")


def kill(child: subprocess.Popen[str]) -> None:
    """End ``child`` with SIGKILL, as a crash or a power cut would, and close its pipes."""
    os.kill(child.pid, signal.SIGKILL)
    child.wait(10)
    for stream in (child.stdout, child.stdin):
        if stream is not None:
            stream.close()
