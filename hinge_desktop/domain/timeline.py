"""The workout timeline: steps built from drills, run on a monotonic clock by deadlines.

Nothing here counts ticks. Each step has a deadline; the current step and the time left are
computed from the clock whenever they are asked for, so a late or missed tick never makes the
workout drift. The clock is injected, so tests run an hour-long workout in milliseconds. The
steps themselves are built in ``workout_steps`` (named here too, where the player finds them).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from hinge_desktop.domain.training import Side
from hinge_desktop.domain.workout_steps import (
    GET_READY_SECONDS,
    PART_CHANGE_SECONDS,
    REST_BETWEEN_DRILLS_SECONDS,
    SWITCH_SIDES_SECONDS,
    SetKey,
    Step,
    StepKind,
    build_steps,
    first_side,
    is_sided,
    other_side,
    set_seconds,
    set_span,
    set_steps,
    with_first_side,
)

__all__ = [
    "BACK_RESTARTS_AFTER",
    "EXTRA_REST_SECONDS",
    "GET_READY_SECONDS",
    "PART_CHANGE_SECONDS",
    "REST_BETWEEN_DRILLS_SECONDS",
    "SWITCH_SIDES_SECONDS",
    "Moment",
    "SetKey",
    "Step",
    "StepKind",
    "WorkoutTimeline",
    "build_steps",
    "first_side",
    "is_sided",
    "other_side",
    "set_seconds",
    "set_span",
    "set_steps",
    "with_first_side",
]

EXTRA_REST_SECONDS = 15.0
BACK_RESTARTS_AFTER = 3.0
"""Back within this many seconds of a step's start goes to the step before; later, it restarts."""


@dataclass(frozen=True)
class Moment:
    """Where the workout is at one instant."""

    index: int
    step: Step
    elapsed: float
    remaining: float
    paused: bool
    started: bool

    @property
    def finished(self) -> bool:
        return self.step.kind is StepKind.DONE

    @property
    def rep(self) -> int:
        """The rep under way, from 1, in a reps step; 0 otherwise."""
        if self.step.kind is not StepKind.REPS or self.step.rep_seconds <= 0:
            return 0
        return min(self.step.reps, int(self.elapsed // self.step.rep_seconds) + 1)

    @property
    def side(self) -> Side | None:
        """The side under way: in a set whose sides alternate, the side of the rep."""
        step = self.step
        if not step.alternating or step.side is None:
            return step.side
        return step.side if max(self.rep, 1) % 2 == 1 else other_side(step.side)

    @property
    def side_rep(self) -> int:
        """The rep under way counted on its own side (a set whose sides alternate), else the
        rep."""
        return (self.rep + 1) // 2 if self.step.alternating else self.rep

    @property
    def seconds_into_rep(self) -> float:
        if self.step.kind is not StepKind.REPS or self.step.rep_seconds <= 0:
            return 0.0
        return self.elapsed - (self.rep - 1) * self.step.rep_seconds


class WorkoutTimeline:
    """Runs the steps against ``clock`` (monotonic seconds).

    The state is the current step, when it started on the clock, how much was added to it, and
    when it was paused; everything a person sees is computed from those.
    """

    def __init__(
        self, steps: Sequence[Step], clock: Callable[[], float], start_index: int = 0
    ) -> None:
        """``start_index`` is the step the workout starts at (a resumed workout's)."""
        if not steps or steps[-1].kind is not StepKind.DONE:
            raise ValueError("The steps must end with DONE")
        if not 0 <= start_index < len(steps):
            raise ValueError(f"There is no step {start_index} in this workout")
        self._steps = tuple(steps)
        self._clock = clock
        self._index = start_index
        self._step_started = 0.0
        self._extra = 0.0
        self._paused_at: float | None = None
        self._started = False

    @property
    def steps(self) -> tuple[Step, ...]:
        return self._steps

    def replace_steps(self, steps: Sequence[Step]) -> None:
        """The same workout with steps changed in place (a side chosen to come first): the
        position, and the time in it, stay as they are."""
        if [s.kind for s in steps] != [s.kind for s in self._steps]:
            raise ValueError("Only the same steps can replace a workout's steps")
        self._steps = tuple(steps)

    def total_seconds(self) -> float:
        return sum(step.seconds for step in self._steps)

    # Controls

    def start(self) -> None:
        if self._started:
            return
        self._started = True
        self._enter(self._index, self._clock())

    def pause(self) -> None:
        self._advance()
        if self._started and self._paused_at is None and not self._is_done():
            self._paused_at = self._clock()

    def resume(self) -> None:
        if self._paused_at is None:
            return
        self._step_started += self._clock() - self._paused_at
        self._paused_at = None

    def toggle(self) -> None:
        if not self._started:
            self.start()
        elif self._paused_at is None:
            self.pause()
        else:
            self.resume()

    def skip(self) -> None:
        """Next step now: a rest skipped, or a set ended early ("done")."""
        self._advance()
        if self._started and not self._is_done():
            self._enter(self._index + 1, self._now())

    done = skip

    def end_set(self) -> None:
        """The set under way ends now, all of it (the parts still to come too)."""
        self._advance()
        if self._started and not self._is_done() and self._steps[self._index].in_set:
            self._enter(set_span(self._steps, self._index).stop, self._now())

    def back(self) -> None:
        """Restart the step, or go to the one before if it has only just begun."""
        self._advance()
        if not self._started:
            return
        elapsed = self._now() - self._step_started
        if elapsed < BACK_RESTARTS_AFTER and self._index > 0:
            self._enter(self._index - 1, self._now())
        else:
            self._enter(self._index, self._now())

    def restart_step(self) -> None:
        self._advance()
        if self._started:
            self._enter(self._index, self._now())

    def add_rest(self, seconds: float = EXTRA_REST_SECONDS) -> bool:
        """More rest in the current rest step; False (and nothing changes) outside a rest."""
        self._advance()
        if self._steps[self._index].kind not in (StepKind.REST, StepKind.SWITCH_SIDES):
            return False
        self._extra += seconds
        return True

    # Reading

    def moment(self) -> Moment:
        self._advance()
        step = self._steps[self._index]
        if not self._started:
            return Moment(self._index, step, 0.0, step.seconds, False, False)
        length = step.seconds + self._extra
        elapsed = min(max(self._now() - self._step_started, 0.0), length)
        return Moment(
            self._index,
            step,
            elapsed,
            max(length - elapsed, 0.0),
            self._paused_at is not None,
            True,
        )

    def deadline(self) -> float | None:
        """When, on the clock, the current step ends (None before start, paused or done)."""
        if not self._started or self._paused_at is not None or self._is_done():
            return None
        return self._step_started + self._steps[self._index].seconds + self._extra

    # Inside

    def _now(self) -> float:
        return self._paused_at if self._paused_at is not None else self._clock()

    def _is_done(self) -> bool:
        return self._steps[self._index].kind is StepKind.DONE

    def _enter(self, index: int, at: float) -> None:
        self._index = max(0, min(index, len(self._steps) - 1))
        self._step_started = at
        self._extra = 0.0
        if self._paused_at is not None:
            self._paused_at = at

    def _advance(self) -> None:
        """Move past every step whose deadline has gone by; each starts at the last's deadline."""
        if not self._started or self._paused_at is not None:
            return
        now = self._clock()
        while not self._is_done():
            end = self._step_started + self._steps[self._index].seconds + self._extra
            if now < end:
                return
            self._index += 1
            self._step_started = end
            self._extra = 0.0
