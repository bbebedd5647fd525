"""Snack reminders: when each is due, and what a snooze, a skip, a dismissal, a quiet moment (a
locked screen, do-not-disturb, a workout running: the caller tells) and a closed Hinge do to it.

Pure, with the time given, so a whole working day runs in a test in milliseconds. The rules are
the ones people ask of break reminders: a reminder comes at its time on the chosen days; one
answered or dismissed does not come back that day; a snooze brings it back
after :data:`SNOOZE`; "skip today" ends the day's reminders; while the person cannot be
disturbed it waits, and is dropped after :data:`QUIET_LIMIT`; one missed while Hinge was closed
or the computer slept (by more than :data:`GRACE`) is never shown late, and several due at once
come as one. No reminder comes once the day's snacks are done.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from enum import Enum

from hinge_desktop.domain.snacks import WORKING_WEEK

SNOOZE = timedelta(minutes=15)
GRACE = timedelta(minutes=20)
"""How late a reminder may still come: Hinge started, or the computer woke, just after it."""
QUIET_LIMIT = timedelta(hours=2)
"""How long a reminder waits for a locked screen, a call or a full-screen window to end."""
SHOWN_LIMIT = timedelta(hours=1)
"""A reminder shown and never answered (a notification lost) counts as dismissed after this."""
DEFAULT_TIMES = (time(10, 30), time(15, 0))
MAX_TIMES = 4


class Answer(Enum):
    """What the person did with a reminder shown."""

    START = "start"
    SNOOZE = "snooze"
    SKIP_TODAY = "skip"
    DISMISSED = "dismissed"
    """Closed without a choice, or left to expire: it does not come back that day."""


@dataclass(frozen=True)
class ReminderSettings:
    enabled: bool = False
    days: frozenset[int] = WORKING_WEEK
    """ISO weekday numbers."""
    times: tuple[time, ...] = DEFAULT_TIMES


@dataclass(frozen=True)
class Reminder:
    """One reminder: the day and the time it was set for."""

    day: date
    at: time

    @property
    def moment(self) -> datetime:
        return datetime.combine(self.day, self.at)


@dataclass(frozen=True)
class ReminderRecord:
    """What was done with the day's reminders, kept across restarts of Hinge that day."""

    day: date | None = None
    handled: frozenset[time] = frozenset()
    skipped: bool = False

    def for_day(self, day: date) -> ReminderRecord:
        return self if self.day == day else ReminderRecord(day)


def next_reminder(
    settings: ReminderSettings, record: ReminderRecord, now: datetime, days_ahead: int = 7
) -> datetime | None:
    """When the next reminder is set for, as far as can be told now (a snooze, a workout or the
    day's snacks done may move it): None when reminders are off or no day is chosen."""
    if not settings.enabled or not settings.times or not settings.days:
        return None
    now = now.replace(tzinfo=None)
    for offset in range(days_ahead + 1):
        day = now.date() + timedelta(days=offset)
        if day.isoweekday() not in settings.days:
            continue
        today = record.for_day(day)
        if today.skipped:
            continue
        for at in sorted(settings.times):
            moment = datetime.combine(day, at)
            if moment > now and at not in today.handled:
                return moment
    return None


def write_record(record: ReminderRecord) -> str:
    """The record as kept in the settings: "2026-12-07|10:30,15:00|skipped"."""
    if record.day is None:
        return ""
    skipped = "skipped" if record.skipped else ""
    return f"{record.day.isoformat()}|{write_times(tuple(record.handled))}|{skipped}"


def read_record(text: str) -> ReminderRecord:
    """The record from its kept form; anything unreadable is an empty record."""
    day_text, _, rest = text.partition("|")
    handled, _, skipped = rest.partition("|")
    try:
        day = date.fromisoformat(day_text)
    except ValueError:
        return ReminderRecord()
    return ReminderRecord(day, frozenset(read_times(handled)), skipped == "skipped")


