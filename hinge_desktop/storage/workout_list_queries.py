"""What History's list of workouts reads: workouts (and quick-logged days) newest first, a page at
a time, and the sets of the one that is open.

Sets logged outside a workout (quick log) are grouped per local day into one entry, so the list
reads as a list of sessions either way. Pages are read by keyset (what comes after the last entry
shown), so a page costs the same on a ten-year history as on a new one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlite_utils import Database

from hinge_desktop.domain.training import LoggedSet, Workout
from hinge_desktop.storage import timecodec
from hinge_desktop.storage.sets import SetRepository
from hinge_desktop.storage.weight_sql import weight_kg_sql

PAGE = 100
"""Entries fetched at a time: enough to fill the list, cheap to query on every change."""

WORKOUT = "workout"
QUICK = "quick"

EntryKey = tuple[str, int]
"""("workout", workout id) or ("quick", local day number since 1970-01-01)."""


@dataclass(frozen=True)
class LogEntry:
    """One line of the list: a workout, or the sets quick-logged on one local day."""

    key: EntryKey
    started_at: datetime
    """Local wall time with the offset the person had then."""
    name: str
    workout: Workout | None
    set_count: int
    drill_ids: tuple[str, ...]
    total_reps: int
    total_seconds: float
    volume_kg: float
    in_progress: bool

    @property
    def is_quick(self) -> bool:
        return self.key[0] == QUICK

    @property
    def duration(self) -> timedelta | None:
        if self.workout is None or self.workout.ended_at is None:
            return None
        return self.workout.ended_at - self.workout.started_at

    @property
    def sort_key(self) -> tuple[int, int]:
        return int(self.started_at.timestamp()), self.key[1]


def local_day(moment: datetime) -> int:
    """The local day number since 1970-01-01 of ``moment`` (as its own offset reads it)."""
    return (moment.date() - date(1970, 1, 1)).days


class WorkoutListQueries:
    """The list's queries, on the connection of the thread that shows it."""

    def __init__(self, db: Database, sets: SetRepository) -> None:
        self._db = db
        self._sets = sets

    def workouts(self, before: tuple[int, int] | None, limit: int) -> list[LogEntry]:
        """Workouts that started before ``before`` (stored start, id), newest first."""
        started, workout_id = before if before is not None else (2**62, 2**62)
        cursor = self._db.execute(
            f"""
            SELECT w.id, w.started_at, w.utc_offset, w.ended_at, w.routine_id, w.drill_id,
                   w.notes, w.name,
                   count(s.id) AS set_count,
                   group_concat(DISTINCT s.drill_id) AS drill_ids,
                   coalesce(sum(s.reps), 0) AS total_reps,
                   coalesce(sum(s.hold_seconds), 0) AS total_seconds,
                   coalesce(sum({weight_kg_sql("s")} * s.reps), 0) AS volume_kg,
                   EXISTS (SELECT 1 FROM workout_progress p WHERE p.workout_id = w.id)
                       AS in_progress
            FROM (SELECT * FROM workouts
                  WHERE started_at < :started OR (started_at = :started AND id < :id)
                  ORDER BY started_at DESC, id DESC LIMIT :limit) w
            LEFT JOIN sets s ON s.workout_id = w.id
            GROUP BY w.id ORDER BY w.started_at DESC, w.id DESC
            """,
            {"started": started, "id": workout_id, "limit": limit},
        )
        found = []
        for row in cursor.fetchall():
            (wid, at, offset, ended, routine_id, drill_id, notes, name) = row[:8]
            workout = Workout(
                id=wid,
                started_at=timecodec.decode(at, offset),
                ended_at=timecodec.decode(ended, offset) if ended is not None else None,
                routine_id=routine_id,
                drill_id=drill_id,
                notes=notes or "",
                name=name or "",
            )
            found.append(
                LogEntry(
                    key=(WORKOUT, wid),
                    started_at=workout.started_at,
                    name=workout.name,
                    workout=workout,
                    set_count=row[8],
                    drill_ids=tuple(row[9].split(",")) if row[9] else (),
                    total_reps=row[10],
                    total_seconds=row[11],
                    volume_kg=row[12],
                    in_progress=bool(row[13]),
                )
            )
        return found

    def quick_days(self, before_day: int | None, limit: int) -> list[LogEntry]:
        """Days with sets logged outside a workout, before local day ``before_day``, newest
        first."""
        cursor = self._db.execute(
            f"""
            SELECT (performed_at + utc_offset * 60) / 86400 AS day,
                   min(performed_at) AS first_at, utc_offset,
                   count(*) AS set_count,
                   group_concat(DISTINCT drill_id) AS drill_ids,
                   coalesce(sum(reps), 0) AS total_reps,
                   coalesce(sum(hold_seconds), 0) AS total_seconds,
                   coalesce(sum({weight_kg_sql()} * reps), 0) AS volume_kg
            FROM sets WHERE workout_id IS NULL
            GROUP BY day HAVING day < :before
            ORDER BY day DESC LIMIT :limit
            """,
            {"before": before_day if before_day is not None else 2**62, "limit": limit},
        )
        return [
            LogEntry(
                key=(QUICK, day),
                started_at=timecodec.decode(first_at, offset),
                name="",
                workout=None,
                set_count=count,
                drill_ids=tuple(drills.split(",")) if drills else (),
                total_reps=reps,
                total_seconds=seconds,
                volume_kg=volume,
                in_progress=False,
            )
            for day, first_at, offset, count, drills, reps, seconds, volume in cursor.fetchall()
        ]

    def sets_of(self, key: EntryKey) -> list[LoggedSet]:
        """The sets of a workout, or those quick-logged on the day, in the order done."""
        kind, value = key
        if kind == WORKOUT:
            # In the order they were done (a circuit interleaves drills).
            sets = self._sets.for_workout(value)
            return sorted(sets, key=lambda s: (s.performed_at.timestamp(), s.id or 0))
        ids = [
            row[0]
            for row in self._db.execute(
                "SELECT id FROM sets WHERE workout_id IS NULL "
                "AND performed_at >= ? - 86400 * 2 AND performed_at < ? + 86400 * 2 "
                "AND (performed_at + utc_offset * 60) / 86400 = ? "
                "ORDER BY performed_at, id",
                [value * 86400, (value + 1) * 86400, value],
            ).fetchall()
        ]
        return [self._sets.get(set_id) for set_id in ids]


