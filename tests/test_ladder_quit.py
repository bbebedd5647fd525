"""Quitting Hinge while the ladder's first reading is under way, before every view is built,
ends the process cleanly: the reader's thread is stopped, not destroyed while it runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

QUIT_WHILE_BUILDING = """
import sys
from pathlib import Path

from PySide6.QtCore import QTimer

from hinge_desktop.paths import DataPaths
from hinge_desktop.storage import integrity
from hinge_desktop.ui.library.ladder_coach import LadderCoach
from hinge_desktop.ui.preferences import Preferences
from hinge_desktop.ui.shell.application import create_application
from hinge_desktop.ui.shell.checking import Closer
from hinge_desktop.ui.shell.main_window import MainWindow
from hinge_desktop.ui.shell.opening import load_in_steps

root = Path(sys.argv[1])
paths = DataPaths(root=root)
paths.ensure()
app = create_application()
preferences = Preferences(root / "settings.ini")
window = MainWindow(preferences)
closer = Closer(app, window)  # as the start does: it closes what is open at the quit
check = integrity.start_check(paths.database, paths.backups)
steps = load_in_steps(window, preferences, paths, check, show_recovery=False, opened=closer.opened)
while not window.findChildren(LadderCoach):
    next(steps)  # the views are built a group at a time, up to the ladder's
coach = window.findChildren(LadderCoach)[0]
print("reading" if coach.is_updating() else "read", flush=True)
QTimer.singleShot(0, app.quit)  # the window closed before the other views are built
app.exec()
print("quit", flush=True)
"""


@pytest.mark.slow
def test_quitting_while_the_views_are_built_and_the_ladder_reads(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", QUIT_WHILE_BUILDING, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["reading", "quit"]
    assert "QThread: Destroyed" not in done.stderr
