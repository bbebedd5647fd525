"""Hinge in a real X11 window (under Xvfb), started and stopped as a person's desktop does."""

from __future__ import annotations

import configparser
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from system_tools import require
from xvfb import xvfb

from hinge_desktop import APP_ID

DESKTOP_FILE = Path(__file__).resolve().parent.parent / "packaging" / "linux" / f"{APP_ID}.desktop"


@pytest.fixture
def display() -> Iterator[str]:
    require("xwininfo", "x11-utils")
    with xvfb("1280x800x24") as number:
        yield number


def window_titles(display: str) -> str:
    return subprocess.run(
        ["xwininfo", "-root", "-tree"],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        check=True,
    ).stdout


@pytest.mark.slow
def test_hinge_opens_a_real_window_and_quits_cleanly_on_sigterm(
    display: str, data_dir: Path
) -> None:
    (data_dir / "settings.ini").write_text("[window]\nlast_view=history\n")
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    app = subprocess.Popen(
        [sys.executable, "-m", "hinge_desktop", "--data-dir", str(data_dir)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while '"Hinge"' not in window_titles(display):
            assert app.poll() is None, f"Hinge exited early: {app.communicate()[1]}"
            assert time.monotonic() < deadline, "no window titled Hinge appeared"
            time.sleep(0.2)
        # A desktop shell ties the window to the menu entry by its class (WM_CLASS).
        classes = re.findall(r'"Hinge": \("[^"]*" "([^"]*)"\)', window_titles(display))
        entry = configparser.ConfigParser(interpolation=None)
        entry.read(DESKTOP_FILE)
        assert entry["Desktop Entry"]["StartupWMClass"] in classes
        # The database is opened once the window has painted.
        while not (data_dir / "hinge.sqlite3").exists():
            assert time.monotonic() < deadline, "the database was never opened"
            time.sleep(0.1)
    finally:
        app.send_signal(signal.SIGTERM)
        _out, err = app.communicate(timeout=30)
    assert app.returncode == 0, err
    assert "Could not load the Qt platform plugin" not in err
    settings = (data_dir / "settings.ini").read_text()
    assert "geometry=" in settings
    assert "last_view=history" in settings


QUIT_AT_FIRST_PAINT = """
import os, signal, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from hinge_desktop.app import run
from hinge_desktop.cli.options import parse_args

def terminate() -> None:
    os.kill(os.getpid(), signal.SIGTERM)

sys.exit(run(parse_args(["--data-dir", sys.argv[1]]), on_first_paint=terminate))
"""


@pytest.mark.slow
def test_a_sigterm_as_the_window_first_paints_quits_cleanly(data_dir: Path) -> None:
    """From the moment the window can be seen, SIGTERM quits as closing the window does (exit 0),
    even before the log is opened and the views are built."""
    done = subprocess.run(
        [sys.executable, "-c", QUIT_AT_FIRST_PAINT, str(data_dir)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
