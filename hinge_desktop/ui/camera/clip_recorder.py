"""Recording a set: the pictures the camera panel shows, written to a video file in the clips
folder by Qt's own recorder (MPEG-4), with the times they were seen.

The frames come from whichever source the panel has (a camera, a clip, the figure), so what is
recorded is what the person saw, and a machine with no camera records the same way. The file is
written under a dot name and only becomes a clip once the recorder has closed it: a recording
cut short leaves nothing half-written behind.
"""

from __future__ import annotations

from collections import deque
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QLocale,
    QObject,
    QSize,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import (
    QMediaCaptureSession,
    QMediaFormat,
    QMediaRecorder,
    QVideoFrame,
    QVideoFrameInput,
)

from hinge_desktop.storage.clip_store import Clip, ClipError, ClipStore
from hinge_desktop.ui.plurals import plural

WAITING = 15
"""Frames held while the encoder catches up; past it the oldest is dropped, as a camera would."""
FLUSH_MS = 2000
"""The longest the frames still waiting at Stop may take to go in before the file is closed."""
FRAME_RATE = 30.0
"""The rate the file declares; each frame keeps the time it was seen."""


def tr(text: str) -> str:
    return QCoreApplication.translate("Camera", text)


def _media_format() -> QMediaFormat:
    media = QMediaFormat(QMediaFormat.FileFormat.MPEG4)
    encode = QMediaFormat.ConversionMode.Encode
    codecs = media.supportedVideoCodecs(encode)
    for codec in (QMediaFormat.VideoCodec.H264, QMediaFormat.VideoCodec.MPEG4):
        if codec in codecs:
            media.setVideoCodec(codec)
            break
    return media


def saved_words(clip: Clip, removed: list[Clip], filled: bool) -> str:
    """What the panel says of a clip just saved."""
    size = QLocale().formattedDataSize(clip.size, 1, QLocale.DataSizeFormat.DataSizeSIFormat)
    text = tr("Saved a clip of the set ({size}): Clips… replays it.").format(size=size)
    if filled:
        text += " " + tr("It filled the room for clips, so filming stopped.")
    if removed:
        words = QCoreApplication.translate(
            "Camera", "%n older clip(s) not kept removed to make room.", None, len(removed)
        )
        text += " " + plural(words, len(removed))
    return text


