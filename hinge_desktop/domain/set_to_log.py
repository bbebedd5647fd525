"""Which set the log panel offers at a moment of a workout, and whether it can be logged now.

The set under way, or the last one that ended, is offered until the next set begins; a set done
in timed parts is one set from its first part to its last (one a side where its sides are logged
apart), and a set whose sides alternate every rep is one set of both sides. Within one set of a
per-side drill the sides wait for each other: while the first side is not logged it is offered
first, so that the other side beginning never leaves it behind. After a drill's
prescribed sets, one more click logs an extra set. Everything else (a set already logged, the
next one not begun) can be told to the person, never silently ignored.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from enum import StrEnum

from hinge_desktop.domain.drills import Drill
from hinge_desktop.domain.timeline import SetKey, Step, StepKind, set_seconds, set_span
from hinge_desktop.domain.training import Side

__all__ = ["Offer", "SetKey", "SetToLog", "moved_on", "set_to_log", "step_key"]


class Offer(StrEnum):
    UNDER_WAY = "under_way"
    """The set under way: a click ends it early and logs it."""
    ENDED = "ended"
    """A set (or side) that ended and is not logged yet."""
    EXTRA = "extra"
    """The drill's prescribed sets are logged: a click logs one more."""
    LOGGED = "logged"
    """The set is logged; the next one has not begun."""
    UPCOMING = "upcoming"
    """The next set has not begun (getting ready, or the workout not started)."""


@dataclass(frozen=True)
class SetToLog:
    drill: Drill
    set_number: int
    side: Side | None
    offer: Offer
    sets: int
    """The drill's prescribed sets."""
    step_index: int | None = None
    """The set's step in the workout (None for an extra set)."""
    reps: int | None = None
    """The reps the set is done for (both sides' where they alternate)."""
    seconds: float | None = None
    """The seconds a hold is held for (its parts together)."""

    @property
    def key(self) -> SetKey:
        return (self.drill.id, self.set_number, self.side)

    @property
    def can_log(self) -> bool:
        return self.offer in (Offer.UNDER_WAY, Offer.ENDED, Offer.EXTRA)

    @property
    def is_extra(self) -> bool:
        return self.set_number > self.sets


def step_key(step: Step) -> SetKey:
    return step.set_key


def set_to_log(
    steps: Sequence[Step], position: int, started: bool, logged: Collection[SetKey]
) -> SetToLog | None:
    """The set to offer at step ``position`` (``started``: the workout runs or ran), given the
    keys of the sets of this workout already logged; None when the workout has no set."""
    step = steps[position]
    current = position if step.in_set else _work_before(steps, position)
    if current is not None:
        first = _first_side_waiting(steps, current, logged)
        if first is not None:
            return _offer(steps, first, Offer.ENDED)
    if current is None:
        return _upcoming(steps, position)
    if step_key(steps[current]) not in logged:
        if current == position:
            return _offer(steps, current, Offer.UNDER_WAY if started else Offer.UPCOMING)
        return _offer(steps, current, Offer.ENDED)
    if step.kind is StepKind.GET_READY:
        return _upcoming(steps, position)
    if current != position and _last_of_its_drill(steps, current):
        return _extra(steps, current, logged)
    return _offer(steps, current, Offer.LOGGED)


def _offer(steps: Sequence[Step], index: int, offer: Offer) -> SetToLog:
    step = steps[index]
    assert step.drill is not None
    reps, seconds = _dose(steps, index)
    return SetToLog(
        step.drill, step.set_number, step.logged_side, offer, step.sets, index, reps, seconds
    )


def _dose(steps: Sequence[Step], index: int) -> tuple[int | None, float | None]:
    """The reps of the set of step ``index``, or the seconds of its holds."""
    work = [steps[i] for i in set_span(steps, index) if steps[i].is_work]
    if any(step.kind is StepKind.REPS for step in work):
        return max(step.reps for step in work), None
    return None, set_seconds(steps, index)


def _work_before(steps: Sequence[Step], position: int) -> int | None:
    for index in range(position - 1, -1, -1):
        if steps[index].in_set:
            return index
    return None


def _upcoming(steps: Sequence[Step], position: int) -> SetToLog | None:
    for index in range(position, len(steps)):
        if steps[index].is_work:
            return _offer(steps, index, Offer.UPCOMING)
    return None


def _first_side_waiting(
    steps: Sequence[Step], index: int, logged: Collection[SetKey]
) -> int | None:
    """The first side of the same set as the second side at ``index``, when it is not
    logged."""
    step = steps[index]
    if step.logged_side is None:
        return None
    before = _work_before(steps, set_span(steps, index).start)
    if before is None:
        return None
    other = steps[before]
    same_set = other.set_key[:2] == step.set_key[:2] and other.logged_side is not None
    if same_set and other.logged_side is not step.logged_side and other.set_key not in logged:
        return before
    return None


def _last_of_its_drill(steps: Sequence[Step], index: int) -> bool:
    """No set of the same drill follows before another drill begins."""
    for later in steps[set_span(steps, index).stop :]:
        if later.kind is StepKind.GET_READY or later.kind is StepKind.DONE:
            return True
        if later.is_work:
            return False
    return True


def _extra(steps: Sequence[Step], index: int, logged: Collection[SetKey]) -> SetToLog:
    """One more set of the drill after its last (step ``index``): the next number, on the side
    its sets start on, then the other, with the same dose."""
    last = steps[index]
    drill = last.drill
    assert drill is not None
    numbers = [number for (drill_id, number, _side) in logged if drill_id == drill.id]
    top = max(numbers, default=last.set_number)
    reps, seconds = _dose(steps, index)
    if last.logged_side is None:
        return SetToLog(drill, top + 1, None, Offer.EXTRA, last.sets, None, reps, seconds)
    # The set's last side is its second: the first is the other one.
    second = last.logged_side
    first = Side.LEFT if second is Side.RIGHT else Side.RIGHT
    if top > last.sets and (drill.id, top, second) not in logged:
        return SetToLog(drill, top, second, Offer.EXTRA, last.sets, None, reps, seconds)
    return SetToLog(drill, top + 1, first, Offer.EXTRA, last.sets, None, reps, seconds)


def moved_on(before: SetToLog, after: SetToLog) -> bool:
    """Whether the set offered moved on (a later set began), not back (an undo, Back)."""
    if before.step_index is None:
        return after.step_index is None or after.drill.id != before.drill.id
    if after.step_index is None:
        return True
    return after.step_index > before.step_index
