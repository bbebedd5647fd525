"""The screen kept awake while a workout runs, asked of stand-ins for the desktop's screen saver
and portal on a real session bus: held exactly while it runs, given back on pause, at the end,
when the setting is turned off, at quit, and by the desktop itself when Hinge is killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable

import pytest
from desktop_bus import StandIns
from hinge_window import HingeWindow
from PySide6.QtWidgets import QCheckBox
from pytestqt.qtbot import QtBot

from hinge_desktop.domain.timeline import StepKind
from hinge_desktop.ui.desktop.bus_calls import DesktopBus
from hinge_desktop.ui.desktop.screen_awake import PortalRoute, ScreenAwake, ScreenSaverRoute
from hinge_desktop.ui.preferences import KEEP_SCREEN_AWAKE

Desktop = Callable[..., StandIns]


@pytest.fixture
def bus(qtbot: QtBot) -> DesktopBus:
    lane = DesktopBus()
    yield lane
    lane.shutdown()


@pytest.fixture
def saver(desktop: Desktop) -> StandIns:
    """A stand-in for the desktop's screen saver service."""
    return desktop("screensaver")


def settled(qtbot: QtBot, bus: DesktopBus) -> None:
    qtbot.waitUntil(lambda: not bus.is_busy())


def test_a_running_workout_holds_the_screen_awake_and_a_pause_gives_it_back(
    qtbot: QtBot, saver: StandIns, bus: DesktopBus
) -> None:
    awake = ScreenAwake(bus, ScreenSaverRoute(bus.link))
    awake.set_running(True)
    qtbot.waitUntil(lambda: len(saver.held("screensaver")) == 1)
    [(_, cookie, application, reason, _caller)] = saver.records("screensaver", "Inhibit")
    assert application == "Hinge"
    assert reason == "A workout is running"
    assert awake.is_held()
    awake.set_running(False)
    qtbot.waitUntil(lambda: not saver.held("screensaver"))
    # Given back by Hinge itself, with the desktop's own cookie.
    assert saver.records("screensaver", "UnInhibit")[0][:3] == ["UnInhibit", cookie, True]
    qtbot.waitUntil(lambda: not awake.is_held())


def test_a_pause_before_the_desktop_answers_still_gives_the_hold_back(
    qtbot: QtBot, saver: StandIns, bus: DesktopBus
) -> None:
    awake = ScreenAwake(bus, ScreenSaverRoute(bus.link))
    for running in (True, False, True, False, True, False):
        awake.set_running(running)
    settled(qtbot, bus)
    qtbot.waitUntil(lambda: not awake.is_held() and not bus.is_busy())
    assert saver.held("screensaver") == set()
    inhibits = saver.records("screensaver", "Inhibit")
    assert len(inhibits) == len(saver.records("screensaver", "UnInhibit")) >= 1


def test_quitting_while_the_desktop_is_still_answering_leaves_no_hold(
    qtbot: QtBot, saver: StandIns
) -> None:
    bus = DesktopBus()
    awake = ScreenAwake(bus, ScreenSaverRoute(bus.link))
    awake.set_running(True)
    awake.shutdown()  # the hold's answer has not come back yet
    bus.shutdown()  # makes the calls asked for, then ends
    qtbot.waitUntil(lambda: len(saver.records("screensaver", "UnInhibit")) == 1)
    assert saver.held("screensaver") == set()
    assert len(saver.records("screensaver", "Inhibit")) == 1


def test_turning_the_setting_off_gives_the_hold_back_and_on_takes_it_again(
    qtbot: QtBot, saver: StandIns, bus: DesktopBus
) -> None:
    awake = ScreenAwake(bus, ScreenSaverRoute(bus.link), enabled=False)
    awake.set_running(True)
    settled(qtbot, bus)
    assert saver.records("screensaver") == []
    awake.set_enabled(True)
    qtbot.waitUntil(lambda: len(saver.held("screensaver")) == 1)
    awake.set_enabled(False)
    qtbot.waitUntil(lambda: not saver.held("screensaver"))
    awake.set_running(False)
    settled(qtbot, bus)