class ClipRecorder(QObject):
    saved = Signal(object, list)
    """(the new :class:`Clip`, the clips removed to keep under the cap)."""
    failed = Signal(str)

    def __init__(self, store: ClipStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._session = QMediaCaptureSession(self)
        self._input = QVideoFrameInput(self)
        self._session.setVideoFrameInput(self._input)
        self._recorder = QMediaRecorder(self)
        self._recorder.setMediaFormat(_media_format())
        self._recorder.setQuality(QMediaRecorder.Quality.NormalQuality)
        self._recorder.setVideoFrameRate(FRAME_RATE)
        self._session.setRecorder(self._recorder)
        self._input.readyToSendVideoFrame.connect(self._send)
        self._recorder.recorderStateChanged.connect(self._state)
        self._recorder.errorOccurred.connect(self._error)
        self._waiting: deque[QVideoFrame] = deque()
        self._paths: tuple[Path, Path] | None = None
        self._first: float | None = None
        self._last = 0.0
        self._problem = ""
        self._stopping = False
        self._room = 0
        self.filled_room = False
        self.frames = 0
        self.dropped = 0

    def is_recording(self) -> bool:
        return self._paths is not None and not self._stopping

    def is_finishing(self) -> bool:
        """Stopped, and the file is being closed."""
        return self._paths is not None and self._stopping

    def pending(self) -> int:
        """Frames given and not yet taken by the encoder."""
        return len(self._waiting)

    def length(self) -> str:
        """How long the clip under way is, as m:ss."""
        seconds = self._last - self._first if self._first is not None else 0.0
        minutes, seconds = divmod(int(seconds), 60)
        return f"{minutes}:{seconds:02d}"

    def start(self, drill_id: str, when: datetime) -> None:
        """Begin a clip of ``drill_id``; :class:`ClipError` if there is no room or no folder."""
        if self._paths is not None:
            raise ClipError(tr("The last clip is still being saved: try again in a moment."))
        if self._store.kept_fill_cap():
            raise ClipError(
                tr("Kept clips fill the room for clips: delete some, or give clips more room.")
            )
        room = self._store.cap_bytes - sum(c.size for c in self._store.clips() if c.kept)
        partial, final = self._store.recording_paths(drill_id, when)
        self._paths = (partial, final)
        self._first = None
        self._problem = ""
        self._stopping = False
        self.filled_room = False
        self.frames = self.dropped = 0
        self._recorder.setOutputLocation(QUrl.fromLocalFile(str(partial)))
        self._recorder.setVideoResolution(QSize())  # the frames' own size
        self._room = room
        self._recorder.record()

    def add(self, seconds: float, image: QImage) -> None:
        """A picture seen ``seconds`` after the source started."""
        if not self.is_recording() or image.isNull():
            return
        self._last = seconds
        if self._first is None:
            self._first = seconds
        frame = QVideoFrame(image.convertToFormat(QImage.Format.Format_RGBX8888))
        start = round((seconds - self._first) * 1_000_000)
        frame.setStartTime(start)
        frame.setEndTime(start + 33_333)
        frame.setStreamFrameRate(FRAME_RATE)
        self._waiting.append(frame)
        if self.frames % 30 == 0 and self._full():
            self.filled_room = True
            self.stop()
            return
        while len(self._waiting) > WAITING:
            self._waiting.popleft()
            self.dropped += 1
        self._send()

    def _full(self) -> bool:
        """The clip has taken all the room for clips that kept ones leave."""
        try:
            return bool(self._paths) and self._paths[0].stat().st_size >= self._room
        except OSError:
            return False

    def _send(self) -> None:
        while self._waiting and self._input.sendVideoFrame(self._waiting[0]):
            self._waiting.popleft()
            self.frames += 1
        if self._stopping and not self._waiting and self._paths is not None:
            self._close()

    def stop(self) -> None:
        """Finish the clip; ``saved`` or ``failed`` follows once the file is closed."""
        if not self.is_recording():
            return
        self._stopping = True
        self._send()  # the frames still waiting go in first; then the file is closed
        if self._waiting:
            QTimer.singleShot(FLUSH_MS, self._close)

    def finish_now(self) -> None:
        """Stop, and wait (a few seconds at most) for the clip to be saved: Hinge is quitting."""
        if not (self.is_recording() or self.is_finishing()):
            return
        waiting = QEventLoop()
        self.saved.connect(waiting.quit)
        self.failed.connect(waiting.quit)
        give_up = QTimer(singleShot=True, interval=5000)
        give_up.timeout.connect(waiting.quit)
        self.stop()
        if self.is_finishing():
            give_up.start()
            waiting.exec()
            give_up.stop()

    def _close(self) -> None:
        if self._recorder.recorderState() != QMediaRecorder.RecorderState.StoppedState:
            self._waiting.clear()
            self._recorder.stop()

    def _error(self, _error: QMediaRecorder.Error, message: str) -> None:
        self._problem = message or self._recorder.errorString()
        if self._recorder.recorderState() == QMediaRecorder.RecorderState.StoppedState:
            self._state(QMediaRecorder.RecorderState.StoppedState)

    def _state(self, state: QMediaRecorder.RecorderState) -> None:
        if state != QMediaRecorder.RecorderState.StoppedState or self._paths is None:
            return
        partial, final = self._paths
        self._paths = None
        self._waiting.clear()
        if self._problem or self.frames == 0 or not partial.is_file():
            partial.unlink(missing_ok=True)
            why = self._problem or tr("no picture reached the recorder")
            self.failed.emit(tr("The set was not recorded: {why}").format(why=why))
            return
        try:
            clip: Clip = self._store.finish(partial, final)
        except ClipError as error:
            self.failed.emit(str(error))
            return
        self.saved.emit(clip, self._store.make_room(spare=clip))
