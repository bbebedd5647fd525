"""Hinge in a real X11 window on a 1024x600 screen: the controls needed mid-set stay on screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from xvfb import xvfb

MID_SET_CONTROLS = ("startPauseButton", "skipButton", "logSetButton", "finishButton")

# Runs Hinge as a person does, then starts the selected drill, starts the set and reports where
# each control a person needs mid-set is drawn, and how much of it can be seen.
FOLLOW_A_SET = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPushButton
from hinge_desktop.app import run
from hinge_desktop.cli.options import parse_args

CONTROLS = %r

def window():
    return next(w for w in QApplication.topLevelWidgets() if w.objectName() == "MainWindow")

def report():
    main = window()
    screen = main.screen().geometry()
    found = {}
    for name in CONTROLS:
        button = main.findChild(QPushButton, name)
        if button is None:
            found[name] = None
            continue
        top_left = button.mapToGlobal(button.rect().topLeft())
        seen = button.visibleRegion().boundingRect()
        found[name] = {
            "visible": button.isVisible(),
            "x": top_left.x(), "y": top_left.y(), "w": button.width(), "h": button.height(),
            "seen_w": seen.width(), "seen_h": seen.height(),
        }
    print(json.dumps({"screen": [screen.width(), screen.height()],
                      "window": [main.frameGeometry().width(), main.frameGeometry().height()],
                      "controls": found}), flush=True)
    QApplication.quit()

def start_set():
    main = window()
    main.findChild(QPushButton, "startPauseButton").click()
    QTimer.singleShot(1500, report)

def ready():
    main = window()
    main.findChild(QPushButton, "startDrillButton").click()
    QTimer.singleShot(500, start_set)

sys.exit(run(parse_args(["--data-dir", sys.argv[1]]), on_settled=ready))
"""


@pytest.fixture
def small_display() -> Iterator[str]:
    with xvfb("1024x600x24") as number:
        yield number


@pytest.mark.slow
def test_on_a_1024_by_600_screen_the_mid_set_controls_stay_on_screen(
    small_display: str, data_dir: Path
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", FOLLOW_A_SET % (MID_SET_CONTROLS,), str(data_dir)],
        env={**os.environ, "DISPLAY": small_display, "QT_QPA_PLATFORM": "xcb"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    width, height = report["screen"]
    assert (width, height) == (1024, 600)
    assert report["window"][0] <= width, report
    assert report["window"][1] <= height, report
    for name, where in report["controls"].items():
        assert where is not None, f"{name} is missing"
        assert where["visible"], f"{name} is hidden"
        assert where["x"] >= 0, f"{name} is off screen: {where}"
        assert where["x"] + where["w"] <= width, f"{name} is off screen: {where}"
        assert where["y"] >= 0, f"{name} is off screen: {where}"
        assert where["y"] + where["h"] <= height, f"{name} is off screen: {where}"
        # Not cut off by a scroll area or a neighbour: the whole button can be seen.
        assert (where["seen_w"], where["seen_h"]) == (where["w"], where["h"]), f"{name}: {where}"
