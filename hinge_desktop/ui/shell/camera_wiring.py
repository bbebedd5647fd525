"""The camera panel in the player: it follows the drill under way, its counted reps fill the log
panel's reps (the person still logs the set), its cues are said by the coach's voice, and the
sets it films are kept in the data folder's clips. File → Clips… and File → Analyse a clip…
open the filmed sets and a video from elsewhere."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QWidget

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.drills import Drill
from hinge_desktop.domain.pose.form import FormCue
from hinge_desktop.domain.pose.targets import pose_targets
from hinge_desktop.speech.choose import quiet_multimedia_logs
from hinge_desktop.speech.speaker import Speaker
from hinge_desktop.storage.clip_store import MEGABYTE, ClipStore
from hinge_desktop.ui.camera.camera_panel import CameraPanel
from hinge_desktop.ui.preferences import CLIP_CAP_MB
from hinge_desktop.ui.workout.log_panel import LogPanel
from hinge_desktop.ui.workout.workout_view import WorkoutView

if TYPE_CHECKING:
    from hinge_desktop.ui.shell.installed import Services
    from hinge_desktop.ui.shell.main_window import MainWindow

CUE_SAY_WITHIN = 3.0
"""Seconds a camera cue may wait for the voice before it is no longer worth saying."""


def tr(text: str) -> str:
    return QCoreApplication.translate("Camera", text)


def install_camera(
    window: MainWindow, workout: WorkoutView, log_panel: LogPanel, services: Services
) -> CameraPanel:
    """The camera in the player, its clips in the data folder, and the File menu's two."""
    cap = services.preferences.get(CLIP_CAP_MB) * MEGABYTE
    store = ClipStore(services.paths.clips, cap)
    store.discard_unfinished()
    camera = wire_camera(workout, log_panel, services.speaker, store)
    camera.clips_wanted.connect(
        lambda chosen: show_clips(workout.window(), store, services, chosen)
    )
    camera.clip_saved.connect(lambda _clip: refresh_clips(workout.window()))
    camera.message.connect(lambda text: window.statusBar().showMessage(text, 10_000))
    window.build_chrome()
    install_clip_actions(window, camera, workout, services)
    return camera


def wire_camera(
    workout: WorkoutView, log_panel: LogPanel, speaker: Speaker, clips: ClipStore | None = None
) -> CameraPanel:
    """The panel beside the figure, following the drill, filling the reps, cueing by voice."""
    camera = CameraPanel(clips=clips)
    workout.player.set_side_panel(camera, camera.button)

    def follow() -> None:
        timeline = workout.timeline()
        drill = timeline.moment().step.drill if timeline is not None else None
        camera.set_drill(drill)

    def in_a_set() -> bool:
        timeline = workout.timeline()
        return workout.is_running() and timeline is not None and timeline.moment().step.is_work

    def new_step() -> None:
        follow()
        camera.new_set()
        camera.set_counting(in_a_set())

    # Reps are counted, and cues given, only while a set runs (not in its get-ready, a rest or
    # a pause): each set from nought, and what the log panel offers after it stays as it was.
    workout.workout_loaded.connect(new_step)
    workout.step_reached.connect(lambda _index: new_step())
    workout.running_changed.connect(lambda _running: camera.set_counting(in_a_set()))
    camera.set_counting(in_a_set())
    camera.reps_counted.connect(lambda reps: log_panel.form.reps.set_value(reps))

    def say(text: str) -> None:
        now = time.monotonic()
        speaker.say_at(text, now, now + CUE_SAY_WITHIN)

    camera.cue_due.connect(say)
    camera.turned_on.connect(lambda: speaker.prepare(cue.value for cue in FormCue))
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(camera.shutdown)
    return camera


def _drill_of(catalogue: Catalogue):  # type: ignore[no-untyped-def]
    def drill_of(drill_id: str) -> Drill | None:
        return catalogue.get(drill_id) if drill_id in catalogue else None

    return drill_of


def show_clips(parent: QWidget, store: ClipStore, services: Services, chosen: Path | None) -> None:
    """The clips window (one at a time), with ``chosen`` (or the newest) on show."""
    quiet_multimedia_logs()  # before Qt Multimedia loads
    from hinge_desktop.ui.camera.clips_dialog import ClipsDialog

    dialog = parent.findChild(ClipsDialog, "clipsDialog")
    if dialog is None:
        dialog = ClipsDialog(store, _drill_of(services.catalogue), services.preferences, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.refresh(chosen)
    if dialog.isVisible():  # open already, perhaps behind the window
        dialog.raise_()
        dialog.activateWindow()
    dialog.show()


def refresh_clips(parent: QWidget) -> None:
    """An open clips window lists a clip just saved, and not those removed to make room."""
    for dialog in parent.findChildren(QDialog, "clipsDialog"):
        refresh = getattr(dialog, "refresh", None)
        if callable(refresh):
            refresh()


def show_analyse(
    parent: QWidget, catalogue: Catalogue, drill: Drill | None, clips: Path | None = None
) -> None:
    from hinge_desktop.ui.camera.analyse_dialog import AnalyseDialog

    followed = [d for d in catalogue if pose_targets(d) is not None]
    dialog = AnalyseDialog(followed, drill, None, parent, look_in=clips)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()


def install_clip_actions(
    window: MainWindow, camera: CameraPanel, workout: WorkoutView, services: Services
) -> None:
    """File → Filmed clips… and File → Analyse a clip… (made with the menus) do their work."""

    def current_drill() -> Drill | None:
        timeline = workout.timeline()
        return timeline.moment().step.drill if timeline is not None else None

    work = {
        "clipsAction": lambda: camera.clips_wanted.emit(None),
        "analyseClipAction": lambda: show_analyse(
            window, services.catalogue, current_drill(), services.paths.clips
        ),
    }
    for name, slot in work.items():
        action = window.findChild(QAction, name)
        if action is None:
            continue
        action.triggered.connect(slot)
        action.setEnabled(True)
