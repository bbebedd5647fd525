"""Settings of the daily companion: snack reminders on or off, the desk days and the times."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QLocale, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QTimeEdit,
    QWidget,
)

from hinge_desktop.domain.reminders import DEFAULT_TIMES, read_times, write_times
from hinge_desktop.domain.snacks import read_days, write_days
from hinge_desktop.ui.preferences import DESK_DAYS, REMINDER_TIMES, REMINDERS_ON, Preferences

TIMES_SHOWN = 2


class CompanionGroup(QGroupBox):
    """Reminders of the day's activation snacks, in plain words."""

    def __init__(self, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Daily companion"), parent)
        self._preferences = preferences
        form = QFormLayout(self)
        explained = QLabel(
            self.tr(
                "The articles ask for glute activation every day, maybe twice a day. Hinge counts "
                "two activation snacks on your desk days and one on the others. With reminders "
                "on, a notification comes at each time on your desk days while today's snacks "
                "are not done: Start now opens the snack, Snooze brings it back in 15 minutes, "
                "Skip today ends them until tomorrow. None comes while your screen is locked or "
                "a workout runs. Nothing is sent anywhere."
            )
        )
        explained.setObjectName("companionNote")
        explained.setWordWrap(True)
        form.addRow(explained)

        self.reminders = QCheckBox(self.tr("Remind me to do an activation snack"))
        self.reminders.setObjectName("remindersCheck")
        self.reminders.setAccessibleName(REMINDERS_ON.display_label())
        self.reminders.toggled.connect(lambda on: preferences.set(REMINDERS_ON, on))
        form.addRow(self.reminders)

        days = QHBoxLayout()
        self.days: dict[int, QCheckBox] = {}
        locale = QLocale()
        for day in range(1, 8):
            box = QCheckBox(locale.dayName(day, QLocale.FormatType.ShortFormat))
            box.setObjectName(f"deskDay{day}")
            box.setAccessibleName(locale.dayName(day, QLocale.FormatType.LongFormat))
            box.toggled.connect(self._days_chosen)
            self.days[day] = box
            days.addWidget(box)
        days.addStretch(1)
        form.addRow(DESK_DAYS.display_label() + ":", days)

        times = QHBoxLayout()
        self.times: list[QTimeEdit] = []
        for number in range(1, TIMES_SHOWN + 1):
            edit = QTimeEdit()
            edit.setObjectName(f"reminderTime{number}")
            edit.setAccessibleName(self.tr("Reminder {number}").format(number=number))
            edit.setDisplayFormat("HH:mm")
            edit.timeChanged.connect(self._times_chosen)
            self.times.append(edit)
            times.addWidget(edit)
        times.addStretch(1)
        form.addRow(REMINDER_TIMES.display_label() + ":", times)
        self.show_preferences()
        preferences.changed.connect(self._on_preference_changed)

    def show_preferences(self) -> None:
        """Show the settings as they are, without writing them back."""
        preferences = self._preferences
        widgets = [self.reminders, *self.days.values(), *self.times]
        for widget in widgets:
            widget.blockSignals(True)
        self.reminders.setChecked(preferences.get(REMINDERS_ON))
        chosen = read_days(preferences.get(DESK_DAYS))
        for day, box in self.days.items():
            box.setChecked(day in chosen)
        times = read_times(preferences.get(REMINDER_TIMES)) or DEFAULT_TIMES
        for edit, at in zip(self.times, (*times, *DEFAULT_TIMES[len(times) :]), strict=False):
            edit.setTime(QTime(at.hour, at.minute))
        for widget in widgets:
            widget.blockSignals(False)

    def _days_chosen(self) -> None:
        chosen = [day for day, box in self.days.items() if box.isChecked()]
        self._preferences.set(DESK_DAYS, write_days(chosen))

    def _times_chosen(self) -> None:
        chosen = tuple(time(edit.time().hour(), edit.time().minute()) for edit in self.times)
        self._preferences.set(REMINDER_TIMES, write_times(chosen))

    def _on_preference_changed(self, key: str) -> None:
        if key in (REMINDERS_ON.key, DESK_DAYS.key, REMINDER_TIMES.key):
            self.show_preferences()
