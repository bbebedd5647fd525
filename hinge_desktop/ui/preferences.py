"""Every setting, declared once (key, default, label, allowed values), over a QSettings file.

The file lives in the data folder, so each data folder (and each test) has its own settings.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path
from typing import Generic, NamedTuple, TypeVar, cast

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QCoreApplication,
    QObject,
    QSettings,
    Signal,
    Slot,
)

from hinge_desktop.ui.shell.navigation import VIEWS

T = TypeVar("T", str, bytes, bool, int, float)


class Preference(NamedTuple, Generic[T]):
    key: str
    default: T
    label: str
    choices: tuple[T, ...] = ()

    def display_label(self) -> str:
        return QCoreApplication.translate("Preferences", self.label)


COLOUR_SCHEME = Preference[str](
    "appearance/colour_scheme",
    "system",
    QT_TRANSLATE_NOOP("Preferences", "Colour scheme"),
    ("system", "light", "dark"),
)
LAST_VIEW = Preference[str](
    "window/last_view", "today", QT_TRANSLATE_NOOP("Preferences", "Last view"), VIEWS
)
WINDOW_GEOMETRY = Preference[bytes](
    "window/geometry", b"", QT_TRANSLATE_NOOP("Preferences", "Window size and place")
)

LAST_DRILL = Preference[str](
    "drills/last_drill", "", QT_TRANSLATE_NOOP("Preferences", "Drill shown in the library")
)

CHART_UNIT = Preference[str](
    "history/weight_unit",
    "",
    QT_TRANSLATE_NOOP("Preferences", "Weights in charts"),
    ("", "kg", "lb"),
)
"""Empty: the unit the locale measures in."""

VOICE = Preference[str]("voice/voice", "", QT_TRANSLATE_NOOP("Preferences", "Voice"))
VOICE_RATE = Preference[int](
    "voice/rate",
    170,
    QT_TRANSLATE_NOOP("Preferences", "Speaking rate"),
    tuple(range(80, 301, 10)),
)
VOICE_VOLUME = Preference[int](
    "voice/volume", 100, QT_TRANSLATE_NOOP("Preferences", "Volume"), tuple(range(0, 101))
)
VOICE_MUTED = Preference[bool]("voice/muted", False, QT_TRANSLATE_NOOP("Preferences", "Mute"))
CUE_DENSITY = Preference[str](
    "voice/density",
    "every_rep",
    QT_TRANSLATE_NOOP("Preferences", "Cues"),
    ("every_rep", "key_moments", "off"),
)
VOICE_HINT_DISMISSED = Preference[bool](
    "voice/hint_dismissed", False, QT_TRANSLATE_NOOP("Preferences", "How to get voice, read")
)
SAFETY_NOTE_READ = Preference[bool](
    "today/safety_note_read", False, QT_TRANSLATE_NOOP("Preferences", "When to stop, read")
)
"""The start page's note on when to stop and get checked was acknowledged: it shows no more."""

KEEP_SCREEN_AWAKE = Preference[bool](
    "workout/keep_screen_awake",
    True,
    QT_TRANSLATE_NOOP("Preferences", "Keep the screen awake during a workout"),
)

DESK_DAYS = Preference[str](
    "companion/desk_days",
    "1,2,3,4,5",
    QT_TRANSLATE_NOOP("Preferences", "Desk days"),
)
"""ISO weekday numbers, comma-separated: days at a desk ask for two activation snacks."""

REMINDERS_ON = Preference[bool](
    "companion/reminders", False, QT_TRANSLATE_NOOP("Preferences", "Remind me to do a snack")
)
REMINDER_TIMES = Preference[str](
    "companion/reminder_times", "10:30,15:00", QT_TRANSLATE_NOOP("Preferences", "Remind me at")
)
"""Local times, "HH:MM" comma-separated, at most four."""
REMINDER_RECORD = Preference[str](
    "companion/reminder_record", "", QT_TRANSLATE_NOOP("Preferences", "Today's reminders")
)
"""What became of today's reminders ("2026-12-07|10:30,15:00|skipped"), kept across restarts."""

NUDGES_ON = Preference[bool](
    "companion/nudges", False, QT_TRANSLATE_NOOP("Preferences", "Nudge me at my desk")
)
NUDGE_EVERY = Preference[int](
    "companion/nudge_every",
    60,
    QT_TRANSLATE_NOOP("Preferences", "Every"),
    (30, 45, 60, 75, 90),
)
"""Minutes between desk nudges."""
NUDGE_HOURS = Preference[str](
    "companion/nudge_hours", "09:00,17:00", QT_TRANSLATE_NOOP("Preferences", "Working hours")
)
"""From and to, local times."""
NUDGE_RECORD = Preference[str](
    "companion/nudge_record", "", QT_TRANSLATE_NOOP("Preferences", "Today's desk nudges")
)
"""How many desk nudges came today ("2026-12-07|3")."""