def test_a_desktop_with_no_screen_saver_service_is_told_about_once(
    qtbot: QtBot, desktop: Desktop, bus: DesktopBus
) -> None:
    desktop()  # a bus with no screen saver on it
    awake = ScreenAwake(bus, ScreenSaverRoute(bus.link))
    messages: list[str] = []
    awake.message.connect(messages.append)
    awake.set_running(True)
    qtbot.waitUntil(lambda: len(messages) == 1)
    assert messages[0].startswith("This desktop offers Hinge no way to keep the screen awake")
    assert "blank time in the desktop's settings" in messages[0]  # what the person can do
    awake.set_running(False)
    awake.set_running(True)  # asked again at the next start, but not told again
    settled(qtbot, bus)
    assert len(messages) == 1
    assert not awake.is_held()
    awake.set_running(False)


def test_a_sandboxed_hinge_asks_the_portal_with_the_idle_flag_and_closes_its_request(
    qtbot: QtBot, desktop: Desktop, bus: DesktopBus
) -> None:
    portal = desktop("portal")
    awake = ScreenAwake(bus, PortalRoute(bus.link))
    awake.set_running(True)
    qtbot.waitUntil(lambda: len(portal.held("portal")) == 1)
    [(_, handle, window, flags, reason)] = portal.records("portal", "Inhibit")
    assert window == ""  # no window of its own to name
    assert flags == PortalRoute.IDLE == 8
    assert reason == "A workout is running"
    assert str(handle).startswith("/org/freedesktop/portal/desktop/request/")
    awake.set_running(False)
    qtbot.waitUntil(lambda: not portal.held("portal"))
    assert portal.records("portal", "Close") == [["Close", handle, True]]


def test_the_app_holds_the_screen_exactly_while_its_workout_runs(
    qtbot: QtBot, saver: StandIns, hinge: HingeWindow
) -> None:

    def held() -> int:
        return len(saver.held("screensaver"))

    hinge.show_drill("wall-hinge-check")
    assert held() == 0  # chosen, not started
    hinge.click("startPauseButton")
    qtbot.waitUntil(lambda: held() == 1)
    hinge.click("startPauseButton")  # Pause
    qtbot.waitUntil(lambda: held() == 0)
    hinge.click("startPauseButton")  # Resume
    qtbot.waitUntil(lambda: held() == 1)
    hinge.skip_to(StepKind.DONE)  # finished
    qtbot.waitUntil(lambda: held() == 0)
    assert len(saver.records("screensaver", "Inhibit")) == 2
    assert len(saver.records("screensaver", "UnInhibit")) == 2


def started_and_held(qtbot: QtBot, saver: StandIns, hinge: HingeWindow) -> None:
    """A drill started in the player, and the screen held awake for it."""
    hinge.show_drill("wall-hinge-check")
    hinge.click("startPauseButton")
    qtbot.waitUntil(lambda: len(saver.held("screensaver")) == 1)


def test_the_setting_in_settings_turns_the_hold_off_during_a_workout(
    qtbot: QtBot, saver: StandIns, hinge: HingeWindow
) -> None:
    started_and_held(qtbot, saver, hinge)
    hinge.show("settings")
    check = hinge.widget(QCheckBox, "keepScreenAwakeCheck")
    assert check.isChecked()
    check.click()
    assert hinge.preferences.get(KEEP_SCREEN_AWAKE) is False
    qtbot.waitUntil(lambda: not saver.held("screensaver"))


def test_quitting_during_a_workout_gives_the_hold_back(
    qtbot: QtBot, saver: StandIns, hinge: HingeWindow
) -> None:
    started_and_held(qtbot, saver, hinge)
    hinge.close()
    qtbot.waitUntil(lambda: not saver.held("screensaver"))
    assert len(saver.records("screensaver", "UnInhibit")) == 1


HOLDER = """
from PySide6.QtWidgets import QApplication
from hinge_desktop.ui.desktop.desktop_services import DesktopServices

app = QApplication([])
services = DesktopServices(sandboxed=False)
services.screen_awake.held_changed.connect(lambda held: print("held", held, flush=True))
services.workout_running(True)
app.exec()
"""


@pytest.mark.slow
def test_a_killed_hinge_leaves_no_hold_behind(qtbot: QtBot, saver: StandIns) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "held True"
        qtbot.waitUntil(lambda: len(saver.held("screensaver")) == 1)
        holder.send_signal(signal.SIGKILL)
        holder.wait(10)
    finally:
        holder.kill()
        holder.wait(10)
        if holder.stdout is not None:
            holder.stdout.close()
    qtbot.waitUntil(lambda: not saver.held("screensaver"))
    [(_, cookie, _caller)] = saver.records("screensaver", "dropped")
    assert saver.records("screensaver", "UnInhibit") == []
    assert cookie == saver.records("screensaver", "Inhibit")[0][1]
