"""The activation snacks of each day, as Today and History's calendar count them."""

from __future__ import annotations

from datetime import date, timedelta

from sqlite_utils import Database

from hinge_desktop.domain.snacks import SNACK_ROUTINES


def snacks_by_day(db: Database, first: date, last: date) -> dict[date, int]:
    """How many snacks (sessions of a snack routine with a set logged) began on each local day
    from ``first`` to ``last``; days with none are left out."""
    epoch = date(1970, 1, 1)
    first_day, last_day = (first - epoch).days, (last - epoch).days
    marks = ", ".join("?" for _ in SNACK_ROUTINES)
    local = "(w.started_at + w.utc_offset * 60)"
    rows = db.execute(
        f"SELECT {local} / 86400 - ({local} % 86400 < 0) AS day, count(*) FROM workouts w "
        f"WHERE w.routine_id IN ({marks}) AND w.started_at >= ? AND w.started_at < ? "
        "AND EXISTS (SELECT 1 FROM sets s WHERE s.workout_id = w.id) "
        "GROUP BY day HAVING day BETWEEN ? AND ?",
        [*SNACK_ROUTINES, (first_day - 2) * 86400, (last_day + 3) * 86400, first_day, last_day],
    ).fetchall()
    return {epoch + timedelta(days=day): count for day, count in rows}
