"""Where the camera panel's frames come from: a camera, a video file, or the drill's figure.

Each source hands over pictures with their time on the GUI thread (``frame``), so the panel and
the pose assist never know which it is; tests and machines without a camera use a file or the
figure, by the same path. A camera and a file both come through a QVideoSink.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import (
    QCamera,
    QCameraDevice,
    QMediaCaptureSession,
    QMediaDevices,
    QMediaPlayer,
    QVideoFrame,
    QVideoSink,
)

from hinge_desktop.domain.drills import Drill
from hinge_desktop.domain.pose.rep_script import Fault, rep_script
from hinge_desktop.qt_messages import drop_qt_message
from hinge_desktop.ui.camera.generated_frames import FigureCamera


class FrameSource(QObject):
    frame = Signal(float, QImage)
    """(seconds since the source started, the picture), on the GUI thread."""
    failed = Signal(str)

    def start(self) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def follow(self, drill: Drill) -> None:
        """The player moved to ``drill``: a camera films whatever is in front of it."""


NO_GPU = (
    "QRhi* {anonymous}::ThreadLocalRhiHolder::ensureRhi(QRhi::Implementation) : "
    "No RHI backend. Using CPU conversion."
)
"""What Qt says when a video frame becomes a picture without a GPU: nothing to act on."""


MAX_WIDTH = 960
"""Pixels across a frame is brought down to: enough for the panel and the pose model (which
reads 640), and a 1080p camera's frames are not carried about whole."""


class _SinkSource(FrameSource):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        drop_qt_message(NO_GPU)
        self.sink = QVideoSink(self)
        self._clock = QElapsedTimer()
        # Queued: the sink may be fed on a thread of the backend's. Not direct, though that
        # would make the picture there: a Python slot on the player's thread waits for the
        # interpreter while the GUI thread, stopping the player, waits for that thread.
        self.sink.videoFrameChanged.connect(self._arrived, Qt.ConnectionType.QueuedConnection)

    def _arrived(self, frame: QVideoFrame) -> None:
        if not frame.isValid():
            return
        if not self._clock.isValid():
            self._clock.start()
        image = frame.toImage()
        if image.width() > MAX_WIDTH:
            image = image.scaledToWidth(MAX_WIDTH, Qt.TransformationMode.SmoothTransformation)
        self.frame.emit(self._clock.elapsed() / 1000, image)


class CameraFrames(_SinkSource):
    """A camera, as the desktop offers it."""

    def __init__(self, device: QCameraDevice, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = QMediaCaptureSession(self)
        self.camera = QCamera(device, self)
        self._session.setCamera(self.camera)
        self._session.setVideoSink(self.sink)
        self.camera.errorOccurred.connect(lambda _error, message: self.failed.emit(message))

    @property
    def session(self) -> QMediaCaptureSession:
        """Where a recorder is attached to record what the camera sees."""
        return self._session

    def start(self) -> None:
        self.camera.start()

    def stop(self) -> None:
        self.camera.stop()


def cameras() -> list[QCameraDevice]:
    return list(QMediaDevices.videoInputs())


class ClipFrames(_SinkSource):
    """A video file played at its own pace, again and again."""

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.player = QMediaPlayer(self)
        self.player.setVideoSink(self.sink)
        self.player.setLoops(QMediaPlayer.Loops.Infinite)
        self.player.setSource(QUrl.fromLocalFile(str(path.resolve())))
        self.player.errorOccurred.connect(
            lambda _error, message: self.failed.emit(message or self.player.errorString())
        )

    def start(self) -> None:
        self.player.play()

    def stop(self) -> None:
        self.player.stop()


class FigureFrames(FrameSource):
    """The drill's figure doing reps in front of a plain wall, at 30 frames a second: the panel
    and the pose assist shown without a camera."""

    FPS = 30

    SHOWN = (Fault.NONE, Fault.NONE, Fault.SHALLOW, Fault.NONE)
    """Good reps and a shallow one, so that a cue is heard."""

    def __init__(
        self, drill: Drill, faults: Sequence[Fault] = SHOWN, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._faults = list(faults)
        self.follow(drill)
        self._timer = QTimer(self, interval=1000 // self.FPS)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)
        self._clock = QElapsedTimer()

    def follow(self, drill: Drill) -> None:
        """The figure becomes ``drill``'s, doing its reps."""
        self._camera = FigureCamera(drill)
        self._frames = [f.angles for f in rep_script(drill, self._faults, fps=self.FPS)]

    def _tick(self) -> None:
        seconds = self._clock.elapsed() / 1000
        index = int(seconds * self.FPS) % len(self._frames)
        self.frame.emit(seconds, self._camera.frame(self._frames[index]))

    def start(self) -> None:
        self._clock.start()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
