"""The camera's readout: the angles against the drill's aim, and a steady word on what it
cannot see."""

from __future__ import annotations

from drill_catalogue import CATALOGUE
from pytestqt.qtbot import QtBot

from hinge_desktop.domain.pose.reading import BodyReading
from hinge_desktop.domain.pose.targets import PoseTargets, pose_targets
from hinge_desktop.ui.camera.pose_readout import SteadyReadout, readout_text

NOT_IN_VIEW = "the whole body is not in view"


def reading(hip: float, whole: bool = True) -> BodyReading:
    return BodyReading(
        hip=hip, knee=20, trunk=40, hips_back=0.2, knees_forward=0.1, whole_body=whole
    )


def targets() -> PoseTargets:
    found = pose_targets(CATALOGUE.get("wall-hinge-check"))
    assert found is not None
    return found


def test_the_readout_gives_each_angle_beside_the_drills_aim(qtbot: QtBot) -> None:
    aim = targets().bottom
    text = readout_text(reading(91.6), targets())
    assert text.startswith(f"hip 92° (aim {aim.hip:.0f}°) · knee 20° (aim {aim.knee:.0f}°)")
    assert NOT_IN_VIEW not in text
    assert NOT_IN_VIEW in readout_text(reading(91.6, whole=False), targets())
    assert readout_text(None, targets()) == "Step into the picture, side-on."


def test_a_moment_of_doubt_does_not_make_the_note_come_and_go(qtbot: QtBot) -> None:
    words = SteadyReadout(hold=0.3)
    aims = targets()
    assert NOT_IN_VIEW not in words.text(reading(10), aims, 0.0)
    # The model doubts the body at the deepest hinge for a moment, then sees it again.
    for seconds, hip in ((0.1, 60), (0.2, 61), (0.3, 62)):
        text = words.text(reading(hip, whole=False), aims, seconds)
        assert NOT_IN_VIEW not in text
        assert text.startswith(f"hip {hip}°")
    assert NOT_IN_VIEW not in words.text(reading(63), aims, 0.4)
    # A frame with no body at all shows the last reading while the body is held in view.
    assert words.text(None, aims, 0.5).startswith("hip 63°")


def test_a_body_out_of_view_for_long_enough_is_said_and_held(qtbot: QtBot) -> None:
    words = SteadyReadout(hold=0.3)
    aims = targets()
    shown = [NOT_IN_VIEW in words.text(reading(20, whole=False), aims, n / 10) for n in range(6)]
    assert shown == [False, False, False, True, True, True]
    # Back in view for a frame: the note stays until that too has lasted.
    assert NOT_IN_VIEW in words.text(reading(20), aims, 0.6)
    assert words.text(None, aims, 0.7) == "Step into the picture, side-on."
    back = [NOT_IN_VIEW in words.text(reading(20), aims, n / 10) for n in range(8, 12)]
    assert back == [True, True, True, False]


def test_the_hold_is_the_same_time_however_few_frames_are_analysed(qtbot: QtBot) -> None:
    words = SteadyReadout(hold=1.0)
    aims = targets()
    # A slow machine analyses two frames a second.
    shown = [NOT_IN_VIEW in words.text(reading(20, whole=False), aims, n / 2) for n in range(4)]
    assert shown == [False, False, True, True]
