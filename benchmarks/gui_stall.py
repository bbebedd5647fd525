"""GUI-thread stalls while speaking: the workout player with the real voice against no voice.

Why: the person follows the figure and the countdown from across the room while the coach
speaks. The voice renders cues with pyttsx3 on its own thread and mixes them on an audio thread,
but both are Python threads sharing the interpreter with the window: if rendering, reading a
cached cue or mixing holds the GIL (or the window waits on a lock) for long, the figure jerks and
the clock skips. The product's bar ("How fast"): no GUI-thread stall over 16 ms while speaking,
measured as the longest stall with speech against the same run without it.

How: a private PulseAudio server with a null sink stands in for the speakers (the sound is
really played, into nothing). A real ``WorkoutView`` at 1280×800 (shown, offscreen platform)
runs a kettlebell swing workout (a 2 s tempo with cues every half second) after a 3 s get-ready,
in real time, for ``--seconds``. A 5 ms PreciseTimer on the GUI thread records
``time.monotonic()`` at each beat; a stall is a gap between beats minus the 5 ms. The same run
is made with the real voice (``open_speaker``: espeak-ng through pyttsx3, cues prepared before
the start, as when a drill is shown and then started) and with ``SilentSpeaker``, alternating
(silent, voice, voice, silent, ...) in one process. Every cue the voice places or drops is
counted through ``on_played``, so a run proves speech happened. A last "live" run starts with an
empty cue cache and does not wait for the cues to be prepared, so they are rendered as they come.

Exits 1 if the voice run's longest stall is more than 16 ms over the silent run's, or no cue was
heard; 2 if PulseAudio, espeak-ng or a sound output is missing.

    python benchmarks/gui_stall.py [--seconds 20] [--rounds 2]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from hinge_desktop.domain.timeline import Step
    from hinge_desktop.speech.audio_engine import Played
    from hinge_desktop.speech.speaker import Speaker

from null_sink import pulse_server

BAR_MS = 16.0
BEAT_MS = 5
DRILL = "kettlebell-swing"
GET_READY = 3.0
READY_TIMEOUT = 60.0
WAKE_AFTER = 5.0
"""Seconds of waiting for the cues after which the sound stream is woken with a beep."""
SETTLE = 0.5
"""Seconds of event loop after the view is shown and before the measured run starts."""


@dataclass
class Run:
    """One measured run: the heartbeat's beats and what the voice did."""

    kind: str
    beats: list[float] = field(default_factory=list)
    played: list[tuple[str, Played]] = field(default_factory=list)
    wake_beeps: int = 0

    def gaps_ms(self) -> list[float]:
        return [(b - a) * 1000 for a, b in zip(self.beats, self.beats[1:], strict=False)]

    def longest_stall(self) -> float:
        return max(self.gaps_ms()) - BEAT_MS

    def heard(self) -> list[Played]:
        return [p for _text, p in self.played if not p.dropped and p.heard is not None]

    def beeps(self) -> int:
        """Beeps said for a countdown cue that was not ready (a beep has no text)."""
        return sum(not text for text, _p in self.played)

    def dropped(self) -> int:
        return sum(p.dropped for _text, p in self.played)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def workout_steps() -> tuple[Step, ...]:
    """Kettlebell swings after a short get-ready: a cue every half second or so."""
    from hinge_desktop.domain.catalogue import builtin_catalogue
    from hinge_desktop.domain.timeline import build_steps

    drill = next(d for d in builtin_catalogue().drills if d.id == DRILL)
    return build_steps([drill], get_ready=GET_READY)


def cue_texts(steps: tuple[Step, ...]) -> list[str]:
    """The spoken cues of these steps, at the default density, as the view plans them."""
    from hinge_desktop.domain.cue_plan import plan_cues
    from hinge_desktop.domain.cues import Density
    from hinge_desktop.ui.workout.workout_text import cue_words

    words = cue_words()
    return list(dict.fromkeys(c.text(words) for c in plan_cues(steps, Density.EVERY_REP)))


