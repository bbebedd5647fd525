"""The pose assist's one loop: a reading in, the smoothed angles, a rep when one ends, and the
cue to say, if any."""

from __future__ import annotations

from dataclasses import dataclass

from hinge_desktop.domain.pose.form import CueGate, FormCue, rep_cues
from hinge_desktop.domain.pose.reading import BodyReading
from hinge_desktop.domain.pose.reps import Rep, RepCounter, SmoothedReadings
from hinge_desktop.domain.pose.targets import PoseTargets

LOST_FRAMES = 8
"""Frames in a row without a body after which a rep under way is let go."""


@dataclass(frozen=True)
class PoseUpdate:
    """What one frame brought: the smoothed angles (None while no body is found), a rep that
    just ended with the cues its angles back, and the cue to say now (rate-limited)."""

    seconds: float
    reading: BodyReading | None
    rep: Rep | None = None
    cues: tuple[FormCue, ...] = ()
    say: FormCue | None = None


class PoseCoach:
    def __init__(self, targets: PoseTargets, gate: CueGate | None = None) -> None:
        self.targets = targets
        self._smoothed = SmoothedReadings()
        self._counter = RepCounter(targets)
        self._gate = gate if gate is not None else CueGate()
        self._missed = 0

    @property
    def count(self) -> int:
        return self._counter.count

    @property
    def in_rep(self) -> bool:
        """A rep has begun and not yet come back up."""
        return self._counter.in_rep

    def add(self, seconds: float, reading: BodyReading | None) -> PoseUpdate:
        if reading is None:
            self._missed += 1
            if self._missed == LOST_FRAMES:
                self._counter.lost_sight()
                self._smoothed.clear()
            return PoseUpdate(seconds, None)
        self._missed = 0
        smoothed = self._smoothed.add(reading)
        rep = self._counter.add(seconds, smoothed)
        if rep is None:
            return PoseUpdate(seconds, smoothed)
        cues = rep_cues(rep, self.targets)
        return PoseUpdate(seconds, smoothed, rep, cues, self._gate.pick(seconds, cues))
