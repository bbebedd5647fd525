"""What the progress charts read: per-drill aggregates computed in SQL.

Every query here reads an index or the daily roll-up ``drill_days`` (kept by triggers, see
migration m004), never a full scan of the sets, so the charts stay quick over years of daily
training. The figures follow the rules of :mod:`hinge_desktop.domain.statistics` (warm-ups and
checks do not count; weights in kg; e1RM by Epley), which the tests hold them to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlite_utils import Database

from hinge_desktop.domain.snacks import STREAK_WINDOW_DAYS
from hinge_desktop.domain.statistics import E1RM_MAX_REPS, SessionFigures
from hinge_desktop.storage.ladder import LadderRepository, PhaseEvent
from hinge_desktop.storage.snack_queries import snacks_by_day
from hinge_desktop.storage.weight_sql import weight_kg_sql

EPOCH = date(1970, 1, 1)

# The local moment of a set, in seconds since 1970 as if local time were UTC.
_LOCAL = "(performed_at + utc_offset * 60)"
_LOCAL_DAY = f"({_LOCAL} / 86400 - ({_LOCAL} % 86400 < 0))"
_WEIGHT_KG = weight_kg_sql()
_COUNTS = "kind <> 'warmup' AND result IS NULL"


def day_number(day: date) -> int:
    """A date as the days since 1970-01-01 that ``drill_days`` and the queries use."""
    return (day - EPOCH).days


def from_day_number(number: int) -> date:
    return EPOCH + timedelta(days=number)


@dataclass(frozen=True)
class DrillActivity:
    """How much a drill was trained: to choose it, and to open on the most trained one."""

    drill_id: str
    sets: int
    """Sets that count towards progress (not warm-ups, not checks)."""
    days: int
    last_day: date


@dataclass(frozen=True)
class SetSeries:
    """Every set of one drill that counts towards progress, oldest first, as parallel lists."""

    local_seconds: list[int]
    """When each set was done: seconds since 1970 in the person's local time then."""
    reps: list[int | None]
    hold_seconds: list[float | None]


@dataclass(frozen=True)
class WeekTotals:
    """One drill's training in one week (Monday to Sunday), from the daily roll-up."""

    monday: date
    sets: int
    """Every set logged, warm-ups and checks included."""
    reps: int
    hold_seconds: float
    volume_kg: float


@dataclass(frozen=True)
class DrillHistory:
    """Everything the charts show of one drill."""

    drill_id: str
    sessions: list[SessionFigures]
    set_series: SetSeries
    weeks: list[WeekTotals]


@dataclass(frozen=True)
class ProgressReading:
    """Everything the progress view shows, read from the same moment of the log."""

    drills: list[DrillActivity]
    """Trained drills, the most trained first; empty when nothing was logged."""
    drill: DrillHistory | None
    """The drill charted; None when no drill has a set that counts towards progress."""
    day_counts: dict[date, int]
    training_weeks: list[date]
    phases: list[PhaseEvent]
    snacks: dict[date, int] = field(default_factory=dict)
    """Activation snacks per day, from far enough back to count their streak."""


def read_progress(
    db: Database, drill_id: str | None, first_day: date, last_day: date
) -> ProgressReading:
    """The progress view's figures, with the sets per day from ``first_day`` to ``last_day``;
    ``drill_id`` None (or a drill without sets that count) charts the most trained drill."""
    # One read transaction: every figure comes from the same moment of the log.
    db.execute("BEGIN")
    try:
        queries = HistoryQueries(db)
        drills = queries.drills()
        charted = [activity.drill_id for activity in drills if activity.sets]
        if drill_id not in charted:
            drill_id = charted[0] if charted else None
        return ProgressReading(
            drills=drills,
            drill=None if drill_id is None else queries.drill_history(drill_id),
            day_counts=queries.day_counts(first_day, last_day),
            training_weeks=queries.training_weeks(),
            phases=LadderRepository(db).events(),
            snacks=snacks_by_day(
                db, min(first_day, last_day - timedelta(days=STREAK_WINDOW_DAYS)), last_day
            ),
        )
    finally:
        db.execute("COMMIT")


