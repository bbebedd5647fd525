"""Recording a set: what the camera panel shows goes into a video file in the clips folder, at
the times it was seen, by Qt's own recorder; the clip is only listed once it is whole."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from drill_catalogue import CATALOGUE
from pytestqt.qtbot import QtBot

from hinge_desktop.domain.pose.rep_script import Fault, rep_script
from hinge_desktop.speech.choose import quiet_multimedia_logs
from hinge_desktop.storage.clip_store import Clip, ClipStore
from hinge_desktop.ui.camera.camera_panel import CameraPanel
from hinge_desktop.ui.camera.generated_frames import FigureCamera

DRILL = CATALOGUE.get("kettlebell-deadlift")


@pytest.fixture(autouse=True)
def _multimedia() -> None:
    """As the panel does before Qt Multimedia is first used."""
    quiet_multimedia_logs()


def record_script(qtbot: QtBot, store: ClipStore, faults: list[Fault], fps: float = 30.0) -> Clip:
    """The figure's reps recorded at their own times, as fast as the encoder takes them."""
    from hinge_desktop.ui.camera.clip_recorder import ClipRecorder

    recorder = ClipRecorder(store)
    saved: list[Clip] = []
    recorder.saved.connect(lambda clip, _removed: saved.append(clip))
    recorder.failed.connect(lambda message: saved.append(message))  # type: ignore[arg-type]
    camera = FigureCamera(DRILL)
    recorder.start(DRILL.id, datetime(2026, 12, 7, 10, 0, 0))
    for frame in rep_script(DRILL, faults, fps=fps):
        recorder.add(frame.seconds, camera.frame(frame.angles))
        qtbot.waitUntil(lambda: recorder.pending() == 0, timeout=5000)
    assert recorder.dropped == 0
    recorder.stop()
    qtbot.waitUntil(lambda: bool(saved), timeout=10000)
    assert isinstance(saved[0], Clip), saved[0]
    return saved[0]


def _read(path: Path) -> list[float]:
    from hinge_desktop.ui.camera.video_file import VideoFileFrames

    times: list[float] = []
    VideoFileFrames(path, lambda seconds, _image: times.append(seconds), rate=4.0).read()
    return times


def test_every_frame_is_recorded_at_the_time_it_was_seen(qtbot: QtBot, tmp_path: Path) -> None:
    store = ClipStore(tmp_path / "clips", 10**9)
    given = list(rep_script(DRILL, [Fault.NONE], fps=15))
    clip = record_script(qtbot, store, [Fault.NONE], fps=15)
    assert store.clips() == [clip]
    assert clip.name == "20261207-100000--kettlebell-deadlift.mp4"
    times = _read(clip.path)
    assert len(times) == len(given)
    length = given[-1].seconds - given[0].seconds
    assert abs((times[-1] - times[0]) - length) < 0.1
    assert not list(store.folder.glob(".recording-*"))


def _panel(qtbot: QtBot, store: ClipStore) -> CameraPanel:
    from hinge_desktop.ui.camera.frame_sources import FigureFrames

    panel = CameraPanel(lambda drill: FigureFrames(drill), pose_assist=False, clips=store)
    qtbot.addWidget(panel)
    panel.resize(520, 420)
    panel.show()
    panel.set_drill(DRILL)
    assert not panel.record.isVisible()
    panel.button.click()
    assert panel.record.isVisible()
    return panel


