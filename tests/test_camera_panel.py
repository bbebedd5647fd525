"""The camera panel: off until asked, a clear mark while on, the figure when there is no camera,
and the pose assist's angles against the drill's."""

from __future__ import annotations

import itertools

from drill_catalogue import CATALOGUE
from pose_clips import require_pose_extra
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from hinge_desktop.ui.camera.camera_panel import CameraPanel


def _panel(qtbot: QtBot, make_source=lambda _drill: None, assist: bool = False) -> CameraPanel:  # type: ignore[no-untyped-def]
    panel = CameraPanel(make_source, pose_assist=assist)
    qtbot.addWidget(panel)
    panel.resize(480, 420)
    panel.show()
    return panel


def _height(label: QLabel) -> int:
    """The height of the label's words, wrapped at its width."""
    flags = Qt.TextFlag.TextWordWrap
    return (
        label.fontMetrics()
        .boundingRect(QRect(0, 0, label.width(), 0), flags, label.text())
        .height()
    )


def _figure(drill):  # type: ignore[no-untyped-def]
    from hinge_desktop.ui.camera.frame_sources import FigureFrames

    return FigureFrames(drill)


def test_the_camera_is_off_until_the_person_turns_it_on(qtbot: QtBot) -> None:
    asked: list[object] = []

    def make(drill):  # type: ignore[no-untyped-def]
        asked.append(drill)
        return _figure(drill)

    panel = _panel(qtbot, make)
    panel.set_drill(CATALOGUE.get("kettlebell-deadlift"))
    qtbot.wait(100)
    assert asked == []
    assert not panel.on_air.isVisible()
    assert "Nothing leaves this computer" in panel.note.text()
    panel.button.click()
    assert len(asked) == 1
    assert panel.on_air.isVisible()
    qtbot.waitUntil(lambda: not panel.view.picture_rect().isEmpty(), timeout=3000)
    panel.button.click()
    assert not panel.is_on()
    assert not panel.on_air.isVisible()
    assert panel.view.picture_rect().isEmpty()


