"""What the progress view shows, read in one go on the background reader's thread.

:func:`load_progress` runs away from the GUI thread: it reads the figures through
:func:`~hinge_desktop.storage.progress_queries.read_progress`, works out the records and streaks,
and turns the series into numpy arrays, so the GUI thread only hands arrays to the charts.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

import numpy as np

from hinge_desktop.domain.snacks import SnackSummary, snack_summary
from hinge_desktop.domain.statistics import (
    Record,
    SessionFigures,
    Streaks,
    records,
    week_streaks,
)
from hinge_desktop.storage.database import Database
from hinge_desktop.storage.ladder import PhaseEvent
from hinge_desktop.storage.progress_queries import (
    DrillActivity,
    DrillHistory,
    day_number,
    read_progress,
)

DAY = 86_400.0
CALENDAR_WEEKS = 53
"""The consistency calendar's year, in whole weeks ending with this one."""


class Metric(StrEnum):
    """What the main chart plots for a drill."""

    REPS_PER_SET = "reps-per-set"
    SESSION_REPS = "session-reps"
    HOLD = "hold"
    TOP_WEIGHT = "top-weight"
    VOLUME = "volume"
    E1RM = "e1rm"


WEIGHT_METRICS = frozenset({Metric.TOP_WEIGHT, Metric.VOLUME, Metric.E1RM})
PER_SET_METRICS = frozenset({Metric.REPS_PER_SET, Metric.HOLD})


@dataclass(frozen=True)
class DrillProgress:
    """One drill's history as chart-ready arrays. Times are seconds since 1970 in the person's
    local time (as if it were UTC), which is how the date axis is told to read them."""

    drill_id: str
    sessions: list[SessionFigures]
    session_x: np.ndarray
    """Midday of each session's day."""
    session_values: dict[Metric, np.ndarray]
    """Per-session metrics, weights in kg; NaN where a session has no such value."""
    set_x: np.ndarray
    set_values: dict[Metric, np.ndarray]
    """Per-set metrics; NaN where a set has no such value."""
    week_x: np.ndarray
    """The middle of each week with training (Thursday midday)."""
    week_reps: np.ndarray
    week_hold_seconds: np.ndarray
    week_volume_kg: np.ndarray
    records: list[Record]

    @property
    def metrics(self) -> list[Metric]:
        """The metrics that have something to show for this drill, in menu order."""
        found = []
        for metric in Metric:
            values = (
                self.set_values[metric]
                if metric in PER_SET_METRICS
                else self.session_values[metric]
            )
            if values.size and bool(np.nanmax(values, initial=0.0) > 0):
                found.append(metric)
        return found

    @property
    def default_metric(self) -> Metric | None:
        """What the chart opens on: the top weight, else the reps, else the hold."""
        metrics = self.metrics
        for metric in (Metric.TOP_WEIGHT, Metric.SESSION_REPS, Metric.HOLD):
            if metric in metrics:
                return metric
        return metrics[0] if metrics else None

    @property
    def first_x(self) -> float:
        return float(
            min(self.session_x[:1].min(initial=np.inf), self.set_x[:1].min(initial=np.inf))
        )

    @property
    def last_x(self) -> float:
        return float(
            max(self.session_x[-1:].max(initial=-np.inf), self.set_x[-1:].max(initial=-np.inf))
        )


@dataclass(frozen=True)
class ProgressSnapshot:
    """Everything the progress view shows, as of ``today``."""

    today: date
    drills: list[DrillActivity]
    """Trained drills, the most trained first; empty when nothing was logged. Drills with only
    warm-ups or checks are here too, with no sets that count."""
    drill: DrillProgress | None
    calendar: dict[date, int]
    """Sets per day over the calendar's year."""
    streaks: Streaks
    phases: list[PhaseEvent]
    snacks: dict[date, int] = field(default_factory=dict)
    """Activation snacks per day (for the calendar's dots and their streak)."""

    @property
    def empty(self) -> bool:
        return not self.drills

    @property
    def calendar_days(self) -> tuple[dict[date, int], date, Streaks]:
        """What the calendar shows of the training: sets per day, today, the week streaks."""
        return self.calendar, self.today, self.streaks

    def snack_summary(self, desk_days: Collection[int], *, asked_for: bool) -> SnackSummary | None:
        """Today's activation snacks and their streak, for the calendar: once there are any,
        or reminders ask for them; else None (nothing to count for a person who does none)."""
        if not self.snacks and not asked_for:
            return None
        return snack_summary(self.snacks, self.today, desk_days)


def load_progress(db: Database, drill_id: str | None, today: date) -> ProgressSnapshot:
    """Read the progress view's data; ``drill_id`` None (or not trained) means the most trained
    drill."""
    first_day = today - timedelta(days=today.weekday() + 7 * (CALENDAR_WEEKS - 1))
    reading = read_progress(db, drill_id, first_day, today)
    return ProgressSnapshot(
        today=today,
        drills=reading.drills,
        drill=None if reading.drill is None else drill_progress(reading.drill),
        calendar=reading.day_counts,
        streaks=week_streaks(reading.training_weeks, today),
        phases=reading.phases,
        snacks=reading.snacks,
    )


def day_x(day: date) -> float:
    """The chart's x of the start of ``day``."""
    return day_number(day) * DAY


def drill_progress(history: DrillHistory) -> DrillProgress:
    """One drill's history as chart-ready arrays."""
    sessions, series, weeks = history.sessions, history.set_series, history.weeks
    session_x = np.array([day_number(s.day) * DAY + DAY / 2 for s in sessions], dtype=float)
    session_values = {
        Metric.SESSION_REPS: _floats(s.total_reps for s in sessions),
        Metric.TOP_WEIGHT: _floats(s.top_weight_kg for s in sessions),
        Metric.VOLUME: _floats(s.volume_kg for s in sessions),
        Metric.E1RM: _floats(s.best_e1rm_kg for s in sessions),
    }
    return DrillProgress(
        drill_id=history.drill_id,
        sessions=sessions,
        session_x=session_x,
        session_values=session_values,
        set_x=np.array(series.local_seconds, dtype=float),
        set_values={
            Metric.REPS_PER_SET: _floats(series.reps),
            Metric.HOLD: _floats(series.hold_seconds),
        },
        week_x=np.array([day_number(w.monday) * DAY + 3.5 * DAY for w in weeks], dtype=float),
        week_reps=np.array([w.reps for w in weeks], dtype=float),
        week_hold_seconds=np.array([w.hold_seconds for w in weeks], dtype=float),
        week_volume_kg=np.array([w.volume_kg for w in weeks], dtype=float),
        records=records(sessions),
    )


def _floats(values: Iterable[float | None]) -> np.ndarray:
    """A float array with NaN for missing values."""
    return np.array([np.nan if v is None else v for v in values], dtype=float)
