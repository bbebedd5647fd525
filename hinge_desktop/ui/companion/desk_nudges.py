"""Desk nudges as the person meets them: now and then during working hours, a quiet notification
with one cue from the articles, let go while the screen is locked or a workout runs. How many
came today is kept, for Today to show."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, Signal

from hinge_desktop.domain.nudges import (
    NudgeSchedule,
    NudgeSettings,
    nudges_on,
    write_nudge_record,
)
from hinge_desktop.domain.reminders import read_times
from hinge_desktop.domain.snacks import read_days
from hinge_desktop.ui.companion.companion_check import CompanionCheck, local_now
from hinge_desktop.ui.desktop.notifications import Notice, Notifier
from hinge_desktop.ui.desktop.quiet import QuietCheck
from hinge_desktop.ui.preferences import (
    DESK_DAYS,
    NUDGE_EVERY,
    NUDGE_HOURS,
    NUDGE_RECORD,
    NUDGES_ON,
    Preferences,
)

_KEYS = {NUDGES_ON.key, NUDGE_EVERY.key, NUDGE_HOURS.key, DESK_DAYS.key}


def nudge_settings(preferences: Preferences) -> NudgeSettings:
    hours = read_times(preferences.get(NUDGE_HOURS))
    start, end = (
        (hours[0], hours[-1]) if len(hours) >= 2 else (NudgeSettings.start, NudgeSettings.end)
    )
    return NudgeSettings(
        enabled=preferences.get(NUDGES_ON),
        days=read_days(preferences.get(DESK_DAYS)),
        start=start,
        end=end,
        every=preferences.get(NUDGE_EVERY),
    )


class DeskNudges(CompanionCheck):
    """Shows each desk nudge due; ``counted`` after each, with the day's count."""

    counted = Signal(int)

    def __init__(
        self,
        preferences: Preferences,
        notifier: Notifier,
        quiet: QuietCheck,
        *,
        busy: Callable[[], bool],
        now: Callable[[], datetime] = local_now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__("deskNudgeTimer", preferences, notifier, quiet, busy, now, parent)
        self._schedule = NudgeSchedule(nudge_settings(preferences))
        today = now().date()
        self._schedule.resume(today, nudges_on(preferences.get(NUDGE_RECORD), today))
        preferences.changed.connect(self._on_preference_changed)
        self.follow_setting()

    def enabled(self) -> bool:
        return self._schedule.settings.enabled

    def _on_preference_changed(self, key: str) -> None:
        if key in _KEYS:
            self._schedule.change_settings(nudge_settings(self._preferences))
            self.follow_setting()

    def decide(self, now: datetime, quiet: bool) -> None:
        cue = self._schedule.due(now, quiet=quiet)
        if cue is None:
            return
        count = self._schedule.shown_today
        self._preferences.set(NUDGE_RECORD, write_nudge_record(now.date(), count))
        self._notifier.show(
            Notice(
                key=f"nudge-{now.isoformat(timespec='minutes')}",
                summary=self.tr("A moment for your hips"),
                body=QCoreApplication.translate("Nudges", cue),
                quiet=True,
            )
        )
        self.counted.emit(count)
