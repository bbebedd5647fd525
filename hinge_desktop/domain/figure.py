"""The side-view figure: where each joint is for a pose, and what to draw around it.

Pure geometry in centimetres, y up, the person facing +x. The app's renderer paints the
``FigureScene`` this module builds; tests check the geometry itself (limb lengths, contacts,
where the bend happens) without a window.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from hinge_desktop.domain.drills import Figure, Place, PropKind, Tempo
from hinge_desktop.domain.figure_body import body_parts, outline_bounds

# Segment lengths of a person about 1.77 m tall.
SEGMENTS: dict[tuple[str, str], float] = {
    ("hip", "shoulder"): 52.0,
    ("shoulder", "head"): 22.0,
    ("shoulder", "elbow"): 30.0,
    ("elbow", "hand"): 32.0,
    ("hip", "knee"): 44.0,
    ("knee", "ankle"): 44.0,
    ("hip", "far_knee"): 44.0,
    ("far_knee", "far_ankle"): 44.0,
}
HEAD_RADIUS = 11.0
TRUNK_HALF_DEPTH = 11.0
ANKLE_HEIGHT = 8.0
HEEL_BACK = 5.0
TOE_FORWARD = 18.0

# How far the surface of the body is from each joint, for contacts with the floor.
RADIUS: dict[str, float] = {
    "head": HEAD_RADIUS,
    "shoulder": 9.0,
    "elbow": 4.0,
    "hand": 3.0,
    "hip": 10.0,
    "knee": 6.0,
    "far_knee": 6.0,
    "ankle": ANKLE_HEIGHT,
    "far_ankle": ANKLE_HEIGHT,
    "heel": 0.0,
    "toe": 0.0,
    "far_heel": 0.0,
    "far_toe": 0.0,
}
BODY_POINTS: tuple[str, ...] = tuple(RADIUS)
SURFACES = ("floor", "bench", "block")
CONTACT_TOLERANCE = 4.0
"""Centimetres a contact may float above or sink into its surface and still count."""
DOWEL_TOUCH = 3.0


def _direction(degrees: float) -> tuple[float, float]:
    radians = math.radians(degrees)
    return math.cos(radians), math.sin(radians)


def _along(origin: tuple[float, float], degrees: float, length: float) -> tuple[float, float]:
    dx, dy = _direction(degrees)
    return origin[0] + dx * length, origin[1] + dy * length


def joint_positions(angles: Mapping[str, float]) -> dict[str, tuple[float, float]]:
    """Every body point for a pose, with the hip at the origin.

    Directions are counter-clockwise from +x: the trunk points up when upright, and each
    flexion turns the next segment towards the front of the body.
    """
    trunk = 90.0 - angles["trunk"]
    points: dict[str, tuple[float, float]] = {"hip": (0.0, 0.0)}
    points["shoulder"] = _along(points["hip"], trunk, SEGMENTS[("hip", "shoulder")])
    points["head"] = _along(
        points["shoulder"], trunk - angles["neck"], SEGMENTS[("shoulder", "head")]
    )
    upper_arm = trunk + 180.0 + angles["shoulder"]
    points["elbow"] = _along(points["shoulder"], upper_arm, SEGMENTS[("shoulder", "elbow")])
    points["hand"] = _along(
        points["elbow"], upper_arm + angles["elbow"], SEGMENTS[("elbow", "hand")]
    )
    for prefix in ("", "far_"):
        thigh = trunk + 180.0 + angles[f"{prefix}hip"]
        knee = _along(points["hip"], thigh, SEGMENTS[("hip", f"{prefix}knee")])
        shin = thigh - angles[f"{prefix}knee"]
        ankle = _along(knee, shin, SEGMENTS[(f"{prefix}knee", f"{prefix}ankle")])
        foot = shin + 90.0 + angles[f"{prefix}ankle"]
        fx, fy = _direction(foot)
        down = (fy, -fx)
        points[f"{prefix}knee"] = knee
        points[f"{prefix}ankle"] = ankle
        points[f"{prefix}heel"] = (
            ankle[0] - HEEL_BACK * fx + ANKLE_HEIGHT * down[0],
            ankle[1] - HEEL_BACK * fy + ANKLE_HEIGHT * down[1],
        )
        points[f"{prefix}toe"] = (
            ankle[0] + TOE_FORWARD * fx + ANKLE_HEIGHT * down[0],
            ankle[1] + TOE_FORWARD * fy + ANKLE_HEIGHT * down[1],
        )
    return points


def included_angle(
    a: tuple[float, float], vertex: tuple[float, float], b: tuple[float, float]
) -> float:
    """The angle at ``vertex`` between the rays to ``a`` and ``b``, in degrees (0–180)."""
    ax, ay = a[0] - vertex[0], a[1] - vertex[1]
    bx, by = b[0] - vertex[0], b[1] - vertex[1]
    cosine = (ax * bx + ay * by) / (math.hypot(ax, ay) * math.hypot(bx, by))
    return math.degrees(math.acos(max(-1.0, min(1.0, cosine))))


@dataclass(frozen=True)
class Shape:
    """One thing to draw: a line, a polyline, a circle or a rectangle, in centimetres."""

    kind: str  # "line", "circle", "rect", "dot"
    points: tuple[tuple[float, float], ...]
    radius: float = 0.0
    role: str = ""


@dataclass(frozen=True)
class FigureScene:
    """A posed figure with its equipment, placed on the floor."""

    points: dict[str, tuple[float, float]]
    props: tuple[Shape, ...]
    hip_angle: float
    knee_angle: float
    dowel_gaps: dict[str, float] = field(default_factory=dict)

    def bounds(self) -> tuple[float, float, float, float]:
        """(left, bottom, right, top) around the body, the props and the floor line."""
        left, bottom, right, top = outline_bounds(body_parts(self.points))
        xs: list[float] = [left, right]
        ys: list[float] = [0.0, bottom, top]
        for shape in self.props:
            for x, y in shape.points:
                xs += [x - shape.radius, x + shape.radius]
                ys += [y - shape.radius, y + shape.radius]
        return min(xs), min(ys), max(xs), max(ys)


def _surface_height(figure: Figure) -> float:
    if figure.surface == "floor":
        return 0.0
    for prop in figure.props:
        if prop.kind.value == figure.surface:
            return prop.height
    return 0.0


def _place(place: Place, points: Mapping[str, tuple[float, float]]) -> tuple[float, float]:
    if isinstance(place, str):
        return points[place]
    return place


def _back_normal(trunk_degrees: float) -> tuple[float, float]:
    """The unit vector from the body's midline to its back, for a segment pointing this way."""
    dx, dy = _direction(trunk_degrees)
    return -dy, dx


