"""Cue onset: from the moment a cue is due to its sound starting, as recorded from the output.

A private PulseAudio server with a null sink stands in for speakers; ``parec`` records its
monitor while Hinge's real voice (pyttsx3 with espeak-ng, the audio engine on Qt Multimedia)
says cues at set moments, handed over a little ahead as the workout player does. The moment each
recorded block was captured is known from when it arrived, so each cue's first audible sample
gets a time on the same monotonic clock as its due moment.

Two runs: cues pre-rendered into the cue cache and handed over shortly ahead (how the player
works), and cues synthesised on demand at their moment (the baseline). Negative figures are cues
that started early: the sound server's buffer is estimated, not reported, by Qt. The bar is
p95 under 30 ms for pre-rendered cues.

    python benchmarks/cue_onset.py [--cues 24]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from null_sink import pulse_server

if TYPE_CHECKING:
    from hinge_desktop.speech.voice_speaker import VoiceSpeaker

RATE = 22_050
BAR_MS = 30.0
LOUD = 1000
SPACING = 1.3
"""Seconds between cues: each ends before the next begins."""


class Recorder:
    """Records the null sink's monitor; maps each sample to the monotonic time it was captured."""

    def __init__(self) -> None:
        self._process = subprocess.Popen(
            ["parec", "-d", "nullsink.monitor", "--raw", "--format=s16le", f"--rate={RATE}",
             "--channels=1", "--latency-msec=2"],
            stdout=subprocess.PIPE,
        )  # fmt: skip
        self._blocks: list[tuple[float, int, bytes]] = []
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        assert self._process.stdout is not None
        total = 0
        while block := self._process.stdout.read1(4096):
            total += len(block)
            self._blocks.append((time.monotonic(), total, block))

    def stop(self) -> tuple[np.ndarray, float]:
        """The samples and the monotonic time of the first one."""
        self._process.terminate()
        self._thread.join(5)
        # A block arrives after its last sample was captured; the earliest arrival, less what
        # it holds, bounds the time of sample 0 most tightly.
        start = min(arrived - total / 2 / RATE for arrived, total, _ in self._blocks)
        raw = b"".join(block for _, _, block in self._blocks)
        return np.frombuffer(raw[: len(raw) // 2 * 2], dtype="<i2"), start


def onsets(samples: np.ndarray, start: float, dues: list[float]) -> list[float | None]:
    """For each due moment, milliseconds until the first loud sample after it (None: silence)."""
    loud = np.flatnonzero(np.abs(samples.astype(np.int32)) > LOUD)
    found: list[float | None] = []
    for due in dues:
        first = max(int((due - 0.08 - start) * RATE), 0)
        index = np.searchsorted(loud, first)
        if index >= len(loud) or (loud[index] / RATE + start) - due > SPACING / 2:
            found.append(None)
        else:
            found.append((start + loud[index] / RATE - due) * 1000)
    return found


def run(cues: int, prerender: bool, cache: Path) -> tuple[list[float | None], int]:
    from PySide6.QtCore import QCoreApplication

    from hinge_desktop.speech.choose import open_speaker
    from hinge_desktop.speech.voice_speaker import VoiceSpeaker

    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    speaker = open_speaker(cache)
    if not isinstance(speaker, VoiceSpeaker):
        raise SystemExit(f"no voice: {speaker.voice_problem()}")
    try:
        dropped: list[str] = []
        speaker.on_played = lambda text, played: dropped.append(text) if played.dropped else None
        word = "rep" if prerender else "set"  # new words for the live run: nothing cached
        texts = [f"{word} {n}" for n in range(1, cues + 1)]
        if prerender:
            speaker.prepare(texts)
        probe = texts[0] if prerender else "warm up"
        if not prerender:
            speaker.prepare([probe])
        deadline = time.monotonic() + 60
        awaited = texts if prerender else [probe]
        while not all(speaker.is_ready(t) for t in awaited):
            if time.monotonic() > deadline:
                raise SystemExit(not_ready(speaker, awaited))
            app.processEvents()
            time.sleep(0.01)
        recorder = Recorder()
        time.sleep(0.5)
        rng = random.Random(4)
        first = time.monotonic() + 0.7
        dues = [first + n * SPACING for n in range(len(texts))]
        for text, due in zip(texts, dues, strict=True):
            # The player hands cues over up to 0.6 s ahead; on demand, a cue is asked for when due.
            lead = rng.uniform(0.05, 0.6) if prerender else 0.0
            while time.monotonic() < due - lead:
                app.processEvents()
                time.sleep(0.001)
            speaker.say_at(text, due)
        # Until the last cue has been heard to its end: it was handed over up to 0.6 s early.
        while time.monotonic() < dues[-1] + SPACING:
            app.processEvents()
            time.sleep(0.01)
        samples, start = recorder.stop()
    finally:
        # Also when a cue is never ready: the voice's threads stop before the process ends.
        speaker.close()
    return onsets(samples, start, dues), len(dropped)


def not_ready(speaker: VoiceSpeaker, texts: list[str]) -> str:
    """Why the benchmark cannot go on: which cues are not ready, and whether the output runs."""
    missing = [t for t in texts if not speaker.is_ready(t)]
    output = "running" if speaker.output_running() else "not running"
    problem = speaker.voice_problem() or "none reported"
    return (
        f"{len(missing)} of {len(texts)} cues not ready within a minute ({', '.join(missing)}); "
        f"the sound output is {output}; the voice's problem: {problem}"
    )


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def report(name: str, found: list[float | None], dropped: int) -> float:
    heard = [v for v in found if v is not None]
    if not heard:
        print(f"{name}: nothing heard")
        return float("inf")
    p50, p95 = statistics.median(heard), percentile(heard, 0.95)
    off = percentile([abs(v) for v in heard], 0.95)
    print(
        f"{name}: p50 {p50:.1f} ms, p95 {p95:.1f} ms, range {min(heard):.1f}…{max(heard):.1f} ms,"
        f" p95 off its moment either way {off:.1f} ms"
        f" ({len(heard)} of {len(found)} heard, {dropped} dropped as too late)"
    )
    return p95


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cues", type=int, default=24)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with pulse_server(), tempfile.TemporaryDirectory() as folder:
        ready, ready_dropped = run(args.cues, True, Path(folder) / "ready")
        live, live_dropped = run(args.cues, False, Path(folder) / "live")
    print(f"cue onset, due moment to sound in the output, {args.cues} cues each:")
    ready_p95 = report("  pre-rendered (the player)", ready, ready_dropped)
    live_p95 = report("  synthesised on demand    ", live, live_dropped)
    if live_p95 != float("inf") and ready_p95 > 0:
        print(f"  ratio on demand/pre-rendered at p95: {live_p95 / ready_p95:.1f}×")
    verdict = "within" if ready_p95 < BAR_MS else "OVER"
    print(f"pre-rendered p95 {ready_p95:.1f} ms: {verdict} the bar of < {BAR_MS:.0f} ms")
    return 0 if ready_p95 < BAR_MS else 1


if __name__ == "__main__":
    sys.exit(main())
