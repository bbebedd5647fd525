"""Started where there is no display, Hinge says so in one line, with how to run it instead,
rather than Qt's abort that blames a library."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hinge_desktop.display import no_display


@pytest.mark.parametrize(
    "environ",
    [{}, {"QT_QPA_PLATFORM": "xcb"}, {"QT_QPA_PLATFORM": "wayland"}, {"DISPLAY": ""}],
    ids=["nothing set", "xcb asked for", "wayland asked for", "an empty DISPLAY"],
)
def test_without_a_display_the_reason_and_the_way_out_are_given(environ: dict[str, str]) -> None:
    told = no_display(environ, "linux")
    assert told is not None
    assert "needs a display" in told
    assert "xvfb-run -a hinge-desktop" in told
    assert "--screenshot" in told


@pytest.mark.parametrize(
    ("environ", "platform"),
    [
        ({"DISPLAY": ":0"}, "linux"),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux"),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux"),
        ({"QT_QPA_PLATFORM": "vnc:size=1280x800"}, "linux"),
        ({}, "darwin"),
        ({}, "win32"),
    ],
)
def test_with_a_display_or_no_need_of_one_nothing_is_said(
    environ: dict[str, str], platform: str
) -> None:
    assert no_display(environ, platform) is None


@pytest.mark.slow
def test_the_real_command_says_it_in_one_line_and_stops(tmp_path: Path) -> None:
    environ = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [sys.executable, "-m", "hinge_desktop", "--data-dir", str(tmp_path / "data")],
        capture_output=True,
        text=True,
        timeout=60,
        env=environ,
    )
    assert result.returncode == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith("hinge-desktop: Hinge needs a display")
    assert "xcb" not in result.stderr
    assert not (tmp_path / "data").exists()  # nothing made where nothing can be shown