class HistoryQueries:
    """Read-only queries for the progress view, on whichever connection it is given."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def drills(self) -> list[DrillActivity]:
        """Every drill with a logged set, the most trained first: the most sets that count
        towards progress, so warm-ups and checks do not make a drill the one to chart."""
        rows = self._db.execute(
            "SELECT drill_id, sum(counted), count(*), max(day) FROM drill_days "
            "GROUP BY drill_id ORDER BY sum(counted) DESC, sum(sets) DESC, max(day) DESC, drill_id"
        )
        return [
            DrillActivity(drill_id, sets, days, from_day_number(last))
            for drill_id, sets, days, last in rows
        ]

    def drill_history(self, drill_id: str) -> DrillHistory:
        return DrillHistory(
            drill_id, self.sessions(drill_id), self.set_series(drill_id), self.weeks(drill_id)
        )

    def sessions(self, drill_id: str) -> list[SessionFigures]:
        """The drill's figures per local day, oldest first (see ``SessionFigures``)."""
        e1rm = (
            f"CASE WHEN wkg > 0 AND reps = 1 THEN wkg "
            f"WHEN wkg > 0 AND reps BETWEEN 2 AND {E1RM_MAX_REPS} "
            f"THEN wkg * (1 + reps / 30.0) END"
        )
        rows = self._db.execute(
            "SELECT day, count(*), coalesce(sum(reps), 0), max(reps), max(hold_seconds), "
            f"max(wkg), coalesce(sum(wkg * reps), 0.0), max({e1rm}) FROM ("
            f"SELECT {_LOCAL_DAY} AS day, reps, hold_seconds, {_WEIGHT_KG} AS wkg "
            f"FROM sets WHERE drill_id = ? AND {_COUNTS}"
            ") GROUP BY day ORDER BY day",
            [drill_id],
        )
        return [
            SessionFigures(
                day=from_day_number(day),
                sets=sets,
                total_reps=total_reps,
                best_reps=best_reps,
                longest_hold=None if hold is None else float(hold),
                top_weight_kg=None if top is None else float(top),
                volume_kg=float(volume),
                best_e1rm_kg=None if best is None else float(best),
            )
            for day, sets, total_reps, best_reps, hold, top, volume, best in rows
        ]

    def set_series(self, drill_id: str) -> SetSeries:
        """The drill's counting sets one by one, in local time order, for the per-set charts."""
        rows = self._db.execute(
            f"SELECT {_LOCAL}, reps, hold_seconds FROM sets "
            f"WHERE drill_id = ? AND {_COUNTS} ORDER BY {_LOCAL}, performed_at",
            [drill_id],
        ).fetchall()
        return SetSeries(
            local_seconds=[row[0] for row in rows],
            reps=[row[1] for row in rows],
            hold_seconds=[row[2] for row in rows],
        )

    def weeks(self, drill_id: str) -> list[WeekTotals]:
        """The drill's weekly totals, oldest first; weeks without training are absent."""
        rows = self._db.execute(
            # Sums kept by adding and taking back floats can be off by 1e-13: rounded away.
            "SELECT (day + 3) / 7 AS week, sum(sets), sum(reps), round(sum(hold_seconds), 6), "
            "round(sum(volume_kg), 6) FROM drill_days WHERE drill_id = ? "
            "GROUP BY week ORDER BY week",
            [drill_id],
        )
        # Day 0 (1 January 1970) was a Thursday, so week w starts on day 7w - 3, a Monday.
        return [
            WeekTotals(from_day_number(week * 7 - 3), sets, reps, float(hold), float(volume))
            for week, sets, reps, hold, volume in rows
        ]

    def day_counts(self, first: date, last: date) -> dict[date, int]:
        """Sets logged per local day from ``first`` to ``last``, every drill together."""
        rows = self._db.execute(
            "SELECT day, sum(sets) FROM drill_days WHERE day BETWEEN ? AND ? GROUP BY day",
            [day_number(first), day_number(last)],
        )
        return {from_day_number(day): count for day, count in rows}

    def training_weeks(self) -> list[date]:
        """The Monday of every week with training, oldest first (for the streaks)."""
        rows = self._db.execute(
            "SELECT DISTINCT (day + 3) / 7 AS week FROM drill_days ORDER BY week"
        )
        return [from_day_number(week * 7 - 3) for (week,) in rows]
