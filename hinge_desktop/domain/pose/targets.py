"""What a drill asks of the body at the top and at the bottom of a rep, from its figure."""

from __future__ import annotations

from dataclasses import dataclass

from hinge_desktop.domain.drills import Drill, Support
from hinge_desktop.domain.figure import scene
from hinge_desktop.domain.pose.reading import BodyReading, read_body

MIN_RANGE = 35.0
"""Degrees the hip must move between the drill's first and deepest poses to count reps by."""


@dataclass(frozen=True)
class PoseTargets:
    """The drill's first pose (the top of a rep) and its deepest hinge, read as a camera
    would read a person in them."""

    drill_id: str
    top: BodyReading
    bottom: BodyReading

    @property
    def hip_range(self) -> float:
        return self.bottom.hip - self.top.hip


def pose_targets(drill: Drill) -> PoseTargets | None:
    """The targets of a standing drill whose hip bends enough to count reps by; None for the
    others (lying, kneeling, on all fours, holds that barely move), which the camera does not
    follow."""
    figure = drill.figure
    if figure.support is not Support.STANDING or not figure.poses or drill.prescription.is_hold:
        return None
    readings = [read_body(scene(figure, pose.angles()).points) for pose in figure.poses]
    top = readings[0]
    bottom = max(readings, key=lambda reading: reading.hip)
    if bottom.hip - top.hip < MIN_RANGE:
        return None
    return PoseTargets(drill.id, top, bottom)
