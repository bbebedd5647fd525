"""The workout player and the desktop's media controls (MPRIS), kept in step: what the player
shows goes to the desktop, and what the desktop asks for (a headset's button, the media keys,
the media panel) goes to the player as the player's own buttons would."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hinge_desktop.domain.timeline import StepKind
from hinge_desktop.ui.desktop.media_player import (
    PAUSED,
    PLAYING,
    STOPPED,
    MediaPlayer,
    NowPlaying,
)
from hinge_desktop.ui.shell.media_art import MediaArt
from hinge_desktop.ui.workout.workout_text import clock_text, step_text

if TYPE_CHECKING:
    from hinge_desktop.ui.shell.main_window import MainWindow
    from hinge_desktop.ui.workout.workout_view import WorkoutView


def now_playing(workout: WorkoutView, art: MediaArt | None = None) -> NowPlaying:
    """What the desktop should show of ``workout``: its state, drill, step and (with ``art``)
    the drill's figure."""
    timeline = workout.timeline()
    if timeline is None:
        return NowPlaying()
    moment = timeline.moment()
    step = moment.step
    status = PLAYING if workout.is_running() else STOPPED if moment.finished else PAUSED
    drill = step.drill or step.next_drill
    where = step_text(step)
    if step.kind is StepKind.REST:
        where = f"{where} {clock_text(step.seconds)}"
    return NowPlaying(
        status=status,
        drill=drill.name if drill is not None else "",
        step=where,
        workout=workout.name(),
        art_url=art.url(drill) if art is not None else "",
        index=moment.index,
        can_go_next=not moment.finished,
        can_go_previous=moment.started and not moment.finished,
    )


def follow_workout(
    workout: WorkoutView, player: MediaPlayer, window: MainWindow, art: MediaArt
) -> None:
    """Keep ``player`` showing ``workout``, and let it pause, resume, skip and go back."""

    def changed(*_args: object) -> None:
        player.show(now_playing(workout, art))

    workout.workout_loaded.connect(changed)
    workout.running_changed.connect(changed)
    workout.step_reached.connect(changed)
    workout.sides_changed.connect(changed)
    workout.session_ended.connect(changed)
    player.play_pause_requested.connect(workout.start_pause)
    player.next_requested.connect(workout.skip)
    player.previous_requested.connect(workout.back)

    player.raise_requested.connect(lambda: bring_to_front(window, "workout"))


def bring_to_front(window: MainWindow, view: str) -> None:
    """Show ``view`` in the window, brought up from the background, the tray or the taskbar."""
    window.show_view(view)
    if window.isMinimized():
        window.showNormal()
    elif not window.isVisible():
        window.show()
    window.raise_()
    window.activateWindow()
