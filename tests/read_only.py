"""Files and folders made read-only for a test, for real: for root, whom permissions do not stop,
also immutable (``chattr +i``); skipped where that cannot be done, but never in CI."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from system_tools import missing


@contextmanager
def read_only(path: Path, mode: int = 0o555) -> Iterator[None]:
    """``path`` with ``mode`` (no write permission) while the block runs."""
    before = path.stat().st_mode
    path.chmod(mode)
    immutable = os.geteuid() == 0
    if immutable:
        made = subprocess.run(["chattr", "+i", str(path)], capture_output=True, text=True)
        if made.returncode != 0:
            path.chmod(before)
            missing(f"cannot make {path} immutable here: {made.stderr.strip()}")
    try:
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        path.chmod(before)
