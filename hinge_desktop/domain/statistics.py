"""Progress figures from the logged sets: volume, estimated one-rep max, streaks and records.

These are the numbers behind the progress charts and the consistency calendar. The storage layer
computes the per-session figures in SQL for speed; this module is the reference they must match,
so every rule (which sets count, how lb and kg mix, which day a record belongs to) lives here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import TypeVar

from hinge_desktop.domain.training import LB_PER_KG, LoggedSet, SetKind, Unit

E1RM_FORMULA = "Epley"
"""The estimate's formula, named in the UI so a person can compare with other tools."""

E1RM_MAX_REPS = 12
"""Sets of more reps than this give no estimate: the formula drifts too far from a real single."""

_WEEK = timedelta(days=7)
_Number = TypeVar("_Number", int, float)


def convert_weight(weight: float, from_unit: Unit, to_unit: Unit) -> float:
    """``weight`` in ``to_unit``; unchanged when the units agree, so kg stays exact."""
    if from_unit is to_unit:
        return weight
    if from_unit is Unit.LB:
        return weight / LB_PER_KG
    return weight * LB_PER_KG


def set_volume(
    weight: float | None, unit: Unit | None, reps: int | None, to_unit: Unit = Unit.KG
) -> float:
    """Weight × reps in ``to_unit``: the work a set adds to a session's volume.

    A set without a weight, a unit or reps (a hold, a bodyweight set) adds nothing.
    """
    if weight is None or unit is None or reps is None:
        return 0.0
    return convert_weight(weight, unit, to_unit) * reps


def estimated_1rm(weight: float, reps: int) -> float | None:
    """The Epley estimate of the most ``weight``'s unit one could lift once.

    A single is its own one-rep max; sets above :data:`E1RM_MAX_REPS` reps, empty sets and
    unloaded sets give no estimate rather than a misleading one.
    """
    if weight <= 0 or reps < 1 or reps > E1RM_MAX_REPS:
        return None
    if reps == 1:
        return weight
    return weight * (1 + reps / 30)


def counts_towards_progress(logged: LoggedSet) -> bool:
    """Warm-ups and checks are logged but say nothing about how strong a person is getting."""
    return logged.kind is not SetKind.WARMUP and logged.result is None


@dataclass(frozen=True)
class SessionFigures:
    """One drill on one local day, weights in kg."""

    day: date
    sets: int
    """Sets that count towards progress (see :func:`counts_towards_progress`)."""
    total_reps: int
    best_reps: int | None
    """Most reps in one set; None when no set had reps."""
    longest_hold: float | None
    """Seconds."""
    top_weight_kg: float | None
    volume_kg: float
    best_e1rm_kg: float | None


def _max_or_none(values: Iterable[_Number | None]) -> _Number | None:
    present = [value for value in values if value is not None]
    return max(present) if present else None


def session_figures(sets: Iterable[LoggedSet]) -> list[SessionFigures]:
    """The figures of each day a drill was trained, oldest first.

    The sets must all be of one drill: adding reps of different drills means nothing. Days are the
    local dates the sets were done on (``performed_at`` carries its own offset), so a late evening
    set stays on the evening's day. Days where only warm-ups or checks were logged are left out.
    """
    by_day: dict[date, list[LoggedSet]] = defaultdict(list)
    drill_id: str | None = None
    for logged in sets:
        if drill_id is None:
            drill_id = logged.drill_id
        elif logged.drill_id != drill_id:
            raise ValueError(
                f"Session figures are for one drill; got {drill_id!r} and {logged.drill_id!r}."
            )
        if counts_towards_progress(logged):
            by_day[logged.performed_at.date()].append(logged)
    return [_figures(day, by_day[day]) for day in sorted(by_day)]


def _figures(day: date, sets: list[LoggedSet]) -> SessionFigures:
    e1rms: list[float | None] = []
    for logged in sets:
        weight_kg = logged.weight_kg
        if weight_kg is not None and logged.reps is not None:
            e1rms.append(estimated_1rm(weight_kg, logged.reps))
    return SessionFigures(
        day=day,
        sets=len(sets),
        total_reps=sum(logged.reps or 0 for logged in sets),
        best_reps=_max_or_none(logged.reps for logged in sets),
        longest_hold=_max_or_none(logged.hold_seconds for logged in sets),
        top_weight_kg=_max_or_none(logged.weight_kg for logged in sets),
        volume_kg=sum(set_volume(s.weight, s.unit, s.reps, Unit.KG) for s in sets),
        best_e1rm_kg=_max_or_none(e1rms),
    )


def week_start(day: date) -> date:
    """The Monday of ``day``'s ISO week: the key weeks are counted and charted by."""
    return day - timedelta(days=day.weekday())


def weekly_totals(values: Iterable[tuple[date, float]]) -> list[tuple[date, float]]:
    """Values summed per week (keyed by its Monday), oldest first; empty weeks are absent."""
    totals: dict[date, float] = defaultdict(float)
    for day, value in values:
        totals[week_start(day)] += value
    return sorted(totals.items())