def read_times(text: str) -> tuple[time, ...]:
    """Times from their stored form, "10:30,15:00", in order; what is not one is left out."""
    times = set()
    for part in text.split(","):
        hours, _, minutes = part.strip().partition(":")
        if hours.isdigit() and minutes.isdigit() and int(hours) < 24 and int(minutes) < 60:
            times.add(time(int(hours), int(minutes)))
    return tuple(sorted(times))[:MAX_TIMES]


def write_times(times: tuple[time, ...]) -> str:
    return ",".join(t.strftime("%H:%M") for t in sorted(set(times)))


@dataclass
class ReminderSchedule:
    """The day's reminders as time passes: ask :meth:`due` now and then (every half minute, and
    when a quiet moment ends), then tell it what became of the one shown."""

    settings: ReminderSettings
    record: ReminderRecord = field(default_factory=ReminderRecord)
    _pending: dict[time, datetime] = field(default_factory=dict)
    """Reminders due and not yet shown: since when each has waited."""
    _snoozed: dict[time, datetime] = field(default_factory=dict)
    _showing: Reminder | None = None
    _shown_at: datetime | None = None

    def due(self, now: datetime, *, quiet: bool = False, snacks_left: int = 1) -> Reminder | None:
        """The reminder to show now (at most one), or None. ``now`` is local, naive or not;
        ``quiet``: the person cannot be disturbed; ``snacks_left``: snacks still to do today."""
        now = now.replace(tzinfo=None)
        day = now.date()
        if self.record.day != day:
            self._new_day(day)
        shown, since = self._showing, self._shown_at
        if shown is not None and since is not None and now - since > SHOWN_LIMIT:
            self.answered(shown, Answer.DISMISSED, now)  # lost, never answered
        if not self._active(day) or self._showing is not None:
            return None
        self._observe(now)
        if not self._pending:
            return None
        if snacks_left <= 0:
            self._handle(*self._pending)  # done for today: nothing to remind of
            return None
        for at, since in list(self._pending.items()):
            if now - since > QUIET_LIMIT:
                self._handle(at)  # waited too long for a quiet moment to end
        if quiet or not self._pending:
            return None
        latest = max(self._pending)
        self._handle(*(at for at in self._pending if at != latest))  # never a burst
        del self._pending[latest]
        self._showing, self._shown_at = Reminder(day, latest), now
        return self._showing

    def answered(self, reminder: Reminder, answer: Answer, now: datetime) -> None:
        """The person answered (or closed) the reminder shown."""
        if self._showing == reminder:
            self._showing = None
        if reminder.day != self.record.day:
            return
        if answer is Answer.SNOOZE:
            self._snoozed[reminder.at] = now.replace(tzinfo=None) + SNOOZE
        elif answer is Answer.SKIP_TODAY:
            self.skip_today()
        else:
            self._handle(reminder.at)

    def skip_today(self) -> None:
        self.record = replace(self.record, skipped=True)
        self._pending.clear()
        self._snoozed.clear()

    def showing(self) -> Reminder | None:
        return self._showing

    def change_settings(self, settings: ReminderSettings) -> None:
        self.settings = settings
        self._pending = {at: s for at, s in self._pending.items() if at in settings.times}
        self._snoozed = {at: s for at, s in self._snoozed.items() if at in settings.times}

    # Inside ----------------------------------------------------------------------------------

    def _new_day(self, day: date) -> None:
        self.record = self.record.for_day(day)
        self._pending.clear()
        self._snoozed.clear()
        self._showing = None

    def _active(self, day: date) -> bool:
        settings = self.settings
        return settings.enabled and day.isoweekday() in settings.days and not self.record.skipped

    def _observe(self, now: datetime) -> None:
        """Reminders whose time (or snooze) has come join the waiting; those found long after
        their time, because Hinge was closed or the computer slept, are let go."""
        for at in self.settings.times:
            if at in self.record.handled or at in self._pending:
                continue
            moment = self._snoozed.get(at, datetime.combine(now.date(), at))
            if moment > now:
                continue
            self._snoozed.pop(at, None)
            if now - moment > GRACE:
                self._handle(at)
            else:
                self._pending[at] = moment

    def _handle(self, *times: time) -> None:
        for at in times:
            self._pending.pop(at, None)
        self.record = replace(self.record, handled=self.record.handled | set(times))
