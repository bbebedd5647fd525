"""The angles read from a side view: the drill's figure read back exactly, a person facing
either way, and a body only partly in the picture."""

from __future__ import annotations

from dataclasses import replace

import pytest
from drill_catalogue import CATALOGUE

from hinge_desktop.domain.figure import scene
from hinge_desktop.domain.pose.reading import Landmark, landmark_reading, read_body
from hinge_desktop.domain.pose.targets import pose_targets

STANDING = [drill for drill in CATALOGUE if pose_targets(drill) is not None]


def _landmarks(points, *, flip: bool = False, visibility: float = 0.95, width: float = 640):  # type: ignore[no-untyped-def]
    """A pose model's answer for the figure's points: pixels, y down, both sides alike."""
    found = {}
    for side in ("left", "right"):
        for name, ours in (
            ("shoulder", "shoulder"),
            ("hip", "hip"),
            ("knee", "knee"),
            ("ankle", "ankle"),
            ("heel", "heel"),
            ("toe", "toe"),
        ):
            x, y = points[ours]
            px = 320 + (-x if flip else x) * 1.5
            found[f"{side}_{name}"] = Landmark(px, 400 - y * 1.5, visibility)
    hx, hy = points["head"]
    found["nose"] = Landmark(320 + (-hx if flip else hx) * 1.5, 400 - hy * 1.5, 0.3)
    return found


@pytest.mark.parametrize("drill", STANDING, ids=lambda drill: drill.id)
def test_the_figure_reads_back_as_its_own_angles(drill) -> None:  # type: ignore[no-untyped-def]
    for pose in drill.figure.poses:
        reading = read_body(scene(drill.figure, pose.angles()).points)
        assert reading.hip == pytest.approx(pose.hip, abs=0.01)
        assert reading.knee == pytest.approx(pose.knee, abs=0.01)
        assert reading.trunk == pytest.approx(abs(pose.trunk), abs=0.01)


def test_a_person_facing_left_reads_the_same_as_one_facing_right() -> None:
    drill = CATALOGUE.get("romanian-deadlift")
    points = scene(drill.figure, drill.figure.poses[-1].angles()).points
    right = landmark_reading(_landmarks(points), 640, 480)
    left = landmark_reading(_landmarks(points, flip=True), 640, 480)
    assert right is not None
    assert left is not None
    assert right.whole_body
    assert left.whole_body
    for name in ("hip", "knee", "trunk", "hips_back", "knees_forward"):
        assert getattr(left, name) == pytest.approx(getattr(right, name), abs=0.01)
    assert right.hips_back > 0.2  # the hips well behind the ankles in a deadlift's hinge


def test_the_nearer_side_is_read_and_a_body_half_out_of_the_picture_is_not_whole() -> None:
    drill = CATALOGUE.get("kettlebell-deadlift")
    points = scene(drill.figure, drill.figure.poses[-1].angles()).points
    landmarks = _landmarks(points)
    # The far side, which the model guesses, has the knee somewhere else.
    for name in ("shoulder", "hip", "ankle", "heel", "toe"):
        landmarks[f"left_{name}"] = Landmark(landmarks[f"left_{name}"].x, 10, 0.2)
    reading = landmark_reading(landmarks, 640, 480)
    assert reading is not None
    assert reading.hip == pytest.approx(137, abs=0.5)
    # Feet out of the bottom of the picture: read, but never trusted for a cue.
    cut = landmark_reading(landmarks, 640, 300)
    assert cut is not None
    assert not cut.whole_body
    unsure = dict(landmarks, right_knee=Landmark(landmarks["right_knee"].x, 100, 0.4))
    reading = landmark_reading(unsure, 640, 480)
    assert reading is not None
    assert not reading.whole_body
    assert landmark_reading({}, 640, 480) is None


def test_only_standing_drills_that_bend_at_the_hip_are_followed() -> None:
    followed = {drill.id for drill in STANDING}
    assert {
        "kettlebell-deadlift",
        "romanian-deadlift",
        "wall-hip-hinge",
        "good-morning",
    } <= followed
    assert not {"glute-bridge", "dead-bug", "kneeling-hinge", "quadruped-rock-back"} & followed
    for drill in STANDING:
        targets = pose_targets(drill)
        assert targets is not None
        assert targets.hip_range >= 35


def test_a_heel_the_model_is_less_sure_of_still_lets_the_body_count_as_in_view() -> None:
    drill = CATALOGUE.get("wall-hip-hinge")
    points = scene(drill.figure, drill.figure.poses[0].angles()).points
    landmarks = _landmarks(points)

    def unsure(point: str, visibility: float) -> dict[str, Landmark]:
        """The model this sure of the point, on both sides."""
        return dict(
            landmarks,
            **{
                f"{side}_{point}": replace(landmarks[f"{side}_{point}"], visibility=visibility)
                for side in ("left", "right")
            },
        )

    # Upright and plainly in view, the model is about 0.55 sure of the heel.
    reading = landmark_reading(unsure("heel", 0.55), 640, 480)
    assert reading is not None
    assert reading.whole_body
    # A joint or a toe as doubtful is not enough, nor a heel the model barely guesses.
    for doubtful in (unsure("knee", 0.55), unsure("toe", 0.55), unsure("heel", 0.2)):
        reading = landmark_reading(doubtful, 640, 480)
        assert reading is not None
        assert not reading.whole_body


def test_a_doubtful_heel_bunched_up_with_the_toe_does_not_say_which_way_the_person_faces() -> None:
    drill = CATALOGUE.get("kettlebell-deadlift")
    points = scene(drill.figure, drill.figure.poses[-1].angles()).points
    landmarks = _landmarks(points)
    for side in ("left", "right"):
        toe = landmarks[f"{side}_toe"]
        # The model puts the heel, unsure, just ahead of the toe: the way the person faces
        # flips, and with it whether the hips are behind the ankles.
        landmarks[f"{side}_heel"] = Landmark(toe.x + 2, toe.y, 0.5)
    reading = landmark_reading(landmarks, 640, 480)
    assert reading is not None
    assert reading.hips_back < 0, "read the wrong way round"
    assert not reading.whole_body, "so it backs no cue"