@dataclass(frozen=True)
class Streaks:
    """Runs of consecutive weeks with training, counted in weeks."""

    current: int
    longest: int
    longest_start: date | None
    """Monday of the first week of the longest streak (the latest such streak on ties)."""
    longest_end: date | None
    """Monday of its last week."""


def week_streaks(days: Iterable[date], today: date) -> Streaks:
    """Streaks of trained weeks, counted by week so that rest days never break one.

    A week counts when any day in it was trained. The current streak ends with this week, or with
    last week while this week has no training yet: the week is not over, so the streak is not
    lost. Days after ``today`` are ignored.
    """
    weeks = sorted({week_start(day) for day in days if day <= today})
    longest, length = 0, 0
    longest_start: date | None = None
    longest_end: date | None = None
    for index, monday in enumerate(weeks):
        joined = index > 0 and monday - weeks[index - 1] == _WEEK
        length = length + 1 if joined else 1
        run_start = monday - _WEEK * (length - 1)
        if length >= longest:
            longest, longest_start, longest_end = length, run_start, monday
    trained = set(weeks)
    this_week = week_start(today)
    end = this_week if this_week in trained else this_week - _WEEK
    current = 0
    while end in trained:
        current += 1
        end -= _WEEK
    return Streaks(current, longest, longest_start, longest_end)


class RecordKind(StrEnum):
    MOST_REPS_IN_A_SET = "most-reps-in-a-set"
    MOST_REPS_IN_A_SESSION = "most-reps-in-a-session"
    LONGEST_HOLD = "longest-hold"
    HEAVIEST_WEIGHT = "heaviest-weight"
    BEST_E1RM = "best-e1rm"
    MOST_VOLUME = "most-volume"


@dataclass(frozen=True)
class Record:
    """A personal best and the first day it was reached."""

    kind: RecordKind
    value: float
    """Reps, seconds or kg, by kind."""
    day: date


def _record_value(kind: RecordKind, session: SessionFigures) -> float | None:
    match kind:
        case RecordKind.MOST_REPS_IN_A_SET:
            return session.best_reps
        case RecordKind.MOST_REPS_IN_A_SESSION:
            return session.total_reps
        case RecordKind.LONGEST_HOLD:
            return session.longest_hold
        case RecordKind.HEAVIEST_WEIGHT:
            return session.top_weight_kg
        case RecordKind.BEST_E1RM:
            return session.best_e1rm_kg
        case RecordKind.MOST_VOLUME:
            return session.volume_kg


def records(sessions: Iterable[SessionFigures]) -> list[Record]:
    """The personal bests over ``sessions``, in :class:`RecordKind` order.

    A record belongs to the first day its value was reached: matching it later is not a new
    record. Kinds with nothing above zero (no weight ever used, no hold done) have no record.
    """
    history = list(sessions)
    found: list[Record] = []
    for kind in RecordKind:
        best: Record | None = None
        for session in history:
            value = _record_value(kind, session)
            if value is None or value <= 0:
                continue
            if (
                best is None
                or value > best.value
                or (value == best.value and session.day < best.day)
            ):
                best = Record(kind, float(value), session.day)
        if best is not None:
            found.append(best)
    return found


def calendar_levels(day_counts: Mapping[date, int], levels: int = 4) -> dict[date, int]:
    """A colour level from 1 to ``levels`` for each day with a count above zero.

    The rule, chosen so the calendar reads like GitHub's: a day's level is the quantile its count
    falls in among the trained days, ``1 + floor(levels × mid-rank / trained days)``, where the
    mid-rank is the number of trained days with a smaller count plus half of those with the same
    count. Ties share the middle of their ranks, so the usual count sits mid-range instead of
    being pushed to an end; the largest count always gets the top level, so the biggest days
    stand out. When every trained day has the same count they are all at the top level: each of
    them is as big as it gets. A bigger count never gets a lower level, and one unusually big day
    does not fade every other day as scaling by value would. With eight days of 1 to 8 sets and
    four levels, the levels are 1, 1, 2, 2, 3, 3, 4, 4.
    """
    if levels < 1:
        raise ValueError(f"A calendar needs at least one level, not {levels}.")
    trained = {day: count for day, count in day_counts.items() if count > 0}
    if not trained:
        return {}
    tally: dict[int, int] = defaultdict(int)
    for count in trained.values():
        tally[count] += 1
    total = len(trained)
    top = max(tally)
    level_of: dict[int, int] = {}
    below = 0
    for count in sorted(tally):
        if count == top:
            level_of[count] = levels
        else:
            # 1 + floor(levels × mid-rank / total), in integers so a quantile's edge is exact;
            # below the top count the mid-rank stays under total, so this stays under the top.
            doubled_mid_rank = 2 * below + tally[count]
            level_of[count] = 1 + doubled_mid_rank * levels // (2 * total)
        below += tally[count]
    return {day: level_of[count] for day, count in trained.items()}
