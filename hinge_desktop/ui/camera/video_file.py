"""Every frame of a video file, by the path a camera's frames take: a QMediaPlayer into a
QVideoSink. The frames are handed over on the player's own thread, and the player waits while
each is handled, so none is dropped however slow the handling is."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QTimer, QUrl
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QMediaPlayer, QVideoFrame, QVideoSink

FrameHandler = Callable[[float, QImage], None]
"""Called with each frame's time in seconds and its picture."""
GIVE_UP_MS = 15_000
"""How long a file may go without a frame, or without saying what it is, before it is given up."""


class VideoError(Exception):
    """The file cannot be played as a video; the message says why, in words."""


class VideoFileFrames(QObject):
    """Reads one file to its end."""

    def __init__(self, path: Path, on_frame: FrameHandler, rate: float = 1.0) -> None:
        super().__init__()
        self._rate = rate
        self._path = path
        self._on_frame = on_frame
        self._error = ""
        self._frames = 0
        self._end = 0.0
        self._player = QMediaPlayer(self)
        self._sink = QVideoSink(self)
        self._player.setVideoSink(self._sink)
        self._sink.videoFrameChanged.connect(self._frame, Qt.ConnectionType.DirectConnection)

    @property
    def frames(self) -> int:
        return self._frames

    @property
    def end(self) -> float:
        """When the last frame read ends, in seconds: the clip's length, once read."""
        return self._end

    def _frame(self, frame: QVideoFrame) -> None:
        if not frame.isValid():
            return
        self._frames += 1
        self._end = max(self._end, max(frame.startTime(), frame.endTime()) / 1_000_000)
        self._on_frame(frame.startTime() / 1_000_000, frame.toImage())

    def read(self) -> None:
        """Play the file to its end, handing over every frame; raises VideoError."""
        if not self._path.is_file():
            raise VideoError(
                QCoreApplication.translate("Video", "there is no file at {path}").format(
                    path=self._path
                )
            )
        loop = QEventLoop()
        stall = QTimer(singleShot=True, interval=GIVE_UP_MS)
        stall.timeout.connect(loop.quit)

        def status(state: QMediaPlayer.MediaStatus) -> None:
            if state in (
                QMediaPlayer.MediaStatus.EndOfMedia,
                QMediaPlayer.MediaStatus.InvalidMedia,
            ):
                loop.quit()
            elif state is QMediaPlayer.MediaStatus.LoadedMedia and not self._player.hasVideo():
                self._error = QCoreApplication.translate("Video", "it has no picture")
                loop.quit()

        def failed(_error: QMediaPlayer.Error, message: str) -> None:
            self._error = message or self._player.errorString()
            loop.quit()

        self._player.mediaStatusChanged.connect(status)
        self._player.errorOccurred.connect(failed)
        self._player.positionChanged.connect(lambda _ms: loop.isRunning() and stall.start())
        self._player.setSource(QUrl.fromLocalFile(str(self._path.resolve())))
        self._player.setPlaybackRate(self._rate)
        self._player.play()
        stall.start()
        loop.exec()
        self._player.stop()
        stall.stop()
        if self._error or self._player.mediaStatus() is QMediaPlayer.MediaStatus.InvalidMedia:
            why = self._error or self._player.errorString()
            raise VideoError(
                QCoreApplication.translate(
                    "Video", "{path} is not a video Hinge can read ({why})"
                ).format(path=self._path, why=why or "unknown format")
            )
        if self._frames == 0:
            raise VideoError(
                QCoreApplication.translate("Video", "{path} has no frames to read").format(
                    path=self._path
                )
            )
        if self._frames == 1:
            raise VideoError(
                QCoreApplication.translate(
                    "Video", "{path} is a still picture, not a video: it has one frame"
                ).format(path=self._path)
            )
