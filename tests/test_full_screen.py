"""A full-screen window in front holds reminders and nudges back: read from the X11 window
manager's properties on a private X server (set here with xprop, as a window manager sets
them)."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot
from system_tools import require
from xvfb import xvfb

from hinge_desktop.ui.desktop.bus_calls import DesktopBus
from hinge_desktop.ui.desktop.full_screen import active_window_is_full_screen, x11_library
from hinge_desktop.ui.desktop.quiet import QuietCheck


@pytest.fixture
def display(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    require("xprop", "x11-utils")
    with xvfb("640x480x24") as name:
        monkeypatch.setenv("DISPLAY", name)
        # An X server resets (and forgets the root window's properties) when its last client
        # leaves: one stays connected, as a desktop's window manager does.
        lib = x11_library()
        kept = lib.XOpenDisplay(name.encode())
        assert kept
        try:
            yield name
        finally:
            lib.XCloseDisplay(kept)


def xprop(display: str, *args: str) -> str:
    return subprocess.run(
        ["xprop", "-display", display, *args], capture_output=True, text=True, check=True
    ).stdout


def in_front(display: str, *states: str) -> None:
    """As a window manager says it: the window in front (the root one stands in) and its state."""
    window = root_id(display)
    xprop(display, "-root", "-f", "_NET_ACTIVE_WINDOW", "32c", "-set", "_NET_ACTIVE_WINDOW", window)
    xprop(display, "-root", "-f", "_NET_WM_STATE", "32a", "-set", "_NET_WM_STATE", ",".join(states))


def root_id(display: str) -> str:
    shown = subprocess.run(
        ["xwininfo", "-display", display, "-root"], capture_output=True, text=True, check=True
    ).stdout
    found = re.search(r"Window id: (0x[0-9a-f]+)", shown)
    assert found is not None, shown
    return found.group(1)


def test_no_window_manager_no_window_in_front_is_not_full_screen(display: str) -> None:
    assert active_window_is_full_screen() is False


def test_the_window_in_front_full_screen_says_so_and_a_normal_one_does_not(
    display: str,
) -> None:
    in_front(display, "_NET_WM_STATE_MAXIMIZED_VERT")
    assert active_window_is_full_screen() is False
    in_front(display, "_NET_WM_STATE_FULLSCREEN")
    assert active_window_is_full_screen() is True


def test_without_a_display_it_is_not_full_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    assert active_window_is_full_screen() is False


def test_a_full_screen_window_in_front_is_a_quiet_moment(
    qtbot: QtBot, display: str, desktop: Callable[..., object]
) -> None:
    desktop("screensaver")  # not locked
    bus = DesktopBus()
    quiet = QuietCheck(bus)
    answers: list[bool] = []
    quiet.ask(answers.append)
    qtbot.waitUntil(lambda: answers == [False])
    in_front(display, "_NET_WM_STATE_FULLSCREEN")
    quiet.ask(answers.append)
    qtbot.waitUntil(lambda: answers == [False, True])
    bus.shutdown()