START_AT_LOGIN = Preference[bool](
    "companion/start_at_login", False, QT_TRANSLATE_NOOP("Preferences", "Start Hinge at login")
)
KEEP_RUNNING = Preference[str](
    "companion/keep_running",
    "ask",
    QT_TRANSLATE_NOOP("Preferences", "When the window is closed"),
    ("ask", "keep", "quit"),
)
"""With reminders or nudges on, closing the window: ask once, keep Hinge running, or quit."""

CLIP_CAP_MB = Preference[int](
    "camera/clip_cap_mb",
    1000,
    QT_TRANSLATE_NOOP("Preferences", "Room for clips"),
    (250, 500, 1000, 2000, 5000),
)
"""Megabytes the filmed sets may take; past it the oldest clips not kept are removed."""


def first_side_setting(drill_id: str) -> Preference[str]:
    """Which side a drill done per side starts on, as the person last chose in its get-ready
    ("start with the weaker side"); one setting a drill, so it is declared here as a family."""
    return Preference[str](
        f"workout/first_side/{drill_id}",
        "left",
        QT_TRANSLATE_NOOP("Preferences", "Side to start on"),
        ("left", "right"),
    )


ALL_PREFERENCES: tuple[
    Preference[str] | Preference[bytes] | Preference[int] | Preference[bool], ...
] = (
    COLOUR_SCHEME,
    LAST_VIEW,
    LAST_DRILL,
    CHART_UNIT,
    WINDOW_GEOMETRY,
    VOICE,
    VOICE_RATE,
    VOICE_VOLUME,
    VOICE_MUTED,
    CUE_DENSITY,
    VOICE_HINT_DISMISSED,
    SAFETY_NOTE_READ,
    KEEP_SCREEN_AWAKE,
    DESK_DAYS,
    REMINDERS_ON,
    REMINDER_TIMES,
    REMINDER_RECORD,
    NUDGES_ON,
    NUDGE_EVERY,
    NUDGE_HOURS,
    NUDGE_RECORD,
    START_AT_LOGIN,
    KEEP_RUNNING,
    CLIP_CAP_MB,
)


class Preferences(QObject):
    """Typed access to the settings file; emits ``changed(key)`` after a value changes."""

    changed = Signal(str)

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = QSettings(str(path), QSettings.Format.IniFormat)

    @property
    def path(self) -> Path:
        return Path(self._settings.fileName())

    def get(self, pref: Preference[T]) -> T:
        raw = self._settings.value(pref.key, pref.default)
        value = self._coerce(pref, raw)
        if value is None or (pref.choices and value not in pref.choices):
            return pref.default
        return value

    def set(self, pref: Preference[T], value: T) -> None:
        if pref.choices and value not in pref.choices:
            raise ValueError(f"{value!r} is not one of {pref.choices} for {pref.key}")
        if self.get(pref) == value:
            return
        stored = QByteArray(value) if isinstance(value, bytes) else value
        self._settings.setValue(pref.key, stored)
        self._settings.sync()
        self.changed.emit(pref.key)

    def follow(self, owner: QObject, keys: Collection[str], changed: Callable[[], None]) -> None:
        """Call ``changed`` when one of ``keys`` changes, for as long as ``owner`` lives: a
        window rebuilt by a restore leaves nothing of the old one listening."""
        _Follower(owner, keys, changed, self)

    @staticmethod
    def _coerce(pref: Preference[T], raw: object) -> T | None:
        kind = type(pref.default)
        if isinstance(raw, QByteArray):
            raw = raw.data()
        if kind is bool and isinstance(raw, str):
            return cast(T, raw.lower() in ("true", "1"))
        try:
            return cast(T, kind(raw))  # type: ignore[call-arg]
        except (TypeError, ValueError):
            return None


class _Follower(QObject):
    """A child of what follows the settings, so that it goes with it."""

    def __init__(
        self,
        owner: QObject,
        keys: Collection[str],
        changed: Callable[[], None],
        preferences: Preferences,
    ) -> None:
        super().__init__(owner)
        self._keys = frozenset(keys)
        self._changed = changed
        preferences.changed.connect(self._on_changed)

    @Slot(str)
    def _on_changed(self, key: str) -> None:
        if key in self._keys:
            self._changed()
