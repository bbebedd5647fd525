"""A filmed set replayed: paused at its start, a frame on or back at a time, at 1×, ½× or ¼×,
beside the drill's figure, which keeps the clip's time."""

from __future__ import annotations

from pathlib import Path

import pytest
from drill_catalogue import CATALOGUE
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_clip_recording import DRILL, record_script

from hinge_desktop.domain.figure import angles_at, scene
from hinge_desktop.domain.pose.rep_script import Fault
from hinge_desktop.speech.choose import quiet_multimedia_logs
from hinge_desktop.storage.clip_store import ClipStore


@pytest.fixture(autouse=True)
def _multimedia() -> None:
    quiet_multimedia_logs()


@pytest.fixture
def clip(qtbot: QtBot, tmp_path: Path) -> Path:
    return record_script(qtbot, ClipStore(tmp_path / "clips", 10**9), [Fault.NONE], fps=30).path


def _replay(qtbot: QtBot, clip: Path):  # type: ignore[no-untyped-def]
    from hinge_desktop.ui.camera.clip_replay import ClipReplay

    replay = ClipReplay()
    qtbot.addWidget(replay)
    replay.resize(800, 400)
    replay.show()
    replay.load(clip, DRILL)
    qtbot.waitUntil(lambda: not replay.view.picture_rect().isEmpty(), timeout=5000)
    return replay


def test_a_clip_opens_paused_at_its_start_beside_the_drill_figure(qtbot: QtBot, clip: Path) -> None:
    replay = _replay(qtbot, clip)
    assert not replay.is_playing()
    assert replay.shown_seconds() == 0.0
    assert replay.figure.isVisible()
    assert replay.figure.drill() is DRILL
    qtbot.waitUntil(lambda: replay.player.duration() > 0, timeout=3000)
    assert replay.slider.maximum() == replay.player.duration()
    assert replay.time.text().startswith("0:00.00 / 0:0")


def test_stepping_shows_the_next_and_the_previous_frame_and_the_figure_follows(
    qtbot: QtBot, clip: Path
) -> None:
    replay = _replay(qtbot, clip)
    frame = 1 / 30
    for count in (1, 2, 3):
        replay.forward.click()
        qtbot.waitUntil(
            lambda c=count: abs(replay.shown_seconds() - c * frame) < 0.002, timeout=3000
        )
    replay.back.click()
    qtbot.waitUntil(lambda: abs(replay.shown_seconds() - 2 * frame) < 0.002, timeout=3000)
    assert not replay.is_playing()
    tempo = DRILL.prescription.tempo
    assert replay.figure.seconds_into_rep() == pytest.approx(replay.shown_seconds())
    shown = replay.figure.current_scene()
    assert shown is not None
    expected = scene(DRILL.figure, angles_at(DRILL.figure, tempo, replay.shown_seconds()))
    assert shown.points == expected.points


def test_keys_play_pause_step_and_choose_the_speed(qtbot: QtBot, clip: Path) -> None:
    replay = _replay(qtbot, clip)
    replay.setFocus()
    qtbot.keyClick(replay, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: replay.shown_seconds() > 0, timeout=3000)
    qtbot.keyClick(replay, Qt.Key.Key_3)
    assert replay.speed() == 0.25
    assert replay.speeds.value() == 0.25
    qtbot.keyClick(replay, Qt.Key.Key_Space)
    assert replay.is_playing()
    assert replay.play_button.text() == "Pause"
    shown = replay.shown_seconds()
    qtbot.waitUntil(lambda: replay.shown_seconds() > shown + 0.1, timeout=5000)
    qtbot.keyClick(replay, Qt.Key.Key_Space)
    assert not replay.is_playing()
    qtbot.keyClick(replay, Qt.Key.Key_1)
    assert replay.speed() == 1.0
    replay.speeds.button_for(0.5).click()
    assert replay.speed() == 0.5


def test_played_to_its_end_it_starts_again_from_the_top(qtbot: QtBot, clip: Path) -> None:
    replay = _replay(qtbot, clip)
    qtbot.waitUntil(lambda: replay.player.duration() > 0, timeout=3000)
    replay.player.setPosition(replay.player.duration() - 100)
    replay.toggle()
    qtbot.waitUntil(lambda: not replay.is_playing(), timeout=5000)
    replay.toggle()
    assert replay.is_playing()
    qtbot.waitUntil(lambda: replay.shown_seconds() < 1.0, timeout=3000)
    replay.stop()


def test_nothing_loaded_leaves_the_controls_off(qtbot: QtBot) -> None:
    from hinge_desktop.ui.camera.clip_replay import ClipReplay

    replay = ClipReplay()
    qtbot.addWidget(replay)
    replay.load(None, None)
    assert not replay.play_button.isEnabled()
    assert not replay.forward.isEnabled()
    assert CATALOGUE.get(DRILL.id) is DRILL
