"""The camera in the app's player: reps are counted into the log panel, and cues given, only
while a set runs, each set from nought; and R films the set, and R again stops it."""

from __future__ import annotations

from drill_catalogue import CATALOGUE
from hinge_window import HingeWindow
from pose_clips import require_pose_extra
from PySide6.QtCore import Qt

from hinge_desktop.domain.pose.form import FormCue
from hinge_desktop.domain.workout_steps import StepKind
from hinge_desktop.ui.camera.camera_panel import CameraPanel
from hinge_desktop.ui.workout.log_panel import LogPanel

DRILL = CATALOGUE.get("kettlebell-deadlift")


def _camera_on(hinge: HingeWindow) -> CameraPanel:
    hinge.show_drill(DRILL.id)
    panel = hinge.window.findChild(CameraPanel)
    assert panel is not None
    panel.watch_figure()
    assert panel.is_on()
    return panel


def test_reps_fill_the_log_panel_only_while_a_set_runs_and_each_set_from_nought(
    hinge: HingeWindow,
) -> None:
    require_pose_extra()
    panel = _camera_on(hinge)
    try:
        _count_in_sets(hinge, panel)
    finally:
        panel.turn_off()


def _count_in_sets(hinge: HingeWindow, panel: CameraPanel) -> None:
    watcher = panel.watcher
    assert watcher is not None
    reps = hinge.window.findChild(LogPanel).form.reps
    cues: list[str] = []
    panel.cue_due.connect(cues.append)
    before = reps.value()
    watcher.rep_counted.emit(1)  # a rep while the person gets into place
    watcher.cue.emit(FormCue.HIPS_BACK, 0.0)
    assert reps.value() == before
    assert cues == []
    hinge.click("startPauseButton")  # the get-ready runs: not yet
    watcher.rep_counted.emit(2)
    assert reps.value() == before
    hinge.skip_to(StepKind.REPS, 1)
    watcher.rep_counted.emit(2)
    assert reps.value() == 1
    watcher.rep_counted.emit(3)
    watcher.cue.emit(FormCue.HIPS_BACK, 0.0)
    assert reps.value() == 2
    assert cues == ["hips back"]
    hinge.click("startPauseButton")  # paused
    watcher.rep_counted.emit(4)
    assert reps.value() == 2
    hinge.click("startPauseButton")
    hinge.skip_to(StepKind.REST, 1)  # the set just done stays as the camera counted it
    watcher.rep_counted.emit(5)
    watcher.cue.emit(FormCue.SOFT_KNEES, 0.0)
    assert reps.value() == 2
    assert cues == ["hips back"]
    hinge.skip_to(StepKind.REPS, 2)
    watcher.rep_counted.emit(6)
    assert reps.value() == 1


def test_r_starts_filming_and_r_again_stops_it(hinge: HingeWindow) -> None:
    panel = _camera_on(hinge)
    hinge.show_window(active=True)
    try:
        for _round in range(2):
            hinge.qtbot.keyClick(hinge.window, Qt.Key.Key_R)
            hinge.qtbot.waitUntil(panel.is_recording, timeout=3000)  # a button's key clicks it
            hinge.qtbot.wait(400)
            with hinge.qtbot.waitSignal(panel.clip_saved, timeout=10000):
                hinge.qtbot.keyClick(hinge.window, Qt.Key.Key_R)
            assert not panel.is_recording()
            assert hinge.window.statusBar().currentMessage().startswith("Saved a clip of the set")
        assert len(list(hinge.paths.clips.glob("*.mp4"))) == 2
    finally:
        panel.turn_off()
