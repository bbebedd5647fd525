"""The window paints before anything slow is loaded: Hinge's first paint is meant to come about
as soon as a bare Qt window's (``benchmarks/startup.py`` measures it).

Two things cost as much as the rest of the window together and must wait until after the first
paint: building the ``Qt`` namespace (its first use makes every one of its enums, about 40 ms),
and loading the storage, the charts and the other views.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

PROBE = """
import json, sys
import PySide6.QtCore as core
from hinge_desktop.app import run
from hinge_desktop.cli.options import parse_args
from hinge_desktop.ui.shell.main_window import MainWindow
from PySide6.QtWidgets import QApplication

seen = {}

def painted():
    # Called first thing after the first paint: what was loaded until then?
    if not seen:
        window = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)][0]
        seen["painted"] = window._painted
        seen["qt_built"] = "Qt" in core.__dict__
        seen["loaded"] = sorted(
            name for name in ("sqlite_utils", "numpy", "pyqtgraph", "sqlite3",
                              "platformdirs", "hinge_desktop.storage.store",
                              "hinge_desktop.ui.shell.wiring",
                              "hinge_desktop.ui.shell.window_menus",
                              "hinge_desktop.domain.catalogue")
            if name in sys.modules
        )

def ready():
    print(json.dumps(seen), flush=True)
    QApplication.quit()

sys.exit(run(parse_args([]), on_first_paint=painted, on_ready=ready))
"""


def test_nothing_slow_is_loaded_before_the_window_paints(tmp_path: Path) -> None:
    seen = _report(PROBE, tmp_path)
    assert seen == {"painted": True, "qt_built": False, "loaded": []}


def test_the_menus_keys_work_once_the_window_has_painted(tmp_path: Path) -> None:
    """Keys given after the first paint are the same keys: Ctrl+Q quits, F1 shows the keys."""
    probe = PROBE.replace(
        "print(json.dumps(seen), flush=True)",
        "window = QApplication.activeWindow() or [w for w in QApplication.topLevelWidgets() "
        "if isinstance(w, MainWindow)][0]\n"
        "    from PySide6.QtGui import QAction\n"
        "    keys = {a.objectName(): a.shortcut().toString() for a in "
        "window.findChildren(QAction) if a.objectName()}\n"
        "    print(json.dumps(keys), flush=True)",
    )
    keys = _report(probe, tmp_path)
    assert keys["quitAction"] == "Ctrl+Q"
    assert keys["shortcutsAction"] == "F1"
    assert keys["importAction"] == "Ctrl+I"
    assert keys["showTodayAction"] == "Ctrl+1"
    assert keys["findDrillAction"] == "Ctrl+F"


def test_the_collector_waits_until_every_view_is_built(tmp_path: Path) -> None:
    """No pass of the garbage collector while Hinge starts (one walks all it builds, 50–90 ms);
    once every view is built, what start-up built is frozen and the collector runs again (once
    the reads the views start then, which hold it back while they run, are done)."""
    probe = (
        PROBE.replace(
            "seen = {}",
            "import gc\nfrom PySide6.QtCore import QTimer\n"
            "from hinge_desktop.ui import gc_pauses\nseen = {}",
        )
        .replace(
            'seen["painted"] = window._painted',
            'seen["painted"] = window._painted\n        seen["collecting"] = [gc.isenabled()]',
        )
        .replace(
            "def ready():\n    print(json.dumps(seen), flush=True)\n    QApplication.quit()",
            'def ready():\n    seen["collecting"].append(gc.isenabled())\n\n'
            'def settled():\n    seen["frozen"] = gc.get_freeze_count()\n    done()\n\n'
            "def done():\n    if gc_pauses.is_importing():\n"
            "        QTimer.singleShot(10, done)\n        return\n"
            '    seen["collecting"].append(gc.isenabled())\n'
            "    print(json.dumps(seen), flush=True)\n    QApplication.quit()",
        )
        .replace("on_ready=ready)", "on_ready=ready, on_settled=settled)")
    )
    seen = _report(probe, tmp_path)
    assert seen["collecting"] == [False, False, True]
    frozen = seen["frozen"]
    assert isinstance(frozen, int)
    assert frozen > 50_000


def _report(code: str, data_home: Path) -> dict[str, object]:
    """Run ``code`` as Hinge started with no arguments, its data folder in ``data_home`` (as
    ``$XDG_DATA_HOME``), off screen; what it printed last, as JSON."""
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        env={**_environment(), "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(data_home)},
    )
    assert done.returncode == 0, done.stderr
    report: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


def _environment() -> dict[str, str]:
    import os

    return {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