class _Stream:
    """One source of entries, newest first, fetched a page at a time after a cursor."""

    def __init__(self) -> None:
        self.buffer: list[LogEntry] = []
        self.exhausted = False

    def top_up(self, queries: WorkoutListQueries) -> None:
        raise NotImplementedError


class _WorkoutStream(_Stream):
    def __init__(self) -> None:
        super().__init__()
        self._cursor: tuple[int, int] | None = None

    def top_up(self, queries: WorkoutListQueries) -> None:
        while not self.exhausted and len(self.buffer) < PAGE:
            page = queries.workouts(self._cursor, PAGE)
            self.exhausted = len(page) < PAGE
            if page:
                last = page[-1]
                self._cursor = (int(last.started_at.timestamp()), last.key[1])
            self.buffer.extend(page)


class _QuickStream(_Stream):
    def __init__(self) -> None:
        super().__init__()
        self._cursor: int | None = None

    def top_up(self, queries: WorkoutListQueries) -> None:
        while not self.exhausted and len(self.buffer) < PAGE:
            page = queries.quick_days(self._cursor, PAGE)
            self.exhausted = len(page) < PAGE
            if page:
                self._cursor = page[-1].key[1]
            self.buffer.extend(page)


class WorkoutListPages:
    """The whole list, workouts and quick-log days together, newest first, a page at a time
    from the top."""

    def __init__(self, queries: WorkoutListQueries) -> None:
        self._queries = queries
        self._streams: tuple[_Stream, ...] = (_WorkoutStream(), _QuickStream())

    def next_page(self) -> list[LogEntry]:
        """The next :data:`PAGE` entries (fewer at the end, none after it).

        Merges the streams: each holds at least a page (or all it has), so none can run dry
        while a newer entry of it is still unread."""
        for stream in self._streams:
            stream.top_up(self._queries)
        taken: list[LogEntry] = []
        while len(taken) < PAGE:
            heads = [s for s in self._streams if s.buffer]
            if not heads:
                break
            newest = max(heads, key=lambda s: s.buffer[0].sort_key)
            taken.append(newest.buffer.pop(0))
        return taken

    def has_more(self) -> bool:
        """Whether :meth:`next_page` may give more: an entry read ahead and not yet given, or
        workouts or quick-log days not read to their end."""
        return any(s.buffer or not s.exhausted for s in self._streams)
