"""Settings of the daily companion: snack reminders on or off, the desk days and the times."""

from __future__ import annotations

from datetime import datetime, time

from PySide6.QtCore import QLocale, QTime
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from hinge_desktop.domain.reminders import (
    DEFAULT_TIMES,
    ReminderSettings,
    next_reminder,
    read_record,
    read_times,
    write_times,
)
from hinge_desktop.domain.snacks import read_days, write_days
from hinge_desktop.ui.preferences import (
    DESK_DAYS,
    KEEP_RUNNING,
    NUDGE_EVERY,
    NUDGE_HOURS,
    NUDGES_ON,
    REMINDER_RECORD,
    REMINDER_TIMES,
    REMINDERS_ON,
    START_AT_LOGIN,
    Preference,
    Preferences,
)
from hinge_desktop.ui.settings.choice_combo import choice_combo

TIMES_SHOWN = 2
TEXT_WIDTH = 660
"""The width the group's explanations wrap at, at most (the settings' groups are 720 wide)."""


def _keep_whole(label: QLabel) -> None:
    """Wrap ``label`` and keep it as tall as its lines need in the group: a wrapped label may
    otherwise be squeezed to one line when the page is taller than the window."""
    label.setWordWrap(True)
    label.setMinimumHeight(label.heightForWidth(TEXT_WIDTH))


