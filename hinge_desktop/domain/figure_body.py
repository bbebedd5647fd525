"""The figure's body as a person's outline: tapered limbs, a torso, an oval head, in clothes.

Pure geometry in centimetres, like ``figure.py``: each part is a closed outline around the joints
of a posed figure, named by what covers it (skin, hair, shirt, trousers, shoe) so a renderer can
paint it in flat colours. A figure drawn this way reads as a person from across a room, and a pose
model finds it as one, so pictures drawn from it can stand in for a person on camera with their
joint angles known exactly.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

Point = tuple[float, float]
Circle = tuple[Point, float]

CLOTHING = ("skin", "hair", "shirt", "trousers", "shoe")

HEAD_ALONG = 12.0
"""Half the head's length along the neck (crown to chin), in centimetres."""
HEAD_ACROSS = 10.0
"""Half the head's depth, back of the skull to the face."""

_ROUND = 18
"""Points on each circle an outline is built from: smooth at any size the app draws."""


@dataclass(frozen=True)
class BodyPart:
    """One flat-coloured piece of the body, drawn in the order the parts come."""

    name: str
    clothing: str
    outline: tuple[Point, ...]
    far: bool = False


def _unit(a: Point, b: Point) -> Point:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy) or 1.0
    return dx / length, dy / length


def _cross(o: Point, a: Point, b: Point) -> float:
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def _hull(points: Sequence[Point]) -> tuple[Point, ...]:
    """The convex hull, counter-clockwise (Andrew's monotone chain)."""
    ordered = sorted(set(points))
    if len(ordered) < 3:
        return tuple(ordered)
    lower: list[Point] = []
    for point in ordered:
        while len(lower) >= 2 and _cross(lower[-2], lower[-1], point) <= 0:
            lower.pop()
        lower.append(point)
    upper: list[Point] = []
    for point in reversed(ordered):
        while len(upper) >= 2 and _cross(upper[-2], upper[-1], point) <= 0:
            upper.pop()
        upper.append(point)
    return tuple(lower[:-1] + upper[:-1])


def _round_hull(circles: Sequence[Circle]) -> tuple[Point, ...]:
    """The outline around a few circles: two make a tapered limb, more a rounded block."""
    points = [
        (
            centre[0] + radius * math.cos(2 * math.pi * i / _ROUND),
            centre[1] + radius * math.sin(2 * math.pi * i / _ROUND),
        )
        for centre, radius in circles
        for i in range(_ROUND)
    ]
    return _hull(points)


def _at(origin: Point, along: Point, s: float, length: float, back: Point, b: float) -> Point:
    """A point ``s`` of ``length`` along a direction from ``origin``, moved ``b`` to the back."""
    return (
        origin[0] + along[0] * s * length + back[0] * b,
        origin[1] + along[1] * s * length + back[1] * b,
    )


def _ellipse(centre: Point, along: Point, half_along: float, half_across: float) -> list[Point]:
    across = (-along[1], along[0])
    points = []
    for i in range(2 * _ROUND):
        t = 2 * math.pi * i / (2 * _ROUND)
        a, c = math.cos(t) * half_along, math.sin(t) * half_across
        points.append(
            (centre[0] + along[0] * a + across[0] * c, centre[1] + along[1] * a + across[1] * c)
        )
    return points


def _head(points: Mapping[str, Point]) -> list[BodyPart]:
    shoulder, head = points["shoulder"], points["head"]
    along = _unit(shoulder, head)
    back = (-along[1], along[0])  # a quarter turn counter-clockwise: the back of the head
    face = _ellipse(head, along, HEAD_ALONG, HEAD_ACROSS)
    # Hair covers the crown and the back of the skull, down to the nape.
    hair = [
        (p[0] - head[0], p[1] - head[1])
        for p in _ellipse(head, along, HEAD_ALONG * 1.06, HEAD_ACROSS * 1.08)
    ]
    kept = [
        (head[0] + x, head[1] + y)
        for x, y in hair
        if (x * along[0] + y * along[1]) > -0.2 * HEAD_ALONG
        and (x * back[0] + y * back[1]) > -0.35 * HEAD_ACROSS
    ]
    neck_base = _at(shoulder, along, 0.15, math.dist(shoulder, head), back, 0.0)
    neck = _round_hull([(neck_base, 5.0), (head, 4.6)])
    return [
        BodyPart("neck", "skin", neck),
        BodyPart("head", "skin", tuple(face)),
        BodyPart("hair", "hair", _hull(kept)),
    ]


