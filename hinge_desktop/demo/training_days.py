"""Which days of the demo's two years are trained, at what time of day and where: 3 to 5 days a
week, busy weeks, an illness, the summer and Christmas breaks, and a holiday week in a hotel gym."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

ILLNESS_STARTS_AFTER_DAYS = 170
ILLNESS_DAYS = 15

BUSY_WEEK_CHANCE = 0.07
"""Weeks with at most one session: work, travel, life."""
REST_DAY_ACTIVATION_CHANCE = 0.15
"""Rest days on which the short daily activation routine is done anyway."""


Localise = Callable[[datetime], datetime]
"""Turns a local wall-clock time (naive) into the moment it was then (timezone-aware)."""


@dataclass(frozen=True)
class Visit:
    """One time the person trains: when it starts, where, and whether it is the short one."""

    start: datetime
    hotel: bool = False
    """In a hotel gym on holiday: the plates and bells are in pounds."""
    short: bool = False
    """Only the daily activation routine, on a rest day."""


def visits(first: date, last: date, localise: Localise, rng: random.Random) -> list[Visit]:
    """The training days from ``first`` to ``today``, 3 to 5 a week, with the breaks left out."""
    illness = first + timedelta(days=ILLNESS_STARTS_AFTER_DAYS)
    planned: list[Visit] = []
    monday = first - timedelta(days=first.weekday())
    while monday <= last:
        trained = _week_days(rng)
        for offset in range(7):
            day = monday + timedelta(days=offset)
            if day < first or day > last or _on_a_break(day, illness):
                continue
            if offset in trained:
                start = localise(datetime.combine(day, _start_time(day, rng)))
                planned.append(Visit(start, hotel=_in_a_hotel(day)))
            elif rng.random() < REST_DAY_ACTIVATION_CHANCE:
                start = localise(datetime.combine(day, _morning(day, rng)))
                planned.append(Visit(start, short=True))
        monday += timedelta(days=7)
    return planned


def _week_days(rng: random.Random) -> set[int]:
    """Which days of a week are trained (0 is Monday)."""
    count = rng.choices((3, 4, 5), weights=(2, 5, 3))[0]
    if rng.random() < BUSY_WEEK_CHANCE:
        count = rng.choice((0, 1))
    return set(rng.sample(range(7), count))


def _on_a_break(day: date, illness: date) -> bool:
    """Ill, on the summer holiday (no training at all), or off over Christmas and New Year."""
    if illness <= day < illness + timedelta(days=ILLNESS_DAYS):
        return True
    if day.month == 8 and day.day <= 14:
        return True
    return (day.month == 12 and day.day >= 23) or (day.month == 1 and day.day <= 2)


def _in_a_hotel(day: date) -> bool:
    """The autumn holiday week, trained in a hotel gym."""
    return day.month == 10 and 18 <= day.day <= 26


WEEKDAY_WINDOWS = (((375, 465), 25), ((720, 795), 20), ((1050, 1230), 55))
"""When a weekday session starts (minutes after midnight), and how often: before work, at
lunch, after work."""
WEEKEND_WINDOWS = (((510, 690), 7), ((960, 1080), 3))


def _start_time(day: date, rng: random.Random) -> time:
    """Before work, at lunch or after work on weekdays; mornings, mostly, at the weekend."""
    windows = WEEKEND_WINDOWS if day.weekday() >= 5 else WEEKDAY_WINDOWS
    low, high = rng.choices([window for window, _ in windows], [weight for _, weight in windows])[0]
    return _minute(rng.randint(low, high), rng)


def _morning(day: date, rng: random.Random) -> time:
    low, high = (540, 600) if day.weekday() >= 5 else (400, 470)
    return _minute(rng.randint(low, high), rng)


def _minute(minute_of_day: int, rng: random.Random) -> time:
    return time(minute_of_day // 60, minute_of_day % 60, rng.randint(0, 59))
