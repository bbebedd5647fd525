"""Activation snacks: a few minutes of glute work, done "everyday often, maybe twice a day"
(source 000), counted against the day's goal and as a streak of days.

A snack is a session started from the snack routine or from the daily activation routine with
at least one set logged. The goal is Hinge's reading of that source: twice on the days the
person sits at a desk (their desk days), once on the others.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

SNACK_ROUTINE_ID = "builtin.activation-snack"
DAILY_ACTIVATION_ID = "builtin.daily-activation"
SNACK_ROUTINES = (SNACK_ROUTINE_ID, DAILY_ACTIVATION_ID)
"""The routines whose sessions count as a snack."""

DESK_DAY_GOAL = 2
OTHER_DAY_GOAL = 1
WORKING_WEEK = frozenset({1, 2, 3, 4, 5})
"""Monday to Friday (ISO weekday numbers): the desk days until the person says otherwise."""

STREAK_WINDOW_DAYS = 400
"""How far back snacks are read: a streak longer than this shows as this long (over a year)."""


def read_days(text: str) -> frozenset[int]:
    """ISO weekday numbers from their stored form, "1,2,3,4,5"; what is not one is left out."""
    days = set()
    for part in text.split(","):
        part = part.strip()
        if part.isdigit() and 1 <= int(part) <= 7:
            days.add(int(part))
    return frozenset(days)


def write_days(days: Collection[int]) -> str:
    return ",".join(str(day) for day in sorted(set(days)))


def snack_goal(day: date, desk_days: Collection[int] = WORKING_WEEK) -> int:
    """How many snacks ``day`` asks for: two on a desk day, one on the others."""
    return DESK_DAY_GOAL if day.isoweekday() in desk_days else OTHER_DAY_GOAL


def snack_streak(snacks: Mapping[date, int], today: date) -> int:
    """Days in a row with at least one snack, up to today; a today without one yet does not
    break a streak that reached yesterday."""
    day = today if snacks.get(today, 0) > 0 else today - timedelta(days=1)
    streak = 0
    while snacks.get(day, 0) > 0:
        streak += 1
        day -= timedelta(days=1)
    return streak


@dataclass(frozen=True)
class SnackSummary:
    """Today's snacks against the goal, and the streak of days with one."""

    done: int
    goal: int
    streak_days: int

    @property
    def goal_met(self) -> bool:
        return self.done >= self.goal


def snack_summary(
    snacks: Mapping[date, int], today: date, desk_days: Collection[int] = WORKING_WEEK
) -> SnackSummary:
    """``snacks``: how many were done on each local day (days without any may be left out)."""
    return SnackSummary(
        done=snacks.get(today, 0),
        goal=snack_goal(today, desk_days),
        streak_days=snack_streak(snacks, today),
    )
