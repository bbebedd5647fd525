"""The figure's body outline: a person in clothes around the joints, in every pose."""

from __future__ import annotations

import math

import pytest
from drill_catalogue import CATALOGUE

from hinge_desktop.domain.figure import joint_positions, scene
from hinge_desktop.domain.figure_body import CLOTHING, body_parts


def _inside(point: tuple[float, float], outline: tuple[tuple[float, float], ...]) -> bool:
    """Ray casting: is ``point`` inside the closed polygon?"""
    x, y = point
    inside = False
    for (x0, y0), (x1, y1) in zip(outline, outline[1:] + outline[:1], strict=True):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def _covering(point: tuple[float, float], parts) -> set[str]:  # type: ignore[no-untyped-def]
    return {part.name for part in parts if _inside(point, part.outline)}


@pytest.mark.parametrize("drill", list(CATALOGUE), ids=lambda drill: drill.id)
def test_every_joint_of_every_pose_is_inside_the_body(drill) -> None:  # type: ignore[no-untyped-def]
    for pose in drill.figure.poses:
        points = scene(drill.figure, pose.angles()).points
        parts = body_parts(points)
        for joint in ("head", "shoulder", "elbow", "hand", "hip", "knee", "ankle", "far_knee"):
            assert _covering(points[joint], parts), f"{pose.name}: {joint} is bare"


def test_the_limbs_taper_from_the_body_outwards() -> None:
    points = joint_positions(CATALOGUE.get("wall-hip-hinge").figure.poses[0].angles())
    parts = {part.name: part for part in body_parts(points)}

    def width_at(part: str, joint: str, towards: str) -> float:
        """The outline's width across the limb, 6 cm in from ``joint``: where its edges cross
        the line at right angles to the limb there."""
        (jx, jy), (tx, ty) = points[joint], points[towards]
        length = math.dist((jx, jy), (tx, ty))
        ux, uy = (tx - jx) / length, (ty - jy) / length
        outline = parts[part].outline
        local = [
            ((x - jx) * ux + (y - jy) * uy - 6, (x - jx) * -uy + (y - jy) * ux) for x, y in outline
        ]
        crossings = [
            a1 + (b1 - a1) * (0 - a0) / (b0 - a0)
            for (a0, a1), (b0, b1) in zip(local, local[1:] + local[:1], strict=True)
            if (a0 < 0) != (b0 < 0)
        ]
        return max(crossings) - min(crossings)

    assert width_at("thigh", "hip", "knee") > width_at("thigh", "knee", "hip") + 4
    assert width_at("shin", "knee", "ankle") > width_at("shin", "ankle", "knee") + 1.5
    assert width_at("upper arm", "shoulder", "elbow") > width_at("upper arm", "elbow", "shoulder")


def test_the_head_is_an_oval_along_the_neck_with_hair_at_the_back() -> None:
    points = joint_positions(CATALOGUE.get("wall-hip-hinge").figure.poses[0].angles())
    parts = {part.name: part for part in body_parts(points)}
    head = parts["head"].outline
    hx, hy = points["head"]
    tall = max(y for _, y in head) - min(y for _, y in head)
    deep = max(x for x, _ in head) - min(x for x, _ in head)
    assert tall > deep * 1.1  # standing: longer crown to chin than back to face
    hair = parts["hair"].outline
    # The person faces +x: the hair covers the crown and the back of the skull, not the face.
    assert min(x for x, _ in hair) < hx - 8 < hx + 5 < max(x for x, _ in head)
    assert max(x for x, _ in hair) < max(x for x, _ in head)
    assert max(y for _, y in hair) > hy + 11


def test_each_part_is_dressed_and_the_far_leg_is_behind() -> None:
    points = joint_positions(CATALOGUE.get("dowel-hinge").figure.poses[1].angles())
    parts = body_parts(points)
    assert {part.clothing for part in parts} == set(CLOTHING)
    names = [part.name for part in parts]
    # Drawn back to front: the far leg first, the near arm last, over the chest.
    assert names.index("far_thigh") < names.index("pelvis") < names.index("thigh")
    assert names.index("chest") < names.index("upper arm")
    assert all(part.far == part.name.startswith("far_") for part in parts)
    assert {part.clothing for part in parts if part.name.endswith("shoe")} == {"shoe"}
