"""The camera beside the figure: a mirror of the person, and with the pose assist their hip,
knee and trunk against the drill's, the reps counted and a cue now and then.

Off until the person turns it on; while on, a red mark says so. Nothing leaves the computer.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from hinge_desktop.domain.drills import Drill
from hinge_desktop.domain.pose.form import FormCue
from hinge_desktop.domain.pose.targets import PoseTargets, pose_targets
from hinge_desktop.speech.choose import quiet_multimedia_logs
from hinge_desktop.storage.clip_store import Clip, ClipError, ClipStore
from hinge_desktop.ui.camera.frame_view import FrameView
from hinge_desktop.ui.camera.pose_readout import SteadyReadout, longest_readout
from hinge_desktop.ui.widgets.steady import SteadyLabel, hold_widest
from hinge_desktop.vision.pose_model import INSTALL, pose_model_installed

if TYPE_CHECKING:
    from hinge_desktop.ui.camera.clip_recorder import ClipRecorder
    from hinge_desktop.ui.camera.frame_sources import FrameSource
    from hinge_desktop.ui.camera.pose_watcher import PoseWatcher

RECORD_KEY = "R"
SourceMaker = Callable[[Drill | None], "FrameSource | None"]


def tr(text: str) -> str:
    return QCoreApplication.translate("Camera", text)


def _multimedia() -> None:
    """Qt Multimedia loads with the camera, not the window: it takes time, and talks as it does."""
    quiet_multimedia_logs()


def first_camera(_drill: Drill | None) -> FrameSource | None:
    _multimedia()
    from hinge_desktop.ui.camera.frame_sources import CameraFrames, cameras

    found = cameras()
    return CameraFrames(found[0]) if found else None


class CameraPanel(QWidget):
    reps_counted = Signal(int)
    """The reps the pose assist has counted in the set under way."""
    cue_due = Signal(str)
    """A cue the angles back, in words, for the voice."""
    turned_on = Signal()
    clips_wanted = Signal(object)
    """The clips are to be shown, this one (a Path) chosen, or None for the newest."""
    clip_saved = Signal(object)
    message = Signal(str)  # a passing word for the status bar: a clip saved, and room made

    def __init__(
        self,
        make_source: SourceMaker = first_camera,
        pose_assist: bool | None = None,
        clips: ClipStore | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cameraPanel")
        self._make_source = make_source
        self._assist = pose_model_installed() if pose_assist is None else pose_assist
        self._drill: Drill | None = None
        self._source: FrameSource | None = None
        self._watcher: PoseWatcher | None = None
        self._clips = clips
        self._recorder: ClipRecorder | None = None
        self._saved: Path | None = None
        self._counting = True
        self._set_reps = 0
        self.view = FrameView()
        self.on_air = QLabel(tr("● Camera on"))
        self.on_air.setObjectName("cameraOnAir")
        self.on_air.setStyleSheet("color: #d93025; font-weight: bold;")
        self.on_air.hide()
        hold_widest(self.on_air, (tr("● Camera on"), tr("● Recording {time}").format(time="00:00")))
        # Shown wherever the panel's owner puts it (the player's controls), even while the
        # panel is hidden; until then it is the panel's, and hidden.
        self.button = QPushButton(tr("Camera"), self)
        self.button.hide()
        self.button.setCheckable(True)
        self.button.setObjectName("cameraButton")
        self.button.setAccessibleName(tr("Camera on or off"))
        self.button.setToolTip(
            tr("Show yourself beside the figure, side-on. Nothing leaves this computer.")
        )
        self.button.clicked.connect(self.toggle)
        self.figure_button = QPushButton(tr("Try it with the figure"))
        self.figure_button.setObjectName("cameraFigureButton")
        self.figure_button.setToolTip(tr("See what the camera does with the drill's figure"))
        self.figure_button.clicked.connect(self.watch_figure)
        self.figure_button.hide()
        self.record = QPushButton(tr("Record"))
        self.record.setObjectName("cameraRecord")
        self.record.setCheckable(True)
        self.record.setToolTip(tr("Film the set to replay it slowly (R)"))
        hold_widest(self.record, (tr("Record"), tr("Stop recording")))
        self._record_words(tr("Record"), tr("Record the set"))
        self.record.clicked.connect(self.toggle_recording)
        self.record.hide()
        self.clips_button = QPushButton(tr("Clips…"))
        self.clips_button.setObjectName("cameraClips")
        self.clips_button.setToolTip(tr("Replay, keep or delete the sets you filmed"))
        self.clips_button.clicked.connect(lambda: self.clips_wanted.emit(self._saved))
        self.clips_button.setVisible(clips is not None)
        self.mirror = QCheckBox(tr("Mirror"))
        self.mirror.setObjectName("cameraMirror")
        self.mirror.setChecked(True)
        self.mirror.toggled.connect(self._mirror)
        self.readout = SteadyLabel(longest_readout(), roomy=200)
        self.readout.setObjectName("poseReadout")
        self.note = QLabel()
        self.note.setObjectName("cameraNote")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # Two short rows, not one long one: beside the clock in a narrow player.
        marks = QHBoxLayout()
        marks.addWidget(self.on_air)
        marks.addStretch(1)
        marks.addWidget(self.mirror)
        buttons = QHBoxLayout()
        buttons.addWidget(self.record)
        buttons.addWidget(self.clips_button)
        buttons.addStretch(1)
        layout.addLayout(marks)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.readout)
        layout.addWidget(self.note)
        layout.addWidget(self.figure_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._say_idle()
        self._show_off()

    def _show_off(self) -> None:
        """Off, the panel takes no room: only its button (in the player's controls) shows."""
        self.setVisible(bool(self.figure_button.isVisibleTo(self)))
        self.button.setChecked(False)

    # What the person sees -----------------------------------------------------------------------

    def _say_idle(self) -> None:
        lines = [tr("Side-on, the whole body in view. Nothing leaves this computer.")]
        targets = self._targets()
        if not self._assist:
            lines.append(
                tr("To count reps and check angles, add the pose assist: {command}").format(
                    command=INSTALL
                )
            )
        elif self._drill is not None and targets is None:
            lines.append(tr("The pose assist follows standing hinge drills."))
        self.note.setText(" ".join(lines))
        self.readout.setText("")

    def _targets(self) -> PoseTargets | None:
        return pose_targets(self._drill) if self._drill is not None else None

    def _mirror(self, on: bool) -> None:
        self.view.mirrored = on
        self.view.update()

    def set_drill(self, drill: Drill | None) -> None:
        """The drill under way; the assist starts again for it, its reps from nought."""
        if drill is self._drill:
            return
        self.stop_recording()
        self._drill = drill
        if self._source is not None and drill is not None:
            self._source.follow(drill)
        if self.is_on():
            self._stop_watcher()
            self._start_watcher()
        else:
            self._say_idle()

    def is_on(self) -> bool:
        return self._source is not None

    def toggle(self) -> None:
        if self.is_on():
            self.turn_off()
        else:
            self.turn_on()

    def turn_on(self, source: FrameSource | None = None) -> bool:
        """Start the camera (or ``source``); False, with a word why, if there is none."""
        self.turn_off()
        _multimedia()
        try:
            source = source if source is not None else self._make_source(self._drill)
        except ImportError as error:
            self._no_multimedia(error)
            return False
        if source is None:
            self.note.setText(tr("No camera was found."))
            self.figure_button.setVisible(self._drill is not None)
            self.setVisible(True)
            self.button.setChecked(False)
            return False
        source.setParent(self)
        source.frame.connect(self._frame)
        source.failed.connect(self._failed)
        self._source = source
        source.start()
        self.setVisible(True)
        self.on_air.show()
        self.record.setVisible(self._clips is not None)
        self.button.setChecked(True)
        self.figure_button.hide()
        self._start_watcher()
        self.turned_on.emit()
        return True

    def watch_figure(self) -> None:
        if self._drill is None:
            return
        _multimedia()
        try:
            from hinge_desktop.ui.camera.frame_sources import FigureFrames
        except ImportError as error:
            self._no_multimedia(error)
            return
        self.turn_on(FigureFrames(self._drill))

    def _no_multimedia(self, error: ImportError) -> None:
        self.note.setText(
            tr("The camera needs Qt Multimedia, which could not be loaded: {why}").format(why=error)
        )
        self.setVisible(True)
        self.button.setChecked(False)

    def turn_off(self) -> None:
        self.stop_recording()
        self.record.hide()
        self._stop_watcher()
        if self._source is not None:
            self._source.stop()
            self._source.deleteLater()
            self._source = None
        self.on_air.hide()
        self.view.show_frame(None)
        self.figure_button.hide()
        self._say_idle()
        self._show_off()

    def _failed(self, message: str) -> None:
        self.turn_off()
        self.note.setText(tr("The camera stopped: {why}").format(why=message))
        self.setVisible(True)

    # Frames and the assist ----------------------------------------------------------------------

    def _frame(self, seconds: float, image: QImage) -> None:
        self.view.show_frame(image)
        if self._recorder is not None and self._recorder.is_recording():
            self._recorder.add(seconds, image)
            self.on_air.setText(tr("● Recording {time}").format(time=self._recorder.length()))
        if self._watcher is not None:
            self._watcher.offer(seconds, image)

    def _start_watcher(self) -> None:
        targets = self._targets()
        if not self._assist or targets is None:
            self._say_idle()
            return
        from hinge_desktop.ui.camera.pose_watcher import PoseWatcher

        watcher = PoseWatcher(targets, self)
        words = SteadyReadout()
        watcher.updated.connect(
            lambda update: self.readout.setText(words.text(update.reading, targets, update.seconds))
        )
        watcher.rep_counted.connect(lambda _total: self._rep())
        watcher.cue.connect(lambda cue, _latency: self._cue(FormCue(cue)))
        self._set_reps = 0
        watcher.failed.connect(self._failed)
        self._watcher = watcher
        self.note.setText(self._assist_note())

    def _assist_note(self) -> str:
        """What stays said while the assist watches: what it counts by, and what it cannot see."""
        if self._watcher is None:
            return ""
        return tr("Reps from the hip; it cannot see the shape of your back.")

    def _say_with_note(self, text: str) -> None:
        self.note.setText(" ".join(part for part in (self._assist_note(), text) if part))

    @property
    def watcher(self) -> PoseWatcher | None:
        """The pose assist at work while the camera is on, for a drill it follows."""
        return self._watcher

    def set_counting(self, on: bool) -> None:
        """Count reps and give cues (while the set runs), or only show the angles."""
        self._counting = on

    def new_set(self) -> None:
        """The reps counted begin again from nought."""
        self._set_reps = 0

    def _rep(self) -> None:
        if self._counting:
            self._set_reps += 1
            self.reps_counted.emit(self._set_reps)

    def _cue(self, cue: FormCue) -> None:
        if self._counting:
            self.cue_due.emit(cue.value)

    def _stop_watcher(self) -> None:
        if self._watcher is not None:
            self._watcher.shutdown()
            self._watcher.deleteLater()
            self._watcher = None

    # Recording ----------------------------------------------------------------------------------

    def is_recording(self) -> bool:
        return self._recorder is not None and self._recorder.is_recording()

    def toggle_recording(self) -> None:
        if self.is_recording():
            self.stop_recording()
        else:
            self.start_recording()

    def start_recording(self) -> bool:
        """Film what the panel shows into a new clip; False, with a word why, if it cannot."""
        if self._clips is None or not self.is_on() or self.is_recording():
            self.record.setChecked(self.is_recording())
            return False
        if self._recorder is None:
            from hinge_desktop.ui.camera.clip_recorder import ClipRecorder

            self._recorder = ClipRecorder(self._clips, self)
            self._recorder.saved.connect(self._clip_saved)
            self._recorder.failed.connect(self._clip_failed)
        try:
            self._recorder.start(self._drill.id if self._drill else "camera", datetime.now())
        except ClipError as error:
            self.note.setText(str(error))
            self.record.setChecked(False)
            return False
        if not self._recorder.is_recording():  # the recorder failed at once, and said why
            self._show_not_recording()
            return False
        self.record.setChecked(True)
        self._record_words(tr("Stop recording"), tr("Stop recording"))
        self.on_air.setText(tr("● Recording"))
        return True

    def _record_words(self, text: str, name: str) -> None:
        self.record.setText(text)
        # A button's text sets its shortcut (to none, with no "&" in it): R is given again.
        self.record.setShortcut(RECORD_KEY)
        self.record.setAccessibleName(name)

    def stop_recording(self) -> None:
        if self._recorder is not None and self._recorder.is_recording():
            self._recorder.stop()
        self._show_not_recording()

    def _show_not_recording(self) -> None:
        self.record.setChecked(False)
        self._record_words(tr("Record"), tr("Record the set"))
        self.on_air.setText(tr("● Camera on"))

    def _clip_saved(self, clip: Clip, removed: list[Clip]) -> None:
        self._saved = clip.path
        filled = self._recorder is not None and self._recorder.filled_room
        self._show_not_recording()
        from hinge_desktop.ui.camera.clip_recorder import saved_words

        self.message.emit(saved_words(clip, removed, filled))
        self.clip_saved.emit(clip)

    def _clip_failed(self, message: str) -> None:
        self._show_not_recording()
        self._say_with_note(message)

    def shutdown(self) -> None:
        """Turn off; a set being filmed is finished and saved first (a few seconds at most)."""
        if self._recorder is not None:
            self._recorder.finish_now()
        self.turn_off()
