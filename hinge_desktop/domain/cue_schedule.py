"""Which planned cues to hand to the voice now, and when each must be heard.

The voice gets each cue a little ahead of its moment (``LOOKAHEAD``) with the clock time it is
due, so that it can start on the dot however late the next tick comes. Cue times are worked out
from the timeline on every call, never stored, so a pause, a skip, Back or extra rest only needs
``replan()`` and everything after the new position is timed afresh.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from hinge_desktop.domain.cues import GET_READY, Cue, CueKind
from hinge_desktop.domain.timeline import Moment, WorkoutTimeline

LOOKAHEAD = 0.6
"""How far ahead, in seconds, a cue is handed over: more than a tick or two, less than a word."""

LATE_LIMIT = 0.3
"""A cue whose moment passed longer ago than this is dropped, never said late (as the speaker)."""

CONTROL_SLACK = 0.05
"""How far into a step the clock may have run between a control and ``replan()``: a cue at the
very start of the step (the get-ready, the first count, "rest 90 seconds") is still to be said."""

_END_ANCHORED = frozenset({CueKind.COUNT, CueKind.PREPARE})
"""Cues counted back from the end of their step (the countdown and what is said just before
it): extra rest moves them with the end."""


_ANNOUNCING = GET_READY | {
    CueKind.REST,
    CueKind.NEXT,
    CueKind.SWITCH_SIDES,
    CueKind.PART,
    CueKind.PART_SIDE,
    CueKind.NEXT_PART,
    CueKind.NEXT_PART_SIDE,
}
"""Cues that say what a step is: their words hold until the step's 3-2-1 begins."""

COUNTDOWN = 3.0
"""Seconds before a step's end that its countdown starts ("3, 2, 1")."""

ANNOUNCE_LATE = 3.0
"""How late, at most, a cue that says what its step is may still be said: "rest 90 seconds"
heard a minute into the rest would mislead."""


@dataclass(frozen=True)
class DueCue:
    """A cue to hand over now, the clock time at which it is to be heard and, for a cue that
    says what its step is, the clock time until which its words still hold when it comes late
    (None: a cue not said on time is not said)."""

    cue: Cue
    at: float
    until: float | None = None


class CueSchedule:
    """Hands each cue of a workout over once, ahead of its moment, on the timeline's clock.

    ``clock`` must be the timeline's clock. Call ``due()`` on every tick and ``replan()`` after
    every control (pause, resume, skip, back, restart, extra rest): cues before the new position
    count as said, cues from it on are handed over again with their new times.
    """

    def __init__(
        self,
        timeline: WorkoutTimeline,
        cues: Sequence[Cue],
        clock: Callable[[], float],
        *,
        lookahead: float = LOOKAHEAD,
        late_limit: float = LATE_LIMIT,
    ) -> None:
        self._timeline = timeline
        self._clock = clock
        self._lookahead = lookahead
        self._late_limit = late_limit
        self._by_step: dict[int, list[tuple[int, Cue]]] = {}
        for number, cue in enumerate(cues):
            self._by_step.setdefault(cue.step_index, []).append((number, cue))
        self._handed: dict[int, float] = {}
        """Cue number -> the clock time it was handed over for."""
        self._floor = (0, -1.0)
        """(step index, seconds into it): cues before this position count as said."""
        self.replan()

    def replan(self) -> None:
        """Start again from where the timeline is now (after a pause, jump or extra rest)."""
        moment = self._timeline.moment()
        self._handed.clear()
        if moment.started:
            self._floor = (moment.index, moment.elapsed - CONTROL_SLACK)
        else:
            self._floor = (0, -1.0)

    def due(self) -> list[DueCue]:
        """The cues to hand over now, in order, each once; nothing while paused or not started.

        A cue whose moment is more than the late limit past is dropped, never handed late.
        """
        moment = self._timeline.moment()
        if not moment.started or moment.paused:
            return []
        now = self._clock()
        horizon = now + self._lookahead
        found: list[DueCue] = []
        steps = self._timeline.steps
        step_start = now - moment.elapsed
        for index in range(moment.index, len(steps)):
            if step_start > horizon:
                break
            length = self._length(moment, index)
            for number, cue in self._by_step.get(index, ()):
                offset = self._offset(cue, length, steps[index].seconds)
                at = step_start + offset
                if at > horizon or number in self._handed or self._before_floor(index, offset):
                    continue
                self._handed[number] = at
                if at < now - self._late_limit:
                    continue
                found.append(DueCue(cue, at, self._until(cue, step_start, length)))
            step_start += length
        found.sort(key=lambda due: due.at)
        return found

    def pending(self) -> bool:
        """True while a cue has been handed over for a moment still to come."""
        now = self._clock()
        return any(at > now for at in self._handed.values())

    def current(self) -> Cue | None:
        """The latest cue of the current step whose moment has come (what to show on screen)."""
        moment = self._timeline.moment()
        if not moment.started:
            return None
        length = self._length(moment, moment.index)
        latest: tuple[float, Cue] | None = None
        for _number, cue in self._by_step.get(moment.index, ()):
            offset = self._offset(cue, length, moment.step.seconds)
            if offset <= moment.elapsed and (latest is None or offset >= latest[0]):
                latest = (offset, cue)
        return latest[1] if latest is not None else None

    # Inside

    def _length(self, moment: Moment, index: int) -> float:
        """How long step ``index`` lasts: the current one with any rest added to it."""
        if index == moment.index:
            return moment.elapsed + moment.remaining
        return self._timeline.steps[index].seconds

    @staticmethod
    def _offset(cue: Cue, length: float, planned: float) -> float:
        if cue.kind in _END_ANCHORED:
            return cue.offset + (length - planned)
        return cue.offset

    @staticmethod
    def _until(cue: Cue, step_start: float, length: float) -> float | None:
        if cue.kind not in _ANNOUNCING:
            return None
        end = length - COUNTDOWN if length - COUNTDOWN > cue.offset else length
        return step_start + min(end, cue.offset + ANNOUNCE_LATE)

    def _before_floor(self, index: int, offset: float) -> bool:
        floor_index, floor_elapsed = self._floor
        return index < floor_index or (index == floor_index and offset < floor_elapsed)
