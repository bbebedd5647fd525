"""A private X server (Xvfb) for tests that open a real window."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager

from system_tools import require


@contextmanager
def xvfb(screen: str = "1280x800x24") -> Iterator[str]:
    """An Xvfb server with one screen of ``screen`` (WIDTHxHEIGHTxDEPTH); yields its DISPLAY."""
    require("Xvfb", "xvfb")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", screen, "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as numbers:
            number = numbers.readline().strip()
        assert number, "Xvfb did not report its display number"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(10)
