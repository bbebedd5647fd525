"""The figure's geometry: limbs keep their length, hinges bend at the hip, contacts touch."""

from __future__ import annotations

import math

import pytest
from drill_catalogue import CATALOGUE
from hypothesis import given
from hypothesis import strategies as st

from hinge_desktop.domain.drills import Support, Tempo
from hinge_desktop.domain.figure import (
    CONTACT_TOLERANCE,
    SEGMENTS,
    angles_at,
    contact_gaps,
    joint_positions,
    scene,
)

ANGLES = (
    "trunk",
    "hip",
    "knee",
    "ankle",
    "neck",
    "shoulder",
    "elbow",
    "far_hip",
    "far_knee",
    "far_ankle",
)

# Standing hinges: the bottom pose must fold at the hip far more than at the knee.
HINGES = [
    "wall-hip-hinge",
    "dowel-hinge",
    "hands-on-hips-hinge",
    "good-morning",
    "band-good-morning",
    "barbell-good-morning",
    "romanian-deadlift",
    "front-loaded-rdl",
    "band-pull-through",
    "cable-pull-through",
    "single-leg-rdl",
    "b-stance-deadlift",
]


def _length(points: dict[str, tuple[float, float]], a: str, b: str) -> float:
    return math.dist(points[a], points[b])


def _flexion(scene_angle: float) -> float:
    return 180.0 - scene_angle


@given(st.fixed_dictionaries({name: st.floats(-180, 180) for name in ANGLES}))
def test_limbs_keep_their_length_in_any_pose(angles: dict[str, float]) -> None:
    points = joint_positions(angles)
    for (a, b), length in SEGMENTS.items():
        assert _length(points, a, b) == pytest.approx(length, abs=1e-6)


@pytest.mark.parametrize("drill", CATALOGUE, ids=lambda d: d.id)
def test_limbs_keep_their_length_while_the_figure_moves(drill) -> None:  # type: ignore[no-untyped-def]
    tempo = drill.prescription.tempo
    anchor_spots = set()
    for step in range(40):
        moment = tempo.rep_seconds * step / 40
        placed = scene(drill.figure, angles_at(drill.figure, tempo, moment))
        for (a, b), length in SEGMENTS.items():
            assert _length(placed.points, a, b) == pytest.approx(length, abs=1e-6)
        x, y = placed.points[drill.figure.anchor]
        anchor_spots.add((round(x, 6), round(y, 6)))
    assert len(anchor_spots) == 1, "the anchor point must stay where it is"


@pytest.mark.parametrize("drill", CATALOGUE, ids=lambda d: d.id)
def test_every_pose_rests_on_its_contacts(drill) -> None:  # type: ignore[no-untyped-def]
    for pose in drill.figure.poses:
        placed = scene(drill.figure, pose.angles())
        for point, gap in contact_gaps(drill.figure, placed, pose.contacts).items():
            assert abs(gap) <= CONTACT_TOLERANCE, (
                f"{drill.id}, pose '{pose.name}': {point} is {gap:+.1f} cm from its surface"
            )
        lowest = min(y for _x, y in placed.points.values())
        assert lowest >= -CONTACT_TOLERANCE, f"{drill.id}, '{pose.name}' goes through the floor"


@pytest.mark.parametrize("drill_id", HINGES)
def test_a_hinge_bends_at_the_hip_more_than_at_the_knee(drill_id: str) -> None:
    drill = CATALOGUE.get(drill_id)
    assert drill.figure.support is Support.STANDING
    bottom = max(
        (scene(drill.figure, pose.angles()) for pose in drill.figure.poses),
        key=lambda placed: _flexion(placed.hip_angle),
    )
    hip, knee = _flexion(bottom.hip_angle), _flexion(bottom.knee_angle)
    assert hip >= 45, f"{drill_id}: the hip bends only {hip:.0f}°"
    assert hip > 2 * knee, f"{drill_id}: hip {hip:.0f}° vs knee {knee:.0f}°"
    # Hips travel back: behind the ankle at the bottom of the hinge.
    assert bottom.points["hip"][0] < bottom.points["ankle"][0]


def test_a_squat_shape_is_not_mistaken_for_a_hinge() -> None:
    squat = joint_positions(
        {
            "trunk": 30,
            "hip": 110,
            "knee": 110,
            "ankle": 35,
            "neck": 0,
            "shoulder": 0,
            "elbow": 0,
            "far_hip": 110,
            "far_knee": 110,
            "far_ankle": 35,
        }
    )
    hip = 180 - _angle(squat["shoulder"], squat["hip"], squat["knee"])
    knee = 180 - _angle(squat["hip"], squat["knee"], squat["ankle"])
    assert not hip > 2 * knee


def _angle(a, v, b):  # type: ignore[no-untyped-def]
    from hinge_desktop.domain.figure import included_angle

    return included_angle(a, v, b)


def test_the_dowel_touches_three_points_in_a_good_dowel_hinge() -> None:
    drill = CATALOGUE.get("dowel-hinge")
    for pose in drill.figure.poses:
        gaps = scene(drill.figure, pose.angles()).dowel_gaps
        assert set(gaps) == {"tailbone", "shoulder blades", "head"}
        assert abs(gaps["head"]) <= 3.0, f"pose '{pose.name}': head {gaps['head']:+.1f} cm"


def test_looking_up_lifts_the_head_off_the_dowel() -> None:
    drill = CATALOGUE.get("dowel-hinge")
    bottom = drill.figure.poses[-1].angles()
    bottom["neck"] = -35.0
    assert abs(scene(drill.figure, bottom).dowel_gaps["head"]) > 3.0


def test_the_figure_moves_at_the_drills_tempo() -> None:
    drill = CATALOGUE.get("wall-hip-hinge")
    figure = drill.figure
    tempo = Tempo(away=3, hold=1, back=2, rest=1)
    first, last = figure.poses[0].angles(), figure.poses[-1].angles()
    assert angles_at(figure, tempo, 0.0) == pytest.approx(first)
    assert angles_at(figure, tempo, 3.0) == pytest.approx(last)
    assert angles_at(figure, tempo, 3.5) == pytest.approx(last)  # holding
    halfway = angles_at(figure, tempo, 1.5)
    assert first["hip"] < halfway["hip"] < last["hip"]
    assert angles_at(figure, tempo, 6.5) == pytest.approx(first)  # resting
    assert angles_at(figure, tempo, 7.0 + 1.5) == pytest.approx(halfway)  # next rep
