"""Snack reminders as the person meets them: a notification at each time set, on the days set,
with Start now, Snooze 15 minutes and Skip today. The rules of when (``domain/reminders.py``)
are asked every half minute while reminders are on, with whether the screen is locked or a
workout runs; what became of today's reminders is kept in the settings across restarts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Signal

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
from hinge_desktop.ui.companion.companion_check import CompanionCheck, local_now
from hinge_desktop.ui.desktop.notifications import EXPIRED_ACTION, Notice, Notifier
from hinge_desktop.ui.desktop.quiet import QuietCheck
from hinge_desktop.ui.preferences import (
    DESK_DAYS,
    REMINDER_RECORD,
    REMINDER_TIMES,
    REMINDERS_ON,
    Preferences,
)

_KEYS = {REMINDERS_ON.key, REMINDER_TIMES.key, DESK_DAYS.key}
_ANSWERS = {
    "start": Answer.START,
    "snooze": Answer.SNOOZE,
    "skip": Answer.SKIP_TODAY,
    "": Answer.DISMISSED,
    # Taken away by the desktop itself, perhaps while the person was away: it comes back as
    # a snoozed one would, not lost for the day.
    EXPIRED_ACTION: Answer.SNOOZE,
}


class SnackReminders(CompanionCheck):
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
        super().__init__("snackReminderTimer", preferences, notifier, quiet, busy, now, parent)
        self._snacks = snacks
        self._schedule = ReminderSchedule(
            self._settings(), read_record(preferences.get(REMINDER_RECORD))
        )
        notifier.answered.connect(self._answered)
        preferences.changed.connect(self._on_preference_changed)
        self.follow_setting(check_now=True)

    def enabled(self) -> bool:
        return self._schedule.settings.enabled

    def is_showing(self) -> bool:
        """A reminder is out, not yet answered."""
        return self._schedule.showing() is not None

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
            self.follow_setting(check_now=True)

    def decide(self, now: datetime, quiet: bool) -> None:
        snacks = self._snacks()
        done, goal, minutes = snacks if snacks is not None else (0, 1, 0)
        out = self._schedule.showing()
        if out is not None and done >= goal:
            # Done meanwhile (from Today, the library): the question is answered.
            self._schedule.answered(out, Answer.DISMISSED, now)
        reminder = self._schedule.due(now, quiet=quiet, snacks_left=goal - done)
        if out is not None and self._schedule.showing() != out:
            self._notifier.withdraw(_key(out))  # answered, or left too long: off the screen
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
