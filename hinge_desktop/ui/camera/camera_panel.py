"""The camera beside the figure: a mirror of the person, and with the pose assist their hip,
knee and trunk against the drill's, the reps counted and a cue now and then.

Off until the person turns it on; while on, a red mark says so. Nothing leaves the computer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from hinge_desktop.domain.drills import Drill
from hinge_desktop.domain.pose.coach import PoseUpdate
from hinge_desktop.domain.pose.form import FormCue
from hinge_desktop.domain.pose.targets import PoseTargets, pose_targets
from hinge_desktop.speech.choose import quiet_multimedia_logs
from hinge_desktop.ui.camera.frame_view import FrameView
from hinge_desktop.vision.pose_model import INSTALL, pose_model_installed

if TYPE_CHECKING:
    from hinge_desktop.ui.camera.frame_sources import FrameSource

SourceMaker = Callable[[Drill | None], "FrameSource | None"]


def tr(text: str) -> str:
    return QCoreApplication.translate("Camera", text)


def _multimedia() -> None:
    """Qt Multimedia is loaded when the camera is first used, not with the window (it takes
    time, and it reports the sound libraries it looks for as it loads)."""
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

    def __init__(
        self,
        make_source: SourceMaker = first_camera,
        pose_assist: bool | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cameraPanel")
        self._make_source = make_source
        self._assist = pose_model_installed() if pose_assist is None else pose_assist
        self._drill: Drill | None = None
        self._source: FrameSource | None = None
        self._watcher = None  # a PoseWatcher while the assist runs
        self.view = FrameView()
        self.on_air = QLabel(tr("● Camera on"))
        self.on_air.setObjectName("cameraOnAir")
        self.on_air.setStyleSheet("color: #d93025; font-weight: bold;")
        self.on_air.hide()
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
        self.mirror = QCheckBox(tr("Mirror"))
        self.mirror.setObjectName("cameraMirror")
        self.mirror.setChecked(True)
        self.mirror.toggled.connect(self._mirror)
        self.readout = QLabel()
        self.readout.setObjectName("poseReadout")
        self.readout.setWordWrap(True)
        self.note = QLabel()
        self.note.setObjectName("cameraNote")
        self.note.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.on_air)
        top.addStretch(1)
        top.addWidget(self.mirror)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
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
        self.readout.clear()

    def _targets(self) -> PoseTargets | None:
        return pose_targets(self._drill) if self._drill is not None else None

    def _mirror(self, on: bool) -> None:
        self.view.mirrored = on
        self.view.update()

    def set_drill(self, drill: Drill | None) -> None:
        """The drill under way; the assist starts again for it, its reps from nought."""
        if drill is self._drill:
            return
        self._drill = drill
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
        if self._watcher is not None:
            self._watcher.offer(seconds, image)

    def _start_watcher(self) -> None:
        targets = self._targets()
        if not self._assist or targets is None:
            self._say_idle()
            return
        from hinge_desktop.ui.camera.pose_watcher import PoseWatcher

        watcher = PoseWatcher(targets, self)
        watcher.updated.connect(self._updated)
        watcher.rep_counted.connect(self.reps_counted)
        watcher.cue.connect(lambda cue, _latency: self.cue_due.emit(FormCue(cue).value))
        watcher.failed.connect(self._failed)
        self._watcher = watcher
        self.note.setText(tr("Reps from the hip; it cannot see the shape of your back."))

    def _stop_watcher(self) -> None:
        if self._watcher is not None:
            self._watcher.shutdown()
            self._watcher.deleteLater()
            self._watcher = None

    def _updated(self, update: PoseUpdate) -> None:
        reading, targets = update.reading, self._targets()
        if reading is None or targets is None:
            self.readout.setText(tr("Step into the picture, side-on."))
            return
        aim = targets.bottom
        text = tr(
            "hip {hip}° (aim {hip_aim}°) · knee {knee}° (aim {knee_aim}°) · trunk {trunk}°"
        ).format(
            hip=f"{reading.hip:.0f}",
            hip_aim=f"{aim.hip:.0f}",
            knee=f"{reading.knee:.0f}",
            knee_aim=f"{aim.knee:.0f}",
            trunk=f"{reading.trunk:.0f}",
        )
        if not reading.whole_body:
            text += " · " + tr("the whole body is not in view: no cues")
        self.readout.setText(text)

    def shutdown(self) -> None:
        self.turn_off()
