"""The angles of one moment of a hinge, from the side: hip, knee, and trunk from vertical.

Points are in any unit with y up and the person facing +x; a pose model's points are turned
that way first (``landmark_reading``). Nothing here judges the shape of the back: a side view's
points run straight from shoulder to hip, so they cannot see it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

Point = tuple[float, float]

SIDE_POINTS = ("shoulder", "hip", "knee", "ankle", "heel", "toe")
"""The points of one side of the body that the angles need."""
VISIBLE = 0.6
"""How sure the model must be of a point for it to count as seen."""
HEEL_VISIBLE = 0.4
"""How sure it must be of the heel when the toe is seen and well ahead of it. The heel and the
toe say which way the person faces (so whether the hips are behind the ankles), and the model is
less sure of a heel than of a joint: a heel plainly in view reads 0.52–0.58 on the drills'
figures standing tall (the toe 0.61 and over). At 0.6, a wall hip hinge's figure was out of view
in 158 of 870 frames, every one of them upright."""
FOOT_SPAN = 0.1
"""How far ahead of the heel, along the floor and in leg lengths, a toe must be for a less sure
heel to do: a foot side-on spans 0.21 and over on the figures, and a foot whose two ends the
model has bunched together says nothing sure of the way the person faces."""
EDGE = 0.01
"""How far inside the picture (as a share of its size) a point must be to count as in view."""


@dataclass(frozen=True)
class Landmark:
    """A point a pose model found: in pixels from the top left, and how sure it is."""

    x: float
    y: float
    visibility: float = 1.0


@dataclass(frozen=True)
class BodyReading:
    """One moment of the body from the side, in degrees and in leg lengths.

    ``hip`` and ``knee`` are how far each is bent (0 is straight, as on the drill's figure);
    ``trunk`` is the lean of the hip-to-shoulder line from vertical. ``hips_back`` is how far
    the hip is behind the ankle and ``knees_forward`` how far the knee is ahead of it, both in
    lengths of the leg (hip to ankle), so they do not depend on the camera's distance.
    """

    hip: float
    knee: float
    trunk: float
    hips_back: float
    knees_forward: float
    whole_body: bool = True


def _bend(a: Point, vertex: Point, b: Point) -> float:
    """How far the joint at ``vertex`` is bent from straight, in degrees (0–180)."""
    ax, ay = a[0] - vertex[0], a[1] - vertex[1]
    bx, by = b[0] - vertex[0], b[1] - vertex[1]
    lengths = math.hypot(ax, ay) * math.hypot(bx, by)
    if lengths == 0:
        return 0.0
    cosine = max(-1.0, min(1.0, (ax * bx + ay * by) / lengths))
    return 180.0 - math.degrees(math.acos(cosine))


def read_body(points: Mapping[str, Point], *, whole_body: bool = True) -> BodyReading:
    """The reading of a side view whose points face +x with y up."""
    shoulder, hip, knee, ankle = (points[name] for name in ("shoulder", "hip", "knee", "ankle"))
    leg = math.dist(hip, knee) + math.dist(knee, ankle) or 1.0
    trunk = math.degrees(math.atan2(abs(shoulder[0] - hip[0]), shoulder[1] - hip[1]))
    return BodyReading(
        hip=_bend(shoulder, hip, knee),
        knee=_bend(hip, knee, ankle),
        trunk=trunk,
        hips_back=(ankle[0] - hip[0]) / leg,
        knees_forward=(knee[0] - ankle[0]) / leg,
        whole_body=whole_body,
    )


def _side(landmarks: Mapping[str, Landmark]) -> str | None:
    """The side of the body nearer the camera: the one the model is surer of."""
    best, best_score = None, -1.0
    for side in ("left", "right"):
        names = [f"{side}_{point}" for point in SIDE_POINTS]
        if not all(name in landmarks for name in names):
            continue
        score = sum(landmarks[name].visibility for name in names)
        if score > best_score:
            best, best_score = side, score
    return best


def _in_view(point: Landmark, width: float, height: float, sure: float = VISIBLE) -> bool:
    return (
        point.visibility >= sure
        and EDGE * width <= point.x <= (1 - EDGE) * width
        and EDGE * height <= point.y <= (1 - EDGE) * height
    )


def landmark_reading(
    landmarks: Mapping[str, Landmark], width: float, height: float
) -> BodyReading | None:
    """The reading of a pose model's points (``left_hip``, ``right_knee``, ``nose``…), or None
    when they do not make a body. ``whole_body`` says whether every point the angles and cues
    need is clearly in the picture."""
    side = _side(landmarks)
    if side is None:
        return None
    found = {point: landmarks[f"{side}_{point}"] for point in SIDE_POINTS}
    # Facing the way the toes point; mirrored so the person faces +x, with y turned up.
    facing = 1.0 if found["toe"].x >= found["heel"].x else -1.0
    points = {name: (facing * p.x, -p.y) for name, p in found.items()}
    # The head must be in the picture too; the model is rarely sure of a face seen side-on.
    head = [Landmark(p.x, p.y) for n, p in landmarks.items() if n == "nose"]
    # A heel the model is less sure of does while the toe is clearly ahead of it.
    leg = math.dist(points["hip"], points["knee"]) + math.dist(points["knee"], points["ankle"])
    span = abs(found["toe"].x - found["heel"].x)
    heel_bar = HEEL_VISIBLE if span >= FOOT_SPAN * leg else VISIBLE
    whole = all(
        _in_view(point, width, height, heel_bar if name == "heel" else VISIBLE)
        for name, point in [*found.items(), *(("nose", point) for point in head)]
    )
    return read_body(points, whole_body=whole)
