"""How an imported set is known again: the same drill at the same wall-clock moment with the
same set number and side is the same set, whatever the file's order or the computer's zone."""

from __future__ import annotations

from hinge_desktop.domain.training import LoggedSet
from hinge_desktop.storage import timecodec

SetKey = tuple[str, int, int, str]
"""(drill id, local wall-clock time in seconds, set number, side or "").

Local time, not UTC: other apps' exports carry no time zone, so the same file read on a
computer set to another zone gives other UTC times but the same wall-clock ones."""


def set_key(logged: LoggedSet) -> SetKey:
    at, offset = timecodec.encode(logged.performed_at)
    local = at + offset * 60
    return (logged.drill_id, local, logged.set_number, logged.side.value if logged.side else "")