def spin(app: QApplication, seconds: float, until: Callable[[], bool] = lambda: False) -> bool:
    """Run the event loop for ``seconds`` or until ``until()``; returns ``until()``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if until():
            return True
        app.processEvents()
        time.sleep(0.005)
    return until()


def wait_until_ready(app: QApplication, run: Run, speaker: Speaker, texts: list[str]) -> None:
    """Wait until every cue would start on time: rendered, and the sound stream flowing.

    The stream is suspended after some seconds with nothing to play, and only a sound handed
    over wakes it; if it is idle with the cues rendered, a beep (before the measured run) does.
    """
    deadline = time.monotonic() + READY_TIMEOUT
    while not spin(app, WAKE_AFTER, lambda: all(map(speaker.is_ready, texts))):
        if time.monotonic() > deadline:
            missing = [text for text in texts if not speaker.is_ready(text)]
            raise SystemExit(
                f"{run.kind}: {len(texts) - len(missing)} of {len(texts)} cues ready after "
                f"{READY_TIMEOUT:.0f} s; not ready: {', '.join(map(repr, missing))}; the voice's "
                f"problem: {speaker.voice_problem() or 'none reported'}"
            )
        speaker.beep_at(time.monotonic())
        run.wake_beeps += 1


def measure(
    app: QApplication,
    kind: str,
    speaker: Speaker,
    data_dir: Path,
    seconds: float,
    wait_for: list[str],
) -> Run:
    """Run the workout in a real view for ``seconds`` under a 5 ms heartbeat."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    from hinge_desktop.paths import DataPaths
    from hinge_desktop.speech.voice_speaker import VoiceSpeaker
    from hinge_desktop.ui.preferences import Preferences
    from hinge_desktop.ui.workout.workout_view import WorkoutView

    run = Run(kind)
    lock = threading.Lock()
    if isinstance(speaker, VoiceSpeaker):

        def on_played(text: str, played: Played) -> None:  # on the audio thread
            with lock:
                run.played.append((text, played))

        speaker.on_played = on_played

    view = WorkoutView(speaker, Preferences(DataPaths(root=data_dir).settings))
    view.resize(1280, 800)
    view.show()
    steps = workout_steps()
    view.load(steps)  # prepares the cues in the background, as show_drill does
    spin(app, SETTLE)
    if wait_for:
        wait_until_ready(app, run, speaker, wait_for)

    with lock:
        run.played.clear()  # a beep that woke the stream is not part of the run
    heartbeat = QTimer()
    heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
    heartbeat.setInterval(BEAT_MS)
    heartbeat.timeout.connect(lambda: run.beats.append(time.monotonic()))
    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    run.beats.append(time.monotonic())
    heartbeat.start()
    view.start_pause()
    loop.exec()
    heartbeat.stop()
    if not view.is_running():
        raise SystemExit(f"{kind}: the workout stopped before the end of the run")
    view.unload()
    view.close()
    view.deleteLater()
    spin(app, 0.3)
    return run


def open_voice(cache: Path) -> Speaker:
    from hinge_desktop.speech.choose import open_speaker
    from hinge_desktop.speech.voice_speaker import VoiceSpeaker

    speaker = open_speaker(cache)
    if not isinstance(speaker, VoiceSpeaker):
        print(f"no voice, cannot measure speech: {speaker.voice_problem()}", file=sys.stderr)
        speaker.close()
        raise SystemExit(2)
    return speaker


def describe(run: Run) -> None:
    line = (
        f"    {run.kind:<7} {len(run.beats):5d} beats, longest stall "
        f"{run.longest_stall():6.2f} ms, p99 gap {percentile(run.gaps_ms(), 0.99):5.2f} ms"
    )
    if run.kind != "silent":
        heard = run.heard()
        late = max((abs(p.heard - p.due) for p in heard if p.heard is not None), default=0.0)
        line += (
            f"; cues {len(heard)} heard ({run.beeps()} of them beeps), {run.dropped()} dropped "
            f"(furthest from its moment {late * 1000:.1f} ms)"
        )
        if run.wake_beeps:
            line += f"; the idle sound stream woken {run.wake_beeps}× before the start"
    print(line)


