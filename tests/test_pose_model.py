"""The pose assist with the real pose model, on frames of the drill's figure drawn as a camera
would see a person: the angles it reads, the reps it counts and the cues it gives."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from drill_catalogue import CATALOGUE
from pose_clips import frames, require_pose_extra
from PySide6.QtWidgets import QApplication

from hinge_desktop.domain.pose.coach import PoseCoach
from hinge_desktop.domain.pose.form import FormCue
from hinge_desktop.domain.pose.reading import landmark_reading
from hinge_desktop.domain.pose.rep_script import Fault
from hinge_desktop.domain.pose.targets import pose_targets
from hinge_desktop.ui.camera.frame_pixels import rgb_pixels
from hinge_desktop.ui.camera.generated_frames import FigureCamera

DRILLS = ["kettlebell-deadlift", "romanian-deadlift", "wall-hip-hinge", "good-morning"]
FAULTS = [
    Fault.NONE,
    Fault.KNEES_FORWARD,
    Fault.NONE,
    Fault.LOCKED_KNEES,
    Fault.NONE,
    Fault.SHALLOW,
    Fault.NONE,
]
EXPECTED = {
    Fault.KNEES_FORWARD: FormCue.HIPS_BACK,
    Fault.LOCKED_KNEES: FormCue.SOFT_KNEES,
    Fault.SHALLOW: FormCue.HIPS_FURTHER,
}
FPS = 15.0


@dataclass
class Watched:
    frames: int = 0
    found: int = 0
    hip_errors: list[float] = field(default_factory=list)
    trunk_errors: list[float] = field(default_factory=list)
    reps: list = field(default_factory=list)  # type: ignore[type-arg]
    count: int = 0


@pytest.fixture(scope="module")
def watched(qapp: QApplication) -> dict[str, Watched]:
    require_pose_extra()
    from hinge_desktop.vision.pose_model import PoseModel

    results = {}
    for drill_id in DRILLS:
        drill = CATALOGUE.get(drill_id)
        targets = pose_targets(drill)
        assert targets is not None
        model, camera, coach = PoseModel(), FigureCamera(drill), PoseCoach(targets)
        seen = Watched()
        for frame, truth in frames(drill, FAULTS, FPS):
            found = model.find(rgb_pixels(camera.frame(frame.angles)))
            reading = landmark_reading(found, 640, 480) if found else None
            seen.frames += 1
            if reading is not None:
                seen.found += 1
                seen.hip_errors.append(abs(reading.hip - truth.hip))
                seen.trunk_errors.append(abs(reading.trunk - truth.trunk))
            update = coach.add(frame.seconds, reading)
            if update.rep is not None:
                seen.reps.append(update)
        model.close()
        seen.count = coach.count
        results[drill_id] = seen
    return results


def _share_within(errors: list[float], limit: float) -> float:
    return sum(error <= limit for error in errors) / len(errors)


@pytest.mark.parametrize("drill_id", DRILLS)
def test_the_model_finds_the_figure_and_reads_its_angles(
    watched: dict[str, Watched], drill_id: str
) -> None:
    seen = watched[drill_id]
    assert seen.found >= 0.98 * seen.frames
    assert _share_within(seen.hip_errors, 12.0) >= 0.95, sorted(seen.hip_errors)[-10:]
    assert _share_within(seen.trunk_errors, 10.0) >= 0.95, sorted(seen.trunk_errors)[-10:]


@pytest.mark.parametrize("drill_id", DRILLS)
def test_every_rep_is_counted_and_each_fault_gets_its_cue(
    watched: dict[str, Watched], drill_id: str
) -> None:
    seen = watched[drill_id]
    assert seen.count == len(FAULTS)
    targets = pose_targets(CATALOGUE.get(drill_id))
    assert targets is not None
    for update, fault in zip(seen.reps, FAULTS, strict=True):
        assert update.rep.seen_whole
        if fault is not Fault.NONE:
            assert EXPECTED[fault] in update.cues, f"rep {update.rep.number} ({fault})"
        # The deepest point of each good rep is read within 12° of the drill's.
        if fault is Fault.NONE:
            assert update.rep.bottom.hip == pytest.approx(targets.bottom.hip, abs=12)


def test_good_reps_are_almost_never_cued(watched: dict[str, Watched]) -> None:
    good = [
        update
        for seen in watched.values()
        for update, fault in zip(seen.reps, FAULTS, strict=True)
        if fault is Fault.NONE
    ]
    cued = [update for update in good if update.cues]
    assert len(cued) <= 0.05 * len(good), [(u.rep, u.cues) for u in cued]
