"""The pose assist live: frames in on the GUI thread, the model on a lane of its own, the
coach's answer back on the GUI thread.

Only the newest frame waits while the model is busy: a slow machine analyses fewer frames, never
old ones, and the GUI thread only hands pictures over (the model lets go of Python's lock while
it works, so the window keeps answering).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from hinge_desktop.domain.pose.coach import PoseCoach, PoseUpdate
from hinge_desktop.domain.pose.form import FormCue
from hinge_desktop.domain.pose.reading import BodyReading, landmark_reading
from hinge_desktop.domain.pose.targets import PoseTargets
from hinge_desktop.ui.camera.frame_pixels import rgb_pixels
from hinge_desktop.ui.tasks import TaskRunner
from hinge_desktop.vision.pose_model import PoseModel


@dataclass(frozen=True)
class _Found:
    seconds: float
    reading: BodyReading | None
    offered: float
    """When the frame was handed over (monotonic seconds), for the frame-to-cue latency."""


class PoseWatcher(QObject):
    """Follows one drill's reps in the frames it is offered."""

    updated = Signal(object)
    """A PoseUpdate for each analysed frame."""
    rep_counted = Signal(int)
    """The reps counted so far, when one ends."""
    cue = Signal(object, float)
    """(FormCue, seconds from the frame's hand-over to the cue), at most as often as the gate
    lets a cue be said."""
    failed = Signal(str)

    def __init__(self, targets: PoseTargets, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._coach = PoseCoach(targets)
        self._lane: TaskRunner[PoseModel] = TaskRunner("poseModel", PoseModel, parent=self)
        self._waiting: tuple[float, QImage, float] | None = None
        self._busy = False
        self.analysed = 0
        self.offered = 0

    @property
    def targets(self) -> PoseTargets:
        return self._coach.targets

    def offer(self, seconds: float, image: QImage) -> None:
        """A new frame, ``seconds`` into the recording; it replaces one still waiting."""
        self.offered += 1
        self._waiting = (seconds, image, time.monotonic())
        if not self._busy:
            self._next()

    def _next(self) -> None:
        if self._waiting is None:
            return
        seconds, image, offered = self._waiting
        self._waiting, self._busy = None, True

        def job(model: PoseModel) -> _Found:
            found = model.find(rgb_pixels(image))
            reading = landmark_reading(found, image.width(), image.height()) if found else None
            return _Found(seconds, reading, offered)

        self._lane.submit(job, self._found, self._error, context=self)

    def _found(self, found: _Found) -> None:
        self._busy = False
        self.analysed += 1
        update: PoseUpdate = self._coach.add(found.seconds, found.reading)
        self.updated.emit(update)
        if update.rep is not None:
            self.rep_counted.emit(self._coach.count)
        if update.say is not None:
            self.cue.emit(FormCue(update.say), time.monotonic() - found.offered)
        self._next()

    def _error(self, error: Exception) -> None:
        self._busy = False
        self._waiting = None
        self.failed.emit(str(error))

    def shutdown(self) -> None:
        self._waiting = None
        self._lane.shutdown()