def _dowel(
    points: Mapping[str, tuple[float, float]], angles: Mapping[str, float]
) -> tuple[tuple[Shape, ...], dict[str, float]]:
    trunk = 90.0 - angles["trunk"]
    bx, by = _back_normal(trunk)
    hx, hy = _back_normal(trunk - angles["neck"])
    hip, shoulder, head = points["hip"], points["shoulder"], points["head"]
    tailbone = (hip[0] + bx * TRUNK_HALF_DEPTH, hip[1] + by * TRUNK_HALF_DEPTH)
    blades = (
        hip[0] + (shoulder[0] - hip[0]) * 0.75 + bx * TRUNK_HALF_DEPTH,
        hip[1] + (shoulder[1] - hip[1]) * 0.75 + by * TRUNK_HALF_DEPTH,
    )
    skull = (head[0] + hx * HEAD_RADIUS, head[1] + hy * HEAD_RADIUS)
    # The dowel lies on the tailbone and the shoulder blades; the head may or may not touch it.
    ux, uy = blades[0] - tailbone[0], blades[1] - tailbone[1]
    length = math.hypot(ux, uy)
    ux, uy = ux / length, uy / length
    # Positive gap: the point is in front of the dowel (off it); negative: the dowel would
    # have to bend round it, so the head pushes it away from the blades instead.
    gap = (skull[0] - tailbone[0]) * (-bx) + (skull[1] - tailbone[1]) * (-by)
    start = (tailbone[0] - ux * 14, tailbone[1] - uy * 14)
    end = (tailbone[0] + ux * 105, tailbone[1] + uy * 105)
    gaps = {"tailbone": 0.0, "shoulder blades": 0.0, "head": gap}
    shapes = [Shape("line", (start, end), role="dowel")]
    for name, spot in (("tailbone", tailbone), ("shoulder blades", blades), ("head", skull)):
        touching = abs(gaps[name]) <= DOWEL_TOUCH
        shapes.append(Shape("dot", (spot,), 2.2, role="contact" if touching else "gap"))
    return tuple(shapes), gaps


