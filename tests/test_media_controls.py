"""The running workout as a player of the desktop's media controls (MPRIS), driven by a client
on its own bus connection as a headset, the media keys or a media panel would: play/pause
starts, pauses and resumes; next skips; previous goes back; the panel shows the drill and step.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from desktop_bus import MprisClient, StandIns
from hinge_window import HingeWindow
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from hinge_desktop.domain.timeline import StepKind
from hinge_desktop.ui.desktop.bus_calls import DesktopBus
from hinge_desktop.ui.desktop.media_player import MediaPlayer, NowPlaying

Desktop = Callable[..., StandIns]


@pytest.fixture
def panel(qtbot: QtBot, desktop: Desktop) -> Iterator[MprisClient]:
    desktop()  # this run's bus, with nothing else on it
    client = MprisClient(qtbot)
    yield client
    client.close()


def loaded(qtbot: QtBot, panel: MprisClient, hinge: HingeWindow, drill: str) -> None:
    """The drill in the player, and Hinge's media player on the bus."""
    hinge.show_drill(drill)
    qtbot.waitUntil(panel.has_owner)


def step_kind(hinge: HingeWindow) -> StepKind:
    timeline = hinge.views.workout.timeline()
    assert timeline is not None
    return timeline.moment().step.kind


def test_hinge_becomes_a_media_player_when_a_workout_is_loaded(
    qtbot: QtBot, panel: MprisClient, hinge: HingeWindow
) -> None:
    assert not panel.has_owner()  # nothing to play yet: no player in the media panel
    loaded(qtbot, panel, hinge, "romanian-deadlift")
    assert panel.get("Identity", "org.mpris.MediaPlayer2") == "Hinge"
    assert panel.get("CanQuit", "org.mpris.MediaPlayer2") is False
    assert panel.get("PlaybackStatus") == "Paused"  # ready to start
    metadata = panel.get("Metadata")
    assert isinstance(metadata, dict)
    assert metadata["xesam:title"] == "Romanian deadlift"
    assert metadata["xesam:artist"] == ["Get ready"]
    assert panel.get("CanPlay") is True
    assert panel.get("CanSeek") is False
    # The drill's figure is the art: a square picture in the data folder, drawn once.
    art = QUrl(str(metadata["mpris:artUrl"])).toLocalFile()
    assert Path(art).parent == hinge.paths.media_art
    picture = QImage(art)
    assert (picture.width(), picture.height()) == (256, 256)
    assert len({picture.pixel(x, 128) for x in range(0, 256, 4)}) > 2  # a figure, not blank


def test_play_pause_from_a_headset_starts_pauses_and_resumes_the_workout(
    qtbot: QtBot, panel: MprisClient, hinge: HingeWindow
) -> None:
    loaded(qtbot, panel, hinge, "wall-hinge-check")
    workout = hinge.views.workout
    panel.call("PlayPause")
    qtbot.waitUntil(workout.is_running)
    assert panel.get("PlaybackStatus") == "Playing"
    qtbot.waitUntil(lambda: {"PlaybackStatus": "Playing"}.items() <= _merged(panel).items())
    panel.call("PlayPause")
    qtbot.waitUntil(lambda: not workout.is_running())
    assert panel.get("PlaybackStatus") == "Paused"
    panel.call("Play")
    qtbot.waitUntil(workout.is_running)
    panel.call("Play")  # already playing: stays so
    panel.call("Pause")
    qtbot.waitUntil(lambda: not workout.is_running())
    panel.call("Stop")  # never ends the workout
    assert workout.under_way()
    assert hinge.views.workout.timeline() is not None


def test_next_and_previous_skip_and_go_back_and_the_panel_follows(
    qtbot: QtBot, panel: MprisClient, hinge: HingeWindow
) -> None:
    loaded(qtbot, panel, hinge, "wall-hinge-check")
    panel.call("PlayPause")
    qtbot.waitUntil(hinge.views.workout.is_running)
    assert step_kind(hinge) is StepKind.GET_READY
    panel.call("Next")
    qtbot.waitUntil(lambda: step_kind(hinge) is StepKind.REPS)
    qtbot.waitUntil(lambda: panel.get("Metadata")["xesam:artist"][0].startswith("Set 1"))  # type: ignore[index]
    assert panel.get("CanGoPrevious") is True
    panel.call("Previous")
    qtbot.waitUntil(lambda: step_kind(hinge) is StepKind.GET_READY)
    hinge.skip_to(StepKind.DONE)
    qtbot.waitUntil(lambda: panel.get("PlaybackStatus") == "Stopped")
    assert panel.get("CanGoNext") is False


# The offscreen platform has no window stack to raise a window in; a desktop's has.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_raise_brings_the_player_to_the_front(
    qtbot: QtBot, panel: MprisClient, hinge: HingeWindow
) -> None:
    loaded(qtbot, panel, hinge, "wall-hinge-check")
    hinge.show("history")
    panel.call("Raise", "org.mpris.MediaPlayer2")
    qtbot.waitUntil(lambda: hinge.window.current_view() == "workout")


def test_quitting_gives_the_player_s_name_up(
    qtbot: QtBot, panel: MprisClient, hinge: HingeWindow
) -> None:
    loaded(qtbot, panel, hinge, "wall-hinge-check")
    hinge.close()
    qtbot.waitUntil(lambda: not panel.has_owner())


def _merged(panel: MprisClient) -> dict[str, object]:
    merged: dict[str, object] = {}
    for changed in panel.announced:
        merged.update(changed)
    return merged


def test_quitting_while_the_name_is_being_taken_gives_it_up(
    qtbot: QtBot, panel: MprisClient
) -> None:
    bus = DesktopBus()
    player = MediaPlayer(bus)
    player.show(NowPlaying(status="Paused", drill="Glute bridge", index=0))  # taking the name
    player.shutdown()
    bus.shutdown()  # the lane makes its calls in order: taken, then given up
    assert not panel.has_owner()
