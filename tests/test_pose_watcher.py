"""The live pose assist: the model on its own lane, the newest frame only, reps and cues back on
the GUI thread."""

from __future__ import annotations

import pytest
from drill_catalogue import CATALOGUE
from pose_clips import require_pose_extra
from pytestqt.qtbot import QtBot

from hinge_desktop.domain.pose.form import FormCue
from hinge_desktop.domain.pose.rep_script import Fault, rep_script
from hinge_desktop.domain.pose.targets import pose_targets
from hinge_desktop.ui.camera.generated_frames import FigureCamera


@pytest.fixture
def watcher(qtbot: QtBot):  # type: ignore[no-untyped-def]
    require_pose_extra()
    from hinge_desktop.ui.camera.pose_watcher import PoseWatcher

    targets = pose_targets(CATALOGUE.get("kettlebell-deadlift"))
    assert targets is not None
    watcher = PoseWatcher(targets)
    yield watcher
    watcher.shutdown()


def test_reps_are_counted_and_a_fault_is_cued_as_the_frames_come(qtbot: QtBot, watcher) -> None:  # type: ignore[no-untyped-def]
    drill = CATALOGUE.get("kettlebell-deadlift")
    camera = FigureCamera(drill)
    counted: list[int] = []
    cues: list[tuple[FormCue, float]] = []
    watcher.rep_counted.connect(counted.append)
    watcher.cue.connect(lambda cue, latency: cues.append((cue, latency)))
    for frame in rep_script(drill, [Fault.NONE, Fault.SHALLOW], fps=12):
        done = watcher.analysed + 1
        watcher.offer(frame.seconds, camera.frame(frame.angles))
        qtbot.waitUntil(lambda done=done: watcher.analysed >= done, timeout=10_000)
    assert counted == [1, 2]
    assert [cue for cue, _latency in cues] == [FormCue.HIPS_FURTHER]
    assert 0 < cues[0][1] < 5


def test_only_the_newest_frame_waits_while_the_model_is_busy(qtbot: QtBot, watcher) -> None:  # type: ignore[no-untyped-def]
    drill = CATALOGUE.get("kettlebell-deadlift")
    camera = FigureCamera(drill)
    pictures = [camera.frame(pose.angles()) for pose in drill.figure.poses]
    updates = []
    watcher.updated.connect(updates.append)
    for index in range(6):
        watcher.offer(index / 30, pictures[index % 2])
    qtbot.waitUntil(lambda: watcher.analysed == 2, timeout=10_000)
    qtbot.wait(300)
    assert watcher.offered == 6
    assert watcher.analysed == 2  # the first, then the last: none of the ones in between
    assert [update.seconds for update in updates] == [0.0, 5 / 30]