def _prop_shapes(figure: Figure, points: Mapping[str, tuple[float, float]]) -> list[Shape]:
    shapes: list[Shape] = []
    for prop in figure.props:
        kind = prop.kind
        if kind is PropKind.WALL:
            x = _place(prop.at or (-30.0, 0.0), points)[0]
            shapes.append(Shape("rect", ((x - 6, 0.0), (x, 190.0)), role="wall"))
        elif kind in {PropKind.BENCH, PropKind.BLOCK}:
            x = _place(prop.at or (0.0, 0.0), points)[0]
            half = prop.width / 2
            shapes.append(
                Shape("rect", ((x - half, 0.0), (x + half, prop.height)), role=kind.value)
            )
        elif (
            kind in {PropKind.BAND, PropKind.CABLE} and prop.at is not None and prop.to is not None
        ):
            a, b = _place(prop.at, points), _place(prop.to, points)
            shapes.append(Shape("line", (a, b), role=kind.value))
            if not isinstance(prop.at, str):
                shapes.append(Shape("dot", (a,), 3.0, role=f"{kind.value} anchor"))
        elif kind is PropKind.BAND and prop.at is not None:
            centre = _place(prop.at, points)
            shapes.append(Shape("circle", (centre,), 7.5, role="band loop"))
        elif kind in {PropKind.ROLLER, PropKind.BALL}:
            spot = _place(prop.at or "hip", points)
            radius = 7.5 if kind is PropKind.ROLLER else 4.0
            body = RADIUS.get(prop.at, 0.0) if isinstance(prop.at, str) else 0.0
            centre = (spot[0], spot[1] - body - radius + 1.0)
            shapes.append(Shape("circle", (centre,), radius, role=kind.value))
        elif kind is PropKind.KETTLEBELL:
            hand = _place(prop.at or "hand", points)
            # The bell hangs on in the line of the forearm: straight down in a deadlift,
            # out in front at the top of a swing.
            dx, dy = 0.0, -1.0
            if prop.at in (None, "hand"):
                ex, ey = points["elbow"]
                length = math.dist((ex, ey), hand)
                dx, dy = (hand[0] - ex) / length, (hand[1] - ey) / length
            bell = (hand[0] + dx * 14.0, hand[1] + dy * 14.0)
            shapes.append(Shape("circle", (bell,), 10.0, role="kettlebell"))
            shapes.append(
                Shape("line", (hand, (hand[0] + dx * 5, hand[1] + dy * 5)), role="handle")
            )
        elif kind is PropKind.DUMBBELL:
            hand = _place(prop.at or "hand", points)
            shapes.append(Shape("circle", (hand,), 6.0, role="dumbbell"))
        elif kind is PropKind.BARBELL:
            spot = _place(prop.at or "hand", points)
            if prop.at == "hip":
                spot = (spot[0], spot[1] + RADIUS["hip"] + 2.0)
            shapes.append(Shape("circle", (spot,), 22.5, role="plate"))
            shapes.append(Shape("dot", (spot,), 1.8, role="bar"))
        elif kind in {PropKind.DOWEL, PropKind.TOWEL} and prop.at is not None:
            # Held in the hands or across the shoulders, drawn end-on.
            shapes.append(Shape("dot", (_place(prop.at, points),), 2.5, role=kind.value))
    return shapes


