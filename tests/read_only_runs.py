"""Hinge run from the command line where it may write nothing, for real even as root (whom file
modes do not stop): a read-only bind mount in a mount namespace of the command's own, or root's
power to override file modes taken away, so that a 0444 file or a 0555 folder holds."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from system_tools import missing

HINGE = (sys.executable, "-m", "hinge_desktop")


def run_on_read_only_mount(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``hinge-desktop *args`` with ``folder`` mounted read-only (as root), or with its write
    permission taken away while it runs (as anyone else)."""
    if os.geteuid() != 0:
        with _modes({folder: 0o555}):
            return _run(list(HINGE) + list(args))
    if shutil.which("unshare") is None:
        missing("unshare is not installed (Debian package util-linux)")
    script = 'mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" "$1" && shift && exec "$@"'
    command = ["unshare", "--mount", "--propagation", "private", "sh", "-c", script, "sh"]
    result = _run([*command, str(folder), *HINGE, *args])
    if result.returncode != 0 and ("unshare:" in result.stderr or "mount:" in result.stderr):
        missing(f"cannot make a read-only mount here: {result.stderr.strip()}")
    return result


def run_with_modes(modes: dict[Path, int], *args: str) -> subprocess.CompletedProcess[str]:
    """``hinge-desktop *args`` with the files and folders of ``modes`` given those modes while
    it runs; as root, without the power to override them."""
    command = list(HINGE) + list(args)
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            missing("setpriv is not installed (Debian package util-linux)")
        drop = "-dac_override,-dac_read_search,-fowner"
        command = ["setpriv", f"--bounding-set={drop}", "--inh-caps=-all", *command]
    with _modes(modes):
        result = _run(command)
    if result.returncode != 0 and "setpriv:" in result.stderr:
        missing(f"cannot drop root's powers here: {result.stderr.strip()}")
    return result


@contextmanager
def _modes(modes: dict[Path, int]) -> Iterator[None]:
    before = {path: path.stat().st_mode for path in modes}
    # Files first, then their folders, so that a folder is made read-only last.
    order = sorted(modes, key=lambda path: path.is_dir())
    try:
        for path in order:
            path.chmod(modes[path])
        yield
    finally:
        for path in reversed(order):
            path.chmod(before[path])


def _run(command: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
