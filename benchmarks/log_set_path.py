"""The path of one click on Log set: which modules it runs through, how often it crosses between
the ui, storage and domain layers, and which SQL statements it runs.

A structural measure, not a timing: it shows what one logged set touches, so that a change that
makes the path longer or reads the log more often than needed is seen. Run it from a checkout:
``.venv/bin/python benchmarks/log_set_path.py [-v]`` (``-v`` prints the statements).
"""

from __future__ import annotations

import itertools
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from hinge_desktop.paths import DataPaths
from hinge_desktop.speech.speaker import RecordingSpeaker
from hinge_desktop.storage.store import open_store
from hinge_desktop.ui.preferences import Preferences
from hinge_desktop.ui.shell.main_window import MainWindow
from hinge_desktop.ui.shell.wiring import install_views

PACKAGE = "hinge_desktop."


def layer(module: str) -> str:
    """ui (with cli and app), storage, domain or speech."""
    part = module[len(PACKAGE) :].split(".")[0]
    return "ui" if part in ("ui", "cli", "app") else part


def main() -> int:
    app = QApplication([])
    root = Path(tempfile.mkdtemp(prefix="hinge-path-"))
    paths = DataPaths(root=root)
    paths.ensure()
    store = open_store(paths.database)
    window = MainWindow(Preferences(paths.settings))
    views = install_views(window, window._preferences, store, paths, RecordingSpeaker())
    views.workout.show_drill(views.catalogue.get("glute-bridge"))
    window.show_view("workout")
    window.show()
    app.processEvents()
    QTest.mouseClick(window.findChild(QPushButton, "startPauseButton"), Qt.MouseButton.LeftButton)
    log_set = window.findChild(QPushButton, "logSetButton")
    skip = window.findChild(QPushButton, "skipButton")
    while not log_set.isEnabled():  # past the get-ready countdown
        QTest.mouseClick(skip, Qt.MouseButton.LeftButton)
        app.processEvents()

    calls: list[str] = []

    def profile(frame: object, event: str, _arg: object) -> None:
        module = frame.f_globals.get("__name__", "")  # type: ignore[attr-defined]
        if event == "call" and module.startswith(PACKAGE) and (not calls or calls[-1] != module):
            calls.append(module)

    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    sys.setprofile(profile)
    QTest.mouseClick(log_set, Qt.MouseButton.LeftButton)
    sys.setprofile(None)
    store.db.conn.set_trace_callback(None)

    crossings = sum(1 for a, b in itertools.pairwise(calls) if layer(a) != layer(b))
    modules = sorted({m[len(PACKAGE) :] for m in calls})
    set_list = [s for s in statements if s.startswith('select * from "sets" where workout_id')]
    print(f"sets stored: {store.sets.count()}")
    print(f"modules run: {len(modules)}")
    for name in ("ui", "storage", "domain", "speech"):
        print(f"  {name}: {' '.join(m for m in modules if layer(PACKAGE + m) == name)}")
    print(f"layer crossings: {crossings}")
    print(f"SQL statements: {len(statements)}; reads of the workout's set list: {len(set_list)}")
    if "-v" in sys.argv:
        print("\n".join(statements))
    views.shutdown()
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
