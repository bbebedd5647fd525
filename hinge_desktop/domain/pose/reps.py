"""Counting reps from the hip angle: smoothed, with two thresholds so a wobble at either end
is never counted twice."""

from __future__ import annotations

import statistics
from collections import deque
from dataclasses import dataclass, replace

from hinge_desktop.domain.pose.reading import BodyReading
from hinge_desktop.domain.pose.targets import PoseTargets

MEDIAN_FRAMES = 5
"""Frames in the running median: enough to drop a point the model misplaces for a frame or two
(a knee hidden behind a plate), few enough to lag a sixth of a second at 30 frames a second."""
GOING_DOWN = 0.35
"""The share of the drill's hip range past the top at which a rep has begun."""
BACK_UP = 0.15
"""The share of the range, past the top, below which the rep has ended."""
SEEN_ENOUGH = 0.8
"""The share of a rep's frames that must show the whole body for its angles to back a cue."""


def rep_bounds(targets: PoseTargets) -> tuple[float, float]:
    """The hip bends, in degrees, a rep passes: past the first on the way down, then back under
    the second (which is also how near standing it must begin)."""
    return (
        targets.top.hip + GOING_DOWN * targets.hip_range,
        targets.top.hip + BACK_UP * targets.hip_range,
    )


class SmoothedReadings:
    """The running median of the last few readings, angle by angle."""

    def __init__(self, frames: int = MEDIAN_FRAMES) -> None:
        self._recent: deque[BodyReading] = deque(maxlen=frames)

    def add(self, reading: BodyReading) -> BodyReading:
        self._recent.append(reading)
        recent = self._recent

        def median(name: str) -> float:
            return float(statistics.median(float(getattr(r, name)) for r in recent))

        return BodyReading(
            hip=median("hip"),
            knee=median("knee"),
            trunk=median("trunk"),
            hips_back=median("hips_back"),
            knees_forward=median("knees_forward"),
            whole_body=all(r.whole_body for r in recent),
        )

    def clear(self) -> None:
        self._recent.clear()


@dataclass(frozen=True)
class Rep:
    """One rep as the camera saw it: when it began, bottomed and ended, and the body at its
    deepest point."""

    number: int
    start: float
    bottom_time: float
    end: float
    bottom: BodyReading
    seen_whole: bool
    """The whole body was clearly in the picture at the deepest point and nearly throughout."""


class RepCounter:
    """Feeds on smoothed readings with their times (seconds) and hands back each rep as it ends."""

    def __init__(self, targets: PoseTargets) -> None:
        self._targets = targets
        self._count = 0
        self._start: float | None = None
        self._deepest: BodyReading | None = None
        self._deepest_time = 0.0
        self._frames = 0
        self._whole_frames = 0
        self._top_seen = False
        """A rep begins only after the top has been seen: never from a body found mid-rep."""

    @property
    def count(self) -> int:
        return self._count

    @property
    def in_rep(self) -> bool:
        return self._start is not None

    def _share(self, reading: BodyReading) -> float:
        """How far through the drill's range the hip is: 0 at the top, 1 at the deepest pose."""
        span = self._targets.hip_range or 1.0
        return (reading.hip - self._targets.top.hip) / span

    def add(self, seconds: float, reading: BodyReading) -> Rep | None:
        share = self._share(reading)
        if self._start is None:
            if share <= BACK_UP:
                self._top_seen = True
            if share >= GOING_DOWN and self._top_seen:
                self._start, self._frames, self._whole_frames = seconds, 0, 0
                self._deepest, self._deepest_time = reading, seconds
            else:
                return None
        self._frames += 1
        self._whole_frames += reading.whole_body
        if self._deepest is None or reading.hip > self._deepest.hip:
            self._deepest, self._deepest_time = reading, seconds
        if share > BACK_UP:
            return None
        self._count += 1
        assert self._deepest is not None
        rep = Rep(
            number=self._count,
            start=self._start,
            bottom_time=self._deepest_time,
            end=seconds,
            bottom=replace(self._deepest),
            seen_whole=self._deepest.whole_body
            and self._whole_frames >= SEEN_ENOUGH * self._frames,
        )
        self._start, self._deepest = None, None
        return rep

    def lost_sight(self) -> None:
        """The body left the picture: a rep under way is not counted on a guess."""
        self._start, self._deepest, self._top_seen = None, None, False
