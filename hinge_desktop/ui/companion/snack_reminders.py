"""Snack reminders as the person meets them: a notification at each time set, on the days set,
with Start now, Snooze 15 minutes and Skip today. The rules of when (``domain/reminders.py``)
are asked every half minute while reminders are on, with whether the screen is locked or a
workout runs; what became of today's reminders is kept in the settings across restarts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from hinge_desktop.domain.reminders import (
    Answer,
    Reminder,
    ReminderSchedule,
    ReminderSettings,
    read_record,
    read_times,
    write_record,
)
from hinge_desktop.domain.snacks import read_days
from hinge_desktop.ui.desktop.notifications import Notice, Notifier
from hinge_desktop.ui.desktop.quiet import QuietCheck
from hinge_desktop.ui.preferences import (
    DESK_DAYS,
    REMINDER_RECORD,
    REMINDER_TIMES,
    REMINDERS_ON,
    Preferences,
)

CHECK_MS = 30_000
_KEYS = {REMINDERS_ON.key, REMINDER_TIMES.key, DESK_DAYS.key}
_ANSWERS = {
    "start": Answer.START,
    "snooze": Answer.SNOOZE,
    "skip": Answer.SKIP_TODAY,
    "": Answer.DISMISSED,
}


def local_now() -> datetime:
    return datetime.now().astimezone().replace(tzinfo=None)


class SnackReminders(QObject):
    """Shows each snack reminder due; ``start_requested`` when the person chose Start now."""

    start_requested = Signal()

    def __init__(
        self,
        preferences: Preferences,
        notifier: Notifier,
        quiet: QuietCheck,
        *,
        busy: Callable[[], bool],
        snacks: Callable[[], tuple[int, int, int] | None],
        now: Callable[[], datetime] = local_now,
        parent: QObject | None = None,
    ) -> None:
        """``busy``: a workout runs (no reminder then); ``snacks``: (done today, the day's goal,
        the snack's minutes) as last read, or None before the first reading."""
        super().__init__(parent)
        self._preferences = preferences
        self._notifier = notifier
        self._quiet = quiet
        self._busy = busy
        self._snacks = snacks
        self._now = now
        self._asking: bool | None = False
        """A check waits for the desktop's answer; None once shut down."""
        self._schedule = ReminderSchedule(
            self._settings(), read_record(preferences.get(REMINDER_RECORD))
        )
        self._timer = QTimer(self)
        self._timer.setObjectName("snackReminderTimer")
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.check)
        notifier.answered.connect(self._answered)
        preferences.changed.connect(self._on_preference_changed)
        self._follow_setting()

    def is_on(self) -> bool:
        return self._timer.isActive()

    def is_showing(self) -> bool:
        """A reminder is out, not yet answered."""
        return self._schedule.showing() is not None

    def check(self) -> None:
        """Show the reminder due now, if one is (the timer calls this every half minute)."""
        if self._asking is not False or not self._schedule.settings.enabled:
            return
        self._asking = True
        self._quiet.ask(self._decide)

    def shutdown(self) -> None:
        """Remind no more (Hinge is quitting, or a restore replaces the window); once."""
        if self._asking is None:
            return
        self._timer.stop()
        self._asking = None  # an answer still on its way shows nothing

    # Inside ----------------------------------------------------------------------------------

    def _settings(self) -> ReminderSettings:
        preferences = self._preferences
        return ReminderSettings(
            enabled=preferences.get(REMINDERS_ON),
            days=read_days(preferences.get(DESK_DAYS)),
            times=read_times(preferences.get(REMINDER_TIMES)),
        )

    def _on_preference_changed(self, key: str) -> None:
        if key in _KEYS:
            self._schedule.change_settings(self._settings())
            self._follow_setting()

    def _follow_setting(self) -> None:
        if self._schedule.settings.enabled and not self._timer.isActive():
            self._timer.start()
            QTimer.singleShot(0, self, self.check)
        elif not self._schedule.settings.enabled:
            self._timer.stop()

    def _decide(self, locked: bool) -> None:
        if self._asking is not True:
            return
        self._asking = False
        snacks = self._snacks()
        done, goal, minutes = snacks if snacks is not None else (0, 1, 0)
        reminder = self._schedule.due(
            self._now(), quiet=locked or self._busy(), snacks_left=goal - done
        )
        self._save()
        if reminder is not None:
            self._notifier.show(self._notice(reminder, done, goal, minutes))

    def _notice(self, reminder: Reminder, done: int, goal: int, minutes: int) -> Notice:
        if minutes:
            body = self.tr("{minutes} minutes of glute work. {done} of {goal} done today.")
        else:
            body = self.tr("A few minutes of glute work. {done} of {goal} done today.")
        return Notice(
            key=_key(reminder),
            summary=self.tr("Time for an activation snack"),
            body=body.format(minutes=minutes, done=done, goal=goal),
            actions=(
                ("start", self.tr("Start now")),
                ("snooze", self.tr("Snooze 15 minutes")),
                ("skip", self.tr("Skip today")),
            ),
        )

    def _answered(self, key: str, action: str) -> None:
        reminder = self._schedule.showing()
        if reminder is None or _key(reminder) != key or action not in _ANSWERS:
            return
        answer = _ANSWERS[action]
        self._schedule.answered(reminder, answer, self._now())
        self._save()
        if answer is Answer.START:
            self.start_requested.emit()

    def _save(self) -> None:
        self._preferences.set(REMINDER_RECORD, write_record(self._schedule.record))


def _key(reminder: Reminder) -> str:
    return f"snack-{reminder.day.isoformat()}-{reminder.at.strftime('%H%M')}"