class CompanionGroup(QGroupBox):
    """Reminders of the day's activation snacks, in plain words."""

    def __init__(self, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Daily companion"), parent)
        self._preferences = preferences
        # Never squeezed below what its fields need: the page scrolls instead.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        column = QVBoxLayout(self)
        explained = QLabel(
            self.tr(
                "The articles ask for glute activation every day, maybe twice a day: Today counts "
                "two activation snacks on desk days, one on the others. Reminders come at these "
                "times on desk days until the day's snacks are done, with Start now, Snooze and "
                "Skip today; none while your screen is locked or a workout runs."
            )
        )
        explained.setObjectName("companionNote")
        _keep_whole(explained)
        column.addWidget(explained)

        self.reminders = self._switch(
            REMINDERS_ON, self.tr("Remind me to do an activation snack"), "remindersCheck"
        )
        column.addWidget(self.reminders)
        form = QFormLayout()
        column.addLayout(form)

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
            # Saved when the person is done with the field, not at each digit typed.
            edit.editingFinished.connect(self._times_chosen)
            self.times.append(edit)
            times.addWidget(edit)
        times.addStretch(1)
        form.addRow(REMINDER_TIMES.display_label() + ":", times)
        self.next_label = QLabel()
        self.next_label.setObjectName("nextReminderLabel")
        form.addRow("", self.next_label)

        nudges_explained = QLabel(
            self.tr(
                "Desk nudges: in your working hours on desk days, now and then a short "
                "notification with one cue from the articles, such as squeezing your glutes. "
                "Nothing is sent anywhere."
            )
        )
        nudges_explained.setObjectName("nudgesNote")
        _keep_whole(nudges_explained)
        column.addSpacing(8)
        column.addWidget(nudges_explained)
        self.nudges = self._switch(NUDGES_ON, NUDGES_ON.display_label(), "nudgesCheck")
        column.addWidget(self.nudges)
        nudge_form = QFormLayout()
        column.addLayout(nudge_form)
        names = {
            minutes: self.tr("every {minutes} minutes").format(minutes=minutes)
            for minutes in NUDGE_EVERY.choices
        }
        self.every = choice_combo(NUDGE_EVERY, names, "nudgeEveryCombo")
        self.every.currentIndexChanged.connect(
            lambda index: preferences.set(NUDGE_EVERY, self.every.itemData(index))
        )
        hours = QHBoxLayout()
        self.hours: list[QTimeEdit] = []
        for name, label in (("nudgeFrom", self.tr("From")), ("nudgeTo", self.tr("To"))):
            edit = QTimeEdit()
            edit.setObjectName(name)
            edit.setAccessibleName(label)
            edit.setDisplayFormat("HH:mm")
            edit.editingFinished.connect(self._hours_chosen)
            self.hours.append(edit)
            hours.addWidget(QLabel(label))
            hours.addWidget(edit)
        hours.addWidget(self.every)
        hours.addStretch(1)
        nudge_form.addRow(NUDGE_HOURS.display_label() + ":", hours)

        column.addSpacing(8)
        self.at_login = self._switch(
            START_AT_LOGIN, self.tr("Start Hinge when I log in"), "startAtLoginCheck"
        )
        column.addWidget(self.at_login)
        names = {
            "ask": self.tr("Ask me"),
            "keep": self.tr("Keep Hinge running for the reminders"),
            "quit": self.tr("Quit Hinge"),
        }
        self.on_close = choice_combo(KEEP_RUNNING, names, "keepRunningCombo")
        self.on_close.currentIndexChanged.connect(
            lambda index: preferences.set(KEEP_RUNNING, self.on_close.itemData(index))
        )
        close_form = QFormLayout()
        close_form.addRow(KEEP_RUNNING.display_label() + ":", self.on_close)
        column.addLayout(close_form)
        self.show_preferences()
        preferences.changed.connect(self._on_preference_changed)

    def _switch(self, preference: Preference[bool], text: str, name: str) -> QCheckBox:
        box = QCheckBox(text)
        box.setObjectName(name)
        box.setAccessibleName(preference.display_label())
        box.toggled.connect(lambda on: self._preferences.set(preference, on))
        return box

    def show_preferences(self) -> None:
        """Show the settings as they are, without writing them back."""
        preferences = self._preferences
        widgets = [
            self.reminders,
            *self.days.values(),
            *self.times,
            self.nudges,
            self.at_login,
            self.on_close,
            self.every,
            *self.hours,
        ]
        for widget in widgets:
            widget.blockSignals(True)
        self.reminders.setChecked(preferences.get(REMINDERS_ON))
        chosen = read_days(preferences.get(DESK_DAYS))
        for day, box in self.days.items():
            box.setChecked(day in chosen)
        times = read_times(preferences.get(REMINDER_TIMES)) or DEFAULT_TIMES
        for edit, at in zip(self.times, (*times, *DEFAULT_TIMES[len(times) :]), strict=False):
            edit.setTime(QTime(at.hour, at.minute))
        self.nudges.setChecked(preferences.get(NUDGES_ON))
        self.at_login.setChecked(preferences.get(START_AT_LOGIN))
        self.on_close.setCurrentIndex(max(0, self.on_close.findData(preferences.get(KEEP_RUNNING))))
        self.every.setCurrentIndex(max(0, self.every.findData(preferences.get(NUDGE_EVERY))))
        hours = read_times(preferences.get(NUDGE_HOURS))
        if len(hours) < 2:
            hours = (time(9), time(17))
        for edit, at in zip(self.hours, (hours[0], hours[-1]), strict=True):
            edit.setTime(QTime(at.hour, at.minute))
        for widget in widgets:
            widget.blockSignals(False)
        self.show_next_reminder()

    def _days_chosen(self) -> None:
        chosen = [day for day, box in self.days.items() if box.isChecked()]
        self._preferences.set(DESK_DAYS, write_days(chosen))

    def _times_chosen(self) -> None:
        chosen = tuple(time(edit.time().hour(), edit.time().minute()) for edit in self.times)
        if len(set(chosen)) < len(chosen):
            self.show_preferences()  # the same time twice: the one kept stays shown
            return
        self._preferences.set(REMINDER_TIMES, write_times(chosen))

    def _hours_chosen(self) -> None:
        chosen = tuple(time(e.time().hour(), e.time().minute()) for e in self.hours)
        if chosen[0] < chosen[1]:
            self._preferences.set(NUDGE_HOURS, write_times(chosen))
        else:
            self.show_preferences()  # the end before the start: the hours kept stay shown

    def show_next_reminder(self) -> None:
        """When the next reminder is due, as the settings and today's answers have it."""
        preferences = self._preferences
        settings = ReminderSettings(
            enabled=preferences.get(REMINDERS_ON),
            days=read_days(preferences.get(DESK_DAYS)),
            times=read_times(preferences.get(REMINDER_TIMES)),
        )
        now = datetime.now()
        due = next_reminder(settings, read_record(preferences.get(REMINDER_RECORD)), now)
        self.next_label.setVisible(due is not None)
        if due is None:
            return
        at = QLocale().toString(QTime(due.hour, due.minute), QLocale.FormatType.ShortFormat)
        if due.date() == now.date():
            text = self.tr("Next reminder: today at {time}")
        elif (due.date() - now.date()).days == 1:
            text = self.tr("Next reminder: tomorrow at {time}")
        else:
            text = self.tr("Next reminder: {day} at {time}")
        day = QLocale().dayName(due.isoweekday(), QLocale.FormatType.LongFormat)
        self.next_label.setText(text.format(time=at, day=day))

    def showEvent(self, event: QShowEvent) -> None:
        self.show_next_reminder()
        super().showEvent(event)

    def _on_preference_changed(self, key: str) -> None:
        if key == REMINDER_RECORD.key:
            self.show_next_reminder()
        elif key.startswith("companion/") and not key.endswith("_record"):
            self.show_preferences()
