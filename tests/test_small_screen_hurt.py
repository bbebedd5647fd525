"""Hinge in a real X11 window on a 1024x600 screen: the question about a drill that hurt last
time shows whole with Start under it, and once a set is logged "This hurt" shows whole beside
the controls needed mid-set."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from xvfb import xvfb

from hinge_desktop.domain.drills import Phase
from hinge_desktop.domain.training import LoggedSet
from hinge_desktop.paths import DataPaths
from hinge_desktop.storage import timecodec
from hinge_desktop.storage.store import open_store

DRILL = "hip-thrust"
"""A loaded drill with an easier one, after which no "easily" questions are asked."""
ASKED = ("hurtEasierButton", "hurtLeaveButton", "hurtGoOnButton", "startPauseButton")
MID_SET = ("startPauseButton", "skipButton", "logSetButton", "finishButton", "hurtButton")

# Runs Hinge as a person does, starts the drill from its page, reports where the card's buttons
# are, goes on, starts the first set, logs it during it and reports where the controls are.
FOLLOW = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPushButton
from hinge_desktop.app import run
from hinge_desktop.cli.options import parse_args

ASKED, MID_SET, DRILL = %r, %r, %r

def window():
    return next(w for w in QApplication.topLevelWidgets() if w.objectName() == "MainWindow")

def where(names):
    main = window()
    found = {}
    for name in names:
        button = main.findChild(QPushButton, name)
        top_left = button.mapToGlobal(button.rect().topLeft())
        seen = button.visibleRegion().boundingRect()
        found[name] = {
            "visible": button.isVisible(),
            "x": top_left.x(), "y": top_left.y(), "w": button.width(), "h": button.height(),
            "seen_w": seen.width(), "seen_h": seen.height(),
        }
    return found

report = {}

def logged():
    report["mid_set"] = where(MID_SET)
    main = window()
    screen = main.screen().geometry()
    report["screen"] = [screen.width(), screen.height()]
    report["window"] = [main.frameGeometry().width(), main.frameGeometry().height()]
    print(json.dumps(report), flush=True)
    QApplication.quit()

def log_set():
    window().findChild(QPushButton, "logSetButton").click()
    QTimer.singleShot(500, logged)

def asked():
    report["asked"] = where(ASKED)
    main = window()
    main.findChild(QPushButton, "hurtGoOnButton").click()
    main.findChild(QPushButton, "startPauseButton").click()
    main.findChild(QPushButton, "skipButton").click()  # the get-ready: the set begins
    QTimer.singleShot(800, log_set)

def ready():
    main = window()
    main.view("drills").drills.select_drill(DRILL)
    main.show_view("drills")
    main.findChild(QPushButton, "startDrillButton").click()
    QTimer.singleShot(800, asked)

sys.exit(run(parse_args(["--data-dir", sys.argv[1]]), on_settled=ready))
"""


@pytest.fixture
def small_display() -> Iterator[str]:
    with xvfb("1024x600x24") as number:
        yield number


def _a_person_whose_hip_thrust_hurt(data_dir: Path) -> None:
    """On the loading rung a month ago, and a set of the drill that hurt three days ago."""
    store = open_store(DataPaths(root=data_dir).database)
    try:
        now = datetime.now().astimezone()
        reached, offset = timecodec.encode(now - timedelta(days=30))
        store.db.table("phase_events").insert(
            {"phase": int(Phase.LOADING), "reached_at": reached, "utc_offset": offset}
        )
        logged = store.sets.add(LoggedSet(DRILL, now - timedelta(days=3), reps=8))
        assert logged.id is not None
        store.sets.mark_hurt(logged.id)
    finally:
        store.close()


def _whole_on_screen(found: dict[str, dict[str, int]], width: int, height: int) -> None:
    for name, where in found.items():
        assert where["visible"], f"{name} is hidden"
        assert where["x"] >= 0, f"{name} is off screen: {where}"
        assert where["x"] + where["w"] <= width, f"{name} is off screen: {where}"
        assert where["y"] >= 0, f"{name} is off screen: {where}"
        assert where["y"] + where["h"] <= height, f"{name} is off screen: {where}"
        assert (where["seen_w"], where["seen_h"]) == (where["w"], where["h"]), f"{name}: {where}"


@pytest.mark.slow
def test_on_a_1024_by_600_screen_the_hurt_question_and_this_hurt_show_whole(
    small_display: str, data_dir: Path
) -> None:
    _a_person_whose_hip_thrust_hurt(data_dir)
    done = subprocess.run(
        [sys.executable, "-c", FOLLOW % (ASKED, MID_SET, DRILL), str(data_dir)],
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
    _whole_on_screen(report["asked"], width, height)
    _whole_on_screen(report["mid_set"], width, height)