def test_without_a_camera_it_says_so_and_offers_the_figure(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    panel.set_drill(CATALOGUE.get("romanian-deadlift"))
    panel.button.click()
    assert not panel.is_on()
    assert panel.note.text() == "No camera was found."
    assert panel.figure_button.isVisible()
    qtbot.mouseClick(panel.figure_button, Qt.MouseButton.LeftButton)
    assert panel.is_on()
    assert panel.on_air.isVisible()
    qtbot.waitUntil(lambda: not panel.view.picture_rect().isEmpty(), timeout=3000)
    panel.mirror.click()
    assert not panel.view.mirrored
    panel.shutdown()


def test_without_the_pose_assist_it_says_how_to_add_it(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    panel.set_drill(CATALOGUE.get("kettlebell-deadlift"))
    assert "pip install 'hinge-desktop[pose]'" in panel.note.text()


def test_the_assist_reads_the_angles_beside_the_drills_aim(qtbot: QtBot) -> None:
    require_pose_extra()
    panel = _panel(qtbot, _figure, assist=True)
    panel.set_drill(CATALOGUE.get("kettlebell-deadlift"))
    assert "pip install" not in panel.note.text()
    panel.button.click()
    assert "cannot see the shape of your back" in panel.note.text()
    qtbot.waitUntil(lambda: "aim 137°" in panel.readout.text(), timeout=10_000)
    assert panel.readout.text().startswith("hip ")
    panel.turn_off()
    assert panel.readout.text() == ""


def test_a_drill_the_camera_does_not_follow_is_mirrored_but_not_counted(qtbot: QtBot) -> None:
    panel = _panel(qtbot, _figure, assist=True)
    panel.set_drill(CATALOGUE.get("glute-bridge"))
    assert "follows standing hinge drills" in panel.note.text()
    from hinge_desktop.ui.camera.frame_sources import FrameSource

    assert panel.turn_on()
    source = panel.findChild(FrameSource)
    assert source is not None
    qtbot.waitUntil(lambda: not panel.view.picture_rect().isEmpty(), timeout=3000)
    assert panel.readout.text() == ""
    panel.shutdown()


def test_a_video_file_comes_through_the_same_path_as_a_camera(qtbot: QtBot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    require_pose_extra()  # the clip is written with OpenCV, which comes with it
    from pose_clips import write_clip

    from hinge_desktop.domain.pose.rep_script import Fault
    from hinge_desktop.ui.camera.frame_sources import ClipFrames

    drill = CATALOGUE.get("wall-hip-hinge")
    video = tmp_path / "clip.mp4"
    write_clip(video, drill, [Fault.NONE], fps=30)
    panel = _panel(qtbot)
    panel.set_drill(drill)
    source = ClipFrames(video)
    times: list[float] = []
    source.frame.connect(lambda seconds, _image: times.append(seconds))
    assert panel.turn_on(source)
    qtbot.waitUntil(lambda: len(times) >= 10, timeout=5000)
    assert not panel.view.picture_rect().isEmpty()
    assert times == sorted(times)
    panel.turn_off()


def test_in_a_narrow_player_the_camera_takes_the_figures_place(qtbot: QtBot) -> None:
    from hinge_desktop.ui.workout.player_page import BESIDE_WIDTH, PlayerPage

    player = PlayerPage()
    qtbot.addWidget(player)
    panel = CameraPanel(_figure, pose_assist=False)
    player.set_side_panel(panel, panel.button)
    panel.set_drill(CATALOGUE.get("wall-hip-hinge"))
    player.resize(BESIDE_WIDTH - 100, 560)
    player.show()
    assert player.figure.isVisible()  # the camera off: the figure as ever
    assert panel.button.isVisible()
    panel.button.click()
    qtbot.waitUntil(lambda: not player.figure.isVisible())
    player.resize(BESIDE_WIDTH + 200, 560)
    qtbot.waitUntil(player.figure.isVisible)  # room for both, side by side
    assert panel.isVisible()
    player.resize(BESIDE_WIDTH - 100, 560)
    qtbot.waitUntil(lambda: not player.figure.isVisible())
    panel.button.click()
    qtbot.waitUntil(player.figure.isVisible)
    assert not panel.isVisible()


def test_the_figure_standing_in_for_a_camera_follows_the_player_to_the_next_drill(
    qtbot: QtBot,
) -> None:
    from hinge_desktop.domain.pose.rep_script import rep_script
    from hinge_desktop.ui.camera.frame_sources import FigureFrames, FrameSource
    from hinge_desktop.ui.camera.generated_frames import FigureCamera

    panel = _panel(qtbot)
    panel.set_drill(CATALOGUE.get("wall-hinge-check"))
    panel.watch_figure()
    source = panel.findChild(FrameSource)
    assert isinstance(source, FigureFrames)
    deadlift = CATALOGUE.get("kettlebell-deadlift")
    panel.set_drill(deadlift)
    with qtbot.waitSignal(source.frame, timeout=3000) as shown:
        pass
    seconds, image = shown.args
    # The frame is the deadlift's figure at that moment of its reps, not the wall drill's.
    poses = [frame.angles for frame in rep_script(deadlift, list(FigureFrames.SHOWN), fps=30)]
    expected = FigureCamera(deadlift).frame(poses[int(seconds * 30) % len(poses)])
    assert image == expected
    panel.shutdown()


def test_the_rows_above_the_picture_do_not_move_as_their_words_change(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    panel.resize(220, 420)
    panel.set_drill(CATALOGUE.get("wall-hinge-check"))
    panel.watch_figure()
    qtbot.waitUntil(lambda: not panel.view.picture_rect().isEmpty(), timeout=3000)
    record_width, air_width = panel.record.width(), panel.on_air.width()
    panel.record.setText("Stop recording")
    panel.on_air.setText("● Recording 0:12")
    qtbot.wait(50)
    assert panel.record.width() == record_width
    assert panel.record.width() >= panel.record.sizeHint().width()
    assert panel.on_air.width() == air_width
    # A readout that runs to a third line and back leaves the picture where it was.
    panel.readout.setText("hip 38° (aim 75°) · knee 12° (aim 20°) · trunk 29°")
    qtbot.wait(50)
    picture = panel.view.geometry()
    short = _height(panel.readout)
    panel.readout.setText(
        "hip 138° (aim 137°) · knee 12° (aim 20°) · trunk 29° · the whole body is not in view: "
        "no cues"
    )
    qtbot.wait(50)
    assert _height(panel.readout) > short, "it runs on a line more"
    assert panel.view.geometry() == picture
    panel.readout.setText("hip 40° (aim 75°) · knee 12° (aim 20°) · trunk 29°")
    qtbot.wait(50)
    assert panel.view.geometry() == picture
    # Cramped, the words take only the room they need, and none is drawn over another.
    panel.resize(188, 143)
    qtbot.wait(50)
    rows = [panel.view, panel.readout, panel.note]
    for upper, lower in itertools.pairwise(rows):
        assert upper.geometry().bottom() < lower.geometry().top(), (upper, lower)
    assert panel.note.geometry().bottom() < panel.height()
    panel.shutdown()
