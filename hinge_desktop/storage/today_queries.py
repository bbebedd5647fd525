"""What the start page reads: the ladder's state, the last session, the weeks with training, the
days trained this week and the activation snacks of each day, in one read transaction.

Each query reads an index or the daily roll-up ``drill_days``; the ladder's state costs what the
ladder's own reading costs (:meth:`LadderRepository.state`).
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlite_utils import Database

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.drills import Phase
from hinge_desktop.domain.routines import BUILTIN_PREFIX, Routine, builtin_routines
from hinge_desktop.domain.snacks import STREAK_WINDOW_DAYS
from hinge_desktop.domain.today import LastSession, TodayReading, this_week
from hinge_desktop.storage import timecodec
from hinge_desktop.storage.ladder import LadderRepository
from hinge_desktop.storage.progress_queries import HistoryQueries
from hinge_desktop.storage.routines import RoutineNotFound, RoutineRepository
from hinge_desktop.storage.snack_queries import snacks_by_day

_LOCAL = "(performed_at + utc_offset * 60)"
_LOCAL_DAY = f"({_LOCAL} / 86400 - ({_LOCAL} % 86400 < 0))"
"""The local day number (since 1970-01-01) of a set, as ``drill_days`` counts it."""


def read_today(db: Database, catalogue: Catalogue, today: date) -> TodayReading:
    """Everything the start page shows as of ``today`` (the local date), from one moment of the
    log. Run it on a connection no write is pending on (the background reader's)."""
    db.execute("BEGIN")
    try:
        last = last_session(db)
        first, last_day = this_week(today)
        history = HistoryQueries(db)
        ladder = LadderRepository(db).state(catalogue)
        return TodayReading(
            ladder=ladder,
            last_session=last,
            training_weeks=tuple(history.training_weeks()),
            days_this_week=len(history.day_counts(first, last_day)),
            last_routine=_routine(db, catalogue, last, ladder.phase),
            snacks=snacks_by_day(db, today - timedelta(days=STREAK_WINDOW_DAYS), today),
        )
    finally:
        db.execute("COMMIT")


def last_session(db: Database) -> LastSession | None:
    """The session of the newest logged set; None when nothing is logged."""
    row = db.execute(
        "SELECT workout_id, performed_at, utc_offset FROM sets "
        "ORDER BY performed_at DESC, id DESC LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    workout_id, performed_at, offset = row
    if workout_id is not None:
        return _workout_session(db, workout_id)
    day = (performed_at + offset * 60) // 86400
    return _quick_session(db, day)


def _workout_session(db: Database, workout_id: int) -> LastSession:
    started_at, offset, name, routine_id = db.execute(
        "SELECT started_at, utc_offset, name, routine_id FROM workouts WHERE id = ?",
        [workout_id],
    ).fetchone()
    drills = db.execute(
        "SELECT drill_id, count(*) FROM sets WHERE workout_id = ? "
        "GROUP BY drill_id ORDER BY min(performed_at), min(id)",
        [workout_id],
    ).fetchall()
    return LastSession(
        started_at=timecodec.decode(started_at, offset),
        name=name or "",
        drill_ids=tuple(drill_id for drill_id, _count in drills),
        sets=sum(count for _drill, count in drills),
        routine_id=routine_id,
    )


def _quick_session(db: Database, day: int) -> LastSession:
    # The window of two days either side lets the time index narrow the search; the local day
    # then picks the sets exactly, whatever their offset.
    rows = db.execute(
        "SELECT drill_id, performed_at, utc_offset FROM sets WHERE workout_id IS NULL "
        "AND performed_at >= ? AND performed_at < ? "
        f"AND {_LOCAL_DAY} = ? ORDER BY performed_at, id",
        [(day - 2) * 86400, (day + 3) * 86400, day],
    ).fetchall()
    drill_ids = tuple(dict.fromkeys(drill_id for drill_id, _at, _offset in rows))
    _drill, first_at, offset = rows[0]
    return LastSession(
        started_at=timecodec.decode(first_at, offset),
        name="",
        drill_ids=drill_ids,
        sets=len(rows),
        quick=True,
    )


def _routine(
    db: Database, catalogue: Catalogue, last: LastSession | None, rung: Phase
) -> Routine | None:
    """The routine the last session was started from, as it is now for a person on ``rung``
    (a built-in assistance routine holds that rung's lifts); None if it is gone."""
    if last is None or last.routine_id is None:
        return None
    if last.routine_id.startswith(BUILTIN_PREFIX):
        routines = builtin_routines(catalogue, rung)
        return next((r for r in routines if r.id == last.routine_id), None)
    try:
        return RoutineRepository(db).get(last.routine_id)
    except RoutineNotFound:
        return None
