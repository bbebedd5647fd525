"""Playback on time: one audio stream, fed from its own thread, that plays sounds at set moments.

A sound handed over with the moment it is due is placed in the stream at the sample that will be
heard then, so it starts on time however busy the window is. Qt's own output buffer is kept
short (``QUEUE_SECONDS``) and counted in that placement, with the sound server's own buffer
(``OUTPUT_LATENCY``). Between sounds the stream plays
silence, so starting a sound never waits for an audio device to wake up.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import (
    QCoreApplication,
    QIODevice,
    QMetaObject,
    QObject,
    Qt,
    QThread,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtMultimedia import QAudioFormat, QAudioSink, QMediaDevices, QtAudio

from hinge_desktop.speech.exit_guard import close_at_exit
from hinge_desktop.speech.mixing import Mix, Played
from hinge_desktop.speech.sounds import RATE, Samples

BYTES_PER_SECOND = RATE * 2
QUEUE_SECONDS = 0.012
"""Audio kept ahead in Qt's buffer: enough to ride over a short stall of this thread."""
OUTPUT_LATENCY = 0.017
"""Audio the sound server keeps after Qt hands it over, which Qt does not report: PulseAudio
showed 25 ms of "Buffer Latency" for this stream (``pactl list sink-inputs``), and recorded
onsets centre on the due moment with 17 ms (``benchmarks/cue_onset.py``)."""
FEED_MS = 3
IDLE_AFTER = 300.0
"""Seconds with nothing to play after which the stream is suspended (no wake-ups when idle).
Longer than any rest, so a workout's stream never has to start again between cues."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("Speech", text)


class _Feeder(QObject):
    """Lives on the audio thread: owns the QAudioSink and keeps it fed."""

    failed = Signal(str)
    _wake = Signal()

    def __init__(self, mix: Mix) -> None:
        super().__init__()
        self._mix = mix
        self._sink: QAudioSink | None = None
        self._io: QIODevice | None = None
        self._timer: QTimer | None = None
        self._processed_at_start = 0

    @Slot()
    def begin(self) -> None:
        device = QMediaDevices.defaultAudioOutput()
        if device.isNull():
            self.failed.emit(_tr("no sound output was found"))
            return
        audio_format = QAudioFormat()
        audio_format.setSampleRate(RATE)
        audio_format.setChannelCount(1)
        audio_format.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        if not device.isFormatSupported(audio_format):
            self.failed.emit(_tr("{device} cannot play speech").format(device=device.description()))
            return
        self._sink = QAudioSink(device, audio_format, self)
        self._sink.setBufferSize(int(BYTES_PER_SECOND * QUEUE_SECONDS * 4))
        self._io = self._sink.start()
        if self._io is None or self._sink.error() != QtAudio.Error.NoError:
            self.failed.emit(_tr("{device} cannot be opened").format(device=device.description()))
            self._sink.deleteLater()
            self._sink = self._io = None
            return
        self._timer = QTimer(self)
        self._timer.setObjectName("audioFeedTimer")
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(FEED_MS)
        self._timer.timeout.connect(self._feed)
        self._wake.connect(self._on_wake)
        self._timer.start()

    def wake(self) -> None:
        """Called from any thread when a sound is handed over."""
        self._wake.emit()

    @Slot()
    def _on_wake(self) -> None:
        if self._sink is None or self._timer is None or self._timer.isActive():
            return
        self._processed_at_start = self._sink.processedUSecs()
        self._sink.resume()
        self._timer.start()

    @Slot()
    def _feed(self) -> None:
        sink, io = self._sink, self._io
        if sink is None or io is None:
            return
        if sink.error() not in (QtAudio.Error.NoError, QtAudio.Error.UnderrunError):
            self.failed.emit(_tr("the sound output stopped working"))
            self.shutdown()
            return
        if not self._mix.running and sink.processedUSecs() > self._processed_at_start:
            self._mix.running = True
        queued = max(sink.bufferSize() - sink.bytesFree(), 0)
        wanted = min(int(BYTES_PER_SECOND * QUEUE_SECONDS) - queued, sink.bytesFree())
        if wanted < 64:
            return
        first_heard = time.monotonic() + queued / BYTES_PER_SECOND + OUTPUT_LATENCY
        io.write(self._mix.frames(wanted // 2, first_heard).tobytes())
        if time.monotonic() - self._mix.last_sound > IDLE_AFTER and self._timer is not None:
            with self._mix.lock:
                idle = not self._mix.sounds
            if idle:
                self._timer.stop()
                sink.suspend()
                self._mix.running = False

    @Slot()
    def shutdown(self) -> None:
        """Stop feeding and close the stream, here on the audio thread that made them; the
        sink and the timer are deleted as this thread finishes, never from another one."""
        timer, sink = self._timer, self._sink
        self._timer = self._sink = self._io = None
        if timer is not None:
            timer.stop()
            timer.deleteLater()
        if sink is not None:
            sink.stop()
            sink.deleteLater()


class AudioEngine(QObject):
    """Plays sounds at given ``time.monotonic()`` moments on a stream fed from its own thread.

    ``play_at``, ``stop`` and ``set_volume`` may be called from any thread.
    """

    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._mix = Mix()
        self._problem: str | None = None
        self._thread = QThread()
        self._thread.setObjectName("audioThread")
        self._feeder = _Feeder(self._mix)
        self._feeder.moveToThread(self._thread)
        self._thread.started.connect(self._feeder.begin)
        self._feeder.failed.connect(self._on_failed)
        self._thread.start()
        # The thread and the feeder are kept for the exit hook, not this engine: they are what
        # must not be destroyed while the thread runs.
        self._stop = partial(_stop_feeding, self._thread, self._feeder)
        self._forget_at_exit = close_at_exit(self._stop)

    def problem(self) -> str | None:
        """Why nothing can be heard, or None while the stream works."""
        return self._problem

    def is_running(self) -> bool:
        """True when a sound handed over now would be heard on time (the stream is flowing);
        asking wakes a stream suspended after a long silence."""
        if not self._mix.running:
            with self._mix.lock:
                self._mix.last_sound = time.monotonic()
            self._feeder.wake()
        return self._mix.running

    def wake(self) -> None:
        """Have the stream flowing soon: sounds are coming (a stream suspended after a long
        silence takes a moment to play again)."""
        self.is_running()

    def play_at(
        self,
        samples: Samples,
        due: float,
        on_start: Callable[[Played], None] | None = None,
        *,
        latest: float | None = None,
    ) -> Played:
        """Play ``samples`` so they are heard at ``due``, or as soon as the stream can if that
        has passed, as long as it is no later than ``latest`` (``due`` + LATE_LIMIT unless
        given); past that the sound is dropped.

        ``on_start`` is called on the audio thread once the sound is placed (or dropped).
        """
        report = self._mix.add(samples, due, latest, on_start)
        self._feeder.wake()
        return report

    def stop(self) -> None:
        """Silence now: what plays stops within the short output queue, nothing waiting plays."""
        with self._mix.lock:
            self._mix.sounds.clear()

    def set_volume(self, volume: float) -> None:
        with self._mix.lock:
            self._mix.volume = min(max(volume, 0.0), 1.0)

    def close(self) -> None:
        """Stop the stream and its thread, in order: the feeding and the sink stop on the audio
        thread, then the thread ends and is waited for. Called when Hinge quits, and at the
        latest as Python exits (``exit_guard``): a QThread destroyed while it runs aborts."""
        self._forget_at_exit()
        self._stop()

    @Slot(str)
    def _on_failed(self, problem: str) -> None:
        self._problem = problem
        self.stop()
        self.failed.emit(problem)


def _stop_feeding(thread: QThread, feeder: _Feeder) -> None:
    """Close the stream on the audio thread, then end the thread and wait for it."""
    if thread.isRunning():
        QMetaObject.invokeMethod(feeder, "shutdown", Qt.ConnectionType.BlockingQueuedConnection)
        thread.quit()
        thread.wait()