def scene(figure: Figure, angles: Mapping[str, float]) -> FigureScene:
    """The figure in a pose, its anchor on its surface at x = 0, with its props."""
    raw = joint_positions(angles)
    ax, ay = raw[figure.anchor]
    height = _surface_height(figure) + RADIUS[figure.anchor]
    points = {name: (x - ax, y - ay + height) for name, (x, y) in raw.items()}
    shapes = _prop_shapes(figure, points)
    gaps: dict[str, float] = {}
    if any(prop.kind is PropKind.DOWEL and prop.at is None for prop in figure.props):
        dowel, gaps = _dowel(points, angles)
        shapes.extend(dowel)
    return FigureScene(
        points=points,
        props=tuple(shapes),
        hip_angle=included_angle(points["shoulder"], points["hip"], points["knee"]),
        knee_angle=included_angle(points["hip"], points["knee"], points["ankle"]),
        dowel_gaps=gaps,
    )


def contact_gaps(
    figure: Figure, scene_: FigureScene, contacts: tuple[str, ...]
) -> dict[str, float]:
    """For each named contact, how far its surface is from the nearest floor, bench or block.

    Positive: floating above it; negative: sunk into it.
    """
    tops = [(-math.inf, math.inf, 0.0)]
    for shape in scene_.props:
        if shape.role in {"bench", "block"}:
            (left, _bottom), (right, top) = shape.points
            tops.append((left, right, top))
    gaps = {}
    for name in contacts:
        x, y = scene_.points[name]
        bottom = y - RADIUS[name]
        candidates = [bottom - top for left, right, top in tops if left - 4 <= x <= right + 4]
        gaps[name] = min(candidates, key=abs)
    return gaps


def _smooth(fraction: float) -> float:
    fraction = min(1.0, max(0.0, fraction))
    return fraction * fraction * (3.0 - 2.0 * fraction)


def _blend(path: list[dict[str, float]], fraction: float) -> dict[str, float]:
    """A point along the path of poses; ``fraction`` 0 is the first pose, 1 the last."""
    if len(path) == 1:
        return dict(path[0])
    spot = min(max(fraction, 0.0), 1.0) * (len(path) - 1)
    index = min(int(spot), len(path) - 2)
    local = spot - index
    a, b = path[index], path[index + 1]
    return {key: a[key] + (b[key] - a[key]) * local for key in a}


def angles_at(figure: Figure, tempo: Tempo, seconds: float) -> dict[str, float]:
    """The pose ``seconds`` into a rep: away to the last pose, hold, back, rest, repeat."""
    path = [pose.angles() for pose in figure.poses]
    cycle = tempo.rep_seconds
    t = seconds % cycle if cycle > 0 else 0.0
    if t < tempo.away:
        return _blend(path, _smooth(t / tempo.away))
    t -= tempo.away
    if t < tempo.hold:
        return dict(path[-1])
    t -= tempo.hold
    if t < tempo.back:
        return _blend(path, 1.0 - _smooth(t / tempo.back))
    return dict(path[0])


def figure_bounds(figure: Figure) -> tuple[float, float, float, float]:
    """The box the figure stays in all the way between its poses, so an animation never
    rescales or clips as it moves."""
    frames = [pose.angles() for pose in figure.poses]
    path = [pose.angles() for pose in figure.poses]
    frames += [_blend(path, step / 24) for step in range(1, 24)]
    boxes = [scene(figure, angles).bounds() for angles in frames]
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )
