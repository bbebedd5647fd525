"""Hinge in the background while reminders or nudges are on: closing the window asks once
whether to keep running (and then does as answered), a tray icon where the desktop has one, and
a second Hinge started on the same data folder (from the application menu) shows the first's
window instead of refusing."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator

import pytest
from desktop_bus import StandIns
from hinge_window import HingeWindow
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from hinge_desktop.storage.folder_lock import FolderLock, lock_folder
from hinge_desktop.ui.companion.tray import CompanionTray
from hinge_desktop.ui.preferences import KEEP_RUNNING, NUDGES_ON, REMINDERS_ON

Desktop = Callable[..., StandIns]


def close_by_hand(hinge: HingeWindow) -> QCloseEvent:
    """The person closes the window (its close button)."""
    closing = QCloseEvent()
    closing.spontaneous = lambda: True  # type: ignore[method-assign]
    hinge.window.closeEvent(closing)
    return closing


def question() -> QMessageBox | None:
    return next(
        (
            box
            for box in QApplication.topLevelWidgets()
            if isinstance(box, QMessageBox)
            and box.objectName() == "keepRunningBox"
            and box.isVisible()
        ),
        None,
    )


def answer(name: str) -> None:
    box = question()
    assert box is not None
    button = box.findChild(QPushButton, name)
    assert button is not None
    button.click()


def test_with_reminders_on_closing_asks_once_and_keep_running_hides_the_window(
    hinge: HingeWindow,
) -> None:
    hinge.preferences.set(REMINDERS_ON, True)
    closing = close_by_hand(hinge)
    assert not closing.isAccepted()
    assert hinge.window.isVisible()  # waiting for the answer
    answer("keepRunningButton")
    assert not hinge.window.isVisible()
    assert hinge.preferences.get(KEEP_RUNNING) == "keep"
    hinge.window.show()
    assert not close_by_hand(hinge).isAccepted()
    assert question() is None  # asked once
    assert not hinge.window.isVisible()


def test_quit_in_the_question_quits_and_is_remembered(hinge: HingeWindow) -> None:
    hinge.preferences.set(NUDGES_ON, True)
    close_by_hand(hinge)
    answer("quitHingeButton")
    assert not hinge.window.isVisible()
    assert hinge.preferences.get(KEEP_RUNNING) == "quit"


def test_without_reminders_or_nudges_closing_quits_as_before(hinge: HingeWindow) -> None:
    assert close_by_hand(hinge).isAccepted()
    assert question() is None


def test_file_quit_always_quits(hinge: HingeWindow) -> None:
    hinge.preferences.set(REMINDERS_ON, True)
    hinge.preferences.set(KEEP_RUNNING, "keep")
    hinge.window.findChild(QAction, "quitAction").trigger()  # type: ignore[union-attr]
    assert question() is None
    assert not hinge.window.isVisible()


# The offscreen platform draws no tray; the icon is still made, shown and given its menu.
@pytest.mark.qt_log_ignore("systemTrayWindowChanged", "QSystemTrayIcon")
def test_the_tray_icon_is_there_while_the_companion_is_on(qtbot: QtBot) -> None:
    on = [True]
    tray = CompanionTray(lambda: on[0], available=lambda: True)
    asked: list[str] = []
    tray.snack_requested.connect(lambda: asked.append("snack"))
    tray.show_requested.connect(lambda: asked.append("show"))
    tray.follow()
    assert tray.icon is not None
    menu = tray.icon.contextMenu()
    assert [a.text() for a in menu.actions() if a.text()] == [
        "Show Hinge",
        "Start a snack",
        "Quit Hinge",
    ]
    menu.findChild(QAction, "traySnackAction").trigger()  # type: ignore[union-attr]
    menu.findChild(QAction, "trayShowAction").trigger()  # type: ignore[union-attr]
    assert asked == ["snack", "show"]
    on[0] = False
    tray.follow()
    assert tray.icon is None
    tray.deleteLater()


def test_no_tray_icon_where_the_desktop_has_no_tray(qtbot: QtBot) -> None:
    tray = CompanionTray(lambda: True, available=lambda: False)
    tray.follow()
    assert tray.icon is None


@pytest.fixture
def held(hinge: HingeWindow) -> Iterator[FolderLock]:
    """The data folder held by the Hinge in this test's window, as a started Hinge holds it."""
    lock = lock_folder(hinge.paths.root)
    assert lock is not None
    yield lock
    lock.release()


@pytest.mark.slow
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_a_second_hinge_on_the_same_folder_shows_the_first_s_window_and_goes(
    qtbot: QtBot, desktop: Desktop, hinge: HingeWindow, held: FolderLock
) -> None:
    desktop()  # this run's bus
    hinge.preferences.set(REMINDERS_ON, True)
    hinge.preferences.set(KEEP_RUNNING, "keep")
    close_by_hand(hinge)
    assert not hinge.window.isVisible()  # in the background
    hinge.show("history")
    second = subprocess.Popen(
        [sys.executable, "-m", "hinge_desktop", "--data-dir", str(hinge.paths.root)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    try:
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=60000)
        _out, err = second.communicate()
    finally:
        second.kill()
    assert second.returncode == 0, err
    assert "already running" in err
    assert "its window is shown" in err
    qtbot.waitUntil(hinge.window.isVisible)
    assert hinge.window.current_view() == "history"
