"""Desk nudges and the daily companion's settings, as the person meets them: a quiet notification
now and then in working hours (none while the screen is locked, none in a window of Hinge's own
where the desktop has no notification service), counted on Today; and the settings that turn
reminders and nudges on and set their days and times."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime

import pytest
from desktop_bus import StandIns
from hinge_window import HingeWindow
from PySide6.QtCore import QTime
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLabel, QTimeEdit
from pytestqt.qtbot import QtBot

from hinge_desktop.domain.nudges import CUES
from hinge_desktop.paths import DataPaths
from hinge_desktop.ui.companion.desk_nudges import DeskNudges
from hinge_desktop.ui.desktop.bus_calls import DesktopBus
from hinge_desktop.ui.desktop.notifications import Notifier
from hinge_desktop.ui.desktop.quiet import QuietCheck
from hinge_desktop.ui.preferences import (
    DESK_DAYS,
    KEEP_RUNNING,
    NUDGE_EVERY,
    NUDGE_HOURS,
    NUDGE_RECORD,
    NUDGES_ON,
    REMINDER_TIMES,
    REMINDERS_ON,
    Preferences,
)

Desktop = Callable[..., StandIns]
MONDAY = datetime(2026, 12, 7, 8, 0)


class Desk:
    def __init__(self, qtbot: QtBot, paths: DataPaths) -> None:
        self.qtbot = qtbot
        self.now = MONDAY
        self.bus = DesktopBus()
        self.notifier = Notifier(self.bus)
        self.preferences = Preferences(paths.settings)
        self.preferences.set(NUDGES_ON, True)
        self.counts: list[int] = []
        self.nudges = DeskNudges(
            self.preferences,
            self.notifier,
            QuietCheck(self.bus),
            busy=lambda: False,
            now=lambda: self.now,
        )
        self.nudges.counted.connect(self.counts.append)

    def at(self, hour: int, minute: int = 0) -> None:
        self.now = MONDAY.replace(hour=hour, minute=minute)
        self.nudges.check()
        self.qtbot.waitUntil(lambda: not self.bus.is_busy())

    def close(self) -> None:
        self.nudges.shutdown()
        self.notifier.shutdown()
        self.bus.shutdown()


@pytest.fixture
def desk(qtbot: QtBot, paths: DataPaths) -> Iterator[Desk]:
    nudging = Desk(qtbot, paths)
    yield nudging
    nudging.close()


def test_a_nudge_is_a_short_passing_notification_with_a_cue_from_the_articles(
    qtbot: QtBot, desktop: Desktop, desk: Desk
) -> None:
    daemon = desktop("notifications", "screensaver")
    desk.at(9, 59)
    desk.at(10, 0)
    qtbot.waitUntil(lambda: len(daemon.records("notifications", "Notify")) == 1)
    [(_, _n, application, summary, body, actions, hints)] = daemon.records(
        "notifications", "Notify"
    )
    assert (application, summary) == ("Hinge", "A moment for your hips")
    assert body == CUES[0][0]
    assert actions == []  # nothing to answer
    assert hints["transient"] == "True"  # not kept in the desktop's list
    assert desk.counts == [1]
    assert desk.preferences.get(NUDGE_RECORD) == "2026-12-07|1"


def test_no_nudge_while_the_screen_is_locked_and_none_in_a_window_of_its_own(
    qtbot: QtBot, desktop: Desktop, desk: Desk
) -> None:
    saver = desktop("screensaver")  # no notification daemon here
    saver.act("lock")
    qtbot.waitUntil(lambda: saver.records("screensaver", "lock") != [])
    desk.at(10, 0)
    assert desk.counts == []  # let go, not held back
    saver.act("unlock")
    qtbot.waitUntil(lambda: saver.records("screensaver", "unlock") != [])
    desk.at(10, 5)
    assert desk.counts == []
    desk.at(11, 0)
    assert desk.counts == [1]
    windows = [w for w in QApplication.topLevelWidgets() if w.objectName() == "noticeWindow"]
    assert not any(w.isVisible() for w in windows)


def test_today_counts_the_day_s_nudges_while_they_are_on(hinge: HingeWindow) -> None:
    today = hinge.views.today
    assert today.wait_until_loaded()
    detail = hinge.widget(QLabel, "todaySnacksDetail")
    assert "nudge" not in detail.text()
    hinge.preferences.set(NUDGE_RECORD, f"{datetime.now().date().isoformat()}|3")
    hinge.preferences.set(NUDGES_ON, True)
    today.show_snack_card()
    assert "3 desk nudges today." in detail.text()


def test_the_companion_settings_set_what_reminds_and_nudges_and_when(
    hinge: HingeWindow,
) -> None:
    hinge.show("settings")
    preferences = hinge.preferences
    upcoming = hinge.widget(QLabel, "nextReminderLabel")
    assert upcoming.isHidden()  # off: nothing is due
    hinge.widget(QCheckBox, "remindersCheck").click()
    assert preferences.get(REMINDERS_ON) is True
    assert not upcoming.isHidden()
    assert upcoming.text().startswith("Next reminder: ")
    hinge.widget(QCheckBox, "deskDay5").click()  # Friday off
    hinge.widget(QCheckBox, "deskDay6").click()  # Saturday on
    assert preferences.get(DESK_DAYS) == "1,2,3,4,6"
    second = hinge.widget(QTimeEdit, "reminderTime2")
    second.setTime(QTime(16, 15))
    assert preferences.get(REMINDER_TIMES) == "10:30,15:00"  # not while typing
    second.editingFinished.emit()
    assert preferences.get(REMINDER_TIMES) == "10:30,16:15"
    second.setTime(QTime(10, 30))  # the same as the first: not taken
    second.editingFinished.emit()
    assert preferences.get(REMINDER_TIMES) == "10:30,16:15"
    assert second.time() == QTime(16, 15)
    hinge.widget(QCheckBox, "nudgesCheck").click()
    assert preferences.get(NUDGES_ON) is True
    every = hinge.widget(QComboBox, "nudgeEveryCombo")
    every.setCurrentIndex(every.findData(45))
    assert preferences.get(NUDGE_EVERY) == 45
    start = hinge.widget(QTimeEdit, "nudgeFrom")
    start.setTime(QTime(8, 30))
    start.editingFinished.emit()
    assert preferences.get(NUDGE_HOURS) == "08:30,17:00"
    start.setTime(QTime(18, 0))  # after the end: not taken
    start.editingFinished.emit()
    assert preferences.get(NUDGE_HOURS) == "08:30,17:00"
    assert start.time() == QTime(8, 30)
    hinge.widget(QCheckBox, "startAtLoginCheck")  # there, tested in test_autostart.py
    on_close = hinge.widget(QComboBox, "keepRunningCombo")
    assert on_close.currentData() == "ask"
    on_close.setCurrentIndex(on_close.findData("keep"))
    assert preferences.get(KEEP_RUNNING) == "keep"
    # Turned on elsewhere (another window's settings), the boxes follow.
    preferences.set(REMINDERS_ON, False)
    assert not hinge.widget(QCheckBox, "remindersCheck").isChecked()
    assert hinge.views.companion.reminders.is_on() is False
    assert hinge.views.companion.nudges.is_on() is True