def test_record_films_the_set_until_stopped_and_says_it_was_saved(
    qtbot: QtBot, tmp_path: Path
) -> None:
    store = ClipStore(tmp_path / "clips", 10**9)
    panel = _panel(qtbot, store)
    panel.record.click()
    assert panel.is_recording()
    assert panel.record.text() == "Stop recording"
    qtbot.waitUntil(lambda: panel.on_air.text().startswith("● Recording 0:01"), timeout=5000)
    said: list[str] = []
    panel.message.connect(said.append)
    with qtbot.waitSignal(panel.clip_saved, timeout=10000) as saved:
        panel.record.click()
    clip = saved.args[0]
    assert not panel.is_recording()
    assert panel.on_air.text() == "● Camera on"
    assert panel.record.text() == "Record"
    assert said[0].startswith("Saved a clip of the set (")
    assert store.clips() == [clip]
    assert clip.drill_id == DRILL.id
    assert len(_read(clip.path)) >= 20  # about a second at 30 frames a second
    with qtbot.waitSignal(panel.clips_wanted) as wanted:
        panel.clips_button.click()
    assert wanted.args == [clip.path]


def test_turning_the_camera_off_while_filming_keeps_the_set(qtbot: QtBot, tmp_path: Path) -> None:
    store = ClipStore(tmp_path / "clips", 10**9)
    panel = _panel(qtbot, store)
    panel.record.click()
    qtbot.wait(700)
    with qtbot.waitSignal(panel.clip_saved, timeout=10000):
        panel.button.click()
    assert not panel.is_on()
    assert len(store.clips()) == 1


def test_quitting_while_filming_saves_the_set_before_the_window_goes(
    qtbot: QtBot, tmp_path: Path
) -> None:
    store = ClipStore(tmp_path / "clips", 10**9)
    panel = _panel(qtbot, store)
    panel.record.click()
    qtbot.wait(700)
    panel.shutdown()
    assert [c.drill_id for c in store.clips()] == [DRILL.id]
    assert not list(store.folder.glob(".recording-*"))


def test_past_the_cap_older_clips_not_kept_make_room_and_the_note_says_so(
    qtbot: QtBot, tmp_path: Path
) -> None:
    store = ClipStore(tmp_path / "clips", 2_000_000)
    for day, kept in ((1, True), (2, False)):
        partial, final = store.recording_paths("dowel-hinge", datetime(2026, 12, day, 9))
        partial.write_bytes(b"v" * 1_000_000)
        clip = store.finish(partial, final)
        store.set_kept(clip, kept)
    panel = _panel(qtbot, store)
    said: list[str] = []
    panel.message.connect(said.append)
    panel.record.click()
    qtbot.wait(1500)
    with qtbot.waitSignal(panel.clip_saved, timeout=10000):
        panel.record.click()
    assert "1 older clip not kept removed to make room." in said[0]
    left = store.clips()
    assert [c.recorded.day for c in left if c.drill_id == "dowel-hinge"] == [1]
    assert left[-1].kept


def test_when_kept_clips_fill_the_room_nothing_is_filmed_and_the_panel_says_why(
    qtbot: QtBot, tmp_path: Path
) -> None:
    store = ClipStore(tmp_path / "clips", 1000)
    partial, final = store.recording_paths("dowel-hinge", datetime(2026, 12, 1, 9))
    partial.write_bytes(b"v" * 1000)
    store.set_kept(store.finish(partial, final), True)
    panel = _panel(qtbot, store)
    panel.record.click()
    assert not panel.is_recording()
    assert not panel.record.isChecked()
    assert "Kept clips fill the room for clips" in panel.note.text()
    assert len(store.clips()) == 1


def test_a_recording_stops_itself_when_it_fills_the_room_for_clips(
    qtbot: QtBot, tmp_path: Path
) -> None:
    store = ClipStore(tmp_path / "clips", 150_000)
    panel = _panel(qtbot, store)
    said: list[str] = []
    panel.message.connect(said.append)
    with qtbot.waitSignal(panel.clip_saved, timeout=20000) as saved:
        panel.record.click()
    assert not panel.is_recording()
    assert not panel.record.isChecked()
    assert panel.on_air.text() == "● Camera on"
    assert "It filled the room for clips, so filming stopped." in said[0]
    clip = saved.args[0]
    assert store.clips() == [clip]
    assert clip.size < 500_000  # stopped soon after: the encoder holds back what it has not written
