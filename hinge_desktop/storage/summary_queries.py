"""The summary of a finished session, from its sets in the log and the same drills' sets from
before it (for the records it beat). Reads the whole history of those drills: run it off the
GUI thread."""

from __future__ import annotations

from hinge_desktop.domain.session_summary import SessionEnd, SessionSummary, from_player, summarize
from hinge_desktop.storage.database import Database
from hinge_desktop.storage.sets import SetRepository


def read_summary(db: Database, end: SessionEnd, workout_id: int | None) -> SessionSummary:
    """``end`` with the figures of the sets logged in workout ``workout_id`` (None: nothing was
    stored, so only what the player knows)."""
    if workout_id is None:
        return from_player(end)
    sets = SetRepository(db)
    logged = sets.for_workout(workout_id)
    earlier = [
        s
        for drill_id in dict.fromkeys(s.drill_id for s in logged)
        for s in sets.for_drill(drill_id)
        if s.workout_id != workout_id
    ]
    return summarize(end, logged, earlier)
