"""Snack reminders as the person meets them, on a real session bus with a stand-in notification
daemon and screen saver: a notification at the time with Start now, Snooze 15 minutes and Skip
today, held back while the screen is locked or a workout runs, shown in Hinge's own window
where the desktop has no notification service; and the whole path from the notification to a
logged snack in the app."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta

import pytest
from desktop_bus import StandIns
from hinge_window import HingeWindow
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from hinge_desktop import APP_ID
from hinge_desktop.domain.snacks import SNACK_ROUTINE_ID
from hinge_desktop.paths import DataPaths
from hinge_desktop.ui.companion.snack_reminders import SnackReminders
from hinge_desktop.ui.desktop.bus_calls import DesktopBus
from hinge_desktop.ui.desktop.notifications import Notifier
from hinge_desktop.ui.desktop.quiet import QuietCheck
from hinge_desktop.ui.preferences import (
    DESK_DAYS,
    REMINDER_TIMES,
    REMINDERS_ON,
    Preferences,
)

Desktop = Callable[..., StandIns]
MONDAY_MORNING = datetime(2026, 12, 7, 8, 0)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


class Day:
    """Snack reminders on their own, on the bus, at a time the test sets."""

    def __init__(self, qtbot: QtBot, paths: DataPaths, busy: bool = False) -> None:
        self.qtbot = qtbot
        self.clock = Clock(MONDAY_MORNING)
        self.bus = DesktopBus()
        self.notifier = Notifier(self.bus)
        self.preferences = Preferences(paths.settings)
        self.busy = busy
        self.done = 0
        self.started: list[bool] = []
        self.reminders = SnackReminders(
            self.preferences,
            self.notifier,
            QuietCheck(self.bus),
            busy=lambda: self.busy,
            snacks=lambda: (self.done, 2, 3),
            now=self.clock,
        )
        self.reminders.start_requested.connect(lambda: self.started.append(True))

    def at(self, hour: int, minute: int) -> None:
        """Let the time come and the check that runs every half minute run."""
        self.clock.now = MONDAY_MORNING.replace(hour=hour, minute=minute)
        self.reminders.check()
        self.qtbot.waitUntil(lambda: not self.bus.is_busy())

    def answer(self, daemon: StandIns, index: int, action: str) -> None:
        """Press a button of the ``index``-th notification (or close it: "close 2")."""
        number = notified(daemon)[index][1]
        words = action.split()
        line = f"close {number} {words[1]}" if words[0] == "close" else f"invoke {number} {action}"
        daemon.act(line)
        self.qtbot.waitUntil(lambda: not self.reminders.is_showing())

    def close(self) -> None:
        self.reminders.shutdown()
        self.notifier.shutdown()
        self.bus.shutdown()


@pytest.fixture
def day(qtbot: QtBot, paths: DataPaths) -> Iterator[Day]:
    reminders = Day(qtbot, paths)
    reminders.preferences.set(REMINDERS_ON, True)
    yield reminders
    reminders.close()


def notified(stand_ins: StandIns) -> list[list[object]]:
    return stand_ins.records("notifications", "Notify")


def test_a_reminder_is_a_notification_with_three_choices(
    qtbot: QtBot, desktop: Desktop, day: Day
) -> None:
    daemon = desktop("notifications", "screensaver")
    day.at(10, 29)
    assert notified(daemon) == []
    day.at(10, 30)
    qtbot.waitUntil(lambda: len(notified(daemon)) == 1)
    [(_, _number, application, summary, body, actions, hints)] = notified(daemon)
    assert application == "Hinge"
    assert summary == "Time for an activation snack"
    assert body == "3 minutes of glute work. 0 of 2 done today."
    assert actions == [
        "default",
        "Start now",
        "start",
        "Start now",
        "snooze",
        "Snooze 15 minutes",
        "skip",
        "Skip today",
    ]
    assert hints == {"desktop-entry": APP_ID}
    day.answer(daemon, 0, "start")
    assert day.started == [True]
    day.at(10, 31)
    assert len(notified(daemon)) == 1  # answered: not again


def test_snooze_brings_it_back_in_fifteen_minutes_and_skip_today_ends_the_day(
    qtbot: QtBot, desktop: Desktop, day: Day
) -> None:
    daemon = desktop("notifications", "screensaver")
    day.at(10, 30)
    qtbot.waitUntil(lambda: len(notified(daemon)) == 1)
    day.answer(daemon, 0, "snooze")
    day.at(10, 44)
    assert len(notified(daemon)) == 1
    day.at(10, 45)
    qtbot.waitUntil(lambda: len(notified(daemon)) == 2)
    day.answer(daemon, 1, "skip")
    day.at(15, 0)
    assert len(notified(daemon)) == 2
    assert day.started == []


def test_a_dismissed_reminder_does_not_come_back_that_day(
    qtbot: QtBot, desktop: Desktop, day: Day
) -> None:
    daemon = desktop("notifications", "screensaver")
    day.at(10, 30)
    qtbot.waitUntil(lambda: len(notified(daemon)) == 1)
    day.answer(daemon, 0, "close 2")
    for minute in (31, 45, 59):
        day.at(10, minute)
    assert len(notified(daemon)) == 1
    day.at(15, 0)
    qtbot.waitUntil(lambda: len(notified(daemon)) == 2)  # the afternoon's still comes


def test_a_reminder_still_out_when_the_snacks_are_done_is_taken_off_the_screen(
    qtbot: QtBot, desktop: Desktop, day: Day
) -> None:
    daemon = desktop("notifications", "screensaver")
    day.at(10, 30)
    qtbot.waitUntil(lambda: len(notified(daemon)) == 1)
    day.done = 2  # both done from Today meanwhile
    day.at(10, 45)
    number = notified(daemon)[0][1]
    qtbot.waitUntil(
        lambda: (
            daemon.records("notifications", "CloseNotification") == [["CloseNotification", number]]
        )
    )
    assert not day.reminders.is_showing()
    day.at(15, 0)
    assert len(notified(daemon)) == 1  # done for the day


def test_a_reminder_the_desktop_let_expire_comes_back_as_a_snoozed_one(
    qtbot: QtBot, desktop: Desktop, day: Day
) -> None:
    daemon = desktop("notifications", "screensaver")
    day.at(10, 30)
    qtbot.waitUntil(lambda: len(notified(daemon)) == 1)
    day.answer(daemon, 0, "close 1")  # expired, perhaps while the person was away
    day.at(10, 44)
    assert len(notified(daemon)) == 1
    day.at(10, 45)
    qtbot.waitUntil(lambda: len(notified(daemon)) == 2)


@pytest.mark.parametrize(
    ("service", "quiet", "over"),
    [("screensaver", "lock", "unlock"), ("notifications", "dnd-on", "dnd-off")],
    ids=["a locked screen", "do-not-disturb"],
)
def test_a_quiet_moment_holds_the_reminder_back_until_it_ends(
    qtbot: QtBot, desktop: Desktop, day: Day, service: str, quiet: str, over: str
) -> None:
    daemon = desktop("notifications", "screensaver")
    daemon.act(quiet)
    qtbot.waitUntil(lambda: daemon.records(service, quiet) != [])
    day.at(10, 30)
    day.at(10, 50)
    assert notified(daemon) == []
    daemon.act(over)
    qtbot.waitUntil(lambda: daemon.records(service, over) != [])
    day.at(10, 51)
    qtbot.waitUntil(lambda: len(notified(daemon)) == 1)


def test_no_reminder_comes_while_a_workout_runs(
    qtbot: QtBot, desktop: Desktop, paths: DataPaths
) -> None:
    daemon = desktop("notifications", "screensaver")
    day = Day(qtbot, paths, busy=True)
    try:
        day.preferences.set(REMINDERS_ON, True)
        day.at(10, 30)
        assert notified(daemon) == []
        day.busy = False
        day.at(10, 40)
        qtbot.waitUntil(lambda: len(notified(daemon)) == 1)
    finally:
        day.close()


# The offscreen platform has no window stack to raise a window in; a desktop's has.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_without_a_notification_service_hinge_shows_its_own_window(
    qtbot: QtBot, desktop: Desktop, day: Day
) -> None:
    desktop()  # a bus with no notification daemon and no tray
    day.at(10, 30)
    window = next(
        (w for w in QApplication.topLevelWidgets() if w.objectName() == "noticeWindow"), None
    )
    assert window is not None
    qtbot.waitUntil(window.isVisible)
    assert window.findChild(QLabel, "noticeSummary").text() == "Time for an activation snack"  # type: ignore[union-attr]
    labels = [b.text() for b in window.findChildren(QPushButton)]
    assert labels == ["Start now", "Snooze 15 minutes", "Skip today"]
    start = window.findChild(QPushButton, "notice_start")
    assert start is not None
    start.click()
    assert day.started == [True]
    assert not window.isVisible()


def test_turning_reminders_on_and_off_starts_and_stops_them(day: Day) -> None:
    assert day.reminders.is_on()
    day.preferences.set(REMINDERS_ON, False)
    assert not day.reminders.is_on()


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_from_the_notification_to_a_logged_snack_in_the_app(
    qtbot: QtBot, desktop: Desktop, hinge: HingeWindow
) -> None:
    daemon = desktop("notifications", "screensaver")
    now = datetime.now()
    hinge.preferences.set(DESK_DAYS, "1,2,3,4,5,6,7")
    hinge.preferences.set(REMINDER_TIMES, now.strftime("%H:%M"))
    assert hinge.views.today.wait_until_loaded()
    hinge.show("history")
    hinge.preferences.set(REMINDERS_ON, True)  # as the check box in Settings does
    qtbot.waitUntil(lambda: len(notified(daemon)) == 1, timeout=10000)
    daemon.act(f"invoke {notified(daemon)[0][1]} start")
    qtbot.waitUntil(lambda: hinge.window.current_view() == "workout")
    plan = hinge.views.workout.plan()
    assert plan is not None
    assert plan.routine_id == SNACK_ROUTINE_ID
    hinge.log_first_set()
    hinge.show("today")
    assert hinge.views.today.wait_until_loaded()
    assert hinge.widget(QLabel, "todaySnacksValue").text() == "1 of 2 today"
    assert isinstance(hinge.window, QWidget)
    assert now + timedelta(minutes=5) > datetime.now()  # all within the snack's few minutes
