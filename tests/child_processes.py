"""Hinge, and scripts that use its parts, in processes of their own: run as a person runs it from
a terminal, a child's output read without hanging, a child killed as a crash would kill it."""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
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


def loaded_by(code: str, modules: tuple[str, ...]) -> list[str]:
    """Which of ``modules`` a fresh Python has loaded once it has run ``code``."""
    probe = (
        f"import json, sys\n{code}\n"
        f"print(json.dumps(sorted(m for m in {modules!r} if m in sys.modules)))"
    )
    shown = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    loaded: list[str] = json.loads(shown.stdout.strip().splitlines()[-1])
    return loaded


def read_line(stream: IO[str], timeout: float) -> str:
    """One line from a child's output, or fail after ``timeout`` seconds instead of hanging.

    The line is read on a thread of its own: waiting for the pipe with ``select`` misses lines
    the stream has already read ahead into its buffer (two lines written at once come in one
    read), and would wait for a line that is already there. Waits in half-second slices,
    counted: a jump of the clock can end one slice early, not the whole wait.
    """
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: lines.put(stream.readline()), daemon=True).start()
    for _ in range(int(timeout * 2)):
        try:
            return lines.get(timeout=0.5).strip()
        except queue.Empty:
            continue
    pytest.fail(f"the writer said nothing for {timeout} s")


def kill(child: subprocess.Popen[str]) -> None:
    """End ``child`` with SIGKILL, as a crash or a power cut would, and close its pipes."""
    os.kill(child.pid, signal.SIGKILL)
    child.wait(10)
    for stream in (child.stdout, child.stdin):
        if stream is not None:
            stream.close()
