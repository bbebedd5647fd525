"""A filmed set played back at 1×, ½× or ¼×, a frame at a time when paused, beside the drill's
figure moving at the same pace: the figure's clock is the clip's, so it slows, stops and steps
with it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtMultimedia import QMediaPlayer, QVideoFrame, QVideoSink
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hinge_desktop.domain.drills import Drill
from hinge_desktop.ui.camera.clip_keys import BACK, ON, PLAY, SPEED_KEYS
from hinge_desktop.ui.camera.frame_sources import NO_GPU
from hinge_desktop.ui.camera.frame_view import FrameView
from hinge_desktop.ui.widgets.chips import ChipRow
from hinge_desktop.ui.widgets.figure_widget import FigureWidget

SPEEDS = ((1.0, "1×"), (0.5, "½×"), (0.25, "¼×"))
FRAME_US = 33_333
"""A frame's length when the clip does not say (30 frames a second)."""


def tr(text: str) -> str:
    return QCoreApplication.translate("Camera", text)


def clock(ms: int) -> str:
    """m:ss.ss: a frame's step (a 30th of a second) shows."""
    minutes, rest = divmod(max(0, ms) / 1000, 60)
    return f"{int(minutes)}:{rest:05.2f}"


class ClipReplay(QWidget):
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clipReplay")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        from hinge_desktop.qt_messages import drop_qt_message

        drop_qt_message(NO_GPU)
        self.player = QMediaPlayer(self)
        self._sink = QVideoSink(self)
        self.player.setVideoSink(self._sink)
        self._sink.videoFrameChanged.connect(self._frame, Qt.ConnectionType.QueuedConnection)
        self.player.errorOccurred.connect(
            lambda _e, message: self.failed.emit(message or self.player.errorString())
        )
        self.player.positionChanged.connect(self._position)
        self.player.durationChanged.connect(self._duration)
        self.player.playbackStateChanged.connect(self._playing)
        self._shown_us = 0
        self._frame_us = FRAME_US
        self.view = FrameView()
        self.view.setObjectName("replayView")
        self.view.setAccessibleName(tr("Recorded set"))
        self.view.guide = False
        self.figure = FigureWidget()
        self.figure.setObjectName("replayFigure")
        self.figure.setMinimumSize(120, 60)
        self.figure.set_time_source(lambda: self._shown_us / 1_000_000)
        self.play_button = QPushButton(tr("Play"))
        self.play_button.setObjectName("replayPlay")
        self.play_button.setToolTip(tr("Play or pause (Space)"))
        self.play_button.clicked.connect(self.toggle)
        self.back = QToolButton()
        self.back.setObjectName("replayStepBack")
        self.back.setText("◀|")
        self.back.setAccessibleName(tr("A frame back"))
        self.back.setToolTip(tr("A frame back (Left arrow)"))
        self.back.clicked.connect(lambda: self.step(-1))
        self.forward = QToolButton()
        self.forward.setObjectName("replayStepForward")
        self.forward.setText("|▶")
        self.forward.setAccessibleName(tr("A frame on"))
        self.forward.setToolTip(tr("A frame on (Right arrow)"))
        self.forward.clicked.connect(lambda: self.step(1))
        self.speeds = ChipRow[float](
            "replaySpeed", tr("Speed"), [(rate, text) for rate, text in SPEEDS]
        )
        self.speeds.setToolTip(tr("Play at 1×, ½× or ¼× (keys 1, 2, 3)"))
        self.speeds.changed.connect(lambda: self.set_speed(self.speeds.value()))
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("replayPosition")
        self.slider.setAccessibleName(tr("Place in the clip"))
        self.slider.sliderMoved.connect(self.player.setPosition)
        self.time = QLabel(clock(0))
        self.time.setObjectName("replayTime")
        self.mirror = QCheckBox(tr("Mirror"))
        self.mirror.setObjectName("replayMirror")
        self.mirror.setChecked(True)
        self.mirror.toggled.connect(self._mirror)
        pictures = QHBoxLayout()
        pictures.addWidget(self.view, 3)
        pictures.addWidget(self.figure, 2)
        controls = QHBoxLayout()
        controls.addWidget(self.play_button)
        controls.addWidget(self.back)
        controls.addWidget(self.forward)
        controls.addWidget(self.speeds)
        controls.addWidget(self.slider, 1)
        controls.addWidget(self.time)
        controls.addWidget(self.mirror)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(pictures, 1)
        layout.addLayout(controls)
        self._enable(False)
        self.keys_in(self)

    def _enable(self, on: bool) -> None:
        for widget in (self.play_button, self.back, self.forward, self.slider):
            widget.setEnabled(on)

    def load(self, path: Path | None, drill: Drill | None) -> None:
        """Show ``path`` from its start, paused, beside ``drill``'s figure; None shows nothing."""
        source = QUrl.fromLocalFile(str(path)) if path is not None else QUrl()
        if source == self.player.source() and drill is self.figure.drill():
            return
        self.player.stop()
        self._shown_us = 0
        self.view.show_frame(None)
        self.figure.set_drill(drill)
        self.figure.setVisible(drill is not None)
        self.player.setSource(source)
        self._enable(path is not None)
        if path is not None:
            self.player.pause()

    def speed(self) -> float:
        return self.player.playbackRate()

    def set_speed(self, rate: float) -> None:
        self.player.setPlaybackRate(rate)
        self.speeds.set_value(rate)

    def is_playing(self) -> bool:
        return self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def toggle(self) -> None:
        if self.is_playing():
            self.player.pause()
        else:
            if self.player.position() >= self.player.duration() > 0:
                self.player.setPosition(0)
            self.player.play()

    def step(self, frames: int) -> None:
        """Pause and show the frame ``frames`` on (or back, if negative)."""
        self.player.pause()
        target_us = max(0, self._shown_us + frames * self._frame_us)
        self.player.setPosition(min(self.player.duration(), target_us // 1000 + 1))

    def shown_seconds(self) -> float:
        """The time in the clip of the frame on show."""
        return self._shown_us / 1_000_000

    def _frame(self, frame: QVideoFrame) -> None:
        if not frame.isValid():
            return
        self._shown_us = max(0, frame.startTime())
        if frame.endTime() > frame.startTime():
            self._frame_us = frame.endTime() - frame.startTime()
        self.view.show_frame(frame.toImage())
        self.figure.update()

    def _position(self, ms: int) -> None:
        if not self.slider.isSliderDown():
            self.slider.setValue(ms)
        self.time.setText(f"{clock(ms)} / {clock(self.player.duration())}")

    def _duration(self, ms: int) -> None:
        self.slider.setRange(0, ms)
        self._position(self.player.position())

    def _playing(self, state: QMediaPlayer.PlaybackState) -> None:
        playing = state == QMediaPlayer.PlaybackState.PlayingState
        self.play_button.setText(tr("Pause") if playing else tr("Play"))

    def _mirror(self, on: bool) -> None:
        self.view.mirrored = on
        self.view.update()

    def keys_in(self, owner: QWidget) -> None:
        """The replay's keys while ``owner`` or a widget in it has the focus: Space plays or
        pauses, Left and Right step, 1, 2 and 3 choose the speed."""
        keys: list[tuple[str, Callable[[], None]]] = [
            (PLAY, self.toggle),
            (BACK, lambda: self.step(-1)),
            (ON, lambda: self.step(1)),
        ]
        keys += [
            (key, lambda r=rate: self.set_speed(r))
            for key, (rate, _t) in zip(SPEED_KEYS, SPEEDS, strict=True)
        ]
        for key, act in keys:
            shortcut = QShortcut(QKeySequence(key), owner)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(act)

    def stop(self) -> None:
        self.player.stop()
