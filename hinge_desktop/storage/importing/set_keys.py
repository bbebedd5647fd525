"""How an imported set is known again: the same drill at the same wall-clock moment with the
same set number and side, in a workout of the same name, is the same set, whatever the file's
order or the computer's zone."""

from __future__ import annotations

from hinge_desktop.domain.training import LoggedSet
from hinge_desktop.storage import timecodec

SetKey = tuple[str, int, int, str, str]
"""(drill id, local wall-clock time in seconds, set number, side or "", workout name or "").

Local time, not UTC: other apps' exports carry no time zone, so the same file read on a
computer set to another zone gives other UTC times but the same wall-clock ones.

The workout's name: Strong and Hevy give every set its workout's start, so two workouts that
started in the same second have sets at the same moment with the same numbers; their names
tell them apart (a file's workouts of the same name and start are one workout). The start
itself is not part of the key: the sets' moment is the start in those files, and Hinge's CSV
export does not say when a workout began, so a key with it would not know its own sets again.
"""


def set_key(logged: LoggedSet, workout: str = "") -> SetKey:
    """The key of ``logged``, a set of the workout named ``workout`` ("" outside a workout)."""
    at, offset = timecodec.encode(logged.performed_at)
    local = at + offset * 60
    side = logged.side.value if logged.side else ""
    return (logged.drill_id, local, logged.set_number, side, workout)