def summary(runs: list[Run]) -> tuple[float, float]:
    """The longest stall over these runs and the p99 of all their gaps, in ms."""
    gaps = [gap for run in runs for gap in run.gaps_ms()]
    return max(run.longest_stall() for run in runs), percentile(gaps, 0.99)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0, help="each run (default 20)")
    parser.add_argument(
        "--rounds", type=int, default=2, help="silent and voice runs of each (default 2)"
    )
    options = parser.parse_args()
    if options.seconds > GET_READY + 23:
        parser.error(f"--seconds must be at most {GET_READY + 23:g}: the set ends then")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Which audio libraries Qt Multimedia looked for is not part of the figures.
    os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.symbolsresolver=false")
    for tool in ("pulseaudio", "pactl", "espeak-ng"):
        if shutil.which(tool) is None:
            print(f"{tool} is not installed: cannot measure speech", file=sys.stderr)
            return 2

    with pulse_server(), tempfile.TemporaryDirectory(prefix="hinge-bench-") as folder:
        from PySide6.QtWidgets import QApplication

        from hinge_desktop.speech.speaker import SilentSpeaker

        app = QApplication.instance() or QApplication(sys.argv[:1])
        assert isinstance(app, QApplication)
        data_dir = Path(folder)
        texts = cue_texts(workout_steps())
        silent = SilentSpeaker("benchmark: no voice")
        runs: list[Run] = []
        for round_number in range(options.rounds):
            for kind in ("silent", "voice") if round_number % 2 == 0 else ("voice", "silent"):
                if kind == "silent":
                    runs.append(measure(app, kind, silent, data_dir, options.seconds, []))
                    continue
                # A new voice each time, on the same cue cache: rendered in the first voice
                # run, read back from the cache in the others, prepared before the start.
                voice = open_voice(data_dir / "cue-cache")
                try:
                    runs.append(measure(app, kind, voice, data_dir, options.seconds, texts))
                finally:
                    voice.close()
        voice = open_voice(data_dir / "empty-cue-cache")
        try:
            live = measure(app, "live", voice, data_dir, options.seconds, [])
        finally:
            voice.close()

    beats = round(options.seconds * 1000 / BEAT_MS)
    print(
        f"GUI-thread stalls, {BEAT_MS} ms PreciseTimer heartbeat ({beats} beats a run), "
        f"WorkoutView 1280×800, {DRILL} with a {GET_READY:g} s get-ready, "
        f"{options.seconds:g} s runs, {len(texts)} distinct cues, "
        f"QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']}, PulseAudio null sink"
    )
    voice_runs = [r for r in runs if r.kind == "voice"]
    print("  each run, in the order made:")
    for run in [*runs, live]:
        describe(run)
    silent_stall, silent_p99 = summary([r for r in runs if r.kind == "silent"])
    voice_stall, voice_p99 = summary(voice_runs)
    live_stall, live_p99 = summary([live])
    heard = sum(len(r.heard()) for r in voice_runs)
    dropped = sum(r.dropped() for r in voice_runs)
    print(
        f"  no speech:          longest stall {silent_stall:6.2f} ms, p99 gap {silent_p99:5.2f} ms"
    )
    print(
        f"  speaking (prepared): longest stall {voice_stall:6.2f} ms, p99 gap {voice_p99:5.2f} ms;"
        f" {heard} cues heard, {dropped} dropped"
    )
    print(
        f"  speaking (live, empty cache, not awaited): longest stall {live_stall:6.2f} ms, "
        f"p99 gap {live_p99:5.2f} ms; {len(live.heard())} cues heard, {live.dropped()} dropped; "
        f"{live_stall - silent_stall:+.2f} ms over no speech "
        f"({'within' if live_stall - silent_stall <= BAR_MS else 'OVER'} the bar, for reference)"
    )
    difference = voice_stall - silent_stall
    verdict = "within" if difference <= BAR_MS else "OVER"
    ratio = voice_stall / max(silent_stall, 0.01)
    print(
        f"  speaking - no speech: {difference:+.2f} ms longest stall ({ratio:.2f}×), "
        f"p99 gap {voice_p99 - silent_p99:+.2f} ms  ({verdict} the bar of ≤ {BAR_MS:g} ms)"
    )
    if heard == 0:
        print("  no cue was heard in the speaking runs: the measurement proves nothing")
        return 1
    return 0 if difference <= BAR_MS else 1


if __name__ == "__main__":
    sys.exit(main())
