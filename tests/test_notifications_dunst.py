"""Hinge's notifications shown by a real notification daemon: dunst, under Xvfb, on this run's
session bus. dunst describes itself as most daemons do (GDBus, no Qt type annotations), so this
is the path a desktop takes: the reminder shows with its buttons, dunst's own command line
presses one, and Hinge hears which."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator

import pytest
from desktop_bus import require_session_bus
from pytestqt.qtbot import QtBot
from system_tools import require
from xvfb import xvfb

from hinge_desktop.ui.desktop.bus_calls import DesktopBus
from hinge_desktop.ui.desktop.notifications import Notice, Notifier


@pytest.fixture
def dunst() -> Iterator[None]:
    """dunst serving notifications on a private X display."""
    require_session_bus()
    require("dunst", "dunst")
    with xvfb("800x600x24") as display:
        daemon = subprocess.Popen(
            ["dunst", "-config", "/dev/null"],
            env={**os.environ, "DISPLAY": display},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            for _ in range(100):  # up to 10 s for it to take the name
                if dunstctl("count", "displayed", check=False).returncode == 0:
                    break
                subprocess.run(["sleep", "0.1"], check=True)
            yield
        finally:
            daemon.terminate()
            daemon.wait(10)


def dunstctl(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    assert shutil.which("dunstctl"), "dunstctl comes with dunst"
    return subprocess.run(
        ["dunstctl", *args], capture_output=True, text=True, check=check, timeout=10
    )


REMINDER = Notice(
    key="snack-1",
    summary="Time for an activation snack",
    body="3 minutes of glute work. 0 of 2 done today.",
    actions=(("start", "Start now"), ("snooze", "Snooze 15 minutes"), ("skip", "Skip today")),
)


@pytest.mark.parametrize(
    ("press", "answer"),
    [
        (("action", "0"), "start"),  # the person clicks the notification: its first choice
        (("close",), ""),  # closed without a choice: dismissed
    ],
)
def test_dunst_shows_the_reminder_and_hinge_hears_what_was_done_with_it(
    qtbot: QtBot, dunst: None, press: tuple[str, ...], answer: str
) -> None:
    bus = DesktopBus()
    notifier = Notifier(bus)
    answers: list[tuple[str, str]] = []
    notifier.answered.connect(lambda key, action: answers.append((key, action)))
    try:
        notifier.show(REMINDER)
        qtbot.waitUntil(lambda: dunstctl("count", "displayed").stdout.strip() == "1")
        assert notifier.fallback_reason == ""  # shown by dunst, not in a window of Hinge's
        dunstctl(*press)
        qtbot.waitUntil(lambda: answers == [("snack-1", answer)])
    finally:
        notifier.shutdown()
        bus.shutdown()
