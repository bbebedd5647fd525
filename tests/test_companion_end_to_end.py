"""The daily companion with Hinge running as a person runs it, in a process of its own, on this
run's session bus: the reminder comes as a notification at its time, Start now opens the snack,
a headset's play button starts it, the screen is held awake while it runs, and a SIGKILL of Hinge
leaves no hold and no media player behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from desktop_bus import MprisClient, StandIns
from pytestqt.qtbot import QtBot

Desktop = Callable[..., StandIns]


def settings(folder: Path) -> None:
    """Reminders on, one due now, every day a desk day; the note on when to stop read."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "settings.ini").write_text(
        "[companion]\n"
        "reminders=true\n"
        f"reminder_times={datetime.now().strftime('%H:%M')}\n"
        'desk_days="1,2,3,4,5,6,7"\n'
        "[today]\n"
        "safety_note_read=true\n",
        encoding="utf-8",
    )


@pytest.mark.slow
def test_from_a_reminder_to_a_running_snack_and_a_killed_hinge_leaves_nothing_held(
    qtbot: QtBot, desktop: Desktop, tmp_path: Path
) -> None:
    daemon = desktop("notifications", "screensaver")
    data = tmp_path / "data"
    settings(data)
    hinge = subprocess.Popen(
        [sys.executable, "-m", "hinge_desktop", "--data-dir", str(data)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    panel = MprisClient(qtbot)
    try:
        qtbot.waitUntil(lambda: daemon.records("notifications", "Notify") != [], timeout=60000)
        [(_, number, application, summary, *_rest)] = daemon.records("notifications", "Notify")
        assert (application, summary) == ("Hinge", "Time for an activation snack")
        daemon.act(f"invoke {number} start")  # Start now
        qtbot.waitUntil(panel.has_owner, timeout=20000)  # the snack is in the player
        assert panel.get("PlaybackStatus") == "Paused"  # ready, not started
        assert panel.get("Metadata")["xesam:album"] == "Activation snack"  # type: ignore[index]
        panel.call("PlayPause")  # the headset's button
        qtbot.waitUntil(lambda: panel.get("PlaybackStatus") == "Playing", timeout=10000)
        qtbot.waitUntil(lambda: len(daemon.held("screensaver")) == 1)
        hinge.send_signal(signal.SIGKILL)
        hinge.wait(10)
        qtbot.waitUntil(lambda: not daemon.held("screensaver"))
        assert daemon.records("screensaver", "dropped") != []  # let go by the desktop itself
        qtbot.waitUntil(lambda: not panel.has_owner())
    finally:
        hinge.kill()
        hinge.wait(10)
        if hinge.stderr is not None:
            hinge.stderr.close()
        panel.close()