def _torso(points: Mapping[str, Point]) -> list[BodyPart]:
    hip, shoulder = points["hip"], points["shoulder"]
    length = math.dist(hip, shoulder)
    along = _unit(hip, shoulder)
    back = (-along[1], along[0])  # a quarter turn counter-clockwise: the back
    pelvis = _round_hull(
        [
            (_at(hip, along, 0.02, length, back, 2.5), 10.0),
            (_at(hip, along, 0.0, length, back, -1.5), 8.5),
            (_at(hip, along, 0.3, length, back, 0.0), 9.0),
        ]
    )
    chest = _round_hull(
        [
            (_at(hip, along, 0.3, length, back, 0.0), 9.3),
            (_at(hip, along, 0.68, length, back, -1.0), 11.0),
            (_at(hip, along, 0.95, length, back, 0.5), 8.5),
        ]
    )
    return [BodyPart("pelvis", "trousers", pelvis), BodyPart("chest", "shirt", chest)]


def _leg(points: Mapping[str, Point], prefix: str) -> list[BodyPart]:
    far = bool(prefix)
    hip, knee, ankle = points["hip"], points[f"{prefix}knee"], points[f"{prefix}ankle"]
    heel, toe = points[f"{prefix}heel"], points[f"{prefix}toe"]
    up = _unit(heel, ankle)
    sole = _unit(heel, toe)

    def lift(point: Point, by: float, forward: float = 0.0) -> Point:
        return (
            point[0] + up[0] * by + sole[0] * forward,
            point[1] + up[1] * by + sole[1] * forward,
        )

    return [
        BodyPart(f"{prefix}thigh", "trousers", _round_hull([(hip, 8.5), (knee, 5.6)]), far),
        BodyPart(f"{prefix}shin", "trousers", _round_hull([(knee, 5.4), (ankle, 4.0)]), far),
        BodyPart(
            f"{prefix}shoe",
            "shoe",
            _round_hull([(lift(heel, 3.6, 2.0), 3.6), (lift(toe, 2.4, -2.0), 2.4), (ankle, 3.8)]),
            far,
        ),
    ]


def _arm(points: Mapping[str, Point]) -> list[BodyPart]:
    shoulder, elbow, hand = points["shoulder"], points["elbow"], points["hand"]
    along = _unit(elbow, hand)
    wrist = (hand[0] - along[0] * 6.0, hand[1] - along[1] * 6.0)
    return [
        BodyPart("forearm", "skin", _round_hull([(elbow, 3.7), (wrist, 2.7)])),
        BodyPart(
            "hand",
            "skin",
            tuple(_ellipse((hand[0] - along[0] * 2.5, hand[1] - along[1] * 2.5), along, 5.0, 3.1)),
        ),
        BodyPart("upper arm", "shirt", _round_hull([(shoulder, 5.4), (elbow, 4.2)])),
    ]


def body_parts(points: Mapping[str, Point]) -> tuple[BodyPart, ...]:
    """The body of a posed figure, back to front: the far leg, the torso, the near leg, the
    head and the near arm."""
    return tuple(
        _leg(points, "far_") + _torso(points) + _leg(points, "") + _head(points) + _arm(points)
    )


def outline_bounds(parts: Sequence[BodyPart]) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) around every part."""
    xs = [x for part in parts for x, _ in part.outline]
    ys = [y for part in parts for _, y in part.outline]
    return min(xs), min(ys), max(xs), max(ys)
